package deepltest

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/translatetest"
)

// badRequest is a 400 answer with DeepL's message.
type badRequest string

func (e badRequest) Error() string { return string(e) }

// handleTranslate answers POST /v2/translate.
func (s *Server) handleTranslate(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Failed to read request body.")
		return
	}
	if len(body) > MaxBodyBytes {
		s.reject(w)
		return
	}
	req, err := parseRequest(r.Header.Get("Content-Type"), body)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(req.Texts) > MaxTexts {
		s.reject(w)
		return
	}
	glossary, err := s.validate(&req)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, err.Error())
		return
	}
	out := make([]translation, len(req.Texts))
	chars := 0
	for i, text := range req.Texts {
		t, err := translateText(text, &req, glossary)
		if err != nil {
			writeMessage(w, http.StatusBadRequest, err.Error())
			return
		}
		out[i] = translation{DetectedSourceLanguage: detected(req.SourceLang), Text: t}
		chars += billed(text, req.TagHandling)
	}
	if !s.bill(chars) {
		writeMessage(w, 456, "Quota for this billing period has been exceeded.")
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	s.count.Add(func(st *translatetest.Stats) {
		st.Texts += len(req.Texts)
		st.Chars += chars
	})
	writeJSON(w, http.StatusOK, map[string][]translation{"translations": out})
}

type translation struct {
	DetectedSourceLanguage string `json:"detected_source_language"`
	Text                   string `json:"text"`
}

// detected is the detected_source_language of a reply: the source_lang
// sent, or Chinese, which is what bitext translates.
func detected(source string) string {
	if source == "" {
		return "ZH"
	}
	return source
}

// billed is the number of characters DeepL bills for one text: its code
// points, but with tag_handling set only those outside the markup, tags and
// their attributes being free (DeepL help center, "Usage count and billing
// in DeepL API"). The text is read as XML, so an entity is the one
// character it stands for. A text that is not well-formed is billed whole.
func billed(text, tagHandling string) int {
	if tagHandling == "" {
		return utf8.RuneCountInString(text)
	}
	d := xml.NewDecoder(strings.NewReader("<deepltest>" + text + "</deepltest>"))
	n := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			return utf8.RuneCountInString(text)
		}
		if cd, ok := tok.(xml.CharData); ok {
			n += utf8.RuneCount(cd)
		}
	}
}

// bill charges chars to the account, or reports that its quota does not
// cover them.
func (s *Server) bill(chars int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.opt.QuotaLeft
	if q < 0 || q > 0 && s.used+chars > q {
		return false
	}
	s.used += chars
	return true
}

// parseRequest decodes a JSON or form-encoded translate request.
func parseRequest(contentType string, body []byte) (Request, error) {
	mt, _, _ := mime.ParseMediaType(contentType)
	var req Request
	var err error
	if mt == "application/json" {
		req, err = parseJSON(body)
	} else {
		req, err = parseForm(body)
	}
	req.BodyBytes = len(body)
	if err != nil {
		return req, err
	}
	if len(req.Texts) == 0 {
		return req, badRequest("Parameter 'text' not specified.")
	}
	return req, nil
}

// jsonRequest is the JSON body. Text and the tag lists may be a string or
// an array of strings; the tag lists may also be comma-separated.
type jsonRequest struct {
	Text             json.RawMessage `json:"text"`
	SourceLang       string          `json:"source_lang"`
	TargetLang       string          `json:"target_lang"`
	Context          string          `json:"context"`
	GlossaryID       string          `json:"glossary_id"`
	TagHandling      string          `json:"tag_handling"`
	SplitSentences   string          `json:"split_sentences"`
	IgnoreTags       json.RawMessage `json:"ignore_tags"`
	NonSplittingTags json.RawMessage `json:"non_splitting_tags"`
}

func parseJSON(body []byte) (Request, error) {
	var j jsonRequest
	if err := json.Unmarshal(body, &j); err != nil {
		return Request{}, badRequest("Invalid request: expected a JSON object.")
	}
	texts, err := stringList(j.Text, "text", false)
	if err != nil {
		return Request{}, err
	}
	ignore, err := stringList(j.IgnoreTags, "ignore_tags", true)
	if err != nil {
		return Request{}, err
	}
	nonSplitting, err := stringList(j.NonSplittingTags, "non_splitting_tags", true)
	if err != nil {
		return Request{}, err
	}
	return Request{
		Texts: texts, SourceLang: j.SourceLang, TargetLang: j.TargetLang, Context: j.Context,
		GlossaryID: j.GlossaryID, TagHandling: j.TagHandling, SplitSentences: j.SplitSentences,
		IgnoreTags: ignore, NonSplittingTags: nonSplitting,
	}, nil
}

// stringList decodes a string or an array of strings; tag lists split a
// string at commas.
func stringList(raw json.RawMessage, name string, commas bool) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		if commas {
			return splitCommas(list), nil
		}
		return list, nil
	}
	var one string
	if err := json.Unmarshal(raw, &one); err != nil {
		return nil, badRequest("Value for '" + name + "' not supported.")
	}
	if commas {
		return splitCommas([]string{one}), nil
	}
	return []string{one}, nil
}

func parseForm(body []byte) (Request, error) {
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return Request{}, badRequest("Invalid request: could not parse the form body.")
	}
	return Request{
		Form: true, Texts: v["text"], SourceLang: v.Get("source_lang"), TargetLang: v.Get("target_lang"),
		Context: v.Get("context"), GlossaryID: v.Get("glossary_id"), TagHandling: v.Get("tag_handling"),
		SplitSentences: v.Get("split_sentences"),
		IgnoreTags:     splitCommas(v["ignore_tags"]), NonSplittingTags: splitCommas(v["non_splitting_tags"]),
	}, nil
}

func splitCommas(values []string) []string {
	var out []string
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// validate checks the parameters as DeepL does and returns the glossary to
// apply, if any.
func (s *Server) validate(req *Request) (map[string]string, error) {
	req.SourceLang = strings.ToUpper(req.SourceLang)
	req.TargetLang = strings.ToUpper(req.TargetLang)
	if req.TargetLang == "" {
		return nil, badRequest("Parameter 'target_lang' not specified.")
	}
	if !targetLangs[req.TargetLang] {
		return nil, badRequest("Value for 'target_lang' not supported.")
	}
	if req.SourceLang != "" && !sourceLangs[req.SourceLang] {
		return nil, badRequest("Value for 'source_lang' not supported.")
	}
	switch req.SplitSentences {
	case "", "0", "1", "nonewlines":
	default:
		return nil, badRequest("Value for 'split_sentences' not supported.")
	}
	switch req.TagHandling {
	case "", "xml", "html":
	default:
		return nil, badRequest("Value for 'tag_handling' not supported.")
	}
	if req.GlossaryID == "" {
		return nil, nil
	}
	if !isUUID(req.GlossaryID) {
		return nil, badRequest("Value for 'glossary_id' not supported.")
	}
	if req.SourceLang == "" {
		return nil, badRequest("Use of a glossary requires the source_lang parameter to be specified")
	}
	g, ok := s.opt.Glossaries[req.GlossaryID]
	if !ok {
		return nil, badRequest("Glossary not found")
	}
	if req.SourceLang != "ZH" || !strings.HasPrefix(req.TargetLang, "EN") {
		return nil, badRequest("Glossary does not match the source and target language of the request")
	}
	return g, nil
}
