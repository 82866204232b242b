package roles

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// Engine names the grouping engine and its version; plans record it, since
// another engine may group the same inputs differently.
const Engine = "yishi-grouping/1"

// AssignOptions are the trainer's choices for [Assign].
type AssignOptions struct {
	// Groups fixes the number of groups; 0 derives it from Size, then from
	// the scenario.
	Groups int
	// Size is the wanted group size; 0 uses the scenario's bounds.
	Size int
	// Rounds is the number of drills in the day; 0 means 1.
	Rounds int
	// Seed makes the plan reproducible: the same inputs and seed give a
	// byte-identical plan.
	Seed uint64
	// Iterations caps the optimiser's work per round; 0 selects a default
	// scaled by the roster's size.
	Iterations int
	// Budget caps the optimiser's time per round as a safety net; a plan cut
	// short by it may differ between machines, and says so in its warnings.
	Budget time.Duration
	// Now is the clock Budget is measured by; nil means [time.Now].
	Now func() time.Time
	// ScenarioSource is "bundled" or the scenario's file; ScenarioSHA256 is
	// the digest of its bytes.
	ScenarioSource, ScenarioSHA256 string
	// AllowUnmet relaxes a quota that too few trainees have for every
	// group: each group gets of them what there is, spread as the mix
	// spreads them, and every group left short is in the plan's Unmet,
	// rather than Assign failing.
	AllowUnmet bool
	// Earlier is what the cohort's earlier training days say, or nil:
	// their groups count as earlier rounds for repeat pairings, and their
	// host and recorder turns and roles as turns and roles already played
	// (see [Earlier]).
	Earlier *Earlier
	// History is the base name of the cohort file Earlier was read from,
	// recorded in the plan's settings; empty without one.
	History string
}

// defaultMix is the seed's practice: spread communities first, then
// backgrounds, "to avoid homogeneous discussions".
var defaultMix = []scenario.MixRule{{Attribute: "unit", Weight: 3}, {Attribute: "background", Weight: 2}}

// Assign forms mixed groups of the roster's trainees for each round and
// casts each group's roles. It fails, wrapping [scenario.ErrInvalid], when
// the request cannot be met at all: a number of rounds no day has is a
// [*plan.Error]; more groups than trainees, sizes outside the scenario's
// bounds, an impossible quota are [scenario.Diagnostics] at the roster's
// file, every reason at once. A trainee whose availability column
// ([roster.Trainee.Rounds]) names some rounds sits only those: each
// round groups its own trainees, in balanced groups of them, and its Out
// lists who sits it out; a cell naming no round of the day, or a round too
// few sit for its groups, is an error too. Rules the optimiser could not keep are
// listed in the plan's Unmet. Every warning, note and unmet rule of the
// plan keeps its text as a message too (see [plan.Plan.WarningMessages],
// [plan.Member.NoteText], [plan.Unmet.Text]), for the CLI to print in the
// reader's language, while the plan file keeps the English.
func Assign(ctx context.Context, s *scenario.Scenario, r *roster.Roster, opts AssignOptions) (*plan.Plan, error) {
	if opts.Rounds < 0 || opts.Rounds > scenario.MaxRounds {
		return nil, plan.Invalid(scenario.Msg("%d rounds: a training day has 1 to %d rounds", opts.Rounds, scenario.MaxRounds))
	}
	r = r.SortedByID()
	if opts.Rounds == 0 {
		// A scenario that names its rounds says how many the day has.
		opts.Rounds = max(len(s.Schedule.Rounds), 1)
	}
	rounds := opts.Rounds
	attend, adiags := availability(s, r, rounds)
	prob, info, err := newProblem(s, r, opts, mostAttending(attend, rounds))
	if err != nil {
		return nil, joinDiagnostics(adiags, err)
	}
	a := &assignment{s: s, r: r, opts: opts, prob: prob, short: info.short, history: earlierHistory(opts.Earlier, r), earlier: earlierPast(opts.Earlier, r), plan: newPlan(s, r, opts, prob, info)}
	inputs := make([]*roundInput, rounds)
	for round := 1; round <= rounds; round++ {
		inputs[round-1] = a.roundInput(round, attend, &adiags)
	}
	if err := adiags.Err(); err != nil {
		return nil, err
	}
	for round := 1; round <= rounds; round++ {
		if err := a.assignRound(ctx, round, inputs[round-1]); err != nil {
			return nil, err
		}
	}
	p := a.plan
	for _, w := range slices.Concat(spreadWarnings(s, r, p, a.past), unplayedRoles(s, p), unreachedInjects(s, p)) {
		p.Warn(w)
	}
	return p, nil
}

// joinDiagnostics puts the problems of diags before err's when err is
// diagnostics too, so that every problem is said at once.
func joinDiagnostics(diags scenario.Diagnostics, err error) error {
	if !diags.HasErrors() {
		return err
	}
	var more scenario.Diagnostics
	if errors.As(err, &more) {
		all := slices.Concat(diags, more)
		all.Sort()
		return all.Err()
	}
	return err
}

