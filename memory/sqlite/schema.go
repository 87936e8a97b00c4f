package sqlite

// applicationID marks a database as a bitext memory (PRAGMA
// application_id): "btxt" in ASCII. A file with another id belongs to
// another program and is never changed.
const applicationID = 0x62747874

// migrations[i] brings the schema from version i to version i+1; the
// schema's version is len(migrations). Each runs in the one transaction
// that also sets user_version, so a database is at one version or the
// next, never between. A new migration is appended, never edited.
var migrations = []string{
	// 1: the entries table. Its UNIQUE constraint is the Store's key (one
	// entry per language pair, text, backend profile and glossary
	// fingerprint; reviewed and imported entries have neither, so they
	// share one row), and the index SQLite builds for it, led by
	// (src_lang, tgt_lang, source_hash), is also the index that lookups
	// use and the order Entries reads in; a second index on those three
	// columns would only cost writes and space. Times are UTC text,
	// "2006-01-02T15:04:05.000000000Z", which sorts as time does and
	// keeps the nanoseconds.
	`CREATE TABLE entries (
	id          INTEGER PRIMARY KEY,
	src_lang    TEXT NOT NULL,
	tgt_lang    TEXT NOT NULL,
	source_hash TEXT NOT NULL,
	source      TEXT NOT NULL,
	target      TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'imported')),
	profile     TEXT NOT NULL DEFAULT '',
	glossary    TEXT NOT NULL DEFAULT '',
	file        TEXT NOT NULL DEFAULT '',
	segment     TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (src_lang, tgt_lang, source_hash, profile, glossary)
) STRICT;`,
}

// upsert stores one entry. It replaces the row of the same key, keeping
// created_at, except that an imported entry never replaces a reviewed one
// (the WHERE clause leaves that row as it is).
const upsert = `INSERT INTO entries
	(src_lang, tgt_lang, source_hash, source, target, status, profile, glossary, file, segment, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (src_lang, tgt_lang, source_hash, profile, glossary) DO UPDATE SET
		source = excluded.source, target = excluded.target, status = excluded.status,
		file = excluded.file, segment = excluded.segment, updated_at = excluded.updated_at
	WHERE NOT (entries.status = 'reviewed' AND excluded.status = 'imported')`

// columns are the columns scanned into an Entry, in scanEntry's order.
const columns = `src_lang, tgt_lang, source, target, status, profile, glossary, file, segment, created_at, updated_at`
