// Package grouping forms groups that are as mixed as possible: it solves the
// Maximally Diverse Grouping Problem (MDGP) with hard rules on top.
//
// A [Problem] describes N elements (trainees), the size bounds of each group,
// the distance between elements — either a dense matrix ([Problem.Dist]) or
// weighted categorical and numeric attributes — and hard rules: keep-apart and
// keep-together pairs, per-group quotas of a category, and roles every group
// must fill ([Need]). [Solve] maximises the diversity, the sum over pairs in
// the same group of their distance, minus a penalty for pairs that already met
// in earlier rounds ([Problem.Past]).
//
// The package knows nothing about scenarios or YAML; it is pure and
// deterministic: the same Problem and [Options.Seed] give the same
// [Solution] as long as the run ends on its iteration limit or target (see
// [Options]).
package grouping

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Bounds are the size bounds of one group: it holds at least Min and at most
// Max elements.
type Bounds struct{ Min, Max int }

// CategoricalAttr is a categorical attribute such as a trainee's unit or
// background. Two elements are at distance Weight on this attribute when
// their categories differ and at distance 0 when they are equal.
//
// Values holds the category index of each element (0, 1, 2, ...); -1 means
// the value is missing. A missing value counts as distinct from every other
// value, including other missing ones: it never forms a same-category pair,
// so it adds Weight to the distance of every pair it is in.
type CategoricalAttr struct {
	Name   string
	Weight float64
	Values []int
}

// NumericAttr is a numeric attribute such as years of experience. The
// distance of two elements on it is Weight times the squared scaled
// difference ((x_i - x_j) / (max - min))², which lies in [0, Weight]. The
// square is chosen because the sum of squared differences over a group
// follows from the group's count, sum and sum of squares, so a move's gain is
// O(1). An attribute whose values are all equal contributes nothing.
type NumericAttr struct {
	Name   string
	Weight float64
	Values []float64
}

// Quota asks every group to hold between Min and Max elements whose
// categorical attribute Categorical[Attr] has category Category. Max 0 means
// no maximum. Quotas are hard rules.
type Quota struct {
	Attr     int
	Category int
	Min      int
	Max      int
	// Tag is the caller's own identity of the quota, such as the rule of
	// a scenario it comes from. The package never reads it; it hands it
	// back in every [Violation] and [Issue] about the quota. It should be
	// comparable.
	Tag any
}

// Need is a role every group must fill: each group needs at least Count
// members with Eligible[i] true (for example a host or a note-taker). Needs
// are hard rules.
type Need struct {
	// Name labels the need in the package's own sentences; it is not an
	// identity (see Tag).
	Name     string
	Count    int
	Eligible []bool
	// Tag is the caller's own identity of the need, handed back in every
	// [Violation] and [Issue] about it, like [Quota.Tag].
	Tag any
}

// Rule names a kind of hard rule.
type Rule string

// The hard rules of a [Problem].
const (
	RuleSize         Rule = "size"          // a group's size bounds
	RuleKeepApart    Rule = "keep-apart"    // a pair of [Problem.KeepApart]
	RuleKeepTogether Rule = "keep-together" // a pair of [Problem.KeepTogether]
	RuleQuota        Rule = "quota"         // one of [Problem.Quotas]
	RuleNeed         Rule = "need"          // one of [Problem.Needs]
)

