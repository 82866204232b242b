package grouping

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// solved returns a first assignment of p that keeps every rule, to serve
// as the groups an amendment starts from.
func solved(t *testing.T, p *Problem, seed uint64) []int {
	t.Helper()
	sol, err := Solve(context.Background(), p, Options{Seed: seed, MaxIterations: 20000})
	require.NoError(t, err)
	require.Empty(t, sol.Violations)
	return sol.Group
}

// without drops the elements drop from p, as absent trainees leave a
// round, and maps stay to the elements left.
func without(p *Problem, stay []int, drop ...int) (*Problem, []int) {
	keep := make([]int, 0, p.N)
	for i := 0; i < p.N; i++ {
		if !slices.Contains(drop, i) {
			keep = append(keep, i)
		}
	}
	q := &Problem{N: len(keep), Groups: p.Groups, Quotas: p.Quotas, Needs: nil}
	for _, a := range p.Categorical {
		v := make([]int, len(keep))
		for k, i := range keep {
			v[k] = a.Values[i]
		}
		q.Categorical = append(q.Categorical, CategoricalAttr{Name: a.Name, Weight: a.Weight, Values: v})
	}
	newStay := make([]int, len(keep))
	for k, i := range keep {
		newStay[k] = stay[i]
	}
	return q, newStay
}

func TestStayThatBreaksNothingMovesNobody(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := randomCategorical(rng, 24, 3, []Bounds{{5, 7}, {5, 7}, {5, 7}, {5, 7}})
	stay := solved(t, p, 3)
	p.Stay = stay
	assert.Zero(t, MinMoves(p))
	sol, err := Solve(context.Background(), p, Options{Seed: 9, MaxIterations: 20000})
	require.NoError(t, err)
	assert.Zero(t, sol.Moved)
	assert.Equal(t, stay, sol.Group, "nobody moves when the old groups break nothing")
}

func TestRemovingTwoFromOneGroupMovesTheBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	p := randomCategorical(rng, 24, 3, []Bounds{{6, 6}, {6, 6}, {6, 6}, {6, 6}})
	stay := solved(t, p, 1)
	var inZero []int
	for i, g := range stay {
		if g == 0 {
			inZero = append(inZero, i)
		}
	}
	q, qStay := without(p, stay, inZero[0], inZero[1])
	for g := range q.Groups {
		q.Groups[g] = Bounds{5, 6} // 22 in 4 groups
	}
	q.Stay = qStay
	require.Equal(t, 1, MinMoves(q), "group 1 has 4 of at least 5")
	sol, err := Solve(context.Background(), q, Options{Seed: 2, MaxIterations: 20000})
	require.NoError(t, err)
	require.Empty(t, sol.Violations)
	assert.Equal(t, MinMoves(q), sol.Moved)

	// With groups of exactly 6, two walk-ins refill the group without
	// moving anyone.
	q.N += 2
	q.Stay = append(q.Stay, -1, -1)
	for k := range q.Categorical {
		q.Categorical[k].Values = append(q.Categorical[k].Values, 0, 1)
	}
	for g := range q.Groups {
		q.Groups[g] = Bounds{6, 6}
	}
	require.Zero(t, MinMoves(q))
	sol, err = Solve(context.Background(), q, Options{Seed: 2, MaxIterations: 20000})
	require.NoError(t, err)
	require.Empty(t, sol.Violations)
	assert.Zero(t, sol.Moved)
	assert.Equal(t, 0, sol.Group[22], "a walk-in takes a seat where one is free")
	assert.Equal(t, 0, sol.Group[23])
}

func TestQuotaBrokenByAnAbsentElementIsMendedWithOneMove(t *testing.T) {
	// 24 elements in 4 groups of 6; category 0 of attribute "bg" is held
	// by 5 elements: one in each group and a second in group 1.
	n := 24
	bg := make([]int, n)
	unit := make([]int, n)
	stay := make([]int, n)
	for i := range n {
		stay[i] = i % 4
		bg[i] = 1 + i%3
		unit[i] = i % 5
	}
	for _, i := range []int{0, 1, 5, 2, 3} {
		bg[i] = 0
	}
	p := &Problem{N: n, Groups: []Bounds{{6, 6}, {6, 6}, {6, 6}, {6, 6}},
		Categorical: []CategoricalAttr{{Name: "bg", Weight: 2, Values: bg}, {Name: "unit", Weight: 3, Values: unit}},
		Quotas:      []Quota{{Attr: 0, Category: 0, Min: 1}}}
	q, qStay := without(p, stay, 0) // group 0 loses its only one
	for g := range q.Groups {
		q.Groups[g] = Bounds{5, 6}
	}
	q.Stay = qStay
	require.Equal(t, 1, MinMoves(q))
	sol, err := Solve(context.Background(), q, Options{Seed: 7, MaxIterations: 20000})
	require.NoError(t, err)
	require.Empty(t, sol.Violations, "the quota is mended")
	assert.Equal(t, 1, sol.Moved)
	moved := -1
	for i, g := range sol.Group {
		if g != q.Stay[i] {
			moved = i
		}
	}
	require.GreaterOrEqual(t, moved, 0)
	assert.Equal(t, 0, q.Categorical[0].Values[moved], "the one who moved has the category")
	assert.Equal(t, 0, sol.Group[moved])
}

