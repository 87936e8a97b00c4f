package openaitest

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// Behaviour is how the fake model answers one request.
type Behaviour int

const (
	// Honest answers every segment, in order, pseudo-translated.
	Honest Behaviour = iota
	// DropSegment leaves the target segment out.
	DropSegment
	// ReorderSegments swaps the target segment with its neighbour. With
	// one segment there is nothing to swap and the reply is honest.
	ReorderSegments
	// BreakTag removes the target's first closing tag, or adds <x99/> to a
	// segment without tags.
	BreakTag
	// Prose answers in prose instead of JSON.
	Prose
	// ExtraSegment adds a segment with an ID that was not sent.
	ExtraSegment
	// DuplicateSegment answers the target segment twice.
	DuplicateSegment
	// EmptySegment answers the target segment with an empty text.
	EmptySegment
	// CutOff stops in the middle of the reply, with finish_reason "length".
	CutOff
)

// Misbehave picks the behaviour for the n-th request that reaches the
// model (from 1; failed and refused requests are not counted), given its
// segment texts, and the index of the segment it affects.
type Misbehave func(n int, texts []string) (b Behaviour, target int)

// Sequence misbehaves for the next len(bs) requests, in order: request n
// gets bs[n-1], aimed at its last segment. Later requests are honest.
func Sequence(bs ...Behaviour) Misbehave {
	return func(n int, texts []string) (Behaviour, int) {
		if n > len(bs) {
			return Honest, 0
		}
		return bs[n-1], len(texts) - 1
	}
}

// Whenever misbehaves, every time, in any request with a segment that
// contains substr, aimed at the first such segment: a model that always
// gets one text wrong. Whenever("", b) misbehaves on every request.
func Whenever(substr string, b Behaviour) Misbehave {
	return func(_ int, texts []string) (Behaviour, int) {
		for i, t := range texts {
			if strings.Contains(t, substr) {
				return b, i
			}
		}
		return Honest, 0
	}
}

// segment is one text of the prompt and of the reply.
type segment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// model answers a chat: it reads the segments from the last user message
// and writes their translations as the JSON the backend asked for. It
// returns the segments it read, the reply's content and whether it stopped
// at its output limit.
func (s *Server) model(n int, msgs []Message) (read []segment, content string, cutOff bool) {
	var prompt struct {
		Glossary []struct {
			Source string `json:"source"`
			Target string `json:"target"`
		} `json:"glossary"`
		Segments []segment `json:"segments"`
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == "user" {
			if json.Unmarshal([]byte(msgs[i].Content), &prompt) != nil {
				return nil, "I'm sorry, I could not find any text to translate in your message.", false
			}
			break
		}
	}
	out := make([]segment, len(prompt.Segments))
	texts := make([]string, len(prompt.Segments))
	// An obedient model writes each glossary term as its target: the fake
	// pins the targets, longest source first, so pseudo.Text keeps them.
	sort.SliceStable(prompt.Glossary, func(i, j int) bool { return len(prompt.Glossary[i].Source) > len(prompt.Glossary[j].Source) })
	for i, sg := range prompt.Segments {
		text := sg.Text
		for k, g := range prompt.Glossary {
			if g.Source != "" {
				text = strings.ReplaceAll(text, g.Source, translate.PinOpen(900+k)+g.Target+translate.PinClose(900+k))
			}
		}
		text = pseudo.Text(text)
		if strings.Contains(sg.Text, "<k") {
			// The segment has pins of its own, which must come back:
			// remove only the fake's.
			for k := range prompt.Glossary {
				text = strings.ReplaceAll(strings.ReplaceAll(text, translate.PinOpen(900+k), ""), translate.PinClose(900+k), "")
			}
		} else {
			// Unpin also spaces the English words apart, as a model would.
			text = translate.Unpin(text)
		}
		out[i] = segment{ID: sg.ID, Text: text}
		texts[i] = sg.Text
	}
	b, target := Honest, 0
	if s.opt.Misbehave != nil && len(out) > 0 {
		b, target = s.opt.Misbehave(n, texts)
		target = min(max(target, 0), len(out)-1)
	}
	switch b {
	case DropSegment:
		out = append(out[:target:target], out[target+1:]...)
	case ReorderSegments:
		if len(out) > 1 {
			other := target + 1
			if other == len(out) {
				other = target - 1
			}
			out[target], out[other] = out[other], out[target]
		}
	case BreakTag:
		out[target].Text = breakTag(out[target].Text)
	case Prose:
		return prompt.Segments, "Sure! Here are the translations:\n\n" + joinTexts(out), false
	case ExtraSegment:
		out = append(out, segment{ID: "s" + strconv.Itoa(len(out)+1), Text: "And one more thing."})
	case DuplicateSegment:
		out = append(out[:target+1:target+1], out[target:]...)
	case EmptySegment:
		out[target].Text = ""
	}
	content = encode(map[string][]segment{"translations": out})
	if b == CutOff {
		r := []rune(content)
		return prompt.Segments, string(r[:len(r)/2]), true
	}
	return prompt.Segments, content, false
}

// breakTag removes the first closing tag of s, or adds one that was never
// sent when s has none.
func breakTag(s string) string {
	i := strings.Index(s, "</")
	if i < 0 {
		return s + "<x99/>"
	}
	j := strings.IndexByte(s[i:], '>')
	return s[:i] + s[i+j+1:]
}

func joinTexts(segs []segment) string {
	var b strings.Builder
	for _, sg := range segs {
		b.WriteString(sg.Text + "\n")
	}
	return b.String()
}

func encode(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(buf.String(), "\n")
}

// Tokens estimates the tokens of s as the fake counts them: a CJK
// character is one token, other text four bytes to a token. Real
// tokenizers differ; this is near enough to make limits matter.
func Tokens(s string) int {
	cjk, other := 0, 0
	for _, r := range s {
		if r >= 0x2e80 && r < 0xa000 || r >= 0xf900 && r < 0xfb00 || r >= 0xff00 && r < 0xfff0 {
			cjk++
		} else {
			other += utf8.RuneLen(r)
		}
	}
	return cjk + (other+3)/4
}

// cut returns the longest start of s within the given number of tokens.
func cut(s string, tokens int) string {
	r := []rune(s)
	lo, hi := 0, len(r) // Tokens(string(r[:lo])) <= tokens always
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if Tokens(string(r[:mid])) <= tokens {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo])
}