// mostAttending is the most trainees who sit one round, by attend (see
// [availability]), or -1 when every trainee sits every round.
func mostAttending(attend [][]bool, rounds int) int {
	everyone := true
	count := make([]int, rounds)
	for _, a := range attend {
		for k := range count {
			if a == nil || (k < len(a) && a[k]) {
				count[k]++
			} else {
				everyone = false
			}
		}
	}
	if everyone {
		return -1
	}
	return slices.Max(count)
}

// newProblem decides the groups' number and sizes and builds the
// optimiser's problem, failing with every reason it cannot be solved at all.
// most is the most trainees who sit one round when some sit only some
// rounds (-1 when all sit every round): the number of groups follows it,
// and each round's sizes are checked with the round's trainees instead.
func newProblem(s *scenario.Scenario, r *roster.Roster, opts AssignOptions, most int) (*grouping.Problem, problemInfo, error) {
	n := len(r.Trainees)
	at := scenario.Pos{File: r.File}
	var diags scenario.Diagnostics
	counted := n
	if most >= 0 {
		counted = most
	}
	g := groupCount(s, counted, opts, at, &diags)
	if err := diags.Err(); err != nil {
		return nil, problemInfo{}, err
	}
	lo, hi := n/g, (n+g-1)/g
	if most < 0 {
		if checkSizes(s, n, g, lo, hi, at, &diags); diags.HasErrors() {
			return nil, problemInfo{}, diags.Err()
		}
	}
	prob, info := buildProblem(s, r, g, lo, hi, opts.AllowUnmet, at, &diags)
	if err := diags.Err(); err != nil {
		return nil, info, err
	}
	if !checkFeasible(s, r, g, prob, at, &diags) {
		return nil, info, diags.Err()
	}
	return prob, info, nil
}

// checkFeasible validates prob, a grouping of r in g groups, saying at
// at, in the trainer's terms, every reason it cannot be solved at all.
func checkFeasible(s *scenario.Scenario, r *roster.Roster, g int, prob *grouping.Problem, at scenario.Pos, diags *scenario.Diagnostics) bool {
	err := prob.Validate()
	if err == nil {
		return true
	}
	problems := explainInfeasible(s, r, g, err)
	if len(problems) == 0 {
		problems = []scenario.Message{scenario.Msg("%v", err)}
	}
	for _, m := range problems {
		diags.Errorf(at, "the groups cannot be formed: %s", m)
	}
	return false
}

// newPlan is the plan before its rounds: what it was made from and how.
func newPlan(s *scenario.Scenario, r *roster.Roster, opts AssignOptions, prob *grouping.Problem, info problemInfo) *plan.Plan {
	bounds := prob.Groups[0] // every group has the same bounds
	return &plan.Plan{
		Version: scenario.Version, Kind: plan.Kind, Engine: Engine, Seed: opts.Seed,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: opts.ScenarioSource, SHA256: opts.ScenarioSHA256},
		Roster:   plan.RosterRef{File: r.File, SHA256: r.SHA256, Trainees: len(r.Trainees)},
		Settings: plan.Settings{Groups: len(prob.Groups), SizeMin: bounds.Min, SizeMax: bounds.Max, Rounds: max(opts.Rounds, 1), Iterations: opts.Iterations, Mix: info.mix, History: opts.History},
	}
}

// assignment is the state carried from round to round: the roster's
// problem, the groups of the rounds so far, who has played what, and the
// plan.
type assignment struct {
	s       *scenario.Scenario
	r       *roster.Roster // every trainee, sorted by id
	opts    AssignOptions
	prob    *grouping.Problem // of every trainee
	short   []shortQuota
	history *castHistory
	plan    *plan.Plan
	// past[k][i] is the group of a.r.Trainees[i] in round k+1, -1 when
	// they sat it out.
	past [][]int
	// earlier holds the groups of the cohort's earlier days as past
	// rounds by the whole roster's index (see [earlierPast]).
	earlier [][]int
	// in is the round being formed.
	in *roundInput
}

// roundInput is what one round groups: the trainees who sit it, their
// problem, and where each stands in the whole roster.
type roundInput struct {
	r     *roster.Roster // who sits the round, sorted by id
	prob  *grouping.Problem
	short []shortQuota
	index []int      // index[i]: where r.Trainees[i] stands in the whole roster
	out   []plan.Out // who sits the round out
}

// pastOf maps the groups of earlier rounds, kept by the whole roster's
// index, to the round's own elements.
func (in *roundInput) pastOf(past [][]int) [][]int {
	out := make([][]int, len(past))
	for k, groups := range past {
		out[k] = make([]int, len(in.index))
		for i, full := range in.index {
			out[k][i] = groups[full]
		}
	}
	return out
}

// seedOf is the optimiser's seed for a round of a plan with the seed.
func seedOf(seed uint64, round int) uint64 { return seed ^ (uint64(round) * 0x9E3779B97F4A7C15) }

