package measure

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

const delta = 1e-9

// phaseTimes are the actual minutes of each phase.
func phaseTimes(g Group) []float64 {
	out := make([]float64, len(g.Rhythm.Phases))
	for i, p := range g.Rhythm.Phases {
		out[i] = p.Actual.Minutes()
	}
	return out
}

// speaking is each member's speaking minutes, by id.
func speaking(g Group) map[string]float64 {
	out := map[string]float64{}
	for _, m := range g.Participation.Members {
		out[m.ID] = m.Speaking.Minutes()
	}
	return out
}

// keys are the ids of the measures present, in [scenario.Measures] order.
func keys(g Group) []string {
	var out []string
	for _, id := range scenario.Measures {
		if _, ok := g.Values[id]; ok {
			out = append(out, id)
		}
	}
	return out
}

// without is every measure id but those given.
func without(ids ...string) []string {
	var out []string
	for _, id := range scenario.Measures {
		if !slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

func TestOf(t *testing.T) {
	hosts := []string{"h"}
	tests := []struct {
		name    string
		entries []live.Entry
		hosts   []string
		check   func(t *testing.T, g Group)
	}{
		{
			name: "phases on time and over",
			entries: log(
				phaseStart(1, 0), phaseEnd(1, 12),
				phaseStart(2, 12), phaseEnd(2, 32),
				phaseStart(3, 32), phaseEnd(3, 50),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, at(0), g.Started)
				assert.Equal(t, at(50), g.Finished)
				assert.Equal(t, mins(50), g.Drill)
				assert.Equal(t, []float64{12, 20, 18}, phaseTimes(g))
				r := g.Rhythm
				assert.InDelta(t, 0.2, r.Phases[0].Overrun, delta)
				assert.InDelta(t, 0, r.Phases[1].Overrun, delta)
				assert.InDelta(t, 0.2, r.Phases[2].Overrun, delta)
				assert.Equal(t, mins(45), r.Planned)
				assert.Equal(t, mins(50), r.Actual)
				assert.Equal(t, mins(5), r.Over)
				assert.Zero(t, r.Skipped)
				// 1 - (0.2 + 0 + 0.2) / 3
				assert.InDelta(t, 1-0.4/3, r.Punctuality, delta)
				assert.InDelta(t, 1-0.4/3, g.Values[scenario.MeasurePunctuality], delta)
				assert.InDelta(t, 5.0/45, g.Values[scenario.MeasureOverrun], delta)
				assert.InDelta(t, 0, g.Values[scenario.MeasurePhasesSkipped], delta)
				assert.Equal(t, at(12), r.Phases[1].Start)
				assert.Equal(t, at(32), r.Phases[1].End)
			},
		},
		{
			name: "a skipped phase, and a phase ended by the next one's start",
			entries: log(
				phaseStart(1, 0),
				phaseStart(3, 10), phaseEnd(3, 25),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []float64{10, 0, 15}, phaseTimes(g))
				r := g.Rhythm
				assert.Equal(t, 1, r.Skipped)
				assert.True(t, r.Phases[1].Skipped)
				assert.False(t, r.Phases[0].Skipped)
				assert.InDelta(t, -1, r.Phases[1].Overrun, delta)
				assert.True(t, r.Phases[1].Start.IsZero())
				assert.Equal(t, mins(-20), r.Over)
				assert.InDelta(t, 1-1.0/3, r.Punctuality, delta)
				assert.InDelta(t, 0, g.Values[scenario.MeasureOverrun], delta, "a drill that ran under has no overrun")
				assert.InDelta(t, 1, g.Values[scenario.MeasurePhasesSkipped], delta)
				assert.Equal(t, at(25), g.Finished)
			},
		},
		{
			name: "a phase far over its timebox deviates by at most 1",
			entries: log(
				phaseStart(1, 0), phaseStart(2, 30), phaseStart(3, 50), phaseEnd(3, 65),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.InDelta(t, 2, g.Rhythm.Phases[0].Overrun, delta)
				assert.InDelta(t, 1-1.0/3, g.Rhythm.Punctuality, delta)
			},
		},
		{
			name: "a pause inside a phase, a turn without its end cut by the pause",
			entries: log(
				phaseStart(1, 0), turn("a", 1), pause(3), resume(5), turn("b", 6), phaseEnd(1, 12),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, mins(10), g.Drill)
				assert.Equal(t, []live.Interval{{From: at(3), To: at(5)}}, g.Pauses)
				assert.Equal(t, []float64{10, 0, 0}, phaseTimes(g))
				assert.InDelta(t, 0, g.Rhythm.Phases[0].Overrun, delta)
				assert.Equal(t, 2, g.Rhythm.Skipped)
				sp := speaking(g)
				assert.InDelta(t, 2, sp["a"], delta)
				assert.InDelta(t, 6, sp["b"], delta)
				assert.Equal(t, []Turn{{"a", at(1), at(3)}, {"b", at(6), at(12)}}, g.Timeline.Turns)
			},
		},
		{
			name: "a pause inside a turn with its end, and a turn ending in a pause",
			entries: log(
				phaseStart(1, 0), turnTo("a", 1, 8), pause(3), resume(5),
				turnTo("b", 8, 11), pause(10), resume(12), phaseEnd(1, 14),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, mins(10), g.Drill)
				assert.Equal(t, []float64{10, 0, 0}, phaseTimes(g))
				sp := speaking(g)
				assert.InDelta(t, 5, sp["a"], delta, "7 minutes less the 2 of the pause")
				assert.InDelta(t, 2, sp["b"], delta, "up to the pause at 10")
				assert.Equal(t, []Turn{{"a", at(1), at(8)}, {"b", at(8), at(10)}}, g.Timeline.Turns)
			},
		},
		{
			name: "turns with and without their end, an end past the next start, silence, silent members",
			entries: log(
				phaseStart(1, 0),
				turnTo("a", 0.5, 2), silence(1), // a silence does not cut a turn whose end is given
				turn("b", 3), silence(4),
				turnTo("h", 5, 7.5), turn("a", 7),
				phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				p := g.Participation
				sp := speaking(g)
				assert.Equal(t, map[string]float64{"h": 2, "r": 0, "a": 4.5, "b": 1, "s": 0}, sp)
				assert.Equal(t, mins(7.5), p.Speaking)
				assert.Equal(t, 4, p.Turns)
				assert.Equal(t, []int{1, 0, 2, 1, 0}, []int{p.Members[0].Turns, p.Members[1].Turns, p.Members[2].Turns, p.Members[3].Turns, p.Members[4].Turns})
				assert.InDelta(t, 0.6, p.Members[2].Share, delta)
				assert.InDelta(t, 1/7.5, p.Members[3].Share, delta)
				assert.Equal(t, []string{"r", "s"}, p.Silent)
				// |2-0|+|2-4.5|+|2-1|+|2-0|+|0-4.5|+|0-1|+|0-0|+|4.5-1|+|4.5-0|+|1-0| = 22; 22 / (5 × 7.5)
				assert.InDelta(t, 22/37.5, p.Gini, delta)
				require.NotNil(t, p.HostShare)
				assert.InDelta(t, 2/7.5, *p.HostShare, delta)
				assert.Equal(t, 3, p.FloorPasses)
				assert.InDelta(t, 1, p.PassRate, delta)
				assert.InDelta(t, 2, g.Values[scenario.MeasureSilentMembers], delta)
				assert.InDelta(t, 22/37.5, g.Values[scenario.MeasureGini], delta)
				assert.InDelta(t, 2/7.5, g.Values[scenario.MeasureHostShare], delta)
				assert.InDelta(t, 1, g.Values[scenario.MeasureFloorPasses], delta)
				assert.Equal(t, at(7), g.Timeline.Turns[2].To, "h's given end is past a's start")
			},
		},
		{
			name: "the floor stays with one member",
			entries: log(
				phaseStart(1, 0), turn("a", 1), turn("a", 2), turn("b", 3), turn("b", 4), turn("a", 5), phaseEnd(1, 6),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, 5, g.Participation.Turns)
				assert.Equal(t, 2, g.Participation.FloorPasses)
				assert.InDelta(t, 0.5, g.Participation.PassRate, delta)
				assert.InDelta(t, 0, *g.Participation.HostShare, delta, "a host who never spoke has a share of 0")
				assert.Equal(t, []string{"h", "r", "s"}, g.Participation.Silent)
			},
		},
		{
			name: "interruptions, by whom and per 10 minutes of drill",
			entries: log(
				phaseStart(1, 0), turn("a", 1), interruption("a", 2), interruption("b", 3), interruption("", 4),
				interruption("a", 6), pause(10), resume(15), phaseEnd(1, 20),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				p := g.Participation
				assert.Equal(t, 4, p.Interruptions)
				assert.Equal(t, 2, p.Members[2].Interruptions)
				assert.Equal(t, 1, p.Members[3].Interruptions)
				assert.Equal(t, mins(15), g.Drill)
				// 4 in 15 minutes of drill
				assert.InDelta(t, 4/1.5, p.InterruptionsPer10, delta)
				assert.InDelta(t, 4/1.5, g.Values[scenario.MeasureInterruptionsPer10], delta)
				assert.Equal(t, []time.Time{at(2), at(3), at(4), at(6)}, g.Timeline.Interruptions)
			},
		},
		{
			name: "summaries in two phases, one between phases, the first after a pause",
			entries: log(
				phaseStart(1, 0), pause(1), resume(2), turn("a", 3), summary(4), phaseEnd(1, 9),
				summary(9.5),
				phaseStart(2, 10), summary(10), summary(15), phaseEnd(2, 30),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				in := g.Induction
				assert.Equal(t, []int{1, 2, 0}, in.PerPhase)
				assert.Equal(t, 4, in.Total)
				require.NotNil(t, in.First)
				assert.Equal(t, mins(3), *in.First)
				assert.InDelta(t, 4, g.Values[scenario.MeasureSummaries], delta)
				assert.InDelta(t, 3, g.Values[scenario.MeasureFirstSummary], delta)
				assert.Equal(t, []time.Time{at(4), at(9.5), at(10), at(15)}, g.Timeline.Summaries)
			},
		},
		{
			name: "an inject answered after a pause and one not answered",
			entries: log(
				phaseStart(1, 0), inject("rain", 5), pause(6), resume(8),
				note("fire", 11), // before fire's release: not an answer
				func() live.Entry { e := turn("a", 9); e.Inject = "rain"; return e }(),
				inject("fire", 12), inject("rain", 13), note("rain", 14),
				phaseEnd(1, 20),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []InjectResponse{
					{ID: "rain", Released: at(5), Responded: true, After: mins(2)},
					{ID: "fire", Released: at(12)},
				}, g.Rhythm.Injects)
				// fire, never answered, counts as answered at the drill's
				// end, 8 minutes after its release: (2 + 8) / 2.
				assert.InDelta(t, 5, g.Values[scenario.MeasureInjectResponse], delta)
				assert.Equal(t, g.Rhythm.Injects, g.Timeline.Injects)
			},
		},
		{
			name: "injects answered by the first turn of a member they are aimed at",
			entries: log(
				phaseStart(1, 0), turn("a", 1), inject("rain", 2),
				turn("h", 3), pause(4), resume(5), turn("a", 6), // the host is not aimed at; the resident is
				inject("fire", 7), turn("x", 8), turn("a", 9), turn("s", 10), turn("b", 11),
				phaseEnd(1, 12),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []InjectResponse{
					{ID: "rain", Released: at(2), Responded: true, After: mins(3)},
					{ID: "fire", Released: at(7), Responded: true, After: mins(3)},
				}, g.Rhythm.Injects)
				assert.InDelta(t, 3, g.Values[scenario.MeasureInjectResponse], delta)
			},
		},
		{
			name: "an entry naming the inject is its answer even after a turn of a member it is aimed at",
			entries: log(
				phaseStart(1, 0), inject("rain", 2), turn("a", 3), note("rain", 5), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []InjectResponse{{ID: "rain", Released: at(2), Responded: true, After: mins(3)}}, g.Rhythm.Injects)
			},
		},
		{
			name: "turns before the release, by members not aimed at, or of an inject not in the agenda answer nothing",
			entries: log(
				phaseStart(1, 0), turn("a", 1), inject("rain", 2), turn("b", 3), turn("h", 4),
				inject("storm", 5), turn("s", 6), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []InjectResponse{
					{ID: "rain", Released: at(2)},
					{ID: "storm", Released: at(5)},
				}, g.Rhythm.Injects, "never answered, and still listed")
				// Both count as answered at the drill's end: (8 + 5) / 2.
				assert.InDelta(t, 6.5, g.Values[scenario.MeasureInjectResponse], delta)
			},
		},
		{
			name: "three injects of four never answered read slow, not the one answered quickly",
			entries: log(
				phaseStart(1, 0), inject("rain", 2), turn("a", 3.5),
				inject("fire", 4), inject("storm", 5), pause(6), resume(7), inject("hail", 8),
				turn("a", 9), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []InjectResponse{
					{ID: "rain", Released: at(2), Responded: true, After: mins(1.5)},
					{ID: "fire", Released: at(4)},
					{ID: "storm", Released: at(5)},
					{ID: "hail", Released: at(8)},
				}, g.Rhythm.Injects)
				// To the drill's end, less the pause: 1.5, 5, 4 and 2 minutes.
				assert.InDelta(t, (1.5+5+4+2)/4, g.Values[scenario.MeasureInjectResponse], delta)
			},
		},
		{
			name: "only a host's summaries count, or one naming no member",
			entries: log(
				phaseStart(1, 0), turn("a", 1),
				func() live.Entry { e := summary(2); e.Member = "a"; return e }(), // a stakeholder
				func() live.Entry { e := summary(3); e.Member = "x"; return e }(), // not in the team
				func() live.Entry { e := summary(4); e.Member = ""; return e }(),
				phaseEnd(1, 5), phaseStart(2, 5),
				func() live.Entry { e := summary(6); e.Member = "b"; return e }(),
				summary(8), phaseEnd(2, 9),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				in := g.Induction
				assert.Equal(t, []int{1, 1, 0}, in.PerPhase)
				assert.Equal(t, 2, in.Total)
				require.NotNil(t, in.First)
				assert.Equal(t, mins(4), *in.First)
				assert.InDelta(t, 2, g.Values[scenario.MeasureSummaries], delta)
				assert.InDelta(t, 4, g.Values[scenario.MeasureFirstSummary], delta)
				assert.Equal(t, []time.Time{at(4), at(8)}, g.Timeline.Summaries)
			},
		},
		{
			name: "no host",
			entries: log(
				phaseStart(1, 0), turn("a", 1), turn("h", 2), phaseEnd(1, 4),
			),
			check: func(t *testing.T, g Group) {
				assert.Nil(t, g.Participation.HostShare)
				assert.NotContains(t, g.Values, scenario.MeasureHostShare)
				assert.Equal(t, without(scenario.MeasureInjectResponse, scenario.MeasureHostShare,
					scenario.MeasureFirstSummary), keys(g))
			},
		},
		{
			name: "a log without a phase start is measured over its span, without rhythm",
			entries: log(
				turn("a", 0), turn("b", 2), interruption("a", 3), note("", 5),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, at(0), g.Started)
				assert.Equal(t, at(5), g.Finished)
				assert.Equal(t, mins(5), g.Drill)
				assert.Equal(t, map[string]float64{"h": 0, "r": 0, "a": 2, "b": 3, "s": 0}, speaking(g))
				assert.Zero(t, g.Rhythm.Skipped)
				assert.Zero(t, g.Rhythm.Punctuality)
				assert.InDelta(t, 2, g.Values[scenario.MeasureInterruptionsPer10], delta)
				assert.Equal(t, without(scenario.MeasurePunctuality, scenario.MeasureOverrun, scenario.MeasurePhasesSkipped,
					scenario.MeasureInjectResponse, scenario.MeasureFirstSummary), keys(g))
			},
		},
		{
			name: "a drill whose last phase never ended finishes at its last entry or turn end",
			entries: log(
				phaseStart(1, 0), phaseStart(2, 10), turnTo("a", 12, 21), note("", 20),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, at(21), g.Finished)
				assert.Equal(t, []float64{10, 11, 0}, phaseTimes(g))
				assert.Equal(t, 1, g.Rhythm.Skipped)
				assert.InDelta(t, 9, speaking(g)["a"], delta)
			},
		},
		{
			name: "entries at the same time: a summary, then a phase end, then a pause, then the next phase start, then the rest",
			entries: log(
				phaseStart(1, 0),
				turn("a", 10), phaseStart(2, 10), resume(12), pause(10), phaseEnd(1, 10), summary(10),
				phaseEnd(2, 32), summary(32),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []int{1, 1, 0}, g.Induction.PerPhase, "a summary at a phase's end is in the phase that ends")
				assert.Equal(t, 2, g.Induction.Total)
				assert.Equal(t, []float64{10, 20, 0}, phaseTimes(g))
				assert.Equal(t, []live.Interval{{From: at(10), To: at(12)}}, g.Pauses)
				assert.Equal(t, mins(30), g.Drill)
				assert.InDelta(t, 20, speaking(g)["a"], delta, "a's turn starts in the pause and runs to the end")
			},
		},
		{
			name: "a summary at the minute a phase starts after a break, or the drill starts, is in the phase that starts",
			entries: log(
				phaseStart(2, 0), summary(0), turn("a", 0), phaseEnd(2, 10),
				summary(15), phaseStart(3, 15), phaseEnd(3, 30),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []int{0, 1, 1}, g.Induction.PerPhase)
				require.NotNil(t, g.Induction.First)
				assert.Zero(t, *g.Induction.First)
			},
		},
		{
			name: "a summary at the minute a phase start ends the phase before is in the phase that ends",
			entries: log(
				phaseStart(1, 0), turn("a", 1), phaseStart(2, 10), summary(10), phaseStart(3, 30), summary(30), phaseEnd(3, 45),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []int{1, 1, 0}, g.Induction.PerPhase)
			},
		},
		{
			name: "an outage inside a trainer's pause, and a pause ended by the phase end",
			entries: log(
				phaseStart(1, 0), pause(2), outage(3, 5), resume(6), turn("a", 7), pause(9), phaseEnd(1, 12),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(2), To: at(6)}, {From: at(9), To: at(12)}}, g.Pauses)
				assert.Equal(t, mins(5), g.Drill)
				assert.InDelta(t, 2, speaking(g)["a"], delta)
			},
		},
		{
			name: "a pause never resumed ends when the phase moves on",
			entries: log(
				phaseStart(1, 0), turn("a", 1), pause(5), phaseEnd(1, 10),
				phaseStart(2, 10), turn("b", 11), phaseEnd(2, 30),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(5), To: at(10)}}, g.Pauses)
				assert.Equal(t, mins(25), g.Drill)
				assert.Equal(t, []float64{5, 20, 0}, phaseTimes(g))
				assert.Equal(t, map[string]float64{"h": 0, "r": 0, "a": 4, "b": 19, "s": 0}, speaking(g))
			},
		},
		{
			name: "a pause never resumed ends at the next phase start, and a resume after it changes nothing",
			entries: log(
				phaseStart(1, 0), pause(4), phaseStart(2, 10), resume(12), turn("a", 13), phaseEnd(2, 20),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(4), To: at(10)}}, g.Pauses)
				assert.Equal(t, mins(14), g.Drill)
				assert.Equal(t, []float64{4, 10, 0}, phaseTimes(g))
			},
		},
		{
			name: "an outage never resumed is not ended by the phase moving on",
			entries: log(
				phaseStart(1, 0), outage(4, 0)[0], phaseEnd(1, 10), phaseStart(2, 10), note("", 20),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(4), To: at(20)}}, g.Pauses)
				assert.Equal(t, mins(4), g.Drill)
			},
		},
		{
			name: "a pause never resumed after the last phase ran lasts to the drill's end",
			entries: log(
				phaseStart(1, 0), turn("a", 1), pause(6), note("", 9),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(6), To: at(9)}}, g.Pauses)
				assert.Equal(t, mins(6), g.Drill)
				assert.InDelta(t, 5, speaking(g)["a"], delta)
			},
		},
		{
			name: "an outage overlapping a trainer's pause",
			entries: log(
				phaseStart(1, 0), pause(2), outage(3, 8), resume(6), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []live.Interval{{From: at(2), To: at(8)}}, g.Pauses)
				assert.Equal(t, mins(4), g.Drill)
			},
		},
		{
			name: "other groups, turns by strangers and entries outside the drill are not counted",
			entries: log(
				turn("a", -2), summary(-1),
				phaseStart(1, 0), turn("a", 1),
				func() live.Entry { e := turn("x", 2); return e }(),
				func() live.Entry { e := turn("b", 2); e.Group = 2; return e }(),
				func() live.Entry { e := phaseEnd(1, 3); e.Round = 2; return e }(),
				phaseEnd(1, 4), turn("b", 5), interruption("b", 6),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, map[string]float64{"h": 0, "r": 0, "a": 3, "b": 0, "s": 0}, speaking(g))
				assert.Equal(t, 1, g.Participation.Turns)
				assert.Zero(t, g.Participation.Interruptions)
				assert.Zero(t, g.Induction.Total)
				assert.Equal(t, at(4), g.Finished)
				assert.Equal(t, 1, g.Round)
				assert.Equal(t, 1, g.Group)
				assert.Equal(t, without(scenario.MeasureInjectResponse, scenario.MeasureFloorPasses,
					scenario.MeasureFirstSummary), keys(g), "one turn gives no pass rate")
			},
		},
		{
			name:  "an empty log",
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Zero(t, g.Drill)
				assert.Zero(t, g.Participation.Gini)
				assert.Nil(t, g.Participation.HostShare)
				assert.Equal(t, []string{"h", "r", "a", "b", "s"}, g.Participation.Silent)
				assert.Equal(t, []int{0, 0, 0}, g.Induction.PerPhase)
				assert.Empty(t, keys(g), "nobody logged the talk, so no member was silent and no summary missing")
			},
		},
		{
			name: "a log of phase times alone gives the rhythm measures only",
			entries: log(
				phaseStart(1, 0), inject("rain", 2), note("rain", 3), phaseEnd(1, 12),
				phaseStart(2, 12), phaseEnd(2, 32), phaseStart(3, 32), phaseEnd(3, 47),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []string{scenario.MeasurePunctuality, scenario.MeasureOverrun,
					scenario.MeasurePhasesSkipped, scenario.MeasureInjectResponse}, keys(g))
				assert.Zero(t, g.Participation.Turns)
			},
		},
		{
			name: "summaries and interruptions logged without a turn count, the talk's measures do not",
			entries: log(
				phaseStart(1, 0), summary(3), interruption("a", 5), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []string{scenario.MeasurePunctuality, scenario.MeasureOverrun,
					scenario.MeasurePhasesSkipped, scenario.MeasureInterruptionsPer10,
					scenario.MeasureSummaries, scenario.MeasureFirstSummary}, keys(g))
				assert.InDelta(t, 1, g.Values[scenario.MeasureSummaries], delta)
				assert.InDelta(t, 3, g.Values[scenario.MeasureFirstSummary], delta)
				assert.InDelta(t, 1, g.Values[scenario.MeasureInterruptionsPer10], delta, "one in ten minutes")
			},
		},
		{
			name: "a log of phase times and injects: the unanswered injects are not taken as ignored",
			entries: log(
				phaseStart(1, 0), inject("rain", 2), inject("fire", 4), note("fire", 7), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.InDelta(t, 3, g.Values[scenario.MeasureInjectResponse], delta, "only the answer the log shows")
			},
		},
		{
			name: "a log of phase times and injects none answered gives no response time",
			entries: log(
				phaseStart(1, 0), inject("rain", 2), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.NotContains(t, g.Values, scenario.MeasureInjectResponse)
			},
		},
		{
			name: "turns before the drill or by a stranger are not a log of the talk",
			entries: log(
				turn("a", -2), phaseStart(1, 0), turn("x", 1), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, []string{scenario.MeasurePunctuality, scenario.MeasureOverrun,
					scenario.MeasurePhasesSkipped}, keys(g))
			},
		},
		{
			name: "one turn inside the drill is enough to give every participation measure it can",
			entries: log(
				phaseStart(1, 0), turn("a", 1), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, without(scenario.MeasureInjectResponse, scenario.MeasureFloorPasses,
					scenario.MeasureFirstSummary), keys(g))
				assert.InDelta(t, 4, g.Values[scenario.MeasureSilentMembers], delta)
				assert.InDelta(t, 0, g.Values[scenario.MeasureSummaries], delta)
				assert.InDelta(t, 0, g.Values[scenario.MeasureInterruptionsPer10], delta)
			},
		},
		{
			name: "every measure the log can give",
			entries: log(
				phaseStart(1, 0), turn("h", 0), summary(1), inject("rain", 2), note("rain", 3), turn("a", 4),
				interruption("b", 5), turn("b", 6), phaseEnd(1, 10),
			),
			hosts: hosts,
			check: func(t *testing.T, g Group) {
				assert.Equal(t, scenario.Measures, keys(g))
				assert.Len(t, g.Values, len(scenario.Measures), "no key outside scenario.Measures")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Of(Input{Agenda: agenda, Team: team, Hosts: tt.hosts, Entries: tt.entries})
			tt.check(t, g)
			for id := range maps.Keys(g.Values) {
				assert.Contains(t, scenario.Measures, id)
			}
			assert.Equal(t, g.Participation.Members, g.Timeline.Members)
			assert.Equal(t, g.Rhythm.Phases, g.Timeline.Phases)
		})
	}
}
