package postgres

// TrigramsOfHan reports whether the database makes trigrams of Chinese.
func (s *Store) TrigramsOfHan() bool { return s.trgm.han }

// Migrations is the schema's migrations, for a test to stop part-way.
var Migrations = migrations