// assignRound forms the groups of one round, casts them and adds the round
// to the plan.
func (a *assignment) assignRound(ctx context.Context, round int, in *roundInput) error {
	a.in = in
	g := len(in.prob.Groups)
	in.prob.Past = a.pastWithEarlier(in)
	setRotationNeed(a.s, in.r, in.prob, a.history, g)
	seed := seedOf(a.opts.Seed, round)
	sol, err := grouping.Solve(ctx, in.prob, grouping.Options{Seed: seed, Budget: a.opts.Budget, Now: a.opts.Now, MaxIterations: a.opts.Iterations})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return plan.Invalid(scenario.Msg("round %d: %v", round, err))
	}
	if sol.OutOfTime {
		a.plan.Warn(scenario.Msg("round %d stopped at the time budget of %s; the same seed may give another plan on another machine", round, a.opts.Budget))
	}
	rd := plan.Round{Round: round, Diversity: scenario.Round3(sol.Objective), Repeats: sol.Repeats}
	if round > 1 {
		rd.MinRepeats = unavoidableRepeats(sol.Group, g, g, lastRound(in.prob))
	}
	if sol.BoundKnown && sol.Bound > 0 {
		rd.Bound = scenario.Round3(sol.Bound)
		rd.Percent = math.Round(1e4*sol.Objective/sol.Bound) / 1e2
	}
	if err := checkFinite(rd); err != nil {
		return err
	}
	a.noteViolations(round, sol.Violations)
	a.noteShortQuotas(round, sol.Group)
	rd.Groups = a.castRound(round, sol.Group, rand.New(rand.NewPCG(seed, 0x5eed)), nil)
	rd.Out = in.out
	a.plan.Rounds = append(a.plan.Rounds, rd)
	a.record(in, sol.Group)
	return nil
}

// record adds a round's groups, group[i] being the group of the round's
// trainee i, to the groups of the rounds so far.
func (a *assignment) record(in *roundInput, group []int) {
	full := make([]int, len(a.r.Trainees))
	for i := range full {
		full[i] = -1
	}
	for i, g := range group {
		full[in.index[i]] = g
	}
	a.past = append(a.past, full)
}

// checkFinite refuses a round whose diversity, bound or percentage is
// not a finite number, which YAML writes as .nan or .inf and nothing that
// reads a plan accepts. The roster refuses numbers large enough to cause
// it, so it is a fault of yishi, not of the input: the error is not
// [scenario.ErrInvalid].
func checkFinite(rd plan.Round) error {
	for _, v := range []float64{rd.Diversity, rd.Bound, rd.Percent} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("internal error: round %d: diversity %v, bound %v, percent %v: not all are finite numbers", rd.Round, rd.Diversity, rd.Bound, rd.Percent)
		}
	}
	return nil
}

// noteViolations puts the rules a round's groups break into the plan: the
// hard ones as unmet, rotation as a warning.
func (a *assignment) noteViolations(round int, violations []grouping.Violation) {
	for _, v := range violations {
		if _, ok := v.Tag.(rotationNeed); ok {
			// Rotation is a wish, not a rule: casting still prefers
			// those who have not led, and says so where it cannot.
			a.plan.Warn(scenario.Msg("round %d, group %d: only %d member(s) who have not yet hosted or recorded; someone leads a second time", round, v.Group+1, v.Have))
			continue
		}
		if q, ok := v.Tag.(scenario.Quota); ok && a.isShort(q) {
			continue // said for every group by noteShortQuotas
		}
		detail := describeViolation(a.s, a.in.r, len(a.in.prob.Groups), v)
		u := plan.Unmet{Round: round, Rule: string(v.Rule), Detail: detail.String(), Text: detail}
		if v.Group >= 0 {
			u.Group = v.Group + 1
		}
		a.plan.Unmet = append(a.plan.Unmet, u)
	}
}

// shortQuota is a quota too few trainees have for every group, relaxed
// under [AssignOptions.AllowUnmet]: Category of categorical attribute Attr.
type shortQuota struct {
	quota          scenario.Quota
	attr, category int
}

func (a *assignment) isShort(q scenario.Quota) bool {
	for _, sq := range a.in.short {
		if sq.quota == q {
			return true
		}
	}
	return false
}

// noteShortQuotas lists as unmet every group of the round, group[i] being
// the group of trainee i, with fewer trainees of a relaxed quota than the
// scenario asks for.
func (a *assignment) noteShortQuotas(round int, group []int) {
	for _, sq := range a.in.short {
		have := make([]int, len(a.in.prob.Groups))
		for i, g := range group {
			if a.in.prob.Categorical[sq.attr].Values[i] == sq.category {
				have[g]++
			}
		}
		for g, n := range have {
			if n >= sq.quota.Min {
				continue
			}
			detail := describeViolation(a.s, a.in.r, len(a.in.prob.Groups), grouping.Violation{Rule: grouping.RuleQuota, Group: g, Have: n, Tag: sq.quota})
			a.plan.Unmet = append(a.plan.Unmet, plan.Unmet{Round: round, Group: g + 1, Rule: string(grouping.RuleQuota), Detail: detail.String(), Text: detail})
		}
	}
}

