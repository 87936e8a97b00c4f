// Package pgtest gives tests a PostgreSQL database of their own on the
// server named by BITEXT_TEST_POSTGRES (a postgres:// URL of a user that
// may create databases; .ci/run starts a throwaway cluster and sets it).
// Without it a test skips, saying how to run it, except under CI=true,
// where it fails: CI never skips the tests of the shared memory.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable that names the test server.
const Env = "BITEXT_TEST_POSTGRES"

var seq atomic.Int64

// Server returns the URL of the test server, skipping (or under CI
// failing) the test when there is none.
func Server(t testing.TB) string {
	t.Helper()
	u := os.Getenv(Env)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/run starts a server and sets it)", Env)
		}
		t.Skipf("PostgreSQL test skipped: set %s=postgres://user:password@127.0.0.1:5432/postgres?sslmode=disable "+
			"(a user that may create databases) to run it; `source .ci/postgres && start_postgres` starts a throwaway server", Env)
	}
	return u
}

// URL returns the URL of a new, empty database on the test server, dropped
// when the test ends. options are added to CREATE DATABASE
// ("TEMPLATE template0 LC_CTYPE 'C'").
func URL(t testing.TB, options ...string) string {
	t.Helper()
	admin := Server(t)
	name := fmt.Sprintf("bitext_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1_000_000, seq.Add(1))
	exec(t, admin, strings.Join(append([]string{"CREATE DATABASE " + name}, options...), " "))
	t.Cleanup(func() { exec(t, admin, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: not a URL", Env)
	}
	u.Path = "/" + name
	return u.String()
}

// Exec runs SQL statements on the database at a URL, as another program
// would.
func Exec(t testing.TB, dbURL string, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		exec(t, dbURL, s)
	}
}

func exec(t testing.TB, dbURL, stmt string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// Query returns the first column of a query's first row.
func Query[T any](t testing.TB, dbURL, query string, args ...any) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var v T
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer c.Close(ctx)
	if err := c.QueryRow(ctx, query, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}
