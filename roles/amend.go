package roles

import (
	"cmp"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// AmendOptions are the changes on the day that [Amend] makes to a plan.
type AmendOptions struct {
	// FromRound is the first round changed (1-based); the rounds before it
	// are history and never change. 0 means 1.
	FromRound int
	// Absent are the ids of trainees who did not come: they sit out every
	// round from FromRound on.
	Absent []string
	// Add are walk-ins, who may be nil: they join from FromRound on, in
	// the rounds their availability allows.
	Add *roster.Roster
	// Swaps are pairs of ids who trade seats, and roles, in round
	// FromRound.
	Swaps [][2]string
	// Moves are trainees moved by hand to a group of round FromRound.
	Moves []Move
	// AllowUnmet writes the plan with the hard rules it cannot keep listed
	// in its Unmet, rather than failing.
	AllowUnmet bool
	// Iterations caps the optimiser's work per round; 0 selects
	// [AmendIterations].
	Iterations int
	// Budget caps the optimiser's time per round, and Now is its clock,
	// as in [AssignOptions].
	Budget time.Duration
	Now    func() time.Time
}

// Move is a trainee moved by hand to a group (1-based) of the first round
// amended.
type Move struct {
	ID    string
	Group int
}

// AmendReport says what [Amend] changed: round by round, how many seats
// it moved against the fewest any amendment could, and how mixed the
// groups are; and trainee by trainee, what changed for them.
type AmendReport struct {
	Rounds []AmendedRound
	// Moved and LowerBound add up those of the rounds.
	Moved, LowerBound int
	// Changes are the changes of every trainee, by round, group and id.
	Changes []Change
}

// AmendedRound is one round an amendment changed.
type AmendedRound struct {
	Round int
	// Moved counts the trainees of the round who sit in another group
	// than in the plan amended, the trainer's own swaps and moves
	// included; LowerBound is the fewest any amendment keeping the hard
	// rules could move: those swaps and moves, plus [grouping.MinMoves]
	// of the round's problem. A round that breaks hard rules under AllowUnmet is
	// bounded over the rules it keeps, so Moved is never below it.
	Moved, LowerBound int
	// Diversity, Bound, Percent and Repeats are the round's figures, as
	// the plan has them.
	Diversity, Bound, Percent float64
	Repeats                   int
}

// ChangeKind names what changed for a trainee in a round.
type ChangeKind string

// The changes of [Change].
const (
	ChangeAbsent ChangeKind = "absent"  // left the round: did not come
	ChangeWalkIn ChangeKind = "walk-in" // joined the round
	ChangeMoved  ChangeKind = "moved"   // sits in another group
	ChangeRole   ChangeKind = "role"    // same group, another role
)

// Change is what an amendment changed for one trainee in one round.
type Change struct {
	Round int
	Kind  ChangeKind
	ID    string
	Name  string
	// FromGroup and FromRole are the seat before (0 and "" for a
	// walk-in); ToGroup and ToRole the seat after (0 and "" for an
	// absent trainee).
	FromGroup, ToGroup int
	FromRole, ToRole   string
	// Text says it for the trainer, in the CLI's language.
	Text scenario.Message
}

// AmendIterations is the optimiser's work per amended round of n
// trainees when [AmendOptions.Iterations] is 0: 40·n + 20,000 sampled
// moves. The search starts from the old groups, which keep every rule
// but the few seats the changes opened, so there is little to do besides
// that repair; a fifth of the work [grouping.DefaultIterations] gives a
// fresh round keeps an amendment of 300 trainees in three rounds well
// under 200 ms, with moves at the lower bound on the sample cases (see
// BenchmarkAmend300).
func AmendIterations(n int) int { return 40*n + 20000 }

// The places named in the problems [Amend] finds with its options, which
// are the flags of `yishi amend` that give them.
var (
	atAbsent    = scenario.Pos{File: "--absent"}
	atSwap      = scenario.Pos{File: "--swap"}
	atMove      = scenario.Pos{File: "--move"}
	atFromRound = scenario.Pos{File: "--from-round"}
)

// Amend changes a plan on the day: the absent leave, the walk-ins join,
// the swaps and moves are made, and every seat and every role that can
// stay stays. r is every trainee the old plan knows (its roster and
// earlier walk-ins). Rounds before FromRound are copied unchanged; each
// later round is formed from the old round's members, without the absent
// and with the walk-ins who sit it, by the optimiser with each member's
// old group as their Stay group (see [grouping.Problem.Stay]) and the
// swapped and moved trainees pinned in round FromRound, under the hard
// rules of [Assign]: group sizes no smaller than the smaller of the old
// round's smallest group and floor(n/g), and no larger than the larger of
// its largest and ceil(n/g), within the scenario's bounds; quotas;
// keep-apart and together; roles every group must fill; rotation. Casting
// keeps every role it can (see [castGroupKeeping]).
//
// It fails, wrapping [scenario.ErrInvalid], with every problem at once: as
// [scenario.Diagnostics] at the flag that asked for it (--absent, --swap,
// --move, --from-round) or at the walk-in's row, and, like [Assign], when
// a round cannot be formed at all or when it breaks a hard rule, unless
// AllowUnmet puts those in the plan's Unmet. The rounds before FromRound
// keep their unmet rules as the old plan has them, and never fail the
// amendment: the rules the amendment itself broke are those of Unmet whose
// Round is at least FromRound (the last of the plan's Amendments says it).
// The same inputs give the same plan, whatever the order of Absent, Swaps
// and Moves.
func Amend(ctx context.Context, s *scenario.Scenario, r *roster.Roster, old *plan.Plan, opts AmendOptions) (*plan.Plan, *AmendReport, error) {
	from := opts.FromRound
	if from == 0 {
		from = 1
	}
	var diags scenario.Diagnostics
	am := &amendment{s: s, old: old, opts: opts, from: from}
	if !am.prepare(r, &diags) {
		return nil, nil, diags.Err()
	}
	inputs := make(map[int]*amendInput)
	for k := from; k <= len(old.Rounds); k++ {
		inputs[k] = am.input(k, &diags)
	}
	if err := diags.Err(); err != nil {
		return nil, nil, err
	}
	p := am.newPlan()
	report := &AmendReport{}
	var failures scenario.Diagnostics
	for k := from; k <= len(old.Rounds); k++ {
		ar, err := am.amendRound(ctx, p, k, inputs[k], &failures)
		if err != nil {
			return nil, nil, err
		}
		report.Rounds = append(report.Rounds, ar)
		report.Moved += ar.Moved
		report.LowerBound += ar.LowerBound
	}
	if err := failures.Err(); err != nil {
		return nil, nil, err
	}
	for _, w := range slices.Concat(spreadWarnings(s, am.all, p, am.pastOfPlan(p)), unplayedRoles(s, p), unreachedInjects(s, p)) {
		if k := warningRound(w.String()); k > 0 && k < from {
			continue // a copied round keeps the old plan's warnings
		}
		p.Warn(w)
	}
	if err := am.schedule(p); err != nil {
		return nil, nil, err
	}
	amendment := plan.Amendment{
		From: old.ID(), FromRound: from, Absent: am.absentIDs(), Swaps: am.swapTexts(), Moves: am.moveTexts(),
		Moved: report.Moved, LowerBound: report.LowerBound,
	}
	if a := opts.Add; a != nil {
		// A later amendment reads the walk-ins again from this file,
		// checked against its digest.
		amendment.Added = &plan.RosterRef{File: a.File, SHA256: a.SHA256, Trainees: len(a.Trainees)}
	}
	p.Amendments = append(slices.Clone(old.Amendments), amendment)
	report.Changes = changes(s, old, p, from)
	return p, report, nil
}

// schedule puts the amended plan on the old plan's clock and at its
// tables. The day is under way as it was printed: an old plan without a
// clock (an untimed day, or one made before plans had clocks) stays
// untimed, and one without tables stays without, whatever the scenario's
// schedule says.
func (am *amendment) schedule(p *plan.Plan) error {
	old := am.old
	tables := old.Settings.Tables
	if tables == nil {
		tables = []string{} // not nil, which would take the scenario's
	}
	if err := p.Schedule(am.s, plan.Timing{Start: old.Settings.Start, Break: old.Settings.Break, Tables: tables}); err != nil {
		return err
	}
	if old.Settings.Start == "" {
		// plan.Schedule takes the scenario's start for an empty one.
		p.Settings.Start, p.Settings.Break = "", 0
		for i := range p.Rounds {
			p.Rounds[i].Start, p.Rounds[i].End = "", ""
		}
	}
	return nil
}

// planRounds is "only round 1" or "rounds 1–3".
func planRounds(n int) scenario.Message {
	if n == 1 {
		return scenario.Msg("only round 1")
	}
	return scenario.Msg("rounds 1–%d", n)
}

// amendment is what Amend works from.
type amendment struct {
	s    *scenario.Scenario
	old  *plan.Plan
	opts AmendOptions
	from int

	all     *roster.Roster    // the plan's trainees and the walk-ins, by id
	byID    map[string]int    // index in all
	walkIn  map[string][]bool // walk-in id -> rounds sat (nil: every round)
	absent  map[string]bool   //
	pinned  map[string]int    // id -> 0-based group of round from
	keep    map[string]string // id -> role to keep in round from, for swaps
	swaps   [][2]string       // sorted
	moves   []Move            // sorted
	history *castHistory      // who played what, up to the round being amended
}

// prepare merges the walk-ins into the roster and checks the options,
// saying every problem in diags; it reports whether there were none.
func (am *amendment) prepare(r *roster.Roster, diags *scenario.Diagnostics) bool {
	old, from := am.old, am.from
	// A round the plan does not have is said with the other problems; the
	// checks that need the round's seats are left out then.
	haveRound := from >= 1 && from <= len(old.Rounds)
	if !haveRound {
		diags.Errorf(atFromRound, "round %d: the plan has %s", from, planRounds(len(old.Rounds)))
	}
	if n := len(old.Amendments); n > 0 && haveRound && from < old.Amendments[n-1].FromRound {
		last := old.Amendments[n-1].FromRound
		diags.Errorf(atFromRound, "round %d was played before the last amendment (from round %d); amend from round %d on", from, last, last)
	}
	known := map[string]bool{}
	for _, t := range r.Trainees {
		known[t.ID] = true
	}
	for _, rd := range old.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				if !known[m.ID] {
					diags.Errorf(scenario.Pos{File: r.File}, "the plan's trainee %s (%s) is not in the roster; give the roster the plan was made from, with earlier walk-ins", m.Name, m.ID)
					known[m.ID] = true
				}
			}
		}
	}
	// The walk-ins join the roster as roster.Merge puts rosters together,
	// so that a plan amended here can be amended again from the same files:
	// an id already used or a column of numbers given words is refused at
	// the walk-in's row. While they are refused, the ids of the walk-ins
	// are not said to be unknown as well.
	am.walkIn = map[string][]bool{}
	pending := map[string]bool{}
	all, err := roster.Merge(r, am.opts.Add)
	var merged scenario.Diagnostics
	switch {
	case errors.As(err, &merged):
		*diags = append(*diags, merged...)
		all = r.SortedByID()
	case err != nil:
		diags.Errorf(scenario.Pos{File: r.File}, "%v", err)
		all = r.SortedByID()
	}
	am.all = all
	if am.opts.Add != nil {
		rounds := len(old.Rounds)
		for _, t := range am.opts.Add.SortedByID().Trainees {
			if err != nil {
				pending[t.ID] = true
			}
			before := len(*diags)
			attend := attendance(am.s, t, rounds, diags)
			if len(*diags) > before || known[t.ID] {
				continue
			}
			if attend != nil && haveRound && !slices.Contains(attend[from-1:], true) {
				diags.Errorf(cellOf(t), "walk-in %s (%s) attends no round from round %d on, so would sit none; give a round they attend, or leave them out of the walk-ins", t.Name, t.ID, from)
				continue
			}
			if err == nil {
				am.walkIn[t.ID] = attend
			}
		}
	}
	am.byID = map[string]int{}
	ids := make([]string, 0, len(am.all.Trainees))
	byName := map[string][]string{}
	for i, t := range am.all.Trainees {
		am.byID[t.ID] = i
		ids = append(ids, t.ID)
		byName[scenario.OneLine(t.Name)] = append(byName[scenario.OneLine(t.Name)], t.ID)
	}
	unknown := func(at scenario.Pos, id string) bool {
		if _, ok := am.byID[id]; ok {
			return false
		}
		if pending[id] {
			return true
		}
		// A trainer at the door types the name they hear.
		if named := byName[scenario.OneLine(id)]; len(named) > 0 {
			diags.Errorf(at, "no trainee has the id %q, but %s: options take ids", id, namedIDs(id, named))
			return true
		}
		if sug := scenario.Suggest(id, ids); sug != "" {
			diags.Errorf(at, "no trainee %q in the plan or the walk-ins (did you mean %q?)", id, sug)
		} else {
			diags.Errorf(at, "no trainee %q in the plan or the walk-ins", id)
		}
		return true
	}
	am.absent = map[string]bool{}
	for _, id := range am.opts.Absent {
		if id = strings.TrimSpace(id); !unknown(atAbsent, id) {
			am.absent[id] = true
		}
	}
	round := &plan.Round{}
	if haveRound {
		round = &old.Rounds[from-1]
	}
	name := func(id string) string { return am.all.Trainees[am.byID[id]].Name }
	am.pinned, am.keep = map[string]int{}, map[string]string{}
	usable := func(at scenario.Pos, id string) bool {
		if unknown(at, id) {
			return false
		}
		if am.absent[id] {
			diags.Errorf(at, "%s (%s) is absent, so cannot be swapped or moved", name(id), id)
			return false
		}
		if _, twice := am.pinned[id]; twice {
			diags.Errorf(at, "%s (%s) is swapped or moved twice; give each trainee one swap or move", name(id), id)
			return false
		}
		return true
	}
	for _, sw := range am.opts.Swaps {
		a, b := strings.TrimSpace(sw[0]), strings.TrimSpace(sw[1])
		okA, okB := usable(atSwap, a), usable(atSwap, b)
		if !okA || !okB || !haveRound {
			continue
		}
		if a == b {
			diags.Errorf(atSwap, "%s (%s) is swapped with themselves", name(a), a)
			continue
		}
		ma, ga, inA := round.Member(a)
		mb, gb, inB := round.Member(b)
		for _, miss := range []struct {
			id string
			in bool
		}{{a, inA}, {b, inB}} {
			if !miss.in {
				diags.Errorf(atSwap, "%s (%s) has no seat in round %d to swap", name(miss.id), miss.id, from)
			}
		}
		if !inA || !inB {
			continue
		}
		if ga.Group == gb.Group {
			diags.Errorf(atSwap, "%s (%s) and %s (%s) both sit in group %d of round %d; a swap trades seats between two groups", ma.Name, a, mb.Name, b, ga.Group, from)
			continue
		}
		am.pinned[a], am.pinned[b] = gb.Group-1, ga.Group-1
		am.keep[a], am.keep[b] = mb.Role, ma.Role
		am.swaps = append(am.swaps, [2]string{min(a, b), max(a, b)})
	}
	for _, mv := range am.opts.Moves {
		id := strings.TrimSpace(mv.ID)
		if !usable(atMove, id) || !haveRound {
			continue
		}
		if mv.Group < 1 || mv.Group > len(round.Groups) {
			diags.Errorf(atMove, "%s (%s) cannot move to group %d: round %d has %s", name(id), id, mv.Group, from, groupNumbers(len(round.Groups)))
			continue
		}
		// A move to the group one sits in keeps them there: the search
		// moves others rather than them.
		if _, _, in := round.Member(id); !in && !am.sits(id, from) {
			diags.Errorf(atMove, "%s (%s) does not sit round %d", name(id), id, from)
			continue
		}
		am.pinned[id] = mv.Group - 1
		am.moves = append(am.moves, Move{ID: id, Group: mv.Group})
	}
	slices.SortFunc(am.swaps, func(x, y [2]string) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	slices.SortFunc(am.moves, func(x, y Move) int { return cmp.Compare(x.ID, y.ID) })
	present := 0
	for _, g := range round.Groups {
		for _, m := range g.Members {
			if !am.absent[m.ID] {
				present++
			}
		}
	}
	for id := range am.walkIn {
		if am.sits(id, from) {
			present++
		}
	}
	if present == 0 && len(am.absent) > 0 && haveRound {
		diags.Errorf(atAbsent, "every trainee of round %d is absent; there is nobody to group", from)
	}
	diags.Sort()
	return !diags.HasErrors()
}

