package googlebasictest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// reply is either body shape the service sends.
type reply struct {
	Data struct {
		Translations []struct {
			TranslatedText         string `json:"translatedText"`
			DetectedSourceLanguage string `json:"detectedSourceLanguage"`
		} `json:"translations"`
	} `json:"data"`
	Error *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Errors  []struct {
			Reason string `json:"reason"`
		} `json:"errors"`
	} `json:"error"`
}

func do(t *testing.T, req *http.Request) (*http.Response, reply, string) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var r reply
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatalf("reply %s: %v", body, err)
		}
	}
	return res, r, string(body)
}

func get(t *testing.T, s *Server, v url.Values) (*http.Response, reply, string) {
	req, _ := http.NewRequest("GET", s.URL+Path+"?"+v.Encode(), nil)
	return do(t, req)
}

func TestGETTranslatesEveryQInOrder(t *testing.T) {
	s := New(Options{Key: "k"})
	defer s.Close()
	res, r, body := get(t, s, url.Values{"key": {"k"}, "target": {"en"}, "source": {"zh-CN"},
		"q": {`今天<span id="b1">好</span>`, "It's"}, "format": {"html"}})
	if res.StatusCode != 200 || len(r.Data.Translations) != 2 {
		t.Fatalf("status %d, body %s", res.StatusCode, body)
	}
	if got, want := r.Data.Translations[0].TranslatedText, `⟦今天<span id="b1">好</span>·⟧`; got != want {
		t.Errorf("q 1: got %q, want %q", got, want)
	}
	// HTML replies write quotes as character references, as Google's do.
	if got := r.Data.Translations[1].TranslatedText; !strings.Contains(got, "&#39;") {
		t.Errorf("q 2: got %q, want the apostrophe as &#39;", got)
	}
	if r.Data.Translations[0].DetectedSourceLanguage != "" {
		t.Error("detectedSourceLanguage set although the source was given")
	}
	if st := s.Stats(); st.Requests != 1 || st.Texts != 2 || st.Chars == 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestPOSTFormsAreAccepted(t *testing.T) {
	s := New(Options{Key: "k"})
	defer s.Close()
	form := url.Values{"target": {"en"}, "q": {"a & b", "c"}, "format": {"text"}}
	req, _ := http.NewRequest("POST", s.URL+Path+"?key=k", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-HTTP-Method-Override", "GET")
	res, r, body := do(t, req)
	if res.StatusCode != 200 || len(r.Data.Translations) != 2 {
		t.Fatalf("form POST: status %d, body %s", res.StatusCode, body)
	}
	if got := r.Data.Translations[0].TranslatedText; got != "⟦ȧ & ƀ·⟧" || r.Data.Translations[0].DetectedSourceLanguage != "en" {
		t.Errorf("plain text: got %+v", r.Data.Translations[0])
	}

	req, _ = http.NewRequest("POST", s.URL+Path, strings.NewReader(`{"q": "你好", "target": "en", "format": "text"}`))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("X-Goog-Api-Key", "k")
	res, r, body = do(t, req)
	if res.StatusCode != 200 || len(r.Data.Translations) != 1 {
		t.Fatalf("JSON POST: status %d, body %s", res.StatusCode, body)
	}
	if got, _ := pseudo.Inverse(r.Data.Translations[0].TranslatedText); got != "你好" {
		t.Errorf("JSON POST translated to %q", r.Data.Translations[0].TranslatedText)
	}
}

func TestLimitsAreRejectedAsTheServiceDoes(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	q := make([]string, MaxSegments+1)
	for i := range q {
		q[i] = "a"
	}
	res, r, _ := get(t, s, url.Values{"target": {"en"}, "q": q})
	if res.StatusCode != 400 || r.Error == nil || r.Error.Message != "Too many text segments" {
		t.Errorf("129 segments: status %d, %+v", res.StatusCode, r.Error)
	}
	res, r, _ = get(t, s, url.Values{"target": {"en"}, "q": q[:MaxSegments]})
	if res.StatusCode != 200 || len(r.Data.Translations) != MaxSegments {
		t.Errorf("128 segments: status %d", res.StatusCode)
	}

	res, _, body := get(t, s, url.Values{"target": {"en"}, "q": {strings.Repeat("长", 230)}})
	if res.StatusCode != http.StatusRequestURITooLong || !strings.Contains(body, "too large") {
		t.Errorf("a 2K URL: status %d, body %q", res.StatusCode, body)
	}

	big := `{"target": "en", "q": "` + strings.Repeat("x", MaxBody) + `"}`
	req, _ := http.NewRequest("POST", s.URL+Path, strings.NewReader(big))
	req.Header.Set("Content-Type", "application/json")
	res, r, _ = do(t, req)
	if res.StatusCode != 400 || r.Error == nil || !strings.Contains(r.Error.Message, "100000") {
		t.Errorf("a body over 100,000 bytes: status %d, %+v", res.StatusCode, r.Error)
	}
	// Just under the limit, in the client library's wrapper: accepted.
	fits := `{"data": {"target": "en", "q": "` + strings.Repeat("x", MaxBody-50) + `"}}`
	req, _ = http.NewRequest("POST", s.URL+Path, strings.NewReader(fits))
	req.Header.Set("Content-Type", "application/json")
	res, r, _ = do(t, req)
	if res.StatusCode != 200 || len(r.Data.Translations) != 1 {
		t.Errorf("a body of %d bytes: status %d, %+v", len(fits), res.StatusCode, r.Error)
	}
	if st := s.Stats(); st.Rejected != 3 || st.Requests != 5 {
		t.Errorf("stats %+v, want 3 of 5 requests rejected", st)
	}
	if n := s.LongestBody(); n <= MaxBody {
		t.Errorf("longest body %d, want one over the limit", n)
	}
}

// The generated Go client posts {"data": REQUEST}; the fake reads it as
// the request.
func TestDataWrappedJSONBody(t *testing.T) {
	s := New(Options{Key: "k"})
	defer s.Close()
	body := `{"data": {"format":"html","q":["今天<span id=\"b1\">好</span>","你好"],"source":"zh-CN","target":"en"}}` + "\n"
	req, _ := http.NewRequest("POST", s.URL+Path+"?alt=json&prettyPrint=false&key=k", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	res, r, raw := do(t, req)
	if res.StatusCode != 200 || len(r.Data.Translations) != 2 {
		t.Fatalf("status %d, body %s", res.StatusCode, raw)
	}
	if got, want := r.Data.Translations[0].TranslatedText, `⟦今天<span id="b1">好</span>·⟧`; got != want {
		t.Errorf("q 1: got %q, want %q", got, want)
	}
	if m := s.Methods(); m["POST"] != 1 {
		t.Errorf("methods %v", m)
	}
}

func TestKeysAndLanguagesAreChecked(t *testing.T) {
	s := New(Options{Key: "right"})
	defer s.Close()
	for _, c := range []struct {
		v      url.Values
		status int
		reason string
	}{
		{url.Values{"target": {"en"}, "q": {"a"}}, 403, "forbidden"},
		{url.Values{"key": {"wrong"}, "target": {"en"}, "q": {"a"}}, 400, "keyInvalid"},
		{url.Values{"key": {"right"}, "target": {"tlh"}, "q": {"a"}}, 400, "invalid"},
		{url.Values{"key": {"right"}, "target": {"en"}}, 400, "required"},
	} {
		res, r, body := get(t, s, c.v)
		if res.StatusCode != c.status || r.Error == nil || len(r.Error.Errors) != 1 || r.Error.Errors[0].Reason != c.reason {
			t.Errorf("%v: got %d %s, want %d %s", c.v, res.StatusCode, body, c.status, c.reason)
		}
	}
}

func TestFaultsAreTransientGoogleErrors(t *testing.T) {
	s := New(Options{Faults: translatetest.NewFaults(1, 7)})
	defer s.Close()
	seen := map[int]bool{}
	for range 40 {
		res, r, body := get(t, s, url.Values{"target": {"en"}, "q": {"a"}})
		if r.Error == nil || r.Error.Code != res.StatusCode {
			t.Fatalf("status %d, body %s: want a Google error body", res.StatusCode, body)
		}
		seen[res.StatusCode] = true
		switch res.StatusCode {
		case 403:
			if r.Error.Errors[0].Reason != "userRateLimitExceeded" {
				t.Errorf("403 with reason %q", r.Error.Errors[0].Reason)
			}
		case 429, 503:
			if res.Header.Get("Retry-After") != "1" {
				t.Errorf("%d without Retry-After: 1", res.StatusCode)
			}
		case 500:
		default:
			t.Errorf("injected status %d", res.StatusCode)
		}
	}
	if len(seen) != 4 {
		t.Errorf("injected statuses %v, want 403, 429, 500 and 503", seen)
	}
	if st := s.Stats(); st.Injected != 40 || st.Texts != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestDailyLimit(t *testing.T) {
	s := New(Options{DailyChars: 5})
	defer s.Close()
	res, _, _ := get(t, s, url.Values{"target": {"en"}, "q": {"abcd"}})
	if res.StatusCode != 200 {
		t.Fatalf("first request: status %d", res.StatusCode)
	}
	res, r, _ := get(t, s, url.Values{"target": {"en"}, "q": {"ef"}})
	if res.StatusCode != 403 || r.Error.Errors[0].Reason != "dailyLimitExceeded" {
		t.Errorf("over the quota: status %d, %+v", res.StatusCode, r.Error)
	}
}
