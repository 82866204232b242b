package drilllog

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// roomEntries are a room's log of two groups of round 1, as the store
// gives them: in UTC, to the millisecond, the groups interleaved.
func roomEntries() []live.Entry {
	t0 := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC) // 09:00 at +08:00
	m := func(min float64) time.Time { return t0.Add(time.Duration(min * float64(time.Minute))) }
	return []live.Entry{
		{Seq: 1, At: m(0), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1, By: "trainer"},
		{Seq: 2, At: m(0), Round: 1, Group: 1, Kind: live.KindPhaseStart, Phase: 1, By: "trainer"},
		{Seq: 3, At: m(1), Round: 1, Group: 2, Kind: live.KindTurn, Member: "T4", By: "trainee:T6"},
		{Seq: 4, At: m(2.5), Round: 1, Group: 2, Kind: live.KindTurn, Member: "T5", By: "trainee:T6"},
		{Seq: 5, At: m(3).Add(250 * time.Millisecond), Round: 1, Group: 2, Kind: live.KindNote, Text: "=1+1 \"quoted\"\n第二行", By: "trainer"},
		{Seq: 6, At: m(4), Round: 1, Group: 2, Kind: live.KindInterruption, Member: "T12", By: "reviewer:王老师"},
		{Seq: 7, At: m(5), Round: 1, Group: 2, Kind: live.KindPhaseEnd, Phase: 1, By: "trainer"},
		{Seq: 8, At: m(5), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 2, By: "trainer"},
		{Seq: 9, At: m(6), Round: 1, Group: 2, Kind: live.KindPause, Text: live.OutageText, By: live.BySystem},
		{Seq: 10, At: m(8), Round: 1, Group: 2, Kind: live.KindResume, Text: live.OutageText, By: live.BySystem},
		{Seq: 11, At: m(22), Round: 1, Group: 2, Kind: live.KindInject, Inject: "value-rumour", By: live.BySystem, Auto: true},
		{Seq: 12, At: m(23), Round: 1, Group: 2, Kind: live.KindSummary, Member: "T4", By: "trainee:T6"},
		{Seq: 13, At: m(23.5), Round: 1, Group: 2, Kind: live.KindSilence, By: "trainee:T6"},
		{Seq: 14, At: m(17 * 60), Round: 1, Group: 2, Kind: live.KindNote, Text: "true", By: "trainer"}, // 02:00 the next day at +08:00
		{Seq: 15, At: m(10), Round: 1, Group: 1, Kind: live.KindPhaseEnd, Phase: 1, By: "trainer"},
	}
}

// inCST is the entries with their times at +08:00, as `yishi export`
// gives them to FromEntries.
func inCST(es []live.Entry) []live.Entry {
	out := append([]live.Entry(nil), es...)
	for i := range out {
		out[i].At = out[i].At.In(cst)
	}
	return out
}

func TestFromEntries(t *testing.T) {
	logs := FromEntries("7c200bb4aaa6", "elevator-retrofit", inCST(roomEntries()))
	require.Len(t, logs, 2)
	assert.Equal(t, []int{1, 1}, []int{logs[0].Round, logs[0].Group}, "round and group order, not the log's")
	assert.Equal(t, []int{1, 2}, []int{logs[1].Round, logs[1].Group})
	g := logs[1]
	assert.Equal(t, Version, g.Version)
	assert.Equal(t, Kind, g.Kind)
	assert.Equal(t, "7c200bb4aaa6", g.Plan)
	assert.Equal(t, "elevator-retrofit", g.Scenario)
	assert.Equal(t, "2026-12-01", g.Date)
	assert.Equal(t, "+08:00", g.UTCOffset)
	require.Len(t, g.Entries, 13)
	for i, e := range g.Entries {
		assert.Equal(t, int64(i+1), e.Seq, "numbered in the file")
		assert.Equal(t, 2, e.Group)
	}
	assert.Equal(t, "T4", g.Entries[1].Member, "in the order given")
	require.Len(t, logs[0].Entries, 2)
	assert.Equal(t, live.KindPhaseEnd, logs[0].Entries[1].Kind)
	assert.Empty(t, FromEntries("p", "s", nil))
	// In UTC, as the store keeps them, the clock times are UTC's.
	utc := FromEntries("p", "s", roomEntries())
	assert.Equal(t, "+00:00", utc[0].UTCOffset)
}

// The golden files are what `yishi export` writes of a group: read them
// line by line. Reading one back and writing it again gives the same
// bytes, in YAML and in CSV.
func TestWriteGolden(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	logs := FromEntries(p.ID(), s.ID, inCST(roomEntries()))
	l := logs[1]
	l.Demo = true
	var y, c bytes.Buffer
	require.NoError(t, WriteYAML(&y, l))
	require.NoError(t, WriteCSV(&c, l))
	golden(t, "testdata/golden.yaml", y.Bytes())
	golden(t, "testdata/golden.csv", c.Bytes())

	for _, file := range []string{"testdata/golden.yaml", "testdata/golden.csv"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			back, diags := Parse(file, data)
			require.Empty(t, lines(diags))
			require.Empty(t, lines(Check(back, p, s)))
			assert.True(t, back.Demo)
			require.Len(t, back.Entries, len(l.Entries))
			for i := range l.Entries {
				want, got := l.Entries[i], back.Entries[i]
				assert.True(t, want.At.Equal(got.At), "entry %d: %v, want %v", i, got.At, want.At)
				want.At, got.At = time.Time{}, time.Time{}
				assert.Equal(t, want, got, "entry %d", i)
			}
			var again bytes.Buffer
			if strings.HasSuffix(file, ".csv") {
				require.NoError(t, WriteCSV(&again, *back))
			} else {
				require.NoError(t, WriteYAML(&again, *back))
			}
			assert.Equal(t, string(data), again.String())
		})
	}
}

