package grouping

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Options steer [Solve].
//
// Determinism: the search draws all randomness from a PCG generator seeded
// with Seed and counts its work in iterations. A run that ends on
// MaxIterations, on Target or on the problem's upper bound gives the same
// [Solution] on every machine. Budget is a safety cap on wall time: a run
// cut short by it (or by the context) depends on machine speed. Callers who
// need byte-identical plans should rely on MaxIterations and treat Budget
// as a cap they do not expect to reach.
type Options struct {
	// Seed seeds the random generator.
	Seed uint64
	// Budget caps the wall time; 0 means no cap.
	Budget time.Duration
	// Now is the clock Budget is measured by; nil means [time.Now]. It is
	// read only when Budget is set: at the start, then every few
	// iterations.
	Now func() time.Time
	// MaxIterations caps the work. With a dense matrix one iteration is one
	// tabu-search move (each scans all swap and insert moves, O(N²)); with
	// attributes it is one sampled move, O(attributes). 0 selects a default
	// scaled by N (see [DefaultIterations]); a negative value means no limit,
	// in which case Budget must be set.
	MaxIterations int
	// Target stops the search as soon as an assignment that breaks no hard
	// rule and repeats no pairing reaches this diversity. 0 means none; the
	// search stops at the [UpperBound] anyway when one is known.
	Target float64
	// Start is an assignment to search from (the group of each element)
	// instead of the one [Solve] builds. It must have an entry per element,
	// each a group, and keep every pinned element in its Stay group. The
	// search keeps group sizes within their bounds once they are, so a
	// Start should already be within them.
	Start []int
}

// DefaultIterations is the iteration limit [Solve] uses when
// [Options.MaxIterations] is 0: 50·N+1,000 tabu moves with a dense matrix
// and 40·N+100,000 sampled moves with attributes.
func DefaultIterations(p *Problem) int {
	if p.Dist != nil {
		return 50*p.N + 1000
	}
	return 40*p.N + 100000
}

// Violation is a hard rule the returned assignment still breaks, and why.
type Violation struct {
	// Rule is the kind of rule broken.
	Rule Rule
	// Group is the group concerned, or -1 when the rule names elements.
	Group int
	// Elements are the two elements of a keep-apart or keep-together pair.
	Elements []int
	// Index is the quota's index in [Problem.Quotas] or the need's in
	// [Problem.Needs].
	Index int
	// Tag is the quota's or the need's Tag.
	Tag any
	// Have is how many members of the group count towards the quota or
	// need (or the group's size, for "size").
	Have int
	// Detail says in words what is wrong, in terms of elements.
	Detail string
}

// Solution is the result of [Solve].
type Solution struct {
	// Group holds the group index of each element.
	Group []int
	// Objective is the diversity of Group (see [Problem.Objective]),
	// without penalties.
	Objective float64
	// Repeats counts pairs in the same group that met in an earlier round.
	Repeats int
	// Moved counts the elements with a Stay group (see [Problem.Stay])
	// that Group places in another one; compare it with [MinMoves].
	Moved int
	// Bound is [UpperBound] of the problem when BoundKnown, else 0.
	Bound float64
	// BoundKnown reports whether Bound is set.
	BoundKnown bool
	// Violations lists the hard rules Group breaks; empty when all are met.
	Violations []Violation
	// Iterations is the work done, in the unit of [Options.MaxIterations].
	Iterations int
	// OutOfTime reports that [Options.Budget] ended the search, so the same
	// seed may give another Solution on a faster or slower machine.
	OutOfTime bool
}

// control decides when a search stops.
type control struct {
	ctx      context.Context
	now      func() time.Time
	deadline time.Time
	limit    int
	target   float64 // stop at value >= target, with no penalty
	stopped  error
}

// done reports whether the search must stop before iteration it. It reads
// the clock and the context only every mask+1 iterations.
func (c *control) done(it int, mask int) bool {
	if c.stopped != nil {
		return true
	}
	if c.limit >= 0 && it >= c.limit {
		c.stopped = errLimit
		return true
	}
	if it&mask == 0 {
		if err := c.ctx.Err(); err != nil {
			c.stopped = err
			return true
		}
		if !c.deadline.IsZero() && c.now().After(c.deadline) {
			c.stopped = errBudget
			return true
		}
	}
	return false
}

