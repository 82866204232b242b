package review

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// overrunLog is a paper log of round 1, group 1 of the fixture: every
// phase of the agenda 40 % over its timebox, turns round the table, a
// summary by the host, and the first inject answered.
func overrunLog(s *scenario.Scenario) []live.Entry {
	var log []live.Entry
	add := func(at time.Time, e live.Entry) {
		e.Seq, e.At, e.Round, e.Group = int64(len(log)+1), at, 1, 1
		log = append(log, e)
	}
	at := drillStart
	members := []string{"T1", "T2", "T3", "T10", "T11"}
	for i, ph := range live.AgendaOf(s).Phases {
		add(at, live.Entry{Kind: live.KindPhaseStart, Phase: i + 1})
		d := ph.Planned * 14 / 10
		for k := range 3 {
			add(at.Add(time.Duration(k+1)*d/4), live.Entry{Kind: live.KindTurn, Member: members[(i+k)%len(members)]})
		}
		if i == 1 {
			add(at.Add(d/2+time.Second), live.Entry{Kind: live.KindSummary, Member: "T1"})
		}
		at = at.Add(d)
		add(at, live.Entry{Kind: live.KindPhaseEnd, Phase: i + 1})
		at = at.Add(time.Second)
	}
	inj := live.AgendaOf(s).Injects[0]
	add(drillStart.Add(inj.At), live.Entry{Kind: live.KindInject, Inject: inj.ID})
	add(drillStart.Add(inj.At+90*time.Second), live.Entry{Kind: live.KindNote, Inject: inj.ID, Text: "The host asks for the estate agent's evidence"})
	return log
}

// TestReportLogMeasured: with the real measures, a group scored 5 on
// rhythm whose every phase ran 40 % over is flagged, and its timeline
// draws each turn.
func TestReportLogMeasured(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	log := overrunLog(s)
	rep := BuildReportLog(p, s, scored(unit{1, 1}, map[string][2]int{"rhythm": {5, 5}}), log)
	g := rep.Rounds[0].Groups[0]
	require.NotNil(t, g.Measures)
	assert.InDelta(t, 0.4, g.Measures.Values[scenario.MeasureOverrun], 0.01)
	var flagged []string
	for _, f := range rep.MeasureFlags {
		flagged = append(flagged, f.Dimension+"/"+f.Measure)
	}
	assert.Contains(t, flagged, "rhythm/overrun")
	turns := 0
	for _, e := range log {
		if e.Kind == live.KindTurn {
			turns++
		}
	}
	assert.Len(t, g.Measures.Timeline.Turns, turns)
}

// TestReportLogShuffled: the log's lines, each with its own time, in
// another order give the same report, byte for byte.
func TestReportLogShuffled(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	sheets := DemoScoresheets(p, s, []string{"Alice", "Bob"}, 4)
	log := overrunLog(s)
	want := map[string]string{}
	for _, format := range ReportFormats {
		out, err := RenderReport(BuildReportLog(p, s, sheets, log), format)
		require.NoError(t, err)
		want[format] = string(out)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5 {
		lg := append([]live.Entry{}, log...)
		rng.Shuffle(len(lg), func(i, j int) { lg[i], lg[j] = lg[j], lg[i] })
		for _, format := range ReportFormats {
			out, err := RenderReport(BuildReportLog(p, s, sheets, lg), format)
			require.NoError(t, err)
			require.Equal(t, want[format], string(out), format)
		}
	}
}

// A paper log of phase times alone says nothing of who spoke: the report
// shows no participation table, names nobody silent and counts no
// summary, in HTML and Markdown, and flags nothing from the talk.
func TestReportPhaseOnlyLog(t *testing.T) {
	p, s := fixture(t)
	withMeasures(s)
	var log []live.Entry
	for _, e := range overrunLog(s) {
		if e.Kind == live.KindPhaseStart || e.Kind == live.KindPhaseEnd {
			log = append(log, e)
		}
	}
	rep := BuildReportLog(p, s, scored(unit{1, 1}, map[string][2]int{"guidance": {1, 1}, "induction": {5, 5}}), log)
	g := rep.Rounds[0].Groups[0]
	require.NotNil(t, g.Measures)
	assert.NotContains(t, g.Measures.Values, scenario.MeasureGini)
	assert.NotContains(t, g.Measures.Values, scenario.MeasureSummaries)
	for _, f := range rep.MeasureFlags {
		assert.NotEqual(t, "guidance", f.Dimension, "nothing of the talk flags a score")
		assert.NotEqual(t, "induction", f.Dimension)
	}
	for _, format := range []string{ReportHTML, ReportMarkdown} {
		data, err := RenderReport(rep, format)
		require.NoError(t, err)
		text := string(data)
		assert.Contains(t, text, "The log records no speaking turn", format)
		assert.NotContains(t, text, "Silent members: ", format)
	}
}
