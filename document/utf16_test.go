package document

import (
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func encodeUTF16(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestUTF16IsNamed: a post in UTF-16, with or without a byte order mark,
// in either order, Han only or with ASCII, is reported as UTF-16 with an
// iconv hint, not as binary (its NUL bytes) nor as GB18030; GB18030 is
// still GB18030.
func TestUTF16IsNamed(t *testing.T) {
	post := "---\ntitle: 山西\n---\n临汾市市长刘玉强。\n"
	han := "临汾市市长刘玉强在万寿庄宾馆作了第一次讲话"
	for _, c := range []struct {
		name      string
		src       []byte
		want, not string
	}{
		{"LE BOM", encodeUTF16(post, false, true), "UTF-16 text (little-endian, with a byte order mark), not UTF-8; convert the file to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8", ""},
		{"BE BOM", encodeUTF16(post, true, true), "UTF-16 text (big-endian, with a byte order mark)", ""},
		{"LE", encodeUTF16(post, false, false), "UTF-16 text (little-endian), not UTF-8; convert the file to UTF-8 first, e.g. iconv -f UTF-16LE -t UTF-8", ""},
		{"BE", encodeUTF16(post, true, false), "iconv -f UTF-16BE", ""},
		{"LE Han only", encodeUTF16(han, false, false), "iconv -f UTF-16LE", "GB18030"},
		{"BE Han only", encodeUTF16(han, true, false), "iconv -f UTF-16BE", "GB18030"},
		{"ASCII LE", encodeUTF16("# Title\n\nSome text.\n", false, false), "UTF-16LE", ""},
		{"ASCII BE", encodeUTF16("# Title\n\nSome text.\n", true, false), "UTF-16BE", ""},
	} {
		_, err := Parse("x.md", c.src, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) || c.not != "" && strings.Contains(err.Error(), c.not) {
			t.Errorf("%s: %v; want %q", c.name, err, c.want)
		}
	}
	for _, s := range []string{post, han, han + "\n" + han} {
		gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		_, err := Parse("x.md", gb, Options{})
		if err == nil || !strings.Contains(err.Error(), "GB18030") || strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("GB18030 %q: %v", s, err)
		}
	}
	if _, err := Parse("x.md", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, Options{}); err == nil || !strings.Contains(err.Error(), "binary file") {
		t.Errorf("PNG: %v", err)
	}
}
