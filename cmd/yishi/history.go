package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/text/width"

	"github.com/yishi-council/yishi/cmd/yishi/internal/cohort"
	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/review/history"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

type historyOptions struct {
	IO *streams
	// History is the cohort database; Trainee, when set, lists that
	// trainee only.
	History string
	Trainee string
}

func newHistoryCmd(f *factory) *cobra.Command {
	return newHistoryCmdRun(f, runHistory, runHistoryAdd)
}

// newHistoryCmdRun builds the command with listF and addF in place of
// runHistory and runHistoryAdd, so tests can see the options the flags
// produce.
func newHistoryCmdRun(f *factory, listF func(*historyOptions) error, addF func(*historyAddOptions) error) *cobra.Command {
	opts := &historyOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "history --history cohort.db [--trainee ID]",
		Short: "List who played what on each training day of a cohort, and their scores over time",
		Long: `A cohort database keeps a cohort's training days by trainee id: each day's
plan, who sat in which group and played which role, and what each group
scored. yishi history add records a day; yishi history lists, for each
trainee, their rounds in date order: the scenario, round, group and role,
their group's scores on the dimensions their role owns (the host: rhythm,
hosting...; the recorder: recording) and the group's weighted total.

yishi assign --history uses the same file to avoid pairings of earlier
days and to let those who hosted or recorded before lead later.`,
		Example: "  yishi history add plan.yaml sheets/*.csv --history cohort.db --date 2026-03-10 --cohort \"桃源街道 2026 秋\"\n  yishi history add --db drill.db --history cohort.db\n  yishi history --history cohort.db --trainee T01 -o json",
		Args:    exactArgs(0, "no arguments (use --history)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.History == "" {
				return usagef("history needs --history FILE, the cohort database")
			}
			return listF(opts)
		},
	}
	cmd.Flags().StringVar(&opts.History, "history", "", "the cohort database")
	cmd.Flags().StringVar(&opts.Trainee, "trainee", "", "list this trainee only, by id")
	cmd.AddCommand(newHistoryAddCmd(f, addF))
	return cmd
}

func runHistory(opts *historyOptions) error {
	if !fileExistsAt(opts.History) {
		return messages.Errorf("%w: %s: no such file; yishi history add PLAN SCORESHEET... --history %s makes it", scenario.ErrInvalid, opts.History, opts.History)
	}
	db, err := openCohort(opts.History)
	if err != nil {
		return err
	}
	defer db.Close()
	name, err := db.Name()
	if err != nil {
		return dbError(opts.History, err)
	}
	days, err := db.Days()
	if err != nil {
		return dbError(opts.History, err)
	}
	ths := history.Timeline(days)
	if opts.Trainee != "" {
		var one []history.TraineeHistory
		for _, th := range ths {
			if th.ID == opts.Trainee {
				one = append(one, th)
			}
		}
		// A trainer types t01 for T01, or the trainee's name.
		for _, th := range ths {
			if one == nil && (strings.EqualFold(th.ID, opts.Trainee) || strings.TrimSpace(opts.Trainee) == th.Name) {
				one = append(one, th)
			}
		}
		if one == nil {
			return messages.Errorf("%w: %s keeps no trainee %q; yishi history --history %s lists them all", scenario.ErrInvalid, opts.History, opts.Trainee, opts.History)
		}
		ths = one
	}
	if opts.IO.JSON() {
		data, err := history.JSON(name, ths)
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(data)
		return err
	}
	opts.IO.printf("cohort %q: %s, %s\n", name, scenario.Plural(len(days), "%d training day", "%d training days"),
		scenario.Plural(len(history.Trainees(days)), "%d trainee", "%d trainees"))
	if len(ths) == 0 {
		return nil
	}
	return writeTable(opts.IO.Out, "  ", history.Table(ths, string(opts.IO.P.Language())))
}

type historyAddOptions struct {
	IO  *streams
	Now func() time.Time
	// History is the cohort database, created if missing; Cohort the
	// cohort's name when it is created.
	History string
	Cohort  string
	// Date is the training day, YYYY-MM-DD; empty for today, or with DB
	// the day the room was first opened.
	Date        string
	Plan        string
	Scoresheets []string
	// DB is the room's database, whose plan and scores are recorded
	// instead of the files.
	DB            string
	AllowNoPlanID bool
	// Force records the day even where it repeats or empties a day kept.
	Force bool
}

