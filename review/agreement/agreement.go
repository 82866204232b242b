package agreement

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Ratings holds the ratings for one rubric dimension: Ratings[u][j] is
// the rating that rater j gave unit u. A unit is a group being scored
// and a rater is a reviewer.
//
// A missing rating is math.NaN(). A row shorter than the longest row is
// missing the ratings of the raters past its end, so the number of
// raters is the length of the longest row (see [Ratings.Raters]).
// Every present rating must be finite; ±Inf is rejected by
// [Ratings.Validate].
type Ratings [][]float64

// ErrNotComputable is wrapped by the errors of functions whose statistic
// the data cannot support, such as too few ratings or no variation at
// all. The error message says which.
var ErrNotComputable = errors.New("not computable")

// ErrInvalidRating is wrapped by the error [Ratings.Validate] returns for
// a rating that is ±Inf.
var ErrInvalidRating = errors.New("invalid rating")

// Units reports the number of units (rows) in r.
func (r Ratings) Units() int { return len(r) }

// Raters reports the number of raters in r: the length of its longest row.
func (r Ratings) Raters() int {
	k := 0
	for _, row := range r {
		k = max(k, len(row))
	}
	return k
}

// At returns the rating rater j gave unit u, or NaN when it is missing,
// including when j is past the end of the unit's row.
func (r Ratings) At(u, j int) float64 {
	if j >= len(r[u]) {
		return math.NaN()
	}
	return r[u][j]
}

// Validate reports the first rating that is ±Inf, as an error wrapping
// [ErrInvalidRating]. NaN is not an error: it marks a missing rating.
func (r Ratings) Validate() error {
	for u, row := range r {
		for j, v := range row {
			if math.IsInf(v, 0) {
				return fmt.Errorf("unit %d, rater %d: %w: %v", u, j, ErrInvalidRating, v)
			}
		}
	}
	return nil
}

// present returns the ratings of unit u that are not missing, in rater
// order.
func (r Ratings) present(u int) []float64 {
	var vs []float64
	for _, v := range r[u] {
		if !math.IsNaN(v) {
			vs = append(vs, v)
		}
	}
	return vs
}

// Level is the level of measurement of the ratings, which sets the
// distance [KrippendorffAlpha] uses between two values.
type Level int

const (
	// Nominal treats values as unordered categories: two values agree
	// when equal and disagree equally otherwise.
	Nominal Level = iota + 1
	// Ordinal treats values as ranks. The distance between two values
	// grows with how many of the observed values lie between them, so
	// it depends on the frequencies of the values actually observed.
	// Yishi's 1–5 rubric scores are ordinal.
	Ordinal
	// Interval treats values as points on a scale with equal steps: the
	// distance between two values is their squared difference.
	Interval
)

