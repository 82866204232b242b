// Package history is a cohort's training days side by side: who sat in
// which group, played which role, and what their group scored, day after
// day. A [Day] is made from a plan, its scenario and its debrief report
// ([DayOf]); [Timeline] lists each trainee's days in date order, [Table]
// and [JSON] render that listing, and [Earlier] turns the days into what
// assignment needs to avoid earlier pairings and rotate host and recorder
// over days ([roles.Earlier]).
//
// The package is pure: the days are kept by the CLI's cohort database.
package history

import (
	"cmp"
	"slices"

	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Day is one training day of a cohort: one plan, its seats and its
// groups' scores.
type Day struct {
	// Plan is the plan's id ([plan.Plan.ID]); a cohort keeps one day per
	// plan.
	Plan string `json:"plan"`
	// Date is the day, as YYYY-MM-DD.
	Date string `json:"date"`
	// Scenario and Title are the scenario's id and title; Language its
	// language (en or zh).
	Scenario string `json:"scenario"`
	Title    string `json:"title"`
	Language string `json:"language"`
	// Seats are every trainee's place in every round, by round, group and
	// the plan's order of members.
	Seats []Seat `json:"seats"`
	// Scores are each group's mean per rubric dimension, by round, group
	// and rubric order; Totals each group's weighted total.
	Scores []GroupScore `json:"scores"`
	Totals []GroupTotal `json:"totals"`
}

// Seat is one trainee in one group of one round, and the role they played.
type Seat struct {
	Round   int    `json:"round"`
	Group   int    `json:"group"`
	Trainee string `json:"trainee"`
	Name    string `json:"name"`
	Unit    string `json:"unit"`
	// Role is the role's id, RoleTitle its title in the scenario's
	// language, Function its function (host, recorder, stakeholder,
	// observer); empty when the trainee had no role.
	Role      string `json:"role"`
	RoleTitle string `json:"role_title"`
	Function  string `json:"function"`
}

// GroupScore is one group's mean score on one rubric dimension.
type GroupScore struct {
	Round     int    `json:"round"`
	Group     int    `json:"group"`
	Dimension string `json:"dimension"`
	Title     string `json:"title"`
	// Owner is the role function answerable for the dimension
	// ([scenario.Dimension.Owner]); empty for the whole group.
	Owner string `json:"owner"`
	// Mean is nil when no reviewer scored the dimension; N counts those
	// who did.
	Mean *float64 `json:"mean"`
	N    int      `json:"n"`
}

// GroupTotal is one group's weighted total, nil with no scores.
type GroupTotal struct {
	Round    int      `json:"round"`
	Group    int      `json:"group"`
	Weighted *float64 `json:"weighted_total"`
}

// DayOf is the day of plan p, made from scenario s, whose debrief report
// is rep, held on date (YYYY-MM-DD). rep may be nil: the day then has
// seats and no scores.
func DayOf(p *plan.Plan, s *scenario.Scenario, rep *review.Report, date string) Day {
	d := Day{Plan: p.ID(), Date: date, Scenario: s.ID, Title: s.Title, Language: s.Language}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				st := Seat{Round: rd.Round, Group: g.Group, Trainee: m.ID, Name: m.Name, Unit: m.Unit, Role: m.Role}
				if r, ok := s.Role(m.Role); ok {
					st.RoleTitle, st.Function = r.DisplayTitle(), r.Function
				}
				d.Seats = append(d.Seats, st)
			}
		}
	}
	if rep == nil {
		return d
	}
	owner := map[string]string{}
	for _, di := range rep.Rubric.Dimensions {
		owner[di.ID] = di.Owner
	}
	for _, rr := range rep.Rounds {
		for _, g := range rr.Groups {
			for _, ds := range g.Dimensions {
				d.Scores = append(d.Scores, GroupScore{Round: g.Round, Group: g.Group, Dimension: ds.ID, Title: ds.Title, Owner: owner[ds.ID], Mean: ds.Mean, N: ds.N})
			}
			d.Totals = append(d.Totals, GroupTotal{Round: g.Round, Group: g.Group, Weighted: g.Weighted})
		}
	}
	return d
}

// TraineeHistory is one trainee's days, oldest first.
type TraineeHistory struct {
	ID string `json:"id"`
	// Name and Unit are as the latest day has them.
	Name    string  `json:"name"`
	Unit    string  `json:"unit"`
	Entries []Entry `json:"entries"`
}

