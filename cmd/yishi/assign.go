package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type assignOptions struct {
	IO         *streams
	Writer     *output.Writer
	Now        func() time.Time // the clock the time budget is measured by
	Scenario   string
	Roster     string
	Sheet      string
	Groups     int
	Size       int
	Rounds     int
	Seed       uint64
	Budget     time.Duration
	Iterations int
	Out        string
	DryRun     bool
	Force      bool
	AllowUnmet bool
	// StrictBackgrounds refuses backgrounds the scenario does not list.
	StrictBackgrounds bool
	// Timing puts the day on the clock and the groups at tables.
	Timing plan.Timing
	// History is the cohort database of earlier training days, whose
	// pairings the plan avoids and whose hosts and recorders lead later.
	History string

	ctx context.Context
}

func newAssignCmd(f *factory) *cobra.Command {
	return newAssignCmdRun(f, func(o *assignOptions) error { return runAssign(o.ctx, o) })
}

// newAssignCmdRun builds the command with runF in place of runAssign, so
// tests can see the options the flags produce.
func newAssignCmdRun(f *factory, runF func(*assignOptions) error) *cobra.Command {
	opts := &assignOptions{IO: f.IO, Writer: f.writer(), Now: f.Now}
	var timing timingFlags
	cmd := &cobra.Command{
		Use:   "assign --scenario ID|FILE --roster FILE --out plan.yaml",
		Short: "Form mixed groups from a roster and give every trainee a role",
		Long: `Form groups that are as mixed as possible (communities and backgrounds spread
across groups, as the scenario's grouping.mix asks), keep quotas and keep-apart
rules, and cast each group's roles (host, recorder, stakeholders) so that
trainees play a perspective not their own and host/recorder turns rotate over
rounds. Writes the plan that cards, scoresheets and review read.

The roster is CSV (UTF-8, UTF-8 with BOM, GB18030 as Chinese Excel saves it,
or Windows-1252 as English Excel does; the encoding used is printed), XLSX or
YAML, with columns id, name, unit, background (Chinese headers such as 姓名,
社区, 背景 work too), optional avoid, together and prefers. A background the
scenario does not list is mixed as a category of its own, with a warning;
--strict-backgrounds refuses it instead. Remarks (备注) go to the trainer's
master sheet only; phone numbers are read past.

Each round reports "diversity X of bound Y (Z%)": Y is an upper bound no
grouping can beat, so Z% says how close to the best possible the plan is.
The same inputs and --seed give a byte-identical plan, whatever the order of
the roster's rows.`,
		Example: "  yishi assign --scenario elevator-retrofit --roster roster.csv --out plan.yaml\n  yishi assign --scenario my.yaml --roster 报名表.xlsx --groups 5 --rounds 3 --seed 7 --out plan.yaml",
		Args:    exactArgs(0, "no arguments (use --scenario and --roster)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Scenario == "" || opts.Roster == "" {
				return usagef("assign needs --scenario and --roster")
			}
			if opts.Out == "" && !opts.DryRun {
				return usagef("assign needs --out FILE for the plan, or --dry-run")
			}
			if opts.Groups < 0 || opts.Size < 0 || opts.Rounds < 0 {
				return usagef("--groups, --size and --rounds must not be negative")
			}
			if opts.Groups > 0 && opts.Size > 0 {
				return usagef("give --groups or --size, not both")
			}
			t, err := timing.timing()
			if err != nil {
				return err
			}
			opts.Timing = t
			opts.ctx = cmd.Context()
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Scenario, "scenario", "s", "", "bundled scenario id or scenario file")
	fl.StringVarP(&opts.Roster, "roster", "r", "", "roster file: .csv, .xlsx or .yaml")
	fl.StringVar(&opts.Sheet, "sheet", "", "XLSX sheet to read (default: the first)")
	fl.IntVarP(&opts.Groups, "groups", "g", 0, "number of groups (default: from --size or the scenario)")
	fl.IntVar(&opts.Size, "size", 0, "wanted group size (default: the scenario's bounds)")
	fl.IntVar(&opts.Rounds, "rounds", 0, "number of rounds; later rounds avoid repeat pairings and rotate host and recorder (default: as many as the scenario's schedule.rounds names, else 1)")
	fl.Uint64Var(&opts.Seed, "seed", 1, "random seed; the same inputs and seed give the same plan")
	fl.DurationVar(&opts.Budget, "budget", 30*time.Second, "time cap per round, a safety net (plans cut short by it may differ between machines)")
	fl.IntVar(&opts.Iterations, "iterations", 0, "optimiser work per round (default: scaled by roster size)")
	fl.StringVarP(&opts.Out, "out", "O", "", "plan file to write")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "show the groups but write nothing")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the plan file if it exists")
	fl.BoolVar(&opts.StrictBackgrounds, "strict-backgrounds", false, "refuse a background the scenario does not list, rather than mixing it as a category of its own")
	fl.BoolVar(&opts.AllowUnmet, "allow-unmet", false, "write the plan even when some hard rules (quotas, keep-apart, roles) cannot be kept; the plan lists them")
	fl.StringVar(&opts.History, "history", "", "cohort database of earlier training days (yishi history add): avoid their pairings, and let those who hosted or recorded lead later")
	timing.add(fl)
	return cmd
}

