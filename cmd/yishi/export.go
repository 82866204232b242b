package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type exportOptions struct {
	IO     *streams
	Writer *output.Writer
	DB     string
	Out    string
	Format string
	Force  bool
}

func newExportCmd(f *factory) *cobra.Command {
	opts := &exportOptions{IO: f.IO, Writer: f.writer()}
	cmd := &cobra.Command{
		Use:   "export --db drill.db --out DIR",
		Short: "Write out what the room kept: the scoresheets, the drill log and the plan of the day",
		Long: `Write out what yishi serve kept in its database:

  scoresheets/   the reviewers' scores, as yishi scoresheets writes them
                 (--format yaml, csv or xlsx), ready for yishi review
  logs/          the drill log of each group that ran, one file per round
                 and group (round-1-group-2.yaml; CSV for Excel with
                 --format csv or xlsx): phases, pauses, injects, notes,
                 speaking turns, with their times
  plan.yaml      the plan with every change made on the console

The scoresheets carry their groups' ids, so yishi review plan.yaml
scoresheets/* logs/* reads them as it reads sheets filled in by hand, with
the measures of each group's drill beside its scores.`,
		Example: "  yishi export --db drill.db --out day1/\n  yishi export --db drill.db --out day1/ --format xlsx",
		Args:    exactArgs(0, "no arguments besides the flags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.DB == "" {
				return usagef("export needs --db FILE, the database yishi serve kept")
			}
			if opts.Out == "" {
				return usagef("export needs --out DIR")
			}
			switch opts.Format {
			case review.FormatYAML, review.FormatCSV, review.FormatXLSX:
			default:
				return usagef("--format must be yaml, csv or xlsx, not %q", opts.Format)
			}
			return runExport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.DB, "db", "", "the room's database")
	fl.StringVarP(&opts.Out, "out", "O", "", "directory to write into")
	fl.StringVarP(&opts.Format, "format", "f", "yaml", "scoresheet format: yaml, csv or xlsx")
	fl.BoolVar(&opts.Force, "force", false, "overwrite files that exist")
	return cmd
}

// openRoomDB opens an existing room database, read for export or review.
func openRoomDB(path string) (*store.DB, *plan.Plan, *scenario.Scenario, store.Plan, error) {
	if !fileExistsAt(path) {
		return nil, nil, nil, store.Plan{}, messages.Errorf("%w: %s: no such database; yishi serve PLAN --db %s makes it", scenario.ErrInvalid, path, path)
	}
	db, err := store.Open(path)
	if errors.Is(err, store.ErrNotYishi) {
		return nil, nil, nil, store.Plan{}, messages.Errorf("%w: %s is not a yishi room database; give --db the database yishi serve kept", scenario.ErrInvalid, path)
	}
	if err != nil {
		return nil, nil, nil, store.Plan{}, dbError(path, err)
	}
	sp, err := db.Plan()
	if err != nil {
		db.Close()
		return nil, nil, nil, store.Plan{}, dbError(path, err)
	}
	p, s, err := roomPlan(sp, "")
	if err != nil {
		db.Close()
		return nil, nil, nil, store.Plan{}, err
	}
	return db, p, s, sp, nil
}

// scenarioNameOf is the name of the scenario of plan p, read from
// planPath: the bundled file, or the file beside the plan.
func scenarioNameOf(p *plan.Plan, planPath string) string {
	if scenarios.Origin(p.Scenario.Source) == scenarios.Bundled {
		if _, name, err := scenarios.YAML(p.Scenario.ID); err == nil {
			return name
		}
	}
	return findBeside(planPath, p.Scenario.Source)
}

// roomSheets are the reviewers' scores in the database as scoresheets,
// each carrying its group's id; a reviewer's group with nothing scored is
// left out.
func roomSheets(db *store.DB, dbPath string, p *plan.Plan, s *scenario.Scenario) ([]review.Scoresheet, error) {
	rows, err := db.Sheets("")
	if err != nil {
		return nil, err
	}
	var out []review.Scoresheet
	for _, r := range rows {
		sh := review.Scoresheet{Scenario: s.ID, Plan: p.GroupID(r.Round, r.Group), Reviewer: r.Reviewer, Round: r.Round, Group: r.Group,
			Scores: map[string]review.Score{}, Strengths: review.SplitItems(r.Strengths), Improvements: review.SplitItems(r.Improvements)}
		for _, d := range s.Rubric.Rubric.Dimensions {
			sc := review.Score{Evidence: strings.TrimSpace(r.Evidence[d.ID])}
			if v, ok := r.Scores[d.ID]; ok {
				v := v
				sc.Value = &v
			}
			sh.Scores[d.ID] = sc
		}
		sh.Pos = scenario.Pos{File: dbPath}
		if !sh.IsBlank() {
			out = append(out, sh)
		}
	}
	return out, nil
}

