package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/bitext/bitext/memory"
)

// DefaultLease is how long a run's claims last unless renewed: the time a
// crashed run's texts wait before another run takes them over. A live run
// renews its claims every third of the lease, whatever its requests take.
const DefaultLease = time.Minute

// claims is a Store's side of the claim protocol.
type claims struct {
	owner string        // this store's name in bitext_claims: host, process, random
	lease time.Duration // from the URL's lease parameter, or DefaultLease

	mu      sync.Mutex
	renewer chan struct{} // closed to stop the renewals; nil before the first claim
	done    sync.WaitGroup
}

var _ memory.Claimer = (*Store)(nil)

// newOwner names a store's claims: the machine and process, for a person
// looking at bitext_claims, and random bytes, so that two stores are never
// one owner.
func newOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 6)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}

// takeLease removes bitext's own lease parameter from a URL (the driver
// would send it to the server as a setting) and parses it: a Go duration
// of at least a second.
func takeLease(raw string) (string, time.Duration, error) {
	u, err := url.Parse(raw)
	if err != nil || !u.Query().Has("lease") {
		return raw, DefaultLease, nil
	}
	q := u.Query()
	d, err := time.ParseDuration(q.Get("lease"))
	if err != nil || d < time.Second {
		return raw, 0, fmt.Errorf("lease=%s: want a duration of at least 1s, such as 30s or 2m", q.Get("lease"))
	}
	q.Del("lease")
	u.RawQuery = q.Encode()
	return u.String(), d, nil
}

// Owner is the name of this store's claims in bitext_claims.
func (s *Store) Owner() string { return s.claims.owner }

// Lease is how long this store's claims last unless renewed.
func (s *Store) Lease() time.Duration { return s.claims.lease }

// claimSQL claims texts that no one holds, or whose claim has lapsed, or
// that the owner holds already (renewing them), and returns those now the
// owner's.
const claimSQL = `INSERT INTO bitext_claims AS c (src_lang, tgt_lang, source_hash, profile, glossary, owner, expires_at)
	SELECT $1, $2, h, $3, g, $4, now() + $5 * interval '1 millisecond' FROM unnest($6::text[], $7::text[]) AS t(h, g)
	ON CONFLICT (src_lang, tgt_lang, source_hash, profile, glossary) DO UPDATE
		SET owner = excluded.owner, claimed_at = now(), expires_at = excluded.expires_at
		WHERE c.owner = excluded.owner OR c.expires_at < now()
	RETURNING source_hash, glossary`

// releaseSQL drops the owner's claims on texts.
const releaseSQL = `DELETE FROM bitext_claims
	WHERE owner = $4 AND src_lang = $1 AND tgt_lang = $2 AND profile = $3
	AND (source_hash, glossary) IN (SELECT * FROM unnest($5::text[], $6::text[]))`

type claimKey struct{ hash, glossary string }