// Problem is one grouping task. N elements are split into len(Groups)
// groups; element i goes to exactly one group.
//
// The distance d(i,j) between two elements is Dist[i*N+j] when Dist is set;
// otherwise it is the sum over Categorical and Numeric of each attribute's
// distance. The diversity of an assignment is the sum of d(i,j) over pairs in
// the same group; [Solve] maximises it.
type Problem struct {
	// N is the number of elements.
	N int
	// Dist is an optional dense symmetric N*N distance matrix in row-major
	// order. When set, it is the distance and the attributes only serve
	// quotas.
	Dist []float64
	// Categorical are the categorical attributes.
	Categorical []CategoricalAttr
	// Numeric are the numeric attributes.
	Numeric []NumericAttr
	// Groups holds the size bounds of each group; its length is the number
	// of groups G.
	Groups []Bounds
	// KeepApart lists pairs that must never share a group.
	KeepApart [][2]int
	// KeepTogether lists pairs that must always share a group.
	KeepTogether [][2]int
	// Quotas are per-group category quotas.
	Quotas []Quota
	// Needs are roles every group must fill.
	Needs []Need
	// Past holds earlier rounds: Past[r][i] is the group of element i in
	// round r, or -1 when it took no part. Two elements that shared a group
	// in any earlier round met before; putting them together again is a
	// repeat.
	Past [][]int
	// RepeatPenalty is subtracted from the search objective for each repeat
	// (a pair counts once, however often it met). Zero selects the default,
	// 2·smax·dmax + 1, where smax is the largest group size and dmax the
	// largest distance of a pair: more than any single move can gain in
	// diversity, so repeats are avoided whenever a move can avoid them. To
	// ignore history, leave Past empty.
	RepeatPenalty float64
	// Stay holds, for each element, the group it sat in before, or -1 for
	// a new element (a walk-in): it turns the problem into one of minimum
	// disruption, as when a plan is amended on the day. An element away
	// from its Stay group costs the search more than any move or swap can
	// gain in repeats and diversity, and less than any hard rule, so the
	// search keeps the hard rules first, then moves the fewest elements,
	// then avoids repeats, then mixes. Without [Options.Start] the search
	// starts from Stay (see [Solve]). Nil means no element has a group to
	// keep.
	Stay []int
	// Pinned marks elements that must stay in their Stay group, such as a
	// trainee the trainer moved or swapped by hand: the search never moves
	// them. A pinned element needs Stay >= 0. Nil pins nobody.
	Pinned []bool
}

// Validate reports whether the problem is well formed and not impossible on
// its face. The error lists every problem found, one per line, in words a
// facilitator can act on, for example
//
//	5 groups need at least 1 "property manager" each (5 in all) but only 3 elements are eligible
func (p *Problem) Validate() error {
	v := &validation{p: p}
	v.checkSizes()
	v.checkDist()
	v.checkAttributes()
	v.checkPairs()
	v.checkQuotas()
	v.checkNeeds()
	for r, round := range p.Past {
		if len(round) != p.N {
			v.add("past round %d has %d entries, want %d", r, len(round), p.N)
		}
	}
	v.checkStay()
	if !(p.RepeatPenalty >= 0) || math.IsInf(p.RepeatPenalty, 0) {
		v.add("RepeatPenalty is %v, want a finite value >= 0", p.RepeatPenalty)
	}
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.errs, Sentences: v.sentences, Issues: v.issues}
}

// validation collects what [Problem.Validate] finds, in the order found.
type validation struct {
	p         *Problem
	errs      []string
	sentences []Sentence
	issues    []Issue
	maxSize   int // the largest group's Max
}

func (v *validation) add(format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf(format, args...))
	v.sentences = append(v.sentences, Sentence{Format: format, Args: args})
}

// addIssue records a rule that cannot hold, with its facts, so that a
// caller can word it in its own terms.
func (v *validation) addIssue(is Issue, format string, args ...any) {
	is.Text = fmt.Sprintf(format, args...)
	v.issues = append(v.issues, is)
	v.errs = append(v.errs, is.Text)
	v.sentences = append(v.sentences, Sentence{Format: format, Args: args})
}

func (v *validation) checkSizes() {
	n, g := v.p.N, len(v.p.Groups)
	if n <= 0 {
		v.add("there are no elements to group (N = %d)", n)
	}
	if g == 0 {
		v.add("there are no groups")
	}
	if g > n && n > 0 {
		v.add("%d groups cannot be formed from %d elements", g, n)
	}
	sumMin, sumMax := 0, 0
	for k, b := range v.p.Groups {
		if b.Min < 0 || b.Max < b.Min || b.Max <= 0 {
			v.add("group %d has impossible size bounds [%d, %d]", k, b.Min, b.Max)
		}
		sumMin += b.Min
		sumMax += b.Max
		v.maxSize = max(v.maxSize, b.Max)
	}
	if n > 0 && g > 0 {
		if sumMin > n {
			v.add("the groups need at least %d elements in all but there are only %d", sumMin, n)
		}
		if sumMax < n {
			v.add("the groups hold at most %d elements in all but there are %d", sumMax, n)
		}
	}
}

