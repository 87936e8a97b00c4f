package translate_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
)

// limited records the batches it receives and upper-cases each text.
type limited struct {
	maxTexts, maxChars int
	batches            [][]string
	drop               bool // return one translation too few
}

func (l *limited) Limits() (int, int) { return l.maxTexts, l.maxChars }

func (l *limited) Translate(_ context.Context, req translate.Request) ([]string, error) {
	l.batches = append(l.batches, req.Texts)
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = strings.ToUpper(t)
	}
	if l.drop {
		out = out[1:]
	}
	return out, nil
}

func TestAllRespectsLimitsAndKeepsOrder(t *testing.T) {
	b := &limited{maxTexts: 2, maxChars: 6}
	texts := []string{"ab", "", "cd", "efgh", "ijklmnop", "q"}
	out, err := translate.All(context.Background(), "test", b, translate.Request{Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"AB", "", "CD", "EFGH", "IJKLMNOP", "Q"}
	if strings.Join(out, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", out, want)
	}
	// Empty texts are not sent; batches hold at most 2 texts and 6
	// characters, except a single text that is longer on its own.
	got := make([]string, len(b.batches))
	for i, batch := range b.batches {
		got[i] = strings.Join(batch, "+")
	}
	if g := strings.Join(got, " | "); g != "ab+cd | efgh | ijklmnop | q" {
		t.Errorf("batches %s", g)
	}
}

func TestAllRejectsAShortAnswer(t *testing.T) {
	_, err := translate.All(context.Background(), "test", &limited{drop: true}, translate.Request{Texts: []string{"a", "b"}})
	if !errors.Is(err, translate.ErrCount) || !strings.HasPrefix(err.Error(), "test: ") {
		t.Errorf("error %v: want ErrCount naming the backend", err)
	}
}

func TestRegistry(t *testing.T) {
	r := translate.NewRegistry(translate.Factory{Name: "b"}, translate.Factory{Name: "a"})
	if got := strings.Join(r.Names(), ","); got != "a,b" {
		t.Errorf("names %s", got)
	}
	if _, err := r.Lookup("c"); err == nil || !strings.Contains(err.Error(), `unknown backend "c" (known: a, b)`) {
		t.Errorf("lookup of an unknown name: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("a duplicate name did not panic")
		}
	}()
	translate.NewRegistry(translate.Factory{Name: "a"}, translate.Factory{Name: "a"})
}

// Backends start their own errors with their name (libretranslate: the
// server does not offer …); Check must not name them twice.
func TestCheckNamesTheBackendOnce(t *testing.T) {
	req := translate.Request{Texts: []string{"a"}}
	inner := errors.New("nope")
	for in, want := range map[error]string{
		inner:                                  "test: nope",
		fmt.Errorf("test: %w", inner):          "test: nope",
		fmt.Errorf("testing: %w", inner):       "test: testing: nope",
		fmt.Errorf("gave up: test: %w", inner): "test: gave up: test: nope",
	} {
		_, err := translate.Check("test", req, nil, in)
		if err == nil || err.Error() != want || !errors.Is(err, inner) {
			t.Errorf("Check(%q) = %v, want %q", in, err, want)
		}
	}
}
