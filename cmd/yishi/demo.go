package main

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// demoMarker marks a directory as the demo's own output, which a later demo
// may replace; the demo never overwrites anything else without --force.
const demoMarker = ".yishi-demo"

type demoOptions struct {
	IO       *streams
	Writer   *output.Writer
	FS       output.FS
	Scenario string
	Out      string
	Groups   int
	Rounds   int
	Seed     uint64
	Force    bool
}

func newDemoCmd(f *factory) *cobra.Command {
	opts := &demoOptions{IO: f.IO, Writer: f.writer(), FS: f.FS}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run a whole training day on the bundled scenario and sample roster",
		Long: `Run a whole training day on bundled data and write everything to ./yishi-demo/:
the scenario, the sample roster, the plan (mixed groups and roles), role cards and
the trainer's master sheet, blank scoresheets, two reviewers' demo scores, and the
debrief report. Every step prints the command that does it on your own data.

A later demo replaces the demo's own earlier output; it never overwrites other
files unless --force is given.`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error { return runDemo(cmd.Context(), opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Scenario, "scenario", demoScenario(f.IO.P.Language()), "bundled scenario id or scenario file to run")
	fl.StringVar(&opts.Out, "out", "yishi-demo", "directory to write the day's files into")
	fl.IntVar(&opts.Groups, "groups", 5, "number of groups, as in the seed training (five communities, five groups)")
	fl.IntVar(&opts.Rounds, "rounds", 2, "number of rounds")
	fl.Uint64Var(&opts.Seed, "seed", 1, "random seed")
	fl.BoolVar(&opts.Force, "force", false, "overwrite files in --out that the demo did not write")
	return cmd
}

// demoScenario is the bundled scenario the demo runs unless --scenario
// names another: a Chinese one for a reader of Chinese, whose cards,
// sheets and report then come out in Chinese as the messages do.
func demoScenario(l messages.Language) string {
	if l == messages.Chinese {
		return scenarios.DefaultChineseScenario
	}
	return scenarios.DefaultScenario
}

func runDemo(ctx context.Context, opts *demoOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, src, err := loadScenarioSource(opts.IO, opts.Scenario)
	if err != nil {
		return err
	}
	rosterData, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	if err != nil {
		return err
	}
	rosterPath := filepath.Join(opts.Out, "roster.csv")
	rst, diags := roster.Parse(rosterPath, rosterData, s, roster.Options{})
	if err := diags.Err(); err != nil {
		return err
	}
	scenarioFile := filepath.Join(opts.Out, "scenario.yaml")
	p, err := roles.Assign(ctx, s, rst, roles.AssignOptions{
		Groups: opts.Groups, Rounds: opts.Rounds, Seed: opts.Seed,
		ScenarioSource: "scenario.yaml", ScenarioSHA256: plan.Digest(src.Data),
	})
	if err != nil {
		return err
	}
	if err := p.Schedule(s, demoTiming(opts.Groups)); err != nil {
		return err
	}
	planData, err := plan.Marshal(p)
	if err != nil {
		return err
	}
	files := []output.File{
		{Path: scenarioFile, Data: src.Data},
		{Path: rosterPath, Data: rosterData},
		{Path: filepath.Join(opts.Out, "plan.yaml"), Data: planData},
	}
	more, report, err := demoLaterSteps(opts, s, p)
	if err != nil {
		return err
	}
	files = append(files, more...)
	day, err := demoChanges(ctx, opts, s, rst, p)
	if err != nil {
		return err
	}
	files = append(files, day.files...)
	second, err := demoHistory(ctx, opts, s, plan.Digest(src.Data), scenarioFile, rst, p, report)
	if err != nil {
		return err
	}
	files = append(files, second.files...)
	if err := writeDemo(opts, files); err != nil {
		return err
	}
	if opts.IO.JSON() {
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = f.Path
		}
		return opts.IO.printJSON(map[string]any{"out": opts.Out, "files": paths, "plan": p})
	}
	io := opts.IO
	step := func(n int, title scenario.Message, command string) {
		io.printf("\n%s\n  $ %s\n\n", io.paintOut(ansiBold, "Step %d — %s", n, title), command)
	}
	step(1, scenario.Msg("the scenario"), "yishi scenarios show "+opts.Scenario)
	if err := writeSummary(io, s, scenario.SummaryOptions{}); err != nil {
		return err
	}
	io.printf("\nvalidation: %s\n", io.paintOut(ansiGreen, "ok"))
	// The commands redo the demo's own steps into its folder, whose files
	// are there: typed again, they need --force to replace them.
	io.printf("\nthe commands below redo each step into %s/, so they carry --force to replace the demo's files\n", opts.Out)
	t := demoTiming(opts.Groups)
	step(2, scenario.Msg("mixed groups and roles"), fmt.Sprintf("yishi assign --scenario %s --roster %s --groups %d --rounds %d --seed %d --start %s --break %dm --tables %s --out %s --force",
		scenarioFile, rosterPath, opts.Groups, opts.Rounds, opts.Seed, t.Start, t.Break, strings.Join(t.Tables, ","), filepath.Join(opts.Out, "plan.yaml")))
	printPlanSummary(opts.IO, s, rst, p)
	printDemoLaterSteps(opts, s, step)
	printDemoChanges(opts, day, step)
	printDemoRoom(opts, s, step)
	printDemoHistory(opts, second, step)
	io.printf("\nwrote %d files to %s/\n", len(files), opts.Out)
	return nil
}

// writeDemo writes the demo's files, replacing the demo's own earlier
// output: a directory holding the demo marker counts as the demo's.
func writeDemo(opts *demoOptions, files []output.File) error {
	force := opts.Force
	if _, err := opts.FS.Lstat(filepath.Join(opts.Out, demoMarker)); err == nil {
		force = true
	}
	files = append(files, output.File{Path: filepath.Join(opts.Out, demoMarker), Data: []byte("written by yishi demo; a later demo may replace this directory's files\n")})
	_, err := writeTree(opts.Writer, opts.Out, files, output.TreeOptions{Kind: kindDemo, What: scenario.Msg("the demo"), Instead: "yishi-demo", Force: force})
	return err
}