func (c *control) reached(s *state) bool {
	return !math.IsNaN(c.target) && s.pen == 0 && s.obj >= c.target-1e-9*(1+math.Abs(c.target))
}

var (
	errLimit  = errors.New("iteration limit")
	errBudget = errors.New("time budget")
)

// Solve searches for an assignment of maximum diversity that meets every
// hard rule. It validates p first and returns the [ValidationError] if it
// fails. Rules it cannot meet are listed in [Solution.Violations]; they are
// never broken silently.
//
// The search starts from [Options.Start] when it is set (a [ValidationError]
// when it is not an assignment of p, or moves a pinned element); else,
// when p has Stay groups, from them: every element with a Stay group in
// it, each new element in the group with most room, and the size bounds
// then repaired one move at a time, each mending a group above its Max or
// below its Min, with the element whose move costs least; else from an
// assignment it deals (see construct).
//
// When ctx is cancelled, Solve returns the best assignment found so far
// together with ctx.Err().
func Solve(ctx context.Context, p *Problem, opt Options) (*Solution, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	limit := opt.MaxIterations
	if limit == 0 {
		limit = DefaultIterations(p)
	}
	if limit < 0 && opt.Budget <= 0 {
		return nil, errors.New("grouping: MaxIterations < 0 needs a Budget")
	}
	c := &control{ctx: ctx, now: opt.Now, limit: limit, target: math.NaN()}
	if c.now == nil {
		c.now = time.Now
	}
	if opt.Budget > 0 {
		c.deadline = c.now().Add(opt.Budget)
	}
	bound, boundOK := UpperBound(p)
	switch {
	case opt.Target != 0 && boundOK:
		c.target = min(opt.Target, bound)
	case opt.Target != 0:
		c.target = opt.Target
	case boundOK:
		c.target = bound
	}

	if err := checkStart(p, opt.Start); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed_9e37_79b9_7f4a))
	s := newState(p)
	switch {
	case opt.Start != nil:
		s.load(opt.Start)
	case p.Stay != nil:
		s.load(stayStart(s))
	default:
		s.load(construct(s, rng))
	}
	var best []int
	var iters int
	if s.dense {
		best, iters = iteratedTabu(s, c, rng)
	} else {
		best, iters = sampledSearch(s, c, rng)
	}
	s.load(best)
	sol := &Solution{
		Group:      best,
		Objective:  p.Objective(best),
		Repeats:    s.repeats(),
		Moved:      s.moved(),
		Violations: s.violations(),
		Iterations: iters,
		OutOfTime:  c.stopped == errBudget,
	}
	if boundOK {
		sol.Bound, sol.BoundKnown = bound, true
	}
	if c.stopped != nil && c.stopped != errLimit && c.stopped != errBudget {
		return sol, c.stopped
	}
	return sol, nil
}

// construct builds a first assignment that meets the size bounds and, as far
// as dealing allows, the other hard rules: keep-together components are
// placed whole, elements that fill needs and quotas are dealt first so every
// group gets its share, keep-apart partners are dealt to different groups,
// and with attributes the rest are sorted by category and dealt round-robin
// so each category spreads over the groups.
func construct(s *state, rng *rand.Rand) []int {
	return deal(s, dealingOrder(s, rng), pairProfile(s.lo, s.hi, s.n))
}

// unit is what construct deals to one group: a keep-together component,
// or a single element.
type unit struct {
	members []int
	rank    int   // lower is dealt first
	key     []int // the categories of the first member, heaviest attribute first
}

