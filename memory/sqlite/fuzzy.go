package sqlite

import (
	"context"
	"database/sql"

	"github.com/bitext/bitext/memory"
)

var _ memory.Fuzzy = (*Store)(nil)

// Similar implements memory.Fuzzy the simplest way that is right on one
// machine: it reads every entry of the language pair (by the key's index)
// and scores each (memory.Ranker skips at once a text whose length alone
// puts it under min). A memory of 100,000 entries answers in a fraction of
// a second, which is what a reviewer's lookup needs.
func (s *Store) Similar(ctx context.Context, pair memory.Pair, text string, min float64, limit int) ([]memory.Match, error) {
	r := memory.NewRanker(pair, text, min)
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM entries WHERE src_lang = ? AND tgt_lang = ?`, pair.From, pair.To)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				return err
			}
			r.Add(e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, s.fail("fuzzy lookup", err)
	}
	return r.Matches(limit), nil
}
