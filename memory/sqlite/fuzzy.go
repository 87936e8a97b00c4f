package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/bitext/bitext/memory"
)

var _ memory.Fuzzy = (*Store)(nil)

// Similar implements memory.Fuzzy the simplest way that is right on one
// machine: it reads the source text of every entry of the language pair
// and scores each (memory.Ranker passes over a text whose length alone
// puts it under least, and stops scoring one as soon as it must be), then
// reads the whole entries of the best texts only.
func (s *Store) Similar(ctx context.Context, pair memory.Pair, text string, least float64, limit int) ([]memory.Match, error) {
	r := memory.NewRanker(pair, text, least)
	err := s.read(ctx, func(tx *sql.Tx) error {
		// NOT INDEXED: a scan of the table in its order reads less than the
		// key's index and a seek into the table per entry.
		rows, err := tx.QueryContext(ctx, `SELECT source_hash, source, status FROM entries NOT INDEXED WHERE src_lang = ? AND tgt_lang = ?`, pair.From, pair.To)
		if err != nil {
			return err
		}
		for rows.Next() {
			var hash, source, status string
			if err := rows.Scan(&hash, &source, &status); err != nil {
				rows.Close()
				return err
			}
			r.Offer(hash, source, memory.Status(status))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		top := r.Top(limit)
		for start := 0; start < len(top); start += chunk {
			part := top[start:min(start+chunk, len(top))]
			args := []any{pair.From, pair.To}
			for _, h := range part {
				args = append(args, h)
			}
			rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM entries WHERE src_lang = ? AND tgt_lang = ?
				AND source_hash IN (?`+strings.Repeat(", ?", len(part)-1)+`)`, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				e, err := scanEntry(rows)
				if err != nil {
					rows.Close()
					return err
				}
				r.Add(e)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.fail("fuzzy lookup", err)
	}
	return r.Matches(limit), nil
}