// sits reports whether walk-in id sits round k (1-based); false for a
// trainee who is not a walk-in.
func (am *amendment) sits(id string, k int) bool {
	attend, ok := am.walkIn[id]
	return ok && (attend == nil || attend[k-1])
}

// groupNumbers is "only group 1" or "groups 1–5".
func groupNumbers(n int) scenario.Message {
	if n == 1 {
		return scenario.Msg("only group 1")
	}
	return scenario.Msg("groups 1–%d", n)
}

// amendInput is one round to amend: its trainees' problem, with each
// one's old group and pins, and who sits it out.
type amendInput struct {
	in       *roundInput
	oldGroup []int    // per element: old group (0-based), -1 for a walk-in
	oldRole  []string // per element: the old role
	pinMoves int      // pinned elements whose pinned group is not their old one
	// relaxed says why the round's groups are smaller than the scenario
	// allows, kept so under AllowUnmet: the plan's groups stay.
	relaxed []scenario.Message
}

// input builds round k's problem, saying in diags why it cannot be formed.
func (am *amendment) input(k int, diags *scenario.Diagnostics) *amendInput {
	rd := &am.old.Rounds[k-1]
	type seat struct {
		group int
		role  string
	}
	seats := map[string]seat{}
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			seats[m.ID] = seat{g.Group - 1, m.Role}
		}
	}
	sub := &roster.Roster{File: am.all.File, SHA256: am.all.SHA256, Columns: am.all.Columns, Numeric: am.all.Numeric}
	var index []int
	var out []plan.Out
	for i, t := range am.all.Trainees {
		_, seated := seats[t.ID]
		switch {
		case am.absent[t.ID]:
			out = append(out, plan.Out{ID: t.ID, Name: t.Name, Reason: plan.OutAbsent})
		case seated || am.sits(t.ID, k):
			sub.Trainees = append(sub.Trainees, t)
			index = append(index, i)
		default:
			// Someone out of the old round stays out for the reason the
			// old plan gives: an earlier amendment's absentee is absent.
			reason := plan.OutUnavailable
			if i := slices.IndexFunc(rd.Out, func(o plan.Out) bool { return o.ID == t.ID }); i >= 0 && rd.Out[i].Reason != "" {
				reason = rd.Out[i].Reason
			}
			out = append(out, plan.Out{ID: t.ID, Name: t.Name, Reason: reason})
		}
	}
	g := len(rd.Groups)
	n := len(sub.Trainees)
	smallest, largest := n, 0
	for _, grp := range rd.Groups {
		smallest, largest = min(smallest, len(grp.Members)), max(largest, len(grp.Members))
	}
	lo, hi := min(smallest, n/max(g, 1)), max(largest, ceilDiv(n, g))
	lim := newSizeLimits(am.s)
	lo = max(lo, min(lim.min, n/max(g, 1)))
	if lim.max > 0 {
		hi = min(hi, max(lim.max, ceilDiv(n, g)))
	}
	// An amendment keeps the plan's groups: too few left for them at the
	// scenario's smallest size is a rule it cannot keep, which
	// AllowUnmet lists rather than refuses.
	var relaxed []scenario.Message
	if below := n / max(g, 1); n >= g && lim.min > 0 && below < lim.min {
		if am.opts.AllowUnmet {
			relaxed = append(relaxed, scenario.Msg("%s in %s gives groups of %d, below the scenario's minimum of %d; the plan's groups are kept, as --allow-unmet asks", trainees(n), groups(g), below, lim.min))
		} else {
			diags.Errorf(scenario.Pos{File: sub.File}, "round %d: amend keeps the plan's %s, and %s leave groups of %d, below the scenario's minimum of %d; give --allow-unmet to keep the groups smaller, or make a new plan with yishi assign", k, groups(g), trainees(n), below, lim.min)
			return nil
		}
	}
	prob, short, ok := roundProblem(am.s, sub, k, g, lo, hi, am.opts.AllowUnmet, am.opts.AllowUnmet, len(relaxed) > 0, diags)
	if !ok {
		return nil
	}
	ai := &amendInput{in: &roundInput{r: sub, prob: prob, short: short, index: index, out: out}, relaxed: relaxed}
	prob.Stay = make([]int, n)
	ai.oldGroup = make([]int, n)
	ai.oldRole = make([]string, n)
	for i, t := range sub.Trainees {
		st, seated := seats[t.ID]
		ai.oldGroup[i], prob.Stay[i] = -1, -1
		if seated {
			ai.oldGroup[i], prob.Stay[i] = st.group, st.group
			ai.oldRole[i] = st.role
		}
		if pin, ok := am.pinned[t.ID]; ok && k == am.from {
			if prob.Pinned == nil {
				prob.Pinned = make([]bool, n)
			}
			prob.Pinned[i] = true
			prob.Stay[i] = pin
			if ai.oldGroup[i] >= 0 && pin != ai.oldGroup[i] {
				ai.pinMoves++
			}
		}
	}
	if err := prob.Validate(); err != nil {
		var ve *grouping.ValidationError
		if errors.As(err, &ve) {
			for i := range ve.Problems {
				diags.Errorf(atMove, "round %d: %s", k, problemText(ve, i))
			}
		}
		return nil
	}
	return ai
}

