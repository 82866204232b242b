package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type amendOptions struct {
	IO         *streams
	Writer     *output.Writer
	Now        func() time.Time
	Plan       string
	Roster     string // the plan's roster, when it is not where the plan says
	Absent     []string
	Add        string
	Sheet      string
	Swaps      [][2]string
	Moves      []roles.Move
	FromRound  int
	Out        string
	DryRun     bool
	Force      bool
	AllowUnmet bool
	Budget     time.Duration

	ctx context.Context
}

func newAmendCmd(f *factory) *cobra.Command {
	opts := &amendOptions{IO: f.IO, Writer: f.writer(), Now: f.Now}
	var swaps, moves []string
	cmd := &cobra.Command{
		Use:   "amend PLAN --out NEW-PLAN",
		Short: "Change a plan on the day: who is absent, who walked in, who swaps or moves",
		Long: `Change a plan on the day with the fewest seats moved: trainees who did not
come (--absent), walk-ins (--add, a roster file with the same columns as the
sign-up sheet), two trainees who trade seats and roles (--swap A,B) and a
trainee moved to another group (--move ID:GROUP). Rounds before --from-round
have been played and never change; --swap and --move apply to --from-round.

Every seat and role that can stay does: the fewest trainees change group
first, then the groups are as mixed as they can be, under the same rules as
assign (sizes, quotas, keep-apart, the roles every group must fill, host and
recorder turns). amend prints what changed, trainee by trainee, and the seats
moved against the fewest any amendment could move. Write the new plan beside
the old one; then 'yishi cards NEW --changed-since OLD' prints only the cards
that changed, and scoresheets made for groups the change left alone stay good.`,
		Example: "  yishi amend plan.yaml --absent T05,T12 --add walk-ins.csv --out plan-2.yaml\n  yishi amend plan.yaml --from-round 2 --swap T03,T17 --out plan-2.yaml\n  yishi amend plan.yaml --move T08:3 --out plan-2.yaml",
		Args:    exactArgs(1, "one plan file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Plan = args[0]
			if opts.Out == "" && !opts.DryRun {
				return usagef("amend needs --out FILE for the new plan, or --dry-run")
			}
			if len(opts.Absent) == 0 && opts.Add == "" && len(swaps) == 0 && len(moves) == 0 {
				return usagef("amend needs a change: --absent, --add, --swap or --move")
			}
			if opts.FromRound < 1 {
				return usagef("--from-round must be 1 or more")
			}
			var bad []string
			for _, s := range swaps {
				a, b, ok := cutAny(s, ",，、")
				if !ok || a == "" || b == "" {
					bad = append(bad, messages.For(f.IO.P.Language()).Sprintf("--swap %q: give two ids, such as --swap T03,T17", s))
					continue
				}
				opts.Swaps = append(opts.Swaps, [2]string{a, b})
			}
			for _, m := range moves {
				id, g, ok := cutAny(m, ":：")
				n, err := strconv.Atoi(g)
				if !ok || id == "" || err != nil {
					bad = append(bad, messages.For(f.IO.P.Language()).Sprintf("--move %q: give an id and a group, such as --move T08:3", m))
					continue
				}
				opts.Moves = append(opts.Moves, roles.Move{ID: id, Group: n})
			}
			if len(bad) > 0 {
				return usagef("%s", strings.Join(bad, "\n"))
			}
			opts.Absent = splitIDs(opts.Absent)
			opts.ctx = cmd.Context()
			return runAmend(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Absent, "absent", nil, "ids of trainees who did not come (repeat, or separate by commas)")
	fl.StringVar(&opts.Add, "add", "", "roster file of walk-ins, with the sign-up sheet's columns")
	fl.StringVar(&opts.Sheet, "sheet", "", "XLSX sheet of --add to read (default: the first)")
	fl.StringArrayVar(&swaps, "swap", nil, "two trainees who trade seats and roles in --from-round, as A,B (repeatable)")
	fl.StringArrayVar(&moves, "move", nil, "a trainee moved to a group in --from-round, as ID:GROUP (repeatable); to their own group, it keeps them there")
	fl.IntVar(&opts.FromRound, "from-round", 1, "first round to change; earlier rounds have been played and stay as they are")
	fl.StringVar(&opts.Roster, "roster", "", "the plan's roster, when it is no longer where the plan says")
	fl.StringVarP(&opts.Out, "out", "O", "", "new plan file to write")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "show what would change but write nothing")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the new plan file if it exists")
	fl.BoolVar(&opts.AllowUnmet, "allow-unmet", false, "write the plan even when some hard rules cannot be kept; the plan lists them")
	fl.DurationVar(&opts.Budget, "budget", 30*time.Second, "time cap per round, a safety net")
	return cmd
}

// cutAny cuts s around the first of the separators in seps.
func cutAny(s, seps string) (before, after string, found bool) {
	i := strings.IndexAny(s, seps)
	if i < 0 {
		return strings.TrimSpace(s), "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+size:]), true
}

// splitIDs splits ids given as "T01，T02" too, and drops empty ones; not
// at spaces, for a name typed for an id may have one ("Jane Doe").
func splitIDs(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, splitList(s)...)
	}
	return out
}

