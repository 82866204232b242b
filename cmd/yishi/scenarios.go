package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

func newScenariosCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "scenarios",
		Aliases: []string{"scenario"},
		Short:   "List, show and export the bundled scenario library",
		Args:    exactArgs(0, "a subcommand: list, show or export"),
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newScenariosListCmd(f), newScenariosShowCmd(f), newScenariosExportCmd(f))
	return cmd
}

// loadScenario loads a scenario by bundled id or by file path, printing its
// warnings, and fails with the diagnostics when it has errors.
func loadScenario(io *streams, ref string) (*scenario.Scenario, error) {
	s, _, err := loadScenarioSource(io, ref)
	return s, err
}

// loadScenarioSource is loadScenario that also returns the scenario's bytes
// and origin, which plans record.
func loadScenarioSource(io *streams, ref string) (*scenario.Scenario, scenarios.Source, error) {
	s, src, diags := scenarios.Open(ref)
	printDiagnostics(io, diags)
	if err := diags.Err(); err != nil {
		return nil, src, &reportedError{err: err}
	}
	return s, src, nil
}

// writeSummary writes [scenario.WriteSummary] on Out, shown safely: a
// scenario's text is the user's.
func writeSummary(io *streams, s *scenario.Scenario, opts scenario.SummaryOptions) error {
	var b strings.Builder
	if err := scenario.WriteSummary(&b, s, opts); err != nil {
		return err
	}
	io.printf("%s", b.String())
	return nil
}
