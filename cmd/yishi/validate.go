package main

import (
	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type validateOptions struct {
	IO    *streams
	Files []string
	// Plan is the plan drill logs are checked against: their round and
	// group, members, phases and injects. Without it a log is checked
	// alone.
	Plan string
	// Lint adds the lint's warnings to each valid scenario's.
	Lint bool
}

// validateResult is one file's outcome in `validate --output json`.
type validateResult struct {
	File        string               `json:"file"`
	Kind        string               `json:"kind"`
	Valid       bool                 `json:"valid"`
	Diagnostics scenario.Diagnostics `json:"diagnostics"`
}

func newValidateCmd(f *factory) *cobra.Command {
	opts := &validateOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "validate FILE... [--plan PLAN]",
		Short: "Check scenario, rubric and drill log files and list every problem with file:line:col",
		Long: `Check scenario, rubric and drill log files. Every problem in every file is
listed at once as file:line:col: message, errors apart from warnings. A file
is a rubric when it says kind: rubric, a drill log when it says kind:
drill-log (or is a CSV whose header names at and kind); otherwise it is read
as a scenario. With --plan, drill logs are checked against the plan and its
scenario too: the round and group, who was in it, the phases and injects.

With --lint, each valid scenario is also checked for what makes a drill
fall flat: a rubric dimension nothing exercises, a role with nothing to do,
confidential briefs with nothing to trade or bottom lines that cannot meet
or that a public fact rules out, an inject where its role cannot act, no
summing-up or read-back, a method's steps missing, a card too long to
print. Each warning ends with its check in brackets; a scenario accepts one
with an entry under lint.ignore that gives the reason.

Exit code 1 when any file has an error; warnings alone exit 0.`,
		Example: "  yishi validate my-scenario.yaml\n  yishi validate --lint my-scenario.yaml\n  yishi validate scenarios/*.yaml --output json\n  yishi validate round-1-group-2.yaml --plan plan.yaml",
		Args:    minArgs(1, "one or more files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runValidate(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Plan, "plan", "", "check drill logs against this plan and its scenario")
	cmd.Flags().BoolVar(&opts.Lint, "lint", false, "also warn of what makes a drill fall flat: passengers, briefs with nothing to trade, misplaced injects, missing method steps, cards too long")
	return cmd
}

// validateLog checks one drill log, against p and s when they are given.
func validateLog(file string, p *plan.Plan, s *scenario.Scenario) validateResult {
	res := validateResult{File: file, Kind: drilllog.Kind}
	data, err := scenario.ReadFile(file)
	if err != nil {
		res.Diagnostics = scenario.Diagnostics{{Pos: scenario.Pos{File: file}, Severity: scenario.SeverityError, Message: err.Error()}}
		return res
	}
	l, diags := drilllog.Parse(file, data)
	if l != nil {
		diags = append(diags, drilllog.Check(l, p, s)...)
	}
	diags.Sort()
	res.Diagnostics, res.Valid = diags, !diags.HasErrors()
	if res.Diagnostics == nil {
		res.Diagnostics = scenario.Diagnostics{}
	}
	return res
}

func validateFile(file string, lint bool) validateResult {
	res := validateResult{File: file}
	var s *scenario.Scenario
	res.Kind, s, res.Diagnostics = scenarios.ParseFile(file)
	if lint && s != nil && !res.Diagnostics.HasErrors() {
		res.Diagnostics = append(res.Diagnostics, cards.Lint(s)...)
		res.Diagnostics.Sort()
	}
	res.Valid = !res.Diagnostics.HasErrors()
	if res.Diagnostics == nil {
		res.Diagnostics = scenario.Diagnostics{}
	}
	return res
}

func runValidate(opts *validateOptions) error {
	var (
		p *plan.Plan
		s *scenario.Scenario
	)
	if opts.Plan != "" {
		var err error
		if p, s, err = loadPlan(opts.IO, opts.Plan); err != nil {
			return err
		}
	}
	var results []validateResult
	failed := 0
	for _, f := range opts.Files {
		var r validateResult
		if data, err := scenario.ReadFile(f); err == nil && drilllog.Detect(data) {
			r = validateLog(f, p, s)
		} else {
			r = validateFile(f, opts.Lint)
		}
		results = append(results, r)
		if !r.Valid {
			failed++
		}
	}
	if opts.IO.JSON() {
		if err := opts.IO.printJSON(results); err != nil {
			return err
		}
	} else {
		for _, r := range results {
			printDiagnostics(opts.IO, r.Diagnostics)
			errs, warns := len(r.Diagnostics.Errors()), len(r.Diagnostics.Warnings())
			status := opts.IO.paintOut(ansiGreen, "ok")
			if !r.Valid {
				status = opts.IO.paintOut(ansiRed, "invalid")
			}
			opts.IO.printf("%s: %s %s (%s, %s)\n", r.File, status, kindWord(r.Kind), scenario.Plural(errs, "%d error", "%d errors"),
				scenario.Plural(warns, "%d warning", "%d warnings"))
		}
	}
	if failed > 0 {
		return &reportedError{err: messages.Errorf("%w: %d of %d files have errors", scenario.ErrInvalid, failed, len(results))}
	}
	return nil
}

// printDiagnostics writes diagnostics one per line on stderr. A lint
// warning ends with its check in brackets, which a lint.ignore entry names.
func printDiagnostics(io *streams, diags scenario.Diagnostics) {
	for _, d := range diags {
		if d.Severity == scenario.SeverityWarning && d.Check != "" {
			io.eprintf("%s: %s%s [%s]\n", d.Pos, io.paint(ansiYellow, "warning: "), trusted(terminalSafe(io.P.Diagnostic(d))), d.Check)
		} else if d.Severity == scenario.SeverityWarning {
			io.eprintf("%s: %s%s\n", d.Pos, io.paint(ansiYellow, "warning: "), trusted(terminalSafe(io.P.Diagnostic(d))))
		} else {
			io.eprintf("%s: %s\n", d.Pos, trusted(terminalSafe(io.P.Diagnostic(d))))
		}
	}
}

// kindWord is the kind of file validate read, in words.
func kindWord(kind string) scenario.Message {
	switch kind {
	case scenario.KindRubric:
		return scenario.Msg("rubric")
	case scenario.KindScenario:
		return scenario.Msg("scenario")
	case drilllog.Kind:
		return scenario.Msg("drill log")
	}
	return scenario.Msg("%s", kind)
}