// checkStay checks that Stay and Pinned have an entry per element, that
// Stay names groups, that every pinned element has a group, and that no
// group has more pinned elements than it holds.
func (v *validation) checkStay() {
	p := v.p
	if p.Stay != nil && len(p.Stay) != p.N {
		v.add("Stay has %d entries, want %d", len(p.Stay), p.N)
		return
	}
	for i, g := range p.Stay {
		if g < -1 || g >= len(p.Groups) {
			v.add("Stay of element %d is %d, want a group 0..%d or -1", i, g, len(p.Groups)-1)
			return
		}
	}
	if p.Pinned == nil {
		return
	}
	if len(p.Pinned) != p.N {
		v.add("Pinned has %d entries, want %d", len(p.Pinned), p.N)
		return
	}
	pinned := make([]int, len(p.Groups))
	for i, pin := range p.Pinned {
		if !pin {
			continue
		}
		if p.Stay == nil || p.Stay[i] < 0 {
			v.add("element %d is pinned but has no Stay group", i)
			continue
		}
		pinned[p.Stay[i]]++
	}
	for g, c := range pinned {
		if c > p.Groups[g].Max {
			v.add("%d elements are pinned to group %d, which holds at most %d", c, g, p.Groups[g].Max)
		}
	}
}

func (v *validation) checkDist() {
	p, n := v.p, v.p.N
	if p.Dist == nil {
		return
	}
	if len(p.Dist) != n*n {
		v.add("Dist has %d entries, want N*N = %d", len(p.Dist), n*n)
		return
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			a, b := p.Dist[i*n+j], p.Dist[j*n+i]
			if math.IsNaN(a) || math.IsInf(a, 0) || a != b {
				v.add("Dist is not a finite symmetric matrix at (%d, %d): %v vs %v", i, j, a, b)
				return
			}
		}
	}
}

func (v *validation) checkAttributes() {
	n := v.p.N
	for k, a := range v.p.Categorical {
		if len(a.Values) != n {
			v.add("categorical attribute %q has %d values, want %d", a.Name, len(a.Values), n)
		}
		if !(a.Weight >= 0) || math.IsInf(a.Weight, 0) {
			v.add("categorical attribute %q has weight %v, want a finite value >= 0", a.Name, a.Weight)
		}
		for i, x := range a.Values {
			if x < -1 {
				v.add("categorical attribute %d (%q) of element %d is %d; use -1 for a missing value", k, a.Name, i, x)
				break
			}
		}
	}
	for _, a := range v.p.Numeric {
		if len(a.Values) != n {
			v.add("numeric attribute %q has %d values, want %d", a.Name, len(a.Values), n)
		}
		if !(a.Weight >= 0) || math.IsInf(a.Weight, 0) {
			v.add("numeric attribute %q has weight %v, want a finite value >= 0", a.Name, a.Weight)
		}
		for i, x := range a.Values {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				v.add("numeric attribute %q of element %d is %v, want a finite number", a.Name, i, x)
				break
			}
		}
	}
}

// checkPairs checks the keep-together and keep-apart pairs: that they name
// elements, that no keep-together set outgrows every group, and that no
// keep-apart pair is joined by keep-together pairs.
func (v *validation) checkPairs() {
	p, n, g := v.p, v.p.N, len(v.p.Groups)
	pairOK := func(kind string, pr [2]int) bool {
		if pr[0] < 0 || pr[0] >= n || pr[1] < 0 || pr[1] >= n {
			v.add("%s pair (%d, %d) names an element outside 0..%d", kind, pr[0], pr[1], n-1)
			return false
		}
		if pr[0] == pr[1] {
			v.add("%s pair (%d, %d) names the same element twice", kind, pr[0], pr[1])
			return false
		}
		return true
	}
	uf := newUnionFind(max(n, 0))
	for _, pr := range p.KeepTogether {
		if pairOK("keep-together", pr) {
			uf.union(pr[0], pr[1])
		}
	}
	if n > 0 {
		compSize := make(map[int]int)
		for i := 0; i < n; i++ {
			compSize[uf.find(i)]++
		}
		for i := 0; i < n; i++ {
			if r := uf.find(i); r == i && compSize[r] > v.maxSize && g > 0 {
				var members []int
				for j := 0; j < n; j++ {
					if uf.find(j) == r {
						members = append(members, j)
					}
				}
				v.addIssue(Issue{Rule: RuleKeepTogether, Elements: members, Have: compSize[r], Want: v.maxSize},
					"%d elements must be kept together (element %d and its partners) but no group holds more than %d", compSize[r], i, v.maxSize)
			}
		}
	}
	for _, pr := range p.KeepApart {
		if pairOK("keep-apart", pr) && uf.find(pr[0]) == uf.find(pr[1]) {
			v.addIssue(Issue{Rule: RuleKeepApart, Elements: []int{pr[0], pr[1]}},
				"elements %d and %d must be kept apart but keep-together pairs join them", pr[0], pr[1])
		}
	}
}

