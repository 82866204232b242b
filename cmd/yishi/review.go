package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/drilllog"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/review/progress"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
)

type reviewOptions struct {
	IO          *streams
	Writer      *output.Writer
	Plan        string
	Scoresheets []string
	Format      string
	Out         string
	Force       bool
	// DB is the room's database, whose scores the report is made from
	// instead of scoresheet files.
	DB string
	// ByTrainee is the folder for each trainee's progress page and the
	// cohort view; empty writes none.
	ByTrainee string
	// AllowNoPlanID takes scoresheets that do not say which plan they were
	// made from (hand-made, or a column lost in Excel), checking members.
	AllowNoPlanID bool
}

func newReviewCmd(f *factory) *cobra.Command {
	opts := &reviewOptions{IO: f.IO, Writer: f.writer()}
	cmd := &cobra.Command{
		Use:   "review PLAN SCORESHEET... [LOG...] [--out FILE] [--by-trainee DIR] | review --db drill.db [--out FILE]",
		Short: "Aggregate scoresheets into the debrief report, with reviewer agreement and a debrief guide",
		Long: `Read the reviewers' scoresheets (YAML; XLSX workbooks as Excel or WPS saves
them; or CSV as Excel saves it: UTF-8, UTF-8 with BOM, GB18030 or
Windows-1252) and write the debrief report:

  - per group and dimension the mean, range and number of reviewers, the
    weighted total and the ranking of groups in each round;
  - agreement per dimension: Krippendorff's alpha (ordinal) and ICC(2,1),
    or "not computable" with the reason; where reviewers differ by 2 points
    or more; how lenient each reviewer is compared with the others;
  - for each group a debrief guide (PEARLS phases, ORID questions aimed at
    its two weakest dimensions), the evidence reviewers wrote, and an
    improvement plan to finish together.

Drill logs given among the files (YAML or CSV, from yishi export or typed
from paper on the template of yishi new log) add the measures of each
group's drill beside its scores: rhythm (planned against actual time per
phase, punctuality, how soon injects were answered), participation
(speaking time and turns per member, Gini coefficient, silent members, the
host's share of the talk, interruptions, how often the floor passes) and
induction (host summaries), a timeline chart per group, and a flag where
the reviewers' scores and the measures disagree. A group with a log and no
scoresheet is reported from its log.

With --by-trainee DIR, each trainee gets a page (HTML and JSON) of their
roles, their group's scores in the dimensions their role owns, their own
speaking share and the reviewers' evidence that names their role; DIR's
index.html is the cohort view: the mean per dimension by round.

Every problem in the scoresheets and logs is listed as file:line:col (in a
workbook, its sheet, row and column) and nothing is written. The format follows --out's extension unless --format is given:
html (printable, charts inline), md, json or csv (the scores and the
improvement plan for Excel). Without --out the report goes to stdout.

With --db, the report is made from the scores reviewers gave on their
phones in yishi serve, and the plan the room ran: nothing to retype.`,
		Example: "  yishi review plan.yaml sheets/*.xlsx --out report.html\n  yishi review plan.yaml sheets/*.csv logs/*.yaml --out report.html --by-trainee trainees\n  yishi review plan.yaml a.yaml b.yaml --format json\n  yishi review --db drill.db --out report.html",
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.DB != "" {
				if len(args) > 0 {
					return usagef("review --db takes the plan and the scores from the database; leave out the plan and scoresheet files")
				}
				return nil
			}
			return minArgs(2, "a plan file and at least one scoresheet or drill log")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.DB == "" {
				opts.Plan, opts.Scoresheets = args[0], args[1:]
			}
			if err := opts.check(); err != nil {
				return err
			}
			return runReview(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "", "html, md, json or csv (default: from --out, else md)")
	fl.StringVarP(&opts.Out, "out", "O", "", "report file to write (default: stdout)")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the report file if it exists")
	fl.StringVar(&opts.DB, "db", "", "make the report from the scores kept by yishi serve in this database")
	fl.StringVar(&opts.ByTrainee, "by-trainee", "", "also write each trainee's progress page and the cohort view into this folder")
	fl.BoolVar(&opts.AllowNoPlanID, "allow-no-plan-id", false, "take scoresheets without a plan id (hand-made ones), checking their members against the plan")
	return cmd
}

func (o *reviewOptions) check() error {
	if o.Format == "" {
		switch ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.Out), ".")); ext {
		case "html", "htm":
			o.Format = review.ReportHTML
		case "md", "markdown":
			o.Format = review.ReportMarkdown
		case "json", "csv":
			o.Format = ext
		case "":
			if o.Out == "" {
				o.Format = review.ReportMarkdown
			} else {
				o.Format = review.ReportHTML
			}
		default:
			return usagef("cannot tell the report format from %q; give --format html, md, json or csv", o.Out)
		}
	}
	if !slices.Contains(review.ReportFormats, o.Format) {
		return usagef("--format must be html, md, json or csv, not %q", o.Format)
	}
	return nil
}

