package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// loadPlan reads a plan and the scenario it was made from, and checks that
// the scenario has not changed since: cards and scoresheets must match the
// roles the plan gave out.
func loadPlan(io *streams, path string) (*roles.Plan, *scenario.Scenario, error) {
	plan, diags := roles.LoadPlan(path)
	printDiagnostics(io, diags)
	if err := diags.Err(); err != nil {
		return nil, nil, &reportedError{err: err}
	}
	var (
		data []byte
		name string
		err  error
	)
	if plan.Scenario.Source == "bundled" {
		data, name, err = scenarios.Source(plan.Scenario.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", scenario.ErrInvalid, path, err)
		}
	} else {
		name = plan.Scenario.Source
		if !filepath.IsAbs(name) {
			// The plan stores the scenario's path relative to itself.
			if p := filepath.Join(filepath.Dir(path), name); fileExists(p) {
				name = p
			}
		}
		data, err = scenario.ReadFile(name)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: the plan's scenario %s cannot be read: %s", scenario.ErrInvalid, path, name, cleanFileError(err, name))
		}
	}
	s, sdiags := scenario.ParseScenario(name, data, scenarios.Rubric)
	printDiagnostics(io, sdiags.Errors())
	if err := sdiags.Err(); err != nil {
		return nil, nil, &reportedError{err: err}
	}
	if err := plan.CheckScenario(s, data); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	rdiags := plan.CheckRoles(s)
	printDiagnostics(io, rdiags)
	if err := rdiags.Err(); err != nil {
		return nil, nil, &reportedError{err: err}
	}
	return plan, s, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
