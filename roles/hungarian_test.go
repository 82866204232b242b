package roles

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bruteAssignment tries every injective map of rows to columns.
func bruteAssignment(cost [][]float64) float64 {
	n, m := len(cost), len(cost[0])
	best := math.Inf(1)
	used := make([]bool, m)
	var rec func(i int, sum float64)
	rec = func(i int, sum float64) {
		if i == n {
			best = min(best, sum)
			return
		}
		for j := 0; j < m; j++ {
			if !used[j] && !math.IsInf(cost[i][j], 1) {
				used[j] = true
				rec(i+1, sum+cost[i][j])
				used[j] = false
			}
		}
	}
	rec(0, 0)
	return best
}

func TestMinCostAssignmentMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(5)
		m := n + rng.IntN(3)
		cost := make([][]float64, n)
		for i := range cost {
			cost[i] = make([]float64, m)
			for j := range cost[i] {
				cost[i][j] = float64(rng.IntN(20) - 5)
				if rng.IntN(8) == 0 {
					cost[i][j] = math.Inf(1)
				}
			}
		}
		want := bruteAssignment(cost)
		got := minCostAssignment(cost)
		require.Len(t, got, n)
		if math.IsInf(want, 1) {
			continue // some row cannot be placed; checked below
		}
		sum := 0.0
		seen := map[int]bool{}
		for i, j := range got {
			require.GreaterOrEqual(t, j, 0, "trial %d: row %d placed", trial, i)
			require.False(t, seen[j], "columns are distinct")
			seen[j] = true
			sum += cost[i][j]
		}
		assert.InDelta(t, want, sum, 1e-9, "trial %d", trial)
	}
}

func TestMinCostAssignmentForbidden(t *testing.T) {
	inf := math.Inf(1)
	// Row 1 may only take column 0, which row 0 would like too.
	got := minCostAssignment([][]float64{{0, 5}, {1, inf}})
	assert.Equal(t, []int{1, 0}, got)
	// A row with nothing allowed gets -1.
	got = minCostAssignment([][]float64{{inf, inf}, {0, 1}})
	assert.Equal(t, -1, got[0])
	assert.Equal(t, 0, got[1])
}