// dayInputs are what a day's report is made from: the plan and its
// scenario, the reviewers' scoresheets, and the drill log's entries.
type dayInputs struct {
	plan     *plan.Plan
	scenario *scenario.Scenario
	sheets   []review.Scoresheet
	entries  []live.Entry
	// demo is set when a log says it is demo data.
	demo  bool
	diags scenario.Diagnostics
	// room is the room's plan record, with --db.
	room store.Plan
}

// readDayInputs reads a day as review reads it: from the room's database,
// or from the plan and the files given, which are scoresheets and drill
// logs in any order. Every problem of every file is printed at once.
func readDayInputs(io *streams, planPath string, files []string, dbPath string, allowNoPlanID bool) (*dayInputs, error) {
	in := &dayInputs{}
	if dbPath != "" {
		db, p, s, sp, err := openRoomDB(dbPath)
		if err != nil {
			return nil, err
		}
		in.plan, in.scenario, in.room = p, s, sp
		in.sheets, err = roomSheets(db, dbPath, p, s)
		if err == nil {
			in.entries, err = roomEntries(db)
		}
		db.Close()
		if err != nil {
			return nil, err
		}
		if len(in.sheets) == 0 && len(in.entries) == 0 {
			return nil, messages.Errorf("%w: no scores in %s yet; reviewers score on their phones in yishi serve", scenario.ErrInvalid, dbPath)
		}
		return in, nil
	}
	p, s, err := loadPlan(io, planPath)
	if err != nil {
		return nil, err
	}
	in.plan, in.scenario = p, s
	sheetFiles, logFiles := splitLogFiles(files)
	if len(sheetFiles) > 0 {
		in.sheets, in.diags = review.ReadScoresheets(sheetFiles, p, s.Rubric.Rubric, review.ParseOptions{AllowNoPlanID: allowNoPlanID, Workbook: xlsx.Read, RoleTitle: s.RoleTitle})
	}
	logs, ldiags := drilllog.ReadFiles(logFiles, p, s)
	in.diags = append(in.diags, ldiags...)
	printDiagnostics(io, in.diags)
	if err := in.diags.Err(); err != nil {
		return nil, &reportedError{err: err}
	}
	for _, l := range logs {
		in.entries = append(in.entries, l.Sorted()...)
		in.demo = in.demo || l.Demo
	}
	if len(in.sheets) == 0 && len(in.entries) == 0 {
		return nil, messages.Errorf("%w: no scores in %s", scenario.ErrInvalid, strings.Join(files, ", "))
	}
	return in, nil
}

// report is the day's debrief report, said to be demo data when its
// scores or its logs are.
func (in *dayInputs) report() *review.Report {
	rep := review.BuildReportLog(in.plan, in.scenario, in.sheets, in.entries)
	rep.Demo = rep.Demo || in.demo
	return rep
}

