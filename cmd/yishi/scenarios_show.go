package main

import (
	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenario"
)

type scenariosShowOptions struct {
	IO           *streams
	Ref          string
	Confidential bool
}

func newScenariosShowCmd(f *factory) *cobra.Command {
	opts := &scenariosShowOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Show a readable summary of a scenario",
		Long: `Show a readable summary of a bundled scenario (by id) or of a scenario file:
the issue, public facts, agenda with times, roles and injects. Confidential
briefs, the roles' bottom lines and the trainer's notes (the zone of
agreement, a possible agreement, tips) are left out unless --confidential
is given.`,
		Example: "  yishi scenarios show elevator-retrofit\n  yishi scenarios show my.yaml --confidential",
		Args:    exactArgs(1, "one scenario id or file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = args[0]
			return runScenariosShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Confidential, "confidential", false, "include every role's confidential brief and bottom lines, and the trainer's notes (trainer only)")
	return cmd
}

func runScenariosShow(opts *scenariosShowOptions) error {
	s, err := loadScenario(opts.IO, opts.Ref)
	if err != nil {
		return err
	}
	if opts.IO.JSON() {
		if !opts.Confidential {
			s = s.WithoutConfidential()
		}
		return opts.IO.printJSON(s)
	}
	return writeSummary(opts.IO, s, scenario.SummaryOptions{Confidential: opts.Confidential})
}
