package review

import (
	"math"
	"sort"

	"github.com/yishi-council/yishi/review/agreement"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// DisagreementThreshold is the spread, in points, between two reviewers'
// scores of one group on one dimension that the report flags.
const DisagreementThreshold = 2

// Stat is a statistic that may not be computable from the data at hand.
// Exactly one of Value and NotComputable is set: the report never shows a
// stand-in number for a statistic the data cannot support.
type Stat struct {
	Value *float64 `json:"value"`
	// NotComputable says why there is no value, in the report's language.
	NotComputable string `json:"not_computable,omitempty"`
}

func value(v float64) Stat {
	r := scenario.Round3(v)
	return Stat{Value: &r}
}

func notComputable(reason string) Stat { return Stat{NotComputable: reason} }

// unit is one group of one round: what reviewers rate.
type unit struct{ round, group int }

// table holds the sheets arranged for the statistics: the units that have
// at least one sheet, the reviewers sorted by name, and each sheet by unit
// and reviewer.
type table struct {
	units     []unit
	reviewers []string
	sheet     map[unit]map[int]*Scoresheet // unit → reviewer index → sheet
}

func newTable(p *plan.Plan, sheets []Scoresheet) *table {
	t := &table{sheet: map[unit]map[int]*Scoresheet{}}
	names := map[string]string{}
	for _, sh := range sheets {
		k := reviewerKey(sh.Reviewer)
		if _, ok := names[k]; !ok {
			names[k] = sh.Reviewer
		}
	}
	keys := sortedKeys(names)
	index := map[string]int{}
	for i, k := range keys {
		t.reviewers = append(t.reviewers, names[k])
		index[k] = i
	}
	for i := range sheets {
		sh := &sheets[i]
		u := unit{sh.Round, sh.Group}
		if t.sheet[u] == nil {
			t.sheet[u] = map[int]*Scoresheet{}
		}
		j := index[reviewerKey(sh.Reviewer)]
		if _, dup := t.sheet[u][j]; !dup { // duplicates are reported by CheckScoresheets; the first wins
			t.sheet[u][j] = sh
		}
	}
	// Units in plan order.
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			if _, ok := t.sheet[unit{rd.Round, g.Group}]; ok {
				t.units = append(t.units, unit{rd.Round, g.Group})
			}
		}
	}
	return t
}

// score returns reviewer j's score of unit u on dimension dim, or NaN.
func (t *table) score(u unit, j int, dim string) float64 {
	sh, ok := t.sheet[u][j]
	if !ok {
		return math.NaN()
	}
	sc, ok := sh.Scores[dim]
	if !ok || sc.Value == nil {
		return math.NaN()
	}
	return float64(*sc.Value)
}

// ratings builds the units × reviewers matrix for one dimension.
func (t *table) ratings(dim string) agreement.Ratings {
	r := make(agreement.Ratings, len(t.units))
	for i, u := range t.units {
		row := make([]float64, len(t.reviewers))
		for j := range t.reviewers {
			row[j] = t.score(u, j, dim)
		}
		r[i] = row
	}
	return r
}

// DimensionAgreement is how well the reviewers agree on one dimension,
// over every group of every round they scored.
type DimensionAgreement struct {
	Dimension string `json:"dimension"`
	Title     string `json:"title"`
	// Units counts the groups scored on the dimension by two reviewers or
	// more; Reviewers counts the reviewers who scored it at all.
	Units     int `json:"units"`
	Reviewers int `json:"reviewers"`
	// Alpha is Krippendorff's alpha for ordinal data, tolerant of missing
	// scores; ICC is ICC(2,1), absolute agreement of a single reviewer, on
	// the groups every reviewer scored.
	Alpha Stat `json:"alpha_ordinal"`
	ICC   Stat `json:"icc_2_1"`
	// Reading puts Alpha in words after Krippendorff (2004): reliable
	// from 0.8, tentative from 0.667, else not reliable.
	Reading string `json:"reading,omitempty"`
}

func dimensionAgreement(t *table, d scenario.Dimension, lang string) DimensionAgreement {
	r := t.ratings(d.ID)
	out := DimensionAgreement{Dimension: d.ID, Title: d.Title.In(lang)}
	scored := map[int]bool{}
	for u := range r {
		n := 0
		for j, v := range r[u] {
			if !math.IsNaN(v) {
				n++
				scored[j] = true
			}
		}
		if n >= 2 {
			out.Units++
		}
	}
	out.Reviewers = len(scored)
	if out.Reviewers < 2 {
		reason := words.In(lang, "nc_one_reviewer")
		if out.Reviewers == 0 {
			reason = words.In(lang, "nc_no_scores")
		}
		out.Alpha, out.ICC = notComputable(reason), notComputable(reason)
		return out
	}
	out.Alpha, out.Reading = alphaStat(r, out.Units, lang)
	out.ICC = iccStat(t, r, scored, lang)
	return out
}