func newHistoryAddCmd(f *factory, runF func(*historyAddOptions) error) *cobra.Command {
	opts := &historyAddOptions{IO: f.IO, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "add PLAN SCORESHEET... --history cohort.db | add --db drill.db --history cohort.db",
		Short: "Record a training day in the cohort database: its plan and its groups' scores",
		Long: `Record one training day in the cohort database: who sat in which group and
played which role, from the plan, and each group's mean per dimension and
weighted total, from the reviewers' scoresheets as yishi review reads them
(or, with --db, the plan and scores the room kept). The file is created if
missing, with the cohort's name from --cohort (default: the file's name).

A day is kept by its plan id: recording the same plan again replaces it. A
plan that shares no trainee with the days already kept is refused: the
file keeps another cohort.`,
		Example: "  yishi history add plan.yaml sheets/*.csv --history cohort.db --date 2026-03-10\n  yishi history add --db drill.db --history cohort.db",
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.DB != "" {
				if len(args) > 0 {
					return usagef("history add --db takes the plan and the scores from the database; leave out the plan and scoresheet files")
				}
				return nil
			}
			return minArgs(2, "a plan file and at least one scoresheet")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.History == "" {
				return usagef("history add needs --history FILE, the cohort database")
			}
			if opts.DB == "" {
				opts.Plan, opts.Scoresheets = args[0], args[1:]
			}
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.History, "history", "", "the cohort database, created if missing")
	fl.StringVar(&opts.Cohort, "cohort", "", "the cohort's name, kept when the file is created (default: the file's name)")
	fl.StringVar(&opts.Date, "date", "", "the training day, YYYY-MM-DD (default: today; with --db, the day the room was opened)")
	fl.BoolVar(&opts.Force, "force", false, "record the day even if the history keeps the same day under another plan, keeps scores the files lack, or seems another cohort's")
	fl.StringVar(&opts.DB, "db", "", "record the plan and scores kept by yishi serve in this database")
	fl.BoolVar(&opts.AllowNoPlanID, "allow-no-plan-id", false, "take scoresheets without a plan id (hand-made ones), checking their members against the plan")
	return cmd
}

func runHistoryAdd(opts *historyAddOptions) error {
	if opts.Date != "" {
		// Excel's way of writing a date, 2026/3/10, is taken too.
		d, err := time.Parse("2006-1-2", strings.ReplaceAll(strings.TrimSpace(opts.Date), "/", "-"))
		if err != nil {
			return messages.Errorf("%w: --date %q is not a date; write it as YYYY-MM-DD, such as 2026-03-10", scenario.ErrInvalid, opts.Date)
		}
		opts.Date = d.Format(time.DateOnly)
	}
	p, s, rep, date, err := dayReport(opts)
	if err != nil {
		return err
	}
	if opts.Date != "" {
		date = opts.Date
	}
	day := history.DayOf(p, s, rep, date)
	existed := fileExistsAt(opts.History)
	db, err := openCohort(opts.History)
	if err != nil {
		return err
	}
	// Refused before anything is written: a file of another cohort stays
	// as it was.
	people := planPeople(p)
	days, err := sameCohort(opts.History, db, people)
	if err != nil && opts.Force && errors.Is(err, scenario.ErrInvalid) {
		// The trainer says these are the same people, names typed
		// another way.
		days, err = db.Days()
	}
	if err != nil {
		db.Close()
		return err
	}
	if err := checkReplacing(opts, days, day); err != nil {
		db.Close()
		return err
	}
	name := opts.Cohort
	if name == "" {
		base := filepath.Base(opts.History)
		name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	replaced, err := db.Record(day, name, opts.Now())
	kept, nerr := db.Name()
	err = errors.Join(err, nerr, db.Close())
	if err != nil {
		if !existed {
			removeCohort(opts.History)
		}
		return dbError(opts.History, err)
	}
	if opts.Cohort != "" && kept != opts.Cohort {
		opts.IO.eprintf("note: --cohort is kept only when the file is made; %s keeps cohort %s\n", opts.History, kept)
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]any{"history": opts.History, "cohort": kept, "plan": day.Plan, "date": day.Date, "replaced": replaced,
			"trainees": len(people), "scored_groups": scored(day)})
	}
	groups := scenario.Plural(scored(day), "%d group with scores", "%d groups with scores")
	if replaced {
		opts.IO.printf("replaced the day of plan %s in %s (cohort %q): %s, %s, %s\n", day.Plan, opts.History, kept, day.Date, scenario.Plural(len(people), "%d trainee", "%d trainees"), groups)
		return nil
	}
	opts.IO.printf("recorded plan %s in %s (cohort %q): %s, %s, %s\n", day.Plan, opts.History, kept, day.Date, scenario.Plural(len(people), "%d trainee", "%d trainees"), groups)
	return nil
}

