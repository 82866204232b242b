package grouping

import (
	"math"
	"slices"
)

// state is an assignment with everything a move's gain needs: group sizes,
// per-group category counts and numeric sums, and with a dense matrix
// W[i*G+g], the sum of d(i,j) over j in g.
type state struct {
	p     *Problem
	n, G  int
	lo    []int
	hi    []int
	group []int
	size  []int

	dense bool
	dist  []float64
	W     []float64

	cat     []catAttr
	usedCat []int   // indices of cat that count toward diversity
	ev      []int32 // ev[i*len(cat)+k]: category of i on cat[k], -1 if missing or unused; one cache line per element
	num     []numAttr

	obj float64 // diversity of the assignment
	pen float64 // penalty: hard rules times hard, moves times stayW, repeats times repeatW

	hasPen     bool
	hard       float64
	stayW      float64
	repeatW    float64
	stay       []int  // Problem.Stay, nil when unset
	pinned     []bool // Problem.Pinned, nil when unset
	apart      [][]int32
	together   [][]int32
	met        [][]int32
	quotas     []Quota
	elemQuotas [][]int32
	needs      []needRule
	elemNeeds  [][]int32
}

type catAttr struct {
	w      float64
	values []int32
	k      int         // number of categories
	stride int         // of cnt: the categories of all array-counted attributes
	off    int         // of this attribute's categories within a stride
	cnt    []int32     // cnt[g*stride+off+c], shared by attributes; nil when table is used
	table  *countTable // used instead of cnt for many categories
	used   bool        // the attribute counts toward diversity
}

func (a *catAttr) count(g int, c int32) int32 {
	if a.cnt != nil {
		return a.cnt[g*a.stride+a.off+int(c)]
	}
	return a.table.get(int64(g)*int64(a.k) + int64(c))
}

func (a *catAttr) add(g int, c int32, d int32) {
	if a.cnt != nil {
		a.cnt[g*a.stride+a.off+int(c)] += d
		return
	}
	a.table.add(int64(g)*int64(a.k)+int64(c), d)
}

// countTable maps keys >= 0 to non-zero counts: open addressing with linear
// probing and backward-shift deletion, so it never holds more entries than
// there are elements. It stands in for a G×categories array when that would
// be large (an attribute with thousands of categories).
type countTable struct {
	keys []int64 // key+1; 0 marks an empty slot
	vals []int32
	mask uint64
}

func newCountTable(n int) *countTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &countTable{keys: make([]int64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

func (t *countTable) slot(k int64) uint64 {
	x := uint64(k) * 0x9E3779B97F4A7C15
	return (x ^ x>>29) & t.mask
}

func (t *countTable) get(k int64) int32 {
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			return 0
		case k + 1:
			return t.vals[i]
		}
	}
}

func (t *countTable) add(k int64, d int32) {
	i := t.slot(k)
	for ; t.keys[i] != 0; i = (i + 1) & t.mask {
		if t.keys[i] == k+1 {
			t.vals[i] += d
			if t.vals[i] == 0 {
				t.remove(i)
			}
			return
		}
	}
	t.keys[i], t.vals[i] = k+1, d
}

func (t *countTable) remove(i uint64) {
	for j := (i + 1) & t.mask; t.keys[j] != 0; j = (j + 1) & t.mask {
		h := t.slot(t.keys[j] - 1)
		// Move j into the hole at i unless its home h lies cyclically in (i, j].
		if (i <= j && (h <= i || h > j)) || (i > j && h <= i && h > j) {
			t.keys[i], t.vals[i] = t.keys[j], t.vals[j]
			i = j
		}
	}
	t.keys[i], t.vals[i] = 0, 0
}

func (t *countTable) clear() {
	clear(t.keys)
	clear(t.vals)
}

type numAttr struct {
	w      float64
	x      []float64 // scaled to [0, 1]
	s1, s2 []float64 // per group sum of x and x²
}

type needRule struct {
	count int
	cnt   []int32 // eligible members per group
}

