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
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/sqlitefile"
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
	w, err := sqlitefile.OpenWriter(abs)
	if err != nil {
		return nil, fmt.Errorf("open the room database %s: %w", path, err)
	}
	d := &DB{path: path, w: w}
	if err := d.migrate(len(migrations)); err != nil {
		_ = w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", sqlitefile.DSN(abs, "_query_only=1"))
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

// probe checks, reading only, that the file at path is missing, new, or a
// yishi room database this yishi can migrate.
func probe(path, abs string) error {
	st, err := sqlitefile.Probe(abs)
	switch {
	case errors.Is(err, sqlitefile.ErrFolder):
		return fmt.Errorf("%s is a folder, %w: give --db a file", path, ErrNotYishi)
	case errors.Is(err, sqlitefile.ErrNotSQLite):
		return fmt.Errorf("%s is %w: give --db a new file name, or the room's own database", path, ErrNotYishi)
	case err != nil:
		return fmt.Errorf("open the room database %s: %w", path, err)
	}
	return check(path, st)
}

// check refuses a file whose stamp is not that of a new file or of a room
// database this yishi knows.
func check(path string, st sqlitefile.Stamp) error {
	switch {
	case st.Empty():
		return nil // a new database
	case st.App != ApplicationID:
		return fmt.Errorf("%s is %w: give --db a new file name, or the room's own database", path, ErrNotYishi)
	case st.Version > len(migrations):
		return fmt.Errorf("%s: %w (schema %d; this yishi knows up to %d): update yishi, or give another --db", path, ErrNewerSchema, st.Version, len(migrations))
	}
	return nil
}

// primary is the primary result code of err: SQLITE_CONSTRAINT for any
// constraint failed.
func primary(err error) int { return sqlitefile.Primary(err) }

// migrate brings the database to version to (of [migrations]) in one
// transaction, and marks it as yishi's.
func (d *DB) migrate(to int) error {
	return sqlitefile.Migrate(d.w, d.path, ApplicationID, migrations[:to], func(st sqlitefile.Stamp) error {
		// Under the write lock the stamp is checked again, in case
		// another yishi changed the file since the probe; objects in an
		// unstamped file were refused by the probe, which alone counts
		// them.
		if st.App == 0 && st.Version == 0 {
			st.Objects = 0
		}
		return check(d.path, st)
	})
}

// write runs f in a write transaction, committing if f returns nil.
func (d *DB) write(f func(tx *sql.Tx) error) error { return sqlitefile.Write(d.w, d.path, f) }

// millis is t as stored: Unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis is a stored time, in UTC.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// stored is t as it reads back from the database.
func stored(t time.Time) time.Time { return fromMillis(millis(t)) }
