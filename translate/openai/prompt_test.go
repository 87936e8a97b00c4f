package openai_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// userPayload is the user message as the model reads it.
type userPayload struct {
	Glossary []struct{ Source, Target string }
	Context  *string
	Segments []struct{ ID, Text string }
}

func TestPromptCarriesInstructionsAndGlossary(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	req := request("刘玉强在北京。", "他说：a &lt; b。")
	req.Terms = []translate.Term{
		{Source: "刘玉强", Target: "Liu Yuqiang"},
		{Source: "上海", Target: "Shanghai"}, // not in these texts
		{Source: "北京", Target: "Beijing"},
	}
	if _, err := b.Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	got := srv.LastRequest()
	if got.Model != "gpt-4o-mini" || got.Temperature == nil || *got.Temperature != 0 || got.ResponseFormat != "json_object" {
		t.Errorf("request: model %q, temperature %v, response_format %q; want gpt-4o-mini, 0, json_object",
			got.Model, got.Temperature, got.ResponseFormat)
	}
	if len(got.Messages) != 2 || got.Messages[0].Role != "system" || got.Messages[1].Role != "user" {
		t.Fatalf("messages %+v: want a system and a user message", got.Messages)
	}
	system := got.Messages[0].Content
	for _, want := range []string{"from Chinese (zh) to English (en)", "<b1>", "&lt;", "line breaks", "glossary", `{"translations": [{"id": "s1"`} {
		if !strings.Contains(system, want) {
			t.Errorf("system message lacks %q:\n%s", want, system)
		}
	}
	user := got.Messages[1].Content
	if strings.Contains(user, `\u003c`) || !strings.Contains(user, "&lt;") {
		t.Errorf("user message escapes the text for HTML instead of keeping it as sent:\n%s", user)
	}
	var p userPayload
	if err := json.Unmarshal([]byte(user), &p); err != nil {
		t.Fatalf("user message is not JSON: %v\n%s", err, user)
	}
	if len(p.Glossary) != 2 || p.Glossary[0].Target != "Liu Yuqiang" || p.Glossary[1].Target != "Beijing" {
		t.Errorf("glossary %+v: want the two terms that occur, Liu Yuqiang and Beijing", p.Glossary)
	}
	if p.Context != nil {
		t.Errorf("first request has context %q; nothing comes before it", *p.Context)
	}
	if len(p.Segments) != 2 || p.Segments[0].ID != "s1" || p.Segments[1].ID != "s2" || p.Segments[1].Text != req.Texts[1] {
		t.Errorf("segments %+v: want s1, s2 with the texts as sent", p.Segments)
	}
}

// A request over the limits goes out in several, each after the first with
// the text before it as context.
func TestLimitsSplitRequestsWithContext(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	b := newBackend(t, srv, map[string]string{"max_texts": "2", "max_chars": "100"})
	if n, c := b.Limits(); n != 2 || c != 100 {
		t.Fatalf("limits %d, %d; want the settings 2, 100", n, c)
	}
	out, err := b.Translate(context.Background(), request("一。", "二。", "三。"))
	if err != nil {
		t.Fatal(err)
	}
	if out[2] != pseudo.Text("三。") {
		t.Errorf("third text: got %q", out[2])
	}
	if s := srv.Stats(); s.Requests != 2 {
		t.Errorf("%d requests for 3 texts at 2 a request", s.Requests)
	}
	var p userPayload
	json.Unmarshal([]byte(srv.LastRequest().Messages[1].Content), &p)
	if p.Context == nil || *p.Context != "二。" || len(p.Segments) != 1 {
		t.Errorf("second request: context %v, %d segments; want context 二。 and one segment", p.Context, len(p.Segments))
	}
}

// Glossary pins are tags to the backend: they come back where they were,
// with their contents untouched.
func TestPinsSurvive(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	src := "<k1>Liu Yuqiang</k1>在<k2>Linfen</k2>工作。"
	out, err := b.Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{"<k1>Liu Yuqiang</k1>", "<k2>Linfen</k2>"} {
		if !strings.Contains(out[0], pin) {
			t.Errorf("pin %s lost: %q", pin, out[0])
		}
	}
	if translate.Unpin(out[0]) == out[0] {
		t.Errorf("%q has no pins left to remove", out[0])
	}
}

// A context window too small for a batch: the server refuses it (400
// context_length_exceeded), or cuts the reply off, and the backend sends
// it in halves; a single text over the window is a permanent error.
func TestContextWindowSplitsBatches(t *testing.T) {
	long := strings.Repeat("长", 300)
	srv := openaitest.New(openaitest.Options{ContextTokens: 1500})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	texts := []string{long + "一", long + "二", long + "三", long + "四"}
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if out[i] != pseudo.Text(texts[i]) {
			t.Errorf("text %d misaligned", i)
		}
	}
	if fs, bs := srv.Stats(), b.Stats(); fs.Rejected == 0 || bs.Splits == 0 {
		t.Errorf("fake %+v, backend %+v: want requests over the window refused, and split", fs, bs)
	}

	_, err = b.Translate(context.Background(), request(strings.Repeat("长", 2000)))
	ae := translatetest.AsAPIError(t, err)
	if ae.Status != 400 || ae.Temporary || ae.Reason != "context_length_exceeded" {
		t.Errorf("one text over the window: %+v; want a permanent 400 context_length_exceeded", ae)
	}
}

// Reasoning models refuse any temperature but their default: an empty
// setting sends none.
func TestTemperatureSetting(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	for _, c := range []struct {
		setting string
		want    *float64
	}{{"", nil}, {"0.3", ptr(0.3)}} {
		b := newBackend(t, srv, map[string]string{"temperature": c.setting})
		if _, err := b.Translate(context.Background(), request("你好")); err != nil {
			t.Fatal(err)
		}
		got := srv.LastRequest().Temperature
		if got == nil && c.want != nil {
			t.Errorf("temperature setting %q sent none", c.setting)
		} else if got != nil && (c.want == nil || *got != *c.want) {
			t.Errorf("temperature setting %q sent %g", c.setting, *got)
		}
	}
}

func ptr(f float64) *float64 { return &f }