func runExport(opts *exportOptions) error {
	db, p, s, sp, err := openRoomDB(opts.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	sheets, err := roomSheets(db, opts.DB, p, s)
	if err != nil {
		return err
	}
	var files []output.File
	if len(sheets) > 0 {
		sf, err := scoresheetFiles(p, s, sheets, opts.Format)
		if err != nil {
			return err
		}
		for _, f := range sf {
			files = append(files, output.File{Path: filepath.Join(opts.Out, "scoresheets", filepath.FromSlash(f.Path)), Data: f.Data})
		}
	}
	entries, err := roomEntries(db)
	if err != nil {
		return err
	}
	logs, err := logFiles(p, s, entries, opts.Format, false)
	if err != nil {
		return err
	}
	for _, f := range logs {
		files = append(files, output.File{Path: filepath.Join(opts.Out, "logs", f.Path), Data: f.Data})
	}

	outPlan := filepath.Join(opts.Out, "plan.yaml")
	dir := filepath.Dir(sp.Path)
	scenarioFile := ""
	if scenarios.Origin(p.Scenario.Source) != scenarios.Bundled {
		scenarioFile = findBeside(sp.Path, p.Scenario.Source)
	}
	if p.Roster.File != "" && !filepath.IsAbs(p.Roster.File) {
		p.Roster.File = filepath.Join(dir, p.Roster.File)
	}
	for i := range p.Amendments {
		if a := p.Amendments[i].Added; a != nil && a.File != "" && !filepath.IsAbs(a.File) {
			a.File = filepath.Join(dir, a.File)
		}
	}
	placeInputs(p, scenarioFile, p.Roster.File, outPlan)
	for i := range p.Amendments {
		if a := p.Amendments[i].Added; a != nil {
			a.File = besideRef(a.File, outPlan)
		}
	}
	data, err := plan.Marshal(p)
	if err != nil {
		return err
	}
	files = append(files, output.File{Path: outPlan, Data: data})
	if err := writeFiles(opts.Writer, files, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		paths := make([]string, len(files))
		for i, f := range files {
			paths[i] = f.Path
		}
		return opts.IO.printJSON(map[string]any{"sheets": len(sheets), "entries": len(entries), "files": paths})
	}
	for _, f := range files {
		opts.IO.printf("wrote %s\n", f.Path)
	}
	opts.IO.printf("%s and %s from %s\n", scenario.Plural(len(sheets), "%d scoresheet", "%d scoresheets"),
		scenario.Plural(len(entries), "%d log entry", "%d log entries"), opts.DB)
	// The command names only the folders written: a shell passes a
	// pattern that matches nothing as it is, which review cannot read.
	var inputs []string
	if len(sheets) > 0 {
		inputs = append(inputs, filepath.Join(opts.Out, "scoresheets", "*"))
	}
	if len(logs) > 0 {
		inputs = append(inputs, filepath.Join(opts.Out, "logs", "*"))
	}
	if len(inputs) > 0 {
		opts.IO.printf("next: yishi review %s %s --out report.html\n", outPlan, strings.Join(inputs, " "))
	}
	return nil
}

// logFiles writes a drill log as one file per round and group, named
// round-R-group-G: YAML, or CSV for a trainer who works in Excel
// (scoresheet format csv or xlsx); demo marks the files as demo data.
func logFiles(p *plan.Plan, s *scenario.Scenario, entries []live.Entry, format string, demo bool) ([]output.File, error) {
	var out []output.File
	for _, l := range drilllog.FromEntries(p.ID(), s.ID, entries) {
		l.Demo = demo
		// The group's id, as its scoresheets carry: the exported plan is
		// written again with its inputs re-placed, which gives it another
		// id, and a change on the day leaves the groups it spares alone.
		l.Plan = p.GroupID(l.Round, l.Group)
		var buf bytes.Buffer
		ext := drilllog.FormatYAML
		write := drilllog.WriteYAML
		if format != review.FormatYAML {
			ext, write = drilllog.FormatCSV, drilllog.WriteCSV
		}
		if err := write(&buf, l); err != nil {
			return nil, err
		}
		out = append(out, output.File{Path: fmt.Sprintf("round-%d-group-%d.%s", l.Round, l.Group, ext), Data: buf.Bytes()})
	}
	return out, nil
}
