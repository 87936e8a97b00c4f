package googlebasictest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate/markup"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// params are the fields of one translate request, from whichever form it
// came in.
type params struct {
	q                             []string
	target, source, format, model string
	key                           string
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.counts.Add(func(st *translatetest.Stats) { st.Requests++ })
	fullURL := "http://" + r.Host + r.RequestURI
	s.mu.Lock()
	s.methods[r.Method]++
	s.longestURL = max(s.longestURL, len(fullURL))
	s.mu.Unlock()

	// The front end checks the request line before the API sees it.
	if len(fullURL) >= MaxURL {
		s.reject()
		uriTooLong(w)
		return
	}
	if r.URL.Path == Path+"/languages" {
		s.languages(w, r)
		return
	}
	if r.URL.Path != Path {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, bad := s.readParams(r)
	if bad != nil {
		bad.write(w)
		return
	}
	if s.opt.Key != "" {
		switch p.key {
		case s.opt.Key:
		case "":
			errUnregistered.write(w)
			return
		default:
			errKeyInvalid.write(w)
			return
		}
	}
	if s.opt.Disabled {
		errAccessNotConfigured.write(w)
		return
	}
	if fail, pick := s.opt.Faults.Fail(); fail {
		s.counts.Add(func(st *translatetest.Stats) { st.Injected++ })
		transient[pick%len(transient)].write(w)
		return
	}
	s.translate(w, p)
}

func (s *Server) reject() {
	s.counts.Add(func(st *translatetest.Stats) { st.Rejected++ })
}

// translate validates the request against the service's rules and limits
// and answers it.
func (s *Server) translate(w http.ResponseWriter, p params) {
	switch {
	case len(p.q) == 0:
		errMissingQ.write(w)
		return
	case p.target == "":
		errMissingTarget.write(w)
		return
	case len(p.q) > MaxSegments:
		s.reject()
		errTooManySegments.write(w)
		return
	case !supportedLanguage(p.target),
		p.source != "" && !supportedLanguage(p.source),
		p.format != "" && p.format != "html" && p.format != "text",
		p.model != "" && p.model != "nmt" && p.model != "base":
		errInvalidValue.write(w)
		return
	}
	chars := 0
	for _, q := range p.q {
		chars += utf8.RuneCountInString(q)
	}
	if s.opt.DailyChars > 0 && s.counts.Stats().Chars+chars > s.opt.DailyChars {
		errDailyLimit.write(w)
		return
	}

	var reply translateReply
	for _, q := range p.q {
		out, err := pseudoTranslate(q, p.format)
		if err != nil {
			// The real service translates any HTML; the fake only what
			// bitext writes. Say so rather than invent a service error.
			newError(400, "INVALID_ARGUMENT", "global", "invalid", "googlebasictest: "+err.Error()).write(w)
			return
		}
		t := translation{TranslatedText: out, Model: p.model}
		if p.source == "" {
			t.DetectedSourceLanguage = detect(q)
		}
		reply.Data.Translations = append(reply.Data.Translations, t)
	}
	s.counts.Add(func(st *translatetest.Stats) {
		st.Texts += len(p.q)
		st.Chars += chars
	})
	writeJSON(w, http.StatusOK, reply)
}

// languages answers GET /v2/languages: the codes the service translates,
// {"data": {"languages": [{"language": "af", "name": "..."}]}}, each named
// by its code (the service names them in the target language). It takes
// the same key as a translation.
func (s *Server) languages(w http.ResponseWriter, r *http.Request) {
	if key := apiKey(r.URL.Query(), r.Header); s.opt.Key != "" && key != s.opt.Key {
		if key == "" {
			errUnregistered.write(w)
		} else {
			errKeyInvalid.write(w)
		}
		return
	}
	type lang struct {
		Language string `json:"language"`
		Name     string `json:"name,omitempty"`
	}
	var reply struct {
		Data struct {
			Languages []lang `json:"languages"`
		} `json:"data"`
	}
	for _, c := range supportedCodes() {
		reply.Data.Languages = append(reply.Data.Languages, lang{Language: c, Name: c})
	}
	writeJSON(w, http.StatusOK, reply)
}

// readParams collects the request's fields from the query string and, for
// a POST, from its form or JSON body. The returned error is the reply to
// send; a body over the size limit is counted as rejected.
func (s *Server) readParams(r *http.Request) (params, *apiError) {
	query := r.URL.Query()
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
		if err != nil {
			e := errInvalidValue
			return params{}, &e
		}
		s.mu.Lock()
		s.longestBody = max(s.longestBody, len(body))
		s.mu.Unlock()
		if len(body) > MaxBody {
			s.reject()
			e := errPayloadTooLarge
			return params{}, &e
		}
		ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if ctype == "application/json" {
			return jsonParams(body, query, r.Header)
		}
		form, err := url.ParseQuery(string(body))
		if err != nil {
			e := errInvalidValue
			return params{}, &e
		}
		for k, vs := range form {
			query[k] = append(query[k], vs...)
		}
	}
	return params{
		q:      query["q"],
		target: query.Get("target"),
		source: query.Get("source"),
		format: query.Get("format"),
		model:  query.Get("model"),
		key:    apiKey(query, r.Header),
	}, nil
}