// newPlan is the amended plan before its amended rounds: the old plan's
// header and settings and, unchanged, the rounds before the first
// amended, with the unmet rules of those rounds.
func (am *amendment) newPlan() *plan.Plan {
	old := am.old
	p := &plan.Plan{Version: old.Version, Kind: old.Kind, Engine: old.Engine, Seed: old.Seed, Scenario: old.Scenario, Roster: old.Roster, Settings: old.Settings}
	p.Settings.Mix = slices.Clone(old.Settings.Mix)
	p.Settings.Tables = slices.Clone(old.Settings.Tables)
	am.history = newCastHistory()
	for _, rd := range old.Rounds[:am.from-1] {
		rd.Groups = cloneGroups(rd.Groups)
		rd.Out = slices.Clone(rd.Out)
		p.Rounds = append(p.Rounds, rd)
		am.recordCast(rd)
	}
	for _, u := range old.Unmet {
		if u.Round < am.from {
			p.Unmet = append(p.Unmet, u)
		}
	}
	for _, w := range old.WarningMessages() {
		if k := warningRound(w.String()); k > 0 && k < am.from {
			p.Warn(w)
		}
	}
	return p
}

// warningRound is the round a warning is about, N when it starts "round
// N" (as every warning about one round does), else 0. The warnings of the
// rounds an amendment copies are the old plan's, kept as they were, not
// worked out again: with the walk-ins in the roster, a background's count
// and so what is rare would change, and a time budget the old run hit
// would be forgotten. The warnings about the whole plan are worked out
// again.
func warningRound(text string) int {
	rest, ok := strings.CutPrefix(text, "round ")
	if !ok {
		return 0
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end <= 0 || !strings.ContainsRune(":, ", rune(rest[end])) {
		return 0
	}
	k, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0
	}
	return k
}