func (v *validation) checkQuotas() {
	p, g := v.p, len(v.p.Groups)
	for qi, q := range p.Quotas {
		if q.Attr < 0 || q.Attr >= len(p.Categorical) {
			v.add("quota %d refers to categorical attribute %d, but there are %d", qi, q.Attr, len(p.Categorical))
			continue
		}
		a := p.Categorical[q.Attr]
		label := fmt.Sprintf("%s = %d", a.Name, q.Category)
		if q.Min < 0 || q.Max < 0 || (q.Max > 0 && q.Max < q.Min) {
			v.add("quota %d (%s) has impossible bounds [%d, %d]", qi, label, q.Min, q.Max)
			continue
		}
		var have []int
		for i, x := range a.Values {
			if x == q.Category && x >= 0 {
				have = append(have, i)
			}
		}
		if q.Min*g > len(have) {
			v.addIssue(Issue{Rule: RuleQuota, Index: qi, Tag: q.Tag, Elements: have, Have: len(have), Want: q.Min * g},
				"%d groups need at least %d of %s each (%d in all) but only %d elements have it", g, q.Min, label, q.Min*g, len(have))
		}
		if q.Max > 0 && q.Max*g < len(have) {
			v.addIssue(Issue{Rule: RuleQuota, Index: qi, Tag: q.Tag, Elements: have, Have: len(have), Want: q.Max * g},
				"%d elements have %s but %d groups may hold at most %d each (%d in all)", len(have), label, g, q.Max, q.Max*g)
		}
		for k, b := range p.Groups {
			if q.Min > b.Max {
				v.add("group %d holds at most %d elements but needs at least %d of %s", k, b.Max, q.Min, label)
			}
		}
	}
}

func (v *validation) checkNeeds() {
	p, g := v.p, len(v.p.Groups)
	for ni, nd := range p.Needs {
		if len(nd.Eligible) != p.N {
			v.add("need %q has %d eligibility flags, want %d", nd.Name, len(nd.Eligible), p.N)
			continue
		}
		if nd.Count < 0 {
			v.add("need %q has a negative count %d", nd.Name, nd.Count)
			continue
		}
		have := 0
		for _, e := range nd.Eligible {
			if e {
				have++
			}
		}
		if nd.Count*g > have {
			v.addIssue(Issue{Rule: RuleNeed, Index: ni, Tag: nd.Tag, Have: have, Want: nd.Count * g},
				"%d groups need at least %d %q each (%d in all) but only %d elements are eligible", g, nd.Count, nd.Name, nd.Count*g, have)
		}
		for k, b := range p.Groups {
			if nd.Count > b.Max {
				v.add("group %d holds at most %d elements but needs %d %q", k, b.Max, nd.Count, nd.Name)
			}
		}
	}
}

// ValidationError is returned by [Problem.Validate] and [Solve] when the
// problem is malformed or plainly impossible. Problems holds one sentence per
// issue found; Issues holds the facts behind those that are rules the input
// cannot keep (as opposed to a malformed problem), for callers who word them
// in their own terms.
type ValidationError struct {
	Problems []string
	// Sentences are Problems as their formats and arguments, one for one,
	// for a caller that prints them in another language.
	Sentences []Sentence
	Issues    []Issue
}

// Sentence is a text kept as the format and arguments it was made from,
// with package fmt's verbs, so that a caller with a catalogue of the
// formats can print it in another language.
type Sentence struct {
	Format string
	Args   []any
}

// String is the sentence in English.
func (s Sentence) String() string { return fmt.Sprintf(s.Format, s.Args...) }