// jsonRequest is the JSON body of a translate request.
type jsonRequest struct {
	Q                             json.RawMessage `json:"q"`
	Target, Source, Format, Model string
}

// jsonParams reads a JSON request body, whose q is a string or a list. The
// body is the request itself, as Google's REST samples send it, or the
// request in a {"data": ...} wrapper, as the generated Go client
// (google.golang.org/api/translate/v2, Translations.Translate) sends it:
// the v2 API's discovery document declares the dataWrapper feature.
func jsonParams(body []byte, query url.Values, h http.Header) (params, *apiError) {
	var wrapped struct {
		Data *jsonRequest `json:"data"`
		jsonRequest
	}
	if err := json.Unmarshal(body, &wrapped); err != nil {
		e := newError(400, "INVALID_ARGUMENT", "global", "parseError", "Invalid JSON payload received. "+err.Error())
		return params{}, &e
	}
	req := wrapped.jsonRequest
	if wrapped.Data != nil {
		req = *wrapped.Data
	}
	p := params{target: req.Target, source: req.Source, format: req.Format, model: req.Model, key: apiKey(query, h)}
	if len(req.Q) > 0 {
		var one string
		if json.Unmarshal(req.Q, &one) == nil {
			p.q = []string{one}
		} else if err := json.Unmarshal(req.Q, &p.q); err != nil {
			e := errInvalidValue
			return params{}, &e
		}
	}
	return p, nil
}

// apiKey is the key the request carries, in the URL or a header.
func apiKey(query url.Values, h http.Header) string {
	if k := query.Get("key"); k != "" {
		return k
	}
	return h.Get("X-Goog-Api-Key")
}

var (
	xmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")
	// quoteRefs writes quotes as character references, as Google's HTML
	// replies do (It&#39;s, &quot;).
	quoteRefs = strings.NewReplacer("'", "&#39;", `"`, "&quot;")
)

// pseudoTranslate "translates" one q by way of bitext's tagged text.
func pseudoTranslate(q, format string) (string, error) {
	if format == "text" {
		return xmlUnescaper.Replace(pseudo.Text(tagged.Escape(q))), nil
	}
	// The markup comes back as it was sent; only the text is translated.
	out, err := markup.TranslateHTML(q, func(tagged string) string { return quoteRefs.Replace(pseudo.Text(tagged)) })
	if err != nil {
		return "", fmt.Errorf("cannot pseudo-translate this HTML: %v", err)
	}
	return out, nil
}

// detect names the language of a text the way the service reports it when
// no source was given: Chinese when it has Han characters, else English.
func detect(q string) string {
	for _, r := range q {
		if r >= 0x4e00 && r <= 0x9fff {
			return "zh-CN"
		}
	}
	return "en"
}
