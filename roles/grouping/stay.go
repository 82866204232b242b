package grouping

// checkStart reports whether start is an assignment of p's elements that
// keeps every pinned element in its Stay group; nil passes.
func checkStart(p *Problem, start []int) error {
	if start == nil {
		return nil
	}
	v := &validation{p: p}
	if len(start) != p.N {
		v.add("Start has %d entries, want %d", len(start), p.N)
	}
	for i, g := range start[:min(len(start), p.N)] {
		if g < 0 || g >= len(p.Groups) {
			v.add("Start puts element %d in group %d, want a group 0..%d", i, g, len(p.Groups)-1)
			break
		}
		if p.Pinned != nil && p.Pinned[i] && p.Stay[i] != g {
			v.add("Start puts element %d in group %d, but it is pinned to group %d", i, g, p.Stay[i])
			break
		}
	}
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.errs, Sentences: v.sentences}
}

// stayStart is the assignment the search starts from when the problem has
// Stay groups: every element with one in it, each new element in the
// group with the most room below its minimum (else the most room below its
// maximum), then the size bounds repaired one move at a time, each time
// moving the element whose move costs least: a group above its maximum
// sends members to the group with most room, a group below its minimum
// takes members from groups above theirs. Since each repair move mends one
// unit of excess or deficit, the sizes are mended with the fewest moves
// [MinMoves] counts for them. Pinned elements never move.
func stayStart(s *state) []int {
	p, G := s.p, s.G
	group := make([]int, s.n)
	size := make([]int, G)
	for i, h := range p.Stay {
		group[i] = h
		if h >= 0 {
			size[h]++
		}
	}
	for i, h := range p.Stay {
		if h < 0 {
			g := roomiest(s, size, -1)
			if g < 0 {
				g = 0 // no room anywhere: Validate has said so
			}
			group[i] = g
			size[g]++
		}
	}
	s.load(group)
	// cheapest is the best element of group from (any group above its
	// minimum when from < 0) to move to group to, and its group.
	cheapest := func(from, to int) (int, int) {
		best, bestFrom, bestVal := -1, -1, 0.0
		for i, a := range s.group {
			if a == to || s.fixed(i) {
				continue
			}
			if from >= 0 && a != from || from < 0 && s.size[a] <= s.lo[a] {
				continue
			}
			if v := s.moveGain(i, to) - s.penMove(i, to); best < 0 || v > bestVal {
				best, bestFrom, bestVal = i, a, v
			}
		}
		return best, bestFrom
	}
	for g := 0; g < G; g++ {
		for s.size[g] > s.hi[g] {
			to := roomiest(s, s.size, g)
			if to < 0 {
				break
			}
			i, _ := cheapest(g, to)
			if i < 0 {
				break
			}
			s.move(i, to, s.moveGain(i, to), s.penMove(i, to))
		}
	}
	for g := 0; g < G; g++ {
		for s.size[g] < s.lo[g] {
			i, _ := cheapest(-1, g)
			if i < 0 {
				break
			}
			s.move(i, g, s.moveGain(i, g), s.penMove(i, g))
		}
	}
	out := make([]int, s.n)
	copy(out, s.group)
	return out
}

// roomiest is the group other than except below its maximum with the most
// room below its minimum, or below its maximum when none is short; the
// lowest index on a tie, -1 when every group is full.
func roomiest(s *state, size []int, except int) int {
	best, bestKey := -1, 0
	for g := 0; g < s.G; g++ {
		if g == except || size[g] >= s.hi[g] {
			continue
		}
		key := s.lo[g] - size[g]
		if key <= 0 {
			key = -size[g] - s.n // short groups first, then the smallest
		}
		if best < 0 || key > bestKey {
			best, bestKey = g, key
		}
	}
	return best
}

// MinMoves is a lower bound on the number of elements that are not pinned
// and have a Stay group (see [Problem.Stay]) which any assignment keeping
// the size bounds, the quotas, the needs and the keep-apart and
// keep-together pairs must place outside their Stay group; 0 without Stay.
// Compare it with [Solution.Moved].
//
// It is the largest of these bounds, each of which holds on its own:
//
//   - Sizes. Let s_g be the elements whose Stay group is g. The excess
//     E = Σ max(0, s_g − Max_g) must leave their group. The deficit
//     D = Σ max(0, Min_g − s_g) is filled by new elements (Stay −1) or by
//     elements leaving another group, so at least D minus the new elements
//     move. The bound is max(E, D − new).
//
//   - Each quota: the same with only the elements of its category counted,
//     Min for Min_g, Max (when above 0) for Max_g, and the new elements of
//     the category for new.
//
//   - Each need: the deficit bound, with the eligible elements.
//
//   - Pairs. A keep-apart pair whose elements stay in one group, or a
//     keep-together pair whose elements stay in two, needs one of its
//     elements to move. Such pairs that share no element need distinct
//     movers, so the size of a matching of them (taken greedily in the
//     order of the pairs, skipping pairs whose elements are both pinned)
//     is a bound.
//
//   - Chains (see chainMoves), when no element is new: a quota or need
//     short in a full group costs two moves, one in and one out to keep its
//     size.
//
// Pinned elements count towards s_g but never as movers. The bound ignores
// other ways rules interact (a move that mends a quota may break a size),
// so an assignment may need more moves than it says, never fewer.
func MinMoves(p *Problem) int { return max(separateMoves(p), chainMoves(p)) }

