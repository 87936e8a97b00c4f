package google

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google/googletest"
)

func numbered(n int, format string) []string {
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf(format, i)
	}
	return texts
}

// checkAll checks that every translation undoes to its source, in order.
func checkAll(t *testing.T, in, out []string) {
	t.Helper()
	if len(out) != len(in) {
		t.Fatalf("%d translations for %d texts", len(out), len(in))
	}
	for i := range in {
		if got := unpseudo(t, out[i]); got != in[i] {
			t.Fatalf("text %d: got back %q, sent %q", i, got, in[i])
		}
	}
}

func TestAllPacksRequestsToTheDeclaredLimits(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	if texts, chars := b.Limits(); texts != 1024 || chars != 30000 {
		t.Fatalf("Limits() = %d, %d", texts, chars)
	}
	// 2,500 texts of 7 code points: 1,024 per request.
	in := numbered(2500, "第%04d句")
	out, err := translate.All(context.Background(), Name, b, zhToEn(true, in...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, in, out)
	if got := srv.Stats(); got.Requests != 3 || got.Rejected != 0 || got.Texts != 2500 {
		t.Errorf("stats %+v, want 3 requests, none refused", got)
	}
	// 2,000 texts of 43 code points tagged, 55 as HTML: 86,000 as given
	// but 110,000 on the wire, which take 4 requests of at most 30,000;
	// All counts them as sent, so each of its batches is one request.
	in = numbered(2000, "<b1>第%04d句</b1>"+strings.Repeat("字", 28))
	before := srv.Stats().Requests
	out, err = translate.All(context.Background(), Name, b, zhToEn(true, in...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, in, out)
	if got := srv.Stats(); got.Requests-before != 4 || got.Rejected != 0 {
		t.Errorf("stats %+v, want 4 more requests, none refused", got)
	}
}

func TestTranslateSplitsAtGooglesHardLimits(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	ctx := context.Background()

	// 1,500 one-character texts: 1,024 per request at most.
	in := numbered(1500, "%d")
	out, err := b.Translate(ctx, zhToEn(true, in...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, in, out)
	if got := srv.Stats(); got.Requests != 2 || got.Rejected != 0 {
		t.Errorf("1,500 texts: stats %+v, want 2 requests", got)
	}

	// Pins grow as HTML: 14 code points tagged, 33 on the wire. 3,000 of
	// them are 42,000 tagged but 99,000 sent: 4 requests of at most 909
	// texts (29,997 code points), counted as Google counts them.
	in = numbered(3000, "<k1>a</k1>%04d")
	if n := utf8.RuneCountInString(strings.Join(in, "")); n != 3000*14 {
		t.Fatalf("test texts are %d code points", n)
	}
	before := srv.Stats().Requests
	out, err = b.Translate(ctx, zhToEn(true, in...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, in, out)
	if got := srv.Stats(); got.Requests-before != 4 || got.Rejected != 0 {
		t.Errorf("3,000 pinned texts: %d requests (stats %+v), want 4 and none refused", got.Requests-before, got)
	}
}

func TestTextOverTheHardLimitIsNotSent(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	full := strings.Repeat("字", 30000)
	if _, err := b.Translate(context.Background(), zhToEn(true, full)); err != nil {
		t.Fatalf("30,000 code points: %v", err)
	}
	_, err := b.Translate(context.Background(), zhToEn(true, "短", full+"字"))
	if !errors.Is(err, errTooLong) || translate.IsTemporary(err) || !strings.Contains(err.Error(), "text 1") {
		t.Errorf("30,001 code points: %v", err)
	}
	if got := srv.Stats(); got.Requests != 1 || got.Rejected != 0 {
		t.Errorf("stats %+v: the text too long was sent", got)
	}
}

// limitsOf overrides the Limits of a backend, to compare batch sizes, and
// counts its Translate calls.
type limitsOf struct {
	*Backend
	chars int
	calls int
}

func (l *limitsOf) Limits() (int, int) { return maxContents, l.chars }

func (l *limitsOf) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	l.calls++
	return l.Backend.Translate(ctx, req)
}

// TestCorpusRequests translates every corpus post, one post at a time,
// and logs how many requests that takes with batches of 5,000 code points
// (Google's recommended size) and with the declared 30,000 counted on the
// wire: All's batches are then one request each.
func TestCorpusRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the whole corpus")
	}
	var posts [][]string
	segments, runes := 0, 0
	for _, path := range testcorpus.Paths(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		var texts []string
		for _, s := range d.Segments {
			segments++
			if !seen[s.Text] {
				seen[s.Text] = true
				texts = append(texts, s.Text)
				runes += utf8.RuneCountInString(s.Text)
			}
		}
		posts = append(posts, texts)
	}
	for _, chars := range []int{5000, maxCodePoints} {
		srv := startFake(t, googletest.Options{})
		b := &limitsOf{Backend: newBackend(t, srv, nil), chars: chars}
		for _, texts := range posts {
			out, err := translate.All(context.Background(), Name, b, zhToEn(true, texts...))
			if err != nil {
				t.Fatal(err)
			}
			checkAll(t, texts, out)
		}
		got := srv.Stats()
		if got.Rejected != 0 {
			t.Errorf("batches of %d: %d requests refused", chars, got.Rejected)
		}
		if chars == maxCodePoints && got.Requests != b.calls {
			t.Errorf("batches of %d: %d requests for %d calls", chars, got.Requests, b.calls)
		}
		t.Logf("batches of %5d code points: %d posts, %d segments, %d distinct texts, %d code points tagged, %d sent as HTML: %d requests",
			chars, len(posts), segments, got.Texts, runes, got.Chars, got.Requests)
	}
}
