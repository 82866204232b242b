package review

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/review/measure"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// drillStart is when the hand-made drills start.
var drillStart = time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)

// withMeasures gives the rubric of s the mapping of dimensions to
// measures a trainer would write: rhythm to punctuality, overrun and the
// inject response (which the overrun drill's log cannot give),
// guidance to the Gini and silent members, induction to summaries and
// the first summary; the other dimensions have none.
func withMeasures(s *scenario.Scenario) *scenario.Scenario {
	refs := map[string][]scenario.MeasureRef{
		"rhythm": {
			{ID: scenario.MeasurePunctuality, Good: 0.8, Poor: 0.5},
			{ID: scenario.MeasureOverrun, Good: 0.1, Poor: 0.2},
			{ID: scenario.MeasureInjectResponse, Good: 3, Poor: 10},
		},
		"guidance": {
			{ID: scenario.MeasureGini, Good: 0.2, Poor: 0.4},
			{ID: scenario.MeasureSilentMembers, Good: 0, Poor: 2},
		},
		"induction": {
			{ID: scenario.MeasureSummaries, Good: 3, Poor: 1},
			{ID: scenario.MeasureFirstSummary, Good: 10, Poor: 25},
		},
	}
	for i, d := range s.Rubric.Rubric.Dimensions {
		s.Rubric.Rubric.Dimensions[i].Measures = refs[d.ID]
	}
	return s
}

// drill describes a hand-made drill: how far over its timebox each phase
// ran, when the host summed up, and the measures' values (those of the
// summaries are taken from the summaries' times).
type drill struct {
	over      float64
	summaries []time.Duration
	values    map[string]float64
}

// onTime is a drill that kept every timebox, with good measures.
var onTime = drill{over: 0, summaries: []time.Duration{4 * time.Minute, 16 * time.Minute, 40 * time.Minute, 60 * time.Minute}, values: map[string]float64{
	scenario.MeasurePunctuality: 1, scenario.MeasureOverrun: 0, scenario.MeasurePhasesSkipped: 0,
	scenario.MeasureGini: 0.12, scenario.MeasureSilentMembers: 0, scenario.MeasureHostShare: 0.3,
	scenario.MeasureInterruptionsPer10: 0.4, scenario.MeasureFloorPasses: 0.9,
	scenario.MeasureInjectResponse: 2,
}}

// overrun is a drill whose every phase ran 40 % over, with a silent
// member and one summary late in the drill.
var overrun = drill{over: 0.4, summaries: []time.Duration{30 * time.Minute}, values: map[string]float64{
	scenario.MeasurePunctuality: 0.6, scenario.MeasureOverrun: 0.4, scenario.MeasurePhasesSkipped: 0,
	scenario.MeasureGini: 0.45, scenario.MeasureSilentMembers: 1, scenario.MeasureHostShare: 0.55,
	scenario.MeasureInterruptionsPer10: 1.2, scenario.MeasureFloorPasses: 0.5,
}}

// measures makes the measures of the drill d of the team in in, by hand:
// phases end to end from drillStart each d.over past its timebox, a
// two-minute pause in the second phase, turns round the team every 90
// seconds with the last member silent, the summaries of d, two
// interruptions, and the scenario's first inject answered after two
// minutes.
func (d drill) measures(in measure.Input) measure.Group {
	g := measure.Group{Round: in.Team.Round, Group: in.Team.Group, Started: drillStart, Values: map[string]float64{}}
	for k, v := range d.values {
		g.Values[k] = v
	}
	cur := drillStart
	var pauses []live.Interval
	for i, ph := range in.Agenda.Phases {
		actual := ph.Planned + ph.Planned*time.Duration(d.over*100+0.5)/100
		pt := measure.PhaseTime{Phase: i + 1, ID: ph.ID, Title: ph.Title, Planned: ph.Planned, Actual: actual, Overrun: d.over, Start: cur}
		span := actual
		if i == 1 {
			p := live.Interval{From: cur.Add(3 * time.Minute), To: cur.Add(5 * time.Minute)}
			pauses = append(pauses, p)
			span += 2 * time.Minute
		}
		cur = cur.Add(span)
		pt.End = cur
		g.Rhythm.Phases = append(g.Rhythm.Phases, pt)
		g.Rhythm.Planned += ph.Planned
		g.Rhythm.Actual += actual
		n := 0
		for _, at := range d.summaries {
			if t := drillStart.Add(at); !t.Before(pt.Start) && t.Before(pt.End) {
				n++
			}
		}
		g.Induction.PerPhase = append(g.Induction.PerPhase, n)
	}
	for _, at := range d.summaries {
		g.Timeline.Summaries = append(g.Timeline.Summaries, drillStart.Add(at))
	}
	g.Induction.Total = len(d.summaries)
	g.Values[scenario.MeasureSummaries] = float64(len(d.summaries))
	if len(d.summaries) > 0 {
		first := d.summaries[0]
		g.Induction.First = &first
		g.Values[scenario.MeasureFirstSummary] = first.Minutes()
	}
	g.Rhythm.Over = g.Rhythm.Actual - g.Rhythm.Planned
	g.Rhythm.Punctuality = d.values[scenario.MeasurePunctuality]
	g.Finished = cur
	g.Drill = cur.Sub(drillStart) - 2*time.Minute
	g.Pauses = pauses
	if len(in.Agenda.Injects) > 0 {
		ij := in.Agenda.Injects[0]
		g.Rhythm.Injects = []measure.InjectResponse{{ID: ij.ID, Released: drillStart.Add(ij.At), Responded: true, After: 2 * time.Minute}}
		if len(in.Agenda.Injects) > 1 {
			g.Rhythm.Injects = append(g.Rhythm.Injects, measure.InjectResponse{ID: in.Agenda.Injects[1].ID, Released: drillStart.Add(in.Agenda.Injects[1].At)})
		}
	}
	speakers := in.Team.Members[:len(in.Team.Members)-1]
	talk := map[string]time.Duration{}
	turns := map[string]int{}
	for at, k := drillStart, 0; at.Before(cur); at, k = at.Add(90*time.Second), k+1 {
		m := speakers[k%len(speakers)]
		g.Timeline.Turns = append(g.Timeline.Turns, measure.Turn{Member: m.ID, From: at, To: at.Add(80 * time.Second)})
		talk[m.ID] += 80 * time.Second
		turns[m.ID]++
		g.Participation.Turns++
		g.Participation.Speaking += 80 * time.Second
	}
	for _, m := range in.Team.Members {
		mt := measure.MemberTalk{ID: m.ID, Name: m.Name, Role: m.Role, Speaking: talk[m.ID], Turns: turns[m.ID]}
		mt.Share = float64(talk[m.ID]) / float64(g.Participation.Speaking)
		if turns[m.ID] == 0 {
			g.Participation.Silent = append(g.Participation.Silent, m.ID)
		}
		g.Participation.Members = append(g.Participation.Members, mt)
	}
	g.Participation.Members[0].Interruptions = 2
	g.Participation.Interruptions = 2
	g.Timeline.Interruptions = []time.Time{drillStart.Add(7 * time.Minute), drillStart.Add(19 * time.Minute)}
	g.Timeline.Start, g.Timeline.End = drillStart, cur
	g.Timeline.Phases = g.Rhythm.Phases
	g.Timeline.Pauses = pauses
	g.Timeline.Injects = g.Rhythm.Injects
	g.Timeline.Members = g.Participation.Members
	return g
}

