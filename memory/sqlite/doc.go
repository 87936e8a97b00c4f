// Package sqlite is the translation memory kept in one SQLite file (by
// default .bitext/memory.db in the site root), on modernc.org/sqlite, a
// pure-Go build of SQLite. It is the only package that imports the driver.
//
// The schema is plain SQL, versioned with PRAGMA user_version and marked
// as bitext's with PRAGMA application_id. Open refuses, without writing a
// byte, a file that is not an SQLite database, is corrupt, belongs to
// another program, or has a newer schema than this build knows; a file of
// an older schema is migrated in one transaction.
//
// The file is in WAL mode: lookups run in parallel on reader connections
// while one writer connection takes the Puts in turn, and each Put is one
// transaction that is on disk before Put returns, so a run that is killed
// keeps every batch it was told had been stored.
package sqlite
