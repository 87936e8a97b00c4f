package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/tagged"
)

// Warning is a finding in a backend's answer that may be legitimate, so it
// is reported rather than failed.
type Warning struct {
	Index int    // position of the text in the request the backend received
	Text  string // the source text, which identifies the segment
	Msg   string
}

// Verify returns b with every answer checked before it is passed on:
//
//   - one translation per text (an error wrapping ErrCount);
//   - an empty text translates to an empty string, and a text that is not
//     blank to one that is not blank (an error);
//   - when req.Markup is set, each translation carries exactly the tags of
//     its source, glossary pins <kN> included, each as often as in the
//     source, every pair opened before it is closed, and no '<' that is not
//     a tag (an error wrapping ErrBadTranslation that names the text and
//     the tags lost, added or repeated);
//   - a translation identical to its source is passed to warn: a name, a
//     number or a code can be its own translation, but it must not go
//     unnoticed.
//
// Errors from b are returned unchanged. Verify's own errors do not name
// the backend, because All and Parallel prefix every error with it; name
// is used in warnings, which reach the user directly. warn must not be
// nil: a translation left in the source language is never passed off
// silently.
//
// Put Verify outside Retry: a malformed answer is not retried.
func Verify(name string, b Backend, warn func(Warning)) Backend {
	if warn == nil {
		panic("translate: Verify needs a warn function")
	}
	return decorate(b, func(ctx context.Context, req Request) ([]string, error) {
		out, err := b.Translate(ctx, req)
		if err != nil {
			return nil, err
		}
		if len(out) != len(req.Texts) {
			return nil, fmt.Errorf("%w (%d sent, %d returned)", ErrCount, len(req.Texts), len(out))
		}
		var bad []string
		for i, src := range req.Texts {
			problems := checkText(src, out[i], req.Markup)
			if len(problems) > 0 {
				bad = append(bad, fmt.Sprintf("text %d %s: %s", i, quote(src), strings.Join(problems, ", ")))
				continue
			}
			if src != "" && out[i] == src {
				warn(Warning{Index: i, Text: src, Msg: name + " returned the text unchanged"})
			}
		}
		if len(bad) > 0 {
			return nil, badAnswer(bad)
		}
		return out, nil
	})
}

// checkText lists what is wrong with one translation.
func checkText(src, out string, markup bool) []string {
	switch {
	case src == "" && out != "":
		return []string{fmt.Sprintf("empty text translated to %s", quote(out))}
	case strings.TrimSpace(src) != "" && strings.TrimSpace(out) == "":
		return []string{"translated to nothing"}
	case !markup:
		return nil
	}
	return checkTags(src, out)
}

// checkTags compares the tags of a translation with those of its source,
// each in its canonical form (<x2 /> is <x2/>).
func checkTags(src, out string) []string {
	want, _ := scanTags(src)
	got, stray := scanTags(out)
	wantN, gotN := tally(want), tally(got)
	var problems []string
	for _, tag := range distinct(want) {
		switch n := gotN[tag]; {
		case n == 0:
			problems = append(problems, "lost tag "+tag)
		case n != wantN[tag]:
			problems = append(problems, fmt.Sprintf("tag %s appears %d times (%d in the source)", tag, n, wantN[tag]))
		}
	}
	for _, tag := range distinct(got) {
		if wantN[tag] == 0 {
			problems = append(problems, "added tag "+tag)
		}
	}
	if stray >= 0 {
		problems = append(problems, fmt.Sprintf("'<' that is not a tag at %s", quote(out[stray:])))
	}
	if len(problems) > 0 {
		return problems
	}
	// Same tags: check that each pair still opens before it closes.
	opened := map[string]bool{}
	ts, _ := tagged.Scan(out)
	for _, t := range ts {
		switch t.Kind {
		case tagged.Close:
			if !opened[t.Name] {
				problems = append(problems, fmt.Sprintf("%s comes before <%s>", t, t.Name))
			}
		case tagged.Open:
			opened[t.Name] = true
		}
	}
	return problems
}

// Tags lists the tags of a tagged text in order, each in its canonical
// form (package tagged): ["<b1>", "</b1>", "<x2/>"]. A '<' that does not
// start a tag is skipped. Backends that check or compare a translation's
// tags use it, so that all of them agree with Verify on what a tag is.
func Tags(s string) []string {
	tags, _ := scanTags(s)
	return tags
}

// scanTags returns the tags of a tagged text in order, canonical, and the
// byte offset of the first '<' that does not start one, or -1.
func scanTags(s string) (tags []string, stray int) {
	ts, stray := tagged.Scan(s)
	tags = make([]string, len(ts))
	for i, t := range ts {
		tags[i] = t.String()
	}
	return tags, stray
}

// TagLen returns the length of the tag at the start of s, or 0 if s does
// not start with one: tagged.Len, the one definition of a tag (<b1>, </b1>,
// <x2/> or <x2 />) that Verify, the backends, the glossary tools and the
// document's renderer share.
func TagLen(s string) int { return tagged.Len(s) }

func tally(tags []string) map[string]int {
	n := make(map[string]int, len(tags))
	for _, t := range tags {
		n[t]++
	}
	return n
}

// distinct returns tags without repeats, in order of first appearance.
func distinct(tags []string) []string {
	seen := make(map[string]bool, len(tags))
	var out []string
	for _, t := range tags {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// quote shows the start of a text in an error message.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s)
	return fmt.Sprintf("%q…", string(r[:max]))
}

// ErrBadTranslation is wrapped by the errors Verify finds in an answer.
var ErrBadTranslation = errors.New("bad translation")

// badAnswer reports the texts a backend got wrong: the first three, and
// how many more.
func badAnswer(bad []string) error {
	const shown = 3
	msg := strings.Join(bad[:min(len(bad), shown)], "; ")
	if len(bad) > shown {
		msg += fmt.Sprintf(" (and %d more texts)", len(bad)-shown)
	}
	return fmt.Errorf("%w: %s", ErrBadTranslation, msg)
}
