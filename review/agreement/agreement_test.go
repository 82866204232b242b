package agreement

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// na marks a missing rating in the tables below.
var na = math.NaN()

// byRater turns data written one row per rater, as the published examples
// print it, into [Ratings] of units × raters.
func byRater(raters ...[]float64) Ratings {
	r := make(Ratings, len(raters[0]))
	for u := range r {
		r[u] = make([]float64, len(raters))
		for j, row := range raters {
			r[u][j] = row[u]
		}
	}
	return r
}

// krippendorff2011 is the reliability data with missing values of
// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
// section C: 4 observers × 12 units, values 1–5. Unit 12 has a single
// value and is not pairable.
func krippendorff2011() Ratings {
	return byRater(
		[]float64{1, 2, 3, 3, 2, 1, 4, 1, 2, na, na, na}, // observer A
		[]float64{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, na, 3},   // observer B
		[]float64{na, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, na},  // observer C
		[]float64{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, na},   // observer D
	)
}

// shroutFleiss1979 is Table 2 of Shrout and Fleiss, "Intraclass
// correlations: uses in assessing rater reliability" (1979): four judges
// rate six targets.
func shroutFleiss1979() Ratings {
	return Ratings{
		{9, 2, 5, 8},
		{6, 1, 3, 2},
		{8, 4, 6, 8},
		{7, 1, 2, 6},
		{10, 5, 6, 9},
		{6, 2, 4, 7},
	}
}

func TestKrippendorffAlphaPublished(t *testing.T) {
	tests := []struct {
		name  string
		r     Ratings
		level Level
		want  float64 // published value, to 3 decimals
	}{
		{
			// Krippendorff (2011), section A, binary data, two observers,
			// no missing data: α = 0.095.
			name: "2011 A binary nominal",
			r: byRater(
				[]float64{0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
				[]float64{1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
			),
			level: Nominal,
			want:  0.095,
		},
		{
			// Krippendorff (2011), section B, nominal data, two observers,
			// no missing data: α = 0.692. The categories a–e are coded 1–5.
			name: "2011 B nominal",
			r: byRater(
				[]float64{1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1}, // a a b b d c c c e d d a
				[]float64{2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4}, // b a b b b c c c e d d d
			),
			level: Nominal,
			want:  0.692,
		},
		// Krippendorff (2011), section C, 4 observers, missing data:
		// nominal α = 0.743.
		{name: "2011 C nominal", r: krippendorff2011(), level: Nominal, want: 0.743},
		// Krippendorff (2011), section C: ordinal α = 0.815.
		{name: "2011 C ordinal", r: krippendorff2011(), level: Ordinal, want: 0.815},
		// Krippendorff (2011), section C: interval α = 0.849.
		{name: "2011 C interval", r: krippendorff2011(), level: Interval, want: 0.849},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := KrippendorffAlpha(tt.r, tt.level)
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, 0.0005, "got %.4f", got)
		})
	}
}

