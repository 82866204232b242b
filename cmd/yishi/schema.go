package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenario"
)

type schemaOptions struct {
	IO   *streams
	Kind string
}

func newSchemaCmd(f *factory) *cobra.Command {
	opts := &schemaOptions{IO: f.IO}
	return &cobra.Command{
		Use:       "schema scenario|rubric",
		Short:     "Print the JSON Schema (draft-07) of scenario or rubric files",
		Long:      "Print the JSON Schema (draft-07) of scenario or rubric files, for editors:\n  yishi schema scenario > scenario.schema.json\nand start the YAML file with\n  # yaml-language-server: $schema=scenario.schema.json",
		Args:      exactArgs(1, "scenario or rubric"),
		ValidArgs: scenario.SchemaKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Kind = args[0]
			return runSchema(opts)
		},
	}
}

func runSchema(opts *schemaOptions) error {
	data, err := scenario.Schema(opts.Kind)
	if err != nil {
		return usagef("no schema for %q (known: %s)", opts.Kind, strings.Join(scenario.SchemaKinds, ", "))
	}
	_, err = opts.IO.Out.Write(data)
	if err == nil && !strings.HasSuffix(string(data), "\n") {
		_, err = fmt.Fprintln(opts.IO.Out)
	}
	return err
}
