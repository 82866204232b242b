package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review"
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
// and the master sheet, blank scoresheets, two reviewers' demo scores and
// the debrief report.
func demoLaterSteps(opts *demoOptions, s *scenario.Scenario, p *plan.Plan) ([]output.File, error) {
	var files []output.File
	cardFiles, err := cards.Files(p, s, 0, cards.FormatHTML, cards.Options{Translate: contentTranslator(s)})
	if err != nil {
		return nil, err
	}
	paper, err := cards.Paper(p, s, 0)
	if err != nil {
		return nil, err
	}
	for _, f := range append(cardFiles, paper...) {
		files = append(files, output.File{Path: filepath.Join(opts.Out, "cards", filepath.FromSlash(f.Path)), Data: f.Data})
	}
	reviewers := demoReviewersOf(s)
	blank, err := review.BlankScoresheets(p, review.SheetOptions{Reviewers: reviewers})
	if err != nil {
		return nil, err
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
			return nil, err
		}
		for _, f := range fs {
			files = append(files, output.File{Path: filepath.Join(opts.Out, part.dir, filepath.FromSlash(f.Path)), Data: f.Data})
		}
	}
	report := review.BuildReport(p, s, filled)
	for _, format := range []string{review.ReportHTML, review.ReportMarkdown} {
		data, err := review.RenderReport(report, format)
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: filepath.Join(opts.Out, "report."+format), Data: data})
	}
	return files, nil
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
	step(5, scenario.Msg("the debrief report"), fmt.Sprintf("yishi review %s %s/*.csv --format html --out %s --force", plan, filepath.Join(opts.Out, "scoresheets-demo-filled"), filepath.Join(opts.Out, "report.html")))
	io.printf("  open %s in a browser: scores per group and dimension, where reviewers disagree,\n  and a debrief guide per group (built from demo data)\n", filepath.Join(opts.Out, "report.html"))
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