// castRound casts every group of a round, group[i] being the group of
// the round's trainee i, and returns the plan's groups. keep, when set,
// holds the role each trainee should keep where they can (see
// [castGroupKeeping]).
func (a *assignment) castRound(round int, group []int, rng *rand.Rand, keep map[string]string) []plan.Group {
	byGroup := make([][]roster.Trainee, len(a.in.prob.Groups))
	for i, grp := range group {
		byGroup[grp] = append(byGroup[grp], a.in.r.Trainees[i])
	}
	out := make([]plan.Group, 0, len(byGroup))
	for gi, members := range byGroup {
		cast := castGroupKeeping(a.s, members, a.history, rng, keep)
		for _, u := range cast.unmet {
			a.plan.Unmet = append(a.plan.Unmet, plan.Unmet{Round: round, Group: gi + 1, Rule: "role", Detail: u.String(), Text: u})
		}
		grp := plan.Group{Group: gi + 1}
		for i, t := range members {
			grp.Members = append(grp.Members, plan.Member{ID: t.ID, Name: t.Name, Unit: t.Unit, Background: t.Background, Role: cast.roles[i], Note: cast.notes[i].String(), NoteText: cast.notes[i], Remarks: t.Remarks})
		}
		sortMembers(a.s, grp.Members)
		out = append(out, grp)
	}
	return out
}

// groupCount decides how many groups to form, or says at the roster's
// place why none can be.
func groupCount(s *scenario.Scenario, n int, opts AssignOptions, at scenario.Pos, diags *scenario.Diagnostics) int {
	if n == 0 {
		diags.Errorf(at, "the roster has no trainees")
		return 0
	}
	g := opts.Groups
	switch {
	case g > 0:
	case opts.Size > 0:
		g = max(1, int(math.Round(float64(n)/float64(opts.Size))))
	case s.Grouping.Groups > 0:
		g = s.Grouping.Groups
	case s.Grouping.Size.Max > 0:
		g = (n + s.Grouping.Size.Max - 1) / s.Grouping.Size.Max
	default:
		g = max(1, int(math.Round(float64(n)/6)))
	}
	if g > n {
		diags.Errorf(at, "%d groups were asked for but the roster has only %s; %s", g, trainees(n), newSizeLimits(s).advice(n))
		return 0
	}
	return g
}

// checkSizes explains why balanced groups of lo–hi members break the
// scenario's bounds or cannot fill its roles, and says what would work,
// each reason at the roster's place.
func checkSizes(s *scenario.Scenario, n, g, lo, hi int, at scenario.Pos, diags *scenario.Diagnostics) {
	lim := newSizeLimits(s)
	if n < lim.least {
		// No number of groups helps; say only what does.
		diags.Errorf(at, "%s", lim.advice(n))
		return
	}
	gives := func(size int) scenario.Message {
		return scenario.Msg("%s in %s gives %s", trainees(n), groups(g), groupsOf(g, size))
	}
	if lim.min > 0 && lo < lim.min {
		diags.Errorf(at, "%s, below the scenario's minimum of %d; %s", gives(lo), lim.min, lim.advice(n))
	}
	if lim.max > 0 && hi > lim.max {
		diags.Errorf(at, "%s, above the scenario's maximum of %d; %s", gives(hi), lim.max, lim.advice(n))
	}
	if lo < lim.roles && lim.roles > lim.min { // else said by the minimum
		diags.Errorf(at, "the scenario's roles need %d members in every group, but %s; %s", lim.roles, gives(lo), lim.advice(n))
	}
}

// sizeLimits are the group sizes a scenario allows.
type sizeLimits struct {
	min, max int // grouping.size; 0 when not set
	roles    int // members the required roles take
	least    int // the smallest group allowed: at least min, roles and 1
}

func newSizeLimits(s *scenario.Scenario) sizeLimits {
	l := sizeLimits{min: s.Grouping.Size.Min, max: s.Grouping.Size.Max}
	for _, r := range s.Roles {
		l.roles += r.MinPerGroup()
	}
	l.least = max(1, l.min, l.roles)
	return l
}

// groupRange returns the numbers of groups, first to last, whose balanced
// groups of n trainees keep within the limits; first > last when none does.
// Balanced groups of n in g hold floor(n/g) to ceil(n/g), so g must be at
// most n/least and at least n/max.
func (l sizeLimits) groupRange(n int) (first, last int) {
	first = 1
	if l.max > 0 {
		first = max(1, (n+l.max-1)/l.max)
	}
	return first, n / l.least
}

