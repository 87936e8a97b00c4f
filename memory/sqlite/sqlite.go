package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/bitext/bitext/memory"
)

// Store is a memory.Store in an SQLite file. It is safe for concurrent use,
// and several processes may share one file: SQLite's locks order their
// writes, and a writer waits up to busyTimeout for another's transaction.
type Store struct {
	path   string  // as the caller gave it, for messages
	writer *sql.DB // one connection: Puts take turns
	reader *sql.DB // query-only connections for lookups, in parallel
}

var _ memory.Store = (*Store)(nil)

// busyTimeout is how long, in milliseconds, a statement waits for a lock
// another connection or process holds before it fails with "database is
// locked". Writes are short (one batch), so this is generous.
const busyTimeout = 10000

// Open opens the memory at path, creating the file and its folder if they
// are missing. It refuses, with an error naming the file and without
// changing it, a file that is not an SQLite database, is corrupt, belongs
// to another program, or has a schema newer than this build knows; a file
// of an older schema is migrated in one transaction. A folder or file
// bitext cannot write to is an error too: SQLite keeps its write-ahead log
// beside the file.
func Open(path string) (*Store, error) {
	fail := func(err error) error { return fmt.Errorf("memory %s: %w", path, err) }
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fail(err)
	}
	created, err := prepareFile(abs)
	if err != nil {
		return nil, fail(err)
	}
	s, err := open(path, abs)
	if err != nil {
		if fi, statErr := os.Stat(abs); created && statErr == nil && fi.Size() == 0 {
			// Leave no empty file behind for a memory that never was (a
			// file another process has begun to fill is not ours to remove).
			os.Remove(abs)
		}
		return nil, fail(err)
	}
	return s, nil
}

func open(path, abs string) (*Store, error) {
	// The writer's settings: busy_timeout; synchronous=FULL, so that in WAL
	// mode every commit is synced to the log before Put returns and a batch
	// that was paid for survives a power cut as well as a killed process
	// (NORMAL would survive only the latter; a sync per batch costs far less
	// than the request that produced it); and BEGIN IMMEDIATE, so a Put takes
	// the write lock before it reads, and two processes never deadlock
	// upgrading their locks.
	writer, err := sql.Open("sqlite", dsn(abs, fmt.Sprintf("_busy_timeout=%d&_synchronous=FULL&_txlock=immediate", busyTimeout)))
	if err != nil {
		return nil, err
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	writer.SetConnMaxIdleTime(0)
	s := &Store{path: path, writer: writer}
	if err := s.migrate(context.Background()); err != nil {
		writer.Close()
		return nil, err
	}
	// Only once the file is known to be a bitext memory of a schema this
	// build understands: journal_mode is kept in the file.
	var mode string
	if err := writer.QueryRow("PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		writer.Close()
		return nil, explain("set WAL journal mode", err)
	}
	if mode != "wal" {
		writer.Close()
		return nil, fmt.Errorf("journal mode is %s, not wal (is the file on a network or read-only file system?)", mode)
	}
	reader, err := sql.Open("sqlite", dsn(abs, fmt.Sprintf("_busy_timeout=%d&_query_only=1", busyTimeout)))
	if err != nil {
		writer.Close()
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	reader.SetMaxOpenConns(n)
	reader.SetMaxIdleConns(n)
	s.reader = reader
	return s, nil
}

// dsn is the driver's name for the file: an SQLite URI, so that any path
// works (characters such as '?' and '#' are escaped), and the driver's
// settings as query parameters.
func dsn(abs, params string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), OmitHost: true}
	if filepath.VolumeName(abs) != "" { // Windows: file:/C:/dir/memory.db
		u.Path = "/" + u.Path
	}
	return u.String() + "?" + params
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// prepareFile makes sure path can be the memory: its folder exists (made
// if missing) and can be written to, and the file is missing (then made,
// empty, which SQLite takes for a new database; created reports it), empty,
// or starts with SQLite's header. It reads, and never writes, an existing
// file.
func prepareFile(path string) (created bool, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("create its folder: %w", err)
	}
	// SQLite writes path-wal and path-shm beside the file, so the folder
	// must be writable even when the file exists.
	probe, err := os.CreateTemp(dir, ".bitext-write-test-*")
	if err != nil {
		return false, fmt.Errorf("folder %s is not writable (the memory keeps its log files beside it): %w", dir, pathless(err))
	}
	probe.Close()
	os.Remove(probe.Name())

	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		f.Close()
		return true, nil
	}
	if !errors.Is(err, os.ErrExist) {
		return false, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() {
		return false, errors.New("not a regular file")
	}
	f, err = os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false, fmt.Errorf("cannot write to it: %w", pathless(err))
	}
	defer f.Close()
	head := make([]byte, 100) // the database header
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && err == io.EOF:
		return false, nil // empty: a new database
	case err != nil && err != io.ErrUnexpectedEOF:
		return false, err
	case n < len(head) || !bytes.HasPrefix(head, []byte(sqliteMagic)):
		return false, errors.New("not an SQLite database")
	}
	return false, nil
}

