package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yishi-council/yishi/cmd/yishi/internal/cohort"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/history"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// demoDates are the demo's two training days, a month apart.
var demoDates = [2]string{"2026-11-03", "2026-12-01"}

// demoZone is the clock of the demo's drill logs: a street office's.
var demoZone = time.FixedZone("", 8*60*60)

// demoLogs makes up a drill log for every group of every round of the
// plan, each drill starting near its round's clock time on date, and
// writes them under dir as demo data, one file per group.
func demoLogs(p *plan.Plan, s *scenario.Scenario, date, dir string, seed uint64) ([]live.Entry, []output.File, error) {
	day, err := time.ParseInLocation(time.DateOnly, date, demoZone)
	if err != nil {
		return nil, nil, err
	}
	a := live.AgendaOf(s)
	var entries []live.Entry
	for _, rd := range p.Rounds {
		start := day.Add(9 * time.Hour)
		if t, ok := scenario.ParseTimeOfDay(rd.Start); ok {
			start = day.Add(time.Duration(t) * time.Minute)
		}
		for i := range rd.Groups {
			g := &rd.Groups[i]
			// Observers watch: the demo's talk is the others'.
			t := live.TeamOf(rd.Round, g).Speakers(s)
			// Groups settle at their tables a minute or two apart.
			at := start.Add(time.Duration(g.Group%3) * time.Minute)
			entries = append(entries, live.DemoLog(a, t, t.Hosts(s), at, seed)...)
		}
	}
	files, err := logFiles(p, s, entries, review.FormatYAML, true)
	if err != nil {
		return nil, nil, err
	}
	for i := range files {
		files[i].Path = filepath.Join(dir, files[i].Path)
	}
	return entries, files, nil
}

// demoSecondDay is the demo's step 8: a second training day a month
// later, its plan assigned with the first day's history, and the cohort
// database that keeps both.
type demoSecondDay struct {
	dir    string
	plan   string
	cohort string
	p      *plan.Plan
	files  []output.File
	// listing is what yishi history prints over both days.
	listing  [][]string
	trainees int
}

// demoHistory makes the second day: the plan (another seed, the first
// day's pairings and leaders avoided), its demo scores and logs, its
// report, and cohort.db with both days in it.
func demoHistory(ctx context.Context, opts *demoOptions, s *scenario.Scenario, sha, scenarioFile string, rst *roster.Roster, p1 *plan.Plan, rep1 *review.Report) (*demoSecondDay, error) {
	d := &demoSecondDay{dir: filepath.Join(opts.Out, "day2"), cohort: filepath.Join(opts.Out, "cohort.db")}
	d.plan = filepath.Join(d.dir, "plan.yaml")
	day1 := history.DayOf(p1, s, rep1, demoDates[0])
	earlier := history.Earlier([]history.Day{day1})
	p2, err := roles.Assign(ctx, s, rst, roles.AssignOptions{
		Groups: opts.Groups, Rounds: opts.Rounds, Seed: opts.Seed + 1,
		ScenarioSource: plan.ScenarioSource(scenarioFile, d.plan), ScenarioSHA256: sha,
		Earlier: &earlier, History: filepath.Base(d.cohort),
	})
	if err != nil {
		return nil, err
	}
	if err := p2.Schedule(s, demoTiming(opts.Groups)); err != nil {
		return nil, err
	}
	d.p = p2
	data, err := plan.Marshal(p2)
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, output.File{Path: d.plan, Data: data})
	sheets := review.DemoScoresheets(p2, s, demoReviewersOf(s), opts.Seed+1)
	sf, err := review.ScoresheetFiles(p2, s, sheets, review.FormatCSV)
	if err != nil {
		return nil, err
	}
	for _, f := range sf {
		d.files = append(d.files, output.File{Path: filepath.Join(d.dir, "scoresheets-demo-filled", filepath.FromSlash(f.Path)), Data: f.Data})
	}
	entries, lf, err := demoLogs(p2, s, demoDates[1], filepath.Join(d.dir, "logs-demo"), opts.Seed+1)
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, lf...)
	rep2 := review.BuildReportLog(p2, s, sheets, entries)
	rep2.Demo = true
	html, err := review.RenderReport(rep2, review.ReportHTML)
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, output.File{Path: filepath.Join(d.dir, "report.html"), Data: html})

	days := []history.Day{day1, history.DayOf(p2, s, rep2, demoDates[1])}
	db, err := demoCohort(days)
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, output.File{Path: d.cohort, Data: db})
	d.listing = history.Table(history.Timeline(days), string(opts.IO.P.Language()))
	d.trainees = len(history.Trainees(days))
	return d, nil
}

// demoCohort is the bytes of a cohort database holding days, made in a
// scratch folder so that the demo writes it with its other files, all or
// nothing.
func demoCohort(days []history.Day) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "yishi-demo-cohort-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "cohort.db")
	db, err := cohort.Open(path)
	if err != nil {
		return nil, err
	}
	for i, day := range days {
		// Recorded at the end of each day, so that the file does not
		// depend on when the demo ran.
		at, _ := time.ParseInLocation(time.DateOnly, demoDates[i], demoZone)
		if _, err := db.Record(day, "yishi demo", at.Add(18*time.Hour)); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

func printDemoHistory(opts *demoOptions, d *demoSecondDay, step func(n int, title scenario.Message, command string)) {
	io := opts.IO
	t := demoTiming(opts.Groups)
	plan1 := filepath.Join(opts.Out, "plan.yaml")
	// The commands build a cohort file of their own from the start, so
	// that the second day's plan they make is the demo's: made from the
	// first day alone.
	const own = "cohort.db"
	step(8, scenario.Msg("a second training day, and each trainee's history"), fmt.Sprintf("yishi history add %s %s/*.csv --history %s --date %s",
		plan1, filepath.Join(opts.Out, "scoresheets-demo-filled"), own, demoDates[0]))
	io.printf("  the first day goes into a cohort database; a month later the next day's plan avoids its pairings,\n  and who hosted or recorded then leads later:\n")
	io.printf("  $ yishi assign --scenario %s --roster %s --groups %d --rounds %d --seed %d --start %s --break %dm --tables %s --history %s --out %s --force\n",
		filepath.Join(opts.Out, "scenario.yaml"), filepath.Join(opts.Out, "roster.csv"), opts.Groups, opts.Rounds, opts.Seed+1, t.Start, t.Break, strings.Join(t.Tables, ","), own, d.plan)
	io.printf("  $ yishi history add %s %s/*.csv --history %s --date %s\n", d.plan, filepath.Join(d.dir, "scoresheets-demo-filled"), own, demoDates[1])
	io.printf("  $ yishi history --history %s\n\n", own)
	io.printf("  the demo's own, %s, keeps both days (DEMO DATA); its first trainee:\n", d.cohort)
	rows := d.listing
	// The header and the first trainee's rounds, as yishi history lists
	// them: the trainee's id and name are on their first row only.
	n := 1
	for n < len(rows) && (n == 1 || rows[n][0] == "") {
		n++
	}
	_ = writeTable(io.Out, "    ", rows[:n])
	io.printf("  the second day's plan, scores, logs and report are in %s/; %s lists all %s\n", d.dir,
		"yishi history --history "+d.cohort, scenario.Plural(d.trainees, "%d trainee", "%d trainees"))
}
