package openai_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate/openai"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/pseudo"
)

var behaviours = []struct {
	b    openaitest.Behaviour
	name string
	// alone is what the error says when the model does it to a text sent
	// alone, every time; "" when that cannot go wrong.
	alone string
}{
	{openaitest.DropSegment, "drop", "model dropped segment s1"},
	{openaitest.ReorderSegments, "reorder", ""}, // one segment has no order
	{openaitest.BreakTag, "break tag", "model changed tags in s1: lost </b1>"},
	{openaitest.Prose, "prose", "model reply is not the JSON asked for"},
	{openaitest.ExtraSegment, "extra", `model added segment "s2"`},
	{openaitest.DuplicateSegment, "duplicate", "model repeated segment s1"},
	{openaitest.EmptySegment, "empty", "model left segment s1 empty"},
	{openaitest.CutOff, "cut off", "model reply cut off at its output limit"},
}

// texts are a paragraph's worth of segments; the third has a tag pair and
// the word 坏 that Whenever aims at.
var texts = []string{
	"第一句话。",
	"第二句话，有<x1/>图片。",
	"第三句<b1>坏</b1>话。",
	"第四句话。",
	"第五句话。",
}

// checkAligned fails unless every translation undoes to its own source.
func checkAligned(t *testing.T, out []string) {
	t.Helper()
	if len(out) != len(texts) {
		t.Fatalf("got %d translations for %d texts", len(out), len(texts))
	}
	for i, got := range out {
		if back, err := pseudo.Inverse(got); err != nil || back != texts[i] {
			t.Errorf("text %d %q: got %q, the translation of %q", i, texts[i], got, back)
		}
	}
}

// One bad reply is rejected, and the request sent again gets it right.
// (A reply cut off is not sent again: see TestCutOffSplitsAtOnce.)
func TestBadReplyIsRetried(t *testing.T) {
	for _, c := range behaviours {
		if c.b == openaitest.CutOff {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			srv := openaitest.New(openaitest.Options{Key: testKey, Misbehave: openaitest.Sequence(c.b)})
			defer srv.Close()
			b := newBackend(t, srv, nil)
			out, err := b.Translate(context.Background(), request(texts...))
			if err != nil {
				t.Fatal(err)
			}
			checkAligned(t, out)
			if s := b.Stats(); s.Requests != 2 || s.Rejected != 1 || s.Retries != 1 || s.Splits != 0 {
				t.Errorf("stats %+v, want 2 requests, the first rejected", s)
			}
		})
	}
}

// A reply cut off at the output limit is not sent again as it is: the
// batch is split at once.
func TestCutOffSplitsAtOnce(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Sequence(openaitest.CutOff)})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAligned(t, out)
	if s := b.Stats(); s.Requests != 3 || s.Rejected != 1 || s.Retries != 0 || s.Splits != 1 {
		t.Errorf("stats %+v, want 3 requests: one cut off, then two halves", s)
	}
}

// Three bad replies in a row: the batch is split in halves, and the second
// half is sent with the text before it as context.
func TestRepeatedBadRepliesSplitTheBatch(t *testing.T) {
	bad := openaitest.DropSegment
	srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Sequence(bad, bad, bad)})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAligned(t, out)
	if s := b.Stats(); s.Requests != 5 || s.Rejected != 3 || s.Retries != 2 || s.Splits != 1 || s.Failed != 0 {
		t.Errorf("stats %+v, want 3 rejected requests, then 2 halves", s)
	}
	user := srv.LastRequest().Messages[1].Content
	if !strings.Contains(user, `"context":"第二句话，有<x1/>图片。"`) {
		t.Errorf("second half's prompt lacks the text before it as context:\n%s", user)
	}
	if strings.Contains(user, "第一句话") {
		t.Errorf("second half's prompt has the first half's texts:\n%s", user)
	}
}

// A model that always gets one text wrong yields an error that says what
// was wrong and with which text, never a misaligned translation.
func TestPersistentlyBadModelIsAnError(t *testing.T) {
	for _, c := range behaviours {
		t.Run(c.name, func(t *testing.T) {
			srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Whenever("坏", c.b)})
			defer srv.Close()
			b := newBackend(t, srv, nil)
			out, err := b.Translate(context.Background(), request(texts...))
			if c.alone == "" {
				// Splitting leaves the text alone, where the model cannot
				// go wrong: the result must still be aligned.
				if err != nil {
					t.Fatal(err)
				}
				checkAligned(t, out)
				return
			}
			if err == nil {
				t.Fatalf("a model that always fails on one text gave %q and no error", out)
			}
			if out != nil {
				t.Errorf("error %v came with translations %q", err, out)
			}
			if !errors.Is(err, openai.ErrBadReply) {
				t.Errorf("error %v is not ErrBadReply", err)
			}
			for _, want := range []string{c.alone, "第三句<b1>坏</b1>话。", "gpt-4o-mini"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if s := b.Stats(); s.Failed != 1 || s.Splits == 0 {
				t.Errorf("stats %+v: want the batch split down to the one text that failed", s)
			}
		})
	}
}

// Replies are matched by ID: a model that swaps two segments every time
// it sees them together is caught, and the split sends them apart.
func TestReorderingNeverMisaligns(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Whenever("", openaitest.ReorderSegments)})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAligned(t, out)
	if s := b.Stats(); s.Rejected == 0 {
		t.Errorf("stats %+v: reordered replies were accepted", s)
	}
}
