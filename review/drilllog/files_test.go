package drilllog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadFiles(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
		return path
	}
	g2 := write("r1g2.yaml", head+`  - {at: "09:00", kind: phase_start, phase: 1}`+"\n")
	g1 := write("r1g1.csv", "round,group,at,kind,phase\n1,1,2026-12-01 09:00,phase_start,1\n")
	r2 := write("r2g1.yaml", strings.Replace(strings.Replace(head, "round: 1", "round: 2", 1), "group: 2", "group: 1", 1)+`  - {at: "09:00", kind: note, text: hi}`+"\n")
	again := write("again.csv", "round,group,at,kind\n1,2,2026-12-01 10:00,note\n")
	bad := write("bad.yaml", head+`  - {at: "09:00", kind: turn, member: T1}`+"\n")

	logs, diags := ReadFiles([]string{r2, g2, g1}, p, s)
	require.Empty(t, lines(diags))
	require.Len(t, logs, 3)
	var got [][2]int
	for _, l := range logs {
		got = append(got, [2]int{l.Round, l.Group})
	}
	assert.Equal(t, [][2]int{{1, 1}, {1, 2}, {2, 1}}, got, "in round and group order")
	assert.Equal(t, g1, logs[0].File())

	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"a file given twice", []string{g2, g1, filepath.Join(dir, ".", "r1g2.yaml")}, []string{
			g2 + ": " + g2 + " is given twice; give each drill log once",
		}},
		{"two logs of one group", []string{g2, again}, []string{
			again + ":2:1: round 1, group 2: " + g2 + " is a log of it too; give one drill log per round and group",
		}},
		{"a file that is not there", []string{filepath.Join(dir, "nope.yaml")}, []string{
			filepath.Join(dir, "nope.yaml") + ": no such file or directory",
		}},
		{"a bad file among good ones", []string{g1, bad}, []string{
			bad + `:7:39: entries[0].member: "T1" is not in round 1, group 2; its members are T4 Dan Zhou, T5 Eve Sun, T6 Fay Liu, T12 Lin Fu, T13 Mo Tan`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs, diags := ReadFiles(tt.paths, p, s)
			assert.Nil(t, logs)
			assert.Equal(t, tt.want, lines(diags))
		})
	}

	link := filepath.Join(dir, "link.yaml")
	if os.Symlink(g2, link) == nil {
		_, diags := ReadFiles([]string{g2, link}, p, s)
		assert.Equal(t, []string{link + ": the same file as " + g2 + "; give each drill log once"}, lines(diags))
	}
	// A version 1 file of a whole day gives a log per group; with a
	// version 2 log of one of them beside it, that group has two.
	v1 := write("day.yaml", `version: 1
kind: drill-log
entries:
  - {at: "2026-12-01T09:00:00+08:00", round: 1, group: 1, kind: note, text: a}
  - {at: "2026-12-01T09:00:00+08:00", round: 1, group: 2, kind: note, text: b}
`)
	logs, diags = ReadFiles([]string{v1}, p, s)
	require.Empty(t, lines(diags))
	require.Len(t, logs, 2)
	_, diags = ReadFiles([]string{v1, g2}, p, s)
	assert.Equal(t, []string{g2 + ":3:8: round 1, group 2: " + v1 + " is a log of it too; give one drill log per round and group"}, lines(diags))
}

// A log of more entries than a day logs is refused, and read no further
// than the limit.
func TestTooManyEntries(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for range MaxEntries + 1 {
		b.WriteString(`  - {at: "09:00", kind: note, text: x}` + "\n")
	}
	l, diags := Parse("big.yaml", []byte(b.String()))
	assert.Equal(t, []string{"big.yaml:7:3: the log has 20001 entries, more than the 20000 yishi reads; write one log per round and group"}, lines(diags))
	assert.Len(t, l.Entries, MaxEntries)
}
