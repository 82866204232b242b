// Package cohort is the cohort database: a SQLite file that keeps a
// cohort's training days across months, by trainee id — each day's plan,
// who sat in which group and played which role, and what each group
// scored — for `yishi history` to list and `yishi assign --history` to
// learn from.
//
// The file is SQLite as the room's database is (see the store package):
// WAL mode with synchronous=FULL, its schema versioned by PRAGMA
// user_version and migrated on [Open], and marked by a PRAGMA
// application_id of its own ([ApplicationID]), so that the room's
// drill.db, a text file, another program's SQLite file or a cohort
// database of a newer yishi is refused without being written to.
package cohort

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/sqlitefile"
	"github.com/yishi-council/yishi/review/history"
)

// ApplicationID is the PRAGMA application_id of a yishi cohort database:
// "yisc" in ASCII. The room's database has "yish".
const ApplicationID = 0x79697363

// roomApplicationID is the application_id of the room's database, told
// apart so that the message can say what the file is.
const roomApplicationID = 0x79697368

// The errors of the cohort database; test for them with [errors.Is].
var (
	// ErrNotCohort is returned by [Open] for a file that is not a cohort
	// database: not SQLite at all, or another program's SQLite file.
	ErrNotCohort = errors.New("not a yishi cohort database")
	// ErrRoomDB is returned by [Open] for the room's database (drill.db),
	// which is not a cohort database either.
	ErrRoomDB = errors.New("the room's database, not a cohort database")
	// ErrNewerSchema is returned by [Open] for a cohort database made by
	// a newer yishi than this one.
	ErrNewerSchema = errors.New("the cohort database was made by a newer yishi")
)

// DB is an open cohort database. It is meant for one command at a time:
// every statement goes through one connection.
type DB struct {
	path string
	db   *sql.DB
}

// Open opens the cohort database at path, creating it if it is missing (a
// file of zero bytes counts as missing), and migrates it to the current
// schema. A file that is not a cohort database is refused with
// [ErrNotCohort] or [ErrRoomDB], one made by a newer yishi with
// [ErrNewerSchema]; none is written to.
func Open(path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open the cohort database %s: %w", path, err)
	}
	st, err := sqlitefile.Probe(abs)
	switch {
	case errors.Is(err, sqlitefile.ErrFolder):
		return nil, fmt.Errorf("%s is a folder, %w", path, ErrNotCohort)
	case errors.Is(err, sqlitefile.ErrNotSQLite):
		return nil, fmt.Errorf("%s: %w", path, ErrNotCohort)
	case err != nil:
		return nil, fmt.Errorf("open the cohort database %s: %w", path, err)
	}
	if err := check(path, st); err != nil {
		return nil, err
	}
	db, err := sqlitefile.OpenWriter(abs)
	if err != nil {
		return nil, fmt.Errorf("open the cohort database %s: %w", path, err)
	}
	d := &DB{path: path, db: db}
	if err := d.migrate(len(migrations)); err != nil {
		_ = db.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the database. Every write returned from is already on disk.
func (d *DB) Close() error { return d.db.Close() }

// check refuses a file whose stamp is not that of a new file or of a
// cohort database this yishi knows.
func check(path string, st sqlitefile.Stamp) error {
	switch {
	case st.Empty():
		return nil // a new database
	case st.App == roomApplicationID:
		return fmt.Errorf("%s: %w", path, ErrRoomDB)
	case st.App != ApplicationID:
		return fmt.Errorf("%s: %w", path, ErrNotCohort)
	case st.Version > len(migrations):
		return fmt.Errorf("%s: %w (schema %d; this yishi knows up to %d)", path, ErrNewerSchema, st.Version, len(migrations))
	}
	return nil
}

// migrate brings the database to version to (of [migrations]) in one
// transaction, and marks it as a cohort database; the file is checked
// again under the write lock, since another yishi may have changed it
// since [Open] probed it.
func (d *DB) migrate(to int) error {
	return sqlitefile.Migrate(d.db, d.path, ApplicationID, migrations[:to], func(st sqlitefile.Stamp) error {
		return check(d.path, st)
	})
}

// write runs f in a write transaction, committing if f returns nil.
func (d *DB) write(f func(tx *sql.Tx) error) error { return sqlitefile.Write(d.db, d.path, f) }

// Name is the cohort's name, "" before the first day is recorded.
func (d *DB) Name() (string, error) {
	var name string
	err := d.db.QueryRow(`SELECT name FROM cohort`).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the cohort of %s: %w", d.path, err)
	}
	return name, nil
}

