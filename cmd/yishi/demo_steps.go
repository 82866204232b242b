package main

import (
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/scenario"
)

// demoLaterSteps makes the files of the steps after assignment: cards,
// scoresheets and the report.
func demoLaterSteps(opts *demoOptions, s *scenario.Scenario, p *roles.Plan) ([]outFile, error) {
	return nil, nil
}

func printDemoLaterSteps(opts *demoOptions, step func(n int, title, command string)) {}