func runReview(opts *reviewOptions) error {
	in, err := readDayInputs(opts.IO, opts.Plan, opts.Scoresheets, opts.DB, opts.AllowNoPlanID)
	if err != nil {
		return err
	}
	p, s, sheets, diags := in.plan, in.scenario, in.sheets, in.diags
	rep := in.report()
	data, err := review.RenderReport(rep, opts.Format)
	if err != nil {
		return err
	}
	toFile := opts.Out != "" && opts.Out != "-"
	if opts.ByTrainee != "" {
		// The report's file is checked before the pages are written, and
		// the pages are written before the report: a refusal of either
		// leaves nothing half-written.
		if toFile {
			if err := fileError(opts.Writer.Check([]output.File{{Path: opts.Out, Data: data}}, opts.Force)); err != nil {
				return err
			}
		}
		if err := writeTrainees(opts, p, s, rep); err != nil {
			return err
		}
	}
	if !toFile {
		// The report is data when piped; on a terminal it is read, and
		// reviewers' names and evidence are the user's text.
		if opts.IO.TerminalOut {
			data = []byte(terminalSafe(string(data)))
		}
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := writeFiles(opts.Writer, []output.File{{Path: opts.Out, Data: data}}, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]any{
			"out": opts.Out, "format": opts.Format, "sheets": len(sheets), "reviewers": rep.Reviewers,
			"disagreements": len(rep.Flags), "measure_flags": len(rep.MeasureFlags), "logged_groups": loggedGroups(rep),
			"by_trainee": opts.ByTrainee, "warnings": len(diags.Warnings()),
		})
	}
	groups := 0
	for _, rd := range rep.Rounds {
		groups += len(rd.Groups)
	}
	opts.IO.printf("wrote %s: %s from %s, %s, %s\n", opts.Out, scenario.Plural(groups, "%d group", "%d groups"),
		scenario.Plural(len(rep.Reviewers), "%d reviewer", "%d reviewers"), scenario.Plural(len(sheets), "%d scoresheet", "%d scoresheets"),
		scenario.Plural(len(rep.Flags), "%d disagreement", "%d disagreements"))
	if n := loggedGroups(rep); n > 0 {
		opts.IO.printf("measured %s from their drill logs: %s between scores and measures\n", scenario.Plural(n, "%d group", "%d groups"),
			scenario.Plural(len(rep.MeasureFlags), "%d disagreement", "%d disagreements"))
	}
	return nil
}

// loggedGroups counts the report's groups measured from a drill log.
func loggedGroups(rep *review.Report) int {
	n := 0
	for _, rd := range rep.Rounds {
		for _, g := range rd.Groups {
			if g.Measures != nil {
				n++
			}
		}
	}
	return n
}

// splitLogFiles tells the drill logs among a review's files from the
// scoresheets, by their content. A file that cannot be read is left with
// the scoresheets, whose reader says why.
func splitLogFiles(paths []string) (sheets, logs []string) {
	for _, path := range paths {
		// A log says what it is in its head (its kind, or its CSV header
		// row): the file is read whole once, by the reader it goes to.
		data, err := fileHead(path, 64<<10)
		if err == nil && drilllog.Detect(data) {
			logs = append(logs, path)
		} else {
			sheets = append(sheets, path)
		}
	}
	return sheets, logs
}

// fileHead is the first n bytes of the file at path, or all of a shorter
// file.
func fileHead(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// roomEntries are the room's drill log in the order things happened, in
// the room's time zone (the laptop's), as yishi export writes them: the
// same report comes from the database and from its export.
func roomEntries(db *store.DB) ([]live.Entry, error) {
	entries, err := db.Entries(0)
	if err != nil {
		return nil, err
	}
	for i := range entries {
		entries[i].At = entries[i].At.In(time.Local)
		if !entries[i].End.IsZero() {
			entries[i].End = entries[i].End.In(time.Local)
		}
	}
	// An outage counted as a pause is logged after what followed it, and
	// keeps its place by its time.
	slices.SortStableFunc(entries, func(x, y live.Entry) int { return x.At.Compare(y.At) })
	return entries, nil
}

// writeTrainees writes each trainee's progress page and the cohort view
// into opts.ByTrainee, all or nothing.
func writeTrainees(opts *reviewOptions, p *plan.Plan, s *scenario.Scenario, rep *review.Report) error {
	cohort := progress.Build(p, s, rep)
	files, err := cohort.Files()
	if err != nil {
		return err
	}
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: filepath.Join(opts.ByTrainee, filepath.FromSlash(f.Path)), Data: f.Data}
	}
	if _, err := writeTree(opts.Writer, opts.ByTrainee, out, output.TreeOptions{Kind: kindTrainees, What: scenario.Msg("the trainees' pages"), Instead: "trainees", Force: opts.Force}); err != nil {
		return err
	}
	pages := scenario.Plural(len(cohort.Trainees), "%d trainee's page", "%d trainees' pages")
	switch {
	case opts.Out == "" || opts.Out == "-":
		// The report itself goes to stdout: the word about the pages
		// must not land in it.
		opts.IO.eprintf("wrote %s: %s and the cohort view (%s)\n", opts.ByTrainee, pages, filepath.Join(opts.ByTrainee, progress.IndexName))
	case !opts.IO.JSON():
		opts.IO.printf("wrote %s: %s and the cohort view (%s)\n", opts.ByTrainee, pages, filepath.Join(opts.ByTrainee, progress.IndexName))
	}
	return nil
}