// Claim implements memory.Claimer, in one transaction: it claims the
// texts first and only then looks them up, each statement seeing what was
// committed before it began, so that a text whose translation another run
// stored (releasing its claim in the same transaction) is Found, never
// Granted to be paid for again.
func (s *Store) Claim(ctx context.Context, pair memory.Pair, profile string, qs []memory.Query) ([]memory.Claim, error) {
	out := make([]memory.Claim, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	s.startRenewing()
	keys := make([]claimKey, len(qs))
	var hashes, glossaries []string
	seen := map[claimKey]bool{}
	for i, q := range qs {
		keys[i] = claimKey{memory.Key(q.Source), q.Glossary}
		if !seen[keys[i]] {
			seen[keys[i]] = true
			hashes = append(hashes, keys[i].hash)
			glossaries = append(glossaries, keys[i].glossary)
		}
	}
	granted := map[claimKey]bool{}
	var found []*memory.Entry
	err := s.retry(ctx, "claim", func(tx pgx.Tx) error {
		clear(granted)
		rows, err := tx.Query(ctx, claimSQL, pair.From, pair.To, profile, s.claims.owner, s.claims.lease.Milliseconds(), hashes, glossaries)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k claimKey
			if err := rows.Scan(&k.hash, &k.glossary); err != nil {
				rows.Close()
				return err
			}
			granted[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		found, err = s.lookupTx(ctx, tx, pair, profile, qs)
		if err != nil {
			return err
		}
		// A text found is no one's to send: give back its claim.
		var fh, fg []string
		for i, e := range found {
			if e != nil && granted[keys[i]] {
				delete(granted, keys[i])
				fh, fg = append(fh, keys[i].hash), append(fg, keys[i].glossary)
			}
		}
		if len(fh) > 0 {
			_, err = tx.Exec(ctx, releaseSQL, pair.From, pair.To, profile, s.claims.owner, fh, fg)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range qs {
		switch {
		case found[i] != nil:
			out[i] = memory.Claim{State: memory.Found, Entry: found[i]}
		case granted[keys[i]]:
			out[i] = memory.Claim{State: memory.Granted}
		default:
			out[i] = memory.Claim{State: memory.Held}
		}
	}
	return out, nil
}

// Release implements memory.Claimer.
func (s *Store) Release(ctx context.Context, pair memory.Pair, profile string, qs []memory.Query) error {
	if len(qs) == 0 {
		return nil
	}
	hashes, glossaries := make([]string, len(qs)), make([]string, len(qs))
	for i, q := range qs {
		hashes[i], glossaries[i] = memory.Key(q.Source), q.Glossary
	}
	if _, err := s.pool.Exec(ctx, releaseSQL, pair.From, pair.To, profile, s.claims.owner, hashes, glossaries); err != nil {
		return s.fail("release claims", err)
	}
	return nil
}

// releaseStored drops, in a Put's transaction, the owner's claims on the
// machine entries it stores.
func (s *Store) releaseStored(ctx context.Context, tx pgx.Tx, entries []memory.Entry) error {
	type group struct{ from, to, profile string }
	texts := map[group][2][]string{}
	for i := range entries {
		e := &entries[i]
		if e.Status != memory.Machine {
			continue
		}
		g := group{e.From, e.To, e.Profile}
		t := texts[g]
		t[0], t[1] = append(t[0], e.Hash()), append(t[1], e.Glossary)
		texts[g] = t
	}
	for g, t := range texts {
		if _, err := tx.Exec(ctx, releaseSQL, g.from, g.to, g.profile, s.claims.owner, t[0], t[1]); err != nil {
			return err
		}
	}
	return nil
}

// claiming reports whether this store has claimed anything.
func (s *Store) claiming() bool {
	s.claims.mu.Lock()
	defer s.claims.mu.Unlock()
	return s.claims.renewer != nil
}

// startRenewing starts, at the first claim, the renewal of the owner's
// claims every third of the lease; it also clears claims lapsed long ago.
func (s *Store) startRenewing() {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.renewer != nil {
		return
	}
	stop := make(chan struct{})
	c.renewer = stop
	c.done.Go(func() {
		t := time.NewTicker(c.lease / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), c.lease/3)
			// A failed renewal is tried again at the next tick; claims
			// that lapse meanwhile may be taken over, which costs a text
			// sent twice, never a wrong translation.
			s.pool.Exec(ctx, `UPDATE bitext_claims SET expires_at = now() + $2 * interval '1 millisecond' WHERE owner = $1`,
				c.owner, c.lease.Milliseconds())
			s.pool.Exec(ctx, `DELETE FROM bitext_claims WHERE expires_at < now() - interval '1 day'`)
			cancel()
		}
	})
}

// stopClaiming stops the renewals and releases the owner's claims left.
func (s *Store) stopClaiming() error {
	c := &s.claims
	c.mu.Lock()
	stop := c.renewer
	c.mu.Unlock()
	if stop == nil {
		return nil
	}
	close(stop)
	c.done.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.pool.Exec(ctx, `DELETE FROM bitext_claims WHERE owner = $1`, c.owner); err != nil {
		return s.fail("release claims", err)
	}
	return nil
}
