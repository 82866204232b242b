package grouping

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/grouping/mdgplib"
)

func readInstance(t testing.TB, path string) *Problem {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	p, err := ReadMDGPLIB(f)
	require.NoError(t, err)
	return p
}

// readTPSDP reads a TPSDP solution file: the reported best on line 1, then
// N and G, G bound lines, and one `element group` line per element.
func readTPSDP(t *testing.T, path string) (reported float64, group []int) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	var lines [][]string
	for sc.Scan() {
		if fl := strings.Fields(sc.Text()); len(fl) > 0 {
			lines = append(lines, fl)
		}
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, len(lines), 2)
	reported, err = strconv.ParseFloat(lines[0][1], 64)
	require.NoError(t, err)
	hdr := lines[1] // N = .. G = .. f = ..
	n, err := strconv.Atoi(hdr[2])
	require.NoError(t, err)
	g, err := strconv.Atoi(hdr[5])
	require.NoError(t, err)
	require.Len(t, lines, 2+g+n)
	group = make([]int, n)
	for _, l := range lines[2+g:] {
		i, err1 := strconv.Atoi(l[0])
		k, err2 := strconv.Atoi(l[1])
		require.NoError(t, err1)
		require.NoError(t, err2)
		group[i] = k
	}
	return reported, group
}

func TestObjectiveReproducesTPSDP(t *testing.T) {
	root := mdgplib.Dir(t, "")
	dir := filepath.Join(root, "tpsdp_solutions")
	files, err := filepath.Glob(filepath.Join(dir, "*.sol.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	best := readBestKnownCSV(t, filepath.Join(root, "best_known_copied.csv"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sol.txt")
		t.Run(name, func(t *testing.T) {
			p := readInstance(t, filepath.Join(root, "instances", name+".txt"))
			reported, group := readTPSDP(t, f)
			require.Len(t, group, p.N)
			got := p.Objective(group)
			// TPSDP reported values computed with C float: agree to 1e-6
			// relative; the float64 value in best_known_copied.csv to its
			// 3 decimals.
			assert.InEpsilon(t, reported, got, 1e-6)
			if bk, ok := best[name]; assert.True(t, ok, "best-known value") {
				assert.InDelta(t, bk, got, 0.0005+1e-9)
			}
			// The incremental state agrees with the evaluator.
			s := newState(p)
			s.load(group)
			assert.InDelta(t, p.Objective(group), s.obj, 1e-6)
			assert.Empty(t, s.violations())
		})
	}
}

func readBestKnownCSV(t *testing.T, path string) map[string]float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	out := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		f := strings.Split(line, ",")
		v, err := strconv.ParseFloat(f[6], 64)
		require.NoError(t, err)
		out[f[0]] = v
	}
	return out
}

func TestMoveGainsMatchEvaluator(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	groups := []Bounds{{2, 5}, {2, 5}, {3, 4}}
	for trial := 0; trial < 20; trial++ {
		p := randomCategorical(rng, 11, 2, groups)
		x := make([]float64, p.N)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		p.Numeric = []NumericAttr{{Name: "x", Weight: 1.5, Values: x}}
		if trial%2 == 1 {
			p.Dist = randomDense(rng, p.N, groups).Dist
		}
		s := newState(p)
		s.load(construct(s, rng))
		for step := 0; step < 50; step++ {
			before := p.Objective(s.group)
			i, j := rng.IntN(p.N), rng.IntN(p.N)
			if s.group[i] == s.group[j] {
				continue
			}
			if step%2 == 0 {
				g := s.swapGain(i, j)
				s.swap(i, j, g, 0)
			} else {
				b := s.group[j]
				g := s.moveGain(i, b)
				s.move(i, b, g, 0)
			}
			require.InDelta(t, p.Objective(s.group), s.obj, 1e-9, "trial %d step %d (before %v)", trial, step, before)
		}
	}
}