// drills makes the measures of each group by the drill given for it,
// and keeps what each was given.
type drills struct {
	by     map[unit]drill
	inputs []measure.Input
}

func (ds *drills) of(in measure.Input) measure.Group {
	ds.inputs = append(ds.inputs, in)
	return ds.by[unit{in.Team.Round, in.Team.Group}].measures(in)
}

// logOf is a log with one entry for each group given: enough for the
// report to measure it.
func logOf(units ...unit) []live.Entry {
	var out []live.Entry
	for i, u := range units {
		out = append(out, live.Entry{Seq: int64(i + 1), At: drillStart, Round: u.round, Group: u.group, Kind: live.KindPhaseStart, Phase: 1})
	}
	return out
}

// scored gives each dimension of group u the scores by Alice and Bob.
func scored(u unit, scores map[string][2]int) []Scoresheet {
	var out []Scoresheet
	for i, name := range []string{"Alice", "Bob"} {
		sh := Scoresheet{Reviewer: name, Round: u.round, Group: u.group, Scores: map[string]Score{}}
		for dim, sc := range scores {
			sh.Scores[dim] = Score{Value: intp(sc[i])}
		}
		out = append(out, sh)
	}
	return out
}

func TestMeasureFlags(t *testing.T) {
	g11 := unit{1, 1}
	type want struct {
		dim      string
		measures []string
		reads    string
	}
	// halfGood is a drill whose rhythm reads good on overrun alone:
	// punctuality lies in between and no inject was released.
	halfGood := drill{values: map[string]float64{scenario.MeasurePunctuality: 0.6, scenario.MeasureOverrun: 0.05}}
	// oneGood is a drill whose log gives punctuality alone of rhythm's
	// measures, good.
	oneGood := drill{values: map[string]float64{scenario.MeasurePunctuality: 0.95}}
	for _, tt := range []struct {
		name   string
		scores map[string][2]int
		drill  drill
		want   []want
	}{
		{
			name:   "scored 5 on rhythm, every phase 40 % over",
			scores: map[string][2]int{"rhythm": {5, 5}},
			drill:  overrun,
			// Punctuality 0.6 lies between its good and poor.
			want: []want{{"rhythm", []string{scenario.MeasureOverrun}, ReadsPoor}},
		},
		{
			name:   "scored 4.5 on rhythm, every phase 40 % over",
			scores: map[string][2]int{"rhythm": {5, 4}},
			drill:  overrun,
			want:   []want{{"rhythm", []string{scenario.MeasureOverrun}, ReadsPoor}},
		},
		{
			name:   "scored 5 on rhythm, punctuality good",
			scores: map[string][2]int{"rhythm": {5, 5}},
			drill:  onTime,
		},
		{
			name:   "scored 1 on rhythm with good measures",
			scores: map[string][2]int{"rhythm": {1, 1}},
			drill:  onTime,
			// One flag for the dimension, naming every measure.
			want: []want{{"rhythm", []string{scenario.MeasurePunctuality, scenario.MeasureOverrun, scenario.MeasureInjectResponse}, ReadsGood}},
		},
		{
			name:   "scored 1 on rhythm, overrun good but punctuality in between",
			scores: map[string][2]int{"rhythm": {1, 1}},
			drill:  halfGood,
		},
		{
			name:   "scored 1 on rhythm, the only measure the log gives good",
			scores: map[string][2]int{"rhythm": {1, 1}},
			drill:  oneGood,
		},
		{
			// Nobody silent reads good by nothing having gone wrong: it
			// does not make the Gini a second measure.
			name:   "scored 2 on guidance with equal talk and nobody silent",
			scores: map[string][2]int{"guidance": {2, 2}},
			drill:  onTime,
		},
		{
			name:   "scored 3, the middle of the scale, over time",
			scores: map[string][2]int{"rhythm": {3, 3}, "guidance": {3, 3}},
			drill:  overrun,
		},
		{
			name:   "scored 5 on every dimension with no measures, poor log",
			scores: map[string][2]int{"organization": {5, 5}, "recording": {5, 5}, "hosting": {5, 5}},
			drill:  overrun,
		},
		{
			name:   "scored 1 on every dimension with no measures, good log",
			scores: map[string][2]int{"organization": {1, 1}, "recording": {1, 1}, "hosting": {1, 1}},
			drill:  onTime,
		},
		{
			name:   "scored 5 on induction, one late summary",
			scores: map[string][2]int{"induction": {5, 5}, "rhythm": {4, 4}},
			drill:  overrun,
			want: []want{
				{"rhythm", []string{scenario.MeasureOverrun}, ReadsPoor},
				{"induction", []string{scenario.MeasureSummaries}, ReadsPoor},
				{"induction", []string{scenario.MeasureFirstSummary}, ReadsPoor},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t)
			withMeasures(s)
			ds := &drills{by: map[unit]drill{g11: tt.drill}}
			rep := buildReport(p, s, scored(g11, tt.scores), logOf(g11), ds.of)
			var got []want
			named := 0
			for _, f := range rep.MeasureFlags {
				var ids []string
				for _, fm := range f.Measures {
					ids = append(ids, fm.Measure)
				}
				named += len(ids)
				assert.Equal(t, f.Measure, ids[0], "the flag's measure is the first it names")
				got = append(got, want{f.Dimension, ids, f.Reads})
				assert.Equal(t, 1, f.Round)
				assert.Equal(t, 1, f.Group)
				assert.NotEmpty(t, f.Text)
			}
			assert.Equal(t, tt.want, got)
			g := rep.Rounds[0].Groups[0]
			assert.Equal(t, rep.MeasureFlags, g.MeasureFlags, "the group's flags are the report's")
			flagged := 0
			for _, mr := range g.MeasureReadings {
				if mr.Flagged {
					flagged++
				}
			}
			assert.Equal(t, named, flagged, "every flag marks the readings it names")
			require.Len(t, g.MeasureReadings, 7, "a reading per measure the rubric maps")
			for _, mr := range g.MeasureReadings {
				_, measured := tt.drill.values[mr.Measure]
				measured = measured || mr.Measure == scenario.MeasureSummaries || mr.Measure == scenario.MeasureFirstSummary && len(tt.drill.summaries) > 0
				assert.Equal(t, measured, mr.Value != nil, mr.Measure)
				if mr.Value == nil {
					assert.Empty(t, mr.Reads, "a measure the log cannot give reads nothing")
				}
			}
		})
	}
}

