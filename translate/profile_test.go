package translate_test

import (
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestProfile(t *testing.T) {
	f := translate.Factory{
		Name:    "svc",
		Version: "2",
		Settings: []translate.Setting{
			{Name: "zeta", Shapes: true},
			{Name: "alpha", Shapes: true, Default: "on"},
			{Name: "key", Shapes: true, Secret: true}, // never shown, whatever it says
			{Name: "url"},
			{Name: "prompt", Shapes: true},
		},
	}
	cfg := translate.Config{
		Endpoint: "http://10.0.0.1:8080",
		Values:   map[string]string{"zeta": " z1 ", "key": "sk-secret", "url": "http://host", "prompt": `say "hi" = 1`},
	}
	const want = `svc@2 alpha=on prompt="say \"hi\" = 1" zeta=z1`
	for range 10 { // map order must not show
		if got := translate.Profile(f, cfg); got != want {
			t.Fatalf("profile %q, want %q", got, want)
		}
	}
	if got := translate.Profile(translate.Factory{Name: "plain"}, translate.Config{}); got != "plain" {
		t.Errorf("profile of a backend without shaping settings: %q", got)
	}
}