// String returns the name of the level, such as "ordinal".
func (l Level) String() string {
	switch l {
	case Nominal:
		return "nominal"
	case Ordinal:
		return "ordinal"
	case Interval:
		return "interval"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// KrippendorffAlpha returns Krippendorff's alpha for the ratings r at the
// given level of measurement, following the coincidence-matrix method of
// K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011):
//
//	alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
//
// where o_ck are the coincidences of values c and k within units, n_c
// their marginals, n the number of pairable values and δ² the distance
// for the level.
//
// Missing ratings are allowed. A unit with fewer than two ratings has no
// pair to compare and drops out; so do its values from n and n_c.
//
// The error wraps [ErrNotComputable] when fewer than two values are
// pairable, or when the pairable values are all the same: then the
// expected disagreement is 0 and alpha is 0/0. It wraps
// [ErrInvalidRating] when a rating is ±Inf. On any error alpha is NaN.
func KrippendorffAlpha(r Ratings, level Level) (float64, error) {
	if level != Nominal && level != Ordinal && level != Interval {
		return math.NaN(), fmt.Errorf("krippendorff alpha: unknown level %v", level)
	}
	if err := r.Validate(); err != nil {
		return math.NaN(), fmt.Errorf("krippendorff alpha: %w", err)
	}

	// The pairable units, and the marginals n_c of the coincidence
	// matrix: a value is the first of m−1 ordered pairs in its unit of m
	// values, each weighted 1/(m−1), so it adds exactly 1 to n_c.
	var units [][]float64
	freq := map[float64]float64{}
	n := 0.0
	for u := range r {
		vs := r.present(u)
		if len(vs) < 2 {
			continue
		}
		units = append(units, vs)
		for _, v := range vs {
			freq[v]++
		}
		n += float64(len(vs))
	}
	if n < 2 {
		return math.NaN(), fmt.Errorf("krippendorff alpha: %w: %v pairable values, need at least 2", ErrNotComputable, n)
	}

	values := make([]float64, 0, len(freq))
	for v := range freq {
		values = append(values, v)
	}
	slices.Sort(values)
	delta2 := distance(level, values, freq)

	// Σ_c Σ_k n_c n_k δ²_ck over the distinct values.
	expected := 0.0
	for i, c := range values {
		for _, k := range values[i+1:] {
			expected += 2 * freq[c] * freq[k] * delta2(c, k)
		}
	}
	if expected == 0 {
		return math.NaN(), fmt.Errorf("krippendorff alpha: %w: all pairable values are the same, so there is no disagreement to expect", ErrNotComputable)
	}

	// Σ_c Σ_k o_ck δ²_ck, summed unit by unit: o_ck is the sum over units
	// of the ordered pairs (c, k) in the unit, each weighted 1/(m_u − 1),
	// so there is no need to hold the matrix itself.
	observed := 0.0
	for _, vs := range units {
		sum := 0.0
		for i, c := range vs {
			for _, k := range vs[i+1:] {
				sum += 2 * delta2(c, k)
			}
		}
		observed += sum / float64(len(vs)-1)
	}

	return 1 - (n-1)*observed/expected, nil
}

// distance returns the squared distance δ² between two observed values
// for the level. values are the distinct pairable values in increasing
// order and freq their marginals n_g.
func distance(level Level, values []float64, freq map[float64]float64) func(c, k float64) float64 {
	switch level {
	case Ordinal:
		// δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)². With cum[v] the sum of
		// n_g for g < v, the inner sum is cum[k] + n_k − cum[c] when c ≤ k.
		cum := make(map[float64]float64, len(values))
		s := 0.0
		for _, v := range values {
			cum[v] = s
			s += freq[v]
		}
		return func(c, k float64) float64 {
			if c > k {
				c, k = k, c
			}
			d := cum[k] + freq[k] - cum[c] - (freq[c]+freq[k])/2
			return d * d
		}
	case Interval:
		// Alpha does not change when every value is multiplied by the same
		// factor; measuring differences in units of the largest |value|
		// keeps the squares finite for any finite ratings.
		scale := max(math.Abs(values[0]), math.Abs(values[len(values)-1]))
		if scale == 0 {
			scale = 1
		}
		return func(c, k float64) float64 {
			d := c/scale - k/scale
			return d * d
		}
	default:
		return func(c, k float64) float64 {
			if c == k {
				return 0
			}
			return 1
		}
	}
}

// ICC21 returns ICC(2,1) of P. E. Shrout and J. L. Fleiss, "Intraclass
// correlations: uses in assessing rater reliability" (1979): two-way
// random effects, absolute agreement, single rater. Raters are taken as
// a random sample of reviewers, and a reviewer who scores every group
// higher counts against agreement.
//
// It uses complete units only: a unit missing any rater's rating is
// dropped. The error wraps [ErrNotComputable] when fewer than two raters
// or fewer than two complete units remain, or when the ratings have no
// variation to apportion; it wraps [ErrInvalidRating] when a rating is
// ±Inf. On any error the result is NaN.
func ICC21(r Ratings) (float64, error) {
	a, err := twoWay(r)
	if err != nil {
		return math.NaN(), fmt.Errorf("ICC(2,1): %w", err)
	}
	// The denominator BMS + (k−1)EMS + k(JMS−EMS)/n, written as the
	// numerator plus non-negative terms so that rounding cannot lift the
	// coefficient above 1.
	n, k := float64(a.units), float64(a.raters)
	num := a.bms - a.ems
	den := num + k*a.ems*(1-1/n) + k*a.jms/n
	return a.ratio(num, den, "ICC(2,1)")
}

// ICC11 returns ICC(1,1) of Shrout and Fleiss (1979): one-way random
// effects, each unit rated by its own raters, single rater. It drops
// incomplete units and fails as [ICC21] does.
func ICC11(r Ratings) (float64, error) {
	a, err := twoWay(r)
	if err != nil {
		return math.NaN(), fmt.Errorf("ICC(1,1): %w", err)
	}
	// BMS + (k−1)WMS, written as in [ICC21].
	num := a.bms - a.wms
	return a.ratio(num, num+float64(a.raters)*a.wms, "ICC(1,1)")
}

// ICC31 returns ICC(3,1) of Shrout and Fleiss (1979): two-way mixed
// effects, consistency, single rater. Raters are fixed, and a reviewer
// who scores every group higher does not count against agreement. It
// drops incomplete units and fails as [ICC21] does.
func ICC31(r Ratings) (float64, error) {
	a, err := twoWay(r)
	if err != nil {
		return math.NaN(), fmt.Errorf("ICC(3,1): %w", err)
	}
	// BMS + (k−1)EMS, written as in [ICC21].
	num := a.bms - a.ems
	return a.ratio(num, num+float64(a.raters)*a.ems, "ICC(3,1)")
}

// anova holds the mean squares of the two-way analysis of variance of
// complete units by raters, in the names of Shrout and Fleiss (1979).
type anova struct {
	units, raters int
	bms           float64 // between units (targets)
	jms           float64 // between raters (judges)
	ems           float64 // residual
	wms           float64 // within units
	total         float64 // total sum of squares
}

// twoWay computes the mean squares over the complete units of r.
func twoWay(r Ratings) (anova, error) {
	if err := r.Validate(); err != nil {
		return anova{}, err
	}
	k := r.Raters()
	if k < 2 {
		return anova{}, fmt.Errorf("%w: %d raters, need at least 2", ErrNotComputable, k)
	}
	var rows [][]float64
	for u := range r {
		if vs := r.present(u); len(vs) == k {
			rows = append(rows, vs)
		}
	}
	n := len(rows)
	if n < 2 {
		return anova{}, fmt.Errorf("%w: %d units rated by every rater, need at least 2", ErrNotComputable, n)
	}
	// The coefficients do not change when every rating is multiplied by
	// the same factor; bringing the ratings into [−1, 1] keeps the sums of
	// squares finite for any finite ratings.
	scale := 0.0
	for _, row := range rows {
		for _, v := range row {
			scale = max(scale, math.Abs(v))
		}
	}
	if scale > 0 {
		for _, row := range rows { // copies made by present
			for j := range row {
				row[j] /= scale
			}
		}
	}

	grand := 0.0
	rowMean := make([]float64, n)
	colMean := make([]float64, k)
	for i, row := range rows {
		for j, v := range row {
			rowMean[i] += v
			colMean[j] += v
			grand += v
		}
	}
	grand /= float64(n * k)
	for i := range rowMean {
		rowMean[i] /= float64(k)
	}
	for j := range colMean {
		colMean[j] /= float64(n)
	}

	var ssRows, ssCols, ssErr, ssWithin, ssTotal float64
	for _, m := range rowMean {
		ssRows += (m - grand) * (m - grand)
	}
	ssRows *= float64(k)
	for _, m := range colMean {
		ssCols += (m - grand) * (m - grand)
	}
	ssCols *= float64(n)
	for i, row := range rows {
		for j, v := range row {
			e := v - rowMean[i] - colMean[j] + grand
			ssErr += e * e
			ssWithin += (v - rowMean[i]) * (v - rowMean[i])
			ssTotal += (v - grand) * (v - grand)
		}
	}

	fn, fk := float64(n), float64(k)
	return anova{
		units:  n,
		raters: k,
		bms:    ssRows / (fn - 1),
		jms:    ssCols / (fk - 1),
		ems:    ssErr / ((fn - 1) * (fk - 1)),
		wms:    ssWithin / (fn * (fk - 1)),
		total:  ssTotal,
	}, nil
}

// ratio returns num/den, or an error when den is zero up to rounding.
// The denominators are sums of non-negative mean squares, and are zero
// when the ratings have no variation the coefficient can apportion (for
// instance when all ratings are equal); rounding can then leave a tiny
// positive den that would blow up into a meaningless coefficient.
func (a anova) ratio(num, den float64, name string) (float64, error) {
	if den <= 1e-12*a.total {
		return math.NaN(), fmt.Errorf("%s: %w: the ratings leave no variance for the coefficient to apportion", name, ErrNotComputable)
	}
	return num / den, nil
}

// Leniency returns, for each rater, how far that rater sits above (a
// positive value) or below (negative) the others: the mean over units of
// the rater's rating minus the mean of the other raters' ratings on that
// unit. Only units where the rater and at least one other rater gave a
// rating count.
//
// The result has one entry per rater, [Ratings.Raters] long. An entry is
// NaN when no unit counts for that rater, so there is nothing to compare.
func Leniency(r Ratings) []float64 {
	k := r.Raters()
	sum := make([]float64, k)
	count := make([]int, k)
	for _, row := range r {
		total, m := 0.0, 0
		for _, v := range row {
			if !math.IsNaN(v) {
				total += v
				m++
			}
		}
		if m < 2 {
			continue
		}
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			others := (total - v) / float64(m-1)
			sum[j] += v - others
			count[j]++
		}
	}
	out := make([]float64, k)
	for j := range out {
		if count[j] == 0 {
			out[j] = math.NaN()
			continue
		}
		out[j] = sum[j] / float64(count[j])
	}
	return out
}

// Disagreement is a unit on which the raters split: the spread between
// its lowest and highest rating reached the threshold given to
// [Disagreements].
type Disagreement struct {
	Unit      int     // index of the unit in the [Ratings]
	Min, Max  float64 // lowest and highest rating of the unit
	MinRaters []int   // raters who gave Min, in increasing order
	MaxRaters []int   // raters who gave Max, in increasing order
}

// Spread returns Max − Min.
func (d Disagreement) Spread() float64 { return d.Max - d.Min }

// Disagreements returns the units whose highest and lowest ratings differ
// by threshold or more (yishi flags 2 points on the 1–5 rubric), in unit
// order. A unit needs at least two ratings to disagree, so a threshold
// of 0 or less lists every unit with two or more ratings. A NaN threshold
// lists none.
func Disagreements(r Ratings, threshold float64) []Disagreement {
	var out []Disagreement
	for u, row := range r {
		d := Disagreement{Unit: u, Min: math.Inf(1), Max: math.Inf(-1)}
		m := 0
		for _, v := range row {
			if math.IsNaN(v) {
				continue
			}
			m++
			d.Min = min(d.Min, v)
			d.Max = max(d.Max, v)
		}
		if m < 2 || !(d.Spread() >= threshold) {
			continue
		}
		for j, v := range row {
			if v == d.Min {
				d.MinRaters = append(d.MinRaters, j)
			}
			if v == d.Max {
				d.MaxRaters = append(d.MaxRaters, j)
			}
		}
		out = append(out, d)
	}
	return out
}