// dealingOrder returns the units in the order they are dealt: larger
// keep-together components first, then elements wanted by needs and quotas,
// then the rest; within a rank, sorted by category so that round-robin
// dealing spreads each category, and otherwise in rng's order.
func dealingOrder(s *state, rng *rand.Rand) []unit {
	p, n := s.p, s.n
	uf := newUnionFind(n)
	for _, pr := range p.KeepTogether {
		uf.union(pr[0], pr[1])
	}
	comp := make(map[int][]int)
	for i := 0; i < n; i++ {
		if len(p.KeepTogether) > 0 {
			r := uf.find(i)
			comp[r] = append(comp[r], i)
		}
	}
	order := rng.Perm(n)
	units := make([]unit, 0, n)
	scarce := make([]int, n) // how much element i is wanted by needs and quotas
	for _, nd := range p.Needs {
		for i, e := range nd.Eligible {
			if e && nd.Count > 0 {
				scarce[i]++
			}
		}
	}
	for _, q := range p.Quotas {
		if q.Min > 0 {
			for i, v := range p.Categorical[q.Attr].Values {
				if v == q.Category && v >= 0 {
					scarce[i]++
				}
			}
		}
	}
	attrOrder := make([]int, 0, len(p.Categorical))
	if !s.dense {
		for k, a := range p.Categorical {
			if a.Weight > 0 {
				attrOrder = append(attrOrder, k)
			}
		}
		slices.SortStableFunc(attrOrder, func(x, y int) int {
			return cmp.Compare(p.Categorical[y].Weight, p.Categorical[x].Weight)
		})
	}
	for _, i := range order {
		var members []int
		if len(p.KeepTogether) > 0 {
			r := uf.find(i)
			if r != i {
				continue
			}
			members = comp[r]
		} else {
			members = []int{i}
		}
		u := unit{members: members}
		switch {
		case len(members) > 1:
			u.rank = -len(members)
		case scarce[i] > 0:
			u.rank = 1
		default:
			u.rank = 2
		}
		for _, k := range attrOrder {
			u.key = append(u.key, p.Categorical[k].Values[members[0]])
		}
		units = append(units, u)
	}
	slices.SortStableFunc(units, func(x, y unit) int {
		if c := cmp.Compare(x.rank, y.rank); c != 0 {
			return c
		}
		return slices.Compare(x.key, y.key)
	})
	return units
}

// deal hands the units round-robin to the groups that still have room
// under the target sizes, skipping a group that holds a keep-apart partner
// where another has room, and returns the group of each element.
func deal(s *state, units []unit, target []int) []int {
	G := s.G
	group := make([]int, s.n)
	for i := range group {
		group[i] = -1
	}
	room := target
	open := make([]int, G)
	for g := range open {
		open[g] = g
	}
	conflict := func(members []int, g int) bool {
		if s.apart == nil {
			return false
		}
		for _, i := range members {
			for _, j := range s.apart[i] {
				if group[j] == g {
					return true
				}
			}
		}
		return false
	}
	pos := 0
	for _, u := range units {
		k := len(u.members)
		chosen, fallback := -1, -1
		for step := 0; step < len(open); step++ {
			idx := (pos + step) % len(open)
			g := open[idx]
			if room[g] < k {
				continue
			}
			if fallback < 0 {
				fallback = idx
			}
			if !conflict(u.members, g) {
				chosen = idx
				break
			}
		}
		if chosen < 0 {
			chosen = fallback
		}
		if chosen < 0 {
			placeAnywhere(s, u.members, group, room)
			continue
		}
		g := open[chosen]
		for _, i := range u.members {
			group[i] = g
		}
		s.size[g] += k
		room[g] -= k
		if room[g] <= 0 {
			open = slices.Delete(open, chosen, chosen+1)
			if len(open) > 0 {
				pos = chosen % len(open)
			}
		} else {
			pos = (chosen + 1) % len(open)
		}
	}
	clear(s.size)
	return group
}

// placeAnywhere places a component no group has room for under the target
// sizes: in the group with most room up to its maximum, spilling into any
// group with room, and lets the search sort it out.
func placeAnywhere(s *state, members, group, room []int) {
	bestG := 0
	for g := 1; g < s.G; g++ {
		if s.hi[g]-s.size[g] > s.hi[bestG]-s.size[bestG] {
			bestG = g
		}
	}
	for _, i := range members {
		g := bestG
		if s.size[g] >= s.hi[g] {
			for h := 0; h < s.G; h++ {
				if s.size[h] < s.hi[h] {
					g = h
					break
				}
			}
		}
		group[i] = g
		s.size[g]++
		room[g]--
	}
}

