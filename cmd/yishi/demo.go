package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type demoOptions struct {
	IO       *streams
	Scenario string
}

func newDemoCmd(io *streams) *cobra.Command {
	opts := &demoOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run a training day on the bundled scenario and sample roster",
		Args:  exactArgs(0, "no arguments"),
		RunE:  func(cmd *cobra.Command, args []string) error { return runDemo(opts) },
	}
	cmd.Flags().StringVar(&opts.Scenario, "scenario", scenarios.DefaultScenario, "bundled scenario id or scenario file to run")
	return cmd
}

func runDemo(opts *demoOptions) error {
	s, err := loadScenario(opts.IO, opts.Scenario)
	if err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(withoutConfidential(s))
	}
	out := opts.IO.Out
	fmt.Fprintf(out, "%s\n\n", opts.IO.paint(ansiBold, "yishi demo — step 1: the scenario"))
	if err := scenario.WriteSummary(out, s, scenario.SummaryOptions{}); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nvalidation: %s\n", opts.IO.paint(ansiGreen, "ok"))
	return nil
}
