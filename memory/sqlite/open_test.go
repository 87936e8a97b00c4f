package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/memory"
)

func entry(i int) memory.Entry {
	return memory.Entry{From: "zh", To: "en", Source: fmt.Sprintf("第%d段<b1>文字</b1>", i),
		Target: fmt.Sprintf("paragraph <b1>%d</b1>", i), Status: memory.Machine, Profile: "deepl"}
}

// newMemory makes a memory at path with n entries and closes it.
func newMemory(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var es []memory.Entry
	for i := range n {
		es = append(es, entry(i))
	}
	if err := s.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// raw runs SQL on a file with the driver alone, as another program would.
func raw(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// snapshot reads every file of a folder.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if de.IsDir() {
			files[de.Name()+"/"] = nil
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[de.Name()] = b
	}
	return files
}

func find(t *testing.T, s *Store, i int) string {
	t.Helper()
	got, err := s.Lookup(context.Background(), memory.Pair{From: "zh", To: "en"}, "deepl",
		[]memory.Query{{Source: entry(i).Source}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == nil {
		return ""
	}
	return got[0].Target
}

func TestOpenCreatesFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "site", ".bitext", "memory.db")
	newMemory(t, path, 3)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer s.Close()
	if got := find(t, s, 2); got != entry(2).Target {
		t.Errorf("after reopening, lookup found %q, want %q", got, entry(2).Target)
	}
	files := slices.Sorted(maps.Keys(snapshot(t, filepath.Dir(path))))
	if !slices.Contains(files, "memory.db") || slices.ContainsFunc(files, func(n string) bool { return strings.HasPrefix(n, ".bitext-write-test") }) {
		t.Errorf("folder holds %v, want memory.db and no probe file", files)
	}
}

// TestOpenOddPath: a path with characters that mean something in a URI
// is still one file, where it was asked for.
func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "站点 50%")
	path := filepath.Join(dir, "memory #1?x=y.db")
	newMemory(t, path, 1)
	if files := slices.Sorted(maps.Keys(snapshot(t, dir))); !slices.Equal(files, []string{"memory #1?x=y.db"}) {
		t.Errorf("folder holds %q, want the memory alone", files)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := find(t, s, 0); got != entry(0).Target {
		t.Errorf("lookup found %q, want %q", got, entry(0).Target)
	}
}

// TestOpenRefuses checks that files that are not a bitext memory of this
// schema are refused with an error naming them, byte for byte untouched.
func TestOpenRefuses(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"text file", func(t *testing.T, path string) {
			write(t, path, []byte("# My notes\n\nnot a database\n"))
		}, "not an SQLite database"},
		{"cut-off header", func(t *testing.T, path string) {
			write(t, path, []byte(sqliteMagic+"\x10\x00"))
		}, "not an SQLite database"},
		{"header then noise", func(t *testing.T, path string) {
			b := []byte(sqliteMagic)
			for i := len(b); i < 8192; i++ {
				b = append(b, byte(i*7+i/13))
			}
			write(t, path, b)
		}, "not an SQLite database"},
		{"newer schema", func(t *testing.T, path string) {
			newMemory(t, path, 3)
			raw(t, path, "PRAGMA user_version = 7")
		}, "schema version 7 is newer than this bitext understands (1); upgrade bitext"},
		{"newer schema in WAL", func(t *testing.T, path string) {
			newMemory(t, path, 3)
			raw(t, path, "PRAGMA user_version = 2", "PRAGMA journal_mode = WAL")
		}, "schema version 2 is newer"},
		{"another program's database", func(t *testing.T, path string) {
			raw(t, path, "CREATE TABLE users (name TEXT)", "INSERT INTO users VALUES ('ann')")
		}, "not a bitext memory: an SQLite database of another program (tables users)"},
		{"another program's application id", func(t *testing.T, path string) {
			raw(t, path, "PRAGMA application_id = 1234")
		}, "not a bitext memory: an SQLite database of another program (application id 0x4d2)"},
		{"corrupt page", func(t *testing.T, path string) {
			newMemory(t, path, 2000)
			b := read(t, path)
			// Overwrite the middle of the file, a run of b-tree pages.
			for i := len(b) / 2; i < len(b)/2+3*4096; i++ {
				b[i] = 0xA5
			}
			write(t, path, b)
		}, "the file is corrupt"},
		{"cut short", func(t *testing.T, path string) {
			newMemory(t, path, 2000)
			b := read(t, path)
			write(t, path, b[:len(b)/2])
		}, "the file is corrupt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "memory.db")
			c.make(t, path)
			before := snapshot(t, dir)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), "memory "+path+": ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Open: %v\nwant the path and %q", err, c.want)
			}
			after := snapshot(t, dir)
			if !maps.EqualFunc(before, after, bytes.Equal) {
				t.Errorf("Open changed the folder: files before %v, after %v (or their bytes)",
					slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
			}
		})
	}
}