// violations lists the hard rules the current assignment breaks.
func (s *state) violations() []Violation {
	p := s.p
	var out []Violation
	for g, b := range p.Groups {
		if s.size[g] < b.Min || s.size[g] > b.Max {
			out = append(out, Violation{Rule: RuleSize, Group: g, Have: s.size[g],
				Detail: fmt.Sprintf("group %d has %d members, outside its bounds [%d, %d]", g, s.size[g], b.Min, b.Max)})
		}
	}
	for _, pr := range p.KeepApart {
		if g := s.group[pr[0]]; g == s.group[pr[1]] {
			out = append(out, Violation{Rule: RuleKeepApart, Group: g, Elements: []int{pr[0], pr[1]},
				Detail: fmt.Sprintf("elements %d and %d must be kept apart but share group %d: the search found no arrangement that separates them while meeting the other rules", pr[0], pr[1], g)})
		}
	}
	for _, pr := range p.KeepTogether {
		if s.group[pr[0]] != s.group[pr[1]] {
			out = append(out, Violation{Rule: RuleKeepTogether, Group: -1, Elements: []int{pr[0], pr[1]},
				Detail: fmt.Sprintf("elements %d and %d must be kept together but are in groups %d and %d: the search found no arrangement that joins them while meeting the other rules", pr[0], pr[1], s.group[pr[0]], s.group[pr[1]])})
		}
	}
	for qi, q := range p.Quotas {
		a := p.Categorical[q.Attr]
		for g := 0; g < s.G; g++ {
			c := int(s.cat[q.Attr].count(g, int32(q.Category)))
			if c < q.Min || (q.Max > 0 && c > q.Max) {
				want := fmt.Sprintf("at least %d", q.Min)
				if q.Max > 0 {
					want = fmt.Sprintf("between %d and %d", q.Min, q.Max)
				}
				out = append(out, Violation{Rule: RuleQuota, Group: g, Index: qi, Tag: q.Tag, Have: c,
					Detail: fmt.Sprintf("group %d has %d members with %s = %d but needs %s: the search found no arrangement that meets this quota together with the other rules", g, c, a.Name, q.Category, want)})
			}
		}
	}
	for ni, nd := range p.Needs {
		for g := 0; g < s.G; g++ {
			if c := int(s.needs[ni].cnt[g]); c < nd.Count {
				out = append(out, Violation{Rule: RuleNeed, Group: g, Index: ni, Tag: nd.Tag, Have: c,
					Detail: fmt.Sprintf("group %d has %d members eligible as %q but needs %d: the search found no arrangement that fills this role together with the other rules", g, c, nd.Name, nd.Count)})
			}
		}
	}
	return out
}

// pairProfile returns group sizes within [lo, hi] adding up to n that
// maximise the number of same-group pairs, the sum of s(s-1)/2. Every pair
// adds diversity, so the best assignments tend to have this profile; when
// the bounds vary it is found by [profileDP]. When all bounds are equal, or
// the programme would be large, sizes are spread evenly instead (exact for
// equal bounds up to which groups get the extra members, since the search
// moves members between groups anyway).
func pairProfile(lo, hi []int, n int) []int {
	G := len(lo)
	target := slices.Clone(lo)
	extra := n
	for g := range lo {
		extra -= lo[g]
	}
	uniform := true
	for g := range lo {
		if lo[g] != lo[0] || hi[g] != hi[0] {
			uniform = false
		}
	}
	if !uniform && extra > 0 && profileDPFits(lo, hi, extra) {
		return profileDP(lo, hi, extra)
	}
	for extra > 0 {
		for g := 0; g < G && extra > 0; g++ {
			if target[g] < hi[g] {
				target[g]++
				extra--
			}
		}
	}
	return target
}
