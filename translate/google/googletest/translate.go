package googletest

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	translatepb "cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/bitext/bitext/translate/markup"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// TranslateText answers one request: authentication first, then an
// injected fault if Faults picks this request, then Google's validation,
// then the pseudo-translation of every content.
func (s *Server) TranslateText(ctx context.Context, req *translatepb.TranslateTextRequest) (*translatepb.TranslateTextResponse, error) {
	s.count.Add(func(st *translatetest.Stats) { st.Requests++ })
	s.mu.Lock()
	s.last = proto.Clone(req).(*translatepb.TranslateTextRequest)
	s.mu.Unlock()

	if err := s.authorize(ctx); err != nil {
		return nil, err
	}
	if err := refusal(s.opt.Refuse); err != nil {
		return nil, err
	}
	if fail, n := s.opt.Faults.Fail(); fail {
		s.count.Add(func(st *translatetest.Stats) { st.Injected++ })
		switch n % 3 {
		case 0:
			return nil, quotaExceeded(s.opt.RetryDelay)
		case 1:
			return nil, unavailable()
		default:
			return nil, userRateLimit()
		}
	}
	glossary, err := s.validate(req)
	if err != nil {
		s.count.Add(func(st *translatetest.Stats) { st.Rejected++ })
		return nil, err
	}

	html := req.GetMimeType() != "text/plain"
	resp := &translatepb.TranslateTextResponse{}
	chars := 0
	for _, text := range req.GetContents() {
		chars += utf8.RuneCountInString(text)
		plain, err := translateOne(text, html, nil)
		if err != nil {
			return nil, err
		}
		resp.Translations = append(resp.Translations, &translatepb.Translation{TranslatedText: plain, Model: req.GetModel()})
		if req.GetGlossaryConfig() != nil {
			applied, err := translateOne(text, html, glossary)
			if err != nil {
				return nil, err
			}
			resp.GlossaryTranslations = append(resp.GlossaryTranslations, &translatepb.Translation{
				TranslatedText: applied, Model: req.GetModel(), GlossaryConfig: req.GetGlossaryConfig(),
			})
		}
	}
	s.count.Add(func(st *translatetest.Stats) {
		st.Texts += len(req.GetContents())
		st.Chars += chars
	})
	return resp, nil
}

// translateOne pseudo-translates one content in its wire form. With a
// glossary, every source term outside tags becomes its target term, kept
// verbatim as a real glossary keeps it.
func translateOne(wire string, html bool, glossary map[string]string) (string, error) {
	translate := func(text string) string {
		pins := 0
		if len(glossary) > 0 {
			text, pins = applyGlossary(text, glossary)
		}
		out := pseudo.Text(text)
		for n := range pins {
			out = strings.ReplaceAll(out, "<"+glossaryPin(n)+">", "")
			out = strings.ReplaceAll(out, "</"+glossaryPin(n)+">", "")
		}
		return out
	}
	if !html {
		return translate(wire), nil
	}
	// The markup comes back as it was sent; only the text is translated.
	out, err := markup.TranslateHTML(wire, translate)
	if err != nil {
		// Google would translate any HTML; the fake reads only the HTML
		// that markup.ToHTML writes, so anything else is a client bug.
		return "", status.Error(codes.InvalidArgument, "googletest: unreadable HTML content: "+err.Error())
	}
	return out, nil
}

// glossaryPin names the temporary pin that keeps a glossary target out of
// the pseudo-translation; the number is far above any pin bitext writes.
func glossaryPin(n int) string { return "k" + strconv.Itoa(900000+n) }

// applyGlossary replaces the leftmost-longest glossary source terms outside
// tags by their targets, each in a temporary pin, and returns how many
// pins it used.
func applyGlossary(text string, glossary map[string]string) (string, int) {
	terms := make([]string, 0, len(glossary))
	for src := range glossary {
		if src != "" {
			terms = append(terms, src)
		}
	}
	slices.SortFunc(terms, func(a, b string) int { return len(b) - len(a) })
	var b strings.Builder
	n := 0
	for i := 0; i < len(text); {
		if text[i] == '<' {
			if j := strings.IndexByte(text[i:], '>'); j > 0 {
				b.WriteString(text[i : i+j+1])
				i += j + 1
				continue
			}
		}
		matched := false
		for _, src := range terms {
			if strings.HasPrefix(text[i:], src) {
				pin := glossaryPin(n)
				n++
				b.WriteString("<" + pin + ">" + glossary[src] + "</" + pin + ">")
				i += len(src)
				matched = true
				break
			}
		}
		if !matched {
			_, w := utf8.DecodeRuneInString(text[i:])
			b.WriteString(text[i : i+w])
			i += w
		}
	}
	return b.String(), n
}

