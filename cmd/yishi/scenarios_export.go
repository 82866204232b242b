package main

import (
	"path/filepath"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type scenariosExportOptions struct {
	IO     *streams
	Writer *output.Writer
	ID     string
	Dir    string
	Force  bool
}

func newScenariosExportCmd(f *factory) *cobra.Command {
	opts := &scenariosExportOptions{IO: f.IO, Writer: f.writer()}
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
		return messages.Errorf("%w: %v", scenario.ErrInvalid, err)
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
	if err := writeFiles(opts.Writer, files, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]string{"scenario": files[0].Path, "schema": files[1].Path})
	}
	opts.IO.printf("wrote %s and %s\n", files[0].Path, files[1].Path)
	return nil
}
