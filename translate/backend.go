package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Backend translates a batch of texts. The result has exactly len(req.Texts)
// entries, in the same order. An empty input text translates to an empty string.
// A backend never returns the source text in place of a translation it could not
// make: it returns an error instead.
type Backend interface {
	Translate(ctx context.Context, req Request) ([]string, error)
}

// Request is one batch of texts to translate.
type Request struct {
	From, To language.Tag
	Texts    []string
	// Markup says the texts carry inline tags (<b1>, </b1>, <x2/>) that must come
	// back unchanged, and XML-escaped '<', '>' and '&'.
	Markup bool
	// Terms are glossary entries found in the texts, for backends that can take
	// them as hints (a prompt, a native glossary). Backends that cannot, ignore them.
	Terms []Term
}

// Term is one glossary entry: the source-language term and its required translation.
type Term struct {
	Source, Target string
}

// Limits is implemented by backends whose service caps the size of one request.
// Zero means no limit.
type Limits interface {
	Limits() (maxTexts, maxChars int)
}

// ErrCount reports a backend that returned the wrong number of translations.
var ErrCount = errors.New("backend returned a different number of translations than texts sent")

// Check verifies the same-count contract of a backend result and wraps the
// error with the backend name, unless it already starts with it.
func Check(name string, req Request, out []string, err error) ([]string, error) {
	if err != nil {
		var ae *APIError
		if errors.As(err, &ae) && ae.Backend == name || strings.HasPrefix(err.Error(), name+": ") {
			return nil, err // it already names the backend
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) != len(req.Texts) {
		return nil, fmt.Errorf("%s: %w (%d sent, %d returned)", name, ErrCount, len(req.Texts), len(out))
	}
	return out, nil
}