// checkReplacing refuses, unless --force, to record a day that would
// put a day already kept out of the history's view: the same training day
// under another plan id (recorded twice, its pairings and leaders would
// count twice for assign), or a day with scores replaced by one without.
func checkReplacing(opts *historyAddOptions, days []history.Day, day history.Day) error {
	if opts.Force {
		return nil
	}
	if d, ok := sameDay(days, day); ok {
		return messages.Errorf("%w: %s already keeps %s on %s (plan %s), with most of these trainees: the same day, recorded again? Give --force to keep both, or --date for another day",
			scenario.ErrInvalid, opts.History, d.Title, d.Date, d.Plan)
	}
	for _, d := range days {
		if d.Plan != day.Plan {
			continue
		}
		switch {
		case d.Date != day.Date:
			return messages.Errorf("%w: %s keeps plan %s on %s; recording it on %s would replace that day: give --date %s, or --force to move it",
				scenario.ErrInvalid, opts.History, d.Plan, d.Date, day.Date, d.Date)
		case scored(day) == 0 && scored(d) > 0:
			return messages.Errorf("%w: %s keeps plan %s with scores for %s, and these files hold none; give --force to replace them with none",
				scenario.ErrInvalid, opts.History, d.Plan, scenario.Plural(scored(d), "%d group", "%d groups"))
		case scored(day) < scored(d):
			return messages.Errorf("%w: %s keeps plan %s with scores for %s, and these files hold scores for %s; give every scoresheet of the day, or --force to keep only these",
				scenario.ErrInvalid, opts.History, d.Plan, scenario.Plural(scored(d), "%d group", "%d groups"), scenario.Plural(scored(day), "%d group", "%d groups"))
		}
	}
	return nil
}

// dayReport reads the day to record as yishi review reads it, with
// [readDayInputs]: the plan, scores and log from --db (the date then the
// day the room was first opened), or the plan and the scoresheet and log
// files (the date today), so that a day is recorded from what its report
// was made from.
func dayReport(opts *historyAddOptions) (*plan.Plan, *scenario.Scenario, *review.Report, string, error) {
	in, err := readDayInputs(opts.IO, opts.Plan, opts.Scoresheets, opts.DB, opts.AllowNoPlanID)
	if err != nil {
		return nil, nil, nil, "", err
	}
	date := opts.Now().Format(time.DateOnly)
	if opts.DB != "" {
		date = in.room.Created.Local().Format(time.DateOnly)
	}
	return in.plan, in.scenario, in.report(), date, nil
}

// openCohort opens the cohort database at path, saying in the trainer's
// words why a file of another kind is refused.
func openCohort(path string) (*cohort.DB, error) {
	db, err := cohort.Open(path)
	if err != nil {
		return nil, cohortError(path, err)
	}
	return db, nil
}

// cohortError is err of the cohort database at path as the CLI says it.
func cohortError(path string, err error) error {
	switch {
	case errors.Is(err, cohort.ErrRoomDB):
		return messages.Errorf("%w: %s is the room's database (yishi serve --db), not a cohort history; give --history another file, such as cohort.db", scenario.ErrInvalid, path)
	case errors.Is(err, cohort.ErrNotCohort):
		return messages.Errorf("%w: %s is not a yishi cohort history; give --history a new file name, or the file yishi history add made", scenario.ErrInvalid, path)
	case errors.Is(err, cohort.ErrNewerSchema):
		return messages.Errorf("%w: %s was made by a newer yishi; use that version, or give --history another file", scenario.ErrInvalid, path)
	}
	return &fs.PathError{Op: "open", Path: path, Err: err}
}