// bruteForce enumerates every assignment meeting the size bounds and rules
// and returns the best diversity (math.Inf(-1) when none is feasible).
func bruteForce(p *Problem) float64 {
	best := math.Inf(-1)
	group := make([]int, p.N)
	s := newState(p)
	var rec func(i int)
	rec = func(i int) {
		if i == p.N {
			s.load(group)
			if len(s.violations()) == 0 && s.repeats() == 0 {
				best = max(best, p.Objective(group))
			}
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

func randomDense(rng *rand.Rand, n int, groups []Bounds) *Problem {
	p := &Problem{N: n, Dist: make([]float64, n*n), Groups: groups}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			d := float64(rng.IntN(100))
			p.Dist[i*n+j], p.Dist[j*n+i] = d, d
		}
	}
	return p
}

func randomCategorical(rng *rand.Rand, n, attrs int, groups []Bounds) *Problem {
	p := &Problem{N: n, Groups: groups}
	for k := 0; k < attrs; k++ {
		vals := make([]int, n)
		kk := 2 + rng.IntN(3)
		for i := range vals {
			vals[i] = rng.IntN(kk+1) - 1 // some missing
		}
		p.Categorical = append(p.Categorical, CategoricalAttr{Name: fmt.Sprint("a", k), Weight: float64(1 + rng.IntN(3)), Values: vals})
	}
	return p
}

func TestSolveFindsBruteForceOptimum(t *testing.T) {
	shapes := []struct {
		name   string
		n      int
		groups []Bounds
	}{
		{"6 in 2 of 3", 6, []Bounds{{3, 3}, {3, 3}}},
		{"8 in 2..3 groups", 8, []Bounds{{2, 4}, {2, 4}, {2, 3}}},
		{"9 in 3 of 3", 9, []Bounds{{3, 3}, {3, 3}, {3, 3}}},
		{"10 in 1..6", 10, []Bounds{{1, 6}, {2, 6}}},
	}
	for _, sh := range shapes {
		for seed := uint64(1); seed <= 3; seed++ {
			rng := rand.New(rand.NewPCG(seed, 7))
			for _, kind := range []string{"dense", "categorical", "mixed"} {
				var p *Problem
				switch kind {
				case "dense":
					p = randomDense(rng, sh.n, sh.groups)
				case "categorical":
					p = randomCategorical(rng, sh.n, 3, sh.groups)
				default:
					p = randomCategorical(rng, sh.n, 2, sh.groups)
					x := make([]float64, sh.n)
					for i := range x {
						x[i] = rng.Float64() * 10
					}
					p.Numeric = []NumericAttr{{Name: "years", Weight: 2, Values: x}}
				}
				t.Run(fmt.Sprintf("%s/%s/seed%d", sh.name, kind, seed), func(t *testing.T) {
					want := bruteForce(p)
					sol, err := Solve(context.Background(), p, Options{Seed: seed})
					require.NoError(t, err)
					assert.InDelta(t, want, sol.Objective, 1e-9)
					if ub, ok := UpperBound(p); ok {
						assert.GreaterOrEqual(t, ub+1e-9, want, "upper bound below the optimum")
					}
				})
			}
		}
	}
}

func TestUpperBoundTightWhenEvenSpreadPossible(t *testing.T) {
	// 12 elements, 3 groups of 4; categories of sizes 6, 3, 3 and 4, 4, 4
	// spread evenly in one assignment: (0,0),(1,1),(0,2),(2,0)... built so
	// that each group holds 2 of a0=0, one a0=1, one a0=2 and a mix of a1.
	p := &Problem{N: 12, Groups: []Bounds{{4, 4}, {4, 4}, {4, 4}},
		Categorical: []CategoricalAttr{
			{Name: "unit", Weight: 1, Values: []int{0, 0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2}},
			{Name: "background", Weight: 2, Values: []int{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2}},
		}}
	ub, ok := UpperBound(p)
	require.True(t, ok)
	assert.InDelta(t, bruteForce(p), ub, 1e-9)
	sol, err := Solve(context.Background(), p, Options{Seed: 3})
	require.NoError(t, err)
	assert.InDelta(t, ub, sol.Objective, 1e-9)
	assert.True(t, sol.BoundKnown)

	_, ok = UpperBound(&Problem{N: 2, Dist: []float64{0, 1, 1, 0}, Groups: []Bounds{{2, 2}}})
	assert.False(t, ok, "no bound with a dense matrix")
}

func TestSolveKeepsHardRules(t *testing.T) {
	n := 40
	rng := rand.New(rand.NewPCG(11, 12))
	groups := []Bounds{{7, 9}, {7, 9}, {7, 9}, {8, 8}, {6, 10}}
	p := randomCategorical(rng, n, 3, groups)
	unit := make([]int, n)
	for i := range unit {
		unit[i] = i % 6
	}
	p.Categorical = append(p.Categorical, CategoricalAttr{Name: "background", Weight: 1, Values: unit})
	p.KeepApart = [][2]int{{0, 1}, {0, 2}, {1, 2}, {3, 4}, {10, 20}}
	p.KeepTogether = [][2]int{{5, 6}, {6, 7}, {30, 31}}
	host := make([]bool, n)
	for _, i := range []int{8, 9, 11, 13, 17, 19, 23} {
		host[i] = true
	}
	p.Needs = []Need{{Name: "host", Count: 1, Eligible: host}}
	p.Quotas = []Quota{{Attr: 3, Category: 0, Min: 1, Max: 2}} // background 0: 7 elements
	past := make([]int, n)
	for i := range past {
		past[i] = i * 7 % 10 // ten earlier groups of 4; no keep-together pair met
	}
	p.Past = [][]int{past}

	check := func(t *testing.T, sol *Solution) {
		size := make([]int, len(groups))
		for _, g := range sol.Group {
			size[g]++
		}
		for g, b := range groups {
			assert.GreaterOrEqual(t, size[g], b.Min, "group %d", g)
			assert.LessOrEqual(t, size[g], b.Max, "group %d", g)
		}
		for _, pr := range p.KeepApart {
			assert.NotEqual(t, sol.Group[pr[0]], sol.Group[pr[1]], "keep-apart %v", pr)
		}
		for _, pr := range p.KeepTogether {
			assert.Equal(t, sol.Group[pr[0]], sol.Group[pr[1]], "keep-together %v", pr)
		}
		hosts := make([]int, len(groups))
		bg0 := make([]int, len(groups))
		for i, g := range sol.Group {
			if host[i] {
				hosts[g]++
			}
			if unit[i] == 0 {
				bg0[g]++
			}
		}
		for g := range groups {
			assert.GreaterOrEqual(t, hosts[g], 1, "hosts of group %d", g)
			assert.GreaterOrEqual(t, bg0[g], 1, "quota of group %d", g)
			assert.LessOrEqual(t, bg0[g], 2, "quota of group %d", g)
		}
		assert.Empty(t, sol.Violations)
		assert.Zero(t, sol.Repeats, "repeats are avoidable here")
		assert.InDelta(t, p.Objective(sol.Group), sol.Objective, 1e-9)
	}
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			a, err := Solve(context.Background(), p, Options{Seed: seed})
			require.NoError(t, err)
			check(t, a)
			b, err := Solve(context.Background(), p, Options{Seed: seed})
			require.NoError(t, err)
			assert.Equal(t, a.Group, b.Group, "same seed, same groups")
		})
	}
	t.Run("dense", func(t *testing.T) {
		q := *p
		q.Dist = randomDense(rng, n, groups).Dist
		a, err := Solve(context.Background(), &q, Options{Seed: 5, MaxIterations: 300})
		require.NoError(t, err)
		b, err := Solve(context.Background(), &q, Options{Seed: 5, MaxIterations: 300})
		require.NoError(t, err)
		assert.Equal(t, a.Group, b.Group)
		assert.Empty(t, a.Violations)
		for _, pr := range p.KeepApart {
			assert.NotEqual(t, a.Group[pr[0]], a.Group[pr[1]])
		}
	})
}

