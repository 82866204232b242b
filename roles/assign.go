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
}

// defaultMix is the seed's practice: spread communities first, then
// backgrounds, "to avoid homogeneous discussions".
var defaultMix = []scenario.MixRule{{Attribute: "unit", Weight: 3}, {Attribute: "background", Weight: 2}}

// Assign forms mixed groups of the roster's trainees for each round and
// casts each group's roles. It fails, wrapping [scenario.ErrInvalid], when
// the request cannot be met at all (more groups than trainees, sizes outside
// the scenario's bounds, an impossible quota); rules the optimiser could
// not keep are listed in the plan's Unmet.
func Assign(ctx context.Context, s *scenario.Scenario, r *roster.Roster, opts AssignOptions) (*plan.Plan, error) {
	if opts.Rounds < 0 || opts.Rounds > scenario.MaxRounds {
		return nil, fmt.Errorf("%w: %d rounds: a training day has 1 to %d rounds", scenario.ErrInvalid, opts.Rounds, scenario.MaxRounds)
	}
	r = r.SortedByID()
	prob, info, err := newProblem(s, r, opts)
	if err != nil {
		return nil, err
	}
	a := &assignment{s: s, r: r, opts: opts, prob: prob, history: newCastHistory(), plan: newPlan(s, r, opts, prob, info)}
	for round := 1; round <= a.plan.Settings.Rounds; round++ {
		if err := a.assignRound(ctx, round); err != nil {
			return nil, err
		}
	}
	p := a.plan
	p.Warnings = append(p.Warnings, spreadWarnings(s, r, p, prob.Past)...)
	p.Warnings = append(p.Warnings, unplayedRoles(s, p)...)
	p.Warnings = append(p.Warnings, unreachedInjects(s, p)...)
	return p, nil
}

// newProblem decides the groups' number and sizes and builds the
// optimiser's problem, failing with every reason it cannot be solved at all.
func newProblem(s *scenario.Scenario, r *roster.Roster, opts AssignOptions) (*grouping.Problem, problemInfo, error) {
	n := len(r.Trainees)
	g, err := groupCount(s, n, opts)
	if err != nil {
		return nil, problemInfo{}, err
	}
	lo, hi := n/g, (n+g-1)/g
	if err := checkSizes(s, n, g, lo, hi); err != nil {
		return nil, problemInfo{}, err
	}
	prob, info, err := buildProblem(s, r, g, lo, hi)
	if err != nil {
		return nil, info, err
	}
	if err := prob.Validate(); err != nil {
		problems := explainInfeasible(s, r, g, err)
		if len(problems) == 0 {
			problems = []string{err.Error()}
		}
		return nil, info, fmt.Errorf("%w: the groups cannot be formed:\n  %s", scenario.ErrInvalid, strings.Join(problems, "\n  "))
	}
	return prob, info, nil
}

// newPlan is the plan before its rounds: what it was made from and how.
func newPlan(s *scenario.Scenario, r *roster.Roster, opts AssignOptions, prob *grouping.Problem, info problemInfo) *plan.Plan {
	bounds := prob.Groups[0] // every group has the same bounds
	return &plan.Plan{
		Version: scenario.Version, Kind: plan.Kind, Engine: Engine, Seed: opts.Seed,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: opts.ScenarioSource, SHA256: opts.ScenarioSHA256},
		Roster:   plan.RosterRef{File: r.File, SHA256: r.SHA256, Trainees: len(r.Trainees)},
		Settings: plan.Settings{Groups: len(prob.Groups), SizeMin: bounds.Min, SizeMax: bounds.Max, Rounds: max(opts.Rounds, 1), Iterations: opts.Iterations, Mix: info.mix},
	}
}

// assignment is the state carried from round to round: the problem, whose
// Past grows by each round's groups, who has played what, and the plan.
type assignment struct {
	s       *scenario.Scenario
	r       *roster.Roster
	opts    AssignOptions
	prob    *grouping.Problem
	history *castHistory
	plan    *plan.Plan
}

