package memory

import (
	"context"
	"time"
)

// Conflict is a text reviewed in both memories of a Sync with different
// translations. The newer review wins.
type Conflict struct {
	Pair   Pair
	Source string
	// From and To are the entries of the memory copied from and to; Won
	// says which was kept (in both memories, once the sync is done).
	From, To Entry
	Won      string // "from" or "to"
}

// SyncReport is what Sync did.
type SyncReport struct {
	Copied    int // entries new to the destination, or newer than its own
	Same      int // entries the destination holds already
	Kept      int // entries of the destination kept over older ones, or a reviewed one over an import
	Conflicts []Conflict
}

// syncBatch is how many entries Sync stores in one Put.
const syncBatch = 1000

// Sync copies the entries of from into to: an entry the destination lacks
// is copied, and one it holds under the same key (language pair, text,
// profile, glossary fingerprint) is replaced when the copy is newer,
// except that a reviewed entry is never replaced by an imported one. Two
// reviewed entries of one text with different translations are a
// Conflict: the newer wins, and the conflict is reported. Times are kept,
// so a sync back the other way copies nothing that came from there.
func Sync(ctx context.Context, from, to Store) (SyncReport, error) {
	type have struct {
		target  string
		status  Status
		updated time.Time
		entry   *Entry // kept for reviewed entries, for conflicts
	}
	type key struct {
		textKey
		profile, glossary string
	}
	dst := map[key]have{}
	err := to.Entries(ctx, func(e *Entry) error {
		h := have{target: e.Target, status: e.Status, updated: e.Updated}
		if e.Status == Reviewed {
			c := *e
			h.entry = &c
		}
		dst[key{textKey{Pair{e.From, e.To}, e.Hash()}, e.Profile, e.Glossary}] = h
		return nil
	})
	if err != nil {
		return SyncReport{}, err
	}
	var rep SyncReport
	var batch []Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := to.Put(ctx, batch)
		batch = batch[:0]
		return err
	}
	err = from.Entries(ctx, func(e *Entry) error {
		d, ok := dst[key{textKey{Pair{e.From, e.To}, e.Hash()}, e.Profile, e.Glossary}]
		copyIt := false
		switch {
		case !ok:
			copyIt = true
		case d.target == e.Target && d.status == e.Status:
			rep.Same++
		case e.Status == Reviewed && d.status == Reviewed:
			c := Conflict{Pair: Pair{e.From, e.To}, Source: e.Source, From: *e, To: *d.entry, Won: "to"}
			if e.Updated.After(d.updated) {
				c.Won, copyIt = "from", true
			} else {
				rep.Kept++
			}
			rep.Conflicts = append(rep.Conflicts, c)
		case e.Status == Reviewed && d.status == Imported:
			copyIt = true
		case e.Status == Imported && d.status == Reviewed:
			rep.Kept++
		case e.Updated.After(d.updated):
			copyIt = true
		default:
			rep.Kept++
		}
		if copyIt {
			rep.Copied++
			batch = append(batch, *e)
			if len(batch) == syncBatch {
				return flush()
			}
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return rep, err
}
