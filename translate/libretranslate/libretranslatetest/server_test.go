package libretranslatetest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
)

// call posts a body and returns the status and the decoded JSON reply.
func call(t *testing.T, srv *libretranslatetest.Server, contentType, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(srv.URL+"/translate", contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("reply %q is not JSON: %v", raw, err)
	}
	return resp.StatusCode, m
}

func TestFormBodyTranslatesOneText(t *testing.T) {
	srv := libretranslatetest.New(libretranslatetest.Options{})
	defer srv.Close()
	form := url.Values{"q": {"hello\r\nworld", "ignored"}, "source": {"en"}, "target": {"zh-Hans"}}
	status, reply := call(t, srv, "application/x-www-form-urlencoded", form.Encode())
	if status != 200 || reply["translatedText"] != "⟦ḣḗļļö\nẇöŗļḋ····⟧" {
		t.Errorf("form: %d %v", status, reply)
	}
}

// Replies come back as the real server writes them: white space collapsed,
// void elements closed BeautifulSoup's way, everything unescaped.
func TestHTMLRepliesHaveTheServersQuirks(t *testing.T) {
	srv := libretranslatetest.New(libretranslatetest.Options{})
	defer srv.Close()
	body := `{"q": ["a  &lt;\u3000 <span id=\"b1\">b</span>\n<img id=\"x2\"><br>c", "<span translate=\"no\" class=\"notranslate\" id=\"k1\">Liu</span>"], "source": "zh-Hans", "target": "en", "format": "html"}`
	status, reply := call(t, srv, "application/json", body)
	want := []any{`⟦ȧ < <span id="b1">ƀ</span> <img id="x2"/><br/>ċ·⟧`, `⟦<span translate="no" class="notranslate" id="k1">Liu</span>⟧`}
	got, _ := reply["translatedText"].([]any)
	if status != 200 || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %d %q\nwant %q", status, got, want)
	}
	if st := srv.Stats(); st.Requests != 1 || st.Texts != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestErrorsAreLibreTranslates(t *testing.T) {
	srv := libretranslatetest.New(libretranslatetest.Options{Key: "good", BatchLimit: 2, CharLimit: 5, LegacyCodes: true})
	defer srv.Close()
	for _, tc := range []struct {
		body   string
		status int
		msg    string
	}{
		{`{"q": ["a"], "source": "zh", "target": "en", "api_key": "bad"}`, 403, "Invalid API key"},
		{`{"q": ["a"], "source": "zh", "target": "en"}`, 400, "Please contact the server operator to get an API key"},
		{`{"q": ["a", "b", "c"], "source": "zh", "target": "en", "api_key": "good"}`, 400, "Invalid request: request (3) exceeds text limit (2)"},
		{`{"q": ["a", "abcdef"], "source": "zh", "target": "en", "api_key": "good"}`, 400, "Invalid request: request (6) exceeds text limit (5)"},
		{`{"q": [], "source": "zh", "target": "en", "api_key": "good"}`, 400, "Invalid request: missing q parameter"},
		{`{"q": ["a"], "target": "en", "api_key": "good"}`, 400, "Invalid request: missing source parameter"},
		{`{"q": ["a"], "source": "zh-Hans", "target": "en", "api_key": "good"}`, 400, "zh-Hans is not supported"},
		{`{"q": ["a"], "source": "zh", "target": "en", "format": "md", "api_key": "good"}`, 400, "md format is not supported"},
		{`{"q": ["a"], "source": "zh", "target": "zh", "api_key": "good"}`, 400, "Chinese (zh) is not available as a target language from Chinese (zh)"},
		{`["a"]`, 400, "Invalid JSON format"},
	} {
		status, reply := call(t, srv, "application/json", tc.body)
		if status != tc.status || reply["error"] != tc.msg {
			t.Errorf("%s: got %d %v, want %d %q", tc.body, status, reply, tc.status, tc.msg)
		}
	}
	if st := srv.Stats(); st.Rejected != 2 || st.Texts != 0 {
		t.Errorf("stats %+v: want 2 rejected for limits", st)
	}
}

func TestLanguages(t *testing.T) {
	for legacy, want := range map[bool]string{false: "zh-Hans", true: "zh"} {
		srv := libretranslatetest.New(libretranslatetest.Options{LegacyCodes: legacy, Key: "k"})
		resp, err := http.Get(srv.URL + "/languages")
		if err != nil {
			t.Fatal(err)
		}
		var langs []struct {
			Code    string   `json:"code"`
			Targets []string `json:"targets"`
		}
		err = json.NewDecoder(resp.Body).Decode(&langs)
		resp.Body.Close()
		srv.Close()
		if err != nil || len(langs) < 3 || langs[1].Code != want || len(langs[1].Targets) != len(langs)-1 {
			t.Errorf("legacy %v: %+v, %v", legacy, langs, err)
		}
	}
}