func newState(p *Problem) *state {
	n, G := p.N, len(p.Groups)
	s := &state{p: p, n: n, G: G, group: make([]int, n), size: make([]int, G)}
	s.lo = make([]int, G)
	s.hi = make([]int, G)
	smax := 0
	for g, b := range p.Groups {
		s.lo[g], s.hi[g] = b.Min, b.Max
		smax = max(smax, b.Max)
	}
	dmax := 0.0 // the largest distance of a pair
	if p.Dist != nil {
		s.dense = true
		s.dist = p.Dist
		s.W = make([]float64, n*G)
		for _, d := range p.Dist {
			dmax = max(dmax, math.Abs(d))
		}
	}
	dmax = s.initCategorical(dmax)
	if !s.dense {
		dmax = s.initNumeric(dmax)
	}
	s.initRules(smax, dmax)
	return s
}

// initCategorical sets up the per-group counts of the categorical
// attributes that count toward diversity or a quota, and returns dmax, the
// largest distance of a pair so far, plus the weights of those that count
// toward diversity.
func (s *state) initCategorical(dmax float64) float64 {
	p, n, G := s.p, s.n, s.G
	stride := 0 // counts of one group, for all attributes, lie together
	quotaAttr := make(map[int]bool)
	for _, q := range p.Quotas {
		quotaAttr[q.Attr] = true
	}
	for k, a := range p.Categorical {
		ca := catAttr{w: a.Weight, values: make([]int32, n), used: !s.dense && a.Weight != 0}
		if !ca.used && !quotaAttr[k] {
			ca.values = nil
			s.cat = append(s.cat, ca)
			continue
		}
		for i, v := range a.Values {
			ca.values[i] = int32(v)
			ca.k = max(ca.k, v+1)
		}
		ca.k = max(ca.k, 1)
		if int64(G)*int64(ca.k) <= 8*int64(n)+1<<16 {
			ca.off = stride
			stride += ca.k
		} else {
			ca.table = newCountTable(n)
		}
		if ca.used {
			dmax += a.Weight
		}
		s.cat = append(s.cat, ca)
	}
	if stride > 0 {
		shared := make([]int32, G*stride)
		for k := range s.cat {
			a := &s.cat[k]
			if a.values != nil && a.table == nil {
				a.cnt, a.stride = shared, stride
			}
		}
	}
	for k := range s.cat {
		if s.cat[k].used {
			s.usedCat = append(s.usedCat, k)
		}
	}
	if A := len(s.cat); A > 0 {
		s.ev = make([]int32, n*A)
		for i := 0; i < n; i++ {
			for k := range s.cat {
				s.ev[i*A+k] = -1
				if v := s.cat[k].values; v != nil {
					s.ev[i*A+k] = v[i]
				}
			}
		}
	}
	return dmax
}

// initNumeric sets up the per-group sums of the numeric attributes that
// count toward diversity, scaled to [0, 1], and returns dmax plus their
// weights.
func (s *state) initNumeric(dmax float64) float64 {
	for _, a := range s.p.Numeric {
		if a.Weight == 0 {
			continue
		}
		lo, hi := minMax(a.Values)
		if hi <= lo {
			continue
		}
		na := numAttr{w: a.Weight, x: make([]float64, s.n), s1: make([]float64, s.G), s2: make([]float64, s.G)}
		for i, v := range a.Values {
			na.x[i] = (v - lo) / (hi - lo)
		}
		dmax += a.Weight
		s.num = append(s.num, na)
	}
	return dmax
}

// initRules sets up the hard rules, the repeats and the weights of their
// penalties, from the largest group smax and the largest distance dmax.
func (s *state) initRules(smax int, dmax float64) {
	p, n := s.p, s.n
	s.apart = adjacency(n, p.KeepApart)
	s.together = adjacency(n, p.KeepTogether)
	if len(p.Past) > 0 {
		s.met = metBefore(n, p.Past)
		s.repeatW = p.RepeatPenalty
		if s.repeatW == 0 {
			s.repeatW = 2*float64(smax)*dmax + 1
		}
	}
	s.quotas = p.Quotas
	if len(p.Quotas) > 0 {
		s.elemQuotas = make([][]int32, n)
		for qi, q := range p.Quotas {
			for i, v := range p.Categorical[q.Attr].Values {
				if v == q.Category && v >= 0 {
					s.elemQuotas[i] = append(s.elemQuotas[i], int32(qi))
				}
			}
		}
	}
	if len(p.Needs) > 0 {
		s.elemNeeds = make([][]int32, n)
		for ni, nd := range p.Needs {
			s.needs = append(s.needs, needRule{count: nd.Count, cnt: make([]int32, s.G)})
			for i, e := range nd.Eligible {
				if e {
					s.elemNeeds[i] = append(s.elemNeeds[i], int32(ni))
				}
			}
		}
	}
	s.stay, s.pinned = p.Stay, p.Pinned
	// Any single move or swap changes diversity and repeats by less than
	// base.
	base := 4*float64(smax)*(dmax+s.repeatW) + 1
	if p.Stay != nil {
		// Taking one element away from its Stay group costs more than a
		// move or swap can gain in diversity and repeats, so the search
		// moves the fewest elements first, then avoids repeats, then
		// mixes.
		s.stayW = base
	}
	s.hasPen = len(p.KeepApart)+len(p.KeepTogether)+len(p.Quotas)+len(p.Needs) > 0 || s.met != nil || s.stay != nil
	// A swap changes the elements away from their Stay group by at most
	// two, and diversity and repeats by less than base, so mending one
	// hard rule always beats whatever else a move offers.
	s.hard = base + 2*s.stayW
}

