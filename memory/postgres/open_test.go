package postgres_test

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://bitext:s3cret@db.example:5432/site?sslmode=require": "postgres://bitext:xxxxx@db.example:5432/site?sslmode=require",
		"postgresql://bitext@db/site":                                   "postgresql://bitext@db/site",
		"postgres://db/site?password=s3cret&sslmode=disable":            "postgres://db/site?password=xxxxx&sslmode=disable",
		"postgres://u:p%40ss%3Aword@db/site":                            "postgres://u:xxxxx@db/site",
		"postgres://u:s3cret@db:port/site":                              "postgres://…",
	} {
		if got := postgres.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// freePort returns a port on the loopback address that nothing listens on.
func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestPasswordNeverInMessages: whatever fails (a wrong password, a server
// that is not there, a database that does not exist, a URL that does not
// parse), the message names the memory without its password.
func TestPasswordNeverInMessages(t *testing.T) {
	const secret = "Tr0ub4dor-s3cret-9f8e7d"
	ctx := context.Background()
	bad := []string{
		fmt.Sprintf("postgres://bitext:%s@127.0.0.1:%d/site?sslmode=disable&connect_timeout=5", secret, freePort(t)),
		fmt.Sprintf("postgres://bitext:%s@127.0.0.1:notaport/site", secret),
		fmt.Sprintf("postgres://bitext:%s@127.0.0.1:5432/site?sslmode=nosuchmode", secret),
		fmt.Sprintf("postgres://127.0.0.1:%d/site?password=%s&sslmode=disable", freePort(t), secret),
		fmt.Sprintf("postgres://bitext:%s@%%zz/site", url.PathEscape(secret+"@:/")),
	}
	if os.Getenv(pgtest.Env) != "" || os.Getenv("CI") == "true" {
		server, err := url.Parse(pgtest.Server(t))
		if err != nil {
			t.Fatal(err)
		}
		wrong := *server
		wrong.User = url.UserPassword(server.User.Username(), secret)
		missing := *server
		missing.Path = "/no_such_database_for_bitext"
		bad = append(bad, wrong.String(), missing.String())
		pw, _ := server.User.Password()
		t.Run("real password", func(t *testing.T) {
			_, err := postgres.Open(ctx, missing.String())
			if err == nil {
				t.Fatal("opened a database that does not exist")
			}
			if strings.Contains(err.Error(), pw) {
				t.Errorf("the password is in the message: %v", err)
			}
			if !strings.Contains(err.Error(), "createdb") {
				t.Errorf("no hint in %q", err)
			}
		})
	}
	for _, u := range bad {
		_, err := postgres.Open(ctx, u)
		if err == nil {
			t.Errorf("Open(%s) succeeded", postgres.Redact(u))
			continue
		}
		msg := err.Error()
		for _, s := range []string{secret, url.PathEscape(secret), url.QueryEscape(secret)} {
			if strings.Contains(msg, s) {
				t.Errorf("the password is in the message: %s", msg)
			}
		}
		if !strings.HasPrefix(msg, "memory postgres://") {
			t.Errorf("the message does not name the memory: %s", msg)
		}
		t.Logf("%s", msg)
	}
}

// TestSchema: a new database gets the current schema; a newer one is
// refused without a change; a bitext_entries table bitext did not make is
// refused.
func TestSchema(t *testing.T) {
	ctx := context.Background()
	u := pgtest.URL(t)
	s := open(t, u)
	s.Close()
	if v := pgtest.Query[int32](t, u, "SELECT version FROM bitext_schema"); int(v) != postgres.SchemaVersion() {
		t.Errorf("schema version %d, want %d", v, postgres.SchemaVersion())
	}
	if n := pgtest.Query[int64](t, u, "SELECT count(*) FROM pg_indexes WHERE indexname = 'bitext_entries_key'"); n != 1 {
		t.Error("no unique index on the key")
	}
	pgtest.Exec(t, u, "UPDATE bitext_schema SET version = 999")
	_, err := postgres.Open(ctx, u)
	if err == nil || !strings.Contains(err.Error(), "newer than this bitext understands") {
		t.Errorf("a newer schema: %v", err)
	}
	if v := pgtest.Query[int32](t, u, "SELECT version FROM bitext_schema"); v != 999 {
		t.Errorf("the newer schema was changed to version %d", v)
	}

	other := pgtest.URL(t)
	pgtest.Exec(t, other, "CREATE TABLE bitext_entries (x int)")
	_, err = postgres.Open(ctx, other)
	if err == nil || !strings.Contains(err.Error(), "not a memory bitext made") {
		t.Errorf("another program's table: %v", err)
	}
}

// TestConcurrentOpen: runs that open a new database at once create its
// schema once, and all of them can use it.
func TestConcurrentOpen(t *testing.T) {
	u := pgtest.URL(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Go(func() {
			s, err := postgres.Open(context.Background(), u)
			if err == nil {
				err = s.Put(context.Background(), []memory.Entry{{From: "zh", To: "en", Source: fmt.Sprintf("第%d段", i), Target: "x", Status: memory.Reviewed}})
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := pgtest.Query[int64](t, u, "SELECT count(*) FROM bitext_entries"); n != int64(len(errs)) {
		t.Errorf("%d entries, want %d", n, len(errs))
	}
}

// TestSearchPath: ?search_path= puts the memory's tables in a schema of
// their own, beside other programs' tables.
func TestSearchPath(t *testing.T) {
	u := pgtest.URL(t)
	pgtest.Exec(t, u, "CREATE SCHEMA team")
	s := open(t, u+"&search_path=team")
	defer s.Close()
	if n := pgtest.Query[int64](t, u, "SELECT count(*) FROM pg_tables WHERE schemaname = 'team' AND tablename = 'bitext_entries'"); n != 1 {
		t.Error("bitext_entries is not in schema team")
	}
}