// TestMeasureFlagScale: "near the top" is at or above the scale's maximum
// less one and "near the bottom" at or below its minimum plus one; on a
// scale too short for the two to be apart, its middle is neither.
func TestMeasureFlagScale(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		name  string
		scale scenario.Scale
		mean  float64
		reads string
		want  bool
	}{
		{"1-5, 4 with poor", scenario.Scale{Min: 1, Max: 5}, 4, ReadsPoor, true},
		{"1-5, 3.99 with poor", scenario.Scale{Min: 1, Max: 5}, 3.99, ReadsPoor, false},
		{"1-5, 2 with good", scenario.Scale{Min: 1, Max: 5}, 2, ReadsGood, true},
		{"1-5, 2.01 with good", scenario.Scale{Min: 1, Max: 5}, 2.01, ReadsGood, false},
		{"1-5, 5 with good", scenario.Scale{Min: 1, Max: 5}, 5, ReadsGood, false},
		{"1-5, 1 with poor", scenario.Scale{Min: 1, Max: 5}, 1, ReadsPoor, false},
		{"1-5, 5 in between", scenario.Scale{Min: 1, Max: 5}, 5, ReadsBetween, false},
		{"1-3, 2 with poor", scenario.Scale{Min: 1, Max: 3}, 2, ReadsPoor, false},
		{"1-3, 2 with good", scenario.Scale{Min: 1, Max: 3}, 2, ReadsGood, false},
		{"1-3, 3 with poor", scenario.Scale{Min: 1, Max: 3}, 3, ReadsPoor, true},
		{"0-10, 9 with poor", scenario.Scale{Min: 0, Max: 10}, 9, ReadsPoor, true},
		{"0-10, 8 with poor", scenario.Scale{Min: 0, Max: 10}, 8, ReadsPoor, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Two readings alike, so that a low score may be flagged.
			rs := []MeasureReading{
				{Dimension: "rhythm", Title: "Rhythm", Mean: f(tt.mean), Measure: scenario.MeasureOverrun, Good: 0.1, Poor: 0.2, Value: f(0.15), Reads: tt.reads},
				{Dimension: "rhythm", Title: "Rhythm", Mean: f(tt.mean), Measure: scenario.MeasurePunctuality, Good: 0.8, Poor: 0.5, Value: f(0.6), Reads: tt.reads},
			}
			got := dimensionFlags(GroupReport{Round: 1, Group: 1}, tt.scale, rs, "en")
			assert.Equal(t, tt.want, len(got) > 0)
		})
	}
}

// TestLowFlagZeroCounts: a count whose good value is 0 reads good by
// nothing having gone wrong, so it is not one of the two good readings a
// low score needs to be flagged; it must still read good, and the flag
// names it with the others.
func TestLowFlagZeroCounts(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	mean := f(1)
	rd := func(id string, good, poor, v float64) MeasureReading {
		ref := scenario.MeasureRef{ID: id, Good: good, Poor: poor}
		return MeasureReading{Dimension: "guidance", Title: "Guidance", Mean: mean, Measure: id, Good: good, Poor: poor, Value: f(v), Reads: readsWord(ref.Reads(v))}
	}
	gini := rd(scenario.MeasureGini, 0.2, 0.4, 0.1)
	share := rd(scenario.MeasureHostShare, 0.3, 0.5, 0.25)
	nobodySilent := rd(scenario.MeasureSilentMembers, 0, 2, 0)
	oneSilent := rd(scenario.MeasureSilentMembers, 0, 2, 1)
	noneSkipped := rd(scenario.MeasurePhasesSkipped, 0, 1, 0)
	for _, tt := range []struct {
		name string
		rs   []MeasureReading
		want []string
	}{
		{"one good and a count at zero", []MeasureReading{gini, nobodySilent}, nil},
		{"two counts at zero", []MeasureReading{nobodySilent, noneSkipped}, nil},
		{"one good and two counts at zero", []MeasureReading{gini, nobodySilent, noneSkipped}, nil},
		{"two good and a count at zero", []MeasureReading{gini, share, nobodySilent},
			[]string{scenario.MeasureGini, scenario.MeasureHostShare, scenario.MeasureSilentMembers}},
		{"two good and a count above zero", []MeasureReading{gini, share, oneSilent}, nil},
		{"two good", []MeasureReading{gini, share}, []string{scenario.MeasureGini, scenario.MeasureHostShare}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := dimensionFlags(GroupReport{Round: 1, Group: 1}, scenario.Scale{Min: 1, Max: 5}, tt.rs, "en")
			var ids []string
			for _, fl := range got {
				for _, fm := range fl.Measures {
					ids = append(ids, fm.Measure)
				}
			}
			assert.Equal(t, tt.want, ids)
		})
	}
}

// TestMeasureFlagText: the flag says, in the report's language, the mean
// and the measure: for a poor reading, its value and the poor reference
// it crossed; for a low score, that every measure reads good, with their
// values. The measures' titles and how their values print come from their
// definitions.
func TestMeasureFlagText(t *testing.T) {
	g11 := unit{1, 1}
	title, format := measureTitle, measure.Format
	for _, tt := range []struct {
		name, scenario string
		scores         [2]int
		drill          drill
		want           func(lang string) []string
	}{
		{"en, scored high, overrun poor", "", [2]int{5, 4}, overrun, func(l string) []string {
			return []string{"Scored 4.50 on Rhythm and timekeeping, but the drill log reads poor on " + title("overrun", l) + ": " + format("overrun", 0.4, l) + " (" + format("overrun", 0.2, l) + " or more is poor)."}
		}},
		{"en, scored low, every measure good", "", [2]int{1, 2}, onTime, func(l string) []string {
			return []string{"Scored only 1.50 on Rhythm and timekeeping, but every measure of it in the drill log reads good: Punctuality index 1.00, Overrun 0 %, Response to injects 2.0 min."}
		}},
		{"zh, scored high, overrun poor", "square-dance-noise", [2]int{5, 5}, overrun, func(l string) []string {
			return []string{"“节奏把控”平均得分 5.00，但演练记录中的“" + title("overrun", l) + "”不佳：" + format("overrun", 0.4, l) + "（" + format("overrun", 0.2, l) + "及以上即为不佳）。"}
		}},
		{"zh, scored low, every measure good", "square-dance-noise", [2]int{1, 1}, onTime, func(l string) []string {
			return []string{"“节奏把控”平均得分仅 1.00，但演练记录中这一维度的各项测量结果都良好：守时指数 1.00、超时比例 0%、情景注入响应时间 2.0 分钟。"}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t)
			if tt.scenario != "" {
				s = bundled(t, tt.scenario)
				p.Scenario.ID = s.ID
			}
			withMeasures(s)
			ds := &drills{by: map[unit]drill{g11: tt.drill}}
			rep := buildReport(p, s, scored(g11, map[string][2]int{"rhythm": tt.scores}), logOf(g11), ds.of)
			var got []string
			for _, f := range rep.MeasureFlags {
				got = append(got, f.Text)
			}
			assert.Equal(t, tt.want(s.Language), got)
		})
	}
}