func TestSolveReportsUnmetRules(t *testing.T) {
	// 4 elements in 2 groups of 2, but 0, 1 and 2 must all be apart: one
	// pair has to share a group, and Solve must say so.
	p := &Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}},
		Categorical: []CategoricalAttr{{Name: "unit", Weight: 1, Values: []int{0, 1, 0, 1}}},
		KeepApart:   [][2]int{{0, 1}, {0, 2}, {1, 2}}}
	sol, err := Solve(context.Background(), p, Options{Seed: 1})
	require.NoError(t, err)
	require.Len(t, sol.Violations, 1)
	assert.Equal(t, RuleKeepApart, sol.Violations[0].Rule)
	assert.Contains(t, sol.Violations[0].Detail, "must be kept apart")
}

func TestValidateRejectsImpossibleProblems(t *testing.T) {
	cat := func(vals ...int) []CategoricalAttr {
		return []CategoricalAttr{{Name: "background", Weight: 1, Values: vals}}
	}
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"more groups than elements", Problem{N: 2, Groups: []Bounds{{1, 1}, {1, 1}, {1, 1}}}, "3 groups cannot be formed from 2 elements"},
		{"bounds too small", Problem{N: 7, Groups: []Bounds{{2, 3}, {2, 3}}}, "hold at most 6 elements in all but there are 7"},
		{"bounds too large", Problem{N: 5, Groups: []Bounds{{3, 4}, {3, 4}}}, "need at least 6 elements in all but there are only 5"},
		{"bad bounds", Problem{N: 4, Groups: []Bounds{{3, 2}, {1, 4}}}, "impossible size bounds [3, 2]"},
		{"pair out of range", Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}}, KeepApart: [][2]int{{0, 9}}}, "outside 0..3"},
		{"apart and together", Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}}, KeepApart: [][2]int{{0, 2}}, KeepTogether: [][2]int{{0, 1}, {1, 2}}}, "must be kept apart but keep-together pairs join them"},
		{"too large to keep together", Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}}, KeepTogether: [][2]int{{0, 1}, {1, 2}}}, "3 elements must be kept together"},
		{"quota short", Problem{N: 10, Groups: []Bounds{{2, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 2}}, Categorical: cat(1, 1, 1, 0, 0, 0, 0, 0, 0, 0),
			Quotas: []Quota{{Attr: 0, Category: 1, Min: 1}}}, "5 groups need at least 1 of background = 1 each (5 in all) but only 3 elements have it"},
		{"quota bad attr", Problem{N: 2, Groups: []Bounds{{2, 2}}, Quotas: []Quota{{Attr: 2}}}, "refers to categorical attribute 2"},
		{"need short", Problem{N: 10, Groups: []Bounds{{2, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 2}},
			Needs: []Need{{Name: "property manager", Count: 1, Eligible: []bool{true, true, true, false, false, false, false, false, false, false}}}},
			`5 groups need at least 1 "property manager" each (5 in all) but only 3 elements are eligible`},
		{"values length", Problem{N: 3, Groups: []Bounds{{3, 3}}, Categorical: cat(1, 2)}, "has 2 values, want 3"},
		{"dist shape", Problem{N: 2, Groups: []Bounds{{2, 2}}, Dist: []float64{0, 1, 2, 0}}, "not a finite symmetric matrix"},
		{"negative repeat penalty", Problem{N: 2, Groups: []Bounds{{2, 2}}, RepeatPenalty: -1}, "RepeatPenalty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), tt.want)
			_, err = Solve(context.Background(), &tt.p, Options{})
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
}

