package all_test

import (
	"slices"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/all"
	"github.com/bitext/bitext/translate/offline"
)

func TestRegistryListsEveryBackend(t *testing.T) {
	want := []string{"deepl", "google", "googlebasic", "libretranslate", "offline", "openai", "pseudo"}
	if got := all.Registry().Names(); !slices.Equal(got, want) {
		t.Errorf("backends %v, want %v", got, want)
	}
	f, err := all.Registry().Lookup(all.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Offline {
		t.Errorf("the default backend %s needs the network", f.Name)
	}
}

// TestProfiles checks what each backend's profile names: the settings that
// change its translations, never a key or an address.
func TestProfiles(t *testing.T) {
	r := all.Registry()
	for _, tc := range []struct {
		backend string
		values  map[string]string
		want    string
	}{
		{"openai", map[string]string{"model": "gpt-4o-mini", "key": "sk-proj-secret", "base_url": "http://127.0.0.1:11434/v1", "max_texts": "5"},
			"openai@" + mustFactory(t, r, "openai").Version + " model=gpt-4o-mini temperature=0"},
		{"deepl", map[string]string{"key": "k:fx", "glossary_id": "3f8e4c1a-0b2d-4e5f-8a9b-0c1d2e3f4a5b"},
			"deepl context=on glossary_id=3f8e4c1a-0b2d-4e5f-8a9b-0c1d2e3f4a5b"},
		{"google", map[string]string{"project": "p1", "location": "us-central1", "model": "general/translation-llm", "credentials": "/home/me/key.json"},
			"google model=general/translation-llm"},
		{"googlebasic", map[string]string{"key": "AIzaSecret", "model": "nmt"}, "googlebasic model=nmt"},
		{"libretranslate", map[string]string{"url": "http://localhost:5000", "key": "lt-secret"}, "libretranslate"},
		{"pseudo", nil, "pseudo@" + mustFactory(t, r, "pseudo").Version},
	} {
		f := mustFactory(t, r, tc.backend)
		if got := translate.Profile(f, translate.Config{Endpoint: "http://127.0.0.1:9", Values: tc.values}); got != tc.want {
			t.Errorf("%s: profile %q, want %q", tc.backend, got, tc.want)
		}
	}
	if p := translate.Profile(mustFactory(t, r, "offline"), translate.Config{}); p != "offline@"+offline.Version || offline.Version == "" {
		t.Errorf("offline profile %q", p)
	}
	if v := mustFactory(t, r, "openai").Version; len(v) != 9 || v[0] != 'p' {
		t.Errorf("openai's version %q does not name its prompt", v)
	}
}

func mustFactory(t *testing.T, r *translate.Registry, name string) translate.Factory {
	t.Helper()
	f, err := r.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