var (
	parentName   = regexp.MustCompile(`^projects/([a-z0-9][a-z0-9-]*)(?:/locations/([a-z0-9-]+))?$`)
	modelName    = regexp.MustCompile(`^projects/[a-z0-9][a-z0-9-]*/locations/([a-z0-9-]+)/models/(.+)$`)
	glossaryName = regexp.MustCompile(`^projects/[a-z0-9][a-z0-9-]*/locations/([a-z0-9-]+)/glossaries/([A-Za-z0-9_-]+)$`)
)

// validate checks a request as the service does and returns the glossary
// it names, if any. Messages are Google's where known ("Text is too long.",
// "Target language is invalid.", "Glossary not found.") and otherwise
// worded in the same style.
func (s *Server) validate(req *translatepb.TranslateTextRequest) (map[string]string, error) {
	m := parentName.FindStringSubmatch(req.GetParent())
	if m == nil {
		return nil, invalid(fmt.Sprintf("Invalid resource name %q: expected projects/{project-number-or-id} or projects/{project-number-or-id}/locations/{location-id}.", req.GetParent()))
	}
	location := m[2]
	if location == "" {
		location = "global"
	}
	if !supported(req.GetTargetLanguageCode()) {
		return nil, invalid("Target language is invalid.")
	}
	if src := req.GetSourceLanguageCode(); src != "" {
		if !supported(src) {
			return nil, invalid("Source language is invalid.")
		}
		if sameLanguage(src, req.GetTargetLanguageCode()) {
			return nil, invalid("Target language can't be equal to source language.")
		}
	}
	switch mt := req.GetMimeType(); mt {
	case "", "text/html", "text/plain":
	default:
		return nil, invalid(fmt.Sprintf("Unsupported mime type: %s.", mt))
	}
	switch n := len(req.GetContents()); {
	case n == 0:
		return nil, invalid("Empty contents.")
	case n > MaxContents:
		return nil, invalid(fmt.Sprintf("Number of contents (%d) exceeds the limit of %d.", n, MaxContents))
	}
	total := 0
	for _, c := range req.GetContents() {
		total += utf8.RuneCountInString(c)
	}
	if total > MaxCodePoints {
		return nil, invalid("Text is too long.")
	}
	if model := req.GetModel(); model != "" {
		mm := modelName.FindStringSubmatch(model)
		switch {
		case mm == nil:
			return nil, invalid(fmt.Sprintf("Invalid model name %q.", model))
		case mm[1] != location:
			return nil, invalid("The model must be within the same region (have the same location-id) as the request.")
		case mm[2] != "general/nmt" && mm[2] != "general/translation-llm":
			return nil, status.Error(codes.NotFound, "Model not found.")
		}
	}
	cfg := req.GetGlossaryConfig()
	if cfg == nil {
		return nil, nil
	}
	gm := glossaryName.FindStringSubmatch(cfg.GetGlossary())
	switch {
	case gm == nil:
		return nil, invalid(fmt.Sprintf("Invalid glossary name %q.", cfg.GetGlossary()))
	case location == "global":
		return nil, invalid("Glossaries are not supported in the global location; use a regional location such as us-central1.")
	case gm[1] != location:
		return nil, invalid("The glossary must be within the same region (have the same location-id) as the request.")
	}
	g, ok := s.opt.Glossaries[cfg.GetGlossary()]
	if !ok {
		return nil, status.Error(codes.NotFound, "Glossary not found.")
	}
	return g, nil
}

// languages are the codes of Google's NMT language list
// (https://cloud.google.com/translate/docs/languages). A code with a
// region (en-US, pt-BR) is accepted when its language is listed, except
// for Chinese, which Google takes only as zh, zh-CN or zh-TW.
var languages = strings.Fields(`af ak am ar as ay az be bg bho bm bn bs ca ceb ckb co cs cy da de doi dv
	ee el en eo es et eu fa fi fil fr fy ga gd gl gn gom gu ha haw he hi hmn hr ht hu hy id ig ilo
	is it iw ja jv jw ka kk km kn ko kri ku ky la lb lg ln lo lt lus lv mai mg mi mk ml mn mni-Mtei
	mr ms mt my ne nl no nso ny om or pa pl ps pt qu ro ru rw sa sd si sk sl sm sn so sq sr st su sv
	sw ta te tg th ti tk tl tr ts tt ug uk ur uz vi xh yi yo zu zh zh-CN zh-TW`)

func supported(code string) bool {
	if code == "" {
		return false
	}
	for _, l := range languages {
		if strings.EqualFold(code, l) {
			return true
		}
	}
	base, _, hasRegion := strings.Cut(code, "-")
	return hasRegion && !strings.EqualFold(base, "zh") && slices.Contains(languages, strings.ToLower(base))
}

// sameLanguage reports codes for one language (en and en-US; zh and
// zh-CN), which Google refuses as a pair.
func sameLanguage(a, b string) bool {
	norm := func(c string) string {
		c = strings.ToLower(c)
		if c == "zh" {
			return "zh-cn"
		}
		if base, _, ok := strings.Cut(c, "-"); ok && base != "zh" {
			return base
		}
		return c
	}
	return norm(a) == norm(b)
}