func TestKrippendorffAlphaEdges(t *testing.T) {
	tests := []struct {
		name    string
		r       Ratings
		want    float64 // at every level, when wantErr is nil
		wantErr error
	}{
		{name: "no units", r: nil, wantErr: ErrNotComputable},
		{
			name:    "single rater",
			r:       Ratings{{1}, {2}, {3}, {4}},
			wantErr: ErrNotComputable,
		},
		{
			name:    "no unit rated twice",
			r:       Ratings{{1, na}, {na, 2}, {3}},
			wantErr: ErrNotComputable,
		},
		{
			// Every pairable value is 3: the expected disagreement is 0,
			// so alpha is 0/0, not 1.
			name:    "all ratings identical",
			r:       Ratings{{3, 3, 3}, {3, 3, na}, {3, 3, 3}},
			wantErr: ErrNotComputable,
		},
		{
			// The lone 5 is not pairable, so the pairable values are all 3.
			name:    "variation only in an unpairable unit",
			r:       Ratings{{3, 3}, {5, na}, {3, 3}},
			wantErr: ErrNotComputable,
		},
		{
			name: "perfect agreement with variation",
			r:    Ratings{{1, 1, 1}, {2, 2, na}, {5, 5, 5}, {4, na, na}},
			want: 1,
		},
		{
			name:    "infinite rating",
			r:       Ratings{{1, 2}, {math.Inf(1), 2}},
			wantErr: ErrInvalidRating,
		},
	}
	for _, tt := range tests {
		for _, level := range []Level{Nominal, Ordinal, Interval} {
			t.Run(tt.name+"/"+level.String(), func(t *testing.T) {
				got, err := KrippendorffAlpha(tt.r, level)
				if tt.wantErr != nil {
					require.ErrorIs(t, err, tt.wantErr)
					assert.True(t, math.IsNaN(got), "got %v with the error", got)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
			})
		}
	}
}

func TestKrippendorffAlphaUnknownLevel(t *testing.T) {
	for _, level := range []Level{0, Interval + 1} {
		got, err := KrippendorffAlpha(krippendorff2011(), level)
		require.Error(t, err)
		assert.NotErrorIs(t, err, ErrNotComputable)
		assert.True(t, math.IsNaN(got))
	}
}

// Alpha does not change with the scale of interval data, and stays finite
// for ratings so large that their squared differences would overflow.
func TestKrippendorffAlphaIntervalScale(t *testing.T) {
	want, err := KrippendorffAlpha(krippendorff2011(), Interval)
	require.NoError(t, err)
	for _, f := range []float64{1e-300, 1e300, -1e300} {
		r := krippendorff2011()
		for _, row := range r {
			for j := range row {
				row[j] *= f
			}
		}
		got, err := KrippendorffAlpha(r, Interval)
		require.NoError(t, err)
		assert.InDelta(t, want, got, 1e-12, "factor %g", f)
	}
}

// A row shorter than the others is missing its trailing raters.
func TestKrippendorffAlphaRaggedRows(t *testing.T) {
	full := krippendorff2011()
	ragged := krippendorff2011()
	ragged[11] = ragged[11][:2] // unit 12: only observer B rated it
	ragged[10] = nil            // unit 11 loses C and D; A and B had not rated it
	full[10] = []float64{na, na, na, na}
	for _, level := range []Level{Nominal, Ordinal, Interval} {
		want, err := KrippendorffAlpha(full, level)
		require.NoError(t, err)
		got, err := KrippendorffAlpha(ragged, level)
		require.NoError(t, err)
		assert.Equal(t, want, got, level.String())
	}
}

func TestLevelString(t *testing.T) {
	assert.Equal(t, "nominal", Nominal.String())
	assert.Equal(t, "ordinal", Ordinal.String())
	assert.Equal(t, "interval", Interval.String())
	assert.Equal(t, "Level(0)", Level(0).String())
}

func TestICCPublished(t *testing.T) {
	// Mean squares of the analysis of variance of Table 2 in Shrout and
	// Fleiss (1979): BMS = 11.24, WMS = 6.26, JMS = 32.49, EMS = 1.02.
	a, err := twoWay(shroutFleiss1979())
	require.NoError(t, err)
	// twoWay works on the ratings divided by the largest one, 10, which
	// divides the mean squares by 100.
	const s = 100
	assert.InDelta(t, 11.24, s*a.bms, 0.005, "BMS")
	assert.InDelta(t, 6.26, s*a.wms, 0.005, "WMS")
	assert.InDelta(t, 32.49, s*a.jms, 0.005, "JMS")
	assert.InDelta(t, 1.02, s*a.ems, 0.005, "EMS")

	tests := []struct {
		name string
		icc  func(Ratings) (float64, error)
		want float64 // published value, to 2 decimals
	}{
		// Shrout and Fleiss (1979), ICCs for the data of Table 2: ICC(1,1) = .17.
		{name: "ICC(1,1)", icc: ICC11, want: 0.17},
		// Shrout and Fleiss (1979), ICCs for the data of Table 2: ICC(2,1) = .29.
		{name: "ICC(2,1)", icc: ICC21, want: 0.29},
		// Shrout and Fleiss (1979), ICCs for the data of Table 2: ICC(3,1) = .71.
		{name: "ICC(3,1)", icc: ICC31, want: 0.71},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.icc(shroutFleiss1979())
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, 0.005, "got %.4f", got)
		})
	}
}

func TestICCIncompleteUnitsDropped(t *testing.T) {
	want, err := ICC21(shroutFleiss1979())
	require.NoError(t, err)

	r := append(shroutFleiss1979(),
		[]float64{1, na, 10, 10}, // a missing rating
		[]float64{1, 10},         // a short row: judges 3 and 4 are missing
	)
	got, err := ICC21(r)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestICCEdges(t *testing.T) {
	tests := []struct {
		name    string
		r       Ratings
		want    float64 // for ICC(1,1), ICC(2,1) and ICC(3,1), when wantErr is nil
		wantErr error
	}{
		{name: "no units", r: nil, wantErr: ErrNotComputable},
		{name: "single rater", r: Ratings{{1}, {2}, {3}}, wantErr: ErrNotComputable},
		{
			name:    "one complete unit",
			r:       Ratings{{1, 2}, {3, na}, {na, 4}},
			wantErr: ErrNotComputable,
		},
		{
			name:    "all ratings identical",
			r:       Ratings{{3, 3, 3}, {3, 3, 3}},
			wantErr: ErrNotComputable,
		},
		{
			name: "perfect agreement with variation",
			r:    Ratings{{1, 1, 1}, {4, 4, 4}, {2, 2, 2}, {5, 5, na}},
			want: 1,
		},
		{
			name:    "infinite rating",
			r:       Ratings{{1, 2}, {math.Inf(-1), 2}, {3, 3}},
			wantErr: ErrInvalidRating,
		},
	}
	iccs := map[string]func(Ratings) (float64, error){"ICC(1,1)": ICC11, "ICC(2,1)": ICC21, "ICC(3,1)": ICC31}
	for _, tt := range tests {
		for name, icc := range iccs {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				got, err := icc(tt.r)
				if tt.wantErr != nil {
					require.ErrorIs(t, err, tt.wantErr)
					assert.True(t, math.IsNaN(got), "got %v with the error", got)
					return
				}
				require.NoError(t, err)
				assert.InDelta(t, tt.want, got, 1e-12)
			})
		}
	}
}