// separateMoves is [MinMoves] with each rule on its own: the sizes, each
// quota, each need, and the pairs.
func separateMoves(p *Problem) int {
	G := len(p.Groups)
	if p.Stay == nil || len(p.Stay) != p.N || G == 0 {
		return 0
	}
	stay := func(i int) int {
		if h := p.Stay[i]; h >= 0 && h < G {
			return h
		}
		return -1
	}
	// bound counts the elements with in(i) by Stay group and returns
	// max(excess, deficit − new) against lo and hi (hi < 0: no maximum).
	bound := func(in func(int) bool, lo func(int) int, hi func(int) int) int {
		cnt := make([]int, G)
		fresh := 0
		for i := 0; i < p.N; i++ {
			if !in(i) {
				continue
			}
			if h := stay(i); h >= 0 {
				cnt[h]++
			} else {
				fresh++
			}
		}
		excess, deficit := 0, 0
		for g, c := range cnt {
			if h := hi(g); h >= 0 && c > h {
				excess += c - h
			}
			if l := lo(g); c < l {
				deficit += l - c
			}
		}
		return max(excess, deficit-fresh)
	}
	all := func(int) bool { return true }
	best := bound(all, func(g int) int { return p.Groups[g].Min }, func(g int) int { return p.Groups[g].Max })
	for _, q := range p.Quotas {
		if q.Attr < 0 || q.Attr >= len(p.Categorical) || len(p.Categorical[q.Attr].Values) != p.N {
			continue
		}
		vals := p.Categorical[q.Attr].Values
		hi := -1
		if q.Max > 0 {
			hi = q.Max
		}
		best = max(best, bound(func(i int) bool { return vals[i] == q.Category && vals[i] >= 0 },
			func(int) int { return q.Min }, func(int) int { return hi }))
	}
	for _, nd := range p.Needs {
		if len(nd.Eligible) != p.N {
			continue
		}
		best = max(best, bound(func(i int) bool { return nd.Eligible[i] },
			func(int) int { return nd.Count }, func(int) int { return -1 }))
	}
	pinned := func(i int) bool { return p.Pinned != nil && len(p.Pinned) == p.N && p.Pinned[i] }
	used := make([]bool, p.N)
	matched := 0
	match := func(pairs [][2]int, conflict func(a, b int) bool) {
		for _, pr := range pairs {
			a, b := pr[0], pr[1]
			if a < 0 || b < 0 || a >= p.N || b >= p.N || a == b || used[a] || used[b] {
				continue
			}
			if stay(a) < 0 || stay(b) < 0 || !conflict(stay(a), stay(b)) || pinned(a) && pinned(b) {
				continue
			}
			used[a], used[b] = true, true
			matched++
		}
	}
	match(p.KeepApart, func(x, y int) bool { return x == y })
	match(p.KeepTogether, func(x, y int) bool { return x != y })
	return max(best, matched)
}

// chainMoves is a lower bound on the elements of p with a Stay group, not
// pinned, that any grouping keeping its sizes and its quotas' and needs'
// minimums must move; 0 when some element has no Stay group (a walk-in),
// whom it does not follow. [MinMoves]' other bounds take the sizes and each
// quota on its own; a quota short in a full group needs two moves, one in
// and one out to keep the size, and so does one whose members can come only
// from groups at their smallest. Taking a group's only member of a category
// away, in groups all of one size, moves two more, not one.
//
// For one quota (a need is the same, with its eligible elements and
// count), count the moves' ends: each mover leaves one group and enters
// another, so twice the movers is the sum over groups of in_g + out_g.
// A group g with d_g = min − c_g > 0 members of the category too few takes
// at least d_g of them in, and, with room_g = max_g − size_g, sends at
// least in_g − room_g out: in_g + out_g ≥ d_g + max(0, d_g − room_g). The
// D = Σ d_g members taken in leave the other groups, x_h from group h:
// with m_h = min(size_h − min_h, c_h − min) (what h can give without
// taking someone back to keep its size or the quota), in_h + out_h ≥ x_h
// + max(0, x_h − m_h), whose sum is at least D + max(0, D − Σ m_h). Half
// the sum of both, rounded up, bounds the movers. Pinned elements count in
// their group and never move; the bound only ever drops a constraint, so
// it is never above the true minimum.
func chainMoves(p *Problem) int {
	G := len(p.Groups)
	if p.Stay == nil || len(p.Stay) != p.N || G == 0 {
		return 0
	}
	size := make([]int, G)
	for _, h := range p.Stay {
		if h < 0 || h >= G {
			return 0
		}
		size[h]++
	}
	chain := func(in func(int) bool, need int) int {
		if need <= 0 {
			return 0
		}
		cnt := make([]int, G)
		for i, h := range p.Stay {
			if in(i) {
				cnt[h]++
			}
		}
		ends, short, spare := 0, 0, 0
		for g := range G {
			if d := need - cnt[g]; d > 0 {
				ends += d + max(0, d-(p.Groups[g].Max-size[g]))
				short += d
			} else {
				spare += max(0, min(size[g]-p.Groups[g].Min, cnt[g]-need))
			}
		}
		if short == 0 {
			return 0
		}
		ends += short + max(0, short-spare)
		return (ends + 1) / 2
	}
	best := 0
	for _, q := range p.Quotas {
		if q.Attr < 0 || q.Attr >= len(p.Categorical) || len(p.Categorical[q.Attr].Values) != p.N {
			continue
		}
		vals := p.Categorical[q.Attr].Values
		best = max(best, chain(func(i int) bool { return vals[i] == q.Category && vals[i] >= 0 }, q.Min))
	}
	for _, nd := range p.Needs {
		if len(nd.Eligible) == p.N {
			best = max(best, chain(func(i int) bool { return nd.Eligible[i] }, nd.Count))
		}
	}
	return best
}
