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
// of exact lookups; created_at and updated_at on every row). Lookups go in
// batches: the distinct hashes of a window, a statement per 2,000.
//
// A message never holds the password: the memory is named by its URL with
// the password as xxxxx (Redact), and a driver message that repeated it
// would have it replaced.
package postgres