// assignRound forms the groups of one round, casts them and adds the round
// to the plan.
func (a *assignment) assignRound(ctx context.Context, round int) error {
	g := len(a.prob.Groups)
	setRotationNeed(a.s, a.r, a.prob, a.history, g)
	seed := a.opts.Seed ^ (uint64(round) * 0x9E3779B97F4A7C15)
	sol, err := grouping.Solve(ctx, a.prob, grouping.Options{Seed: seed, Budget: a.opts.Budget, Now: a.opts.Now, MaxIterations: a.opts.Iterations})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return fmt.Errorf("%w: round %d: %v", scenario.ErrInvalid, round, err)
	}
	if sol.OutOfTime {
		a.plan.Warnings = append(a.plan.Warnings, fmt.Sprintf("round %d stopped at the time budget of %s; the same seed may give another plan on another machine", round, a.opts.Budget))
	}
	rd := plan.Round{Round: round, Diversity: scenario.Round3(sol.Objective), Repeats: sol.Repeats}
	if round > 1 {
		rd.MinRepeats = unavoidableRepeats(sol.Group, g, g)
	}
	if sol.BoundKnown && sol.Bound > 0 {
		rd.Bound = scenario.Round3(sol.Bound)
		rd.Percent = math.Round(1e4*sol.Objective/sol.Bound) / 1e2
	}
	a.noteViolations(round, sol.Violations)
	rd.Groups = a.castRound(round, sol.Group, rand.New(rand.NewPCG(seed, 0x5eed)))
	a.plan.Rounds = append(a.plan.Rounds, rd)
	a.prob.Past = append(a.prob.Past, slices.Clone(sol.Group))
	return nil
}

// noteViolations puts the rules a round's groups break into the plan: the
// hard ones as unmet, rotation as a warning.
func (a *assignment) noteViolations(round int, violations []grouping.Violation) {
	for _, v := range violations {
		if _, ok := v.Tag.(rotationNeed); ok {
			// Rotation is a wish, not a rule: casting still prefers
			// those who have not led, and says so where it cannot.
			a.plan.Warnings = append(a.plan.Warnings, fmt.Sprintf("round %d, group %d: only %d member(s) who have not yet hosted or recorded; someone leads a second time", round, v.Group+1, v.Have))
			continue
		}
		u := plan.Unmet{Round: round, Rule: string(v.Rule), Detail: describeViolation(a.s, a.r, len(a.prob.Groups), v)}
		if v.Group >= 0 {
			u.Group = v.Group + 1
		}
		a.plan.Unmet = append(a.plan.Unmet, u)
	}
}

// castRound casts every group of a round, group[i] being the group of
// trainee i, and returns the plan's groups.
func (a *assignment) castRound(round int, group []int, rng *rand.Rand) []plan.Group {
	byGroup := make([][]roster.Trainee, len(a.prob.Groups))
	for i, grp := range group {
		byGroup[grp] = append(byGroup[grp], a.r.Trainees[i])
	}
	out := make([]plan.Group, 0, len(byGroup))
	for gi, members := range byGroup {
		cast := castGroup(a.s, members, a.history, rng)
		for _, u := range cast.unmet {
			a.plan.Unmet = append(a.plan.Unmet, plan.Unmet{Round: round, Group: gi + 1, Rule: "role", Detail: u})
		}
		grp := plan.Group{Group: gi + 1}
		for i, t := range members {
			grp.Members = append(grp.Members, plan.Member{ID: t.ID, Name: t.Name, Unit: t.Unit, Background: t.Background, Role: cast.roles[i], Note: cast.notes[i], Remarks: t.Remarks})
		}
		sortMembers(a.s, grp.Members)
		out = append(out, grp)
	}
	return out
}

// groupCount decides how many groups to form.
func groupCount(s *scenario.Scenario, n int, opts AssignOptions) (int, error) {
	if n == 0 {
		return 0, fmt.Errorf("%w: the roster has no trainees", scenario.ErrInvalid)
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
		return 0, fmt.Errorf("%w: %d groups were asked for but the roster has only %s; %s", scenario.ErrInvalid, g, plural(n, "trainee"), newSizeLimits(s).advice(n))
	}
	return g, nil
}