// Record keeps day in one transaction, replacing the day of the same plan
// if there is one (replaced is then true). name is the cohort's name,
// kept when the database has none yet and ignored after; at is when the
// day is recorded.
func (d *DB) Record(day history.Day, name string, at time.Time) (replaced bool, err error) {
	err = d.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO cohort (one, name) VALUES (1, ?) ON CONFLICT DO NOTHING`, name); err != nil {
			return fmt.Errorf("record the day in %s: %w", d.path, err)
		}
		res, err := tx.Exec(`DELETE FROM days WHERE plan = ?`, day.Plan)
		if err != nil {
			return fmt.Errorf("record the day in %s: %w", d.path, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("record the day in %s: %w", d.path, err)
		}
		replaced = n > 0
		if _, err := tx.Exec(`INSERT INTO days (plan, date, scenario, title, language, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
			day.Plan, day.Date, day.Scenario, day.Title, day.Language, at.UnixMilli()); err != nil {
			return fmt.Errorf("record the day in %s: %w", d.path, err)
		}
		for i, s := range day.Seats {
			if _, err := tx.Exec(`INSERT INTO seats (plan, seq, round, grp, trainee, name, unit, role, role_title, function)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				day.Plan, i, s.Round, s.Group, s.Trainee, s.Name, s.Unit, s.Role, s.RoleTitle, s.Function); err != nil {
				return fmt.Errorf("record the day in %s: %w", d.path, err)
			}
		}
		for i, s := range day.Scores {
			if _, err := tx.Exec(`INSERT INTO scores (plan, seq, round, grp, dimension, title, owner, mean, n)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				day.Plan, i, s.Round, s.Group, s.Dimension, s.Title, s.Owner, nullable(s.Mean), s.N); err != nil {
				return fmt.Errorf("record the day in %s: %w", d.path, err)
			}
		}
		for _, t := range day.Totals {
			if _, err := tx.Exec(`INSERT INTO totals (plan, round, grp, weighted) VALUES (?, ?, ?, ?)`,
				day.Plan, t.Round, t.Group, nullable(t.Weighted)); err != nil {
				return fmt.Errorf("record the day in %s: %w", d.path, err)
			}
		}
		return nil
	})
	return replaced, err
}

// nullable is v for SQL: NULL for nil.
func nullable(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// Days are every day kept, by date, then plan id, each with its seats,
// scores in the order they were recorded and its totals by round and
// group.
func (d *DB) Days() ([]history.Day, error) {
	tx, err := d.db.Begin()
	if err != nil {
		return nil, fmt.Errorf("read the days in %s: %w", d.path, err)
	}
	defer func() { _ = tx.Rollback() }()
	days, err := readDays(tx)
	if err != nil {
		return nil, fmt.Errorf("read the days in %s: %w", d.path, err)
	}
	return days, nil
}

// readDays reads every day in tx.
func readDays(tx *sql.Tx) ([]history.Day, error) {
	rows, err := tx.Query(`SELECT plan, date, scenario, title, language FROM days ORDER BY date, plan`)
	if err != nil {
		return nil, err
	}
	var days []history.Day
	at := map[string]int{}
	for rows.Next() {
		var day history.Day
		if err := rows.Scan(&day.Plan, &day.Date, &day.Scenario, &day.Title, &day.Language); err != nil {
			rows.Close()
			return nil, err
		}
		at[day.Plan] = len(days)
		days = append(days, day)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := each(tx, `SELECT plan, round, grp, trainee, name, unit, role, role_title, function FROM seats ORDER BY plan, seq`, func(rows *sql.Rows) error {
		var plan string
		var s history.Seat
		if err := rows.Scan(&plan, &s.Round, &s.Group, &s.Trainee, &s.Name, &s.Unit, &s.Role, &s.RoleTitle, &s.Function); err != nil {
			return err
		}
		days[at[plan]].Seats = append(days[at[plan]].Seats, s)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(tx, `SELECT plan, round, grp, dimension, title, owner, mean, n FROM scores ORDER BY plan, seq`, func(rows *sql.Rows) error {
		var plan string
		var s history.GroupScore
		var mean sql.NullFloat64
		if err := rows.Scan(&plan, &s.Round, &s.Group, &s.Dimension, &s.Title, &s.Owner, &mean, &s.N); err != nil {
			return err
		}
		s.Mean = pointer(mean)
		days[at[plan]].Scores = append(days[at[plan]].Scores, s)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(tx, `SELECT plan, round, grp, weighted FROM totals ORDER BY plan, round, grp`, func(rows *sql.Rows) error {
		var plan string
		var t history.GroupTotal
		var w sql.NullFloat64
		if err := rows.Scan(&plan, &t.Round, &t.Group, &w); err != nil {
			return err
		}
		t.Weighted = pointer(w)
		days[at[plan]].Totals = append(days[at[plan]].Totals, t)
		return nil
	}); err != nil {
		return nil, err
	}
	return days, nil
}

// each runs f on every row of query.
func each(tx *sql.Tx, query string, f func(*sql.Rows) error) error {
	rows, err := tx.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pointer is v as a pointer, nil for NULL.
func pointer(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}
