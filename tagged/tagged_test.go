package tagged

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAt(t *testing.T) {
	for s, want := range map[string]string{
		"<b1>x":     "<b1>",
		"</b1>":     "</b1>",
		"<x2/>":     "<x2/>",
		"<x2 />":    "<x2/>",
		"<x12  />y": "<x12/>",
		"<k3>":      "<k3>",
	} {
		tag, n := At(s)
		if n == 0 || tag.String() != want {
			t.Errorf("At(%q) = %v, %d; want %s", s, tag, n, want)
		}
	}
	for _, s := range []string{"<b>", "<B1>", "<ab1>", "</x2/>", "</b1 >", "<b1", "< b1>", "<1>", "<b1x>", "&lt;b1&gt;", "<x2 / >"} {
		if _, n := At(s); n != 0 {
			t.Errorf("At(%q) = %d, want no tag", s, n)
		}
	}
}

func TestScanAndPlain(t *testing.T) {
	s := "a <b1>b &amp; c</b1> <x2 /> 1 &lt; 2 <k3>Linfen</k3> < stray"
	tags, stray := Scan(s)
	var got []string
	for _, tg := range tags {
		got = append(got, tg.String())
	}
	if strings.Join(got, " ") != "<b1> </b1> <x2/> <k3> </k3>" || stray != strings.Index(s, "< stray") {
		t.Errorf("Scan: %v, %d", got, stray)
	}
	if p := Plain(s); p != "a b & c  1 < 2 Linfen < stray" {
		t.Errorf("Plain: %q", p)
	}
	if p := PlainSep("<b1>a</b1>b", " "); p != " a b" {
		t.Errorf("PlainSep: %q", p)
	}
	if !IsPin("k12") || IsPin("k") || IsPin("b1") || PinName(4) != "k4" {
		t.Error("pins")
	}
}

// FuzzTagged: whatever the text, the scanners agree with each other and
// with the canonical forms.
//   - Pieces cut s without losing a byte; a piece that is a tag is one
//     At reads whole, a text piece holds no tag;
//   - Scan finds the tags of Pieces, and a stray only where At reads none;
//   - a tag's canonical form reads back as the same tag;
//   - Escape leaves no tag and no stray, and Plain undoes it.
func FuzzTagged(f *testing.F) {
	for _, s := range []string{"", "plain", "a <b1>b</b1> c", "<x2/><x3 />", "&amp;&lt;&gt;&#39;&nbsp;&bogus;", "<k1>Linfen</k1>",
		"< <b <b1 <b1> </b1 />", "1 < 2 && 3 > 2", "<x2  />", "<a1><b2>x</b2></a1>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var joined strings.Builder
		var fromPieces []Tag
		for _, p := range Pieces(s) {
			joined.WriteString(p.Raw)
			if p.IsTag() {
				tag, n := At(p.Raw)
				if n != len(p.Raw) || tag != p.Tag {
					t.Fatalf("piece %q: At = %v, %d", p.Raw, tag, n)
				}
				fromPieces = append(fromPieces, tag)
				back, m := At(tag.String())
				if m != len(tag.String()) || back != tag {
					t.Fatalf("canonical %q reads as %v", tag.String(), back)
				}
			} else if at, _, _ := Next(p.Raw, 0); at >= 0 {
				t.Fatalf("text piece %q holds a tag at %d", p.Raw, at)
			}
		}
		if joined.String() != s {
			t.Fatalf("pieces join to %q, not %q", joined.String(), s)
		}
		tags, stray := Scan(s)
		if len(tags) != len(fromPieces) {
			t.Fatalf("Scan found %d tags, Pieces %d", len(tags), len(fromPieces))
		}
		for i := range tags {
			if tags[i] != fromPieces[i] {
				t.Fatalf("tag %d: %v and %v", i, tags[i], fromPieces[i])
			}
		}
		if stray >= 0 && (s[stray] != '<' || Len(s[stray:]) != 0) {
			t.Fatalf("stray at %d: %q", stray, s[stray:])
		}
		e := Escape(s)
		if ts, st := Scan(e); len(ts) != 0 || st >= 0 {
			t.Fatalf("Escape(%q) = %q has tags or strays", s, e)
		}
		if utf8.ValidString(s) && Plain(e) != s {
			t.Fatalf("Plain(Escape(%q)) = %q", s, Plain(e))
		}
	})
}

func TestEscapeTo(t *testing.T) {
	for _, s := range []string{"", "a", "<", "a&b<c>d", "&amp;", "临汾<b1>", ">>"} {
		var b strings.Builder
		b.WriteString("x")
		EscapeTo(&b, s)
		if got, want := b.String(), "x"+Escape(s); got != want {
			t.Errorf("EscapeTo(%q) wrote %q, Escape gives %q", s, got, want)
		}
	}
}

// WritePin spells a pin's tags as Tag.String does, and they read back as
// pins of the same number.
func TestWritePin(t *testing.T) {
	for _, n := range []int{1, 9, 10, 99, 100, 12345} {
		for _, kind := range []Kind{Open, Close, Empty} {
			var b strings.Builder
			WritePin(&b, n, kind)
			want := Tag{Name: PinName(n), Kind: kind}.String()
			if b.String() != want {
				t.Errorf("WritePin(%d, %v) = %q, want %q", n, kind, b.String(), want)
			}
			if got, l := At(b.String()); l != len(want) || got.Name != PinName(n) || got.Kind != kind || !IsPin(got.Name) {
				t.Errorf("At(%q) = %+v, %d", b.String(), got, l)
			}
		}
	}
}