func TestPinnedElementsNeverMove(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 11))
		p := randomCategorical(rng, 30, 3, []Bounds{{5, 7}, {5, 7}, {5, 7}, {5, 7}, {5, 7}})
		stay := solved(t, p, seed)
		p.Stay = slices.Clone(stay)
		p.Pinned = make([]bool, p.N)
		// Pin a few elsewhere, as a trainer's moves do, and some where
		// they are.
		for k := range 6 {
			i := rng.IntN(p.N)
			p.Pinned[i] = true
			if k%2 == 0 {
				p.Stay[i] = (p.Stay[i] + 1) % len(p.Groups)
			}
		}
		p.Quotas = []Quota{{Attr: 0, Category: 0, Min: 1}}
		if err := p.Validate(); err != nil {
			continue
		}
		for _, dense := range []bool{false, true} {
			q := *p
			if dense {
				q.Dist = make([]float64, p.N*p.N)
				for i := 0; i < p.N; i++ {
					for j := 0; j < p.N; j++ {
						q.Dist[i*p.N+j] = p.Distance(i, j)
					}
				}
			}
			sol, err := Solve(context.Background(), &q, Options{Seed: seed, MaxIterations: 3000})
			require.NoError(t, err)
			for i, pin := range p.Pinned {
				if pin {
					assert.Equal(t, p.Stay[i], sol.Group[i], "seed %d, dense %v: pinned element %d stays", seed, dense, i)
				}
			}
		}
	}
}

func TestStartIsChecked(t *testing.T) {
	p := &Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}}, Stay: []int{0, 0, 1, 1}, Pinned: []bool{true, false, false, false}}
	for _, start := range [][]int{{0, 1, 1}, {0, 1, 2, 0}, {1, 0, 0, 1}} {
		_, err := Solve(context.Background(), p, Options{Start: start})
		assert.ErrorIs(t, err, ErrInvalid, "start %v", start)
	}
	sol, err := Solve(context.Background(), p, Options{Start: []int{0, 1, 0, 1}})
	require.NoError(t, err)
	assert.Equal(t, 0, sol.Group[0])
	assert.Equal(t, 0, sol.Moved, "from a start that moved two, the search puts them back")

	bad := &Problem{N: 4, Groups: []Bounds{{1, 1}, {3, 3}}, Stay: []int{0, 0, 1, 5}, Pinned: []bool{true, true, false, false}}
	err = bad.Validate()
	require.Error(t, err)
	assert.ErrorContains(t, err, "Stay of element 3 is 5")
	bad.Stay[3] = -1
	err = bad.Validate()
	assert.ErrorContains(t, err, "2 elements are pinned to group 0, which holds at most 1")
	bad.Stay[0] = -1
	assert.ErrorContains(t, bad.Validate(), "element 0 is pinned but has no Stay group")
}

// trueMinMoves enumerates every assignment of a small problem and returns
// the fewest non-pinned elements with a Stay group outside it among those
// keeping every rule with pinned elements in place, or -1 when none does.
func trueMinMoves(p *Problem) int {
	best := -1
	group := make([]int, p.N)
	s := newState(p)
	var rec func(i int)
	rec = func(i int) {
		if i == p.N {
			s.load(group)
			if len(s.violations()) > 0 {
				return
			}
			if m := s.moved(); best < 0 || m < best {
				best = m
			}
			return
		}
		if p.Pinned != nil && p.Pinned[i] {
			group[i] = p.Stay[i]
			rec(i + 1)
			return
		}
		for g := range p.Groups {
			group[i] = g
			rec(i + 1)
		}
	}
	rec(0)
	return best
}

// randomAmendment is a small problem with old groups, new elements, pins,
// a quota, a need and pairs, whose rules the old groups may break.
func randomAmendment(rng *rand.Rand) *Problem {
	n := 5 + rng.IntN(4)
	G := 2 + rng.IntN(2)
	lo := max(1, n/G-rng.IntN(2))
	hi := (n+G-1)/G + rng.IntN(2)
	var groups []Bounds
	for range G {
		groups = append(groups, Bounds{lo, hi})
	}
	p := randomCategorical(rng, n, 2, groups)
	p.Stay = make([]int, n)
	p.Pinned = make([]bool, n)
	for i := range n {
		p.Stay[i] = rng.IntN(G+1) - 1
		if p.Stay[i] >= 0 && rng.IntN(6) == 0 {
			p.Pinned[i] = true
		}
	}
	if rng.IntN(2) == 0 {
		p.Quotas = []Quota{{Attr: 0, Category: 0, Min: 1, Max: rng.IntN(3)}}
	}
	if rng.IntN(2) == 0 {
		el := make([]bool, n)
		for i := range el {
			el[i] = rng.IntN(2) == 0
		}
		p.Needs = []Need{{Name: "host", Count: 1, Eligible: el}}
	}
	for range rng.IntN(3) {
		a, b := rng.IntN(n), rng.IntN(n)
		if a != b {
			p.KeepApart = append(p.KeepApart, [2]int{a, b})
		}
	}
	if rng.IntN(3) == 0 {
		a, b := rng.IntN(n), rng.IntN(n)
		if a != b && !slices.ContainsFunc(p.KeepApart, func(pr [2]int) bool { return pr == [2]int{a, b} || pr == [2]int{b, a} }) {
			p.KeepTogether = append(p.KeepTogether, [2]int{a, b})
		}
	}
	return p
}