func TestReadMDGPLIB(t *testing.T) {
	p, err := ReadMDGPLIB(strings.NewReader("3 1 ss 3 3\n0 1 1.5\n0 2 2\r\n1 2 3\n"))
	require.NoError(t, err)
	assert.Equal(t, 3, p.N)
	assert.Equal(t, []Bounds{{3, 3}}, p.Groups)
	assert.InDelta(t, 6.5, p.Objective([]int{0, 0, 0}), 1e-12)
	for _, bad := range []string{"", "3 1 xx 3 3\n", "3 2 ss 3 3\n", "3 1 ss 3 3\n0 3 1\n", "3 1 ss 3 3\n0 1\n"} {
		_, err := ReadMDGPLIB(strings.NewReader(bad))
		assert.Error(t, err, "%q", bad)
	}
}

// cancelAtReading returns a clock that stands still and calls cancel at
// its k-th reading, so that a search is cancelled at the same point on
// every machine.
func cancelAtReading(k int, cancel func()) func() time.Time {
	readings := 0
	return func() time.Time {
		readings++
		if readings == k {
			cancel()
		}
		return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	}
}

// A search without an iteration limit stops at the next check once its
// context is cancelled, and hands back the best assignment so far. How
// quickly it does so is measured by BenchmarkSolveAfterCancel.
func TestSolveRespectsContext(t *testing.T) {
	p := randomDense(rand.New(rand.NewPCG(1, 2)), 120, []Bounds{{30, 30}, {30, 30}, {30, 30}, {30, 30}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Reading 1 sets the deadline, reading 2 is the check before the first
	// move; the context is found cancelled at the next check, 16 moves on.
	sol, err := Solve(ctx, p, Options{Seed: 1, MaxIterations: -1, Budget: time.Minute, Now: cancelAtReading(2, cancel)})
	assert.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, sol)
	assert.Equal(t, 16, sol.Iterations)
	assert.False(t, sol.OutOfTime)
	assert.InDelta(t, p.Objective(sol.Group), sol.Objective, 1e-6)
}

// BenchmarkSolveAfterCancel measures how long Solve takes to return once
// its context is cancelled in the middle of a search without an iteration
// limit, on dense problems of MDGPLIB's sizes: the whole call in ns/op, and
// the time from the cancel to the return in ns-after-cancel.
func BenchmarkSolveAfterCancel(b *testing.B) {
	for _, n := range []int{120, 480, 960} {
		g := n / 10
		groups := make([]Bounds, g)
		for k := range groups {
			groups[k] = Bounds{Min: 10, Max: 10}
		}
		p := randomDense(rand.New(rand.NewPCG(1, uint64(n))), n, groups)
		b.Run(fmt.Sprint("N=", n), func(b *testing.B) {
			var after time.Duration
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				var cancelled time.Time
				_, err := Solve(ctx, p, Options{Seed: 1, MaxIterations: -1, Budget: time.Hour,
					Now: cancelAtReading(2, func() { cancelled = time.Now(); cancel() })})
				after += time.Since(cancelled)
				cancel()
				if !errors.Is(err, context.Canceled) {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(after.Nanoseconds())/float64(b.N), "ns-after-cancel")
		})
	}
}

func TestSolveMDGPSmoke(t *testing.T) {
	dir := mdgplib.Dir(t, "instances")
	for _, name := range []string{"RanReal_n030_ss_01", "Geo_n060_ss_01", "RanInt_n120_ds_01"} {
		t.Run(name, func(t *testing.T) {
			p := readInstance(t, filepath.Join(dir, name+".txt"))
			a, err := Solve(context.Background(), p, Options{Seed: 2, MaxIterations: 500})
			require.NoError(t, err)
			b, err := Solve(context.Background(), p, Options{Seed: 2, MaxIterations: 500})
			require.NoError(t, err)
			assert.Equal(t, a.Group, b.Group, "deterministic under an iteration limit")
			assert.Empty(t, a.Violations)
			assert.InDelta(t, p.Objective(a.Group), a.Objective, 1e-6)
		})
	}
}

// TestCategoricalReachesBound checks the quality of the default search on
// rosters; its speed is measured by BenchmarkCategorical.
func TestCategoricalReachesBound(t *testing.T) {
	for _, n := range []int{30, 200, 1000} {
		for attrs := 2; attrs <= 5; attrs++ {
			t.Run(fmt.Sprintf("n%d/attrs%d", n, attrs), func(t *testing.T) {
				p := syntheticRoster(n, attrs, 1)
				sol, err := Solve(context.Background(), p, Options{Seed: 1})
				require.NoError(t, err)
				require.True(t, sol.BoundKnown)
				assert.GreaterOrEqual(t, sol.Objective, sol.Bound*(1-0.001), "within 0.1%% of the bound")
				assert.InDelta(t, p.Objective(sol.Group), sol.Objective, 1e-6)
				t.Logf("n=%d attrs=%d gap=%.4f%%", n, attrs, 100*(sol.Bound-sol.Objective)/sol.Bound)
			})
		}
	}
}

// syntheticRoster is a deterministic roster of n trainees with attrs
// skewed categorical attributes and groups of about 8.
func syntheticRoster(n, attrs int, seed uint64) *Problem {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	ks := []int{max(2, n/25), 7, 2, 5, 4}
	p := &Problem{N: n}
	for k := 0; k < attrs; k++ {
		vals := make([]int, n)
		for i := range vals {
			// skew: low categories are more common
			vals[i] = min(rng.IntN(ks[k]), rng.IntN(ks[k]))
		}
		p.Categorical = append(p.Categorical, CategoricalAttr{Name: fmt.Sprint("a", k), Weight: float64(5-k) / 2, Values: vals})
	}
	G := max(1, (n+4)/8)
	p.Groups = make([]Bounds, G)
	for g := range p.Groups {
		p.Groups[g] = Bounds{Min: n / G, Max: (n + G - 1) / G}
	}
	return p
}

func BenchmarkCategorical(b *testing.B) {
	for _, n := range []int{30, 200, 1000, 10000} {
		p := syntheticRoster(n, 3, 1)
		b.Run(fmt.Sprint("N=", n), func(b *testing.B) {
			var gap float64
			for b.Loop() {
				sol, err := Solve(context.Background(), p, Options{Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				gap = 100 * (sol.Bound - sol.Objective) / sol.Bound
			}
			b.ReportMetric(gap, "gap%")
		})
	}
}

func TestPairProfileMaximisesPairs(t *testing.T) {
	tests := []struct {
		name   string
		groups []Bounds
		n      int
	}{
		{"differing bounds", []Bounds{{0, 10}, {5, 6}}, 15},
		{"MDGPLIB-like", []Bounds{{9, 14}, {10, 15}, {11, 16}, {8, 16}, {10, 12}}, 60},
		{"equal bounds", []Bounds{{2, 4}, {2, 4}, {2, 4}}, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := make([]int, len(tt.groups)), make([]int, len(tt.groups))
			for g, b := range tt.groups {
				lo[g], hi[g] = b.Min, b.Max
			}
			sizes := pairProfile(lo, hi, tt.n)
			total, got := 0, 0.0
			for g, s := range sizes {
				assert.GreaterOrEqual(t, s, lo[g])
				assert.LessOrEqual(t, s, hi[g])
				total += s
				got += pairsOf(s)
			}
			assert.Equal(t, tt.n, total)
			want, ok := maxPairs(tt.groups, tt.n)
			require.True(t, ok)
			if tt.name != "equal bounds" { // equal bounds are spread evenly on purpose
				assert.Equal(t, want, got)
			}
		})
	}
}

func FuzzReadMDGPLIB(f *testing.F) {
	f.Add([]byte("3 1 ss 3 3\n0 1 1.5\n0 2 2\n1 2 3\n"))
	f.Add([]byte("4 2 ds 1 3 1 3\n0 1 1\n2 3 4\n"))
	if dir, ok := mdgplib.Optional(f, "instances"); ok {
		data, err := os.ReadFile(filepath.Join(dir, "RanInt_n030_ss_01.txt"))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if fl := strings.Fields(string(data)); len(fl) > 0 {
			if n, err := strconv.Atoi(fl[0]); err == nil && n > 300 {
				t.Skip("large matrices are not what this fuzzes")
			}
		}
		p, err := ReadMDGPLIB(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		require.Len(t, p.Dist, p.N*p.N)
		_ = p.Validate()
	})
}

func TestSolveStopsAtTarget(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	p := randomDense(rng, 30, []Bounds{{10, 10}, {10, 10}, {10, 10}})
	full, err := Solve(context.Background(), p, Options{Seed: 4, MaxIterations: 2000})
	require.NoError(t, err)
	target := full.Objective * 0.9
	sol, err := Solve(context.Background(), p, Options{Seed: 4, MaxIterations: 2000, Target: target})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, sol.Objective, target)
	assert.Less(t, sol.Iterations, full.Iterations)
	again, err := Solve(context.Background(), p, Options{Seed: 4, MaxIterations: 2000, Target: target})
	require.NoError(t, err)
	assert.Equal(t, sol.Group, again.Group)
}

// Rules no assignment can keep come with their facts, so that callers can
// name the people involved rather than element numbers.
func TestValidateIssuesCarryTheFacts(t *testing.T) {
	p := &Problem{
		N:            6,
		Categorical:  []CategoricalAttr{{Name: "bg", Weight: 1, Values: []int{0, 1, 1, 1, 1, 1}}},
		Groups:       []Bounds{{3, 3}, {3, 3}},
		KeepTogether: [][2]int{{1, 2}, {2, 3}, {3, 4}},
		Quotas:       []Quota{{Attr: 0, Category: 0, Min: 1}},
		Needs:        []Need{{Name: "host", Count: 1, Eligible: []bool{true, false, false, false, false, false}}},
	}
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	byRule := map[Rule]Issue{}
	for _, is := range ve.Issues {
		byRule[is.Rule] = is
		assert.Contains(t, ve.Problems, is.Text, "each issue is also one of the sentences")
	}
	require.Len(t, byRule, 3)
	assert.Equal(t, []int{1, 2, 3, 4}, byRule[RuleKeepTogether].Elements)
	assert.Equal(t, 4, byRule[RuleKeepTogether].Have)
	assert.Equal(t, 3, byRule[RuleKeepTogether].Want)
	assert.Equal(t, Issue{Rule: RuleQuota, Index: 0, Elements: []int{0}, Have: 1, Want: 2, Text: byRule[RuleQuota].Text}, byRule[RuleQuota])
	assert.Equal(t, 1, byRule[RuleNeed].Have)
	assert.Equal(t, 2, byRule[RuleNeed].Want)
	// Every sentence keeps its format, for a caller that translates it.
	require.Len(t, ve.Sentences, len(ve.Problems))
	for i, s := range ve.Sentences {
		assert.Equal(t, ve.Problems[i], s.String())
		assert.Contains(t, s.Format, "%d", "the format, not the text: %q", s.Format)
	}
}

// A caller's tag travels with its quota or need to every violation and
// issue about it, so the caller learns which of its rules it was without
// reading it back out of a name.
func TestTagsTravelWithRules(t *testing.T) {
	type roleTag struct{ id string }
	type quotaTag struct{ value string }
	// 4 elements in 2 groups of 2; only element 0 may host and only
	// element 1 has category 1: no assignment gives both groups either.
	p := &Problem{N: 4, Groups: []Bounds{{2, 2}, {2, 2}},
		Categorical: []CategoricalAttr{{Name: "bg", Weight: 1, Values: []int{0, 1, 0, 0}}},
		Quotas:      []Quota{{Attr: 0, Category: 1, Min: 1, Tag: quotaTag{"discussion-class"}}},
		Needs:       []Need{{Name: "host", Count: 1, Eligible: []bool{true, false, false, false}, Tag: roleTag{"host"}}},
	}
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	tags := map[Rule]any{}
	for _, is := range ve.Issues {
		tags[is.Rule] = is.Tag
	}
	assert.Equal(t, map[Rule]any{RuleQuota: quotaTag{"discussion-class"}, RuleNeed: roleTag{"host"}}, tags)

	// Two may host, but they must share a group: the search says which
	// group has no host, with the tag.
	p.Quotas = nil
	p.Needs[0].Eligible[1] = true
	p.KeepTogether = [][2]int{{0, 1}}
	sol, err := Solve(context.Background(), p, Options{Seed: 1})
	require.NoError(t, err)
	require.Len(t, sol.Violations, 1)
	v := sol.Violations[0]
	assert.Equal(t, RuleNeed, v.Rule)
	assert.Equal(t, roleTag{"host"}, v.Tag)
}

// fakeClock returns a clock that starts at a fixed instant and moves on by
// step at every reading.
func fakeClock(step time.Duration) func() time.Time {
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		t := now
		now = now.Add(step)
		return t
	}
}