func adjacency(n int, pairs [][2]int) [][]int32 {
	if len(pairs) == 0 {
		return nil
	}
	adj := make([][]int32, n)
	for _, pr := range pairs {
		adj[pr[0]] = append(adj[pr[0]], int32(pr[1]))
		adj[pr[1]] = append(adj[pr[1]], int32(pr[0]))
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}
	return adj
}

// metBefore lists, for each element, the elements it shared a group with in
// any earlier round.
func metBefore(n int, past [][]int) [][]int32 {
	met := make([][]int32, n)
	for _, round := range past {
		members := make(map[int][]int32)
		for i, g := range round {
			if g >= 0 {
				members[g] = append(members[g], int32(i))
			}
		}
		for _, m := range members {
			for _, i := range m {
				for _, j := range m {
					if i != j {
						met[i] = append(met[i], j)
					}
				}
			}
		}
	}
	for i := range met {
		slices.Sort(met[i])
		met[i] = slices.Compact(met[i])
	}
	return met
}

// load sets the assignment and rebuilds every derived quantity.
func (s *state) load(group []int) {
	copy(s.group, group)
	clear(s.size)
	for i := range s.cat {
		a := &s.cat[i]
		if a.cnt != nil {
			clear(a.cnt)
		} else if a.table != nil {
			a.table.clear()
		}
	}
	for k := range s.num {
		clear(s.num[k].s1)
		clear(s.num[k].s2)
	}
	for k := range s.needs {
		clear(s.needs[k].cnt)
	}
	for i, g := range s.group {
		s.place(i, g, 1)
	}
	if s.dense {
		s.rebuildW()
	}
	s.obj = s.objective()
	s.pen = s.penalty()
}

// objective recomputes the diversity: from W with a dense matrix, else
// from the counts and sums.
func (s *state) objective() float64 {
	total := 0.0
	if s.dense {
		for i, g := range s.group {
			total += s.W[i*s.G+g]
		}
		return total / 2
	}
	pairs := 0.0
	for _, sz := range s.size {
		pairs += pairsOf(sz)
	}
	for k := range s.cat {
		a := &s.cat[k]
		if !a.used {
			continue
		}
		same := 0.0
		if a.cnt != nil {
			for g := 0; g < s.G; g++ {
				for _, c := range a.cnt[g*a.stride+a.off : g*a.stride+a.off+a.k] {
					same += pairsOf(int(c))
				}
			}
		} else {
			for _, c := range a.table.vals {
				same += pairsOf(int(c))
			}
		}
		total += a.w * (pairs - same)
	}
	for k := range s.num {
		a := &s.num[k]
		for g, sz := range s.size {
			total += a.w * (float64(sz)*a.s2[g] - a.s1[g]*a.s1[g])
		}
	}
	return total
}

func (s *state) rebuildW() {
	n, G := s.n, s.G
	clear(s.W)
	for i := 0; i < n; i++ {
		row := s.dist[i*n : (i+1)*n]
		w := s.W[i*G : (i+1)*G]
		for j, g := range s.group {
			w[g] += row[j]
		}
	}
}