// sameCohort reads the days of db, the cohort database at path, and
// refuses them when they are of another cohort: days kept, and none of
// ids among their trainees.
func sameCohort(path string, db *cohort.DB, people map[string]string) ([]history.Day, error) {
	days, err := db.Days()
	if err != nil {
		return nil, dbError(path, err)
	}
	kept := history.Trainees(days)
	if len(kept) == 0 {
		return days, nil
	}
	// The names the history knows, the latest day's for each id.
	known := map[string]string{}
	for _, d := range days {
		for _, st := range d.Seats {
			if st.Name != "" {
				known[st.Trainee] = st.Name
			}
		}
	}
	// Ids such as T01 are every roster's: a cohort is the same people,
	// so an id the history keeps under another name does not count.
	shared, renamed := 0, []string{}
	for _, id := range kept {
		name, on := people[id]
		if !on {
			continue
		}
		shared++
		if was := known[id]; was != "" && strings.TrimSpace(name) != "" && !sameName(name, was) {
			renamed = append(renamed, id)
		}
	}
	if shared > 0 && 2*len(renamed) <= shared {
		return days, nil
	}
	name, err := db.Name()
	if err != nil {
		return nil, dbError(path, err)
	}
	if shared == 0 {
		return nil, messages.Errorf("%w: %s keeps another cohort (%s, %s, none on this roster); give another --history file",
			scenario.ErrInvalid, path, name, scenario.Plural(len(kept), "%d trainee", "%d trainees"))
	}
	first := renamed[0]
	return nil, messages.Errorf("%w: %s keeps another cohort (%s): %s of the %s on both are other people there, such as %s, %s here but %s in the history; give another --history file",
		scenario.ErrInvalid, path, name, scenario.Plural(len(renamed), "%d id", "%d ids"), scenario.Plural(shared, "%d id", "%d ids"), first, people[first], known[first])
}

// sameName reports whether two names are one person's as rosters write
// them: letter case, full-width letters and spaces aside.
func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(width.Fold.String(s)), ""))
	}
	return norm(a) == norm(b)
}

// sameDay is a day of days, other than plan's own, that day repeats: of the
// same date and scenario, with at least half of its trainees. The same
// day recorded from the room's database and again from its export, or
// from a plan and its amended copy, has two plan ids.
func sameDay(days []history.Day, day history.Day) (history.Day, bool) {
	mine := map[string]bool{}
	for _, st := range day.Seats {
		mine[st.Trainee] = true
	}
	for _, d := range days {
		if d.Plan == day.Plan || d.Date != day.Date || d.Scenario != day.Scenario {
			continue
		}
		seen, shared := map[string]bool{}, 0
		for _, st := range d.Seats {
			if !seen[st.Trainee] {
				seen[st.Trainee] = true
				if mine[st.Trainee] {
					shared++
				}
			}
		}
		if 2*shared >= len(seen) {
			return d, true
		}
	}
	return history.Day{}, false
}

// scored counts the groups of day with a weighted total.
func scored(day history.Day) int {
	n := 0
	for _, t := range day.Totals {
		if t.Weighted != nil {
			n++
		}
	}
	return n
}

// planPeople are the names of everyone the plan seats, by id.
func planPeople(p *plan.Plan) map[string]string {
	out := map[string]string{}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				out[m.ID] = m.Name
			}
		}
	}
	return out
}

// removeCohort removes the cohort database at path, made by a recording
// that failed, and the files SQLite keeps beside it.
func removeCohort(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
}

// earlierDays reads, for yishi assign --history, what the cohort database
// at path says of the roster's trainees ids, and the days it keeps. The
// file must exist: a name mistyped would give no history
// without a word.
func earlierDays(path string, people map[string]string) (*roles.Earlier, []history.Day, error) {
	if !fileExistsAt(path) {
		return nil, nil, messages.Errorf("%w: %s: no such file; yishi history add PLAN SCORESHEET... --history %s makes it", scenario.ErrInvalid, path, path)
	}
	db, err := openCohort(path)
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	days, err := sameCohort(path, db, people)
	if err != nil {
		return nil, nil, err
	}
	e := history.Earlier(days)
	return &e, days, nil
}