func TestOpenDirectory(t *testing.T) {
	path := t.TempDir()
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Open of a folder: %v, want an error saying it is not a regular file", err)
	}
}

func TestOpenReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	dir := t.TempDir()
	existing := filepath.Join(dir, "old", "memory.db")
	newMemory(t, existing, 1)
	for _, d := range []string{dir, filepath.Dir(existing)} {
		if err := os.Chmod(d, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(d, 0o755) })
	}
	for _, path := range []string{
		filepath.Join(dir, "memory.db"),        // a new file in a read-only folder
		filepath.Join(dir, "sub", "memory.db"), // a new folder in a read-only folder
		existing,                               // an existing file in a read-only folder
	} {
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Errorf("Open(%s) in a read-only folder succeeded", path)
			continue
		}
		if !strings.HasPrefix(err.Error(), "memory "+path+": ") || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("Open(%s): %v, want the path and the reason", path, err)
		}
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only files")
	}
	path := filepath.Join(t.TempDir(), "memory.db")
	newMemory(t, path, 1)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "cannot write to it") {
		t.Errorf("Open of a read-only file: %v, want an error saying it cannot be written", err)
	}
}

// TestMigrate runs a migration this build does not have, and one that
// fails: the first keeps every entry, the second leaves the file as it was.
func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "memory.db")
	newMemory(t, path, 5)
	saved := migrations
	t.Cleanup(func() { migrations = saved })

	migrations = append(slices.Clone(saved), `ALTER TABLE entries ADD COLUMN note TEXT NOT NULL DEFAULT '';
		CREATE TABLE half_done (a);
		SELECT no_such_column FROM entries;`)
	before := snapshot(t, dir)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "migrate schema from version 1 to 2") {
		t.Fatalf("Open with a failing migration: %v, want the migration's error", err)
	}
	if after := snapshot(t, dir); !maps.EqualFunc(before, after, bytes.Equal) {
		t.Fatal("a failed migration changed the file")
	}

	migrations = append(slices.Clone(saved), `ALTER TABLE entries ADD COLUMN note TEXT NOT NULL DEFAULT ''`)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	var notes int
	if err := s.writer.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := s.writer.QueryRow("SELECT count(note) FROM entries").Scan(&notes); err != nil {
		t.Fatal(err)
	}
	if version != 2 || notes != 5 {
		t.Errorf("after migrating: version %d and %d entries with the new column, want 2 and 5", version, notes)
	}
	if got := find(t, s, 4); got != entry(4).Target {
		t.Errorf("after migrating, lookup found %q, want %q", got, entry(4).Target)
	}
}

// TestOpenEmptyDatabase: an SQLite file without tables (made by the sqlite3
// shell, say) becomes a memory.
func TestOpenEmptyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.db")
	raw(t, path, "PRAGMA page_size = 8192", "VACUUM")
	newMemory(t, path, 2)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := find(t, s, 1); got != entry(1).Target {
		t.Errorf("lookup found %q, want %q", got, entry(1).Target)
	}
}

// TestLookupUsesIndex guards the lookup's speed: SQLite must search the
// key's index, not scan the table.
func TestLookupUsesIndex(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	args := make([]any, 3+chunk)
	for i := range args {
		args[i] = "x"
	}
	rows, err := s.reader.Query("EXPLAIN QUERY PLAN "+lookupSQL, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "USING INDEX") || strings.Contains(joined, "SCAN entries") {
		t.Errorf("lookup plan:\n%s\nwant a search of the key's index", joined)
	}
}

// TestTwoStoresOneFile: two processes (here two Stores) writing one file
// take turns instead of failing with "database is locked".
func TestTwoStoresOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.db")
	var stores []*Store
	for range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			s := stores[w%2]
			for b := range 20 {
				var es []memory.Entry
				for i := range 10 {
					es = append(es, entry(w*1000+b*10+i))
				}
				if err := s.Put(context.Background(), es); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	st, err := stores[0].Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 4*20*10 {
		t.Errorf("%d entries, want %d", st.Entries, 4*20*10)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