func cloneGroups(groups []plan.Group) []plan.Group {
	out := slices.Clone(groups)
	for i := range out {
		out[i].Members = slices.Clone(out[i].Members)
	}
	return out
}

// recordCast adds who played what in a round to the casting history.
func (am *amendment) recordCast(rd plan.Round) {
	for _, g := range rd.Groups {
		for _, m := range g.Members {
			if role, ok := am.s.Role(m.Role); ok {
				am.history.record(m.ID, role)
			}
		}
	}
}

// pastOf is the groups of the plan's rounds so far by index of the
// round's elements, -1 for who sat a round out.
func (am *amendment) pastOf(p *plan.Plan, in *roundInput) [][]int {
	past := am.pastOfPlan(p)
	return in.pastOf(past)
}

// pastOfPlan is the groups of the plan's rounds by index into all, -1
// for who sat a round out.
func (am *amendment) pastOfPlan(p *plan.Plan) [][]int {
	past := make([][]int, len(p.Rounds))
	for k, rd := range p.Rounds {
		past[k] = make([]int, len(am.all.Trainees))
		for i := range past[k] {
			past[k][i] = -1
		}
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				if i, ok := am.byID[m.ID]; ok {
					past[k][i] = g.Group - 1
				}
			}
		}
	}
	return past
}

