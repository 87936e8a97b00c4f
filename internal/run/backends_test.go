package run

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/google"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/googlebasic"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/libretranslate"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
	"github.com/bitext/bitext/translate/markup"
	"github.com/bitext/bitext/translate/openai"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// builtinGlossary is the glossary bitext translate uses by default: the
// built-in gazetteer, matched between words.
func builtinGlossary() *glossary.Glossary {
	return glossary.NewOptions(builtin.Entries(), builtin.Options())
}

// remote is one remote backend against a fake of its service, with the
// limits its service documents for one request (not the ones the backend
// declares), in the measure the service counts them.
type remote struct {
	name    string
	start   func(t *testing.T) (translate.Backend, func() translatetest.Stats)
	texts   int                              // most texts in one request
	size    int                              // most of size's measure in one request
	measure string                           // what size counts
	sizeOf  func(wire string, html bool) int // what one text as sent adds
	// wire is how a text travels: HTML, or as it is.
	html bool
	// ids: the HTML has an id on every tag but the pins, which are
	// markup.ShortPin (LibreTranslate's form, markup.ToHTMLWithIDs).
	ids bool
	// lookups are requests the backend makes once, before its first
	// translation (DeepL's look-up of its glossary).
	lookups int
	// pinMarkup is what the service bills for the markup of one pin: the
	// shortest element it honours, or 0 when it bills no markup.
	pinMarkup int
}

// googlePin is the characters of the shortest markup Google documents for
// text it must not translate, <span translate="no">…</span>
// (https://cloud.google.com/translate/troubleshooting); librePin those of
// the shortest LibreTranslate's translate-html honours, any element with
// translate=no (markup.ShortPin).
const (
	googlePin = len(`<span translate="no"></span>`)
	librePin  = len(`<i translate=no></i>`)
)

// jsonSize is the bytes a text adds to a JSON array of strings, as
// encoding/json writes it (HTML escapes included), with its comma.
func jsonSize(s string) int {
	b, _ := json.Marshal(s)
	return len(b) + 1
}

func cps(s string, _ bool) int { return utf8.RuneCountInString(s) }

// remotes are the remote backends, each against its fake, with its
// service's documented limits:
//
//   - googlebasic: 128 texts, a 100K-byte request (Cloud Translation quotas,
//     "Content limits per request"; Basic translating-text guide);
//   - google: 1,024 texts and 30,000 code points as sent (the same page,
//     and the TranslateText reference for contents);
//   - deepl: 50 texts and a 128 KiB body (DeepL API reference, "Translate
//     text");
//   - libretranslate: the limits of the server, here the backend's
//     defaults (32 texts, 5,000 characters as sent), which a server
//     started with --batch-limit 32 --char-limit 5000 enforces;
//   - openai: the backend's own settings (20 texts, 3,000 source
//     characters), since a model's limits are its context window, far
//     larger.
func remotes() []remote {
	return []remote{
		{name: "googlebasic", texts: 128, size: 100_000, measure: "bytes of JSON body", html: true, pinMarkup: googlePin,
			sizeOf: func(w string, _ bool) int { return jsonSize(w) },
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				srv := googlebasictest.New(googlebasictest.Options{Key: "k"})
				t.Cleanup(srv.Close)
				return newBackend(t, googlebasic.Factory, srv.URL, map[string]string{"key": "k"}), srv.Stats
			}},
		{name: "google", texts: 1024, size: 30_000, measure: "code points as sent", html: true, sizeOf: cps, pinMarkup: googlePin,
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				srv := googletest.New(googletest.Options{})
				t.Cleanup(srv.Close)
				b := newBackend(t, google.Factory, srv.URL, map[string]string{"project": "bitext-test"})
				if c, ok := b.(interface{ Close() error }); ok {
					t.Cleanup(func() { c.Close() })
				}
				return b, srv.Stats
			}},
		{name: "deepl", texts: 50, size: 128 * 1024, measure: "bytes of JSON body",
			sizeOf: func(w string, _ bool) int { return jsonSize(w) },
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				srv, b := fakeDeepL(t, deepltest.Options{})
				return b, srv.Stats
			}},
		{name: "libretranslate", texts: libretranslate.DefaultBatchLimit, size: libretranslate.DefaultCharLimit,
			measure: "code points as sent", html: true, ids: true, sizeOf: cps, pinMarkup: librePin,
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				srv := libretranslatetest.New(libretranslatetest.Options{BatchLimit: libretranslate.DefaultBatchLimit})
				t.Cleanup(srv.Close)
				return newBackend(t, libretranslate.Factory, srv.URL, nil), srv.Stats
			}},
		// With a native glossary, terms go unpinned: the service applies
		// the glossary, here the built-in one uploaded to it.
		{name: "google+glossary", texts: 1024, size: 30_000, measure: "code points as sent", html: true, sizeOf: cps,
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				const name = "projects/bitext-test/locations/us-central1/glossaries/builtin"
				srv := googletest.New(googletest.Options{Glossaries: map[string]map[string]string{name: builtinTerms()}})
				t.Cleanup(srv.Close)
				b := newBackend(t, google.Factory, srv.URL, map[string]string{"project": "bitext-test", "glossary": name})
				if c, ok := b.(interface{ Close() error }); ok {
					t.Cleanup(func() { c.Close() })
				}
				return b, srv.Stats
			}},
		{name: "deepl+glossary", texts: 50, size: 128 * 1024, measure: "bytes of JSON body", lookups: 1,
			sizeOf: func(w string, _ bool) int { return jsonSize(w) },
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				const id = "a4b5c6d7-0000-4000-8000-000000000001"
				srv := deepltest.New(deepltest.Options{Key: deeplKey, Glossaries: map[string]map[string]string{id: builtinTerms()}})
				t.Cleanup(srv.Close)
				return newBackend(t, deepl.Factory, srv.URL, map[string]string{"key": deeplKey, "glossary_id": id}), srv.Stats
			}},
		{name: "openai", texts: openai.DefaultMaxTexts, size: openai.DefaultMaxChars, measure: "source code points", sizeOf: cps,
			start: func(t *testing.T) (translate.Backend, func() translatetest.Stats) {
				srv := openaitest.New(openaitest.Options{Key: "sk-test", Models: []string{"test-model"}})
				t.Cleanup(srv.Close)
				return newBackend(t, openai.Factory, srv.URL, map[string]string{"key": "sk-test", "model": "test-model"}), srv.Stats
			}},
	}
}

