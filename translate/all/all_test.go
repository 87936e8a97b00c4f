package all_test

import (
	"slices"
	"testing"

	"github.com/bitext/bitext/translate/all"
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
