package main

import (
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

func newScenariosCmd(io *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "scenarios",
		Aliases: []string{"scenario"},
		Short:   "List, show and export the bundled scenario library",
		Args:    exactArgs(0, "a subcommand: list, show or export"),
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newScenariosListCmd(io), newScenariosShowCmd(io), newScenariosExportCmd(io))
	return cmd
}

type scenariosListOptions struct{ IO *streams }

func newScenariosListCmd(io *streams) *cobra.Command {
	opts := &scenariosListOptions{IO: io}
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
	rows := [][]string{{"ID", "LANG", "METHOD", "DURATION", "ROLES", "TITLE"}}
	for _, e := range list {
		rows = append(rows, []string{e.ID, e.Language, e.Method, e.Duration, fmt.Sprint(e.Roles), e.Title})
	}
	return writeTable(opts.IO.Out, "", rows)
}

type scenariosShowOptions struct {
	IO           *streams
	Ref          string
	Confidential bool
}

func newScenariosShowCmd(io *streams) *cobra.Command {
	opts := &scenariosShowOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Show a readable summary of a scenario",
		Long: `Show a readable summary of a bundled scenario (by id) or of a scenario file:
the issue, public facts, agenda with times, roles and injects. Confidential
briefs are left out unless --confidential is given.`,
		Example: "  yishi scenarios show elevator-retrofit\n  yishi scenarios show my.yaml --confidential",
		Args:    exactArgs(1, "one scenario id or file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = args[0]
			return runScenariosShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Confidential, "confidential", false, "include every role's confidential brief (trainer only)")
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

func runScenariosShow(opts *scenariosShowOptions) error {
	s, err := loadScenario(opts.IO, opts.Ref)
	if err != nil {
		return err
	}
	if opts.IO.JSON() {
		if !opts.Confidential {
			s = withoutConfidential(s)
		}
		return opts.IO.printJSON(s)
	}
	return scenario.WriteSummary(opts.IO.Out, s, scenario.SummaryOptions{Confidential: opts.Confidential})
}

// withoutConfidential returns a copy of s whose roles carry no
// confidential briefs.
func withoutConfidential(s *scenario.Scenario) *scenario.Scenario {
	c := *s
	c.Roles = make([]scenario.Role, len(s.Roles))
	for i, r := range s.Roles {
		r.Confidential = ""
		c.Roles[i] = r
	}
	return &c
}

type scenariosExportOptions struct {
	IO    *streams
	ID    string
	Dir   string
	Force bool
}

func newScenariosExportCmd(io *streams) *cobra.Command {
	opts := &scenariosExportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "export ID DIR",
		Short: "Copy a bundled scenario's YAML (and its schema) into DIR to edit",
		Args:  exactArgs(2, "a scenario id and a directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID, opts.Dir = args[0], args[1]
			return runScenariosExport(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that exist")
	return cmd
}

var schemaLine = regexp.MustCompile(`(?m)^# yaml-language-server: \$schema=\S+`)

func runScenariosExport(opts *scenariosExportOptions) error {
	data, _, err := scenarios.YAML(opts.ID)
	if err != nil {
		return fmt.Errorf("%w: %v", scenario.ErrInvalid, err)
	}
	schema, err := scenario.Schema(scenario.KindScenario)
	if err != nil {
		return err
	}
	// The exported file points at the schema written beside it.
	data = schemaLine.ReplaceAllLiteral(data, []byte("# yaml-language-server: $schema=scenario.schema.json"))
	files := []output.File{
		{Path: filepath.Join(opts.Dir, opts.ID+".yaml"), Data: data},
		{Path: filepath.Join(opts.Dir, "scenario.schema.json"), Data: schema},
	}
	if err := writeFiles(output.New(output.OS, nil), files, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]string{"scenario": files[0].Path, "schema": files[1].Path})
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s and %s\n", files[0].Path, files[1].Path)
	return nil
}
