package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"

	sqlite3 "modernc.org/sqlite/lib"
)

// The kinds of person in the room.
const (
	KindTrainer  = "trainer"
	KindTrainee  = "trainee"
	KindReviewer = "reviewer"
)

// Person is someone with a link to the room.
type Person struct {
	// Kind is [KindTrainer], [KindTrainee] or [KindReviewer]; ID is the
	// trainee's id on the roster, or the reviewer's or trainer's id.
	Kind, ID, Name string
	// Token is the secret in the person's link; Code the 6-character short
	// code typed where a camera fails. The room makes both.
	Token, Code string
	// Groups are a reviewer's groups; none means every group.
	Groups []GroupRef
	// Revoked is set when the trainer has revoked the link and not
	// reissued it: neither Token nor Code opens the room.
	Revoked bool
}

// GroupRef is one group of one round.
type GroupRef struct {
	Round, Group int
}

// People are everyone in the room, in a stable order: the trainer, the
// reviewers by name, the trainees by id.
func (d *DB) People() ([]Person, error) {
	// One read transaction, so that the groups are those of the people.
	tx, err := d.r.Begin()
	if err != nil {
		return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
	}
	defer func() { _ = tx.Rollback() }()
	rows, err := tx.Query(`SELECT kind, id, name, token, code, revoked FROM people
		ORDER BY CASE kind WHEN 'trainer' THEN 0 WHEN 'reviewer' THEN 1 ELSE 2 END,
			CASE kind WHEN 'reviewer' THEN name ELSE id END, id`)
	if err != nil {
		return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
	}
	defer rows.Close()
	var ps []Person
	at := map[[2]string]int{}
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.Kind, &p.ID, &p.Name, &p.Token, &p.Code, &p.Revoked); err != nil {
			return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
		}
		at[[2]string{p.Kind, p.ID}] = len(ps)
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
	}
	groups, err := tx.Query(`SELECT kind, id, round, grp FROM reviewer_groups ORDER BY kind, id, round, grp`)
	if err != nil {
		return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
	}
	defer groups.Close()
	for groups.Next() {
		var kind, id string
		var g GroupRef
		if err := groups.Scan(&kind, &id, &g.Round, &g.Group); err != nil {
			return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
		}
		if i, ok := at[[2]string{kind, id}]; ok {
			ps[i].Groups = append(ps[i].Groups, g)
		}
	}
	if err := groups.Err(); err != nil {
		return nil, fmt.Errorf("read the people in %s: %w", d.path, err)
	}
	return ps, nil
}

// Person is the person of kind and id, or [ErrNoPerson].
func (d *DB) Person(kind, id string) (Person, error) {
	p := Person{Kind: kind, ID: id}
	err := d.r.QueryRow(`SELECT name, token, code, revoked FROM people WHERE kind = ? AND id = ?`, kind, id).
		Scan(&p.Name, &p.Token, &p.Code, &p.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return Person{}, fmt.Errorf("%s %s: %w", kind, id, ErrNoPerson)
	}
	if err != nil {
		return Person{}, fmt.Errorf("read %s %s in %s: %w", kind, id, d.path, err)
	}
	rows, err := d.r.Query(`SELECT round, grp FROM reviewer_groups WHERE kind = ? AND id = ? ORDER BY round, grp`, kind, id)
	if err != nil {
		return Person{}, fmt.Errorf("read %s %s in %s: %w", kind, id, d.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var g GroupRef
		if err := rows.Scan(&g.Round, &g.Group); err != nil {
			return Person{}, fmt.Errorf("read %s %s in %s: %w", kind, id, d.path, err)
		}
		p.Groups = append(p.Groups, g)
	}
	if err := rows.Err(); err != nil {
		return Person{}, fmt.Errorf("read %s %s in %s: %w", kind, id, d.path, err)
	}
	return p, nil
}

// AddPeople adds ps in one transaction. A person already there (the same
// Kind and ID) is left as they are, token, code and groups, so that links
// survive restarts. A token or code that is another person's is refused
// with [ErrTaken], and nobody is added.
func (d *DB) AddPeople(ps []Person) error {
	for _, p := range ps {
		if !validKind(p.Kind) {
			return fmt.Errorf("person %s (%q): %w", p.ID, p.Kind, ErrBadKind)
		}
	}
	return d.write(func(tx *sql.Tx) error {
		for _, p := range ps {
			res, err := tx.Exec(`INSERT INTO people (kind, id, name, token, code) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (kind, id) DO NOTHING`, p.Kind, p.ID, p.Name, p.Token, p.Code)
			if primary(err) == sqlite3.SQLITE_CONSTRAINT {
				return fmt.Errorf("%s %s: %w: make another", p.Kind, p.ID, ErrTaken)
			}
			if err != nil {
				return fmt.Errorf("add %s %s to %s: %w", p.Kind, p.ID, d.path, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				continue // already there
			}
			groups := append([]GroupRef(nil), p.Groups...)
			sort.Slice(groups, func(i, j int) bool {
				if groups[i].Round != groups[j].Round {
					return groups[i].Round < groups[j].Round
				}
				return groups[i].Group < groups[j].Group
			})
			for _, g := range groups {
				if _, err := tx.Exec(`INSERT INTO reviewer_groups (kind, id, round, grp) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING`, p.Kind, p.ID, g.Round, g.Group); err != nil {
					return fmt.Errorf("add %s %s to %s: %w", p.Kind, p.ID, d.path, err)
				}
			}
		}
		return nil
	})
}

// Reissue gives the person of kind and id a new token and code; the old
// ones stop working, and a revoked link works again with the new ones.
func (d *DB) Reissue(kind, id, token, code string) error {
	return d.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE people SET token = ?, code = ?, revoked = 0 WHERE kind = ? AND id = ?`,
			token, code, kind, id)
		if primary(err) == sqlite3.SQLITE_CONSTRAINT {
			return fmt.Errorf("%s %s: %w: make another", kind, id, ErrTaken)
		}
		if err != nil {
			return fmt.Errorf("reissue the link of %s %s in %s: %w", kind, id, d.path, err)
		}
		return mustHaveOne(res, kind, id)
	})
}

// Revoke stops the link of the person of kind and id from working until
// it is reissued.
func (d *DB) Revoke(kind, id string) error {
	return d.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE people SET revoked = 1 WHERE kind = ? AND id = ?`, kind, id)
		if err != nil {
			return fmt.Errorf("revoke the link of %s %s in %s: %w", kind, id, d.path, err)
		}
		return mustHaveOne(res, kind, id)
	})
}

// mustHaveOne is ErrNoPerson unless res changed a row.
func mustHaveOne(res sql.Result, kind, id string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %s: %w", kind, id, ErrNoPerson)
	}
	return nil
}

func validKind(kind string) bool {
	return kind == KindTrainer || kind == KindTrainee || kind == KindReviewer
}
