package deepltest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/pseudo"
)

// post sends a raw request to the fake and returns the status and body.
func post(t *testing.T, srv *deepltest.Server, contentType, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/v2/translate", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "DeepL-Auth-Key k")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func translations(t *testing.T, body string) []string {
	t.Helper()
	var r struct {
		Translations []struct{ Text string } `json:"translations"`
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
	var out []string
	for _, tr := range r.Translations {
		out = append(out, tr.Text)
	}
	return out
}

// TestFormBodyAndIgnoreTags: a form-encoded request with comma-separated
// ignore_tags; an ignored element's contents come back untouched, a pin not
// listed is translated, other text is pseudo-translated.
func TestFormBodyAndIgnoreTags(t *testing.T) {
	srv := deepltest.New(deepltest.Options{Key: "k"})
	defer srv.Close()
	form := url.Values{
		"text":         {"keep <b1>bold</b1> and <k2>pin</k2>", "two"},
		"target_lang":  {"en-us"},
		"source_lang":  {"EN"},
		"tag_handling": {"xml"},
		"ignore_tags":  {"b1,x9"},
	}
	status, body := post(t, srv, "application/x-www-form-urlencoded", form.Encode())
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	out := translations(t, body)
	if len(out) != 2 || !strings.Contains(out[0], "<b1>bold</b1>") || strings.Contains(out[0], ">pin<") {
		t.Errorf("got %q: want b1's contents untouched and the unlisted pin translated", out)
	}
	if back, err := pseudo.Inverse(out[0]); err != nil || back != form["text"][0] {
		t.Errorf("%q undoes to %q, %v", out[0], back, err)
	}
	if r := srv.Requests(); len(r) != 1 || !r[0].Form || r[0].TargetLang != "EN-US" {
		t.Errorf("recorded %+v", r)
	}
}

func TestLimitsAreEnforced(t *testing.T) {
	srv := deepltest.New(deepltest.Options{})
	defer srv.Close()
	texts := make([]string, deepltest.MaxTexts+1)
	for i := range texts {
		texts[i] = "x"
	}
	tooMany, _ := json.Marshal(map[string]any{"text": texts, "target_lang": "EN-US"})
	if status, body := post(t, srv, "application/json", string(tooMany)); status != 413 || !strings.Contains(body, "413 Request Entity Too Large") {
		t.Errorf("51 texts: %d %s", status, body)
	}
	big, _ := json.Marshal(map[string]any{"text": []string{strings.Repeat("汉", deepltest.MaxBodyBytes/3)}, "target_lang": "EN-US"})
	if status, _ := post(t, srv, "application/json", string(big)); status != 413 {
		t.Errorf("a body of %d bytes: status %d", len(big), status)
	}
	if st := srv.Stats(); st.Rejected != 2 || st.Requests != 2 || st.Texts != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestBadRequests(t *testing.T) {
	srv := deepltest.New(deepltest.Options{})
	defer srv.Close()
	for body, want := range map[string]string{
		`{"text":["a"]}`:                    "Parameter 'target_lang' not specified.",
		`{"text":["a"],"target_lang":"XX"}`: "Value for 'target_lang' not supported.",
		`{"target_lang":"DE"}`:              "Parameter 'text' not specified.",
		`{"text":["<b1>a"],"target_lang":"DE","tag_handling":"xml"}`:                             "Tag handling parsing failed, please check input.",
		`{"text":["a"],"target_lang":"DE","glossary_id":"9a3c5e7f-1b2d-4f6a-8c0e-2d4f6a8c0e1b"}`: "Use of a glossary requires the source_lang parameter to be specified",
	} {
		status, got := post(t, srv, "application/json", body)
		if status != 400 || !strings.Contains(got, want) {
			t.Errorf("%s: %d %s; want 400 %q", body, status, got, want)
		}
	}
}

func TestQuotaAndUsage(t *testing.T) {
	srv := deepltest.New(deepltest.Options{QuotaLeft: 6})
	defer srv.Close()
	if status, body := post(t, srv, "application/json", `{"text":["汉字汉字"],"target_lang":"EN-US"}`); status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	if status, body := post(t, srv, "application/json", `{"text":["汉字汉"],"target_lang":"EN-US"}`); status != 456 {
		t.Errorf("over quota: %d %s", status, body)
	}
	resp, err := http.Get(srv.URL + "/v2/usage")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var u struct {
		Count int `json:"character_count"`
		Limit int `json:"character_limit"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil || u.Count != 4 || u.Limit != 6 {
		t.Errorf("usage %+v, %v; want 4 of 6", u, err)
	}
}
