package postgres

// schemaLock is the key of the advisory lock that migrate holds, for the
// length of its transaction, so that two runs opening one new database do
// not both create the schema: "btxt" in ASCII.
const schemaLock = 0x62747874

// migrations[i] brings the schema from version i to version i+1; the
// schema's version is len(migrations), kept in bitext_schema. Each runs in
// the one transaction that also sets the version, so a database is at one
// version or the next, never between. A new migration is appended, never
// edited. The tables are created in the first schema of the connection's
// search_path (public, unless the URL says otherwise: ?search_path=bitext).
var migrations = []string{
	// 1: the entries. The unique index is the Store's key (one entry per
	// language pair, text, backend profile and glossary fingerprint;
	// reviewed and imported entries have neither, so they share one row);
	// led by (src_lang, tgt_lang, source_hash) it is also the index of
	// exact lookups and the order Entries reads in. The key's columns sort
	// as bytes (COLLATE "C"), whatever the database's locale, as they do
	// in SQLite and in Go. timestamptz keeps microseconds; created_ns and
	// updated_ns keep the nanoseconds below them, so that an entry's times
	// come back exactly as they were stored.
	`CREATE TABLE bitext_schema (version integer NOT NULL);
INSERT INTO bitext_schema VALUES (0);
CREATE TABLE bitext_entries (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	src_lang    text COLLATE "C" NOT NULL,
	tgt_lang    text COLLATE "C" NOT NULL,
	source_hash text COLLATE "C" NOT NULL,
	source      text NOT NULL,
	target      text NOT NULL,
	status      text NOT NULL CHECK (status IN ('machine', 'reviewed', 'imported')),
	profile     text COLLATE "C" NOT NULL DEFAULT '',
	glossary    text COLLATE "C" NOT NULL DEFAULT '',
	file        text NOT NULL DEFAULT '',
	segment     text NOT NULL DEFAULT '',
	created_at  timestamptz NOT NULL,
	created_ns  integer NOT NULL DEFAULT 0 CHECK (created_ns BETWEEN 0 AND 999),
	updated_at  timestamptz NOT NULL,
	updated_ns  integer NOT NULL DEFAULT 0 CHECK (updated_ns BETWEEN 0 AND 999)
);
CREATE UNIQUE INDEX bitext_entries_key ON bitext_entries (src_lang, tgt_lang, source_hash, profile, glossary);`,
	// 2: claims. A row is a text (the key of the machine entry its
	// translation will be) that a run is translating: its owner and
	// when the claim lapses unless renewed. Times are the server's
	// (now()), so the machines' clocks do not matter.
	`CREATE TABLE bitext_claims (
	src_lang    text COLLATE "C" NOT NULL,
	tgt_lang    text COLLATE "C" NOT NULL,
	source_hash text COLLATE "C" NOT NULL,
	profile     text COLLATE "C" NOT NULL,
	glossary    text COLLATE "C" NOT NULL,
	owner       text NOT NULL,
	claimed_at  timestamptz NOT NULL DEFAULT now(),
	expires_at  timestamptz NOT NULL,
	PRIMARY KEY (src_lang, tgt_lang, source_hash, profile, glossary)
);
CREATE INDEX bitext_claims_owner ON bitext_claims (owner);`,
	// 3: a trigram index of the source texts, from which fuzzy lookups
	// fetch their candidates (pg_trgm, which ships with PostgreSQL and
	// which a database owner may install). The extension may live in a
	// schema off the search path; this transaction puts it on.
	`CREATE EXTENSION IF NOT EXISTS pg_trgm;
SELECT set_config('search_path', current_setting('search_path') || ', ' || (
	SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'pg_trgm'), true);
CREATE INDEX bitext_entries_trgm ON bitext_entries USING gin (source gin_trgm_ops);`,
	// 4: the trigram index as GiST rather than GIN: GiST hands out the
	// nearest texts first (ORDER BY source <-> text LIMIT n), where GIN
	// must compute the similarity of every text over the threshold, and in
	// a memory of one site's sentences that is most of them (1.8 s for
	// 100,000 entries, against 60 ms).
	`SELECT set_config('search_path', current_setting('search_path') || ', ' || (
	SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'pg_trgm'), true);
DROP INDEX bitext_entries_trgm;
CREATE INDEX bitext_entries_trgm ON bitext_entries USING gist (source gist_trgm_ops);`,
}

// upsert stores one entry. It replaces the row of the same key, keeping
// created_at, except that an imported entry never replaces a reviewed one
// (the WHERE clause leaves that row as it is).
const upsert = `INSERT INTO bitext_entries
	(src_lang, tgt_lang, source_hash, source, target, status, profile, glossary, file, segment,
	 created_at, created_ns, updated_at, updated_ns)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
	ON CONFLICT (src_lang, tgt_lang, source_hash, profile, glossary) DO UPDATE SET
		source = excluded.source, target = excluded.target, status = excluded.status,
		file = excluded.file, segment = excluded.segment,
		updated_at = excluded.updated_at, updated_ns = excluded.updated_ns
	WHERE NOT (bitext_entries.status = 'reviewed' AND excluded.status = 'imported')`

// columns are the columns scanned into an Entry, in scanEntry's order.
const columns = `src_lang, tgt_lang, source, target, status, profile, glossary, file, segment,
	created_at, created_ns, updated_at, updated_ns`