// place adds (d = 1) or removes (d = -1) element i to or from the counts of
// group g, without touching W or the objective.
func (s *state) place(i, g int, d int32) {
	s.size[g] += int(d)
	for k := range s.cat {
		a := &s.cat[k]
		if a.values == nil {
			continue
		}
		if c := s.ev[i*len(s.cat)+k]; c >= 0 {
			a.add(g, c, d)
		}
	}
	for k := range s.num {
		a := &s.num[k]
		x := a.x[i]
		a.s1[g] += float64(d) * x
		a.s2[g] += float64(d) * x * x
	}
	if s.elemNeeds != nil {
		for _, ni := range s.elemNeeds[i] {
			s.needs[ni].cnt[g] += d
		}
	}
}

// wi is the sum of d(i,j) over the members j != i of group g.
func (s *state) wi(i, g int) float64 {
	if s.dense {
		return s.W[i*s.G+g]
	}
	sz := float64(s.size[g])
	in := s.group[i] == g
	total := 0.0
	for k := range s.cat {
		a := &s.cat[k]
		if !a.used {
			continue
		}
		c := s.ev[i*len(s.cat)+k]
		if c < 0 {
			if in {
				total += a.w * (sz - 1)
			} else {
				total += a.w * sz
			}
			continue
		}
		total += a.w * (sz - float64(a.count(g, c)))
	}
	for k := range s.num {
		a := &s.num[k]
		x := a.x[i]
		total += a.w * (sz*x*x - 2*x*a.s1[g] + a.s2[g])
	}
	return total
}

// moveGain is the change in diversity when i moves to group b.
func (s *state) moveGain(i, b int) float64 {
	return s.wi(i, b) - s.wi(i, s.group[i])
}

// swapGain is the change in diversity when i and j (in different groups)
// trade places.
func (s *state) swapGain(i, j int) float64 {
	a, b := s.group[i], s.group[j]
	if s.dense {
		return s.W[i*s.G+b] - s.W[i*s.G+a] + s.W[j*s.G+a] - s.W[j*s.G+b] - 2*s.dist[i*s.n+j]
	}
	// Sizes do not change, so only same-category pairs do: i leaves
	// count(a,ci)-1 of them and joins count(b,ci), and likewise for j.
	total := 0.0
	A := len(s.cat)
	evi, evj := s.ev[i*A:i*A+A], s.ev[j*A:j*A+A]
	for _, k := range s.usedCat {
		at := &s.cat[k]
		ci, cj := evi[k], evj[k]
		if ci == cj && ci >= 0 {
			continue
		}
		var same int32
		if ci >= 0 {
			same += at.count(a, ci) - 1 - at.count(b, ci)
		}
		if cj >= 0 {
			same += at.count(b, cj) - 1 - at.count(a, cj)
		}
		total += at.w * float64(same)
	}
	for k := range s.num {
		at := &s.num[k]
		xi, xj := at.x[i], at.x[j]
		szA, szB := float64(s.size[a]), float64(s.size[b])
		wib := szB*xi*xi - 2*xi*at.s1[b] + at.s2[b]
		wia := szA*xi*xi - 2*xi*at.s1[a] + at.s2[a]
		wja := szA*xj*xj - 2*xj*at.s1[a] + at.s2[a]
		wjb := szB*xj*xj - 2*xj*at.s1[b] + at.s2[b]
		dx := xi - xj
		total += at.w * (wib - wia + wja - wjb - 2*dx*dx)
	}
	return total
}

// move puts i into group b; gain and penDelta are the precomputed changes.
func (s *state) move(i, b int, gain, penDelta float64) {
	a := s.group[i]
	if a == b {
		return
	}
	if s.dense {
		n, G := s.n, s.G
		row := s.dist[i*n : (i+1)*n]
		W := s.W
		for j, dij := range row {
			W[j*G+a] -= dij
			W[j*G+b] += dij
		}
	}
	s.place(i, a, -1)
	s.place(i, b, 1)
	s.group[i] = b
	s.obj += gain
	s.pen += penDelta
}

// swap trades the groups of i and j.
func (s *state) swap(i, j int, gain, penDelta float64) {
	a, b := s.group[i], s.group[j]
	s.move(i, b, 0, 0)
	s.move(j, a, 0, 0)
	s.obj += gain
	s.pen += penDelta
}

func quotaViolation(q *Quota, c int32) int {
	v := 0
	if int(c) < q.Min {
		v += q.Min - int(c)
	}
	if q.Max > 0 && int(c) > q.Max {
		v += int(c) - q.Max
	}
	return v
}

