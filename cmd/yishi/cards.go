package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type cardsOptions struct {
	IO     *streams
	Writer *output.Writer
	Plan   string
	Format string
	Out    string
	Round  int
	Paper  string
	Force  bool
	// ChangedSince is an earlier plan: only the cards that differ from
	// its cards are written.
	ChangedSince string
}

func newCardsCmd(f *factory) *cobra.Command { return newCardsCmdRun(f, runCards) }

// newCardsCmdRun builds the command with runF in place of runCards, so
// tests can see the options the flags produce.
func newCardsCmdRun(f *factory, runF func(*cardsOptions) error) *cobra.Command {
	opts := &cardsOptions{IO: f.IO, Writer: f.writer()}
	cmd := &cobra.Command{
		Use:   "cards PLAN --out DIR",
		Short: "Write each trainee's role card and the trainer's master sheet",
		Long: `Write one role card per trainee per round of a plan made by 'yishi assign':
the scenario's public brief, the agenda with clock times, the trainee's role,
its confidential brief (theirs only) and their group's members. Cards go to
DIR/round-R/group-G/ID-NAME-ROLE.EXT, every card together to all-cards.EXT
for printing, and the trainer's master sheet (groups, roles, timetable and
who receives each inject) to master-sheet-TRAINER-ONLY.EXT: do not hand that
one out.

HTML cards are print-ready: one A4 card a page (--paper a5 for A5), cut
marks, fonts that show Chinese, no internet needed. Print all-cards.html
from a browser at 100% scale with headers and footers off. HTML runs also
write the day's paper: inject slips to cut and hand over
(inject-slips-TRAINER-ONLY.html), table signs, a door list in name order and
a run sheet per round (run-sheet-TRAINER-ONLY.html). On a timed plan (assign
--start) cards show clock times, and each group's table.

With --changed-since OLD (the plan before 'yishi amend'), only the cards that
differ from OLD's are written and listed with the reason, with
changed-cards.EXT to print them; written into the folder of OLD's cards
(--force), they replace those cards, void cards are removed and the others
stay.

With --round R only that round's cards are written, with that round's
all-cards and master sheet in DIR/round-R/; other rounds' cards in DIR stay,
and the whole-day all-cards and master sheet, which may no longer match, are
removed. Nothing is written if any file exists, unless --force; nothing is
ever written into a folder of another command's files, such as yishi demo's,
nor over the plan.`,
		Example: "  yishi cards plan.yaml --out cards\n  yishi cards plan.yaml --round 2 --paper a4 --out cards\n  yishi cards plan.yaml --format md --out cards-md\n  yishi cards plan-2.yaml --changed-since plan.yaml --out cards --force",
		Args:    exactArgs(1, "one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Plan = args[0]
			opts.Format = strings.ToLower(opts.Format)
			opts.Paper = strings.ToLower(opts.Paper)
			if !cards.ValidFormat(opts.Format) {
				return usagef("--format must be one of %s, not %q", strings.Join(cards.Formats, ", "), opts.Format)
			}
			if opts.Paper != cards.PaperA5 && opts.Paper != cards.PaperA4 {
				return usagef("--paper must be a5 or a4, not %q", opts.Paper)
			}
			if opts.Out == "" {
				return usagef("cards needs --out DIR for the cards")
			}
			if opts.Round < 0 {
				return usagef("--round must not be negative")
			}
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", cards.FormatHTML, "card format: "+strings.Join(cards.Formats, ", "))
	fl.StringVarP(&opts.Out, "out", "O", "", "directory to write the cards to")
	fl.IntVarP(&opts.Round, "round", "R", 0, "write only this round's cards (default: every round)")
	fl.StringVar(&opts.Paper, "paper", cards.PaperA4, "paper size of HTML cards: a4, or a5 for half-size cards (long scenarios then print small); the master sheet is A4")
	fl.BoolVar(&opts.Force, "force", false, "overwrite files that exist")
	fl.StringVar(&opts.ChangedSince, "changed-since", "", "an earlier plan, the one yishi amend changed: write only the cards that differ from its cards, and list them")
	return cmd
}

// cardsResult is what `cards --output json` prints.
type cardsResult struct {
	Cards    int      `json:"cards"`
	Trainees int      `json:"trainees"`
	Rounds   []int    `json:"rounds"`
	Format   string   `json:"format"`
	Dir      string   `json:"dir"`
	Master   string   `json:"master_sheet"`
	AllCards string   `json:"all_cards"`
	Files    []string `json:"files"`
	// Removed are the earlier run's files this run removed.
	Removed []string `json:"removed,omitempty"`
	// Paper are the day's paper: inject slips, table signs, the door list
	// and the run sheet (HTML only).
	Paper []string `json:"paper,omitempty"`
	// ChangedSince is the earlier plan of a --changed-since run, and
	// Changes the cards that differ from its cards.
	ChangedSince string `json:"changed_since,omitempty"`
	// Changed is the file of the changed cards, to print them.
	Changed string         `json:"changed_cards,omitempty"`
	Changes []cards.Change `json:"changes,omitempty"`
}

// roundDir is the folder of round n's cards, under --out.
func roundDir(n int) string { return fmt.Sprintf("round-%d", n) }

// isRoundDir reports whether name is the folder of a round's cards.
func isRoundDir(name string) bool {
	n, ok := strings.CutPrefix(name, "round-")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// isWholeDayFile reports whether rel, a path under --out, is the all-cards
// or master sheet of every round.
func isWholeDayFile(rel string) bool {
	if strings.Contains(rel, "/") {
		return false
	}
	for _, name := range wholeDayNames {
		if strings.HasPrefix(rel, name+".") {
			return true
		}
	}
	return false
}

// wholeDayNames are the files of a cards run that hold every round's.
var wholeDayNames = []string{cards.AllCardsName, cards.MasterSheetName, cards.ChangedCardsName,
	cards.SlipsName, cards.SignsName, cards.DoorListName, cards.RunSheetName}

// cardsTree says how a cards run writes --out. One manifest and one lock
// at --out serve every run into it, whole day or --round, so that no run
// misses the cards of another. A --round run replaces only that round's
// cards, and the whole-day all-cards and master sheet, which hold every
// round's and would no longer match. The plan and its scenario file are
// never overwritten nor removed.
func cardsTree(opts *cardsOptions, p *plan.Plan, s *scenario.Scenario) output.TreeOptions {
	t := output.TreeOptions{
		Kind: kindCards, What: scenario.Msg("the cards"), Instead: "cards", Force: opts.Force,
		Nested: isRoundDir,
		Inputs: []output.Input{{Path: opts.Plan, What: scenario.Msg("the plan")}},
	}
	if scenarios.Origin(p.Scenario.Source) != scenarios.Bundled && s.Pos.File != "" {
		t.Inputs = append(t.Inputs, output.Input{Path: s.Pos.File, What: scenario.Msg("the plan's scenario")})
	}
	if opts.Round > 0 {
		round := roundDir(opts.Round)
		t.Part = func(rel string) bool { return strings.HasPrefix(rel, round+"/") || isWholeDayFile(rel) }
		t.Nested = func(name string) bool { return name == round }
	}
	return t
}

// printSmallCards says again, now that they are printed, which cards fit
// their page only in type too small to read: the lint's warnings on A4,
// one line for them all on A5, where long scenarios print small by design.
// A scenario's lint.ignore silences both.
func printSmallCards(io *streams, s *scenario.Scenario, paper string) {
	var small scenario.Diagnostics
	for _, d := range scenario.Lint(s, cards.OverflowsOn(s, paper)...) {
		if d.Check == scenario.LintCardTooLong {
			small = append(small, d)
		}
	}
	if paper == cards.PaperA5 && len(small) > 0 {
		var one scenario.Diagnostics
		one.Warnf(small[0].Pos, "%s: %d of the scenario's %d role cards fit an A5 page only in type below %d pt; print them on A4 (--paper a4), or shorten the briefs", s.ID, len(small), len(s.Roles), cards.MinCardPoints)
		one[0].Check = scenario.LintCardTooLong
		small = one
	}
	printDiagnostics(io, small)
}

func runCards(opts *cardsOptions) error {
	p, s, err := loadPlan(opts.IO, opts.Plan)
	if err != nil {
		return err
	}
	if err := p.CheckRound(opts.Round); err != nil {
		return messages.Errorf("%s: %w", opts.Plan, err)
	}
	if opts.Format == cards.FormatHTML {
		printSmallCards(opts.IO, s, opts.Paper)
	}
	copts := cards.Options{Paper: opts.Paper, Translate: contentTranslator(s)}
	var (
		files   []cards.File
		changes []cards.Change
		since   *plan.Plan
	)
	if opts.ChangedSince != "" {
		old, _, err := loadPlan(opts.IO, opts.ChangedSince)
		if err != nil {
			return err
		}
		since = old
		files, changes, err = cards.ChangedFiles(old, p, s, opts.Round, opts.Format, copts)
		if err != nil {
			return messages.Errorf("%s: %w", opts.ChangedSince, err)
		}
	} else {
		files, err = cards.Files(p, s, opts.Round, opts.Format, copts)
		if err != nil {
			return err
		}
	}
	// Both lists end with the whole deck and the master sheet; a
	// --changed-since one has the changed cards' file before them when a
	// card changed.
	res := cardsResult{Format: opts.Format, Dir: opts.Out, Cards: len(files) - 2, ChangedSince: opts.ChangedSince, Changes: changes}
	res.AllCards = filepath.Join(opts.Out, filepath.FromSlash(files[len(files)-2].Path))
	res.Master = filepath.Join(opts.Out, filepath.FromSlash(files[len(files)-1].Path))
	if n := len(files) - 3; since != nil && n >= 0 && path.Base(files[n].Path) == cards.ChangedCardsName+"."+opts.Format {
		res.Cards = n
		res.Changed = filepath.Join(opts.Out, filepath.FromSlash(files[n].Path))
	}
	if opts.Format == cards.FormatHTML {
		paper, err := cards.Paper(p, s, opts.Round)
		if err != nil {
			return err
		}
		for _, f := range paper {
			res.Paper = append(res.Paper, filepath.Join(opts.Out, filepath.FromSlash(f.Path)))
		}
		files = append(files, paper...)
	}
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: filepath.Join(opts.Out, filepath.FromSlash(f.Path)), Data: f.Data}
		res.Files = append(res.Files, out[i].Path)
	}
	trainees := map[string]bool{}
	for _, rd := range p.Rounds {
		if opts.Round > 0 && rd.Round != opts.Round {
			continue
		}
		res.Rounds = append(res.Rounds, rd.Round)
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				trainees[m.ID] = true
			}
		}
	}
	res.Trainees = len(trainees)
	// The set of cards (of the day, or of the round) is replaced whole, so
	// a re-planned day leaves no stale card behind.
	tree := cardsTree(opts, p, s)
	if since != nil {
		tree.Part = changedPart(opts, since, s, files, changes, tree.Part)
	}
	written, err := writeTree(opts.Writer, opts.Out, out, tree)
	if err != nil {
		return err
	}
	res.Removed = written.Removed
	// A whole-day run in another format removes the old all-cards too, but
	// writes its own: only a --round run leaves the day without them.
	wholeDayGone := false
	for _, f := range written.Removed {
		if rel, err := filepath.Rel(opts.Out, f); err == nil && opts.Round > 0 && isWholeDayFile(filepath.ToSlash(rel)) {
			wholeDayGone = true
		}
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(res)
	}
	io := opts.IO
	if since != nil {
		printChanges(io, opts, changes)
		io.printf("wrote %d files under %s\n", len(out), opts.Out)
		if res.Changed != "" {
			io.printf("  changed cards, for printing: %s\n", res.Changed)
		}
		io.printf("  all cards of the new plan: %s\n", res.AllCards)
		io.printf("  master sheet: %s  %s\n", res.Master, opts.IO.paintOut(ansiRed, "(trainer only — do not hand out)"))
		printPaper(io, res.Paper)
		return nil
	}
	io.printf("%s — %s, %s\n", s.Title, scenario.Plural(len(res.Rounds), "%[2]d cards for %[3]d trainees in %[1]d round", "%[2]d cards for %[3]d trainees in %[1]d rounds", res.Cards, res.Trainees), opts.Format)
	io.printf("wrote %d files under %s\n", len(out), opts.Out)
	io.printf("  all cards, for printing: %s\n", res.AllCards)
	io.printf("  master sheet: %s  %s\n", res.Master, opts.IO.paintOut(ansiRed, "(trainer only — do not hand out)"))
	printPaper(io, res.Paper)
	if opts.Format == cards.FormatHTML {
		io.printf("Print at 100%% scale with the browser's headers and footers off: one card a page.\n")
	}
	if wholeDayGone {
		format := ""
		if opts.Format != cards.FormatHTML {
			format = " --format " + opts.Format
		}
		io.printf("removed the whole-day all-cards and master sheet, which may no longer match; run `yishi cards %s --out %s%s` without --round to make them again\n", opts.Plan, opts.Out, format)
	}
	return nil
}

