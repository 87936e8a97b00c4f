package libretranslatetest

import (
	"encoding/json"
	"html"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/markup"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// language is one entry of GET /languages.
type language struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Targets []string `json:"targets"`
}

// languages lists a few of the languages a server with the usual Argos
// models has; every one translates to every other.
func languages(legacy bool) []language {
	hans, hant := "zh-Hans", "zh-Hant"
	if legacy {
		hans, hant = "zh", "zt"
	}
	all := []language{
		{Code: "en", Name: "English"}, {Code: hans, Name: "Chinese"},
		{Code: hant, Name: "Chinese (traditional)"}, {Code: "ja", Name: "Japanese"},
		{Code: "ko", Name: "Korean"}, {Code: "fr", Name: "French"},
		{Code: "de", Name: "German"}, {Code: "es", Name: "Spanish"},
	}
	for i := range all {
		for _, l := range all {
			if l.Code != all[i].Code {
				all[i].Targets = append(all[i].Targets, l.Code)
			}
		}
	}
	return all
}

func (s *Server) find(code string) *language {
	for i := range s.langs {
		if s.langs[i].Code == code {
			return &s.langs[i]
		}
	}
	return nil
}

// languages answers GET /languages. The real server exempts it from rate
// limits and keys, and so does the fake from faults and keys.
func (s *Server) languages(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(s.langs)
}

// request is a parsed POST /translate.
type request struct {
	q                      []string
	batch                  bool // q was an array (JSON only)
	source, target, format string
	key                    string
}

// parse reads a JSON or form body as the server does. A form carries one
// text: Flask's request.values.get("q") takes the first q.
func parse(w http.ResponseWriter, r *http.Request) (request, bool) {
	var req request
	if !isJSON(r) {
		req.q = []string{strings.Join(splitLines(r.FormValue("q")), "\n")}
		if r.FormValue("q") == "" {
			req.q = nil
		}
		req.source, req.target = r.FormValue("source"), r.FormValue("target")
		req.format, req.key = r.FormValue("format"), r.FormValue("api_key")
		return req, true
	}
	var body any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		fail(w, http.StatusBadRequest, "The browser (or proxy) sent a request that this server could not understand.")
		return req, false
	}
	m, ok := body.(map[string]any)
	if !ok {
		fail(w, http.StatusBadRequest, "Invalid JSON format")
		return req, false
	}
	str := func(k string) string { v, _ := m[k].(string); return v }
	req.source, req.target, req.format, req.key = str("source"), str("target"), str("format"), str("api_key")
	switch q := m["q"].(type) {
	case string:
		if q != "" {
			req.q = []string{q}
		}
	case []any:
		req.batch = true
		for _, v := range q {
			t, ok := v.(string)
			if !ok {
				fail(w, http.StatusInternalServerError, "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.")
				return req, false
			}
			req.q = append(req.q, t)
		}
	}
	return req, true
}

// splitLines is Python's str.splitlines for the common line ends.
func splitLines(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// translate answers POST /translate.
func (s *Server) translate(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.count.Add(func(st *translatetest.Stats) { st.Requests++ })
	if s.injected(w) {
		return
	}
	req, ok := parse(w, r)
	if !ok || !s.authorized(w, req.key) {
		return
	}
	missing := ""
	switch {
	case len(req.q) == 0:
		missing = "q"
	case req.source == "":
		missing = "source"
	case req.target == "":
		missing = "target"
	}
	if missing != "" {
		fail(w, http.StatusBadRequest, "Invalid request: missing "+missing+" parameter")
		return
	}
	if s.overLimits(w, req.q, req.batch) {
		return
	}
	source := req.source
	if source == "auto" {
		source = detect(req.q, s.langs[1].Code)
	}
	src, tgt := s.find(source), s.find(req.target)
	switch {
	case src == nil:
		fail(w, http.StatusBadRequest, req.source+" is not supported")
		return
	case tgt == nil:
		fail(w, http.StatusBadRequest, req.target+" is not supported")
		return
	}
	format := req.format
	if format == "" {
		format = "text"
	}
	if format != "text" && format != "html" {
		fail(w, http.StatusBadRequest, format+" format is not supported")
		return
	}
	if !slices.Contains(src.Targets, tgt.Code) {
		fail(w, http.StatusBadRequest, tgt.Name+" ("+tgt.Code+") is not available as a target language from "+src.Name+" ("+src.Code+")")
		return
	}
	out := make([]string, len(req.q))
	for i, t := range req.q {
		if format == "text" {
			out[i] = html.UnescapeString(pseudo.Text(t))
			continue
		}
		tr, err := translateHTML(t)
		if err != nil {
			fail(w, http.StatusInternalServerError, "Cannot translate text: "+err.Error())
			return
		}
		out[i] = tr
	}
	s.count.Add(func(st *translatetest.Stats) {
		st.Texts += len(req.q)
		for _, t := range req.q {
			st.Chars += utf8.RuneCountInString(t)
		}
	})
	reply := map[string]any{"translatedText": out}
	detected := map[string]any{"confidence": 90.0, "language": source}
	if !req.batch {
		reply["translatedText"] = out[0]
		if req.source == "auto" {
			reply["detectedLanguage"] = detected
		}
	} else if req.source == "auto" {
		all := make([]any, len(out))
		for i := range all {
			all[i] = detected
		}
		reply["detectedLanguage"] = all
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(reply)
}

// detect stands in for language detection: Chinese when the texts have Han
// characters, else English.
func detect(q []string, chinese string) string {
	for _, t := range q {
		for _, r := range t {
			if unicode.Is(unicode.Han, r) {
				return chinese
			}
		}
	}
	return "en"
}

// translateHTML pseudo-translates an HTML text as the real server handles
// HTML: white space collapsed, every element with translate="no" kept
// untranslated (translate-html reads the attribute on any element), the
// result written back as BeautifulSoup does and then HTML-unescaped.
func translateHTML(s string) (string, error) {
	out, err := markup.TranslateHTMLAnyPin(strings.Join(strings.FieldsFunc(s, pySpace), " "), pseudo.Text)
	if err != nil {
		return "", err
	}
	return html.UnescapeString(soup(out)), nil
}

// pySpace is white space as Python's str.split sees it, which the real
// server splits HTML on: Unicode white space (the ideographic space U+3000
// too) and U+001C to U+001F.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// soup writes elements as BeautifulSoup does: void ones as <img id="x2"/>,
// a line break as <br/>, and an attribute value sent unquoted
// (translate=no) in double quotes.
func soup(h string) string {
	var b strings.Builder
	for {
		i := strings.Index(h, "<img ")
		if i < 0 {
			break
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(h[:i+j])
		b.WriteString("/>")
		h = h[i+j+1:]
	}
	b.WriteString(h)
	return strings.NewReplacer("\n", "<br/>", "<br>", "<br/>", " translate=no>", ` translate="no">`).Replace(b.String())
}