// penMove is the change in penalty when i moves from its group to b.
func (s *state) penMove(i, b int) float64 {
	if !s.hasPen {
		return 0
	}
	a := s.group[i]
	if a == b {
		return 0
	}
	var hardCount, repeats, moved int
	if s.stay != nil {
		if h := s.stay[i]; h >= 0 {
			switch h {
			case a:
				moved++
			case b:
				moved--
			}
		}
	}
	if s.apart != nil {
		for _, j := range s.apart[i] {
			switch s.group[j] {
			case a:
				hardCount--
			case b:
				hardCount++
			}
		}
	}
	if s.together != nil {
		for _, j := range s.together[i] {
			switch s.group[j] {
			case a:
				hardCount++
			case b:
				hardCount--
			}
		}
	}
	if s.met != nil {
		for _, j := range s.met[i] {
			switch s.group[j] {
			case a:
				repeats--
			case b:
				repeats++
			}
		}
	}
	if s.elemQuotas != nil {
		for _, qi := range s.elemQuotas[i] {
			q := &s.quotas[qi]
			ca := s.cat[q.Attr].count(a, int32(q.Category))
			cb := s.cat[q.Attr].count(b, int32(q.Category))
			hardCount += quotaViolation(q, ca-1) - quotaViolation(q, ca) +
				quotaViolation(q, cb+1) - quotaViolation(q, cb)
		}
	}
	if s.elemNeeds != nil {
		for _, ni := range s.elemNeeds[i] {
			nd := &s.needs[ni]
			ca, cb := int(nd.cnt[a]), int(nd.cnt[b])
			hardCount += max(0, nd.count-ca+1) - max(0, nd.count-ca) +
				max(0, nd.count-cb-1) - max(0, nd.count-cb)
		}
	}
	return float64(hardCount)*s.hard + float64(moved)*s.stayW + float64(repeats)*s.repeatW
}

// penSwap is the change in penalty when i and j trade groups.
func (s *state) penSwap(i, j int) float64 {
	if !s.hasPen {
		return 0
	}
	a, b := s.group[i], s.group[j]
	d := s.penMove(i, b)
	s.place(i, a, -1)
	s.place(i, b, 1)
	s.group[i] = b
	d += s.penMove(j, a)
	s.place(i, b, -1)
	s.place(i, a, 1)
	s.group[i] = a
	return d
}

// penalty computes the total penalty from scratch.
func (s *state) penalty() float64 {
	if !s.hasPen {
		return 0
	}
	hardCount, repeats := 0, 0
	for i := 0; i < s.n; i++ {
		if s.apart != nil {
			for _, j := range s.apart[i] {
				if int(j) > i && s.group[j] == s.group[i] {
					hardCount++
				}
			}
		}
		if s.together != nil {
			for _, j := range s.together[i] {
				if int(j) > i && s.group[j] != s.group[i] {
					hardCount++
				}
			}
		}
		if s.met != nil {
			for _, j := range s.met[i] {
				if int(j) > i && s.group[j] == s.group[i] {
					repeats++
				}
			}
		}
	}
	for qi := range s.quotas {
		q := &s.quotas[qi]
		for g := 0; g < s.G; g++ {
			hardCount += quotaViolation(q, s.cat[q.Attr].count(g, int32(q.Category)))
		}
	}
	for _, nd := range s.needs {
		for g := 0; g < s.G; g++ {
			hardCount += max(0, nd.count-int(nd.cnt[g]))
		}
	}
	return float64(hardCount)*s.hard + float64(s.moved())*s.stayW + float64(repeats)*s.repeatW
}

// moved counts the elements outside their Stay group.
func (s *state) moved() int {
	m := 0
	for i, h := range s.stay {
		if h >= 0 && s.group[i] != h {
			m++
		}
	}
	return m
}

// fixed reports whether element i is pinned to its group.
func (s *state) fixed(i int) bool { return s.pinned != nil && s.pinned[i] }

func (s *state) repeats() int {
	r := 0
	for i := range s.met {
		for _, j := range s.met[i] {
			if int(j) > i && s.group[j] == s.group[i] {
				r++
			}
		}
	}
	return r
}

// value is what the search maximises.
func (s *state) value() float64 { return s.obj - s.pen }
