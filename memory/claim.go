package memory

import "context"

// Claimer is a Store that runs share while they work at once, on one
// machine or many: before a run sends texts to a backend it claims them,
// so that another run waits for those texts, or takes other work, rather
// than paying for them again. A claim is the store's owner's (one per
// opened store, so one per run) and lasts a lease, which the owner renews
// while it lives: the claims of a run that crashed expire after the lease,
// and another run takes them over. Put releases the owner's claims on the
// machine entries it stores, in its own transaction, so that a text is
// never claimed again after its translation is stored; Close releases the
// owner's claims that are left.
type Claimer interface {
	Store
	// Claim asks for the machine translations of the language pair and
	// profile of the queries' texts (each with its glossary fingerprint).
	// For each query it answers Found with the entry Lookup would now
	// return, Granted when the text is the caller's to send, or Held when
	// another live run holds it. A text the caller holds already is
	// Granted again.
	Claim(ctx context.Context, pair Pair, profile string, qs []Query) ([]Claim, error)
	// Release gives up the caller's claims on the texts of qs, which it
	// will not store after all (its request failed).
	Release(ctx context.Context, pair Pair, profile string, qs []Query) error
}

// Claim is Claimer.Claim's answer for one text.
type Claim struct {
	State ClaimState
	Entry *Entry // the stored entry, when State is Found
}

// ClaimState says whose a claimed text is.
type ClaimState uint8

const (
	Granted ClaimState = iota // the caller's: it sends the text and Puts its translation
	Found                     // in the memory already: nothing to send
	Held                      // another run's: wait for it, or do other work meanwhile
)

func (s ClaimState) String() string {
	switch s {
	case Granted:
		return "granted"
	case Found:
		return "found"
	case Held:
		return "held"
	}
	return "unknown"
}