// advice says what the trainer can do so that n trainees form groups, in
// words that hold for every n: the numbers of groups that work, or, when
// none does, what to change.
func (l sizeLimits) advice(n int) scenario.Message {
	if l.max > 0 && l.roles > l.max {
		return scenario.Msg("the scenario's required roles take %d members, more than its maximum group of %d; raise grouping.size.max or require fewer roles", l.roles, l.max)
	}
	if n < l.least {
		switch {
		case l.roles == l.least && l.min == l.least:
			return scenario.Msg("%s cannot form a group: the scenario's groups have at least %d members; add at least %s or lower grouping.size.min and require fewer roles",
				trainees(n), l.least, trainees(l.least-n))
		case l.roles == l.least:
			return scenario.Msg("%s cannot form a group: the scenario's groups have at least %d members; add at least %s or require fewer roles",
				trainees(n), l.least, trainees(l.least-n))
		}
		return scenario.Msg("%s cannot form a group: the scenario's groups have at least %d members; add at least %s or lower grouping.size.min",
			trainees(n), l.least, trainees(l.least-n))
	}
	first, last := l.groupRange(n)
	switch {
	case first == last:
		return scenario.Plural(first, "ask for %d group", "ask for %d groups")
	case first < last:
		return scenario.Msg("ask for %d to %d groups", first, last)
	}
	// Here last < first: last groups are too large and first too small.
	return scenario.Msg("%s do not split into groups of %d to %d: %s would hold %s and %s would hold %s; change the number of trainees or raise grouping.size.max",
		trainees(n), l.least, l.max, groups(last), span(n/last, (n+last-1)/last), groups(first), span(n/first, (n+first-1)/first))
}

// trainees is "1 trainee", "2 trainees".
func trainees(n int) scenario.Message { return scenario.Plural(n, "%d trainee", "%d trainees") }

// groups is "1 group", "2 groups".
func groups(n int) scenario.Message { return scenario.Plural(n, "%d group", "%d groups") }

// groupsOf says what size g groups are: "a group of 5", "groups of 5".
func groupsOf(g, size int) scenario.Message {
	return scenario.Plural(g, "a group of %[2]d", "groups of %[2]d", size)
}

// span is a size or a range of sizes: "6", "6 to 7".
func span(lo, hi int) scenario.Message {
	if lo == hi {
		return scenario.Msg("%d", lo)
	}
	return scenario.Msg("%d to %d", lo, hi)
}

// problemInfo is what the plan needs to know of how the problem was built.
type problemInfo struct {
	mix []string // the mixed attributes with their weights, for the plan
	// short are the quotas relaxed under AssignOptions.AllowUnmet.
	short []shortQuota
}

// The tags of the optimiser's needs, by which roles knows each need again;
// a quota's tag is the [scenario.Quota] it comes from.
type (
	// roleNeed is the need that every group has members who may play
	// the role with this id.
	roleNeed string
	// rotationNeed is the need that every group has members who have not
	// yet hosted or recorded.
	rotationNeed struct{}
)

// buildProblem turns the roster and the scenario's grouping rules into an
// optimisation problem of g groups of lo to hi members; a rule that names
// what the roster lacks is an error at the roster's place at.
func buildProblem(s *scenario.Scenario, r *roster.Roster, g, lo, hi int, allowUnmet bool, at scenario.Pos, diags *scenario.Diagnostics) (*grouping.Problem, problemInfo) {
	b := &problemBuilder{r: r, prob: &grouping.Problem{N: len(r.Trainees)}, attr: map[string]int{}, categories: map[string]map[string]int{}, at: at, diags: diags}
	for range g {
		b.prob.Groups = append(b.prob.Groups, grouping.Bounds{Min: lo, Max: hi})
	}
	mix := s.Grouping.Mix
	if len(mix) == 0 {
		mix = defaultMix
	}
	info := problemInfo{mix: b.addMix(mix)}
	info.short = b.addQuotas(s, g, allowUnmet)
	b.prob.Needs = roleNeeds(s, r)
	b.prob.KeepApart, b.prob.KeepTogether = keepPairs(r)
	return b.prob, info
}

// problemBuilder adds the roster's columns to a problem as the optimiser's
// attributes, each column once, and collects the rules that name what the
// roster lacks.
type problemBuilder struct {
	r          *roster.Roster
	prob       *grouping.Problem
	attr       map[string]int            // column -> index into prob.Categorical
	categories map[string]map[string]int // column -> value -> category
	at         scenario.Pos              // the roster's place, for problems
	diags      *scenario.Diagnostics
}

// addMix adds the mixed attributes and returns them with their weights,
// for the plan.
func (b *problemBuilder) addMix(mix []scenario.MixRule) []string {
	var out []string
	for _, m := range mix {
		if !hasAttribute(b.r, m.Attribute) {
			b.diags.Errorf(b.at, "grouping.mix names %q, but the roster %s has no such column (columns: %s)", m.Attribute, b.r.File, strings.Join(b.r.Columns, ", "))
			continue
		}
		w := m.Weight
		if w == 0 {
			w = 1
		}
		out = append(out, fmt.Sprintf("%s×%g", m.Attribute, w))
		if b.r.Numeric[m.Attribute] {
			vals := make([]float64, len(b.r.Trainees))
			for i, v := range b.r.Values(m.Attribute) {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					f = math.NaN()
				}
				vals[i] = f
			}
			b.prob.Numeric = append(b.prob.Numeric, grouping.NumericAttr{Name: m.Attribute, Weight: w, Values: fillMissing(vals)})
			continue
		}
		b.categorical(m.Attribute, w)
	}
	return out
}