// Issue is a hard rule that no assignment can keep.
type Issue struct {
	// Rule is [RuleKeepTogether] (a set larger than any group),
	// [RuleKeepApart] (a pair that keep-together pairs join), [RuleQuota]
	// or [RuleNeed] (too few elements have the category, or are eligible,
	// for every group).
	Rule Rule
	// Elements are the set, the pair, or the elements with the quota's
	// category.
	Elements []int
	// Index is the quota's index in [Problem.Quotas] or the need's in
	// [Problem.Needs].
	Index int
	// Tag is the quota's or the need's Tag.
	Tag any
	// Have and Want are the count there is and the count the rule needs
	// (for "keep-together": the set's size and the largest group; for a
	// quota, Have above Want is more elements than the groups may hold).
	Have, Want int
	// Text says it in terms of elements.
	Text string
}

// Error joins the problems, one per line.
func (e *ValidationError) Error() string {
	return "grouping: invalid problem: " + strings.Join(e.Problems, "; ")
}

// ErrInvalid is matched by every [ValidationError] through errors.Is.
var ErrInvalid = errors.New("grouping: invalid problem")

// Is reports whether target is [ErrInvalid].
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Distance returns d(i, j) as defined on [Problem].
func (p *Problem) Distance(i, j int) float64 {
	if i == j {
		return 0
	}
	if p.Dist != nil {
		return p.Dist[i*p.N+j]
	}
	d := 0.0
	for _, a := range p.Categorical {
		vi, vj := a.Values[i], a.Values[j]
		if vi < 0 || vj < 0 || vi != vj {
			d += a.Weight
		}
	}
	for _, a := range p.Numeric {
		lo, hi := minMax(a.Values)
		if hi > lo {
			x := (a.Values[i] - a.Values[j]) / (hi - lo)
			d += a.Weight * x * x
		}
	}
	return d
}

// Objective is the evaluator: the diversity of the assignment group (group
// index of each element), that is the sum of d(i,j) over pairs i < j in the
// same group. It counts no penalties and checks no rules. It runs in O(N²)
// with Dist and in O(N·attributes) otherwise. It adds up groups in the
// order of their index, so that the same assignment gives the same float
// on every run.
func (p *Problem) Objective(group []int) float64 {
	n := p.N
	if p.Dist != nil {
		members := make(map[int][]int)
		for i, g := range group {
			members[g] = append(members[g], i)
		}
		total := 0.0
		for _, g := range slices.Sorted(maps.Keys(members)) {
			m := members[g]
			for x, i := range m {
				row := p.Dist[i*n : (i+1)*n]
				for _, j := range m[x+1:] {
					total += row[j]
				}
			}
		}
		return total
	}
	size := make(map[int]int)
	for _, g := range group {
		size[g]++
	}
	pairs := 0.0
	for _, s := range size {
		pairs += float64(s) * float64(s-1) / 2
	}
	total := 0.0
	for _, a := range p.Categorical {
		type key struct{ g, c int }
		same := make(map[key]int)
		for i, v := range a.Values {
			if v >= 0 {
				same[key{group[i], v}]++
			}
		}
		samePairs := 0.0
		for _, c := range same {
			samePairs += float64(c) * float64(c-1) / 2
		}
		total += a.Weight * (pairs - samePairs)
	}
	for _, a := range p.Numeric {
		lo, hi := minMax(a.Values)
		if hi <= lo {
			continue
		}
		type sums struct{ n, s1, s2 float64 }
		per := make(map[int]*sums)
		for i, v := range a.Values {
			x := (v - lo) / (hi - lo)
			s := per[group[i]]
			if s == nil {
				s = &sums{}
				per[group[i]] = s
			}
			s.n++
			s.s1 += x
			s.s2 += x * x
		}
		for _, g := range slices.Sorted(maps.Keys(per)) {
			s := per[g]
			total += a.Weight * (s.n*s.s2 - s.s1*s.s1)
		}
	}
	return total
}