// builtinTerms is the built-in glossary as a map of terms, for a fake's
// native glossary.
func builtinTerms() map[string]string {
	m := map[string]string{}
	for _, e := range builtin.Entries() {
		m[e.Source] = e.Target
	}
	return m
}

// sentTexts are the distinct segment texts of the corpus, as the run
// sends them: each once.
func sentTexts(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, p := range testcorpus.Paths(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Parse(p, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Segments {
			if !seen[s.Text] {
				seen[s.Text] = true
				out = append(out, s.Text)
			}
		}
	}
	return out
}

// wireOf is a text as the backend's service receives it: pinned when the
// backend takes pins (with the source or the target, as its mode says), as
// HTML when it takes HTML (with ids and the short pin, when ids is set).
func wireOf(g *glossary.Glossary, mode translate.TermMode, html, ids bool, text string) string {
	if ms := g.Match(text); len(ms) > 0 {
		switch mode {
		case translate.TermsPinned:
			text = glossary.Pin(text, ms)
		case translate.TermsPinnedSource:
			text = glossary.PinSource(text, ms)
		}
	}
	switch {
	case html && ids:
		text = markup.ToHTMLWithIDs(text, markup.ShortPin)
	case html:
		text = markup.ToHTML(text)
	}
	return text
}

// backendRow is one backend's figures over the corpus.
type backendRow struct {
	name             string
	texts, size      int // texts sent, and their total size as the service counts its limit
	fewest, requests int
	segChars         int // code points of the segment texts
	// plain is what the service would bill for the texts and their own
	// tags, without the glossary; targets the same with each pinned term
	// replaced by its target, without the pins' markup.
	plain, targets   int
	billed, reported int64
}

// TestRequestsNearTheMinimum translates the corpus with the built-in
// glossary through every remote backend against its fake, and checks that
// the requests are within 1.1x the fewest the service's documented limits
// allow for the texts sent (as sent: with their pins and markup, in the
// measure the service counts), and that the report bills what the service
// counted.
func TestRequestsNearTheMinimum(t *testing.T) {
	g := builtinGlossary()
	texts := sentTexts(t)
	var rows []*backendRow
	for _, rb := range remotes() {
		t.Run(rb.name, func(t *testing.T) {
			if testing.Short() && strings.HasSuffix(rb.name, "+glossary") {
				t.Skip("the fakes apply a glossary of 1,700 terms slowly")
			}
			b, stats := rb.start(t)
			mode := translate.ModeOf(b)
			pinned := mode.Pinned()
			row := &backendRow{name: rb.name, texts: len(texts)}
			var withTargets []string
			targetMode := mode // each pinned term's target in place
			if pinned {
				targetMode = translate.TermsPinned
			}
			pins := 0 // pins sent: touching terms share one
			for _, text := range texts {
				for _, tag := range translate.Tags(wireOf(g, mode, false, false, text)) {
					if translate.IsPinTag(strings.Trim(tag, "</>")) && tag[1] != '/' {
						pins++
					}
				}
				row.size += rb.sizeOf(wireOf(g, mode, rb.html, rb.ids, text), rb.html)
				row.segChars += utf8.RuneCountInString(text)
				withTargets = append(withTargets, translate.Unpin(wireOf(g, targetMode, false, false, text)))
			}
			row.plain = translate.BilledChars(b, translate.Request{From: language.Chinese, To: language.English, Markup: true, Texts: texts})
			row.targets = translate.BilledChars(b, translate.Request{From: language.Chinese, To: language.English, Markup: true, Texts: withTargets})
			row.fewest = max((row.texts+rb.texts-1)/rb.texts, (row.size+rb.size-1)/rb.size)

			// The language check goes first: count only translations.
			if err := translate.CheckLanguages(context.Background(), b, language.Chinese, language.English); err != nil {
				t.Fatal(err)
			}
			before := stats()
			cfg := config(b, rb.name, memory.NewMap(), t.TempDir())
			cfg.Glossary = g
			rep := translateOK(t, cfg, corpus(t))
			st := stats()
			row.requests = st.Requests - before.Requests - rb.lookups
			row.billed, row.reported = int64(st.Chars-before.Chars), rep.Totals.CharactersSent
			if st.Rejected > 0 {
				t.Errorf("%d requests broke the service's limits", st.Rejected)
			}
			if row.requests != rep.Totals.Requests {
				t.Errorf("the service got %d requests, the report counts %d", row.requests, rep.Totals.Requests)
			}
			if rep.Totals.SegmentsSent != row.texts || st.Texts-before.Texts != row.texts {
				t.Errorf("%d texts sent (report %d), %d distinct in the corpus", st.Texts-before.Texts, rep.Totals.SegmentsSent, row.texts)
			}
			if float64(row.requests) > 1.1*float64(row.fewest) {
				t.Errorf("%d requests, %.2fx the %d its limits allow (%d texts of %d at most, %d %s of %d at most)",
					row.requests, float64(row.requests)/float64(row.fewest), row.fewest, row.texts, rb.texts, row.size, rb.measure, rb.size)
			}
			if rb.name != "openai" && row.billed != row.reported {
				t.Errorf("the report bills %d characters, the service counted %d", row.reported, row.billed)
			}
			// Pins cost no more than the shortest markup the service
			// honours, on top of what they carry: the source term, billed
			// with the texts, or its target. Without them (a native
			// glossary, or a hinted backend), what is billed is the texts
			// with their own tags.
			carried := row.targets
			if mode == translate.TermsPinnedSource {
				carried = row.plain
			}
			if over := int(row.billed) - carried; over > pins*rb.pinMarkup {
				t.Errorf("%d pins add %d characters of markup, %.1f each; the shortest the service honours is %d",
					pins, over, float64(over)/float64(max(pins, 1)), rb.pinMarkup)
			}
			// Pinned with the source or the target, every term's target
			// is in the English.
			if g := rep.Totals.Glossary; pinned && (g == nil || !rep.GlossaryComplete()) {
				var misses []string
				for _, f := range rep.Files {
					misses = append(misses, f.Misses...)
				}
				t.Errorf("glossary targets missing from the English: %+v, %q", g, misses[:min(len(misses), 3)])
			}
			if !pinned && int(row.billed) != row.plain {
				t.Errorf("no pins, but %d characters billed for texts the service bills %d for", row.billed, row.plain)
			}
			rows = append(rows, row)
		})
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "\nrequests, against the fewest the service's limits allow for the texts as sent\n")
	fmt.Fprintf(&sb, "%-15s %6s %9s %7s %9s %7s\n", "backend", "texts", "size", "fewest", "requests", "ratio")
	for _, r := range rows {
		fmt.Fprintf(&sb, "%-15s %6d %9d %7d %9d %7.2f\n", r.name, r.texts, r.size, r.fewest, r.requests, float64(r.requests)/float64(r.fewest))
	}
	fmt.Fprintf(&sb, "\ncharacters billed (the service's count), against the segment texts' code points (seg),\n")
	fmt.Fprintf(&sb, "the texts with their own tags as the service bills them (own), and those with each pinned term's target in its place (targets)\n")
	fmt.Fprintf(&sb, "%-15s %8s %8s %8s %8s %8s %6s %6s %6s\n", "backend", "seg", "own", "targets", "billed", "report", "/seg", "/own", "/targets")
	for _, r := range rows {
		fmt.Fprintf(&sb, "%-15s %8d %8d %8d %8d %8d %6.3f %6.3f %6.3f\n", r.name, r.segChars, r.plain, r.targets, r.billed, r.reported,
			float64(r.billed)/float64(r.segChars), float64(r.billed)/float64(r.plain), float64(r.billed)/float64(r.targets))
	}
	t.Log(sb.String())
}