// Two units, two raters, and all the variation in the interaction: the
// ICC(2,1) denominator is exactly 0 (BMS = JMS = 0, k − 1 − k/n = 0).
func TestICC21ZeroDenominator(t *testing.T) {
	got, err := ICC21(Ratings{{1, 2}, {2, 1}})
	require.ErrorIs(t, err, ErrNotComputable)
	assert.True(t, math.IsNaN(got))
}

// When raters differ only by a constant, consistency is perfect but
// absolute agreement is not.
func TestICCRaterOffset(t *testing.T) {
	r := Ratings{{1, 2}, {2, 3}, {3, 4}, {4, 5}}
	got, err := ICC31(r)
	require.NoError(t, err)
	assert.InDelta(t, 1, got, 1e-12)

	// Hand computation: n = 4, k = 2; BMS = 2·5/3 = 10/3, JMS = 4·0.5/1 = 2,
	// EMS = 0; ICC(2,1) = (10/3) / (10/3 + 2·2/4) = 10/13.
	got, err = ICC21(r)
	require.NoError(t, err)
	assert.InDelta(t, 10.0/13, got, 1e-12)
}

func TestLeniency(t *testing.T) {
	tests := []struct {
		name string
		r    Ratings
		want []float64
	}{
		{name: "no units", r: nil, want: []float64{}},
		{
			// Unit 0: 1 − 2.5, 2 − 2, 3 − 1.5. Unit 1: 2 − 4, 4 − 2.
			// Unit 2 has one rating and does not count.
			// Rater 0: (−1.5 − 2)/2; rater 1: 0/1; rater 2: (1.5 + 2)/2.
			name: "three raters with gaps",
			r: Ratings{
				{1, 2, 3},
				{2, na, 4},
				{na, 5, na},
			},
			want: []float64{-1.75, 0, 1.75},
		},
		{
			// Rater 2 rated only unit 1, alone: nothing to compare.
			// Rater 3 never rated. Unit 0: 4 − 2, 2 − 4.
			name: "rater never alongside another",
			r: Ratings{
				{4, 2, na, na},
				{na, na, 3},
			},
			want: []float64{2, -2, na, na},
		},
		{
			name: "single rater",
			r:    Ratings{{1}, {5}},
			want: []float64{na},
		},
		{
			// Unit 0: 5 − (3 + 1)/2 = 3, 3 − 3 = 0, 1 − 4 = −3.
			// Unit 1: 5 − 3 = 2, 3 − 5 = −2 (rater 2 is past the row end).
			name: "short row",
			r:    Ratings{{5, 3, 1}, {5, 3}},
			want: []float64{2.5, -1, -3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Leniency(tt.r)
			require.Len(t, got, len(tt.want))
			for j := range tt.want {
				if math.IsNaN(tt.want[j]) {
					assert.True(t, math.IsNaN(got[j]), "rater %d: got %v, want NaN", j, got[j])
					continue
				}
				assert.InDelta(t, tt.want[j], got[j], 1e-12, "rater %d", j)
			}
		})
	}
}

