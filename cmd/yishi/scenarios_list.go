package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type scenariosListOptions struct {
	IO *streams
	// Lang, Method, Level and Length keep only the scenarios that have
	// them; empty keeps all.
	Lang, Method, Level, Length string
}

func newScenariosListCmd(f *factory) *cobra.Command {
	opts := &scenariosListOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "list [--lang zh] [--method open-space] [--level street] [--length short]",
		Short: "List the bundled scenarios in English and Chinese",
		Long: `List the bundled scenarios with their language, method, level and length.
The flags keep only the scenarios that match all of them: --lang en or zh;
--method consensus-workshop, open-space, orid, world-cafe or free; --level
street (a whole street's affairs), community or building (one building or
courtyard); --length short (up to 60 minutes), medium (up to 90) or long.
As everywhere, --lang also sets the language the list is printed in.`,
		Example: "  yishi scenarios list\n  yishi scenarios list --lang zh --method open-space\n  yishi scenarios list --level building --length short",
		Args:    exactArgs(0, "no arguments"),
		RunE:    func(cmd *cobra.Command, args []string) error { return runScenariosList(opts) },
	}
	fl := cmd.Flags()
	// The filter takes the place of the global --lang here, which still
	// picks the language of the messages: --lang zh lists the Chinese
	// scenarios in Chinese.
	fl.StringVar(&opts.Lang, "lang", "", "only scenarios in this language, en or zh, listed in that language too")
	fl.StringVar(&opts.Method, "method", "", "only scenarios of this method: consensus-workshop, open-space, orid, world-cafe or free")
	fl.StringVar(&opts.Level, "level", "", "only scenarios at this level: street, community or building")
	fl.StringVar(&opts.Length, "length", "", "only scenarios of this length: short (≤ 60 min), medium (≤ 90 min) or long")
	return cmd
}

// filters checks the flags' values and returns what each entry must match.
func (opts *scenariosListOptions) filters() ([]func(scenarios.Entry) bool, error) {
	lengths := make([]string, len(scenarios.Lengths))
	for i, l := range scenarios.Lengths {
		lengths[i] = l.Name
	}
	var keep []func(scenarios.Entry) bool
	for _, f := range []struct {
		flag, value string
		known       []string
		field       func(scenarios.Entry) string
	}{
		{"--lang", opts.Lang, scenario.Languages, func(e scenarios.Entry) string { return e.Language }},
		{"--method", opts.Method, scenario.Methods, func(e scenarios.Entry) string { return e.Method }},
		{"--level", opts.Level, scenario.Levels, func(e scenarios.Entry) string { return e.Level }},
		{"--length", opts.Length, lengths, func(e scenarios.Entry) string { return e.Length }},
	} {
		v := strings.ToLower(strings.TrimSpace(f.value))
		if v == "" {
			continue
		}
		if !slices.Contains(f.known, v) {
			if s := scenario.Suggest(v, f.known); s != "" {
				return nil, usagef("%s: unknown value %q (did you mean %q?)", f.flag, f.value, s)
			}
			return nil, usagef("%s: unknown value %q (known: %s)", f.flag, f.value, strings.Join(f.known, ", "))
		}
		field := f.field
		keep = append(keep, func(e scenarios.Entry) bool { return field(e) == v })
	}
	return keep, nil
}

func runScenariosList(opts *scenariosListOptions) error {
	keep, err := opts.filters()
	if err != nil {
		return err
	}
	all, err := scenarios.List()
	if err != nil {
		return err
	}
	list := []scenarios.Entry{}
	for _, e := range all {
		if !slices.ContainsFunc(keep, func(k func(scenarios.Entry) bool) bool { return !k(e) }) {
			list = append(list, e)
		}
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(list)
	}
	io := opts.IO
	if len(list) == 0 {
		io.eprintf("%s\n", io.T("No bundled scenario matches; `yishi scenarios list` shows them all."))
		return nil
	}
	rows := [][]string{{io.T("ID"), io.T("LANG"), io.T("METHOD"), io.T("LEVEL"), io.T("DURATION"), io.T("ROLES"), io.T("TITLE")}}
	for _, e := range list {
		level := e.Level
		if level == "" {
			level = "-"
		}
		rows = append(rows, []string{e.ID, e.Language, e.Method, level, e.Duration, fmt.Sprint(e.Roles), e.Title})
	}
	return writeTable(opts.IO.Out, "", rows)
}