func runAssign(ctx context.Context, opts *assignOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, src, err := loadScenarioSource(opts.IO, opts.Scenario)
	if err != nil {
		return err
	}
	// The lint's warnings come before the drill, when the scenario can
	// still be mended; they stop nothing.
	printDiagnostics(opts.IO, cards.Lint(s))
	ropts := roster.Options{Sheet: opts.Sheet, StrictBackgrounds: opts.StrictBackgrounds}
	if src.Origin != scenarios.Bundled {
		ropts.ScenarioFile = src.Name
	}
	rst, diags := roster.Load(opts.Roster, s, ropts)
	printDiagnostics(opts.IO, diags)
	if err := diags.Err(); err != nil {
		return &reportedError{err: err}
	}
	aopts := roles.AssignOptions{
		Groups: opts.Groups, Size: opts.Size, Rounds: opts.Rounds, Seed: opts.Seed,
		Iterations: opts.Iterations, Budget: opts.Budget, Now: opts.Now,
		ScenarioSource: plan.ScenarioSource(string(src.Origin), opts.Out), ScenarioSHA256: plan.Digest(src.Data),
		AllowUnmet: opts.AllowUnmet,
	}
	var days int
	if opts.History != "" {
		people := make(map[string]string, len(rst.Trainees))
		for _, t := range rst.Trainees {
			people[t.ID] = t.Name
		}
		earlier, kept, err := earlierDays(opts.History, people)
		if err != nil {
			return err
		}
		aopts.Earlier, aopts.History, days = earlier, filepath.Base(opts.History), len(kept)
	}
	p, err := roles.Assign(ctx, s, rst, aopts)
	var refusals scenario.Diagnostics
	if errors.As(err, &refusals) {
		// Every reason the roster cannot be grouped, each on its own line
		// at the roster file, as validate prints a scenario's problems.
		printDiagnostics(opts.IO, refusals)
		return &reportedError{err: err}
	}
	if err != nil {
		return err
	}
	if err := p.Schedule(s, opts.Timing); err != nil {
		return err
	}
	if len(p.Unmet) > 0 && !opts.AllowUnmet {
		if !opts.IO.JSON() {
			printPlanSummary(opts.IO, s, rst, p)
		} else {
			printUnmet(opts.IO, p)
		}
		return messages.Errorf("%w: %s cannot be kept (listed above), so no plan was written; change the roster or the scenario's rules, or give --allow-unmet to write the plan with them listed",
			scenario.ErrInvalid, scenario.Plural(len(p.Unmet), "%d rule", "%d rules"))
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
		return opts.IO.printJSON(p)
	}
	printPlanSummary(opts.IO, s, rst, p)
	if opts.History != "" {
		opts.IO.printf("\nearlier days: %s from %s; their pairings count as repeats, and who hosted or recorded leads later\n",
			scenario.Plural(days, "%d training day", "%d training days"), opts.History)
	}
	if !opts.DryRun {
		opts.IO.printf("\nwrote %s\n", opts.Out)
	}
	return nil
}

