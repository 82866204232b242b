package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ScoreChange is one field of one scoresheet as a reviewer's phone sends
// it, with the idempotency key the phone made for it.
type ScoreChange struct {
	Key      string
	Reviewer string
	Round    int
	Group    int
	// Field is "score:DIM" (Value a whole number as text, or "" to clear
	// the score), "evidence:DIM", "strengths" or "improvements" (lines
	// separated by newlines); DIM is a dimension of the rubric.
	Field, Value string
	At           time.Time
}

// The fields of a scoresheet other than a dimension's.
const (
	FieldStrengths    = "strengths"
	FieldImprovements = "improvements"
)

// Prefixes of a dimension's fields.
const (
	ScorePrefix    = "score:"
	EvidencePrefix = "evidence:"
)

// ApplyScores applies cs in one transaction, in order: a change whose Key
// was applied before for the same reviewer, in an earlier call or earlier
// in cs, is skipped (applied[i] is false), so that no change is applied
// twice; a change without a Key is always applied. A key is the
// reviewer's own: another reviewer's phone cannot spend it. The last change of a field wins. A
// Field of another form is refused with [ErrBadField], and a score that
// is not a whole number with [ErrBadScore]; then nothing is applied.
// Whether a score is within the rubric's levels is the caller's to check.
func (d *DB) ApplyScores(cs []ScoreChange) (applied []bool, err error) {
	for i, c := range cs {
		if err := checkField(c.Field, c.Value); err != nil {
			return nil, fmt.Errorf("score change %d (key %q, reviewer %s): %w", i+1, c.Key, c.Reviewer, err)
		}
	}
	err = d.write(func(tx *sql.Tx) error {
		applied = make([]bool, len(cs))
		for i, c := range cs {
			if c.Key != "" {
				res, err := tx.Exec(`INSERT INTO score_keys (reviewer, idem_key) VALUES (?, ?) ON CONFLICT DO NOTHING`, c.Reviewer, c.Key)
				if err != nil {
					return fmt.Errorf("store scores in %s: %w", d.path, err)
				}
				n, err := res.RowsAffected()
				if err != nil {
					return fmt.Errorf("store scores in %s: %w", d.path, err)
				}
				if n == 0 {
					continue // applied before
				}
			}
			if _, err := tx.Exec(`INSERT INTO sheet_fields (reviewer, round, grp, field, value, at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (reviewer, round, grp, field) DO UPDATE SET value = excluded.value, at = excluded.at`,
				c.Reviewer, c.Round, c.Group, c.Field, c.Value, millis(c.At)); err != nil {
				return fmt.Errorf("store scores in %s: %w", d.path, err)
			}
			applied[i] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return applied, nil
}

// checkField is nil if field is one of a scoresheet's and value fits it.
func checkField(field, value string) error {
	switch {
	case field == FieldStrengths, field == FieldImprovements:
		return nil
	case strings.HasPrefix(field, EvidencePrefix) && len(field) > len(EvidencePrefix):
		return nil
	case strings.HasPrefix(field, ScorePrefix) && len(field) > len(ScorePrefix):
		if value == "" {
			return nil
		}
		if _, err := strconv.Atoi(value); err != nil {
			return fmt.Errorf("%s %q: %w", field, value, ErrBadScore)
		}
		return nil
	}
	return fmt.Errorf("%q: %w: send score:DIM, evidence:DIM, strengths or improvements", field, ErrBadField)
}

// Sheet is one reviewer's scoresheet for one group, as the changes
// applied so far make it.
type Sheet struct {
	Reviewer     string
	Round, Group int
	// Scores are by dimension; a cleared score is absent.
	Scores map[string]int
	// Evidence is by dimension.
	Evidence     map[string]string
	Strengths    string
	Improvements string
	// Updated is the time of the latest change applied.
	Updated time.Time
}

// Sheets are the scoresheets of reviewer, or of every reviewer for "",
// ordered by reviewer, round and group. A sheet is there once any of its
// fields has been changed.
func (d *DB) Sheets(reviewer string) ([]Sheet, error) {
	q := `SELECT reviewer, round, grp, field, value, at FROM sheet_fields`
	var args []any
	if reviewer != "" {
		q += ` WHERE reviewer = ?`
		args = append(args, reviewer)
	}
	rows, err := d.r.Query(q+` ORDER BY reviewer, round, grp, field`, args...)
	if err != nil {
		return nil, fmt.Errorf("read scores in %s: %w", d.path, err)
	}
	defer rows.Close()
	var sheets []Sheet
	for rows.Next() {
		var who, field, value string
		var round, group int
		var at int64
		if err := rows.Scan(&who, &round, &group, &field, &value, &at); err != nil {
			return nil, fmt.Errorf("read scores in %s: %w", d.path, err)
		}
		n := len(sheets)
		if n == 0 || sheets[n-1].Reviewer != who || sheets[n-1].Round != round || sheets[n-1].Group != group {
			sheets = append(sheets, Sheet{Reviewer: who, Round: round, Group: group,
				Scores: map[string]int{}, Evidence: map[string]string{}})
			n++
		}
		s := &sheets[n-1]
		switch {
		case field == FieldStrengths:
			s.Strengths = value
		case field == FieldImprovements:
			s.Improvements = value
		case strings.HasPrefix(field, EvidencePrefix):
			s.Evidence[strings.TrimPrefix(field, EvidencePrefix)] = value
		case strings.HasPrefix(field, ScorePrefix) && value != "":
			v, err := strconv.Atoi(value)
			if err != nil {
				return nil, fmt.Errorf("read scores in %s: %s %q: %w", d.path, field, value, ErrBadScore)
			}
			s.Scores[strings.TrimPrefix(field, ScorePrefix)] = v
		}
		if t := fromMillis(at); t.After(s.Updated) {
			s.Updated = t
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read scores in %s: %w", d.path, err)
	}
	return sheets, nil
}
