// Package store is the room's SQLite database: everything `yishi serve`
// keeps while the drill runs — the plan and its scenario, the people and
// their links, the drill log, the reviewers' scoresheets, the room's
// settings and the server's heartbeat — so that a room restarted with the
// same file continues where it stopped.
//
// The file is SQLite in WAL mode with synchronous=FULL: a write that a
// method has returned from survives the process being killed and the
// laptop losing power. The schema is versioned by PRAGMA user_version and
// migrated on [Open]; the file is marked as yishi's by PRAGMA
// application_id, and a file that is not yishi's is refused without being
// written to.
//
// A [DB] is safe for use from many goroutines. Writes go through one
// connection, one transaction at a time, so the log's numbering and the
// idempotency keys need no further locking; reads use a small pool of
// their own and never wait for a write.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ApplicationID is the PRAGMA application_id of a yishi room database:
// "yish" in ASCII.
const ApplicationID = 0x79697368

// The errors of the store. Each is returned wrapped with the file or the
// record it is about; test for them with [errors.Is].
var (
	// ErrNotYishi is returned by [Open] for a file that is not a yishi
	// room database: not SQLite at all, or another program's SQLite file.
	ErrNotYishi = errors.New("not a yishi room database")
	// ErrNewerSchema is returned by [Open] for a room database made by a
	// newer yishi than this one.
	ErrNewerSchema = errors.New("the room database was made by a newer yishi")
	// ErrOtherPlan is returned by [DB.Init] when the database holds
	// another plan than the one the room was started with.
	ErrOtherPlan = errors.New("the room database belongs to another plan")
	// ErrNoPlan is returned when the database holds no plan yet.
	ErrNoPlan = errors.New("the room database holds no plan yet")
	// ErrNoPerson is returned for a person the database does not hold.
	ErrNoPerson = errors.New("no such person in the room")
	// ErrBadKind is returned for a person whose kind is not trainer,
	// trainee or reviewer.
	ErrBadKind = errors.New("a person is a trainer, a trainee or a reviewer")
	// ErrTaken is returned when a token or short code is already another
	// person's.
	ErrTaken = errors.New("the token or short code is already in use")
	// ErrBadField is returned by [DB.ApplyScores] for a field that is not
	// one of a scoresheet's.
	ErrBadField = errors.New("not a field of a scoresheet")
	// ErrBadScore is returned by [DB.ApplyScores] for a score that is not
	// a whole number.
	ErrBadScore = errors.New("a score is a whole number")
)

// DB is an open room database.
type DB struct {
	path string
	// w is the one connection that writes; r the pool that reads.
	w, r *sql.DB
}

