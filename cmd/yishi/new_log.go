package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review/drilllog"
)

type newLogOptions struct {
	IO     *streams
	Writer *output.Writer
	Now    func() time.Time
	Plan   string
	Round  int
	Group  int
	Date   string
	Format string
	Out    string
	Force  bool
}

func newNewLogCmd(f *factory) *cobra.Command { return newNewLogCmdRun(f, runNewLog) }

// newNewLogCmdRun builds the command with run in place of runNewLog, so
// that a test sees the options the flags give.
func newNewLogCmdRun(f *factory, run func(*newLogOptions) error) *cobra.Command {
	opts := &newLogOptions{IO: f.IO, Writer: f.writer(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "log PLAN --round R --group G",
		Short: "Write a drill log template for one group, to type a paper log into",
		Long: `Write a drill log template for one round and group of a plan, for a trainer
who logged the drill on paper: the group's members and the scenario's injects
as comments, and a phase_start and a phase_end line per agenda phase with an
empty time to fill in (the planned clock time beside it on a timed day).
An empty time is an error until it is filled in or its line deleted, so an
untouched template never reads as a perfect rhythm.

  --format yaml   a commented YAML file (the default)
  --format csv    the same as rows, for Excel (UTF-8 with BOM)`,
		Example: "  yishi new log plan.yaml --round 1 --group 2\n  yishi new log plan.yaml --round 2 --group 1 --date 2026-12-01 --format csv --out r2g1.csv",
		Args:    exactArgs(1, "one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Plan = args[0]
			if err := opts.check(cmd); err != nil {
				return err
			}
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Round, "round", 0, "the round the log is of")
	fl.IntVar(&opts.Group, "group", 0, "the group the log is of")
	fl.StringVar(&opts.Date, "date", "", "the day of the drill, YYYY-MM-DD (default: today)")
	fl.StringVarP(&opts.Format, "format", "f", "", "yaml or csv (default: from --out, else yaml)")
	fl.StringVarP(&opts.Out, "out", "O", "", "file to write (default: log-round-R-group-G.yaml or .csv)")
	fl.BoolVar(&opts.Force, "force", false, "overwrite a file that exists")
	return cmd
}

func (o *newLogOptions) check(cmd *cobra.Command) error {
	if !cmd.Flags().Changed("round") {
		return usagef("new log needs --round R, the round the log is of")
	}
	if !cmd.Flags().Changed("group") {
		return usagef("new log needs --group G, the group the log is of")
	}
	if o.Round < 1 || o.Group < 1 {
		return usagef("--round and --group are numbered from 1")
	}
	if o.Format == "" {
		// As review does: the format follows the file's extension.
		o.Format = drilllog.FormatYAML
		if strings.EqualFold(filepath.Ext(o.Out), ".csv") {
			o.Format = drilllog.FormatCSV
		}
	}
	if o.Format != drilllog.FormatYAML && o.Format != drilllog.FormatCSV {
		return usagef("--format must be yaml or csv, not %q", o.Format)
	}
	return nil
}

func runNewLog(opts *newLogOptions) error {
	p, s, err := loadPlan(opts.IO, opts.Plan)
	if err != nil {
		return err
	}
	date := opts.Date
	if date == "" {
		date = opts.Now().Format(time.DateOnly)
	}
	data, err := drilllog.Template(p, s, opts.Round, opts.Group, date, opts.Format)
	if err != nil {
		return err
	}
	out := opts.Out
	if out == "" {
		out = fmt.Sprintf("log-round-%d-group-%d.%s", opts.Round, opts.Group, opts.Format)
	}
	if err := writeFiles(opts.Writer, []output.File{{Path: out, Data: data}}, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]any{"log": out, "round": opts.Round, "group": opts.Group, "format": opts.Format})
	}
	opts.IO.printf("wrote %s\nnext: fill in the times from your paper log, then give it to yishi review\n", out)
	return nil
}