// alphaStat is Krippendorff's alpha of the ratings and its reading, or why
// it cannot be computed; units counts the groups two reviewers or more
// scored.
func alphaStat(r agreement.Ratings, units int, lang string) (Stat, string) {
	a, err := agreement.KrippendorffAlpha(r, agreement.Ordinal)
	switch {
	case err == nil && a >= 0.8:
		return value(a), words.In(lang, "alpha_reliable")
	case err == nil && a >= 0.667:
		return value(a), words.In(lang, "alpha_tentative")
	case err == nil:
		return value(a), words.In(lang, "alpha_unreliable")
	case units == 0:
		return notComputable(words.In(lang, "nc_no_pairs")), ""
	}
	return notComputable(words.In(lang, "nc_all_same")), ""
}

// iccStat is ICC(2,1) of the ratings, or why it cannot be computed. ICC
// needs every reviewer on a unit; reviewers who never scored the
// dimension (not in scored) are left out of its matrix.
func iccStat(t *table, r agreement.Ratings, scored map[int]bool, lang string) Stat {
	var cols []int
	for j := range t.reviewers {
		if scored[j] {
			cols = append(cols, j)
		}
	}
	complete := 0
	sub := make(agreement.Ratings, len(r))
	for u := range r {
		row := make([]float64, len(cols))
		all := true
		for i, j := range cols {
			row[i] = r[u][j]
			all = all && !math.IsNaN(row[i])
		}
		if all {
			complete++
		}
		sub[u] = row
	}
	if icc, err := agreement.ICC21(sub); err == nil {
		return value(icc)
	} else if complete < 2 {
		return notComputable(words.In(lang, "nc_few_complete"))
	}
	return notComputable(words.In(lang, "nc_no_variance"))
}

// ReviewerLeniency is how far one reviewer's scores sit above (positive)
// or below (negative) the other reviewers' on the same group and
// dimension, averaged over every group and dimension they shared.
type ReviewerLeniency struct {
	Reviewer string `json:"reviewer"`
	Leniency Stat   `json:"leniency"`
	// Compared counts the group-and-dimension scores that were compared.
	Compared int `json:"compared"`
	// Sheets counts the reviewer's scoresheets.
	Sheets int `json:"sheets"`
}

func leniency(t *table, dims []string, lang string) []ReviewerLeniency {
	// One matrix whose units are (group, dimension) pairs: Leniency then
	// averages each reviewer's deviation from the others over all of them.
	var r agreement.Ratings
	for _, u := range t.units {
		for _, d := range dims {
			row := make([]float64, len(t.reviewers))
			for j := range t.reviewers {
				row[j] = t.score(u, j, d)
			}
			r = append(r, row)
		}
	}
	len_ := agreement.Leniency(r)
	out := make([]ReviewerLeniency, len(t.reviewers))
	for j, name := range t.reviewers {
		out[j].Reviewer = name
		for _, u := range t.units {
			if _, ok := t.sheet[u][j]; ok {
				out[j].Sheets++
			}
		}
		for _, row := range r {
			if math.IsNaN(row[j]) {
				continue
			}
			others := 0
			for k, v := range row {
				if k != j && !math.IsNaN(v) {
					others++
				}
			}
			if others > 0 {
				out[j].Compared++
			}
		}
		if j < len(len_) && !math.IsNaN(len_[j]) {
			out[j].Leniency = value(len_[j])
		} else {
			out[j].Leniency = notComputable(words.In(lang, "nc_no_shared"))
		}
	}
	return out
}

// Flag is a group and dimension on which reviewers' scores are
// [DisagreementThreshold] points apart or more, with who gave what and
// the evidence they wrote.
type Flag struct {
	Round     int             `json:"round"`
	Group     int             `json:"group"`
	Dimension string          `json:"dimension"`
	Title     string          `json:"title"`
	Spread    int             `json:"spread"`
	Scores    []ReviewerScore `json:"scores"`
}

// ReviewerScore is the score one reviewer gave, with their evidence.
type ReviewerScore struct {
	Reviewer string `json:"reviewer"`
	Score    *int   `json:"score"`
	Evidence string `json:"evidence,omitempty"`
}

func flags(t *table, r *scenario.Rubric, lang string) []Flag {
	var out []Flag
	for _, d := range r.Dimensions {
		for _, dis := range agreement.Disagreements(t.ratings(d.ID), DisagreementThreshold) {
			u := t.units[dis.Unit]
			f := Flag{Round: u.round, Group: u.group, Dimension: d.ID, Title: d.Title.In(lang), Spread: int(dis.Spread())}
			f.Scores = t.reviewerScores(u, d.ID)
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Round != out[j].Round {
			return out[i].Round < out[j].Round
		}
		return out[i].Group < out[j].Group
	})
	return out
}

// reviewerScores lists what each reviewer of unit u gave on dim, in
// reviewer order; reviewers without a sheet for u are left out.
func (t *table) reviewerScores(u unit, dim string) []ReviewerScore {
	var out []ReviewerScore
	for j, name := range t.reviewers {
		sh, ok := t.sheet[u][j]
		if !ok {
			continue
		}
		sc := sh.Scores[dim]
		out = append(out, ReviewerScore{Reviewer: name, Score: sc.Value, Evidence: sc.Evidence})
	}
	return out
}