func TestDisagreements(t *testing.T) {
	r := Ratings{
		{1, 3, 2},   // spread 2
		{2, 3, na},  // spread 1
		{5, 1, 1},   // spread 4, two raters at the minimum
		{4},         // one rating: cannot disagree
		{na, 5, 3},  // spread 2
		{na, na, 2}, // one rating
	}
	tests := []struct {
		name      string
		threshold float64
		want      []Disagreement
	}{
		{
			name:      "two points",
			threshold: 2,
			want: []Disagreement{
				{Unit: 0, Min: 1, Max: 3, MinRaters: []int{0}, MaxRaters: []int{1}},
				{Unit: 2, Min: 1, Max: 5, MinRaters: []int{1, 2}, MaxRaters: []int{0}},
				{Unit: 4, Min: 3, Max: 5, MinRaters: []int{2}, MaxRaters: []int{1}},
			},
		},
		{
			name:      "three points",
			threshold: 3,
			want: []Disagreement{
				{Unit: 2, Min: 1, Max: 5, MinRaters: []int{1, 2}, MaxRaters: []int{0}},
			},
		},
		{name: "above every spread", threshold: 4.5, want: nil},
		{
			name:      "zero lists every unit with two ratings",
			threshold: 0,
			want: []Disagreement{
				{Unit: 0, Min: 1, Max: 3, MinRaters: []int{0}, MaxRaters: []int{1}},
				{Unit: 1, Min: 2, Max: 3, MinRaters: []int{0}, MaxRaters: []int{1}},
				{Unit: 2, Min: 1, Max: 5, MinRaters: []int{1, 2}, MaxRaters: []int{0}},
				{Unit: 4, Min: 3, Max: 5, MinRaters: []int{2}, MaxRaters: []int{1}},
			},
		},
		{name: "NaN threshold", threshold: na, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Disagreements(r, tt.threshold))
		})
	}
}

func TestDisagreementsAllAgree(t *testing.T) {
	r := Ratings{{3, 3, 3}, {2, 2, 2}}
	got := Disagreements(r, 0)
	require.Len(t, got, 2)
	assert.Equal(t, Disagreement{Unit: 1, Min: 2, Max: 2, MinRaters: []int{0, 1, 2}, MaxRaters: []int{0, 1, 2}}, got[1])
	assert.Zero(t, got[1].Spread())
}

// FuzzKrippendorff builds a ratings matrix from bytes and checks that
// alpha never panics and, when computable, is a number no greater than 1;
// and likewise for ICC(2,1). The first byte sets the number of raters;
// each further byte is one rating, missing when its low three bits are
// all set, otherwise a half-point value scaled by the given factor.
func FuzzKrippendorff(f *testing.F) {
	encode := func(r Ratings) []byte {
		b := []byte{byte(r.Raters() - 1)}
		for u := range r {
			for j := range r.Raters() {
				v := r.At(u, j)
				if math.IsNaN(v) {
					b = append(b, 7)
					continue
				}
				b = append(b, byte(2*v)<<3)
			}
		}
		return b
	}
	for _, level := range []Level{Nominal, Ordinal, Interval} {
		f.Add(encode(krippendorff2011()), uint8(level), 1.0)
	}
	f.Add(encode(Ratings{{3, 3}, {3, 3}}), uint8(Ordinal), 1.0)
	f.Add([]byte{0, 1, 2, 3}, uint8(Nominal), 1.0)
	f.Add([]byte{3, 1, 2, 3, 4, 5, 6, 0, 1, 7, 7, 2}, uint8(Interval), 1e300)

	f.Fuzz(func(t *testing.T, data []byte, lv uint8, scale float64) {
		// Past 1e300 a rating could overflow to ±Inf, which is invalid input.
		if len(data) == 0 || math.IsNaN(scale) || math.Abs(scale) > 1e300 {
			t.Skip()
		}
		k := int(data[0]%8) + 1
		var r Ratings
		for i, b := range data[1:] {
			if i%k == 0 {
				r = append(r, nil)
			}
			v := na
			if b&7 != 7 {
				v = float64(b>>3) / 2 * scale
			}
			r[len(r)-1] = append(r[len(r)-1], v)
		}

		level := Level(lv%3) + Nominal
		alpha, err := KrippendorffAlpha(r, level)
		if err != nil {
			require.True(t, errors.Is(err, ErrNotComputable), "unexpected error: %v", err)
			require.True(t, math.IsNaN(alpha))
		} else {
			require.False(t, math.IsNaN(alpha) || math.IsInf(alpha, 0), "alpha = %v", alpha)
			require.LessOrEqual(t, alpha, 1.0)
		}

		icc, err := ICC21(r)
		if err != nil {
			require.True(t, errors.Is(err, ErrNotComputable), "unexpected error: %v", err)
			require.True(t, math.IsNaN(icc))
		} else {
			require.False(t, math.IsNaN(icc) || math.IsInf(icc, 0), "ICC(2,1) = %v", icc)
			require.LessOrEqual(t, icc, 1.0)
		}

		lenient := Leniency(r)
		require.Len(t, lenient, r.Raters())
		for _, l := range lenient {
			require.False(t, math.IsInf(l, 0), "leniency %v", l)
		}
		for _, d := range Disagreements(r, 2*scale) {
			require.GreaterOrEqual(t, d.Spread(), 2*scale)
			require.NotEmpty(t, d.MinRaters)
			require.NotEmpty(t, d.MaxRaters)
		}
	})
}
