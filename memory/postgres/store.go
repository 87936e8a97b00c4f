package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/bitext/bitext/memory"
)

// chunk is how many source hashes one lookup statement asks for, as one
// text[] parameter.
const chunk = 2000

const lookupSQL = `SELECT source_hash, ` + columns + ` FROM bitext_entries
	WHERE src_lang = $1 AND tgt_lang = $2 AND (status <> 'machine' OR profile = $3)
	AND source_hash = ANY($4)`

// Lookup implements memory.Store: the distinct hashes of the queries, a
// statement per chunk of them, all read in one snapshot, so a lookup sees
// each Put whole or not at all.
func (s *Store) Lookup(ctx context.Context, pair memory.Pair, profile string, qs []memory.Query) ([]*memory.Entry, error) {
	if len(qs) == 0 {
		return []*memory.Entry{}, nil
	}
	var out []*memory.Entry
	err := s.read(ctx, len(qs) > chunk, func(q querier) error {
		var err error
		out, err = s.lookupTx(ctx, q, pair, profile, qs)
		return err
	})
	if err != nil {
		return nil, s.fail("lookup", err)
	}
	return out, nil
}

// lookupTx is Lookup on a connection or in a transaction.
func (s *Store) lookupTx(ctx context.Context, q querier, pair memory.Pair, profile string, qs []memory.Query) ([]*memory.Entry, error) {
	out := make([]*memory.Entry, len(qs))
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
	for start := 0; start < len(hashes); start += chunk {
		part := hashes[start:min(start+chunk, len(hashes))]
		rows, err := q.Query(ctx, lookupSQL, pair.From, pair.To, profile, part)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var hash string
			e, err := scanEntry(rows, &hash)
			if err != nil {
				rows.Close()
				return nil, err
			}
			cands[hash] = append(cands[hash], e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for i, q := range qs {
		if b := memory.Best(cands[keys[i]], profile, q.Glossary); b != nil {
			c := *b
			out[i] = &c
		}
	}
	return out, nil
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// read runs fn on the pool, or with snapshot set in one read-only
// transaction that sees a single snapshot of the database.
func (s *Store) read(ctx context.Context, snapshot bool, fn func(querier) error) error {
	if !snapshot {
		return fn(s.pool)
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// scanEntry reads one row of columns, after the destinations in pre.
func scanEntry(rows pgx.Rows, pre ...any) (*memory.Entry, error) {
	var e memory.Entry
	var status string
	var createdNs, updatedNs int32
	dest := append(pre, &e.From, &e.To, &e.Source, &e.Target, &status, &e.Profile, &e.Glossary,
		&e.File, &e.Segment, &e.Created, &createdNs, &e.Updated, &updatedNs)
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	e.Status = memory.Status(status)
	e.Created = e.Created.UTC().Add(time.Duration(createdNs))
	e.Updated = e.Updated.UTC().Add(time.Duration(updatedNs))
	return &e, nil
}

// splitTime is a time as timestamptz keeps it (to the microsecond) and
// the nanoseconds below.
func splitTime(t time.Time) (time.Time, int32) {
	t = t.UTC()
	us := t.Truncate(time.Microsecond)
	return us, int32(t.Sub(us))
}

// putBatch is how many upserts go to the server in one round trip.
const putBatch = 500

// Put implements memory.Store: one transaction. Its rows are written in
// the order of their keys, so two Puts of overlapping entries lock them in
// the same order and never deadlock; a transaction the server still
// aborts (a deadlock with another client, a serialisation failure) is
// tried again.
func (s *Store) Put(ctx context.Context, entries []memory.Entry) error {
	for i := range entries {
		if err := entries[i].Valid(); err != nil {
			return s.fail("put", fmt.Errorf("entry %q: %w", entries[i].Source, err))
		}
		if strings.ContainsRune(entries[i].Source+entries[i].Target, 0) {
			return s.fail("put", fmt.Errorf("entry %q: PostgreSQL text cannot hold a NUL character", entries[i].Source))
		}
	}
	if len(entries) == 0 {
		return nil
	}
	claiming := s.claiming()
	return s.retry(ctx, "put", func(tx pgx.Tx) error {
		if err := putTx(ctx, tx, entries, time.Now()); err != nil {
			return err
		}
		if claiming {
			return s.releaseStored(ctx, tx, entries)
		}
		return nil
	})
}

// row is an entry as putTx writes it.
type row struct {
	e    *memory.Entry
	hash string
}

func putTx(ctx context.Context, tx pgx.Tx, entries []memory.Entry, now time.Time) error {
	rows := make([]row, len(entries))
	for i := range entries {
		rows[i] = row{&entries[i], entries[i].Hash()}
	}
	// Stable: of two entries with one key, the later is written last.
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.e.From, b.e.From), cmp.Compare(a.e.To, b.e.To), cmp.Compare(a.hash, b.hash),
			cmp.Compare(a.e.Profile, b.e.Profile), cmp.Compare(a.e.Glossary, b.e.Glossary))
	})
	for start := 0; start < len(rows); start += putBatch {
		b := &pgx.Batch{}
		part := rows[start:min(start+putBatch, len(rows))]
		for _, r := range part {
			e := r.e
			updated := e.Updated
			if updated.IsZero() {
				updated = now
			}
			created := e.Created
			if created.IsZero() {
				created = updated
			}
			c, cns := splitTime(created)
			u, uns := splitTime(updated)
			b.Queue(upsert, e.From, e.To, r.hash, e.Source, e.Target, string(e.Status), e.Profile, e.Glossary,
				e.File, e.Segment, c, cns, u, uns)
		}
		br := tx.SendBatch(ctx, b)
		for _, r := range part {
			if _, err := br.Exec(); err != nil {
				br.Close()
				return fmt.Errorf("entry %q: %w", r.e.Source, err)
			}
		}
		if err := br.Close(); err != nil {
			return err
		}
	}
	return nil
}

// retry runs fn in a read-write transaction and commits it, again (up to
// three times in all) when the server aborted it for a deadlock or a
// serialisation failure.
func (s *Store) retry(ctx context.Context, doing string, fn func(pgx.Tx) error) error {
	var err error
	for attempt := range 3 {
		if attempt > 0 {
			time.Sleep(time.Duration(attempt*attempt) * 20 * time.Millisecond)
		}
		err = pgx.BeginFunc(ctx, s.pool, fn)
		var pe *pgconn.PgError
		if err == nil || !errors.As(err, &pe) || pe.Code != "40P01" && pe.Code != "40001" {
			break
		}
	}
	if err != nil {
		return s.fail(doing, err)
	}
	return nil
}

// Entries implements memory.Store. It reads in one snapshot, so it sees
// the memory as it was when it started, whatever is Put meanwhile.
func (s *Store) Entries(ctx context.Context, fn func(*memory.Entry) error) error {
	var fnErr error
	err := s.read(ctx, true, func(q querier) error {
		rows, err := q.Query(ctx, `SELECT `+columns+` FROM bitext_entries
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
	rows, err := s.pool.Query(ctx, `SELECT src_lang, tgt_lang, status, profile, count(*)
		FROM bitext_entries GROUP BY src_lang, tgt_lang, status, profile`)
	if err != nil {
		return st, s.fail("stats", err)
	}
	defer rows.Close()
	for rows.Next() {
		var pair memory.Pair
		var status, profile string
		var n int64
		if err := rows.Scan(&pair.From, &pair.To, &status, &profile, &n); err != nil {
			return memory.Stats{}, s.fail("stats", err)
		}
		st.Entries += int(n)
		st.ByPair[pair] += int(n)
		st.ByStatus[memory.Status(status)] += int(n)
		if memory.Status(status) == memory.Machine {
			st.ByProfile[profile] += int(n)
		}
	}
	if err := rows.Err(); err != nil {
		return memory.Stats{}, s.fail("stats", err)
	}
	return st, nil
}
