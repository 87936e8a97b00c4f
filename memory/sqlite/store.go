package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/bitext/bitext/memory"
)

// timeLayout is how times are stored: UTC, fixed width, to the nanosecond.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// chunk is how many source hashes one lookup statement asks for. Every
// statement asks for exactly chunk hashes (a short last chunk repeats its
// last hash), so one prepared statement serves a whole Lookup.
const chunk = 500

var lookupSQL = `SELECT source_hash, ` + columns + ` FROM entries
	WHERE src_lang = ? AND tgt_lang = ? AND (status <> 'machine' OR profile = ?)
	AND source_hash IN (?` + strings.Repeat(", ?", chunk-1) + `)`

// Lookup implements memory.Store. All of one call's statements read in one
// transaction, so a lookup sees each Put whole or not at all.
func (s *Store) Lookup(ctx context.Context, pair memory.Pair, profile string, qs []memory.Query) ([]*memory.Entry, error) {
	out := make([]*memory.Entry, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	keys := make([]string, len(qs))
	var hashes []string
	seen := make(map[string]bool, len(qs))
	for i, q := range qs {
		keys[i] = memory.Key(q.Source)
		if !seen[keys[i]] {
			seen[keys[i]] = true
			hashes = append(hashes, keys[i])
		}
	}
	cands := make(map[string][]*memory.Entry, len(hashes))
	err := s.read(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, lookupSQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		args := make([]any, 3+chunk)
		args[0], args[1], args[2] = pair.From, pair.To, profile
		for start := 0; start < len(hashes); start += chunk {
			part := hashes[start:min(start+chunk, len(hashes))]
			for i := range chunk {
				args[3+i] = part[min(i, len(part)-1)]
			}
			if err := s.lookupChunk(ctx, stmt, args, cands); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.fail("lookup", err)
	}
	for i, q := range qs {
		if b := memory.Best(cands[keys[i]], profile, q.Glossary); b != nil {
			c := *b
			out[i] = &c
		}
	}
	return out, nil
}

func (s *Store) lookupChunk(ctx context.Context, stmt *sql.Stmt, args []any, cands map[string][]*memory.Entry) error {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var hash string
		e, err := scanEntry(rows, &hash)
		if err != nil {
			return err
		}
		cands[hash] = append(cands[hash], e)
	}
	return rows.Err()
}

// scanEntry reads one row of columns, after the destinations in pre.
func scanEntry(rows *sql.Rows, pre ...any) (*memory.Entry, error) {
	var e memory.Entry
	var created, updated string
	dest := append(pre, &e.From, &e.To, &e.Source, &e.Target, &e.Status, &e.Profile, &e.Glossary,
		&e.File, &e.Segment, &created, &updated)
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if e.Created, err = time.Parse(timeLayout, created); err != nil {
		return nil, fmt.Errorf("entry %q: created_at: %w", e.Source, err)
	}
	if e.Updated, err = time.Parse(timeLayout, updated); err != nil {
		return nil, fmt.Errorf("entry %q: updated_at: %w", e.Source, err)
	}
	return &e, nil
}

// Put implements memory.Store: one transaction, committed (and synced to
// the log) before Put returns.
func (s *Store) Put(ctx context.Context, entries []memory.Entry) error {
	for i := range entries {
		e := &entries[i]
		if err := e.Valid(); err != nil {
			return s.fail("put", fmt.Errorf("entry %q: %w", e.Source, err))
		}
		for _, t := range []time.Time{e.Created, e.Updated} {
			if y := t.UTC().Year(); !t.IsZero() && (y < 1 || y > 9999) {
				return s.fail("put", fmt.Errorf("entry %q: time %v is outside the years 1 to 9999", e.Source, t))
			}
		}
	}
	if len(entries) == 0 {
		return nil
	}
	now := time.Now()
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("put", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, upsert)
	if err != nil {
		return s.fail("put", err)
	}
	defer stmt.Close()
	for _, e := range entries {
		updated := e.Updated
		if updated.IsZero() {
			updated = now
		}
		created := e.Created
		if created.IsZero() {
			created = updated
		}
		_, err := stmt.ExecContext(ctx, e.From, e.To, e.Hash(), e.Source, e.Target, string(e.Status),
			e.Profile, e.Glossary, e.File, e.Segment, formatTime(created), formatTime(updated))
		if err != nil {
			return s.fail("put", fmt.Errorf("entry %q: %w", e.Source, err))
		}
	}
	if err := tx.Commit(); err != nil {
		return s.fail("put", err)
	}
	return nil
}

// Entries implements memory.Store. It reads in one transaction, so it sees
// the memory as it was when it started, whatever is Put meanwhile.
func (s *Store) Entries(ctx context.Context, fn func(*memory.Entry) error) error {
	var fnErr error
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM entries
			ORDER BY src_lang, tgt_lang, source_hash, profile, glossary`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			e, err := scanEntry(rows)
			if err != nil {
				return err
			}
			if err := fn(e); err != nil {
				fnErr = err
				return err
			}
		}
		return rows.Err()
	})
	switch {
	case fnErr != nil:
		return fnErr // the caller's own error, unwrapped
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		return s.fail("read entries", err)
	}
	return nil
}

// Stats implements memory.Store.
func (s *Store) Stats(ctx context.Context) (memory.Stats, error) {
	st := memory.Stats{ByPair: map[memory.Pair]int{}, ByStatus: map[memory.Status]int{}, ByProfile: map[string]int{}}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT src_lang, tgt_lang, status, profile, count(*)
			FROM entries GROUP BY src_lang, tgt_lang, status, profile`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var pair memory.Pair
			var status memory.Status
			var profile string
			var n int
			if err := rows.Scan(&pair.From, &pair.To, &status, &profile, &n); err != nil {
				return err
			}
			st.Entries += n
			st.ByPair[pair] += n
			st.ByStatus[status] += n
			if status == memory.Machine {
				st.ByProfile[profile] += n
			}
		}
		return rows.Err()
	})
	if err != nil {
		return memory.Stats{}, s.fail("stats", err)
	}
	return st, nil
}

// read runs fn in a read transaction on a reader connection.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// fail wraps an error with the file's name and what was being done.
func (s *Store) fail(doing string, err error) error {
	return fmt.Errorf("memory %s: %w", s.path, explain(doing, err))
}
