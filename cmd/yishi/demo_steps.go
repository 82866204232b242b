package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/progress"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// demoReviewers are the two reviewers whose scores the demo makes up.
var demoReviewers = map[string][]string{
	"en": {"Reviewer Li", "Reviewer Chen"},
	"zh": {"李老师", "陈老师"},
}

// demoLaterSteps makes the files of the steps after assignment: role cards
// and the master sheet, blank scoresheets, two reviewers' demo scores, a
// demo drill log per group, the debrief report and each trainee's page.
func demoLaterSteps(opts *demoOptions, s *scenario.Scenario, p *plan.Plan) ([]output.File, *review.Report, error) {
	var files []output.File
	cardFiles, err := cards.Files(p, s, 0, cards.FormatHTML, cards.Options{Translate: contentTranslator(s)})
	if err != nil {
		return nil, nil, err
	}
	paper, err := cards.Paper(p, s, 0)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range append(cardFiles, paper...) {
		files = append(files, output.File{Path: filepath.Join(opts.Out, "cards", filepath.FromSlash(f.Path)), Data: f.Data})
	}
	reviewers := demoReviewersOf(s)
	blank, err := review.BlankScoresheets(p, review.SheetOptions{Reviewers: reviewers})
	if err != nil {
		return nil, nil, err
	}
	filled := review.DemoScoresheets(p, s, reviewers, opts.Seed)
	for _, part := range []struct {
		sheets []review.Scoresheet
		format string
		dir    string
	}{
		{blank, review.FormatCSV, "scoresheets"},
		{blank, review.FormatHTML, "scoresheets"},
		{filled, review.FormatCSV, "scoresheets-demo-filled"},
	} {
		fs, err := review.ScoresheetFiles(p, s, part.sheets, part.format)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range fs {
			files = append(files, output.File{Path: filepath.Join(opts.Out, part.dir, filepath.FromSlash(f.Path)), Data: f.Data})
		}
	}
	entries, logs, err := demoLogs(p, s, demoDates[0], filepath.Join(opts.Out, "logs-demo"), opts.Seed)
	if err != nil {
		return nil, nil, err
	}
	files = append(files, logs...)
	report := review.BuildReportLog(p, s, filled, entries)
	report.Demo = true
	for _, format := range []string{review.ReportHTML, review.ReportMarkdown} {
		data, err := review.RenderReport(report, format)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, output.File{Path: filepath.Join(opts.Out, "report."+format), Data: data})
	}
	pages, err := progress.Build(p, s, report).Files()
	if err != nil {
		return nil, nil, err
	}
	for _, f := range pages {
		files = append(files, output.File{Path: filepath.Join(opts.Out, "trainees", filepath.FromSlash(f.Path)), Data: f.Data})
	}
	return files, report, nil
}

func printDemoLaterSteps(opts *demoOptions, s *scenario.Scenario, step func(n int, title scenario.Message, command string)) {
	io := opts.IO
	plan := filepath.Join(opts.Out, "plan.yaml")
	step(3, scenario.Msg("role cards and the trainer's master sheet"), fmt.Sprintf("yishi cards %s --format html --out %s --force", plan, filepath.Join(opts.Out, "cards")))
	io.printf("  one card per trainee per round in %s/round-*/group-*/, all cards for printing in all-cards.html,\n  and %s.html (trainer only: groups, timetable, who gets which inject when)\n",
		filepath.Join(opts.Out, "cards"), cards.MasterSheetName)
	io.printf("  the day's paper beside them: inject slips to cut and hand over, table signs, a door list, a run sheet per round\n")
	var reviewers strings.Builder
	for _, r := range demoReviewersOf(s) {
		fmt.Fprintf(&reviewers, " --reviewer %s", shellWord(r))
	}
	step(4, scenario.Msg("scoresheets for reviewers"), fmt.Sprintf("yishi scoresheets %s%s --format csv --out %s --force", plan, reviewers.String(), filepath.Join(opts.Out, "scoresheets")))
	io.printf("  blank sheets (CSV for Excel, HTML for paper) in %s/;\n  %s/ holds two reviewers' made-up scores — DEMO DATA, not real observations\n",
		filepath.Join(opts.Out, "scoresheets"), filepath.Join(opts.Out, "scoresheets-demo-filled"))
	step(5, scenario.Msg("the debrief report, with the measures of each group's drill"), fmt.Sprintf("yishi review %s %s/*.csv %s/*.yaml --format html --out %s --by-trainee %s --force",
		plan, filepath.Join(opts.Out, "scoresheets-demo-filled"), filepath.Join(opts.Out, "logs-demo"), filepath.Join(opts.Out, "report.html"), filepath.Join(opts.Out, "trainees")))
	io.printf("  open %s in a browser: scores per group and dimension, where reviewers disagree,\n  and a debrief guide per group (built from demo data)\n", filepath.Join(opts.Out, "report.html"))
	io.printf("  beside the scores, what each group's drill log measures (rhythm, who spoke how much, summaries) and a timeline;\n  %s/ holds a made-up log per group — DEMO DATA; to type in a log kept on paper:\n", filepath.Join(opts.Out, "logs-demo"))
	io.printf("  $ yishi new log %s --round 1 --group 1 --out round-1-group-1.yaml\n", plan)
	io.printf("  %s has a page per trainee (their roles, their group's scores, their speaking share)\n  and the cohort view: the mean per dimension by round\n", filepath.Join(opts.Out, "trainees", progress.IndexName))
}

// demoReviewersOf are the demo's reviewers, named in the scenario's
// language.
func demoReviewersOf(s *scenario.Scenario) []string {
	if r, ok := demoReviewers[s.Language]; ok {
		return r
	}
	return demoReviewers["en"]
}

// shellWord quotes s for a POSIX shell when it holds a space or a
// character the shell reads, so that a printed command can be typed again.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
