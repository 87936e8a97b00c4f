package glossary_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline"
	"github.com/bitext/bitext/translate/pseudo"
	"golang.org/x/text/language"
)

var names = glossary.New([]glossary.Entry{
	{Source: "刘玉强", Target: "Liu Yuqiang", Type: glossary.Person},
	{Source: "临汾", Target: "Linfen", Type: glossary.Place},
	{Source: "阳泉市", Target: "Yangquan", Type: glossary.Place},
	{Source: "工信部", Target: "Ministry of Industry & Information Technology", Type: glossary.Org},
})

func request(texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: true}
}

// recorder is a hinted backend that remembers what it was sent.
type recorder struct{ got translate.Request }

func (r *recorder) Translate(_ context.Context, req translate.Request) ([]string, error) {
	r.got = req
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = "EN " + t
	}
	return out, nil
}

func TestProtectHinted(t *testing.T) {
	rec := &recorder{}
	b := glossary.Protect(rec, names)
	texts := []string{"刘玉强到<b1>临汾</b1>。", "没有名字。", "临汾和阳泉市"}
	if _, err := b.Translate(context.Background(), request(texts...)); err != nil {
		t.Fatal(err)
	}
	if strings.Join(rec.got.Texts, "|") != strings.Join(texts, "|") {
		t.Errorf("a hinted backend got changed texts: %q", rec.got.Texts)
	}
	want := []translate.Term{{Source: "刘玉强", Target: "Liu Yuqiang"}, {Source: "临汾", Target: "Linfen"}, {Source: "阳泉市", Target: "Yangquan"}}
	if len(rec.got.Terms) != len(want) {
		t.Fatalf("terms = %v, want %v", rec.got.Terms, want)
	}
	for i := range want {
		if rec.got.Terms[i] != want[i] {
			t.Errorf("term %d = %v, want %v", i, rec.got.Terms[i], want[i])
		}
	}
	// Only the terms of the batch are hinted.
	if _, err := b.Translate(context.Background(), request("没有名字。")); err != nil {
		t.Fatal(err)
	}
	if len(rec.got.Terms) != 0 {
		t.Errorf("a batch without terms got hints %v", rec.got.Terms)
	}
}

// The pseudo backend keeps pins, as markup-aware services do: the targets
// come back verbatim, unpinned, and verify.
func TestProtectPinned(t *testing.T) {
	b := glossary.Protect(pseudo.Backend{}, names)
	src := "刘玉强在<a1>临汾</a1>和阳泉市见了工信部。"
	out, err := b.Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Liu Yuqiang", "<a1>Linfen</a1>", "Yangquan", "Ministry of Industry &amp; Information Technology"} {
		if !strings.Contains(out[0], want) {
			t.Errorf("translation %q lacks %q", out[0], want)
		}
	}
	if strings.Contains(out[0], "<k") {
		t.Errorf("pins left in %q", out[0])
	}
	if _, miss := names.Check(src, out[0]); len(miss) > 0 {
		t.Errorf("misses after pinning: %v", miss)
	}
	// Without the glossary, the pseudo backend leaves the names Chinese.
	plain, _ := pseudo.Backend{}.Translate(context.Background(), request(src))
	if _, miss := names.Check(src, plain[0]); len(miss) != 4 {
		t.Errorf("without protection %d misses, want 4: the test would not notice lost pins", len(miss))
	}
}

// The offline backend substitutes hinted terms itself.
func TestProtectOffline(t *testing.T) {
	b := glossary.Protect(offline.New(offline.Options{}), glossary.New([]glossary.Entry{{Source: "刘玉强", Target: "Liu Yu-Qiang"}}))
	src := "刘玉强说，临汾很好。"
	out, err := b.Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out[0], "Liu Yu-Qiang") {
		t.Errorf("offline translation %q ignores the glossary", out[0])
	}
}

// A backend that loses a pin's contents is caught by Check.
func TestProtectLostPin(t *testing.T) {
	b := glossary.Protect(dropper{}, names)
	src := "刘玉强在临汾。"
	out, err := b.Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	_, miss := names.Check(src, out[0])
	if len(miss) != 1 || miss[0].Entry.Source != "刘玉强" {
		t.Errorf("misses %v, want 刘玉强 only (translation %q)", miss, out[0])
	}
	if got := glossary.Miss(miss[0]); got != `glossary: 刘玉强 -> "Liu Yuqiang" missing in translation` {
		t.Errorf("Miss = %s", got)
	}
}