// TestMeasureInput: the report measures each group with its members (by
// the id of their role, which an inject's roles name), its hosts and the
// scenario's agenda, and gives it its own entries only.
func TestMeasureInput(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	ds := &drills{by: map[unit]drill{}}
	log := append(logOf(unit{1, 2}), logOf(unit{1, 1}, unit{1, 2})...)
	buildReport(p, s, nil, log, ds.of)
	require.Len(t, ds.inputs, 2)
	in := ds.inputs[1]
	assert.Equal(t, live.Team{Round: 1, Group: 2, Members: []live.Member{
		{ID: "T4", Name: "Dan Zhou", Role: "host"},
		{ID: "T5", Name: "Eve Sun", Role: "recorder"},
		{ID: "T6", Name: "Fay Liu", Role: "top-floor-elder"},
		{ID: "T12", Name: "Lin Fu", Role: "ground-floor-owner"},
		{ID: "T13", Name: "Mo Tan", Role: "property-manager"},
	}}, in.Team)
	assert.Equal(t, []string{"T4"}, in.Hosts)
	assert.Equal(t, live.AgendaOf(s), in.Agenda)
	require.Len(t, in.Entries, 2)
	for _, e := range in.Entries {
		assert.Equal(t, 2, e.Group)
	}
	assert.Equal(t, 1, ds.inputs[0].Team.Group)
}

// TestObserversNotCounted: a member whose role observes is left out of
// the team the group is measured with, so out of the speaking shares, the
// Gini and the silent members, and the report says so beside the
// participation table, in English and in Chinese. The table and the
// timeline show each member's role by its title.
func TestObserversNotCounted(t *testing.T) {
	for _, tt := range []struct {
		name, scenario string
		want           []string
	}{
		{"en", "", []string{"Observers, not counted: Pat Observer"}},
		{"zh", "square-dance-noise", []string{"观察员（不计入）：Pat Observer"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t)
			if tt.scenario != "" {
				s = bundled(t, tt.scenario)
				p.Scenario.ID = s.ID
			}
			withMeasures(s)
			g := &p.Rounds[0].Groups[0]
			hostRole := g.Members[0].Role
			g.Members = append(g.Members, plan.Member{ID: "T99", Name: "Pat Observer", Role: "observer"})
			ds := &drills{by: map[unit]drill{{1, 1}: onTime}}
			rep := buildReport(p, s, scored(unit{1, 1}, map[string][2]int{"rhythm": {3, 3}}), logOf(unit{1, 1}), ds.of)
			require.Len(t, ds.inputs, 1)
			in := ds.inputs[0]
			var ids []string
			for _, m := range in.Team.Members {
				ids = append(ids, m.ID)
				assert.NotEqual(t, "observer", m.Role)
			}
			assert.Equal(t, []string{"T1", "T2", "T3", "T10", "T11"}, ids, "the observer is not in the team")
			assert.Equal(t, []string{"T1"}, in.Hosts)
			gr := rep.Rounds[0].Groups[0]
			assert.Len(t, gr.Members, 6, "the observer is still a member of the group")
			for _, format := range []string{ReportHTML, ReportMarkdown} {
				out, err := RenderReport(rep, format)
				require.NoError(t, err)
				for _, w := range tt.want {
					assert.Equal(t, 1, strings.Count(string(out), w), format)
				}
				assert.Contains(t, string(out), s.RoleTitle(hostRole), format)
				if s.RoleTitle(hostRole) != hostRole {
					assert.NotContains(t, string(out), "| "+hostRole+" |", "%s: the role's title, not its id", format)
				}
			}
			html, err := RenderReport(rep, ReportHTML)
			require.NoError(t, err)
			assert.Contains(t, string(html), "<td>"+s.RoleTitle(hostRole)+"</td>", "the participation table shows the role's title")
			assert.NotContains(t, string(html), "<td>"+hostRole+"</td>")
			svg := regexp.MustCompile(`(?s)<svg[^>]*>(?:<title>[^<]*</title>)?<defs><pattern id="tl-.*?</svg>`).FindAllString(string(html), -1)
			require.Len(t, svg, 1, "one timeline")
			assert.Contains(t, svg[0], wordf(s.Language, "paren", s.RoleTitle(hostRole)), "the timeline titles the row with the role's title")
			assert.NotContains(t, svg[0], "Pat Observer", "the observer has no row")
		})
	}
}

// TestNoObserversNoLine: a group without an observer has no line about
// them.
func TestNoObserversNoLine(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	ds := &drills{by: map[unit]drill{{1, 1}: onTime}}
	rep := buildReport(p, s, nil, logOf(unit{1, 1}), ds.of)
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		out, err := RenderReport(rep, format)
		require.NoError(t, err)
		assert.NotContains(t, string(out), "Observers, not counted", format)
	}
}

// TestLogWithoutSheets: a group with a log but no scoresheet is in the
// report with its measures and no rank; a group with neither is not.
func TestLogWithoutSheets(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	ds := &drills{by: map[unit]drill{{1, 2}: overrun}}
	sheets := scored(unit{1, 1}, map[string][2]int{"rhythm": {5, 5}})
	rep := buildReport(p, s, sheets, logOf(unit{1, 2}), ds.of)
	require.Len(t, rep.Rounds, 1, "round 2 has neither sheets nor a log")
	gs := rep.Rounds[0].Groups
	require.Len(t, gs, 2, "group 3 has neither")
	assert.Equal(t, 1, gs[0].Group)
	assert.Equal(t, 1, gs[0].Rank)
	assert.Nil(t, gs[0].Measures)
	assert.Equal(t, 2, gs[1].Group)
	assert.Equal(t, 0, gs[1].Rank)
	assert.Empty(t, gs[1].Reviewers)
	require.NotNil(t, gs[1].Measures)
	assert.Empty(t, gs[1].MeasureFlags, "no scores, nothing to disagree with")
	assert.NotEmpty(t, rep.MeasureDefinitions)
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		out, err := RenderReport(rep, format)
		require.NoError(t, err)
		assert.Equal(t, 1, strings.Count(string(out), "No scoresheet for this group: only what the drill log shows."), format)
		assert.Equal(t, 1, strings.Count(string(out), "Measured from the drill log"), format)
	}
	html, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(html), `class="rank"`))
	assert.Contains(t, string(html), `<td class="num">–</td><td class="nowrap"><a href="#r1g2">Group 2</a></td>`, "in the ranking, without a place")
}

