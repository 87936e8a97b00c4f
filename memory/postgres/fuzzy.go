package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/bitext/bitext/memory"
)

var _ memory.Fuzzy = (*Store)(nil)

// Trigram similarity finds the candidates of a fuzzy lookup, and
// memory.Similarity (the edit distance in characters) scores them: pg_trgm
// is coarse for Chinese, where a sentence is one long "word" and
// punctuation is no part of any trigram (two sentences that differ only in
// 。 and ！ score 1.0), and an edit costs up to three trigrams, so a text
// 75% alike by edit distance may be only 20% alike by trigrams. Hence a
// low threshold, and many candidates.
const (
	trigramThreshold = 0.1
	candidates       = 1000
)

// trigrams says how fuzzy lookups find candidates: the search_path that
// reaches pg_trgm's operators, and whether the database's character
// classes make trigrams of Han characters (not so under LC_CTYPE=C, where
// a Chinese text has none and every entry of the pair is a candidate).
type trigrams struct {
	path string
	han  bool
}

// findTrigrams looks up pg_trgm's schema and tries it on Chinese.
func (s *Store) findTrigrams(ctx context.Context) error {
	var ns, path string
	err := s.pool.QueryRow(ctx, `SELECT n.nspname, current_setting('search_path') || ', ' || quote_ident(n.nspname)
		FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`).Scan(&ns, &path)
	if err != nil {
		return fmt.Errorf("find pg_trgm: %w", err)
	}
	s.trgm.path = path
	err = s.pool.QueryRow(ctx, `SELECT cardinality(`+pgx.Identifier{ns, "show_trgm"}.Sanitize()+`('北京')) > 0`).Scan(&s.trgm.han)
	if err != nil {
		return fmt.Errorf("try pg_trgm: %w", err)
	}
	return nil
}

// Similar implements memory.Fuzzy: the candidates are the entries of the
// pair whose source texts are nearest by trigrams (at most candidates of
// them, none under trigramThreshold), scored again in Go; the whole
// entries of the best texts are read last.
func (s *Store) Similar(ctx context.Context, pair memory.Pair, text string, least float64, limit int) ([]memory.Match, error) {
	r := memory.NewRanker(pair, text, least)
	query := memory.Visible(text)
	err := s.read(ctx, true, func(q querier) error {
		tx := q.(pgx.Tx)
		if _, err := tx.Exec(ctx, `SELECT set_config('search_path', $1, true)`, s.trgm.path); err != nil {
			return err
		}
		var hasTrigrams bool
		if err := tx.QueryRow(ctx, `SELECT cardinality(show_trgm($1)) > 0`, query).Scan(&hasTrigrams); err != nil {
			return err
		}
		var rows pgx.Rows
		var err error
		if s.trgm.han && hasTrigrams {
			// The nearest texts by trigram distance (1 - similarity),
			// through the GiST index, those under the threshold dropped.
			rows, err = tx.Query(ctx, `SELECT source_hash, source, status FROM (
				SELECT source_hash, source, status, source <-> $3 AS d FROM bitext_entries
				WHERE src_lang = $1 AND tgt_lang = $2 ORDER BY d LIMIT $4) AS c
				WHERE d <= $5`, pair.From, pair.To, query, candidates, 1-trigramThreshold)
		} else {
			rows, err = tx.Query(ctx, `SELECT source_hash, source, status FROM bitext_entries
				WHERE src_lang = $1 AND tgt_lang = $2`, pair.From, pair.To)
		}
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
		if len(top) == 0 {
			return nil
		}
		rows, err = tx.Query(ctx, `SELECT `+columns+` FROM bitext_entries
			WHERE src_lang = $1 AND tgt_lang = $2 AND source_hash = ANY($3)`, pair.From, pair.To, top)
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
