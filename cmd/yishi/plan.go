package main

import (
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// loadPlan reads a plan and its scenario with [plan.Load], printing the
// problems; cards and scoresheets must match the roles the plan gave out.
func loadPlan(io *streams, path string) (*plan.Plan, *scenario.Scenario, error) {
	p, s, diags := plan.Load(path)
	printDiagnostics(io, diags)
	if err := diags.Err(); err != nil {
		return nil, nil, &reportedError{err: err}
	}
	return p, s, nil
}