// UpperBound returns an upper bound on the diversity of any assignment that
// meets the size bounds, and true, for problems whose distance is purely
// categorical (no Dist, no numeric attribute with weight). It returns 0 and
// false otherwise.
//
// For each attribute the bound takes the most same-group pairs any sizes
// allow and subtracts the fewest same-category pairs possible, reached when
// each category is spread as evenly as possible over the groups. Both parts
// are relaxed separately, so the bound stays valid when group sizes vary; it
// is tight when all groups have one size and each category can be spread
// evenly at the same time. Hard rules and repeats are ignored, which only
// loosens the bound.
func UpperBound(p *Problem) (float64, bool) {
	if p.Dist != nil || len(p.Groups) == 0 || p.N <= 0 {
		return 0, false
	}
	for _, a := range p.Numeric {
		if a.Weight != 0 {
			return 0, false
		}
	}
	pairs, ok := maxPairs(p.Groups, p.N)
	if !ok {
		return 0, false
	}
	G := len(p.Groups)
	total := 0.0
	for _, a := range p.Categorical {
		count := make(map[int]int)
		for _, v := range a.Values {
			if v >= 0 {
				count[v]++
			}
		}
		same := 0.0
		for _, m := range count {
			q, r := m/G, m%G
			same += float64(r)*pairsOf(q+1) + float64(G-r)*pairsOf(q)
		}
		total += a.Weight * (pairs - same)
	}
	return total, true
}

func pairsOf(s int) float64 { return float64(s) * float64(s-1) / 2 }

// maxPairs returns the largest sum of s(s-1)/2 over groups with sizes within
// bounds adding up to n. Exact when all groups share bounds or the dynamic
// programme of [profileDP] fits; otherwise it relaxes to every group at its
// Max.
func maxPairs(groups []Bounds, n int) (float64, bool) {
	sumMin, sumMax := 0, 0
	same := true
	for _, b := range groups {
		sumMin += b.Min
		sumMax += b.Max
		if b != groups[0] {
			same = false
		}
	}
	if sumMin > n || sumMax < n {
		return 0, false
	}
	if same {
		// The sum of a convex function is largest at a vertex: k groups at
		// Max, at most one in between, the rest at Min.
		lo, hi := groups[0].Min, groups[0].Max
		G := len(groups)
		rest := n - lo*G
		if hi == lo {
			return float64(G) * pairsOf(lo), true
		}
		k := rest / (hi - lo)
		k = min(k, G)
		mid := rest - k*(hi-lo)
		total := float64(k) * pairsOf(hi)
		if k < G {
			total += pairsOf(lo+mid) + float64(G-k-1)*pairsOf(lo)
		}
		return total, true
	}
	lo, hi := make([]int, len(groups)), make([]int, len(groups))
	for g, b := range groups {
		lo[g], hi[g] = b.Min, b.Max
	}
	total := 0.0
	if extra := n - sumMin; profileDPFits(lo, hi, extra) {
		for _, s := range profileDP(lo, hi, extra) {
			total += pairsOf(s)
		}
		return total, true
	}
	for _, b := range groups {
		total += pairsOf(b.Max)
	}
	return total, true
}

// profileDPFits reports whether [profileDP] for these bounds is small
// enough to run: about 2·10⁷ steps and 80 MB at most.
func profileDPFits(lo, hi []int, extra int) bool {
	width := 0
	for g := range lo {
		width = max(width, hi[g]-lo[g])
	}
	return int64(len(lo))*int64(extra+1)*int64(width+1) <= 2e7
}

// profileDP returns the sizes within [lo, hi], extra members above the
// minima in all, with the largest sum of s(s-1)/2: a dynamic programme
// over the groups in O(G·extra·width) time.
func profileDP(lo, hi []int, extra int) []int {
	G := len(lo)
	neg := math.Inf(-1)
	// best[t] is the most pairs in the groups so far with t extra members;
	// take[g][t] is the extra members group g takes in that optimum.
	best, next := make([]float64, extra+1), make([]float64, extra+1)
	for t := range best {
		best[t] = neg
	}
	best[0] = 0
	take := make([][]int32, G)
	for g := 0; g < G; g++ {
		take[g] = make([]int32, extra+1)
		for t := range next {
			next[t] = neg
		}
		for t, v := range best {
			if v == neg {
				continue
			}
			for e := 0; e <= hi[g]-lo[g] && t+e <= extra; e++ {
				if w := v + pairsOf(lo[g]+e); w > next[t+e] {
					next[t+e] = w
					take[g][t+e] = int32(e)
				}
			}
		}
		best, next = next, best
	}
	sizes := make([]int, G)
	t := extra
	for g := G - 1; g >= 0; g-- {
		e := int(take[g][t])
		sizes[g] = lo[g] + e
		t -= e
	}
	return sizes
}

func minMax(xs []float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	return lo, hi
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(i, j int) { u.parent[u.find(i)] = u.find(j) }
