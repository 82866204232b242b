package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/yishi-council/yishi/review/live"
)

// Append adds es to the drill log in one transaction and returns them
// numbered: Seq from 1, increasing, never reused, and At as stored (to
// the millisecond, in UTC). With a non-empty idempotency key that was
// applied before, it adds nothing and returns the entries that key added
// the first time, with dup set.
func (d *DB) Append(key string, es []live.Entry) (out []live.Entry, dup bool, err error) {
	err = d.write(func(tx *sql.Tx) error {
		out, dup = nil, false
		if key != "" {
			var first, n int64
			err := tx.QueryRow(`SELECT first_seq, entries FROM log_keys WHERE idem_key = ?`, key).Scan(&first, &n)
			if err == nil {
				dup = true
				out, err = scanEntries(tx.Query(entryQuery+` WHERE seq >= ? AND seq < ? ORDER BY seq`, first, first+n))
				if err != nil {
					return fmt.Errorf("read the drill log in %s: %w", d.path, err)
				}
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("read the drill log in %s: %w", d.path, err)
			}
		}
		out = make([]live.Entry, len(es))
		for i, e := range es {
			e.At = stored(e.At)
			res, err := tx.Exec(`INSERT INTO log (at, round, grp, kind, phase, inject, member, text, made_by, auto)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				millis(e.At), e.Round, e.Group, string(e.Kind), e.Phase, e.Inject, e.Member, e.Text, e.By, e.Auto)
			if err != nil {
				return fmt.Errorf("add to the drill log in %s: %w", d.path, err)
			}
			if e.Seq, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("add to the drill log in %s: %w", d.path, err)
			}
			out[i] = e
		}
		if key != "" {
			// One writer at a time, so the entries of one call are
			// numbered one after another from the first.
			var first int64
			if len(out) > 0 {
				first = out[0].Seq
			}
			if _, err := tx.Exec(`INSERT INTO log_keys (idem_key, first_seq, entries) VALUES (?, ?, ?)`,
				key, first, len(out)); err != nil {
				return fmt.Errorf("add to the drill log in %s: %w", d.path, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return out, dup, nil
}

// Entries are the entries of the drill log with Seq after after, in Seq
// order: the whole log for 0.
func (d *DB) Entries(after int64) ([]live.Entry, error) {
	es, err := scanEntries(d.r.Query(entryQuery+` WHERE seq > ? ORDER BY seq`, after))
	if err != nil {
		return nil, fmt.Errorf("read the drill log in %s: %w", d.path, err)
	}
	return es, nil
}

// GroupEntries are the entries of the drill log of one group of one
// round, in Seq order.
func (d *DB) GroupEntries(round, group int) ([]live.Entry, error) {
	es, err := scanEntries(d.r.Query(entryQuery+` WHERE round = ? AND grp = ? ORDER BY seq`, round, group))
	if err != nil {
		return nil, fmt.Errorf("read the drill log in %s: %w", d.path, err)
	}
	return es, nil
}

const entryQuery = `SELECT seq, at, round, grp, kind, phase, inject, member, text, made_by, auto FROM log`

// scanEntries reads the rows of entryQuery.
func scanEntries(rows *sql.Rows, err error) ([]live.Entry, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var es []live.Entry
	for rows.Next() {
		var e live.Entry
		var at int64
		var kind string
		if err := rows.Scan(&e.Seq, &at, &e.Round, &e.Group, &kind, &e.Phase, &e.Inject, &e.Member, &e.Text, &e.By, &e.Auto); err != nil {
			return nil, err
		}
		e.At, e.Kind = fromMillis(at), live.Kind(kind)
		es = append(es, e)
	}
	return es, rows.Err()
}

// KeyApplied reports whether the idempotency key was applied to the log
// before, whether or not it added entries.
func (d *DB) KeyApplied(key string) (bool, error) {
	var n int
	err := d.r.QueryRow(`SELECT COUNT(*) FROM log_keys WHERE idem_key = ?`, key).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("read the drill log in %s: %w", d.path, err)
	}
	return n > 0, nil
}

// StartedGroups are the groups with any entry in the drill log, by round
// and group: those whose clock may run. The others have nothing to fold.
func (d *DB) StartedGroups() ([]GroupRef, error) {
	rows, err := d.r.Query(`SELECT DISTINCT round, grp FROM log ORDER BY round, grp`)
	if err != nil {
		return nil, fmt.Errorf("read the drill log in %s: %w", d.path, err)
	}
	defer rows.Close()
	var out []GroupRef
	for rows.Next() {
		var g GroupRef
		if err := rows.Scan(&g.Round, &g.Group); err != nil {
			return nil, fmt.Errorf("read the drill log in %s: %w", d.path, err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the drill log in %s: %w", d.path, err)
	}
	return out, nil
}