// amendRound forms, casts and adds round k to p, and says what it moved.
// The hard rules it breaks go to failures, unless AllowUnmet puts them
// in the plan's Unmet.
func (am *amendment) amendRound(ctx context.Context, p *plan.Plan, k int, ai *amendInput, failures *scenario.Diagnostics) (AmendedRound, error) {
	in := ai.in
	prob := in.prob
	g := len(prob.Groups)
	prob.Past = am.pastOf(p, in)
	setRotationNeed(am.s, in.r, prob, am.history, g)
	lower := ai.pinMoves + grouping.MinMoves(prob)
	iters := am.opts.Iterations
	if iters == 0 {
		iters = AmendIterations(prob.N)
	}
	seed := seedOf(p.Seed, k)
	sol, err := grouping.Solve(ctx, prob, grouping.Options{Seed: seed, Budget: am.opts.Budget, Now: am.opts.Now, MaxIterations: iters})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return AmendedRound{}, err
		}
		return AmendedRound{}, plan.Invalid(scenario.Msg("round %d: %v", k, err))
	}
	a := &assignment{s: am.s, r: am.all, history: am.history, plan: p, in: in, short: in.short, opts: AssignOptions{AllowUnmet: am.opts.AllowUnmet}}
	if sol.OutOfTime {
		p.Warn(scenario.Msg("round %d stopped at the time budget of %s; the same seed may give another plan on another machine", k, am.opts.Budget))
	}
	rd := plan.Round{Round: k, Diversity: scenario.Round3(sol.Objective), Repeats: sol.Repeats, Out: in.out}
	if k > 1 {
		rd.MinRepeats = unavoidableRepeats(sol.Group, g, g, lastRound(in.prob))
	}
	if sol.BoundKnown && sol.Bound > 0 {
		rd.Bound = scenario.Round3(sol.Bound)
		rd.Percent = math.Round(1e4*sol.Objective/sol.Bound) / 1e2
	}
	if err := checkFinite(rd); err != nil {
		return AmendedRound{}, err
	}
	before := len(p.Unmet)
	for _, m := range ai.relaxed {
		p.Unmet = append(p.Unmet, plan.Unmet{Round: k, Rule: string(grouping.RuleSize), Detail: m.String(), Text: m})
	}
	a.noteViolations(k, sol.Violations)
	a.noteShortQuotas(k, sol.Group)
	keep := map[string]string{}
	for i, t := range in.r.Trainees {
		if ai.oldRole[i] != "" {
			keep[t.ID] = ai.oldRole[i]
		}
	}
	if k == am.from {
		for id, role := range am.keep {
			keep[id] = role
		}
	}
	rd.Groups = a.castRound(k, sol.Group, rand.New(rand.NewPCG(seed, 0x5eed)), keep)
	if !am.opts.AllowUnmet {
		for _, u := range p.Unmet[before:] {
			if u.Group == 0 {
				failures.Errorf(scenario.Pos{File: am.all.File}, "round %d: %s", k, u.DetailMessage())
				continue
			}
			failures.Errorf(scenario.Pos{File: am.all.File}, "round %d, group %d: %s", k, u.Group, u.DetailMessage())
		}
		p.Unmet = p.Unmet[:before]
	}
	p.Rounds = append(p.Rounds, rd)
	am.recordCast(rd)
	moved := ai.pinMoves
	for i, grp := range sol.Group {
		if prob.Pinned == nil || !prob.Pinned[i] {
			if ai.oldGroup[i] >= 0 && grp != ai.oldGroup[i] {
				moved++
			}
		}
	}
	if len(sol.Violations) > 0 {
		// Under AllowUnmet the round breaks rules the bound counted as
		// hard, and may move fewer than a round keeping them: the bound
		// is that of the rules the round keeps.
		lower = ai.pinMoves + grouping.MinMoves(keptRules(prob, sol.Violations))
	}
	return AmendedRound{Round: k, Moved: moved, LowerBound: lower, Diversity: rd.Diversity, Bound: rd.Bound, Percent: rd.Percent, Repeats: rd.Repeats}, nil
}

