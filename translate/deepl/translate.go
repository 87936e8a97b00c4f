package deepl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// maxReplyBytes bounds how much of a reply is read: far more than the
// translations of one request.
const maxReplyBytes = 16 << 20

// Translate translates req.Texts with DeepL. Empty texts are not sent. The
// texts go in as few requests as DeepL's limits allow, one after another.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]string, len(req.Texts))
	var texts []string
	var index []int // index in req.Texts of each of texts
	for i, t := range req.Texts {
		if t == "" {
			continue
		}
		if !req.Markup {
			t = escaper.Replace(t)
		}
		texts = append(texts, t)
		index = append(index, i)
	}
	if len(texts) == 0 {
		return out, nil
	}
	wr := wireRequest{
		SourceLang:     sourceCode(req.From),
		TargetLang:     targetCode(req.To),
		TagHandling:    "xml",
		SplitSentences: "nonewlines",
		GlossaryID:     b.glossaryID,
	}
	if err := b.checkGlossary(ctx, wr.SourceLang, wr.TargetLang); err != nil {
		return nil, err
	}
	var empty map[string]bool
	wr.NonSplittingTags, wr.IgnoreTags, empty = tagNames(texts)
	if b.context {
		wr.Context = contextOf(texts)
	}
	ends, err := split(wr, texts, index)
	if err != nil {
		return nil, err
	}
	start := 0
	for _, end := range ends {
		wr.Text = texts[start:end]
		res, err := b.post(ctx, wr)
		if err != nil {
			return nil, err
		}
		for k, s := range res {
			s, err := fromXML(s, empty)
			if err != nil {
				return nil, fmt.Errorf("translation of text %d: %w", index[start+k]+1, err)
			}
			if !req.Markup {
				s = unescaper.Replace(s)
			}
			out[index[start+k]] = s
		}
		start = end
	}
	return out, nil
}

// BilledChars is what DeepL bills for req: the characters of the texts
// outside their markup. DeepL counts the source text in Unicode code
// points, whitespace included, and with tag_handling set (bitext always
// sends xml) "the characters of the HTML or XML tags (including all their
// attributes and values) are not counted towards billing"; the context
// parameter is not billed either (DeepL help center, "Usage count and
// billing in DeepL API",
// https://support.deepl.com/hc/en-us/articles/360020685720, and the API
// guide "Estimating character usage",
// https://developers.deepl.com/docs/best-practices/estimating-character-usage).
// An entity such as &amp; is text, not markup: DeepL reads it as the one
// character it stands for, and so it is counted.
func (b *Backend) BilledChars(req translate.Request) int {
	n := 0
	for _, t := range req.Texts {
		if req.Markup {
			n += textChars(t)
		} else {
			n += utf8.RuneCountInString(t) // sent escaped: each escape is its one character
		}
	}
	return n
}

// textChars counts the code points of a tagged text outside its tags, an
// entity (&lt;, &amp;, &#39;) as the one character it stands for.
func textChars(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if _, _, _, w := markup.TagAt(s[i:]); w > 0 {
				i += w
				continue
			}
		}
		if s[i] == '&' {
			if j := strings.IndexByte(s[i:], ';'); j > 1 && isEntityName(s[i+1:i+j]) {
				n++
				i += j + 1
				continue
			}
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		n++
		i += w
	}
	return n
}

// isEntityName reports whether s is the inside of an entity or character
// reference: "amp", "#39", "#x27".
func isEntityName(s string) bool {
	for _, c := range []byte(s) {
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// post sends one translate request and returns the translations in order.
func (b *Backend) post(ctx context.Context, wr wireRequest) ([]string, error) {
	body := encodeJSON(wr)
	if len(body) > bodyBudget {
		// split measured wrongly: refuse rather than be refused.
		return nil, fmt.Errorf("internal error: a DeepL request of %d bytes, over the %d-byte budget", len(body), bodyBudget)
	}
	resp, reply, err := b.do(ctx, http.MethodPost, "/v2/translate", body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, b.apiError(resp, reply)
	}
	var r wireReply
	if err := json.Unmarshal(reply, &r); err != nil {
		return nil, fmt.Errorf("DeepL reply is not the translate JSON: %v", err)
	}
	if len(r.Translations) != len(wr.Text) {
		return nil, fmt.Errorf("%w (%d sent, %d returned)", translate.ErrCount, len(wr.Text), len(r.Translations))
	}
	out := make([]string, len(r.Translations))
	for i, t := range r.Translations {
		out[i] = t.Text
	}
	return out, nil
}

// do sends one authorized request to the service and reads the reply.
func (b *Backend) do(ctx context.Context, method, path string, body []byte) (*http.Response, []byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	hr, err := http.NewRequestWithContext(ctx, method, b.base+path, rd)
	if err != nil {
		return nil, nil, err
	}
	hr.Header.Set("Authorization", "DeepL-Auth-Key "+b.key)
	hr.Header.Set("User-Agent", "bitext")
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	resp, err := b.client.Do(hr)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	reply, err := io.ReadAll(io.LimitReader(resp.Body, maxReplyBytes))
	if err != nil {
		return nil, nil, fmt.Errorf("reading DeepL reply: %w", err)
	}
	return resp, reply, nil
}