// TestReportWithoutLogUnchanged: a report built with no log is the one
// built before logs: the golden files of testdata/report, byte for byte.
func TestReportWithoutLogUnchanged(t *testing.T) {
	p, s := fixture(t)
	files, err := filepath.Glob("testdata/report/sheets/*")
	require.NoError(t, err)
	sheets := readSheets(t, p, s, files...)
	for _, rep := range []*Report{BuildReportLog(p, s, sheets, nil), BuildReportLog(p, s, sheets, []live.Entry{})} {
		assert.Nil(t, rep.MeasureDefinitions)
		for _, format := range ReportFormats {
			got, err := RenderReport(rep, format)
			require.NoError(t, err)
			golden(t, filepath.Join("testdata/report", "report.golden."+format), got)
		}
	}
}

// logReport is the report of the fixed sheets of testdata/report with
// hand-made measures for two groups of round 1: group 2, scored low,
// kept to time; group 3, scored high, ran 40 % over in every phase. The
// other groups have no log.
func logReport(t *testing.T) *Report {
	p, s := fixture(t)
	withMeasures(s)
	files, err := filepath.Glob("testdata/report/sheets/*")
	require.NoError(t, err)
	sheets := readSheets(t, p, s, files...)
	ds := &drills{by: map[unit]drill{{1, 2}: onTime, {1, 3}: overrun}}
	log := append(logOf(unit{1, 2}, unit{1, 3}), live.Entry{Seq: 3, At: drillStart.Add(12 * time.Minute), Round: 1, Group: 2,
		Kind: live.KindNote, Text: "The host asked the recorder to read back every concern.", By: "trainer"})
	return buildReport(p, s, sheets, log, ds.of)
}

// TestReportLogGolden renders a report with measures in every format.
// Refresh with go test -update after reading the change.
func TestReportLogGolden(t *testing.T) {
	rep := logReport(t)
	require.NotEmpty(t, rep.MeasureFlags, "the golden shows a flag")
	for _, format := range ReportFormats {
		t.Run(format, func(t *testing.T) {
			got, err := RenderReport(rep, format)
			require.NoError(t, err)
			golden(t, filepath.Join("testdata/report-log", "report.golden."+format), got)
		})
	}
}

// TestChineseReportLogGolden: the same in Chinese, for the bundled
// Chinese scenario with demo scores, a group scored low while its log
// reads well, and one group with a log and no sheet.
func TestChineseReportLogGolden(t *testing.T) {
	p, diags := plan.ReadFile("testdata/plan-zh.yaml")
	require.NoError(t, diags.Err())
	s := withMeasures(bundled(t, p.Scenario.ID))
	sheets := DemoScoresheets(p, s, []string{"李老师", "王老师"}, 3)
	var kept []Scoresheet
	for _, sh := range sheets {
		if sh.Round == 1 && sh.Group == 1 {
			sh.Scores["rhythm"] = Score{Value: intp(1), Evidence: sh.Scores["rhythm"].Evidence}
		}
		if sh.Round == 1 && sh.Group == 2 {
			continue
		}
		kept = append(kept, sh)
	}
	ds := &drills{by: map[unit]drill{{1, 1}: onTime, {1, 2}: overrun}}
	log := append(logOf(unit{1, 1}, unit{1, 2}), live.Entry{Seq: 3, At: drillStart.Add(12 * time.Minute), Round: 1, Group: 1,
		Kind: live.KindNote, Text: "主持人请记录员逐条复述各方关切，做得好。", By: "trainer"})
	rep := buildReport(p, s, kept, log, ds.of)
	require.NotEmpty(t, rep.MeasureFlags)
	for _, format := range ReportFormats {
		t.Run(format, func(t *testing.T) {
			got, err := RenderReport(rep, format)
			require.NoError(t, err)
			golden(t, filepath.Join("testdata/report-log-zh", "report.golden."+format), got)
		})
	}
}

// TestReportLogDeterministic: the same inputs give the same bytes, and so
// do the sheets and the log's entries in another order; the measures are
// given each group's entries in one order whatever the log's.
func TestReportLogDeterministic(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	sheets := DemoScoresheets(p, s, []string{"Alice", "Bob", "Carol"}, 9)
	var log []live.Entry
	for i := range 12 {
		log = append(log, live.Entry{Seq: int64(i + 1), At: drillStart.Add(time.Duration(i/3) * time.Minute), Round: 1, Group: 1 + i%3, Kind: live.KindTurn, Member: "T1"})
	}
	render := func(sheets []Scoresheet, log []live.Entry) (map[string]string, []measure.Input) {
		ds := &drills{by: map[unit]drill{{1, 1}: overrun, {1, 2}: onTime, {1, 3}: overrun}}
		rep := buildReport(p, s, sheets, log, ds.of)
		out := map[string]string{}
		for _, format := range ReportFormats {
			b, err := RenderReport(rep, format)
			require.NoError(t, err)
			out[format] = string(b)
		}
		return out, ds.inputs
	}
	first, inputs := render(sheets, log)
	again, _ := render(sheets, log)
	require.Equal(t, first, again)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5 {
		sh := append([]Scoresheet{}, sheets...)
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		lg := append([]live.Entry{}, log...)
		rng.Shuffle(len(lg), func(i, j int) { lg[i], lg[j] = lg[j], lg[i] })
		got, in := render(sh, lg)
		for _, format := range ReportFormats {
			require.Equal(t, first[format], got[format], format)
		}
		require.Equal(t, inputs, in)
	}
}

// timelineReport is a report of one group with hand-made measures whose
// member names, roles and inject ids are hostile.
func timelineReport(t *testing.T) (*Report, measure.Group) {
	p, s := fixture(t)
	withMeasures(s)
	p.Rounds[0].Groups[0].Members[2].Name = `<script>alert("x")</script> & 'co'`
	p.Rounds[0].Groups[0].Members[1].Name = "]]><!--"
	s.Injects[0].ID = `<b id="i">&amp;</b>`
	ds := &drills{by: map[unit]drill{{1, 1}: overrun}}
	rep := buildReport(p, s, scored(unit{1, 1}, map[string][2]int{"rhythm": {5, 5}}), logOf(unit{1, 1}), ds.of)
	return rep, *rep.Rounds[0].Groups[0].Measures
}