// addQuotas adds the scenario's quotas, each tagged with its rule. With
// allowUnmet, a quota too few trainees have for all g groups asks each
// group for its share of them, and is returned to be checked as the
// scenario wrote it.
func (b *problemBuilder) addQuotas(s *scenario.Scenario, g int, allowUnmet bool) (short []shortQuota) {
	for _, q := range s.Grouping.Require {
		if !hasAttribute(b.r, q.Attribute) {
			b.diags.Errorf(b.at, "grouping.require names %q, but the roster %s has no such column", q.Attribute, b.r.File)
			continue
		}
		a := b.categorical(q.Attribute, 0)
		cat, ok := b.categories[q.Attribute][q.Value]
		if !ok {
			if q.Min > 0 {
				b.diags.Errorf(b.at, "every group needs at least %d trainees with %s %q, but the roster has none", q.Min, attributeWord(q.Attribute), quotaValue(s, q))
			}
			continue
		}
		least, most := q.Min, q.Max
		if n := b.count(a, cat); allowUnmet && n < q.Min*g {
			// Each group gets its share: none has two while another
			// has none.
			least = n / g
			if share := (n + g - 1) / g; most == 0 || share < most {
				most = share
			}
			short = append(short, shortQuota{quota: q, attr: a, category: cat})
		}
		b.prob.Quotas = append(b.prob.Quotas, grouping.Quota{Attr: a, Category: cat, Min: least, Max: most, Tag: q})
	}
	return short
}

// count is how many trainees have category cat of categorical attribute a.
func (b *problemBuilder) count(a, cat int) int {
	n := 0
	for _, v := range b.prob.Categorical[a].Values {
		if v == cat {
			n++
		}
	}
	return n
}

// categorical returns the index of attr among the problem's categorical
// attributes, adding it when it is new: its values are numbered in sorted
// order, and a blank cell is missing (-1).
func (b *problemBuilder) categorical(attr string, weight float64) int {
	if i, ok := b.attr[attr]; ok {
		return i
	}
	values := b.r.Values(attr)
	distinct := map[string]bool{}
	for _, v := range values {
		if v != "" {
			distinct[v] = true
		}
	}
	index := map[string]int{}
	for i, v := range slices.Sorted(maps.Keys(distinct)) {
		index[v] = i
	}
	idx := make([]int, len(values))
	for i, v := range values {
		idx[i] = -1
		if v != "" {
			idx[i] = index[v]
		}
	}
	b.prob.Categorical = append(b.prob.Categorical, grouping.CategoricalAttr{Name: attr, Weight: weight, Values: idx})
	b.attr[attr] = len(b.prob.Categorical) - 1
	b.categories[attr] = index
	return b.attr[attr]
}

// roleNeeds asks every group for enough members who may play each required
// role that some backgrounds may not.
func roleNeeds(s *scenario.Scenario, r *roster.Roster) []grouping.Need {
	var out []grouping.Need
	for _, role := range s.Roles {
		if role.MinPerGroup() == 0 || len(role.AvoidBackground) == 0 {
			continue
		}
		el := make([]bool, len(r.Trainees))
		for i, t := range r.Trainees {
			el[i] = eligible(role, vocabularyID(t))
		}
		out = append(out, grouping.Need{Name: role.ID, Count: role.MinPerGroup(), Eligible: el, Tag: roleNeed(role.ID)})
	}
	return out
}

