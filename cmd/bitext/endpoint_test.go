package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func init() {
	// No test of this package may reach a host that is not loopback: a
	// request to one goes to a proxy that is not there. (Go sends
	// requests to loopback addresses past the proxy.)
	for _, v := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		os.Setenv(v, "http://127.0.0.1:9")
	}
	os.Unsetenv("NO_PROXY")
	os.Unsetenv("no_proxy")
}

// TestEndpointCredentials: an address that only bitext.yaml names (the
// endpoint key, or a backend's url setting there) gets the user's
// credentials only if it is loopback or the service's own https host;
// plain http with credentials to a host that is not loopback is refused
// from anywhere. Refusals are usage errors, before anything is sent, and
// never show the key.
func TestEndpointCredentials(t *testing.T) {
	const key = "AIzaSy-SECRET-0123456789"
	for _, c := range []struct {
		name  string
		yaml  string
		flags []string
		env   map[string]string
		want  string // "" for a run that goes ahead
	}{
		{"file http", "backend: googlebasic\nendpoint: http://bitext.invalid:8080/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, "googlebasic: endpoint http://bitext.invalid:8080/ is plain http to a host that is not loopback"},
		{"file https elsewhere", "backend: googlebasic\nendpoint: https://bitext.invalid/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, "googlebasic: endpoint https://bitext.invalid/ comes only from bitext.yaml, so GOOGLE_API_KEY will not be sent there"},
		{"file https own host", "backend: googlebasic\nendpoint: https://translation.googleapis.com/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, ""},
		{"file own host, other port", "backend: googlebasic\nendpoint: https://translation.googleapis.com:8443/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, "comes only from bitext.yaml"},
		{"file loopback http", "backend: googlebasic\nendpoint: http://127.0.0.1:9/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, ""},
		{"file localhost", "backend: googlebasic\nendpoint: http://localhost:9/\n", nil,
			map[string]string{"GOOGLE_API_KEY": key}, ""},
		{"file, no key, ADC", "backend: googlebasic\nendpoint: https://bitext.invalid/\n", nil,
			nil, "Application Default Credentials will not be sent there"},
		{"file plain http, no key", "backend: googlebasic\nendpoint: http://bitext.invalid/\n", nil,
			nil, ""},
		{"flag https", "backend: googlebasic\n", []string{"--endpoint", "https://bitext.invalid/"},
			map[string]string{"GOOGLE_API_KEY": key}, ""},
		{"flag same as file", "backend: googlebasic\nendpoint: https://bitext.invalid/\n", []string{"--endpoint", "https://bitext.invalid/"},
			map[string]string{"GOOGLE_API_KEY": key}, ""},
		{"flag http", "backend: googlebasic\n", []string{"--endpoint", "http://bitext.invalid/"},
			map[string]string{"GOOGLE_API_KEY": key}, "--endpoint http://bitext.invalid/ is plain http to a host that is not loopback, and GOOGLE_API_KEY would be sent over it"},
		{"openai file base_url", "backend: openai\nbackends:\n  openai:\n    base_url: https://bitext.invalid/v1\n    model: m\n", nil,
			map[string]string{"OPENAI_API_KEY": key}, "pass the address with --endpoint or OPENAI_BASE_URL"},
		{"openai env base_url", "backend: openai\nbackends:\n  openai:\n    model: m\n", nil,
			map[string]string{"OPENAI_API_KEY": key, "OPENAI_BASE_URL": "https://bitext.invalid/v1"}, ""},
		{"openai env http", "backend: openai\nbackends:\n  openai:\n    model: m\n", nil,
			map[string]string{"OPENAI_API_KEY": key, "OPENAI_BASE_URL": "http://bitext.invalid/v1"}, "OPENAI_BASE_URL http://bitext.invalid/v1 is plain http"},
		{"openai file, no key", "backend: openai\nbackends:\n  openai:\n    base_url: http://bitext.invalid/v1\n    model: m\n", nil,
			nil, ""},
		{"libretranslate file url, key", "backend: libretranslate\nbackends:\n  libretranslate:\n    url: https://bitext.invalid\n", nil,
			map[string]string{"LIBRETRANSLATE_API_KEY": key}, "libretranslate: backends.libretranslate.url https://bitext.invalid comes only from bitext.yaml"},
		{"libretranslate file url, no key", "backend: libretranslate\nbackends:\n  libretranslate:\n    url: https://bitext.invalid\n", nil,
			nil, ""},
		{"deepl file", "backend: deepl\nendpoint: https://bitext.invalid\n", nil,
			map[string]string{"DEEPL_AUTH_KEY": key}, "DEEPL_AUTH_KEY will not be sent there"},
		{"deepl file own", "backend: deepl\nendpoint: https://api-free.deepl.com\n", nil,
			map[string]string{"DEEPL_AUTH_KEY": key}, ""},
		{"google file TLS", "backend: google\nendpoint: bitext.invalid:443\n", nil,
			map[string]string{"GOOGLE_CLOUD_PROJECT": "p"}, "Application Default Credentials will not be sent there"},
		{"google file plaintext", "backend: google\nendpoint: http://bitext.invalid:80\n", nil,
			map[string]string{"GOOGLE_CLOUD_PROJECT": "p"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte(c.yaml), 0o644)
			os.WriteFile(filepath.Join(dir, "a.md"), []byte("# 标题\n"), 0o644)
			t.Chdir(dir)
			var stderr bytes.Buffer
			e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr,
				getenv: func(k string) string { return c.env[k] }}
			args := append([]string{"translate", "--dry-run", "--no-memory", "a.md"}, c.flags...)
			code := execute(e, args)
			msg := stderr.String()
			if strings.Contains(msg, key) {
				t.Errorf("the key is in the message:\n%s", msg)
			}
			if c.want == "" {
				if code != exitOK {
					t.Errorf("exit %d, want 0:\n%s", code, msg)
				}
				return
			}
			if code != exitUsage || !strings.Contains(msg, c.want) {
				t.Errorf("exit %d, want %d with %q:\n%s", code, exitUsage, c.want, msg)
			}
		})
	}
}

// TestGoogleBadCredentialsOnce: a credentials file of a type Google's
// library does not take is said once, with its path and not its content,
// and the run stops before anything is sent.
func TestGoogleBadCredentialsOnce(t *testing.T) {
	dir := t.TempDir()
	creds := filepath.Join(dir, "adc.json")
	os.WriteFile(creds, []byte(`{"type": "SECRET-TYPE-VALUE"}`), 0o600)
	for _, n := range []string{"a", "b", "c"} {
		os.WriteFile(filepath.Join(dir, n+".md"), []byte("# 标题"+n+"\n"), 0o644)
	}
	t.Chdir(dir)
	var stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr,
		getenv: func(k string) string {
			return map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": creds, "GOOGLE_CLOUD_PROJECT": "p"}[k]
		}}
	code := execute(e, []string{"translate", "--backend", "google", "--endpoint", "127.0.0.1:1", "--no-memory", "a.md", "b.md", "c.md"})
	msg := stderr.String()
	want := creds + " (GOOGLE_APPLICATION_CREDENTIALS) is not a usable credentials file"
	if code == exitOK || strings.Count(msg, want) != 1 || strings.Contains(msg, "SECRET-TYPE-VALUE") {
		t.Errorf("exit %d; want %q once and no content:\n%s", code, want, msg)
	}
}