// dropper is a pinned backend that garbles the first pin's contents.
type dropper struct{}

func (dropper) TermMode() translate.TermMode { return translate.TermsPinned }
func (dropper) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = strings.Replace(t, "Liu Yuqiang", "Liu Yu Qiang", 1)
	}
	return out, nil
}

// keeper is a backend that takes its pins with the source and keeps them,
// as DeepL keeps ignore_tags and Google a span with translate="no": it
// answers each text marked as translated, with edit applied.
type keeper struct {
	got  translate.Request
	edit func(string) string
}

func (*keeper) TermMode() translate.TermMode { return translate.TermsPinnedSource }
func (k *keeper) Translate(_ context.Context, req translate.Request) ([]string, error) {
	k.got = req
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		if k.edit != nil {
			t = k.edit(t)
		}
		out[i] = "EN " + t
	}
	return out, nil
}

// A backend that takes pins with the source is sent each term as it is in
// the text, and the English has the glossary's target in its place.
func TestProtectPinnedSource(t *testing.T) {
	k := &keeper{}
	b := glossary.Protect(k, names)
	src := "刘玉强在<a1>临汾</a1>见了工信部。"
	out, err := b.Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<k1>刘玉强</k1>在<a1><k2>临汾</k2></a1>见了<k3>工信部</k3>。"; k.got.Texts[0] != want {
		t.Errorf("sent %q, want %q", k.got.Texts[0], want)
	}
	if want := "EN Liu Yuqiang在<a1>Linfen</a1>见了Ministry of Industry &amp; Information Technology。"; out[0] != want {
		t.Errorf("got %q, want %q", out[0], want)
	}
	if _, miss := names.Check(src, out[0]); len(miss) > 0 {
		t.Errorf("misses: %v", miss)
	}
	// Batches are packed by the texts as sent: pinned with the source.
	if got, want := translate.TextSize(b, request(), src), utf8.RuneCountInString(k.got.Texts[0]); got != want {
		t.Errorf("TextSize = %d, want %d, the size of the text as sent", got, want)
	}
	// Terms that touch share a pin, which stands for both targets.
	if out, err := b.Translate(context.Background(), request("临汾阳泉市")); err != nil || k.got.Texts[0] != "<k1>临汾阳泉市</k1>" || out[0] != "EN Linfen Yangquan" {
		t.Errorf("touching terms: sent %q, got %q, %v", k.got.Texts[0], out, err)
	}

	// A plain-text request is pinned with the targets: a backend that sends
	// plain text does not protect pins, and an English name is left alone
	// more often than a Chinese one.
	plain := request("刘玉强在临汾。")
	plain.Markup = false
	out, err = b.Translate(context.Background(), plain)
	if err != nil {
		t.Fatal(err)
	}
	if k.got.Texts[0] != "<k1>Liu Yuqiang</k1>在<k2>Linfen</k2>。" || out[0] != "EN Liu Yuqiang在Linfen。" {
		t.Errorf("plain text: sent %q, got %q", k.got.Texts[0], out[0])
	}
}

// A service that changes what a pin carried does not get the target put in
// its place: the glossary check reports the term, and the English shows
// what the service wrote.
func TestProtectPinnedSourceChanged(t *testing.T) {
	k := &keeper{edit: func(s string) string { return strings.Replace(s, "刘玉强", "Liu Yu", 1) }}
	src := "刘玉强在临汾。"
	out, err := glossary.Protect(k, names).Translate(context.Background(), request(src))
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != "EN Liu Yu在Linfen。" {
		t.Errorf("got %q", out[0])
	}
	if _, miss := names.Check(src, out[0]); len(miss) != 1 || miss[0].Entry.Source != "刘玉强" {
		t.Errorf("misses %v, want 刘玉强 only", miss)
	}
}

// A service that drops a pin is refused by Verify, which sits inside the
// protection and sees the pins.
func TestProtectPinnedSourceDropped(t *testing.T) {
	k := &keeper{edit: func(s string) string { return strings.NewReplacer("<k1>", "", "</k1>", "").Replace(s) }}
	b := glossary.Protect(translate.Verify("test", k, func(translate.Warning) {}), names)
	_, err := b.Translate(context.Background(), request("刘玉强在临汾。"))
	if !errors.Is(err, translate.ErrBadTranslation) || !strings.Contains(err.Error(), "lost tag <k1>") {
		t.Errorf("a dropped pin: %v, want a bad translation that lost <k1>", err)
	}
}