// MinMoves is never above the true minimum of a random small problem, and
// the search moves exactly the true minimum; on most of them the bound is
// the minimum itself.
func TestMinMovesIsALowerBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	checked, tight := 0, 0
	for range 400 {
		p := randomAmendment(rng)
		if p.Validate() != nil {
			continue
		}
		want := trueMinMoves(p)
		if want < 0 {
			continue
		}
		checked++
		lb := MinMoves(p)
		require.LessOrEqual(t, lb, want, "bound above the true minimum on %+v", p)
		if lb == want {
			tight++
		}
		sol, err := Solve(context.Background(), p, Options{Seed: 1, MaxIterations: 5000})
		require.NoError(t, err)
		if len(sol.Violations) == 0 {
			assert.Equal(t, want, sol.Moved, "the search moves the fewest on %+v", p)
		}
	}
	require.Greater(t, checked, 100, "enough feasible problems were checked")
	assert.Greater(t, tight, checked/2, "the bound is the minimum on most small problems")
	t.Logf("%d problems, bound tight on %d", checked, tight)
}

// On cases built so that each bound decides, MinMoves is the true minimum.
func TestMinMovesMatchesBruteForce(t *testing.T) {
	cat := func(v ...int) []CategoricalAttr { return []CategoricalAttr{{Name: "bg", Weight: 1, Values: v}} }
	b := func(lo, hi int) []Bounds { return []Bounds{{lo, hi}, {lo, hi}} }
	tests := []struct {
		name string
		p    Problem
		want int
	}{
		{"excess", Problem{N: 6, Groups: b(3, 3), Categorical: cat(0, 1, 0, 1, 0, 1), Stay: []int{0, 0, 0, 0, 0, 1}}, 2},
		{"deficit filled by a walk-in", Problem{N: 6, Groups: b(3, 3), Categorical: cat(0, 1, 0, 1, 0, 1), Stay: []int{0, 0, 0, 1, 1, -1}}, 0},
		{"quota", Problem{N: 6, Groups: b(2, 4), Categorical: cat(0, 0, 1, 1, 1, 1), Stay: []int{0, 0, 0, 1, 1, 1},
			Quotas: []Quota{{Attr: 0, Category: 0, Min: 1}}}, 1},
		{"quota max", Problem{N: 6, Groups: b(2, 4), Categorical: cat(0, 0, 0, 1, 1, 1), Stay: []int{0, 0, 0, 1, 1, 1},
			Quotas: []Quota{{Attr: 0, Category: 0, Max: 2}}}, 1},
		{"need", Problem{N: 6, Groups: b(2, 4), Categorical: cat(0, 0, 1, 1, 1, 1), Stay: []int{0, 0, 0, 1, 1, 1},
			Needs: []Need{{Name: "host", Count: 2, Eligible: []bool{true, true, true, true, false, false}}}}, 1},
		{"keep-apart", Problem{N: 6, Groups: b(2, 4), Categorical: cat(0, 0, 1, 1, 1, 1), Stay: []int{0, 0, 0, 1, 1, 1},
			KeepApart: [][2]int{{0, 1}, {3, 4}}}, 2},
		{"keep-together", Problem{N: 6, Groups: b(2, 4), Categorical: cat(0, 0, 1, 1, 1, 1), Stay: []int{0, 0, 0, 1, 1, 1},
			KeepTogether: [][2]int{{0, 3}}}, 1},
		{"pinned move", Problem{N: 6, Groups: b(3, 3), Categorical: cat(0, 0, 1, 1, 1, 1), Stay: []int{0, 0, 0, 0, 1, 1},
			Pinned: []bool{true, false, false, false, false, false}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.p.Validate())
			assert.Equal(t, tt.want, trueMinMoves(&tt.p), "the case is what it says")
			assert.Equal(t, tt.want, MinMoves(&tt.p))
			sol, err := Solve(context.Background(), &tt.p, Options{Seed: 3, MaxIterations: 5000})
			require.NoError(t, err)
			require.Empty(t, sol.Violations)
			assert.Equal(t, tt.want, sol.Moved)
		})
	}
}