func runAmend(opts *amendOptions) error {
	ctx := opts.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if !opts.DryRun && !opts.Force && samePath(opts.Out, opts.Plan) {
		return messages.Errorf("%w: --out %s is the plan being amended; write the new plan beside it, so that `yishi cards NEW --changed-since OLD` can tell what changed (or give --force to replace it)", scenario.ErrInvalid, opts.Out)
	}
	old, s, err := loadPlan(opts.IO, opts.Plan)
	if err != nil {
		return err
	}
	if old.EditedByHand() {
		return messages.Errorf("%w: %s was changed by hand after yishi wrote it (its text no longer matches the digest on its last line), so what it says the day was cannot be trusted; amend the plan as yishi wrote it, making the change with --swap or --move", scenario.ErrInvalid, opts.Plan)
	}
	ropts := roster.Options{}
	if scenarios.Origin(old.Scenario.Source) != scenarios.Bundled {
		ropts.ScenarioFile = s.Pos.File
	}
	known, rosterPath, err := planRosters(opts, old, s, ropts)
	if err != nil {
		return err
	}
	var add *roster.Roster
	if opts.Add != "" {
		aopts := ropts
		aopts.Sheet = opts.Sheet
		r, diags := roster.Load(opts.Add, s, aopts)
		printDiagnostics(opts.IO, diags)
		if err := diags.Err(); err != nil {
			return &reportedError{err: err}
		}
		add = r
	}
	p, rep, err := roles.Amend(ctx, s, known, old, roles.AmendOptions{
		FromRound: opts.FromRound, Absent: opts.Absent, Add: add, Swaps: opts.Swaps, Moves: opts.Moves,
		AllowUnmet: opts.AllowUnmet, Budget: opts.Budget, Now: opts.Now,
	})
	var refusals scenario.Diagnostics
	if errors.As(err, &refusals) {
		printDiagnostics(opts.IO, refusals)
		return &reportedError{err: err}
	}
	if err != nil {
		return err
	}
	placeInputs(p, s.Pos.File, rosterPath, opts.Out)
	if n := newUnmet(p, opts.FromRound); n > 0 && !opts.AllowUnmet {
		printAmendment(opts.IO, p, rep)
		return messages.Errorf("%w: %s cannot be kept (listed above), so no plan was written; give --allow-unmet to write the plan with them listed",
			scenario.ErrInvalid, scenario.Plural(n, "%d rule", "%d rules"))
	}
	if !opts.DryRun {
		data, err := plan.Marshal(p)
		if err != nil {
			return err
		}
		if err := writeFiles(opts.Writer, []output.File{{Path: opts.Out, Data: data}}, opts.Force); err != nil {
			return err
		}
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]any{"plan": p, "changes": rep})
	}
	printAmendment(opts.IO, p, rep)
	if !opts.DryRun {
		opts.IO.printf("\nwrote %s\n", opts.Out)
		opts.IO.printf("next: yishi cards %s --changed-since %s --out DIR prints only the cards that changed\n", opts.Out, opts.Plan)
	}
	return nil
}

// printAmendment says what changed, trainee by trainee, and each round's
// seats moved against the fewest any amendment could move.
func printAmendment(io *streams, p *plan.Plan, rep *roles.AmendReport) {
	for _, c := range rep.Changes {
		io.printf("  %s\n", trusted(terminalSafe(io.P.Message(c.Text))))
	}
	if len(rep.Changes) > 0 {
		io.printf("\n")
	}
	for _, rd := range rep.Rounds {
		io.printf("round %d: moved %s; no amendment could move fewer than %d", rd.Round, scenario.Plural(rd.Moved, "%d seat", "%d seats"), rd.LowerBound)
		if rd.Bound > 0 {
			io.printf("; diversity %s of bound %s (%.2f%%)", trimFloat(rd.Diversity), trimFloat(rd.Bound), rd.Percent)
		}
		io.printf("\n")
	}
	printUnmet(io, p)
	for _, w := range p.WarningMessages() {
		io.eprintf("%s%s\n", io.paint(ansiYellow, "warning: "), trusted(terminalSafe(io.P.Message(w))))
	}
}

