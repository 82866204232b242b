package measure

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// giniByRank is the Gini coefficient by the sorted-rank formula, written
// apart from [Gini] to check it: with x sorted ascending and ranks i from
// 1, G = 2 Σ i·x_i / (n Σ x) − (n + 1) / n.
func giniByRank(xs []float64) float64 {
	n := float64(len(xs))
	s := slices.Clone(xs)
	slices.Sort(s)
	var sum, ranked float64
	for i, x := range s {
		sum += x
		ranked += float64(i+1) * x
	}
	if sum == 0 {
		return 0
	}
	return 2*ranked/(n*sum) - (n+1)/n
}

func TestGiniEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"empty", nil, 0},
		{"one value", []float64{7}, 0},
		{"all zero", []float64{0, 0, 0}, 0},
		{"all equal", []float64{3, 3, 3, 3}, 0},
		{"one of two speaks", []float64{0, 10}, 0.5},
		{"one of five speaks", []float64{0, 0, 9, 0, 0}, 0.8},
		{"1, 2, 3", []float64{1, 2, 3}, 2.0 / 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, Gini(tt.xs), delta)
			assert.InDelta(t, tt.want, giniByRank(tt.xs), delta, "the second implementation agrees on the hand-computed value")
		})
	}
}

func TestGiniAgreesWithTheRankFormula(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2026))
	for i := range 500 {
		xs := make([]float64, 1+r.IntN(12))
		for j := range xs {
			switch r.IntN(4) {
			case 0: // a silent member
			case 1:
				xs[j] = float64(r.IntN(5)) // ties
			default:
				xs[j] = r.Float64() * 3600
			}
		}
		g := Gini(xs)
		assert.InDelta(t, giniByRank(xs), g, 1e-9, "case %d: %v", i, xs)
		assert.GreaterOrEqual(t, g, 0.0)
		assert.Less(t, g, 1.0)
		// Scaling every value leaves the coefficient as it is; the order
		// of the values does not matter.
		scaled := make([]float64, len(xs))
		for j, x := range xs {
			scaled[j] = 60 * x
		}
		assert.InDelta(t, g, Gini(scaled), 1e-9)
		r.Shuffle(len(xs), func(a, b int) { xs[a], xs[b] = xs[b], xs[a] })
		assert.InDelta(t, g, Gini(xs), 1e-9)
	}
}
