package document

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// segmentIDBefore is how IDs were computed when they were first written to
// bilingual files and memories: segmentID must give the same values.
func segmentIDBefore(kind Kind, key, text string) string {
	buf := append([]byte(kind.String()), 0)
	buf = append(buf, key...)
	buf = append(buf, 0)
	rest := strings.TrimLeft(text, " \t\r\n")
	for rest != "" {
		k := strings.IndexAny(rest, " \t\r\n")
		if k < 0 {
			buf = append(buf, rest...)
			break
		}
		buf = append(buf, rest[:k]...)
		rest = strings.TrimLeft(rest[k:], " \t\r\n")
		if rest != "" {
			buf = append(buf, ' ')
		}
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:6])
}

func TestSegmentIDsAreStable(t *testing.T) {
	for _, c := range []struct {
		kind      Kind
		key, text string
	}{
		{Paragraph, "", ""}, {Paragraph, "", "  "}, {Heading, "", "标题"}, {Paragraph, "", " a \t b\r\n\nc  "},
		{FrontField, "title", "第1篇"}, {Paragraph, "", "\u3000全角\u3000空格 "}, {Paragraph, "", "a\vb\fc"},
	} {
		if got, want := SegmentID(c.kind, c.key, c.text), segmentIDBefore(c.kind, c.key, c.text); got != want {
			t.Errorf("SegmentID(%v, %q, %q) = %s, was %s", c.kind, c.key, c.text, got, want)
		}
	}
	// Values written to files and memories: they never change.
	if got := SegmentID(Paragraph, "", "这是第1篇短文，讲的是临汾。"); got != "c79e535c3116" {
		t.Errorf("ID of a paragraph changed: %s, was c79e535c3116", got)
	}
	if got := SegmentID(FrontField, "title", "第1篇"); got != "8ea465bc912b" {
		t.Errorf("ID of a title changed: %s, was 8ea465bc912b", got)
	}
}

func FuzzSegmentID(f *testing.F) {
	f.Add("title", " 一 二\n三 ")
	f.Fuzz(func(t *testing.T, key, text string) {
		if got, want := SegmentID(Paragraph, key, text), segmentIDBefore(Paragraph, key, text); got != want {
			t.Errorf("SegmentID(%q, %q) = %s, was %s", key, text, got, want)
		}
	})
}