// svgs are the timeline charts of a rendered HTML report.
func svgs(t *testing.T, html string) []string {
	re := regexp.MustCompile(`(?s)<svg[^>]*aria-label="Timeline of[^"]*".*?</svg>`)
	return re.FindAllString(html, -1)
}

func TestTimelineSVG(t *testing.T) {
	rep, m := timelineReport(t)
	out, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	charts := svgs(t, string(out))
	require.Len(t, charts, 1, "one timeline per measured group")
	svg := charts[0]

	t.Run("well-formed XML", func(t *testing.T) {
		d := xml.NewDecoder(strings.NewReader(svg))
		d.Strict = true
		var root string
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err)
			if se, ok := tok.(xml.StartElement); ok && root == "" {
				root = se.Name.Local
				attrs := map[string]string{}
				for _, a := range se.Attr {
					attrs[a.Name.Local] = a.Value
				}
				assert.Equal(t, "img", attrs["role"])
				assert.Equal(t, "0 0 680 "+attrs["height"], attrs["viewBox"])
				assert.Contains(t, attrs["aria-label"], "Timeline of round 1, group 1")
			}
		}
		assert.Equal(t, "svg", root)
		assert.Contains(t, svg, "<title>Timeline of round 1, group 1")
	})
	t.Run("labels escaped", func(t *testing.T) {
		assert.NotContains(t, svg, "<script>")
		assert.NotContains(t, svg, `<b id="i">`)
		assert.NotContains(t, svg, "]]><!--")
		assert.Contains(t, svg, "&lt;b id=&#34;i&#34;&gt;&amp;amp;&lt;/b&gt;", "the inject's id, escaped")
		assert.NotContains(t, string(out), "<script>")
	})
	t.Run("a rect per turn", func(t *testing.T) {
		require.NotEmpty(t, m.Timeline.Turns)
		assert.Equal(t, len(m.Timeline.Turns), strings.Count(svg, `<rect class="turn"`))
		assert.Equal(t, len(m.Timeline.Pauses), strings.Count(svg, `<rect class="pause"`))
		assert.Equal(t, len(m.Timeline.Phases), strings.Count(svg, `<rect class="over"`), "every phase ran over")
		assert.Zero(t, strings.Count(svg, `<rect class="within"`))
		assert.Equal(t, len(m.Timeline.Summaries), strings.Count(svg, `class="summary"`))
		assert.Equal(t, len(m.Timeline.Interruptions), strings.Count(svg, `class="interruption"`))
		assert.Equal(t, len(m.Timeline.Injects), strings.Count(svg, `<g class="inject">`))
	})
	t.Run("over and under read in black and white", func(t *testing.T) {
		assert.Contains(t, svg, `fill="url(#tl-r1g1-over)"`, "a pattern, not a colour alone")
		assert.Contains(t, svg, ">1 +40 %</text>", "and a label")
	})
	t.Run("deterministic", func(t *testing.T) {
		again, err := RenderReport(rep, ReportHTML)
		require.NoError(t, err)
		assert.Equal(t, svg, svgs(t, string(again))[0])
		rep2, _ := timelineReport(t)
		other, err := RenderReport(rep2, ReportHTML)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(other))
	})
}

// TestTimelineEmpty: a log with nothing to draw still gives a chart that
// parses, with its axis.
func TestTimelineEmpty(t *testing.T) {
	svg := string(timelineSVG("en", 1, 1, measure.Timeline{}, nil))
	d := xml.NewDecoder(strings.NewReader(strings.TrimSuffix(strings.TrimPrefix(svg, `<div class="chart">`), `</div>`)))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
	}
	assert.Contains(t, svg, ">0</text>")
	assert.NotContains(t, svg, "NaN")
}

// TestMeasuresRenderedSafely: names typed by people are escaped in the
// Markdown tables too, and the CSV's cells are safe from formulas.
func TestMeasuresRenderedSafely(t *testing.T) {
	rep, _ := timelineReport(t)
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	assert.NotContains(t, string(md), "<script>")
	assert.NotContains(t, string(md), "<svg")
	csvOut, err := RenderReport(rep, ReportCSV)
	require.NoError(t, err)
	assert.True(t, bytes.Contains(csvOut, []byte("1,1,overrun,")), "a row per group and measure")
	for _, id := range scenario.Measures {
		assert.Equal(t, 1, bytes.Count(csvOut, []byte("1,1,"+id+",")), id)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvOut, []byte(sheet.BOM))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(recs), 20)
	for _, rec := range recs {
		for _, c := range rec {
			if first, _ := utf8.DecodeRuneInString(c); c != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", first) {
				assert.Regexp(t, `^[+-]?[0-9]+(\.[0-9]+)?$`, c, "cell %q could run as a formula", c)
			}
		}
	}
}

func TestAxisStep(t *testing.T) {
	for _, tt := range []struct {
		name string
		span time.Duration
		want time.Duration
	}{
		{"ten minutes", 10 * time.Minute, time.Minute},
		{"an hour", time.Hour, 5 * time.Minute},
		{"two hours", 2 * time.Hour, 10 * time.Minute},
		{"a day", 24 * time.Hour, 121 * time.Minute},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := axisStep(tt.span)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, int(tt.span/got), 12)
		})
	}
}