// printPlanSummary shows each round's quality and, per group, its size and
// how its members spread over units and backgrounds.
func printPlanSummary(io *streams, s *scenario.Scenario, r *roster.Roster, p *plan.Plan) {
	// The encoding of a CSV roster is a guess; a trainer who sees the wrong
	// one here knows why the names look wrong.
	read := r.Encoding
	if read == "" {
		read = r.Format
	}
	io.printf("read %s (%s, %s)\n", r.File, read, scenario.Plural(len(r.Trainees), "%d trainee", "%d trainees"))
	sizes := fmt.Sprint(p.Settings.SizeMin)
	if p.Settings.SizeMax != p.Settings.SizeMin {
		sizes += fmt.Sprintf("–%d", p.Settings.SizeMax)
	}
	io.printf("%s — %s, %s of %s, %s, seed %d\n",
		s.Title, scenario.Plural(p.Roster.Trainees, "%d trainee", "%d trainees"), scenario.Plural(p.Settings.Groups, "%d group", "%d groups"), sizes,
		scenario.Plural(p.Settings.Rounds, "%d round", "%d rounds"), p.Seed)
	// A list of counts is "石庄社区 2、东关村 1" in Chinese.
	sep := ", "
	if io.P.Language() == messages.Chinese {
		sep = "、"
	}
	for _, rd := range p.Rounds {
		if when := roundWhen(&rd); when != "" {
			io.printf("\nround %d (%s): diversity %s", rd.Round, when, trimFloat(rd.Diversity))
		} else {
			io.printf("\nround %d: diversity %s", rd.Round, trimFloat(rd.Diversity))
		}
		if rd.Bound > 0 {
			io.printf(" of bound %s (%.2f%%)", trimFloat(rd.Bound), rd.Percent)
		}
		if rd.Round > 1 || p.Settings.History != "" {
			io.printf("%s", scenario.Plural(rd.Repeats, ", %d repeat pairing", ", %d repeat pairings"))
			if rd.MinRepeats > 0 {
				io.printf(" (at least %d unavoidable with %d groups)", rd.MinRepeats, p.Settings.Groups)
			}
		}
		io.printf("\n")
		rows := [][]string{{io.T("GROUP"), io.T("SIZE"), io.T("UNITS"), io.T("BACKGROUNDS"), io.T("HOST / RECORDER")}}
		tables := len(p.Settings.Tables) > 0
		if tables {
			rows[0] = append(rows[0], io.T("TABLE"))
		}
		for _, g := range rd.Groups {
			units, bgs := map[string]int{}, map[string]int{}
			var leads []string
			for _, m := range g.Members {
				units[m.Unit]++
				label := m.Background
				if b, ok := s.Background(m.Background); ok {
					label = b.Label.In(s.Language)
				}
				bgs[label]++
				if role, ok := s.Role(m.Role); ok && (role.Function == scenario.FunctionHost || role.Function == scenario.FunctionRecorder) {
					leads = append(leads, m.Name)
				}
			}
			row := []string{fmt.Sprint(g.Group), fmt.Sprint(len(g.Members)), countList(units, sep), countList(bgs, sep), strings.Join(leads, " / ")}
			if tables {
				row = append(row, g.Table)
			}
			rows = append(rows, row)
		}
		writeTable(io.Out, "  ", rows)
	}
	printUnmet(io, p)
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				if m.Note != "" {
					io.eprintf("note: round %d, group %d: %s (%s) %s\n", rd.Round, g.Group, m.Name, m.ID, trusted(terminalSafe(io.P.Message(m.NoteMessage()))))
				}
			}
		}
	}
	for _, w := range p.WarningMessages() {
		io.eprintf("%s%s\n", io.paint(ansiYellow, "warning: "), trusted(terminalSafe(io.P.Message(w))))
	}
}

// countList renders counts as "石庄社区 2, 东关村 1", largest first,
// joined by sep.
func countList(m map[string]int, sep string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, sep)
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.3f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// printUnmet lists the hard rules a plan could not keep, on stderr.
func printUnmet(io *streams, p *plan.Plan) {
	for _, u := range p.Unmet {
		where := scenario.Msg("round %d", u.Round)
		if u.Group > 0 {
			where = scenario.Msg("round %d, group %d", u.Round, u.Group)
		}
		io.eprintf("%s%s: %s: %s\n", io.paint(ansiRed, "not met: "), where, u.RuleMessage(), trusted(terminalSafe(io.P.Message(u.DetailMessage()))))
	}
}