// keepPairs returns the pairs of trainees the avoid and together columns
// keep apart and together, each pair once.
func keepPairs(r *roster.Roster) (apart, together [][2]int) {
	index := make(map[string]int, len(r.Trainees))
	for i, t := range r.Trainees {
		index[t.ID] = i
	}
	pairs := func(list func(roster.Trainee) []string) [][2]int {
		seen := map[[2]int]bool{}
		var out [][2]int
		for i, t := range r.Trainees {
			for _, id := range list(t) {
				j, ok := index[id]
				if !ok || j == i {
					continue
				}
				p := [2]int{min(i, j), max(i, j)}
				if !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
		}
		return out
	}
	return pairs(func(t roster.Trainee) []string { return t.Avoid }), pairs(func(t roster.Trainee) []string { return t.Together })
}

// fillMissing replaces missing numbers by the mean, so a blank cell neither
// attracts nor repels.
func fillMissing(v []float64) []float64 {
	sum, cnt := 0.0, 0
	for _, x := range v {
		if !math.IsNaN(x) {
			sum += x
			cnt++
		}
	}
	mean := 0.0
	if cnt > 0 {
		mean = sum / float64(cnt)
	}
	for i, x := range v {
		if math.IsNaN(x) {
			v[i] = mean
		}
	}
	return v
}

// sortMembers orders a group by the scenario's role order, then by id.
func sortMembers(s *scenario.Scenario, m []plan.Member) {
	order := map[string]int{}
	for i, r := range s.Roles {
		order[r.ID] = i
	}
	rank := func(role string) int {
		if i, ok := order[role]; ok {
			return i
		}
		return len(order)
	}
	sort.SliceStable(m, func(i, j int) bool {
		if a, b := rank(m[i].Role), rank(m[j].Role); a != b {
			return a < b
		}
		return m[i].ID < m[j].ID
	})
}

// spreadWarnings tells the trainer where a mixed category is too rare to
// reach every group, such as "5 groups but only 3 trainees with background
// property-manager: groups 4 and 5 have none". It looks only at attributes
// with no more categories than a group has members, where every group could
// hold every category; for others (many small communities) a missing
// category is the nature of the roster, not news. groupOf[r][i] is the group
// of trainee i in round r.
func spreadWarnings(s *scenario.Scenario, r *roster.Roster, p *plan.Plan, groupOf [][]int) []scenario.Message {
	var out []scenario.Message
	attrs := s.Grouping.Mix
	if len(attrs) == 0 {
		attrs = defaultMix
	}
	g := p.Settings.Groups
	for _, m := range attrs {
		if !hasAttribute(r, m.Attribute) || r.Numeric[m.Attribute] {
			continue
		}
		vals := r.Values(m.Attribute)
		count := map[string]int{}
		for _, v := range vals {
			if v != "" {
				count[v]++
			}
		}
		if len(count) > p.Settings.SizeMax {
			continue
		}
		var rare []string
		for v, c := range count {
			if c < g {
				rare = append(rare, v)
			}
		}
		sort.Strings(rare)
		for ri, groups := range groupOf {
			present := map[string][]bool{}
			for _, v := range rare {
				present[v] = make([]bool, g)
			}
			for i, grp := range groups {
				if in, ok := present[vals[i]]; ok && grp >= 0 {
					in[grp] = true
				}
			}
			for _, v := range rare {
				var without []string
				for gi, in := range present[v] {
					if !in {
						without = append(without, strconv.Itoa(gi+1))
					}
				}
				label := v
				if m.Attribute == "background" {
					if b, ok := s.Background(v); ok {
						label = b.Label.In(s.Language)
					}
				}
				if len(without) == 0 {
					continue
				}
				out = append(out, scenario.Msg("round %d: %d groups but only %d trainees with %s %q: %s", ri+1, g, count[v], attributeWord(m.Attribute), label, noneIn(without)))
			}
		}
	}
	return out
}

// noneIn says which groups lack a category: "group 4 has none", "groups 4
// and 5 have none", or only how many when they are more than a dozen.
func noneIn(ids []string) scenario.Message {
	switch {
	case len(ids) > 12:
		return scenario.Msg("%d groups have none", len(ids))
	case len(ids) == 1:
		return scenario.Msg("group %s has none", ids[0])
	}
	return scenario.Msg("groups %s and %s have none", strings.Join(ids[:len(ids)-1], ", "), ids[len(ids)-1])
}

// quotaValue is the value a quota counts as the trainer knows it: a
// background by its label in the scenario's language, as the roster
// writes it, rather than its id.
func quotaValue(s *scenario.Scenario, q scenario.Quota) string {
	if q.Attribute == "background" {
		if b, ok := s.Background(q.Value); ok {
			return b.Label.In(s.Language)
		}
	}
	return q.Value
}

// attributeWord names a roster column a grouping rule mixes or counts, in
// words for messages: the columns every roster has are words of the
// catalogue, others are printed as the scenario names them.
func attributeWord(attr string) scenario.Message {
	switch attr {
	case "background":
		return scenario.Msg("background")
	case "unit":
		return scenario.Msg("unit")
	}
	return scenario.Msg("%s", attr)
}

// hasAttribute reports whether the roster has a column for attr, so that a
// grouping rule naming a column the sign-up sheet lacks is caught.
func hasAttribute(r *roster.Roster, attr string) bool {
	return slices.Contains(r.Columns, roster.AttributeName(attr))
}

// setRotationNeed asks the optimiser, from the second round on, to give
// every group enough members who have not yet hosted or recorded to fill its
// host and recorder places, so that casting can rotate those turns. Where
// too few such members are left, it asks for as many as there are.
func setRotationNeed(s *scenario.Scenario, r *roster.Roster, prob *grouping.Problem, h *castHistory, g int) {
	prob.Needs = slices.DeleteFunc(prob.Needs, func(n grouping.Need) bool {
		_, ok := n.Tag.(rotationNeed)
		return ok
	})
	if len(h.leading) == 0 {
		return
	}
	places := 0
	for _, role := range s.Roles {
		if role.Function == scenario.FunctionHost || role.Function == scenario.FunctionRecorder {
			places += role.MinPerGroup()
		}
	}
	fresh := make([]bool, len(r.Trainees))
	count := 0
	for i, t := range r.Trainees {
		if h.leading[t.ID] == 0 {
			fresh[i] = true
			count++
		}
	}
	if need := min(places, count/g); need > 0 {
		prob.Needs = append(prob.Needs, grouping.Need{Name: "members who have not yet hosted or recorded", Count: need, Eligible: fresh, Tag: rotationNeed{}})
	}
}

// describeViolation says in the trainer's terms (trainees, roles, the
// scenario's quotas) which hard rule a grouping breaks.
func describeViolation(s *scenario.Scenario, r *roster.Roster, groups int, v grouping.Violation) scenario.Message {
	who := func(i int) string { return fmt.Sprintf("%s (%s)", r.Trainees[i].Name, r.Trainees[i].ID) }
	switch v.Rule {
	case grouping.RuleKeepApart:
		return scenario.Msg("%s and %s must not share a group but are both in group %d: the avoid lists cannot all be kept with %d groups", who(v.Elements[0]), who(v.Elements[1]), v.Group+1, groups)
	case grouping.RuleKeepTogether:
		return scenario.Msg("%s and %s must share a group but could not be placed together with the other rules", who(v.Elements[0]), who(v.Elements[1]))
	}
	switch tag := v.Tag.(type) {
	case scenario.Quota:
		want := scenario.Msg("at least %d", tag.Min)
		if tag.Max > 0 {
			want = scenario.Msg("%d to %d", tag.Min, tag.Max)
		}
		return scenario.Msg("group %d has %d trainees with %s %q; the scenario asks for %s", v.Group+1, v.Have, attributeWord(tag.Attribute), quotaValue(s, tag), want)
	case roleNeed:
		if role, ok := s.Role(string(tag)); ok {
			return scenario.Msg("group %d has %d members who may play %s; it needs %d", v.Group+1, v.Have, role.DisplayTitle(), role.MinPerGroup())
		}
	}
	return scenario.Msg("%s", v.Detail)
}

// unplayedRoles names the optional roles no group got in any round, so that
// a trainer who added a role is not left wondering where it went.
func unplayedRoles(s *scenario.Scenario, p *plan.Plan) []scenario.Message {
	played := map[string]bool{}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				played[m.Role] = true
			}
		}
	}
	var out []scenario.Message
	for _, role := range s.Roles {
		if !played[role.ID] && role.Function != scenario.FunctionObserver {
			out = append(out, scenario.Msg("role %q is played in no group: groups of %d–%d fill their places with the other roles first; raise its min or make groups larger", role.DisplayTitle(), p.Settings.SizeMin, p.Settings.SizeMax))
		}
	}
	return out
}

