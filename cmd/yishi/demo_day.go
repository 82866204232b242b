package main

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// demoTiming is the demo's day on the clock: from 09:00, a quarter of an
// hour between rounds, tables A1, A2, … one per group.
func demoTiming(groups int) plan.Timing {
	t := plan.Timing{Start: "09:00", Break: 15}
	for g := 1; g <= groups; g++ {
		t.Tables = append(t.Tables, fmt.Sprintf("A%d", g))
	}
	return t
}

// demoDay is the demo's change on the day: who did not come, the walk-in,
// the amended plan and what the amendment did.
type demoDay struct {
	absent  []string
	walkIns string
	amended string
	plan    *plan.Plan
	report  *roles.AmendReport
	changes []cards.Change
	files   []output.File
}

// demoChanges makes the demo's step 6: the last member of round 1's first
// two groups does not come and one trainee walks in; the plan is amended
// and only the cards that changed are written, with the day's paper.
func demoChanges(ctx context.Context, opts *demoOptions, s *scenario.Scenario, rst *roster.Roster, p *plan.Plan) (*demoDay, error) {
	day := &demoDay{walkIns: filepath.Join(opts.Out, "walk-ins.csv"), amended: filepath.Join(opts.Out, "plan-amended.yaml")}
	for _, g := range p.Rounds[0].Groups[:min(2, len(p.Rounds[0].Groups))] {
		day.absent = append(day.absent, g.Members[len(g.Members)-1].ID)
	}
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleWalkIns)
	if err != nil {
		return nil, err
	}
	add, diags := roster.Parse(day.walkIns, data, s, roster.Options{})
	if err := diags.Err(); err != nil {
		return nil, err
	}
	amended, rep, err := roles.Amend(ctx, s, rst, p, roles.AmendOptions{FromRound: 1, Absent: day.absent, Add: add})
	if err != nil {
		return nil, err
	}
	placeInputs(amended, "", rst.File, day.amended)
	day.plan, day.report = amended, rep
	planData, err := plan.Marshal(amended)
	if err != nil {
		return nil, err
	}
	day.files = []output.File{{Path: day.walkIns, Data: data}, {Path: day.amended, Data: planData}}
	changed, changes, err := cards.ChangedFiles(p, amended, s, 0, cards.FormatHTML, cards.Options{Translate: contentTranslator(s)})
	if err != nil {
		return nil, err
	}
	paper, err := cards.Paper(amended, s, 0)
	if err != nil {
		return nil, err
	}
	day.changes = changes
	for _, f := range append(changed, paper...) {
		day.files = append(day.files, output.File{Path: filepath.Join(opts.Out, "cards-changed", filepath.FromSlash(f.Path)), Data: f.Data})
	}
	return day, nil
}

func printDemoChanges(opts *demoOptions, day *demoDay, step func(n int, title scenario.Message, command string)) {
	io := opts.IO
	plan := filepath.Join(opts.Out, "plan.yaml")
	step(6, scenario.Msg("changes on the day"), fmt.Sprintf("yishi amend %s --absent %s --add %s --out %s --force", plan, strings.Join(day.absent, ","), day.walkIns, day.amended))
	printAmendment(io, day.plan, day.report)
	cardsOut := filepath.Join(opts.Out, "cards-changed")
	io.printf("\n  $ %s\n\n", fmt.Sprintf("yishi cards %s --changed-since %s --out %s --force", day.amended, plan, cardsOut))
	io.printf("  %s in %s/ (changed-cards.html to print them), with the master sheet and the day's paper:\n  inject slips, table signs, the door list and the run sheet\n",
		scenario.Plural(len(day.changes), "%d changed card", "%d changed cards"), cardsOut)
}

// printDemoRoom says how to run the demo's drill live: the room on this
// laptop, phones on the same Wi-Fi.
func printDemoRoom(opts *demoOptions, s *scenario.Scenario, step func(n int, title scenario.Message, command string)) {
	io := opts.IO
	var reviewers strings.Builder
	for _, r := range demoReviewersOf(s) {
		fmt.Fprintf(&reviewers, " --reviewer %s", shellWord(r))
	}
	db := filepath.Join(opts.Out, "drill.db")
	step(7, scenario.Msg("the drill, live"), fmt.Sprintf("yishi serve %s --db %s%s", filepath.Join(opts.Out, "plan.yaml"), db, reviewers.String()))
	io.printf("  runs the room on this laptop until Ctrl-C: it prints the trainer's console link; the console's\n  \"Print the slips\" gives everyone else a QR code and a short code for a phone on the same Wi-Fi\n")
	io.printf("  after the drill: yishi review --db %s --out report.html, and yishi export --db %s --out DIR\n", db, db)
}
