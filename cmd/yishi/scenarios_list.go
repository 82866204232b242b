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
	// them; empty keeps all. Language is Lang without setting the
	// language of the messages.
	Lang, Language, Method, Level, Length string
}

func newScenariosListCmd(f *factory) *cobra.Command {
	opts := &scenariosListOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "list [--lang zh | --language zh] [--method open-space] [--level street] [--length short]",
		Short: "List the bundled scenarios in English and Chinese",
		Long: `List the bundled scenarios with their language, method, level and length.
The flags keep only the scenarios that match all of them: --lang en or zh;
--method consensus-workshop, open-space, orid, world-cafe or free; --level
street (a whole street's affairs), community or building (one building or
courtyard); --length short (up to 60 minutes), medium (up to 90) or long.
The Chinese names work too: --method 开放空间, --level 街道, --length 短.
As everywhere, --lang also sets the language the list is printed in;
--language filters alone, so that --lang zh --language en lists the
English scenarios in Chinese.`,
		Example: "  yishi scenarios list\n  yishi scenarios list --lang zh --method open-space\n  yishi scenarios list --level building --length short\n  yishi scenarios list --language en --level 楼院",
		Args:    exactArgs(0, "no arguments"),
		RunE:    func(cmd *cobra.Command, args []string) error { return runScenariosList(opts) },
	}
	fl := cmd.Flags()
	// The filter takes the place of the global --lang here, which still
	// picks the language of the messages: --lang zh lists the Chinese
	// scenarios in Chinese.
	fl.StringVar(&opts.Lang, "lang", "", "only scenarios in this language, en or zh, listed in that language too")
	fl.StringVar(&opts.Language, "language", "", "only scenarios in this language, en or zh, leaving the messages in theirs")
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
	// --language, when given, is the filter, and --lang then only the
	// language of the messages.
	lang, langFlag := opts.Lang, "--lang"
	if opts.Language != "" {
		lang, langFlag = opts.Language, "--language"
	}
	var keep []func(scenarios.Entry) bool
	for _, f := range []struct {
		flag, value string
		known       []string
		field       func(scenarios.Entry) string
	}{
		{langFlag, lang, scenario.Languages, func(e scenarios.Entry) string { return e.Language }},
		{"--method", opts.Method, scenario.Methods, func(e scenarios.Entry) string { return e.Method }},
		{"--level", opts.Level, scenario.Levels, func(e scenarios.Entry) string { return e.Level }},
		{"--length", opts.Length, lengths, func(e scenarios.Entry) string { return e.Length }},
	} {
		v := listValue(f.value, f.known)
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

// listValue is a filter's value as the library names it: as typed, or
// from a name in either language ("开放空间", "open space", "街道", "短").
func listValue(value string, known []string) string {
	v := strings.ToLower(strings.TrimSpace(value))
	if v == "" || slices.Contains(known, v) {
		return v
	}
	norm := scenario.NormalizeName(v)
	for _, k := range known {
		names := []string{k, scenario.Label("en", k), scenario.Label("zh", k), listWords[k]}
		for _, n := range names {
			if n != "" && (scenario.NormalizeName(n) == norm || scenario.NormalizeName(strings.TrimSuffix(n, "层面")) == norm) {
				return k
			}
		}
	}
	return v
}

// listWords are the Chinese words for what the list filters by that the
// scenario's labels do not give.
var listWords = map[string]string{
	"short": "短", "medium": "中", "long": "长", "building": "楼院", "orid": "ORID",
	"en": "英文", "zh": "中文",
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
