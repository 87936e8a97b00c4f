package translate

import (
	"context"

	"golang.org/x/text/language"
)

// LanguageChecker is implemented by backends that can tell before a run
// whether they translate a language pair: from a fixed list, or by asking
// the service for its list once. A run asks before it sends anything, so
// that an unsupported pair stops it with one clear message instead of
// failing every request, or, worse, writing English into x.fr.md.
type LanguageChecker interface {
	// CheckLanguages returns nil when the backend translates from one
	// language to the other. A refusal is fatal (IsFatal); a failure to
	// find out (the service did not answer) is not, and the run may go on
	// and let the requests say.
	CheckLanguages(ctx context.Context, from, to language.Tag) error
}

// CheckLanguages asks b whether it translates from one language to the
// other, and returns nil for a backend that cannot tell.
func CheckLanguages(ctx context.Context, b Backend, from, to language.Tag) error {
	if c, ok := b.(LanguageChecker); ok {
		return c.CheckLanguages(ctx, from, to)
	}
	return nil
}
