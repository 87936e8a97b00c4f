package google

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestEndpoint(t *testing.T) {
	tests := []struct {
		endpoint, address string
		plaintext         bool
		err               string
	}{
		{"", "", false, ""},
		{"127.0.0.1:8443", "127.0.0.1:8443", false, ""},
		{"translate.example.com", "translate.example.com:443", false, ""},
		{"https://translate.example.com/", "translate.example.com:443", false, ""},
		{"[::1]:9000", "[::1]:9000", false, ""},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", true, ""},
		{"http://127.0.0.1:8080/", "127.0.0.1:8080", true, ""},
		{"http://localhost", "", false, "needs a port"},
		{"http://127.0.0.1:8080/v3", "", false, "without a path"},
		{"grpc://127.0.0.1:8080", "", false, "want host:port"},
	}
	for _, tt := range tests {
		address, plaintext, err := parseEndpoint(tt.endpoint)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.endpoint, err, tt.err)
			}
		case err != nil || address != tt.address || plaintext != tt.plaintext:
			t.Errorf("%q: got %q, plaintext %v, %v", tt.endpoint, address, plaintext, err)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	tests := []struct {
		endpoint string
		values   map[string]string
		err      string
	}{
		{"http://127.0.0.1:1", nil, "GOOGLE_CLOUD_PROJECT"},
		{"", map[string]string{"location": "us central"}, "not a Google location"},
		{"", map[string]string{"project": "projects/p1"}, "not a Google Cloud project"},
		{"", map[string]string{"glossary": "names", "location": "global"}, "needs a regional location"},
		{"", map[string]string{"glossary": "glossaries/names"}, "neither a glossary ID"},
		{"", map[string]string{"glossary": "projects/p1/locations/us-central1/glossaries/names", "location": "europe-west1"},
			"Google needs both in the same region"},
	}
	for _, tt := range tests {
		_, err := New(translate.Config{Endpoint: tt.endpoint, Values: tt.values})
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q %v: error %v, want %q", tt.endpoint, tt.values, err, tt.err)
		}
	}
}

func TestGlossaryNameGivesProjectAndLocation(t *testing.T) {
	b, err := New(translate.Config{Endpoint: "http://127.0.0.1:1", Values: map[string]string{
		"location": "global", "glossary": "projects/p1/locations/us-central1/glossaries/names",
	}})
	if err != nil {
		t.Fatal(err)
	}
	n := b.resourceNames(b.project)
	if n.parent != "projects/p1/locations/us-central1" || n.glossary != "projects/p1/locations/us-central1/glossaries/names" {
		t.Errorf("names %+v", n)
	}
}
