package grouping

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Tuning of the iterated tabu search on a dense matrix.
const (
	// tabu tenure: tenureBase + a random share of n/tenureDiv moves.
	tenureBase = 3
	tenureDiv  = 10
)

// iteratedTabu improves s with tabu search over swap and insert moves,
// kicked by random moves whenever it stalls (iterated tabu search). Gains
// come from s.W, so each move is scored in O(1); each iteration takes the
// best admissible move among all O(N·G) inserts and all O(N²) swaps, most
// swaps being ruled out by a per-group-pair bound without scoring them. It
// returns the best assignment and the number of iterations done.
func iteratedTabu(s *state, c *control, rng *rand.Rand) ([]int, int) {
	n, G := s.n, s.G
	best := slices.Clone(s.group)
	bestVal := s.value()
	if c.reached(s) {
		return best, 0
	}
	tabu := make([]int, n*G) // tabu[i*G+g]: i may not enter g before this iteration
	canInsert := false
	for g := 0; g < G; g++ {
		if s.lo[g] < s.hi[g] {
			canInsert = true
		}
	}
	stall := max(200, 4*n) // iterations without a new best before perturbing
	strength := max(2, n/6)
	eps := 1e-9 * (1 + math.Abs(bestVal))
	lastBest := 0
	it := 0
	W, dist, group := s.W, s.dist, s.group
	members := make([][]int32, G)
	maxDelta := make([]float64, G*G) // maxDelta[a*G+b]: largest Δi(b) over i in a
	minD := 0.0
	for _, d := range dist {
		minD = min(minD, d)
	}
	slack := -2 * minD // largest value -2·d(i,j) can take
	if s.hasPen {
		slack = math.Inf(1) // penalties can make any swap good: no pruning
	}
	for ; !c.done(it, 15); it++ {
		cur := s.value()
		aspire := bestVal - cur + eps
		bestGain := math.Inf(-1)
		mi, mj, mg := -1, -1, -1
		ties := 0
		consider := func(gain float64, tabooed bool, i, j, g int) {
			if tabooed && gain <= aspire {
				return
			}
			if gain > bestGain+1e-12 {
				bestGain, mi, mj, mg, ties = gain, i, j, g, 1
				return
			}
			ties++
			if rng.IntN(ties) == 0 {
				mi, mj, mg = i, j, g
			}
		}
		if canInsert {
			for i := 0; i < n; i++ {
				a := group[i]
				if s.size[a] <= s.lo[a] || s.fixed(i) {
					continue
				}
				row := W[i*G : (i+1)*G]
				wa := row[a]
				for g := 0; g < G; g++ {
					if g == a || s.size[g] >= s.hi[g] {
						continue
					}
					gain := row[g] - wa
					if s.hasPen {
						gain -= s.penMove(i, g)
					}
					if gain < bestGain-1e-12 {
						continue
					}
					consider(gain, tabu[i*G+g] > it, i, -1, g)
				}
			}
		}
		// Swaps, scanned group pair by group pair. The gain of swapping i
		// (in a) with j (in b) is Δi(b) + Δj(a) - 2d(i,j), so no j can help
		// an i with Δi(b) + max Δj(a) - 2·min d below the best gain so far.
		for g := range members {
			members[g] = members[g][:0]
		}
		for i, g := range group {
			members[g] = append(members[g], int32(i))
		}
		for k := range maxDelta {
			maxDelta[k] = math.Inf(-1)
		}
		for i, a := range group {
			row := W[i*G : (i+1)*G]
			wa := row[a]
			md := maxDelta[a*G : (a+1)*G]
			for g, w := range row {
				if d := w - wa; d > md[g] {
					md[g] = d
				}
			}
		}
		for a := 0; a < G; a++ {
			for b := a + 1; b < G; b++ {
				mb := maxDelta[b*G+a] + slack
				for _, i32 := range members[a] {
					i := int(i32)
					if s.fixed(i) {
						continue
					}
					row := W[i*G : (i+1)*G]
					di := row[b] - row[a]
					if di+mb < bestGain-1e-12 {
						continue
					}
					drow := dist[i*n : (i+1)*n]
					for _, j32 := range members[b] {
						j := int(j32)
						if s.fixed(j) {
							continue
						}
						gain := di + W[j*G+a] - W[j*G+b] - 2*drow[j]
						if gain < bestGain-1e-12 {
							continue
						}
						if s.hasPen {
							gain -= s.penSwap(i, j)
							if gain < bestGain-1e-12 {
								continue
							}
						}
						consider(gain, tabu[i*G+b] > it || tabu[j*G+a] > it, i, j, -1)
					}
				}
			}
		}
		if mi < 0 {
			break // nothing admissible: every move is tabu
		}
		tenure := tenureBase + rng.IntN(n/tenureDiv+1)
		a := group[mi]
		if mj < 0 {
			s.move(mi, mg, s.moveGain(mi, mg), s.penMove(mi, mg))
			tabu[mi*G+a] = it + tenure
		} else {
			b := group[mj]
			s.swap(mi, mj, s.swapGain(mi, mj), s.penSwap(mi, mj))
			tabu[mi*G+a] = it + tenure
			tabu[mj*G+b] = it + tenure
		}
		if v := s.value(); v > bestVal+eps {
			bestVal = v
			copy(best, group)
			lastBest = it
			if c.reached(s) {
				it++
				break
			}
		}
		if it-lastBest > stall {
			// Kick the current assignment and search on. Kicking the current
			// one (a random walk over local optima) rather than the best beat
			// restarting from the best by about a third in mean gap on
			// MDGPLIB at a fixed number of iterations.
			perturb(s, rng, strength)
			clear(tabu)
			lastBest = it
		}
	}
	return best, it
}

// perturb applies k random swaps between different groups and, where
// sizes may vary, random moves (which alone change the size profile),
// taking the search to a nearby but different region.
func perturb(s *state, rng *rand.Rand, k int) {
	for t := 0; t < k; t++ {
		if t%2 == 1 {
			i, g := rng.IntN(s.n), rng.IntN(s.G)
			if a := s.group[i]; a != g && s.size[a] > s.lo[a] && s.size[g] < s.hi[g] && !s.fixed(i) {
				s.move(i, g, s.moveGain(i, g), s.penMove(i, g))
				continue
			}
		}
		for try := 0; try < 100; try++ {
			i, j := rng.IntN(s.n), rng.IntN(s.n)
			if s.group[i] != s.group[j] && !s.fixed(i) && !s.fixed(j) {
				s.swap(i, j, s.swapGain(i, j), s.penSwap(i, j))
				break
			}
		}
	}
}
