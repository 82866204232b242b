package drilllog

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// The templates are golden files: read them line by line.
func TestTemplateGolden(t *testing.T) {
	tests := []struct {
		name, plan   string
		round, group int
		format, file string
	}{
		{"timed, english, yaml", "testdata/plan.yaml", 1, 2, FormatYAML, "testdata/template-r1g2.yaml"},
		{"untimed, english, csv", "testdata/plan.yaml", 2, 1, FormatCSV, "testdata/template-r2g1.csv"},
		{"chinese, yaml", "testdata/plan-zh.yaml", 1, 1, FormatYAML, "testdata/template-zh.yaml"},
		{"chinese, csv", "testdata/plan-zh.yaml", 1, 1, FormatCSV, "testdata/template-zh.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s := fixture(t, tt.plan)
			data, err := Template(p, s, tt.round, tt.group, "2026-12-01", tt.format)
			require.NoError(t, err)
			golden(t, tt.file, data)
			again, err := Template(p, s, tt.round, tt.group, "2026-12-01", tt.format)
			require.NoError(t, err)
			assert.Equal(t, data, again)

			// Untouched, every phase line is an error: no fake perfect rhythm.
			l, diags := Parse(tt.file, data)
			require.NotNil(t, l)
			diags = append(diags, Check(l, p, s)...)
			empty := 0
			for _, d := range diags {
				assert.Contains(t, d.Message, "fill in the time or delete the line", d.String())
				empty++
			}
			g, _ := p.Group(tt.round, tt.group)
			want := 2 * len(s.Agenda)
			if tt.format == FormatCSV {
				want += len(s.Injects) + len(g.Members)
			}
			assert.Equal(t, want, empty)

			// Filled in, it is a good log of its round and group.
			filled := fill(t, tt.format, data)
			l, diags = Parse(tt.file, filled)
			require.Empty(t, lines(diags))
			require.Empty(t, lines(Check(l, p, s)))
			assert.Equal(t, tt.round, l.Round)
			assert.Equal(t, tt.group, l.Group)
			assert.Equal(t, "2026-12-01", l.Date)
			assert.Equal(t, live.KindPhaseStart, l.Entries[0].Kind)
		})
	}
}

// fill gives the n-th empty time of a template the clock time n minutes
// after 09:00, as a trainer copying a paper log would.
func fill(t *testing.T, format string, data []byte) []byte {
	t.Helper()
	n := 0
	next := func() string { n++; return fmt.Sprintf("%02d:%02d", 9+n/60, n%60) }
	if format == FormatYAML {
		return regexp.MustCompile(`at: ""`).ReplaceAllFunc(data, func([]byte) []byte { return []byte(`at: "` + next() + `"`) })
	}
	var out [][]byte
	for i, line := range bytes.Split(data, []byte("\n")) {
		cells := strings.SplitN(string(line), ",", 5)
		if i > 0 && len(cells) == 5 {
			cells[3] = next()
			line = []byte(strings.Join(cells, ","))
		}
		out = append(out, line)
	}
	return bytes.Join(out, []byte("\n"))
}

func TestTemplateRefuses(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	tests := []struct {
		name         string
		round, group int
		date, format string
		want         string
	}{
		{"a round the plan lacks", 3, 1, "2026-12-01", FormatYAML, "invalid input: round 3: the plan has rounds 1–2"},
		{"a group the round lacks", 2, 2, "2026-12-01", FormatYAML, "invalid input: round 2 of the plan has no group 2 (it has groups 1–1)"},
		{"a bad date", 1, 1, "2026-13-01", FormatYAML, `invalid input: --date "2026-13-01" is not a date; write it as 2026-12-01`},
		{"words for a date", 1, 1, "today", FormatCSV, `invalid input: --date "today" is not a date; write it as 2026-12-01`},
		{"a format", 1, 1, "2026-12-01", "xlsx", `invalid input: unknown drill log format "xlsx" (use yaml or csv)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Template(p, s, tt.round, tt.group, tt.date, tt.format)
			assert.Nil(t, data)
			require.EqualError(t, err, tt.want)
			assert.True(t, errors.Is(err, scenario.ErrInvalid))
		})
	}
	// Excel's way of writing the date is taken, and written as a log does.
	data, err := Template(p, s, 1, 1, "2026/12/1", FormatYAML)
	require.NoError(t, err)
	assert.Contains(t, string(data), "\ndate: \"2026-12-01\"\n")
}