// TestMeasureDefinitionsSection: the report says once how every measure
// is defined, what it can and cannot tell and its source, from
// [measure.Definitions], escaped; a report without a log has no such
// section.
func TestMeasureDefinitionsSection(t *testing.T) {
	saved := measure.Definitions
	t.Cleanup(func() { measure.Definitions = saved })
	measure.Definitions = []measure.Definition{{
		ID: scenario.MeasureGini, Title: scenario.Text{"en": "Gini <of> talk"},
		Definition: scenario.Text{"en": "How unequal the speaking time is."},
		Tells:      scenario.Text{"en": "Whether one member held the floor."},
		Cannot:     scenario.Text{"en": "Whether what they said was any good."},
		Source:     "Tausczik & Pennebaker 2013",
		Unit:       "index",
	}}
	rep := logReport(t)
	require.Len(t, rep.MeasureDefinitions, 1)
	html, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	for name, out := range map[string]string{"html": string(html), "md": string(md)} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, 1, strings.Count(out, "How the measures are defined"))
			for _, want := range []string{"How unequal the speaking time is.", "Whether one member held the floor.", "Whether what they said was any good.", "Tausczik &"} {
				assert.Contains(t, out, want)
			}
			assert.NotContains(t, out, "Gini <of> talk")
			assert.Contains(t, out, "What it cannot tell")
		})
	}
	assert.Contains(t, string(html), "Gini &lt;of&gt; talk")
	js, err := RenderReport(rep, ReportJSON)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"measure_definitions": [`)

	plain, err := RenderReport(reportFixture(t), ReportHTML)
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "How the measures are defined")
}

// TestAgreementWithoutScores: a report from drill logs alone says that no
// reviewer scored a dimension, not that only one did; with one reviewer it
// says one did. In English and in Chinese.
func TestAgreementWithoutScores(t *testing.T) {
	for _, tt := range []struct {
		name, scenario string
		sheets         func(u unit) []Scoresheet
		want           string
	}{
		{"en, no sheet", "", func(unit) []Scoresheet { return nil }, "no reviewer scored this dimension"},
		{"zh, no sheet", "square-dance-noise", func(unit) []Scoresheet { return nil }, "还没有评分人为该维度打分"},
		{"en, one reviewer", "", func(u unit) []Scoresheet { return scored(u, map[string][2]int{"rhythm": {3, 3}})[:1] }, "only one reviewer scored this dimension"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t)
			if tt.scenario != "" {
				s = bundled(t, tt.scenario)
				p.Scenario.ID = s.ID
			}
			withMeasures(s)
			g11 := unit{1, 1}
			ds := &drills{by: map[unit]drill{g11: onTime}}
			rep := buildReport(p, s, tt.sheets(g11), logOf(g11), ds.of)
			require.NotEmpty(t, rep.Agreement)
			for _, a := range rep.Agreement {
				if a.Reviewers > 0 {
					continue
				}
				assert.Equal(t, words.In(s.Language, "nc_no_scores"), a.Alpha.NotComputable, a.Dimension)
				assert.Equal(t, a.Alpha, a.ICC, a.Dimension)
			}
			var reasons []string
			for _, a := range rep.Agreement {
				reasons = append(reasons, a.Alpha.NotComputable)
			}
			assert.Contains(t, reasons, tt.want)
			out, err := RenderReport(rep, ReportMarkdown)
			require.NoError(t, err)
			assert.Contains(t, string(out), tt.want)
		})
	}
}

// TestAbsentValueNotInLog: a measure the log gives no value for (a log
// with no speaking turn gives no participation or induction values) reads
// "not in the log" in the readings and a dash among the figures, in every
// format, and flags nothing.
func TestAbsentValueNotInLog(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	silent := drill{values: map[string]float64{scenario.MeasurePunctuality: 0.95, scenario.MeasureOverrun: 0.02, scenario.MeasurePhasesSkipped: 0}}
	g11 := unit{1, 1}
	ds := &drills{by: map[unit]drill{g11: silent}}
	of := func(in measure.Input) measure.Group {
		m := ds.of(in)
		delete(m.Values, scenario.MeasureSummaries)
		return m
	}
	rep := buildReport(p, s, scored(g11, map[string][2]int{"guidance": {1, 1}, "induction": {1, 1}}), logOf(g11), of)
	g := rep.Rounds[0].Groups[0]
	for _, mr := range g.MeasureReadings {
		if mr.Dimension == "guidance" || mr.Dimension == "induction" {
			assert.Nil(t, mr.Value, mr.Measure)
			assert.False(t, mr.Flagged, mr.Measure)
		}
	}
	assert.Empty(t, rep.MeasureFlags, "nothing measured, nothing to disagree with")
	md, err := RenderReport(rep, ReportMarkdown)
	require.NoError(t, err)
	assert.Contains(t, string(md), "| Gini of speaking time | – | not in the log |")
	html, err := RenderReport(rep, ReportHTML)
	require.NoError(t, err)
	assert.Contains(t, string(html), `<td>Gini of speaking time</td><td class="num">–</td><td class="reads">not in the log</td>`)
}

// TestReferenceWording: the readings table's column says at which values
// a measure reads good and poor (not "Reference", which reads like a
// literature reference), and a count whose good value is 0 says it is
// good at 0, in both languages and in HTML and Markdown.
func TestReferenceWording(t *testing.T) {
	for _, tt := range []struct {
		name, scenario, header, zero, old string
	}{
		{"en", "", "Reads good / poor at", "good at 0, poor 2", "Reference"},
		{"zh", "square-dance-noise", "好/差的界线", "为 0 即为良好，不佳 2", "参考值"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t)
			if tt.scenario != "" {
				s = bundled(t, tt.scenario)
				p.Scenario.ID = s.ID
			}
			withMeasures(s)
			g11 := unit{1, 1}
			ds := &drills{by: map[unit]drill{g11: onTime}}
			rep := buildReport(p, s, scored(g11, map[string][2]int{"guidance": {3, 3}}), logOf(g11), ds.of)
			for _, format := range []string{ReportHTML, ReportMarkdown} {
				out, err := RenderReport(rep, format)
				require.NoError(t, err)
				assert.Contains(t, string(out), tt.header, format)
				assert.NotContains(t, string(out), tt.old, format)
				assert.Contains(t, string(out), tt.zero, format)
			}
		})
	}
}

// TestChineseTimelineWords: the Chinese report calls the host's summaries
// 小结 and interruptions 插话, as trainers say them.
func TestChineseTimelineWords(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"summaries", "小结次数"}, {"tl_summaries", "小结"}, {"tl_summary_t", "第 %s 分钟小结"},
		{"interruptions", "插话次数"}, {"tl_interruptions", "插话"}, {"tl_interruption_t", "第 %s 分钟插话"},
	} {
		t.Run(tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, mword("zh", tt.key))
		})
	}
	for key, w := range measureWords["zh"] {
		for _, bad := range []string{"归纳", "打断", "记录人"} {
			assert.NotContains(t, w, bad, key)
		}
	}
}

// drawnLabel is an inject's label as the timeline draws it.
type drawnLabel struct {
	ID     string
	X, Y   float64
	Anchor string
}

// drawnLabels are the labels of the injects of the timeline svg, with
// the chart's height; the svg must be well-formed XML.
func drawnLabels(t *testing.T, svg string) ([]drawnLabel, float64) {
	var doc struct {
		Height float64 `xml:"height,attr"`
		Groups []struct {
			Class string `xml:"class,attr"`
			Text  struct {
				X      float64 `xml:"x,attr"`
				Y      float64 `xml:"y,attr"`
				Anchor string  `xml:"text-anchor,attr"`
				Body   string  `xml:",chardata"`
			} `xml:"text"`
		} `xml:"g"`
	}
	from, to := strings.Index(svg, "<svg"), strings.LastIndex(svg, "</svg>")
	require.True(t, from >= 0 && to > from, "an svg element")
	d := xml.NewDecoder(strings.NewReader(svg[from : to+len("</svg>")]))
	d.Strict = true
	require.NoError(t, d.Decode(&doc))
	var out []drawnLabel
	for _, g := range doc.Groups {
		if g.Class == "inject" {
			out = append(out, drawnLabel{g.Text.Body, g.Text.X, g.Text.Y, g.Text.Anchor})
		}
	}
	return out, doc.Height
}

// TestTimelineInjectLabelsApart: the labels of injects released close
// together go on lines of their own, so that none overlaps another (by
// the width the layout estimates for them), none runs off the chart,
// and the chart is the same every time.
func TestTimelineInjectLabelsApart(t *testing.T) {
	const long = "maintenance-condpush-for-vote"
	for _, tt := range []struct {
		name  string
		ids   []string
		at    []time.Duration
		lines int
	}{
		{"two a minute apart", []string{long, "owner-objects"}, []time.Duration{20 * time.Minute, 21 * time.Minute}, 2},
		{"three within two minutes", []string{long, "owner-objects", "press-calls"}, []time.Duration{20 * time.Minute, 21 * time.Minute, 22 * time.Minute}, 3},
		{"given out of order", []string{"owner-objects", long}, []time.Duration{21 * time.Minute, 20 * time.Minute}, 2},
		{"far apart", []string{long, "owner-objects"}, []time.Duration{5 * time.Minute, 40 * time.Minute}, 1},
		{"at the very end", []string{long}, []time.Duration{60 * time.Minute}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tl := measure.Timeline{Start: drillStart, End: drillStart.Add(time.Hour),
				Phases: []measure.PhaseTime{{Phase: 1, Title: "All", Planned: time.Hour, Actual: time.Hour, Start: drillStart, End: drillStart.Add(time.Hour)}}}
			for i, id := range tt.ids {
				tl.Injects = append(tl.Injects, measure.InjectResponse{ID: id, Released: drillStart.Add(tt.at[i])})
			}
			svg := string(timelineSVG("en", 1, 1, tl, nil))
			labels, height := drawnLabels(t, svg)
			require.Len(t, labels, len(tt.ids))
			span := func(l drawnLabel) (float64, float64) {
				w := textWidth(l.ID, 8)
				if l.Anchor == "end" {
					return l.X - w, l.X
				}
				return l.X, l.X + w
			}
			ys := map[float64]bool{}
			for i, a := range labels {
				ys[a.Y] = true
				a0, a1 := span(a)
				assert.GreaterOrEqual(t, a0, 0.0, a.ID)
				assert.LessOrEqual(t, a1, float64(chartW), a.ID)
				assert.Less(t, a.Y, height, a.ID)
				for _, b := range labels[i+1:] {
					if a.Y != b.Y {
						continue
					}
					b0, b1 := span(b)
					assert.True(t, a1 <= b0 || b1 <= a0, "%s [%.1f, %.1f] overlaps %s [%.1f, %.1f]", a.ID, a0, a1, b.ID, b0, b1)
				}
			}
			assert.Len(t, ys, tt.lines, "lines of labels")
			assert.Equal(t, svg, string(timelineSVG("en", 1, 1, tl, nil)))
		})
	}
}

// TestLogNotes: the trainer's notes in a group's drill log reach the
// report, in time order with their clock time and the phase they were
// written in, escaped in HTML and Markdown, in JSON as log_notes and in
// CSV safe from formulas; another group's notes stay with it.
func TestLogNotes(t *testing.T) {
	g11, g12 := unit{1, 1}, unit{1, 2}
	hostile := `=HYPERLINK("http://x") <script>alert(1)</script> *b* | c`
	log := logOf(g11, g12)
	note := func(seq int64, at time.Duration, u unit, text string) live.Entry {
		return live.Entry{Seq: seq, At: drillStart.Add(at), Round: u.round, Group: u.group, Kind: live.KindNote, Text: text, By: "trainer"}
	}
	// Out of time order in the file, as two sheets merged are.
	log = append(log,
		note(10, 20*time.Minute, g11, "The host let Mr Zhao speak for eight minutes."),
		note(11, 3*time.Minute+30*time.Second, g11, hostile),
		note(12, 5*time.Minute, g12, "Group 2's own note."),
	)
	p, s := fixture(t)
	withMeasures(s)
	ds := &drills{by: map[unit]drill{g11: onTime, g12: overrun}}
	rep := buildReport(p, s, scored(g11, map[string][2]int{"rhythm": {3, 3}}), log, ds.of)
	g := rep.Rounds[0].Groups[0]
	require.Equal(t, 1, g.Group)
	require.Len(t, g.LogNotes, 2)
	assert.Equal(t, LogNote{At: drillStart.Add(3*time.Minute + 30*time.Second), Clock: "09:03", Phase: 1, PhaseTitle: g.Measures.Rhythm.Phases[0].Title, By: "trainer", Text: hostile}, g.LogNotes[0])
	assert.Equal(t, "09:20", g.LogNotes[1].Clock)
	assert.Equal(t, "The host let Mr Zhao speak for eight minutes.", g.LogNotes[1].Text)
	var phase *measure.PhaseTime
	for i, ph := range g.Measures.Rhythm.Phases {
		if !drillStart.Add(20*time.Minute).Before(ph.Start) && drillStart.Add(20*time.Minute).Before(ph.End) {
			phase = &g.Measures.Rhythm.Phases[i]
		}
	}
	require.NotNil(t, phase)
	assert.Equal(t, phase.Phase, g.LogNotes[1].Phase, "the phase running at 09:20")
	g2 := rep.Rounds[0].Groups[1]
	require.Len(t, g2.LogNotes, 1)
	assert.Equal(t, "Group 2's own note.", g2.LogNotes[0].Text)

	out := map[string]string{}
	for _, format := range ReportFormats {
		b, err := RenderReport(rep, format)
		require.NoError(t, err)
		out[format] = string(b)
	}
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		assert.Equal(t, 2, strings.Count(out[format], "Notes from the drill log"), format)
		assert.Contains(t, out[format], "Mr Zhao speak for eight minutes", format)
		assert.NotContains(t, out[format], "<script>", format)
	}
	assert.Contains(t, out[ReportHTML], "09:03")
	assert.Contains(t, out[ReportHTML], "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Contains(t, out[ReportMarkdown], `\*b\* \| c`)
	assert.Contains(t, out[ReportJSON], `"log_notes": [`)
	assert.Contains(t, out[ReportJSON], `"clock": "09:03"`)

	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(out[ReportCSV], sheet.BOM)))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	require.NoError(t, err)
	var cells []string
	for _, row := range rows {
		for _, c := range row {
			if strings.Contains(c, "HYPERLINK") || strings.Contains(c, "Mr Zhao speak") || strings.Contains(c, "Group 2's own") {
				cells = append(cells, c)
			}
		}
	}
	assert.Equal(t, []string{"'" + hostile, "The host let Mr Zhao speak for eight minutes.", "Group 2's own note."}, cells, "every note once, the formula guarded")
}