// contentTranslator renders the English a plan keeps (notes, unmet rules,
// warnings) in the scenario's language, which decides the language of
// cards and the master sheet, through the catalogue; a text the catalogue
// does not know is kept as it is.
func contentTranslator(s *scenario.Scenario) func(string) string {
	return messages.For(messages.FromLocale(s.Language)).FromEnglish
}

// changedPart is the part of a folder of cards a --changed-since run
// replaces: the files it writes, the whole-day files, and the earlier
// plan's card of every trainee whose card changed, which is void or sits
// at another path now. Every other card stays as it is.
func changedPart(opts *cardsOptions, old *plan.Plan, s *scenario.Scenario, files []cards.File, changes []cards.Change, within func(string) bool) func(string) bool {
	part := map[string]bool{}
	for _, f := range files {
		part[f.Path] = true
	}
	// An earlier run's changed cards, which this run's list replaces.
	prefix := ""
	if opts.Round > 0 {
		prefix = roundDir(opts.Round) + "/"
	}
	part[prefix+cards.ChangedCardsName+"."+opts.Format] = true
	oldPaths := cards.CardPaths(old, s, opts.Round, opts.Format)
	for _, c := range changes {
		if p, ok := oldPaths[cards.CardKey{Round: c.Round, TraineeID: c.TraineeID}]; ok {
			part[p] = true
		}
	}
	return func(rel string) bool {
		if within != nil && !within(rel) {
			return false
		}
		return part[rel]
	}
}

// printChanges lists the cards a --changed-since run reprints, and those
// it voids, trainee by trainee.
func printChanges(io *streams, opts *cardsOptions, changes []cards.Change) {
	if len(changes) == 0 {
		io.printf("no card differs from %s\n", opts.ChangedSince)
		return
	}
	io.printf("%s differ from %s:\n", scenario.Plural(len(changes), "%d card", "%d cards"), opts.ChangedSince)
	for _, c := range changes {
		reasons := make([]string, len(c.Reasons))
		for i, r := range c.Reasons {
			reasons[i] = io.P.Message(r.Message)
		}
		sep := "; "
		if io.P.Language() == messages.Chinese {
			sep = "；"
		}
		group := c.Group
		if c.Void() {
			group = c.OldGroup
		}
		io.printf("  %s: %s (%s): %s\n", scenario.Msg("round %d, group %d", c.Round, group), trusted(terminalSafe(c.Name)), c.TraineeID, trusted(terminalSafe(strings.Join(reasons, sep))))
	}
}

// printPaper names the day's paper a cards run wrote.
func printPaper(io *streams, paper []string) {
	if len(paper) == 0 {
		return
	}
	io.printf("  the day's paper: %s\n", strings.Join(paper, ", "))
}
