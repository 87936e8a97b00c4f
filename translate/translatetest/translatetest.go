// Package translatetest is the conformance suite every translate.Backend runs
// in its tests: same count and order, empty input, tags kept, cancellation.
package translatetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"golang.org/x/text/language"
)

// Options tunes the suite for one backend.
type Options struct {
	From, To language.Tag // default zh -> en
	// Texts are three or more distinct source-language sentences without tags.
	// Default: three short Chinese sentences.
	Texts []string
	// Tagged is a source text with inline tags; default a Chinese sentence
	// with a link pair and an opaque tag.
	Tagged string
}

func (o *Options) defaults() {
	if o.From == (language.Tag{}) {
		o.From = language.Chinese
	}
	if o.To == (language.Tag{}) {
		o.To = language.English
	}
	if len(o.Texts) == 0 {
		o.Texts = []string{"今天天气很好。", "我们明天去北京。", "这是一个测试。"}
	}
	if o.Tagged == "" {
		o.Tagged = "请访问<a1>百度</a1>网站<x2/>。"
	}
}

// Run checks the Backend contract.
func Run(t *testing.T, b translate.Backend, opt Options) {
	t.Helper()
	opt.defaults()
	ctx := context.Background()
	req := func(texts ...string) translate.Request {
		return translate.Request{From: opt.From, To: opt.To, Texts: texts, Markup: true}
	}

	t.Run("CountAndOrder", func(t *testing.T) {
		all, err := b.Translate(ctx, req(opt.Texts...))
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(opt.Texts) {
			t.Fatalf("got %d translations for %d texts", len(all), len(opt.Texts))
		}
		for i, text := range opt.Texts {
			one, err := b.Translate(ctx, req(text))
			if err != nil {
				t.Fatal(err)
			}
			if len(one) != 1 || one[0] != all[i] {
				t.Errorf("text %d alone translates to %q, in a batch to %q: order not kept", i, one, all[i])
			}
			if strings.TrimSpace(all[i]) == "" {
				t.Errorf("text %d %q translated to nothing", i, text)
			}
			if all[i] == text {
				t.Errorf("text %d %q came back unchanged", i, text)
			}
		}
	})

	t.Run("EmptyInput", func(t *testing.T) {
		out, err := b.Translate(ctx, req())
		if err != nil || len(out) != 0 {
			t.Fatalf("no texts: got %q, %v; want nothing and no error", out, err)
		}
		out, err = b.Translate(ctx, req("", opt.Texts[0], ""))
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 3 || out[0] != "" || out[2] != "" || out[1] == "" {
			t.Fatalf("empty strings around a text: got %q", out)
		}
	})

	t.Run("TagsSurvive", func(t *testing.T) {
		out, err := b.Translate(ctx, req(opt.Tagged))
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range Tags(opt.Tagged) {
			if n := strings.Count(out[0], tag); n != 1 {
				t.Errorf("tag %s appears %d times in %q", tag, n, out[0])
			}
		}
	})

	t.Run("Cancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		_, err := b.Translate(c, req(opt.Texts...))
		if err == nil {
			t.Fatal("a cancelled context did not stop the backend")
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v does not wrap context.Canceled", err)
		}
	})
}

// Tags lists the tags of a tagged text, e.g. ["<a1>", "</a1>", "<x2/>"].
func Tags(s string) []string {
	var tags []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return tags
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return tags
		}
		tags = append(tags, s[i:i+j+1])
		s = s[i+j+1:]
	}
}