// unreachedInjects names, for each round and group, the injects that reach
// nobody there: those aimed only at roles a group may lack (see
// [scenario.Scenario.OptionalRecipients]) when no member plays any of
// them. An inject aimed at a required role reaches its group, or the
// unfilled role is already among the plan's unmet rules.
func unreachedInjects(s *scenario.Scenario, p *plan.Plan) []scenario.Message {
	type miss struct {
		round, group int
		text         scenario.Message
	}
	var misses []miss
	for _, in := range s.Injects {
		ids := s.OptionalRecipients(in)
		if len(ids) == 0 || len(ids) < len(in.To) {
			continue
		}
		titles := scenario.Msg("%s", s.RoleTitle(ids[0]))
		for _, id := range ids[1:] {
			titles = scenario.Msg("%s or %s", titles, s.RoleTitle(id))
		}
		for _, rec := range p.InjectRecipients(in, 0) {
			if len(rec.Members) == 0 {
				misses = append(misses, miss{rec.Round, rec.Group, scenario.Msg("round %d, group %d: nobody plays %s, so the inject at %s reaches nobody",
					rec.Round, rec.Group, titles, scenario.Clock(in.At.Minutes()))})
			}
		}
	}
	slices.SortStableFunc(misses, func(a, b miss) int { return cmp.Or(cmp.Compare(a.round, b.round), cmp.Compare(a.group, b.group)) })
	out := make([]scenario.Message, len(misses))
	for i, m := range misses {
		out[i] = m.text
	}
	return out
}

// lastRound is the groups of the problem's elements in the round before,
// or nil when it has none.
func lastRound(p *grouping.Problem) []int {
	if len(p.Past) == 0 {
		return nil
	}
	return p.Past[len(p.Past)-1]
}

// unavoidableRepeats is a lower bound on the pairs who meet again when
// members spread over groups after a round of prevGroups groups: a group
// with s members who sat the previous round takes at least
// ceil(s/prevGroups) from some group of it, and spreading them as evenly
// as possible over its groups gives the fewest pairs that met before.
// prev[i] is the group of element i in the previous round, -1 for one who
// did not sit it (who has met nobody there); nil counts every element.
func unavoidableRepeats(group []int, g, prevGroups int, prev []int) int {
	size := make([]int, g)
	for i, grp := range group {
		if prev == nil || (i < len(prev) && prev[i] >= 0) {
			size[grp]++
		}
	}
	total := 0
	for _, s := range size {
		q, r := s/prevGroups, s%prevGroups
		total += r*(q+1)*q/2 + (prevGroups-r)*q*(q-1)/2
	}
	return total
}