// Open opens the room database at path, creating it if it is missing (a
// file of zero bytes counts as missing), and migrates it to the current
// schema. A file that is not a yishi room database is refused with
// [ErrNotYishi], and one made by a newer yishi with [ErrNewerSchema];
// neither is written to.
func Open(path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open the room database %s: %w", path, err)
	}
	if err := probe(path, abs); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(abs, "_txlock=immediate",
		"_pragma=journal_mode(WAL)", "_pragma=synchronous(FULL)"))
	if err != nil {
		return nil, fmt.Errorf("open the room database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	d := &DB{path: path, w: w}
	if err := d.migrate(len(migrations)); err != nil {
		_ = w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(abs, "_query_only=1"))
	if err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("open the room database %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	r.SetConnMaxLifetime(0)
	r.SetConnMaxIdleTime(0)
	d.r = r
	return d, nil
}

// readers is how many connections read at once: enough for a room's pages
// on a laptop of two cores.
const readers = 4

// Close closes the database. Every write returned from is already on disk.
func (d *DB) Close() error {
	return errors.Join(d.r.Close(), d.w.Close())
}

// dsn is the data source name of the file at abs with the pragmas every
// connection needs and extra.
func dsn(abs string, extra ...string) string {
	// A file: URI, so that SQLite reads mode=ro; its path escaped where
	// a URI would read it otherwise.
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	q := append([]string{"_pragma=busy_timeout(5000)", "_pragma=foreign_keys(1)"}, extra...)
	return "file:" + p + "?" + strings.Join(q, "&")
}

// probe checks, reading only, that the file at path is missing, new, or a
// yishi room database this yishi can migrate.
func probe(path, abs string) error {
	fi, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open the room database %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder, %w: give --db a file", path, ErrNotYishi)
	}
	// Without a write-ahead log beside it, the file holds all there is,
	// and SQLite reads it as immutable: no lock, no -shm or -wal made
	// beside another program's file. With one, another yishi may be
	// writing, and SQLite reads the log too.
	mode := []string{"mode=ro"}
	if wal, err := os.Stat(abs + "-wal"); err != nil || wal.Size() == 0 {
		mode = append(mode, "immutable=1")
	}
	db, err := sql.Open("sqlite", dsn(abs, mode...))
	if err != nil {
		return fmt.Errorf("open the room database %s: %w", path, err)
	}
	defer db.Close()
	var app, version, tables int
	err = db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&app, &version, &tables)
	if primary(err) == sqlite3.SQLITE_NOTADB {
		return fmt.Errorf("%s is %w: give --db a new file name, or the room's own database", path, ErrNotYishi)
	}
	if err != nil {
		return fmt.Errorf("open the room database %s: %w", path, err)
	}
	switch {
	case app == 0 && version == 0 && tables == 0:
		return nil // a new database, empty
	case app != ApplicationID:
		return fmt.Errorf("%s is %w: give --db a new file name, or the room's own database", path, ErrNotYishi)
	case version > len(migrations):
		return fmt.Errorf("%s: %w (schema %d; this yishi knows up to %d): update yishi, or give another --db", path, ErrNewerSchema, version, len(migrations))
	}
	return nil
}

// code is the SQLite result code of err, or 0.
func code(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// primary is the primary result code of err: SQLITE_CONSTRAINT for any
// constraint failed.
func primary(err error) int { return code(err) & 0xff }

// migrate brings the database to version to (of [migrations]) in one
// transaction, and marks it as yishi's.
func (d *DB) migrate(to int) error {
	return d.write(func(tx *sql.Tx) error {
		var app, version int
		if err := tx.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
			(SELECT user_version FROM pragma_user_version)`).Scan(&app, &version); err != nil {
			return fmt.Errorf("read the schema of %s: %w", d.path, err)
		}
		// Checked again under the write lock: another yishi may have
		// changed the file since the probe.
		if app != ApplicationID && (app != 0 || version != 0) {
			return fmt.Errorf("%s is %w: give --db a new file name, or the room's own database", d.path, ErrNotYishi)
		}
		if version > len(migrations) {
			return fmt.Errorf("%s: %w (schema %d; this yishi knows up to %d): update yishi, or give another --db", d.path, ErrNewerSchema, version, len(migrations))
		}
		if version >= to {
			return nil
		}
		for i := version; i < to; i++ {
			if _, err := tx.Exec(migrations[i]); err != nil {
				return fmt.Errorf("migrate %s to schema %d: %w", d.path, i+1, err)
			}
		}
		// Pragmas take no parameters; both values are numbers of ours.
		if _, err := tx.Exec("PRAGMA application_id = " + strconv.Itoa(ApplicationID)); err != nil {
			return fmt.Errorf("migrate %s: %w", d.path, err)
		}
		if _, err := tx.Exec("PRAGMA user_version = " + strconv.Itoa(to)); err != nil {
			return fmt.Errorf("migrate %s: %w", d.path, err)
		}
		return nil
	})
}

// write runs f in a write transaction, committing if f returns nil.
func (d *DB) write(f func(tx *sql.Tx) error) error {
	tx, err := d.w.BeginTx(context.Background(), nil)
	if err != nil {
		return fmt.Errorf("write to %s: %w", d.path, err)
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write to %s: %w", d.path, err)
	}
	return nil
}

// millis is t as stored: Unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis is a stored time, in UTC.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// stored is t as it reads back from the database.
func stored(t time.Time) time.Time { return fromMillis(millis(t)) }