// namedIDs says whose name a value given for an id is: "王秀英 is trainee
// 1", or, for a name several trainees share, their ids.
func namedIDs(name string, ids []string) scenario.Message {
	if len(ids) == 1 {
		return scenario.Msg("%s is trainee %s", name, ids[0])
	}
	return scenario.Msg("%s is the name of trainees %s", name, strings.Join(ids, ", "))
}

// keptRules is p without the rules a solution of it broke: the quotas and
// needs broken, and the sizes or the pairs of a kind when one of them is.
func keptRules(p *grouping.Problem, broken []grouping.Violation) *grouping.Problem {
	q := *p
	quotas, needs := map[int]bool{}, map[int]bool{}
	for _, v := range broken {
		switch v.Rule {
		case grouping.RuleSize:
			q.Groups = make([]grouping.Bounds, len(p.Groups))
			for g := range q.Groups {
				q.Groups[g] = grouping.Bounds{Min: 0, Max: p.N}
			}
		case grouping.RuleKeepApart:
			q.KeepApart = nil
		case grouping.RuleKeepTogether:
			q.KeepTogether = nil
		case grouping.RuleQuota:
			quotas[v.Index] = true
		case grouping.RuleNeed:
			needs[v.Index] = true
		}
	}
	q.Quotas, q.Needs = nil, nil
	for i, x := range p.Quotas {
		if !quotas[i] {
			q.Quotas = append(q.Quotas, x)
		}
	}
	for i, x := range p.Needs {
		if !needs[i] {
			q.Needs = append(q.Needs, x)
		}
	}
	return &q
}