// checkSizes explains why balanced groups of lo–hi members break the
// scenario's bounds or cannot fill its roles, and says what would work.
func checkSizes(s *scenario.Scenario, n, g, lo, hi int) error {
	lim := newSizeLimits(s)
	if n < lim.least {
		// No number of groups helps; say only what does.
		return fmt.Errorf("%w: %s", scenario.ErrInvalid, lim.advice(n))
	}
	gives := fmt.Sprintf("%s in %s gives %s", plural(n, "trainee"), plural(g, "group"), groupsOf(g, lo))
	var problems []string
	if lim.min > 0 && lo < lim.min {
		problems = append(problems, fmt.Sprintf("%s, below the scenario's minimum of %d", gives, lim.min))
	}
	if lim.max > 0 && hi > lim.max {
		problems = append(problems, fmt.Sprintf("%s in %s gives %s, above the scenario's maximum of %d", plural(n, "trainee"), plural(g, "group"), groupsOf(g, hi), lim.max))
	}
	if lo < lim.roles && lim.roles > lim.min { // else said by the minimum
		problems = append(problems, fmt.Sprintf("the scenario's roles need %d members in every group, but %s", lim.roles, gives))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s; %s", scenario.ErrInvalid, strings.Join(problems, "; "), lim.advice(n))
	}
	return nil
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
func (l sizeLimits) advice(n int) string {
	if l.max > 0 && l.roles > l.max {
		return fmt.Sprintf("the scenario's required roles take %d members, more than its maximum group of %d; raise grouping.size.max or require fewer roles", l.roles, l.max)
	}
	if n < l.least {
		fix := "lower grouping.size.min"
		switch {
		case l.roles == l.least && l.min == l.least:
			fix = "lower grouping.size.min and require fewer roles"
		case l.roles == l.least:
			fix = "require fewer roles"
		}
		return fmt.Sprintf("%s cannot form a group: the scenario's groups have at least %d members; add at least %s or %s",
			plural(n, "trainee"), l.least, plural(l.least-n, "trainee"), fix)
	}
	first, last := l.groupRange(n)
	switch {
	case first == last:
		return fmt.Sprintf("ask for %s", plural(first, "group"))
	case first < last:
		return fmt.Sprintf("ask for %d to %d groups", first, last)
	}
	// Here last < first: last groups are too large and first too small.
	return fmt.Sprintf("%s do not split into groups of %d to %d: %s would hold %s and %s would hold %s; change the number of trainees or raise grouping.size.max",
		plural(n, "trainee"), l.least, l.max, plural(last, "group"), span(n/last, (n+last-1)/last), plural(first, "group"), span(n/first, (n+first-1)/first))
}

// plural writes n and a noun, plural unless n is 1: "1 trainee", "2 groups".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// groupsOf says what size g groups are: "a group of 5", "groups of 5".
func groupsOf(g, size int) string {
	if g == 1 {
		return "a group of " + strconv.Itoa(size)
	}
	return "groups of " + strconv.Itoa(size)
}

// span writes a size or a range of sizes: "6", "6 to 7".
func span(lo, hi int) string {
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d to %d", lo, hi)
}

// problemInfo is what the plan needs to know of how the problem was built.
type problemInfo struct {
	mix []string // the mixed attributes with their weights, for the plan
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
// optimisation problem of g groups of lo to hi members.
func buildProblem(s *scenario.Scenario, r *roster.Roster, g, lo, hi int) (*grouping.Problem, problemInfo, error) {
	b := &problemBuilder{r: r, prob: &grouping.Problem{N: len(r.Trainees)}, attr: map[string]int{}, categories: map[string]map[string]int{}}
	for range g {
		b.prob.Groups = append(b.prob.Groups, grouping.Bounds{Min: lo, Max: hi})
	}
	mix := s.Grouping.Mix
	if len(mix) == 0 {
		mix = defaultMix
	}
	info := problemInfo{mix: b.addMix(mix)}
	b.addQuotas(s.Grouping.Require)
	b.prob.Needs = roleNeeds(s, r)
	b.prob.KeepApart, b.prob.KeepTogether = keepPairs(r)
	if len(b.problems) > 0 {
		return nil, info, fmt.Errorf("%w: %s", scenario.ErrInvalid, strings.Join(b.problems, "; "))
	}
	return b.prob, info, nil
}

// problemBuilder adds the roster's columns to a problem as the optimiser's
// attributes, each column once, and collects the rules that name what the
// roster lacks.
type problemBuilder struct {
	r          *roster.Roster
	prob       *grouping.Problem
	attr       map[string]int            // column -> index into prob.Categorical
	categories map[string]map[string]int // column -> value -> category
	problems   []string
}

// addMix adds the mixed attributes and returns them with their weights,
// for the plan.
func (b *problemBuilder) addMix(mix []scenario.MixRule) []string {
	var out []string
	for _, m := range mix {
		if !hasAttribute(b.r, m.Attribute) {
			b.problems = append(b.problems, fmt.Sprintf("grouping.mix names %q, but the roster %s has no such column (columns: %s)", m.Attribute, b.r.File, strings.Join(b.r.Columns, ", ")))
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

// addQuotas adds the scenario's quotas, each tagged with its rule.
func (b *problemBuilder) addQuotas(require []scenario.Quota) {
	for _, q := range require {
		if !hasAttribute(b.r, q.Attribute) {
			b.problems = append(b.problems, fmt.Sprintf("grouping.require names %q, but the roster %s has no such column", q.Attribute, b.r.File))
			continue
		}
		a := b.categorical(q.Attribute, 0)
		cat, ok := b.categories[q.Attribute][q.Value]
		if !ok {
			if q.Min > 0 {
				b.problems = append(b.problems, fmt.Sprintf("every group needs at least %d trainees with %s %q, but the roster has none", q.Min, q.Attribute, q.Value))
			}
			continue
		}
		b.prob.Quotas = append(b.prob.Quotas, grouping.Quota{Attr: a, Category: cat, Min: q.Min, Max: q.Max, Tag: q})
	}
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
func spreadWarnings(s *scenario.Scenario, r *roster.Roster, p *plan.Plan, groupOf [][]int) []string {
	var out []string
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
				out = append(out, fmt.Sprintf("round %d: %d groups but only %d trainees with %s %q: %s %s none", ri+1, g, count[v], m.Attribute, label, groupList(without), hasHave(len(without))))
			}
		}
	}
	return out
}

func groupList(ids []string) string {
	if len(ids) > 12 {
		return fmt.Sprintf("%d groups", len(ids))
	}
	switch len(ids) {
	case 0:
		return "no group"
	case 1:
		return "group " + ids[0]
	}
	return "groups " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
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
func describeViolation(s *scenario.Scenario, r *roster.Roster, groups int, v grouping.Violation) string {
	who := func(i int) string { return fmt.Sprintf("%s (%s)", r.Trainees[i].Name, r.Trainees[i].ID) }
	switch v.Rule {
	case grouping.RuleKeepApart:
		return fmt.Sprintf("%s and %s must not share a group but are both in group %d: the avoid lists cannot all be kept with %d groups", who(v.Elements[0]), who(v.Elements[1]), v.Group+1, groups)
	case grouping.RuleKeepTogether:
		return fmt.Sprintf("%s and %s must share a group but could not be placed together with the other rules", who(v.Elements[0]), who(v.Elements[1]))
	}
	switch tag := v.Tag.(type) {
	case scenario.Quota:
		want := fmt.Sprintf("at least %d", tag.Min)
		if tag.Max > 0 {
			want = fmt.Sprintf("%d to %d", tag.Min, tag.Max)
		}
		return fmt.Sprintf("group %d has %d trainees with %s %q; the scenario asks for %s", v.Group+1, v.Have, tag.Attribute, tag.Value, want)
	case roleNeed:
		if role, ok := s.Role(string(tag)); ok {
			return fmt.Sprintf("group %d has %d members who may play %s; it needs %d", v.Group+1, v.Have, role.ID, role.MinPerGroup())
		}
	}
	return v.Detail
}

// unplayedRoles names the optional roles no group got in any round, so that
// a trainer who added a role is not left wondering where it went.
func unplayedRoles(s *scenario.Scenario, p *plan.Plan) []string {
	played := map[string]bool{}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				played[m.Role] = true
			}
		}
	}
	var out []string
	for _, role := range s.Roles {
		if !played[role.ID] && role.Function != scenario.FunctionObserver {
			out = append(out, fmt.Sprintf("role %q is played in no group: groups of %d–%d fill their places with the other roles first; raise its min or make groups larger", role.ID, p.Settings.SizeMin, p.Settings.SizeMax))
		}
	}
	return out
}

// unreachedInjects names, for each round and group, the injects that reach
// nobody there: those aimed only at roles a group may lack (see
// [scenario.Scenario.OptionalRecipients]) when no member plays any of
// them. An inject aimed at a required role reaches its group, or the
// unfilled role is already among the plan's unmet rules.
func unreachedInjects(s *scenario.Scenario, p *plan.Plan) []string {
	type miss struct {
		round, group int
		text         string
	}
	var misses []miss
	for _, in := range s.Injects {
		ids := s.OptionalRecipients(in)
		if len(ids) == 0 || len(ids) < len(in.To) {
			continue
		}
		titles := make([]string, len(ids))
		for i, id := range ids {
			titles[i] = s.RoleTitle(id)
		}
		for _, rec := range p.InjectRecipients(in, 0) {
			if len(rec.Members) == 0 {
				misses = append(misses, miss{rec.Round, rec.Group, fmt.Sprintf("round %d, group %d: nobody plays %s, so the inject at %s reaches nobody",
					rec.Round, rec.Group, strings.Join(titles, " or "), scenario.Clock(in.At.Minutes()))})
			}
		}
	}
	slices.SortStableFunc(misses, func(a, b miss) int { return cmp.Or(cmp.Compare(a.round, b.round), cmp.Compare(a.group, b.group)) })
	out := make([]string, len(misses))
	for i, m := range misses {
		out[i] = m.text
	}
	return out
}

// unavoidableRepeats is a lower bound on the pairs who meet again when
// members spread over groups after a round of prevGroups groups: a group of
// s members takes at least ceil(s/prevGroups) from some earlier group, and
// spreading its members as evenly as possible over the earlier groups gives
// the fewest pairs that met before.
func unavoidableRepeats(group []int, g, prevGroups int) int {
	size := make([]int, g)
	for _, grp := range group {
		size[grp]++
	}
	total := 0
	for _, s := range size {
		q, r := s/prevGroups, s%prevGroups
		total += r*(q+1)*q/2 + (prevGroups-r)*q*(q-1)/2
	}
	return total
}