// planRosters reads the roster the plan was made from, and the walk-ins of
// its earlier amendments, each checked against the digest the plan keeps,
// and puts them together: every trainee the plan knows.
func planRosters(opts *amendOptions, p *plan.Plan, s *scenario.Scenario, ropts roster.Options) (*roster.Roster, string, error) {
	type source struct {
		ref  plan.RosterRef
		path string
		flag bool
	}
	srcs := []source{{ref: p.Roster, path: opts.Roster, flag: opts.Roster != ""}}
	for _, a := range p.Amendments {
		if a.Added != nil {
			srcs = append(srcs, source{ref: *a.Added})
		}
	}
	var all []*roster.Roster
	var paths []string
	for _, src := range srcs {
		path := src.path
		if path == "" {
			path = findBeside(opts.Plan, src.ref.File)
		}
		r, diags := roster.Load(path, s, ropts)
		// Its warnings were said when the plan was made; errors are news.
		printDiagnostics(opts.IO, diags.Errors())
		if err := diags.Err(); err != nil {
			if !src.flag && src.ref.File == p.Roster.File {
				return nil, "", messages.Errorf("%w: amend reads the roster the plan was made from, %s, and it cannot be read; give --roster FILE for a copy of it", scenario.ErrInvalid, src.ref.File)
			}
			return nil, "", &reportedError{err: err}
		}
		if src.ref.SHA256 != "" && r.SHA256 != src.ref.SHA256 {
			return nil, "", messages.Errorf("%w: %s has changed since the plan was made (sha256 %s…, the plan has %s…); amend needs the roster as it was: put walk-ins in a file of their own for --add, or give --roster FILE for a copy of the original", scenario.ErrInvalid, path, r.SHA256[:12], shortSHA(src.ref.SHA256))
		}
		all = append(all, r)
		if len(paths) == 0 {
			paths = append(paths, path)
		}
	}
	merged, err := roster.Merge(all[0], all[1:]...)
	var diags scenario.Diagnostics
	if errors.As(err, &diags) {
		printDiagnostics(opts.IO, diags)
		return nil, "", &reportedError{err: err}
	}
	return merged, paths[0], err
}

// newUnmet counts the hard rules the amended plan breaks in the rounds it
// changed; those of the rounds played before were there already.
func newUnmet(p *plan.Plan, from int) int {
	n := 0
	for _, u := range p.Unmet {
		if u.Round >= from {
			n++
		}
	}
	return n
}

func shortSHA(d string) string {
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

// findBeside is where a file a plan names is: as named, else beside the
// plan.
func findBeside(planPath, file string) string {
	if filepath.IsAbs(file) || fileExistsAt(file) {
		return file
	}
	if rel := filepath.Join(filepath.Dir(planPath), file); fileExistsAt(rel) {
		return rel
	}
	return file
}

func fileExistsAt(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// samePath reports whether a and b name one file.
func samePath(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// placeInputs names the files an amended plan was made from relative to
// planPath, where it is written, so that it finds them wherever the plan
// and they are moved together: the scenario (a file's; "" or a bundled
// one's stays as it is), the roster, and this amendment's walk-ins.
func placeInputs(p *plan.Plan, scenarioFile, rosterPath, planPath string) {
	if scenarioFile != "" && scenarios.Origin(p.Scenario.Source) != scenarios.Bundled {
		p.Scenario.Source = plan.ScenarioSource(scenarioFile, planPath)
	}
	p.Roster.File = besideRef(rosterPath, planPath)
	if n := len(p.Amendments); n > 0 && p.Amendments[n-1].Added != nil {
		p.Amendments[n-1].Added.File = besideRef(p.Amendments[n-1].Added.File, planPath)
	}
}

// besideRef is how a plan written to planPath names a file it was made
// from: relative to the plan's folder, as the scenario is.
func besideRef(file, planPath string) string {
	return plan.ScenarioSource(file, planPath)
}