// pathless drops the path from an os error whose message names it
// already ("permission denied" rather than "open /a/b: permission denied").
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// migrate checks the file's schema and brings it to the current version,
// in one transaction that holds the write lock, so two processes opening
// one new file do not both create the schema. Nothing is written when
// the file is refused.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return explain("open", err)
	}
	defer tx.Rollback()
	var version, app int64
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return explain("read schema version", err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return explain("read application id", err)
	}
	tables, err := userTables(ctx, tx)
	if err != nil {
		return explain("read schema", err)
	}
	current := int64(len(migrations))
	switch {
	case app != 0 && app != applicationID:
		return fmt.Errorf("not a bitext memory: an SQLite database of another program (application id %#x)", app)
	case app == 0 && (version != 0 || len(tables) > 0):
		return fmt.Errorf("not a bitext memory: an SQLite database of another program (tables %s)", strings.Join(tables, ", "))
	case version > current:
		return fmt.Errorf("schema version %d is newer than this bitext understands (%d); upgrade bitext", version, current)
	case version < 0:
		return fmt.Errorf("schema version %d is not a version bitext wrote", version)
	}
	if version > 0 {
		if err := quickCheck(ctx, tx); err != nil {
			return explain("check", err)
		}
	}
	if version == current {
		return nil // Rollback: nothing was changed
	}
	for v := version; v < current; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return explain(fmt.Sprintf("migrate schema from version %d to %d", v, v+1), err)
		}
	}
	// PRAGMA takes no parameters; both values are this package's integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, current)); err != nil {
		return explain("set schema version", err)
	}
	if err := tx.Commit(); err != nil {
		return explain("migrate schema", err)
	}
	return nil
}

// userTables lists the tables that are not SQLite's own.
func userTables(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// errCorrupt is what quickCheck's findings are wrapped in.
var errCorrupt = errors.New("database disk image is malformed")

// quickCheck runs SQLite's PRAGMA quick_check (the structure of every page
// and index, without comparing index contents to the table), so that a
// damaged file is refused before bitext writes into it.
func quickCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA quick_check(2)")
	if err != nil {
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		for _, l := range strings.Split(line, "\n") {
			if l = strings.TrimSpace(l); l != "ok" && l != "" && !strings.HasPrefix(l, "*** in database") {
				problems = append(problems, l)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", errCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// explain wraps an SQLite error with what was being done, and says in
// plain words what the common failures of a file mean.
func explain(doing string, err error) error {
	var se *sqlite.Error
	if errors.Is(err, errCorrupt) {
		return fmt.Errorf("the file is corrupt (%v); restore it from a backup, or move it away to start an empty memory", err)
	}
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return errors.New("not an SQLite database")
		case sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("the file is corrupt (%v); restore it from a backup, or move it away to start an empty memory", err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("%s: %v (can bitext write to the file and its folder?)", doing, err)
		case sqlite3.SQLITE_BUSY:
			return fmt.Errorf("%s: %v (another program holds the file locked)", doing, err)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%s: the disk is full", doing)
		}
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// Close closes the file. SQLite folds the write-ahead log into the file
// when the last connection to it closes.
func (s *Store) Close() error {
	return errors.Join(s.reader.Close(), s.writer.Close())
}
