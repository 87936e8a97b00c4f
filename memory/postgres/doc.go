// Package postgres is the translation memory shared by a team on
// PostgreSQL, on github.com/jackc/pgx/v5: every machine, CI runner and
// working folder that names the same postgres:// URL reads and writes one
// memory, so a text is paid for once and a reviewer's fix reaches every
// run. It is the only package that imports the driver, and it passes the
// conformance suite of package memorytest like the SQLite store.
//
// bitext creates and migrates the schema itself: plain SQL, versioned in
// the table bitext_schema, each migration in the transaction that records
// it, under an advisory lock so that runs opening a new database at once
// create it once. A database whose schema is newer than this build is
// refused. The tables are bitext_entries (one row per language pair,
// source hash, backend profile and glossary fingerprint: the unique index
// of exact lookups, and a trigram index of the source texts; created_at
// and updated_at on every row) and bitext_claims. Lookups go in batches:
// the distinct hashes of a window, a statement per 2,000.
//
// # Claims: two runs at once pay once
//
// The store is a memory.Claimer. A run claims the texts of a batch just
// before it sends the batch; a claim is a row of bitext_claims (the key
// the text's machine entry will have, the owner, and expires_at), made by
// an INSERT … ON CONFLICT that takes a row only if it is free, lapsed, or
// the owner's already. In the same transaction, after the claim, the texts
// are looked up again, so that a text another run stored meanwhile is
// Found and not paid for twice: Put stores entries and deletes its
// owner's claims on them in one transaction, so a text is either claimed
// or stored whenever another run looks. The owner (one per opened store:
// host, process and random bytes) renews its claims every third of the
// lease while it lives, and Close deletes them; the claims of a run that
// was killed or lost its network lapse after the lease (a minute; the
// URL's ?lease=30s sets another), and the next run to claim those texts
// takes them over. A run that meets texts another run holds sends the
// rest of its window first, then claims the held texts again every 250ms
// until each is stored by the other run or granted to it. Times are the
// server's now(), so the machines' clocks need not agree.
//
// Claims are rows rather than advisory locks because a lock lives and dies
// with one connection: it cannot outlive a network blip of a live run,
// nor lapse after a chosen lease when a machine vanishes without closing
// its connections (the server notices only when TCP keepalives give up),
// nor pass through a pooler such as PgBouncer in transaction mode, nor be
// seen by a person (SELECT * FROM bitext_claims). Rows cost a write per
// batch claimed, which is nothing beside the request they guard.
//
// # Fuzzy lookups
//
// Similar (memory.Fuzzy) finds the candidates of a fuzzy lookup through a
// trigram index (pg_trgm, installed by the migration) at a low threshold,
// and scores them again in Go by memory.Similarity, the edit distance in
// characters: trigram similarity is coarse for Chinese (see fuzzy.go). A
// database whose LC_CTYPE is C makes no trigrams of Han characters; there
// every entry of the pair is scored instead.
//
// A message never holds the password: the memory is named by its URL with
// the password as xxxxx (Redact), and a driver message that repeated it
// would have it replaced.
package postgres
