package live

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// fixtureLog is a short day of one group, with notes that a spreadsheet
// would run as formulas, Chinese text, and a cell with a comma, a quote
// and a line break.
func fixtureLog(t *testing.T) Log {
	a, team := fixtureAgenda(), fixtureTeam()
	_, log := drive(t, a, team,
		step{0, cmd(CommandStart)},
		step{minute, Command{Kind: CommandTurn, Member: "t1"}},
		step{2 * minute, Command{Kind: CommandNote, Text: `=HYPERLINK("http://evil.example","click")`}},
		step{3 * minute, Command{Kind: CommandNote, Text: "+1 and -2 @all"}},
		step{4 * minute, Command{Kind: CommandNote, Text: "-2"}},
		step{5 * minute, cmd(CommandNext)},
		step{6 * minute, cmd(CommandPause)},
		step{8 * minute, cmd(CommandResume)},
		step{9 * minute, Command{Kind: CommandRelease, Inject: "rain"}},
		step{10 * minute, Command{Kind: CommandNote, Text: "王芳总结得好, \"很清楚\"\n第二行"}},
		step{11 * minute, Command{Kind: CommandInterruption, Member: "t3"}},
		step{12*minute + 30*time.Second, cmd(CommandSilence)},
	)
	s := Fold(a, team, log)
	log = appendLog(log, AutoReleases(a, s, at(40*minute))...)
	return Log{Plan: "plan-1234", Scenario: "elevator-retrofit", Entries: log}
}

func TestWriteYAML(t *testing.T) {
	l := fixtureLog(t)
	var b bytes.Buffer
	require.NoError(t, WriteYAML(&b, l))
	golden(t, "testdata/log.yaml", b.Bytes())
	first := bytes.Clone(b.Bytes())

	assert.True(t, strings.HasPrefix(b.String(), "# yishi drill log: "))
	var back Log
	dec := yaml.NewDecoder(&b)
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&back))
	assert.Equal(t, LogVersion, back.Version)
	assert.Equal(t, LogKind, back.Kind)
	require.Len(t, back.Entries, len(l.Entries))
	for i, e := range back.Entries {
		assert.True(t, l.Entries[i].At.Equal(e.At), "entry %d's time", i)
		e.At = l.Entries[i].At
		assert.Equal(t, l.Entries[i], e)
	}

	var again bytes.Buffer
	require.NoError(t, WriteYAML(&again, l))
	assert.Equal(t, first, again.Bytes(), "the same log gives the same bytes")
}

func TestWriteYAMLKeepsVersion(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteYAML(&b, Log{Version: 7, Kind: "other"}))
	assert.Contains(t, b.String(), "\nversion: 7\nkind: other\n")
	assert.Contains(t, b.String(), "\nentries: []\n")
}

func TestWriteCSV(t *testing.T) {
	l := fixtureLog(t)
	var b bytes.Buffer
	require.NoError(t, WriteCSV(&b, l))
	golden(t, "testdata/log.csv", b.Bytes())

	data, ok := bytes.CutPrefix(b.Bytes(), []byte("\uFEFF"))
	require.True(t, ok, "UTF-8 with a BOM")
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(l.Entries)+1)
	assert.Equal(t, []string{"seq", "at", "round", "group", "kind", "phase", "inject", "member", "text", "by", "auto"}, rows[0])
	assert.Equal(t, []string{"1", "2026-12-01T09:00:00+08:00", "1", "2", "phase_start", "1", "", "", "", "trainer", "false"}, rows[1])
	last := rows[len(rows)-1]
	assert.Equal(t, []string{"inject-2", "server", "true"}, []string{last[6], last[9], last[10]})
}

func TestWriteCSVFormulas(t *testing.T) {
	tests := []struct {
		name string
		text string
		cell string
	}{
		{name: "equals", text: `=HYPERLINK("http://evil.example")`, cell: `'=HYPERLINK("http://evil.example")`},
		{name: "plus", text: "+1 and more", cell: "'+1 and more"},
		{name: "minus", text: "-cmd|' /C calc'!A0", cell: "'-cmd|' /C calc'!A0"},
		{name: "at", text: "@SUM(A1)", cell: "'@SUM(A1)"},
		{name: "full-width equals", text: "＝1+1", cell: "'＝1+1"},
		{name: "a plain number stays a number", text: "-2", cell: "-2"},
		{name: "plain text", text: "王芳 spoke", cell: "王芳 spoke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Log{Entries: []Entry{{Seq: 1, At: t0, Round: 1, Group: 2, Kind: KindNote, Text: tt.text, By: "trainer"}}}
			var b bytes.Buffer
			require.NoError(t, WriteCSV(&b, l))
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
			require.NoError(t, err)
			require.Len(t, rows, 2)
			assert.Equal(t, tt.cell, rows[1][8])
		})
	}
}
