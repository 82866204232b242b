package roles

import "math"

// minCostAssignment solves the rectangular assignment problem: cost is an
// n×m matrix with n <= m; it returns for each row the column assigned to it
// so that the total cost is least, every row gets a distinct column, and no
// row is given a column of cost +Inf (such a row gets -1). It is the
// Hungarian method with potentials (Kuhn–Munkres, O(n²m)).
func minCostAssignment(cost [][]float64) []int {
	n := len(cost)
	if n == 0 {
		return nil
	}
	m := len(cost[0])
	// Forbidden pairs get a cost larger than any sum of allowed ones, so they
	// are only used when a row has nothing else; we then report -1.
	big := 1.0
	for _, row := range cost {
		for _, c := range row {
			if !math.IsInf(c, 1) {
				big += math.Abs(c)
			}
		}
	}
	big *= 4
	c := func(i, j int) float64 {
		if math.IsInf(cost[i][j], 1) {
			return big
		}
		return cost[i][j]
	}
	// 1-based arrays as in the classic formulation.
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1) // p[j]: row matched to column j
	way := make([]int, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := c(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for j := 1; j <= m; j++ {
		if p[j] > 0 && !math.IsInf(cost[p[j]-1][j-1], 1) {
			out[p[j]-1] = j - 1
		}
	}
	return out
}