// A hand-written log written back keeps its phases as the file gave them
// until Check has turned ids into numbers.
func TestWriteYAMLHandWritten(t *testing.T) {
	data, err := os.ReadFile("testdata/good.yaml")
	require.NoError(t, err)
	l, diags := Parse("good.yaml", data)
	require.Empty(t, diags)
	var before bytes.Buffer
	require.NoError(t, WriteYAML(&before, *l))
	assert.Contains(t, before.String(), `  - {at: "09:00", kind: phase_start, phase: opening}`+"\n")
	assert.Contains(t, before.String(), `  - {at: "09:25:30", kind: summary, member: T4}`+"\n")
	p, s := fixture(t, "testdata/plan.yaml")
	require.Empty(t, Check(l, p, s))
	var after bytes.Buffer
	require.NoError(t, WriteYAML(&after, *l))
	assert.Contains(t, after.String(), `  - {at: "09:00", kind: phase_start, phase: 1}`+"\n")
}

func TestWriteYAMLRefusesSeveralGroups(t *testing.T) {
	var b bytes.Buffer
	assert.EqualError(t, WriteYAML(&b, Log{Entries: roomEntries()}), "invalid input: a drill log file is of one round and group, and this log names none")
	assert.EqualError(t, WriteYAML(&b, Log{Round: 1, Group: 2, Entries: roomEntries()}), "invalid input: a drill log file is of one round and group, and this log holds round 1, group 2 and round 1, group 1")
	assert.Zero(t, b.Len())
}

func TestYAMLString(t *testing.T) {
	for in, want := range map[string]string{
		"T4": "T4", "value-rumour": "value-rumour", "t_01.a": "t_01.a",
		"01": `"01"`, "true": `"true"`, "No": `"No"`, "null": `"null"`, "": `""`,
		"a b": `"a b"`, "a: b": `"a: b"`, "{x}": `"{x}"`, "#c": `"#c"`, "王芳": `"王芳"`,
		"line\nnext": `"line\nnext"`, "\u202eevil": `"\u202eevil"`,
	} {
		assert.Equal(t, want, yamlString(in), "%q", in)
	}
}

// Shuffling the lines of a log whose lines carry their own times changes
// nothing Sorted gives but each entry's Seq, its place in the file.
func TestSortedIgnoresLineOrder(t *testing.T) {
	data, err := os.ReadFile("testdata/good.yaml")
	require.NoError(t, err)
	l, diags := Parse("good.yaml", data)
	require.Empty(t, diags)
	want := withoutSeq(l.Sorted())
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		// The two lines at 09:06 (end of phase 1, start of phase 2) keep
		// their order, as two lines at one time must.
		es := append([]live.Entry(nil), l.Entries...)
		r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
		var ends, starts int
		for i, e := range es {
			switch {
			case e.Kind == live.KindPhaseEnd && e.Phase == 1:
				ends = i
			case e.Kind == live.KindPhaseStart && e.Phase == 2:
				starts = i
			}
		}
		if starts < ends {
			es[starts], es[ends] = es[ends], es[starts]
		}
		shuffled := &Log{Round: l.Round, Group: l.Group, Entries: es}
		assert.Equal(t, want, withoutSeq(shuffled.Sorted()))
	}
}

func withoutSeq(es []live.Entry) []live.Entry {
	out := append([]live.Entry(nil), es...)
	for i := range out {
		out[i].Seq = 0
	}
	return out
}

// A note, a member id or an inject id that Excel would run as a formula is
// written so that it cannot, and reads back as it was typed.
func TestWriteCSVCannotRunFormulas(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("", 8*3600))
	hostile := []string{`=HYPERLINK("http://evil.example","x")`, "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1"}
	l := Log{Version: Version, Kind: Kind, Round: 1, Group: 2, Date: "2026-12-01", UTCOffset: "+08:00"}
	for i, h := range hostile {
		l.Entries = append(l.Entries, live.Entry{Seq: int64(i + 1), At: at.Add(time.Duration(i) * time.Minute), Round: 1, Group: 2, Kind: live.KindNote, Text: h, By: h})
	}
	var b bytes.Buffer
	require.NoError(t, WriteCSV(&b, l))
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b.Bytes(), []byte(sheet.BOM)))).ReadAll()
	require.NoError(t, err)
	for _, row := range rows {
		for _, cell := range row {
			if _, err := strconv.ParseFloat(cell, 64); cell != "" && err != nil {
				// A plain number (-2) is data to Excel, as sheet.SafeCell has it.
				assert.NotContains(t, "=+-@\t\r", cell[:1], "cell %q could run as a formula", cell)
			}
		}
	}
	back, diags := Parse("log.csv", b.Bytes())
	require.Empty(t, lines(diags))
	for i, h := range hostile {
		assert.Equal(t, strings.TrimSpace(h), strings.TrimSpace(back.Entries[i].Text), "the text as typed, but for the spaces a reader trims")
	}
}
