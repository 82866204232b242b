package grouping

import (
	"math"
	"math/rand/v2"
	"slices"
)

// sampledSearch improves s by sampled moves scored from the per-group
// counts in O(attributes): a random element either trades places with a
// random element of another group or, when sizes allow, moves to a random
// group. Moves that do not lower the value are taken, so the search walks
// plateaus. When it stalls it restarts from a perturbed copy of the best
// assignment (iterated local search); small problems anneal instead.
// Memory is O(N + G·categories).
// annealMaxN is the largest N for which sampledSearch anneals. On the
// yishi-bench rosters annealing closed more of the gap at N = 200 with five
// attributes (0.05% against 0.15%) and less at N = 1,000 (0.08% against
// 0.04%).
const annealMaxN = 500

func sampledSearch(s *state, c *control, rng *rand.Rand) ([]int, int) {
	n, G := s.n, s.G
	best := slices.Clone(s.group)
	bestVal := s.value()
	if c.reached(s) || n < 2 || G < 2 {
		return best, 0
	}
	canInsert := false
	for g := 0; g < G; g++ {
		if s.lo[g] < s.hi[g] {
			canInsert = true
		}
	}
	stall := 20*n + 2000
	kicks := 0
	eps := 1e-9 * (1 + math.Abs(bestVal))
	lastBest := 0
	it := 0
	focus := newFocus(s)
	// Small problems with an iteration limit anneal instead: worse moves
	// are taken with probability exp(delta/T), T falling geometrically from
	// t0 to t1 over the limit, and every new best is copied (cheap at this
	// size). Large ones keep the iterated local search, which copies the
	// best only at restarts.
	// With Stay groups, the penalty of a move dwarfs any temperature, so
	// annealing would only walk down; the kicks of the iterated local
	// search get out of an arrangement two moves from a better one, and
	// come sooner.
	anneal := n <= annealMaxN && c.limit > 0 && s.stay == nil
	if s.stay != nil {
		stall = 4*n + 200
	}
	var t0, t1, temp float64
	if anneal {
		wmax, wmin := 0.0, math.Inf(1)
		for _, k := range s.usedCat {
			wmax = max(wmax, s.cat[k].w)
			wmin = min(wmin, s.cat[k].w)
		}
		for k := range s.num {
			wmax = max(wmax, s.num[k].w)
			wmin = min(wmin, s.num[k].w*0.01)
		}
		if wmax == 0 {
			anneal = false
		}
		t0, t1 = 0.5*wmax, 0.01*wmin
		temp = t0
	}
	for ; !c.done(it, 1023); it++ {
		if anneal {
			if it&1023 == 0 {
				temp = t0 * math.Pow(t1/t0, float64(it)/float64(c.limit))
			}
		} else if it-lastBest > stall {
			if s.value() >= bestVal-eps {
				copy(best, s.group)
				bestVal = s.value()
			} else {
				s.load(best)
			}
			// Mostly small kicks; every eighth one shakes half the elements.
			kicks++
			strength := 2 + rng.IntN(max(1, n/50))
			if kicks%8 == 0 {
				strength = max(2, n/2)
			}
			perturb(s, rng, strength)
			lastBest = it
		}
		i := rng.IntN(n)
		if focus != nil && it&7 != 0 {
			if it >= focus.rebuildAt {
				focus.rebuild(s, it)
			}
			if len(focus.list) > 0 {
				if x := focus.list[rng.IntN(len(focus.list))]; focus.crowded(s, int(x)) {
					i = int(x)
				}
			}
		}
		a := s.group[i]
		if canInsert && rng.IntN(4) == 0 {
			g := rng.IntN(G)
			if g == a || s.size[a] <= s.lo[a] || s.size[g] >= s.hi[g] || s.fixed(i) {
				continue
			}
			gain, pd := s.moveGain(i, g), s.penMove(i, g)
			if gain-pd < -eps && (!anneal || rng.Float64() >= math.Exp((gain-pd)/temp)) {
				continue
			}
			s.move(i, g, gain, pd)
		} else {
			j := rng.IntN(n)
			if s.group[j] == a || s.fixed(i) || s.fixed(j) {
				continue
			}
			gain, pd := s.swapGain(i, j), s.penSwap(i, j)
			if gain-pd < -eps && (!anneal || rng.Float64() >= math.Exp((gain-pd)/temp)) {
				continue
			}
			s.swap(i, j, gain, pd)
		}
		if v := s.value(); v > bestVal+eps {
			bestVal = v
			lastBest = it
			if anneal {
				copy(best, s.group)
			}
			if c.reached(s) {
				it++
				copy(best, s.group)
				return best, it
			}
		}
	}
	if !anneal && s.value() >= bestVal-eps {
		copy(best, s.group)
	}
	return best, it
}

// focus steers sampling towards elements that share a category with more
// group mates than an even spread needs: only moving such an element (or
// its partner in a swap) can raise a purely categorical diversity.
type focus struct {
	thr       [][]int32 // thr[k][c]: most members of category c a group needs
	list      []int32   // crowded elements at the last rebuild
	rebuildAt int       // iteration of the next rebuild
}

// rebuild lists the crowded elements anew; at O(N·attributes) every N/2
// iterations it costs O(attributes) per iteration.
func (f *focus) rebuild(s *state, it int) {
	f.list = f.list[:0]
	for i := 0; i < s.n; i++ {
		if f.crowded(s, i) {
			f.list = append(f.list, int32(i))
		}
	}
	f.rebuildAt = it + s.n/2 + 1000
}

func newFocus(s *state) *focus {
	if len(s.num) > 0 {
		return nil
	}
	f := &focus{thr: make([][]int32, len(s.cat))}
	any := false
	for k := range s.cat {
		a := &s.cat[k]
		if !a.used {
			continue
		}
		any = true
		total := make([]int32, a.k)
		for _, c := range a.values {
			if c >= 0 {
				total[c]++
			}
		}
		f.thr[k] = make([]int32, a.k)
		for c, t := range total {
			f.thr[k][c] = max(1, t/int32(s.G))
		}
	}
	if !any {
		return nil
	}
	return f
}

func (f *focus) crowded(s *state, i int) bool {
	g := s.group[i]
	for k, thr := range f.thr {
		if thr == nil {
			continue
		}
		a := &s.cat[k]
		if c := s.ev[i*len(s.cat)+k]; c >= 0 && a.count(g, c) > thr[c] {
			return true
		}
	}
	return false
}
