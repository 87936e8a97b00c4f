package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# CC-CEDICT
#! date=2026-09-10T07:14:51Z
銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
乾淨 干净 [gan1 jing4] /clean/neat/
乾隆 乾隆 [Qian2 long2] /Qianlong Emperor/
著名 著名 [zhu4 ming2] /famous/
著急 着急 [zhao2 ji2] /to worry/
`

func TestReadCEDICTUnwrapsJavaScript(t *testing.T) {
	dir := t.TempDir()
	raw := filepath.Join(dir, "cedict_ts.u8")
	js := filepath.Join(dir, "cedict_ts.u8.js")
	bad := filepath.Join(dir, "bad.js")
	// readCEDICT refuses files too small to be CC-CEDICT: pad with dummy entries.
	var b strings.Builder
	b.WriteString(sample)
	for i := range 100000 {
		fmt.Fprintf(&b, "詞%d 词%d [ci2] /word %d/\n", i, i, i)
	}
	text := b.String()
	write := func(path, s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(raw, text)
	write(js, "module.exports = `"+text+"`;\n")
	write(bad, "module.exports = `"+text+"\\u0041`;\n")

	h1, e1, err := readCEDICT(raw)
	if err != nil {
		t.Fatal(err)
	}
	h2, e2, err := readCEDICT(js)
	if err != nil {
		t.Fatal(err)
	}
	if len(h1) != 2 || strings.Join(h1, "\n") != strings.Join(h2, "\n") || len(e1) != len(e2) {
		t.Fatalf("raw and wrapped files differ: %d/%d header lines, %d/%d entries", len(h1), len(h2), len(e1), len(e2))
	}
	if e := e2[0]; e.trad != "銀行" || e.simp != "银行" || e.pinyin != "yin2 hang2" || e.line != "銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/" {
		t.Errorf("first entry = %+v", e)
	}
	if _, _, err := readCEDICT(bad); err == nil {
		t.Error("a template literal with escapes was accepted")
	}
}

func TestTradToSimpKeepsSimplifiedCharacters(t *testing.T) {
	var entries []entry
	for line := range strings.Lines(sample) {
		if e, ok := parseEntry(strings.TrimSuffix(line, "\n")); ok {
			entries = append(entries, e)
		}
	}
	freq := map[string]int{"银行": 100, "干净": 50, "乾隆": 40, "著名": 30, "着急": 1000}
	t2s := tradToSimp(entries, freq)
	if t2s['銀'] != '银' {
		t.Errorf("銀 -> %q, want 银", t2s['銀'])
	}
	// 乾 and 著 are simplified characters too (乾隆, 著名): never rewritten.
	for _, c := range "乾著" {
		if s, ok := t2s[c]; ok {
			t.Errorf("%c -> %c, want it kept", c, s)
		}
	}
}

func TestToneless(t *testing.T) {
	for in, want := range map[string]string{"zhōng": "zhong", "lǜ": "lü", "nǚ": "nü", "ḿ": "m", "ǹg": "ng"} {
		if got, err := toneless(in); err != nil || got != want {
			t.Errorf("toneless(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := toneless("ê"); err == nil {
		t.Error("toneless accepted an unknown letter")
	}
}
