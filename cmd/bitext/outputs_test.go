package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTranslationRefusedAlike: a bitext output given where a source is
// wanted is refused with one message, whichever command is given it.
func TestTranslationRefusedAlike(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.md"), []byte("---\ntitle: 标题\n---\n临汾市市长刘玉强。\n"), 0o644)
	if code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "x.md"); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	want := "bitext: error: x.en.md:4: this file is a bitext translation (front matter has translation:), not a source\n" +
		"bitext: hint: use the source post instead; its path is the translation's source: key\n"
	for _, args := range [][]string{
		{"translate", "--backend", "pseudo", "--no-memory", "x.en.md"},
		{"glossary", "check", "x.en.md", "x.md"},
		{"check", "x.en.md", "x.md"},
	} {
		code, msg := runIn(t, dir, args...)
		if code == exitOK || !strings.HasPrefix(msg, want) {
			t.Errorf("%v: exit %d:\n%s\nwant:\n%s", args, code, msg, want)
		}
	}
}

// TestSuggestReadsSourcesNamedLikeOutputs: glossary suggest recognises
// outputs as translate does: a.en.md with Chinese and no translation
// mapping is a source, and its names are suggested.
func TestSuggestReadsSourcesNamedLikeOutputs(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "posts"), 0o755)
	os.WriteFile(filepath.Join(dir, "posts", "a.en.md"), []byte("# 新闻\n\n刘玉强说，雷建坤也说，刘玉强很忙。\n"), 0o644)
	code, out, stderr := runWith(t, "", "glossary", "suggest", filepath.Join(dir, "posts"))
	if code != exitOK || !strings.Contains(out, "a.en.md") {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
}
