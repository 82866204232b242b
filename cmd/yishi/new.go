package main

import "github.com/spf13/cobra"

func newNewCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new file from a commented template",
		Args:  exactArgs(0, "a subcommand: scenario or log"),
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newNewScenarioCmd(f))
	cmd.AddCommand(newNewLogCmd(f))
	return cmd
}
