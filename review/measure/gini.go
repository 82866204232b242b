package measure

// Gini is the Gini coefficient of xs: the mean absolute difference
// between every two values (each value with itself included) over twice
// their mean. It is 0 when all are equal, and approaches 1 as one value
// holds all of the total; 0 for an empty or all-zero input. The values
// are taken to be non-negative, as speaking times are.
func Gini(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	if len(xs) == 0 || sum <= 0 {
		return 0
	}
	var diff float64
	for i, x := range xs {
		for _, y := range xs[i+1:] {
			if x > y {
				diff += x - y
			} else {
				diff += y - x
			}
		}
	}
	// Each unordered pair counts twice in the sum over all ordered pairs:
	// G = Σ_i Σ_j |x_i - x_j| / (2 n² mean) = 2·diff / (2 n · sum).
	return diff / (float64(len(xs)) * sum)
}
