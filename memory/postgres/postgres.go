package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/bitext/bitext/memory"
)

// Store is a memory.Store in a PostgreSQL database, shared by every run
// that names it. It is safe for concurrent use.
type Store struct {
	name    string   // the URL without its password, for messages
	secrets []string // the password, as given and as escaped: never printed
	pool    *pgxpool.Pool
	claims  claims
	trgm    trigrams
}

var _ memory.Store = (*Store)(nil)

// IsURL reports whether a memory named by the user is a PostgreSQL URL
// (postgres:// or postgresql://) rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns a URL without its password (in the user part or in a
// password= parameter), for messages and reports; anything that is not a
// URL it can parse comes back as "postgres://…".
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// passwords returns the forms in which a URL's password could appear in a
// message: as written, and unescaped.
func passwords(raw string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 3 { // a shorter one would blank out ordinary words
			out = append(out, s)
		}
	}
	if i := strings.Index(raw, "://"); i >= 0 {
		rest := raw[i+3:]
		if at := strings.LastIndex(strings.SplitN(rest, "/", 2)[0], "@"); at >= 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok {
				add(pw)
				if p, err := url.PathUnescape(pw); err == nil && p != pw {
					add(p)
				}
			}
		}
	}
	if u, err := url.Parse(raw); err == nil {
		if p := u.Query().Get("password"); p != "" {
			add(p)
			add(url.QueryEscape(p))
		}
	}
	return out
}

// Open connects to the memory at a postgres:// URL (libpq's form: user,
// password, host, port, database and parameters such as sslmode; a
// password may also come from PGPASSWORD or ~/.pgpass), and creates or
// migrates its schema. It refuses a database whose bitext schema is newer
// than this build knows. No message it returns holds the password.
//
// bitext reads one parameter of the URL itself: lease, how long the
// store's claims last unless renewed (DefaultLease; ?lease=30s).
func Open(ctx context.Context, raw string) (*Store, error) {
	s := &Store{name: Redact(raw), secrets: passwords(raw)}
	raw, lease, err := takeLease(raw)
	if err != nil {
		return nil, s.fail("open", err)
	}
	s.claims.owner, s.claims.lease = newOwner(), lease
	cfg, err := pgxpool.ParseConfig(raw)
	if err != nil {
		return nil, s.fail("open", err)
	}
	cfg.MaxConns = int32(max(4, runtime.GOMAXPROCS(0)))
	cfg.MaxConnIdleTime = time.Minute
	cfg.ConnConfig.ConnectTimeout = 15 * time.Second
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "bitext"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, s.fail("open", err)
	}
	s.pool = pool
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, s.fail("open", err)
	}
	if err := s.findTrigrams(ctx); err != nil {
		pool.Close()
		return nil, s.fail("open", err)
	}
	return s, nil
}

// String is the memory's URL without its password.
func (s *Store) String() string { return s.name }

// SchemaVersion is the version of the schema this build creates.
func SchemaVersion() int { return len(migrations) }

// migrate brings the schema to the current version in one transaction,
// under an advisory lock, so that two runs opening a new database one
// after the other's heels create it once.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(schemaLock)); err != nil {
		return err
	}
	var hasSchema, hasEntries bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('bitext_schema') IS NOT NULL, to_regclass('bitext_entries') IS NOT NULL`).Scan(&hasSchema, &hasEntries); err != nil {
		return err
	}
	version := 0
	if hasSchema {
		if err := tx.QueryRow(ctx, "SELECT version FROM bitext_schema").Scan(&version); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
	} else if hasEntries {
		return errors.New("a table bitext_entries exists without bitext_schema: not a memory bitext made")
	}
	current := len(migrations)
	switch {
	case version > current:
		return fmt.Errorf("schema version %d is newer than this bitext understands (%d); upgrade bitext", version, current)
	case version < 0:
		return fmt.Errorf("schema version %d is not a version bitext wrote", version)
	case version == current:
		return nil // Rollback: nothing was changed
	}
	for v := version; v < current; v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate schema from version %d to %d: %w", v, v+1, err)
		}
	}
	if _, err := tx.Exec(ctx, "UPDATE bitext_schema SET version = $1", current); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	return tx.Commit(ctx)
}

// Close releases the store's claims and closes the connections.
func (s *Store) Close() error {
	err := s.stopClaiming()
	s.pool.Close()
	return err
}

// fail wraps an error with the memory's name and what was being done, and
// takes the password out of its message should the driver have put it in.
func (s *Store) fail(doing string, err error) error {
	msg := explain(err)
	for _, pw := range s.secrets {
		msg = strings.ReplaceAll(msg, pw, "xxxxx")
	}
	return &Error{msg: fmt.Sprintf("memory %s: %s: %s", s.name, doing, msg), err: err}
}

// Error is an error of the memory. Its message names the memory without
// its password; Unwrap gives the driver's error for errors.Is and As, whose
// own message is not to be printed.
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

// explain says in plain words what the common failures mean.
func explain(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return err.Error() + " (check the user and password: PGPASSWORD, ~/.pgpass or the URL)"
		case "3D000":
			return err.Error() + " (create the database first: createdb NAME)"
		case "42501":
			if strings.Contains(pe.Message, "extension") {
				return err.Error() + " (bitext needs the pg_trgm extension: the database's owner can CREATE EXTENSION pg_trgm)"
			}
			return err.Error() + " (the user may not create tables here: grant it CREATE on the schema, or name another with ?search_path=)"
		case "58P01", "0A000":
			if strings.Contains(pe.Message, "extension") {
				return err.Error() + " (bitext needs the pg_trgm extension, which PostgreSQL ships: install the server's contrib package)"
			}
		}
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) && !errors.As(err, &pe) {
		return err.Error() + " (is the server running, and is the address right?)"
	}
	if errors.Is(err, pgx.ErrTxClosed) {
		return "the transaction was closed"
	}
	return err.Error()
}
