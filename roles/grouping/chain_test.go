package grouping

import (
	"math/rand/v2"
	"testing"
)

// bruteMinMoves is the fewest unpinned elements with a Stay group that a
// grouping keeping p's sizes, quotas and needs places away from it, by
// trying every grouping; -1 when none keeps them.
func bruteMinMoves(p *Problem) int {
	G := len(p.Groups)
	group := make([]int, p.N)
	best := -1
	var try func(i int)
	try = func(i int) {
		if i == p.N {
			size := make([]int, G)
			for _, g := range group {
				size[g]++
			}
			for g, b := range p.Groups {
				if size[g] < b.Min || size[g] > b.Max {
					return
				}
			}
			for _, q := range p.Quotas {
				cnt := make([]int, G)
				for e, g := range group {
					if p.Categorical[q.Attr].Values[e] == q.Category {
						cnt[g]++
					}
				}
				for _, c := range cnt {
					if c < q.Min || q.Max > 0 && c > q.Max {
						return
					}
				}
			}
			for _, nd := range p.Needs {
				cnt := make([]int, G)
				for e, g := range group {
					if nd.Eligible[e] {
						cnt[g]++
					}
				}
				for _, c := range cnt {
					if c < nd.Count {
						return
					}
				}
			}
			moved := 0
			for e, g := range group {
				if p.Stay[e] >= 0 && g != p.Stay[e] {
					moved++
				}
			}
			if best < 0 || moved < best {
				best = moved
			}
			return
		}
		for g := range G {
			if p.Pinned != nil && p.Pinned[i] && g != p.Stay[i] {
				continue
			}
			group[i] = g
			try(i + 1)
		}
	}
	try(0)
	return best
}

// chainMoves is never above the true minimum of a random small problem,
// and it is above the separate bounds on some of them.
func TestChainMovesIsALowerBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tighter, cases := 0, 0
	for range 20000 {
		n, G := 4+rng.IntN(5), 2+rng.IntN(2)
		p := &Problem{N: n, Stay: make([]int, n), Groups: make([]Bounds, G)}
		lo := rng.IntN(n/G + 1)
		for g := range p.Groups {
			p.Groups[g] = Bounds{Min: lo, Max: lo + rng.IntN(3)}
		}
		vals := make([]int, n)
		eligible := make([]bool, n)
		for i := range n {
			p.Stay[i] = rng.IntN(G)
			vals[i] = rng.IntN(3)
			eligible[i] = rng.IntN(2) == 0
		}
		if rng.IntN(2) == 0 {
			p.Pinned = make([]bool, n)
			p.Pinned[rng.IntN(n)] = true
		}
		p.Categorical = []CategoricalAttr{{Name: "c", Weight: 1, Values: vals}}
		p.Quotas = []Quota{{Attr: 0, Category: rng.IntN(3), Min: 1 + rng.IntN(2)}}
		if rng.IntN(2) == 0 {
			p.Needs = []Need{{Name: "n", Count: 1, Eligible: eligible}}
		}
		want := bruteMinMoves(p)
		if want < 0 {
			continue
		}
		cases++
		got := chainMoves(p)
		if got > want {
			t.Fatalf("chainMoves = %d above the true minimum %d of %+v", got, want, p)
		}
		if got > separateMoves(p) {
			tighter++
		}
	}
	t.Logf("%d feasible cases, chainMoves tighter than the separate bounds on %d", cases, tighter)
	if cases < 1000 || tighter == 0 {
		t.Fatalf("too few telling cases: %d feasible, %d tighter", cases, tighter)
	}
}