// The budget is read from the clock in Options, so its path is tested
// without waiting: a clock that jumps a minute at each reading ends a
// 90-second budget at the second check, and a clock that stands still
// never ends a budget of a nanosecond.
func TestBudgetReadsTheInjectedClock(t *testing.T) {
	p := randomDense(rand.New(rand.NewPCG(5, 6)), 60, []Bounds{{20, 20}, {20, 20}, {20, 20}})
	sol, err := Solve(context.Background(), p, Options{Seed: 1, MaxIterations: -1, Budget: 90 * time.Second, Now: fakeClock(time.Minute)})
	require.NoError(t, err, "running out of time is not an error")
	assert.True(t, sol.OutOfTime)
	assert.Equal(t, 16, sol.Iterations, "the clock is read every 16 tabu moves")
	assert.InDelta(t, p.Objective(sol.Group), sol.Objective, 1e-6)

	sol, err = Solve(context.Background(), p, Options{Seed: 1, MaxIterations: 300, Budget: time.Nanosecond, Now: fakeClock(0)})
	require.NoError(t, err)
	assert.False(t, sol.OutOfTime)
	assert.Equal(t, 300, sol.Iterations)
}

// The evaluator adds the same terms in the same order every time, so the
// diversity of an assignment is the same float64 on every run; plans
// record it, and the same inputs must give the same bytes.
func TestObjectiveIsTheSameEveryTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	n, G := 200, 20
	groups := make([]Bounds, G)
	for g := range groups {
		groups[g] = Bounds{Min: 10, Max: 10}
	}
	dense := randomDense(rng, n, groups)
	for i := range dense.Dist {
		dense.Dist[i] /= 7 // fractions, so the order of the sum shows
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			dense.Dist[i*n+j] = dense.Dist[j*n+i]
		}
	}
	numeric := randomCategorical(rng, n, 2, groups)
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.Float64() * 30
	}
	numeric.Numeric = []NumericAttr{{Name: "years", Weight: 1.3, Values: x}}
	group := make([]int, n)
	for i := range group {
		group[i] = i % G
	}
	for _, p := range []*Problem{dense, numeric} {
		want := p.Objective(group)
		for range 50 {
			require.Equal(t, want, p.Objective(group))
		}
	}
}
