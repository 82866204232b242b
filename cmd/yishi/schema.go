package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/scenario"
)

type schemaOptions struct {
	IO   *streams
	Kind string
}

func newSchemaCmd(f *factory) *cobra.Command {
	opts := &schemaOptions{IO: f.IO}
	return &cobra.Command{
		Use:       "schema scenario|rubric|log",
		Short:     "Print the JSON Schema (draft-07) of scenario, rubric or drill log files",
		Long:      "Print the JSON Schema (draft-07) of scenario, rubric or drill log files, for editors:\n  yishi schema scenario > scenario.schema.json\nand start the YAML file with\n  # yaml-language-server: $schema=scenario.schema.json",
		Args:      exactArgs(1, "scenario, rubric or log"),
		ValidArgs: append(slices.Clone(scenario.SchemaKinds), schemaLog),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Kind = args[0]
			return runSchema(opts)
		},
	}
}

// schemaLog names the drill log's schema, which package drilllog holds.
const schemaLog = "log"

func runSchema(opts *schemaOptions) error {
	data, err := scenario.Schema(opts.Kind)
	if opts.Kind == schemaLog {
		data, err = drilllog.Schema, nil
	}
	if err != nil {
		return usagef("no schema for %q (known: %s)", opts.Kind, strings.Join(append(slices.Clone(scenario.SchemaKinds), schemaLog), ", "))
	}
	_, err = opts.IO.Out.Write(data)
	if err == nil && !strings.HasSuffix(string(data), "\n") {
		_, err = fmt.Fprintln(opts.IO.Out)
	}
	return err
}