// Entry is one round of one day of a trainee: where they sat, what they
// played, and their group's scores on the dimensions their role owns.
type Entry struct {
	Date      string `json:"date"`
	Plan      string `json:"plan"`
	Scenario  string `json:"scenario"`
	Title     string `json:"title"`
	Language  string `json:"language"`
	Round     int    `json:"round"`
	Group     int    `json:"group"`
	Role      string `json:"role"`
	RoleTitle string `json:"role_title"`
	Function  string `json:"function"`
	// Scores are the group's means on the dimensions whose owner is the
	// trainee's role function, in rubric order: none for a role that owns
	// none.
	Scores []Score `json:"scores"`
	// Weighted is the group's weighted total, nil with no scores.
	Weighted *float64 `json:"weighted_total"`
}

// Score is a group's mean on one dimension.
type Score struct {
	Dimension string   `json:"dimension"`
	Title     string   `json:"title"`
	Mean      *float64 `json:"mean"`
	N         int      `json:"n"`
}

// sorted is days in date order, then by plan id, so that the order in
// which they were given or recorded decides nothing.
func sorted(days []Day) []Day {
	out := slices.Clone(days)
	slices.SortStableFunc(out, func(a, b Day) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Plan, b.Plan))
	})
	return out
}

// Timeline is every trainee of days, by id, each with their rounds in
// date order (then plan id, then round).
func Timeline(days []Day) []TraineeHistory {
	at := map[string]int{}
	var out []TraineeHistory
	for _, d := range sorted(days) {
		type key struct{ round, group int }
		scores := map[key][]GroupScore{}
		for _, sc := range d.Scores {
			k := key{sc.Round, sc.Group}
			scores[k] = append(scores[k], sc)
		}
		totals := map[key]*float64{}
		for _, t := range d.Totals {
			totals[key{t.Round, t.Group}] = t.Weighted
		}
		seats := slices.Clone(d.Seats)
		slices.SortStableFunc(seats, func(a, b Seat) int { return cmp.Compare(a.Round, b.Round) })
		for _, st := range seats {
			i, ok := at[st.Trainee]
			if !ok {
				i = len(out)
				at[st.Trainee] = i
				out = append(out, TraineeHistory{ID: st.Trainee})
			}
			th := &out[i]
			th.Name, th.Unit = st.Name, st.Unit
			e := Entry{Date: d.Date, Plan: d.Plan, Scenario: d.Scenario, Title: d.Title, Language: d.Language,
				Round: st.Round, Group: st.Group, Role: st.Role, RoleTitle: st.RoleTitle, Function: st.Function,
				Scores: []Score{}, Weighted: totals[key{st.Round, st.Group}]}
			for _, sc := range scores[key{st.Round, st.Group}] {
				if sc.Owner != "" && sc.Owner == st.Function {
					e.Scores = append(e.Scores, Score{Dimension: sc.Dimension, Title: sc.Title, Mean: sc.Mean, N: sc.N})
				}
			}
			th.Entries = append(th.Entries, e)
		}
	}
	slices.SortFunc(out, func(a, b TraineeHistory) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Trainees are the ids of everyone seated on any of days, sorted.
func Trainees(days []Day) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range days {
		for _, st := range d.Seats {
			if !seen[st.Trainee] {
				seen[st.Trainee] = true
				out = append(out, st.Trainee)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Earlier is what days say for the next day's assignment: every group of
// every round, and each trainee's roles and their functions, oldest
// first.
func Earlier(days []Day) roles.Earlier {
	e := roles.Earlier{Played: map[string][]string{}, Functions: map[string][]string{}}
	for _, d := range sorted(days) {
		type key struct{ round, group int }
		var order []key
		members := map[key][]string{}
		seats := slices.Clone(d.Seats)
		slices.SortStableFunc(seats, func(a, b Seat) int {
			return cmp.Or(cmp.Compare(a.Round, b.Round), cmp.Compare(a.Group, b.Group))
		})
		for _, st := range seats {
			k := key{st.Round, st.Group}
			if _, ok := members[k]; !ok {
				order = append(order, k)
			}
			members[k] = append(members[k], st.Trainee)
			if st.Role != "" {
				e.Played[st.Trainee] = append(e.Played[st.Trainee], st.Role)
				e.Functions[st.Trainee] = append(e.Functions[st.Trainee], st.Function)
			}
		}
		for _, k := range order {
			e.Groups = append(e.Groups, members[k])
		}
	}
	return e
}
