package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Plan is the plan the room runs and the scenario it was made from.
type Plan struct {
	// Origin is the id of the plan the room was first opened with
	// (plan.Plan.ID()); ID is the id of the current plan, which is Origin
	// or an amendment of it made in the room during the day.
	Origin, ID string
	// Path is the plan's file the room was first opened with.
	Path string
	// PlanYAML is the current plan's file; ScenarioYAML the scenario's.
	PlanYAML, ScenarioYAML []byte
	// Created is when the room was first opened.
	Created time.Time
}

// Init stores the plan on the room's first run. On a later run it keeps
// the plan it holds, and returns nil if p is the same plan (p.ID is the
// stored Origin) or the amendment written during the day (p.ID is the
// stored ID), else [ErrOtherPlan]. An empty p.Origin is taken as p.ID.
func (d *DB) Init(p Plan) error {
	if p.Origin == "" {
		p.Origin = p.ID
	}
	return d.write(func(tx *sql.Tx) error {
		have, err := readPlan(tx.QueryRow(planQuery))
		if errors.Is(err, ErrNoPlan) {
			_, err := tx.Exec(`INSERT INTO plan (one, origin, id, path, plan_yaml, scenario_yaml, created)
				VALUES (1, ?, ?, ?, ?, ?, ?)`,
				p.Origin, p.ID, p.Path, nonNil(p.PlanYAML), nonNil(p.ScenarioYAML), millis(p.Created))
			if err != nil {
				return fmt.Errorf("store the plan in %s: %w", d.path, err)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the plan in %s: %w", d.path, err)
		}
		if have.Origin == p.ID || have.ID == p.ID {
			return nil
		}
		return fmt.Errorf("%w: %s holds plan %s (from %s), not plan %s; give another --db, or serve %s",
			ErrOtherPlan, d.path, have.ID, have.Path, p.ID, have.Path)
	})
}

// Plan is the plan the room runs, with any amendment made in the room;
// [ErrNoPlan] before [DB.Init].
func (d *DB) Plan() (Plan, error) {
	p, err := readPlan(d.r.QueryRow(planQuery))
	if errors.Is(err, ErrNoPlan) {
		return Plan{}, fmt.Errorf("%s: %w", d.path, err)
	}
	if err != nil {
		return Plan{}, fmt.Errorf("read the plan in %s: %w", d.path, err)
	}
	return p, nil
}

// SetPlan makes the plan of id, in planYAML, the current plan: an
// amendment made in the room. Origin, Path and the scenario are kept.
func (d *DB) SetPlan(id string, planYAML []byte) error {
	return d.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE plan SET id = ?, plan_yaml = ?`, id, nonNil(planYAML))
		if err != nil {
			return fmt.Errorf("store the amended plan in %s: %w", d.path, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("store the amended plan in %s: %w", d.path, ErrNoPlan)
		}
		return nil
	})
}

const planQuery = `SELECT origin, id, path, plan_yaml, scenario_yaml, created FROM plan WHERE one = 1`

// readPlan scans the row of planQuery; ErrNoPlan if there is none.
func readPlan(row *sql.Row) (Plan, error) {
	var p Plan
	var created int64
	err := row.Scan(&p.Origin, &p.ID, &p.Path, &p.PlanYAML, &p.ScenarioYAML, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Plan{}, ErrNoPlan
	}
	if err != nil {
		return Plan{}, err
	}
	p.Created = fromMillis(created)
	return p, nil
}

// nonNil is b, or an empty slice for nil, which a NOT NULL column takes.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// SetPlanFile makes the plan of id, read from the file at path, the
// current plan: an amendment made outside the room, with `yishi amend`,
// which names its inputs relative to its own file. Origin and the
// scenario are kept.
func (d *DB) SetPlanFile(id, path string, planYAML []byte) error {
	return d.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE plan SET id = ?, path = ?, plan_yaml = ?`, id, path, nonNil(planYAML))
		if err != nil {
			return fmt.Errorf("store the amended plan in %s: %w", d.path, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("store the amended plan in %s: %w", d.path, ErrNoPlan)
		}
		return nil
	})
}
