package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenarios"
)

type scenariosListOptions struct{ IO *streams }

func newScenariosListCmd(f *factory) *cobra.Command {
	opts := &scenariosListOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "list",
		Short: "List the bundled scenarios in English and Chinese",
		Args:  exactArgs(0, "no arguments"),
		RunE:  func(cmd *cobra.Command, args []string) error { return runScenariosList(opts) },
	}
}

func runScenariosList(opts *scenariosListOptions) error {
	list, err := scenarios.List()
	if err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(list)
	}
	io := opts.IO
	rows := [][]string{{io.T("ID"), io.T("LANG"), io.T("METHOD"), io.T("DURATION"), io.T("ROLES"), io.T("TITLE")}}
	for _, e := range list {
		rows = append(rows, []string{e.ID, e.Language, e.Method, e.Duration, fmt.Sprint(e.Roles), e.Title})
	}
	return writeTable(opts.IO.Out, "", rows)
}
