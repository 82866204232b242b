package main

import (
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
)

type scoresheetsOptions struct {
	IO        *streams
	Writer    *output.Writer
	Plan      string
	Reviewers []string
	Round     int
	Groups    []int
	Format    string
	Out       string
	Force     bool
}

func newScoresheetsCmd(f *factory) *cobra.Command {
	opts := &scoresheetsOptions{IO: f.IO, Writer: f.writer()}
	cmd := &cobra.Command{
		Use:   "scoresheets PLAN --reviewer NAME --out DIR",
		Short: "Write blank scoresheets for reviewers: YAML, CSV or XLSX for Excel, or printable HTML",
		Long: `Write blank scoresheets from a plan: for each reviewer and each group of the
chosen round(s), the members and their roles, every rubric dimension with its
level descriptors (in the scenario's language), and space for evidence,
strengths and improvements.

  --format yaml   one file per reviewer per group; hints as comments
  --format csv    one file per reviewer, a row per group, for Excel (UTF-8 with
                  BOM; Excel may save it back as GB18030, which review reads)
  --format xlsx   one workbook per reviewer, a sheet per round, a row per group:
                  level descriptors as comments on the score headers, only the
                  scale's whole numbers allowed, the plan id locked
  --format html   one printable A4 page per group, for scoring on paper

Give --reviewer once per reviewer. Fill the sheets in and pass them to
yishi review.`,
		Example: "  yishi scoresheets plan.yaml --reviewer 王老师 --reviewer Li --format xlsx --out sheets/\n  yishi scoresheets plan.yaml --reviewer Li --round 1 --groups 1,3 --format html --out print/",
		Args:    exactArgs(1, "one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Plan = args[0]
			if err := opts.check(); err != nil {
				return err
			}
			return runScoresheets(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVarP(&opts.Reviewers, "reviewer", "R", nil, "reviewer's name (repeat for several reviewers)")
	fl.IntVar(&opts.Round, "round", 0, "round to score (default: every round)")
	fl.IntSliceVar(&opts.Groups, "groups", nil, "groups to score, such as 1,3 (default: every group)")
	fl.StringVarP(&opts.Format, "format", "f", "yaml", "yaml, csv, xlsx or html")
	fl.StringVarP(&opts.Out, "out", "O", "", "directory to write the scoresheets into")
	fl.BoolVar(&opts.Force, "force", false, "overwrite scoresheets that exist")
	return cmd
}

func (o *scoresheetsOptions) check() error {
	switch o.Format {
	case review.FormatYAML, review.FormatCSV, review.FormatXLSX, review.FormatHTML:
	default:
		return usagef("--format must be yaml, csv, xlsx or html, not %q", o.Format)
	}
	if len(o.Reviewers) == 0 {
		return usagef("scoresheets needs --reviewer NAME (once per reviewer)")
	}
	if o.Out == "" {
		return usagef("scoresheets needs --out DIR")
	}
	if o.Round < 0 {
		return usagef("--round must not be negative")
	}
	for _, g := range o.Groups {
		if g < 1 {
			return usagef("--groups are numbered from 1, not %d", g)
		}
	}
	return nil
}

func runScoresheets(opts *scoresheetsOptions) error {
	p, s, err := loadPlan(opts.IO, opts.Plan)
	if err != nil {
		return err
	}
	sheets, err := review.BlankScoresheets(p, review.SheetOptions{Reviewers: opts.Reviewers, Round: opts.Round, Groups: opts.Groups})
	if err != nil {
		return err
	}
	files, err := scoresheetFiles(p, s, sheets, opts.Format)
	if err != nil {
		return err
	}
	out := make([]output.File, len(files))
	paths := make([]string, len(files))
	for i, f := range files {
		out[i] = output.File{Path: filepath.Join(opts.Out, filepath.FromSlash(f.Path)), Data: f.Data}
		paths[i] = out[i].Path
	}
	if err := writeFiles(opts.Writer, out, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]any{"format": opts.Format, "sheets": len(sheets), "files": paths})
	}
	for _, p := range paths {
		opts.IO.printf("wrote %s\n", p)
	}
	opts.IO.printf("%s for %s\n", scenario.Plural(len(sheets), "%d blank scoresheet", "%d blank scoresheets"),
		scenario.Plural(len(opts.Reviewers), "%d reviewer", "%d reviewers"))
	return nil
}

// scoresheetFiles renders the sheets as files of format: workbooks are
// laid out by package review and written by package xlsx, which review
// does not import.
func scoresheetFiles(p *plan.Plan, s *scenario.Scenario, sheets []review.Scoresheet, format string) ([]cards.File, error) {
	if format != review.FormatXLSX {
		return review.ScoresheetFiles(p, s, sheets, format)
	}
	var files []cards.File
	for _, wb := range review.ScoresheetWorkbooks(p, s, sheets) {
		data, err := xlsx.Write(wb.Book)
		if err != nil {
			return nil, err
		}
		files = append(files, cards.File{Path: wb.Path, Data: data})
	}
	return files, nil
}
