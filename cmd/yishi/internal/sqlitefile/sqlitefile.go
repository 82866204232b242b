// Package sqlitefile is what yishi's SQLite files share: the room's
// database and the cohort history alike are opened, told apart and
// migrated the same way. A file is marked as one of yishi's by PRAGMA
// application_id and versioned by PRAGMA user_version; it is read before
// anything is written to it, so that a file of another kind or another
// program is refused untouched; writes go through one connection in WAL
// mode with synchronous=FULL, so that a write returned from survives the
// process being killed.
package sqlitefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The errors of [Probe].
var (
	// ErrFolder is a path that names a folder.
	ErrFolder = errors.New("a folder, not a file")
	// ErrNotSQLite is a file that is not an SQLite database at all.
	ErrNotSQLite = errors.New("not an SQLite database")
)

// Stamp is what a file says it is: its application id, its schema
// version, and how many tables, indexes and the like it holds.
type Stamp struct {
	App, Version, Objects int
}

// Empty reports whether the stamp is of a new file, with nothing in it.
func (s Stamp) Empty() bool { return s.App == 0 && s.Version == 0 && s.Objects == 0 }

// DSN is the data source name of the file at abs, with the pragmas every
// connection needs and extra. It is a file: URI, so that SQLite reads
// mode=ro, its path escaped where a URI would read it otherwise.
func DSN(abs string, extra ...string) string {
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	q := append([]string{"_pragma=busy_timeout(5000)", "_pragma=foreign_keys(1)"}, extra...)
	return "file:" + p + "?" + strings.Join(q, "&")
}

// Probe reads, writing nothing, the stamp of the file at abs; a missing
// or empty file has an empty stamp. It fails with [ErrFolder] for a
// folder and [ErrNotSQLite] for a file that is not a database.
func Probe(abs string) (Stamp, error) {
	fi, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return Stamp{}, nil
	}
	if err != nil {
		return Stamp{}, err
	}
	if fi.IsDir() {
		return Stamp{}, ErrFolder
	}
	if fi.Size() == 0 {
		return Stamp{}, nil
	}
	// Without a write-ahead log beside it, the file holds all there is,
	// and SQLite reads it as immutable: no lock, no -shm or -wal made
	// beside another program's file. With one, another yishi may be
	// writing, and SQLite reads the log too.
	mode := []string{"mode=ro"}
	if wal, err := os.Stat(abs + "-wal"); err != nil || wal.Size() == 0 {
		mode = append(mode, "immutable=1")
	}
	db, err := sql.Open("sqlite", DSN(abs, mode...))
	if err != nil {
		return Stamp{}, err
	}
	defer db.Close()
	s, err := stampOf(db.QueryRow)
	if Primary(err) == sqlite3.SQLITE_NOTADB {
		return Stamp{}, ErrNotSQLite
	}
	return s, err
}

// stampOf reads the stamp with query.
func stampOf(query func(string, ...any) *sql.Row) (Stamp, error) {
	var s Stamp
	err := query(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&s.App, &s.Version, &s.Objects)
	return s, err
}

// OpenWriter opens the one connection that writes to the file at abs: in
// WAL mode, synchronous=FULL, each transaction taking the write lock when
// it begins.
func OpenWriter(abs string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", DSN(abs, "_txlock=immediate",
		"_pragma=journal_mode(WAL)", "_pragma=synchronous(FULL)"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Write runs f in a write transaction on db, committing if f returns nil;
// path names the file in errors.
func Write(db *sql.DB, path string, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return fmt.Errorf("write to %s: %w", path, err)
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write to %s: %w", path, err)
	}
	return nil
}

// Migrate brings the file to schema version len(migrations) in one
// transaction, running the migrations it lacks in order, and marks it
// with app. check is called first, under the write lock, with the
// file's stamp: another yishi may have changed the file since it was
// probed, and check refuses what the kind of file does not accept.
func Migrate(db *sql.DB, path string, app int, migrations []string, check func(Stamp) error) error {
	return Write(db, path, func(tx *sql.Tx) error {
		s, err := stampOf(tx.QueryRow)
		if err != nil {
			return fmt.Errorf("read the schema of %s: %w", path, err)
		}
		if err := check(s); err != nil {
			return err
		}
		to := len(migrations)
		if s.Version >= to {
			return nil
		}
		for i := s.Version; i < to; i++ {
			if _, err := tx.Exec(migrations[i]); err != nil {
				return fmt.Errorf("migrate %s to schema %d: %w", path, i+1, err)
			}
		}
		// Pragmas take no parameters; both values are numbers of ours.
		if _, err := tx.Exec("PRAGMA application_id = " + strconv.Itoa(app)); err != nil {
			return fmt.Errorf("migrate %s: %w", path, err)
		}
		if _, err := tx.Exec("PRAGMA user_version = " + strconv.Itoa(to)); err != nil {
			return fmt.Errorf("migrate %s: %w", path, err)
		}
		return nil
	})
}

// Code is the SQLite result code of err, or 0.
func Code(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// Primary is the primary result code of err: SQLITE_CONSTRAINT for any
// constraint failed.
func Primary(err error) int { return Code(err) & 0xff }
