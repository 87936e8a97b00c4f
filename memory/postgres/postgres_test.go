package postgres_test

import (
	"context"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
)

func open(t *testing.T, url string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	pgtest.Server(t)
	memorytest.Run(t, func(t *testing.T) memory.Store { return open(t, pgtest.URL(t)) })
}

func TestFuzzy(t *testing.T) {
	pgtest.Server(t)
	memorytest.RunFuzzy(t, func(t *testing.T) memory.Store { return open(t, pgtest.URL(t)) })
}