func (am *amendment) absentIDs() []string {
	var out []string
	for id := range am.absent {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (am *amendment) swapTexts() []string {
	var out []string
	for _, sw := range am.swaps {
		out = append(out, sw[0]+","+sw[1])
	}
	return out
}

func (am *amendment) moveTexts() []string {
	var out []string
	for _, mv := range am.moves {
		out = append(out, mv.ID+":"+strconv.Itoa(mv.Group))
	}
	return out
}

// changes compares the amended rounds of p with those of old, trainee by
// trainee, in order of round, group and id.
func changes(s *scenario.Scenario, old, p *plan.Plan, from int) []Change {
	var out []Change
	for k := from; k <= len(p.Rounds); k++ {
		before, after := &old.Rounds[k-1], &p.Rounds[k-1]
		type seat struct {
			group int
			m     plan.Member
		}
		was, is := map[string]seat{}, map[string]seat{}
		for _, g := range before.Groups {
			for _, m := range g.Members {
				was[m.ID] = seat{g.Group, m}
			}
		}
		for _, g := range after.Groups {
			for _, m := range g.Members {
				is[m.ID] = seat{g.Group, m}
			}
		}
		for id, w := range was {
			n, ok := is[id]
			c := Change{Round: k, ID: id, Name: w.m.Name, FromGroup: w.group, FromRole: w.m.Role}
			switch {
			case !ok:
				c.Kind = ChangeAbsent
				c.Text = scenario.Msg("round %d: %s (%s) is absent; they sat in group %d as %s", k, w.m.Name, id, w.group, roleWord(s, w.m.Role))
			case n.group != w.group:
				c.Kind, c.ToGroup, c.ToRole = ChangeMoved, n.group, n.m.Role
				if n.m.Role == w.m.Role {
					c.Text = scenario.Msg("round %d: %s (%s) moves from group %d to group %d, still %s", k, w.m.Name, id, w.group, n.group, roleWord(s, n.m.Role))
				} else {
					c.Text = scenario.Msg("round %d: %s (%s) moves from group %d to group %d, %s → %s", k, w.m.Name, id, w.group, n.group, roleWord(s, w.m.Role), roleWord(s, n.m.Role))
				}
			case n.m.Role != w.m.Role:
				c.Kind, c.ToGroup, c.ToRole = ChangeRole, n.group, n.m.Role
				c.Text = scenario.Msg("round %d: %s (%s) stays in group %d, %s → %s", k, w.m.Name, id, w.group, roleWord(s, w.m.Role), roleWord(s, n.m.Role))
			default:
				continue
			}
			out = append(out, c)
		}
		for id, n := range is {
			if _, ok := was[id]; ok {
				continue
			}
			out = append(out, Change{Round: k, Kind: ChangeWalkIn, ID: id, Name: n.m.Name, ToGroup: n.group, ToRole: n.m.Role,
				Text: scenario.Msg("round %d: %s (%s) joins group %d as %s", k, n.m.Name, id, n.group, roleWord(s, n.m.Role))})
		}
	}
	slices.SortFunc(out, func(a, b Change) int {
		ga, gb := cmp.Or(a.ToGroup, a.FromGroup), cmp.Or(b.ToGroup, b.FromGroup)
		return cmp.Or(cmp.Compare(a.Round, b.Round), cmp.Compare(ga, gb), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// roleWord names a role for a change: its title, or "no role".
func roleWord(s *scenario.Scenario, id string) any {
	if id == "" {
		return scenario.Msg("no role")
	}
	return s.RoleTitle(id)
}
