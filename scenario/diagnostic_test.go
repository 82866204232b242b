package scenario

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvalidKeepsItsMessage(t *testing.T) {
	err := error(Invalid(Msg("unknown paper %q (use a5 or a4)", "b5")))
	require.ErrorIs(t, err, ErrInvalid)
	var me *MessageError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, Msg("unknown paper %q (use a5 or a4)", "b5"), me.Message())
	assert.Equal(t, `invalid input: unknown paper "b5" (use a5 or a4)`, err.Error())
}

func TestFileErrorIsTheReason(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	require.Error(t, err)
	assert.ErrorIs(t, FileError(err), fs.ErrNotExist)
	assert.Equal(t, "no such file or directory", FileError(err).Error(), "the path is not said twice")
	other := errors.New("disk on fire")
	assert.Equal(t, other, FileError(other))
}

// Every diagnostic of a file that cannot be read has its text as a
// message, so that a catalogue can translate it.
func TestUnreadableFilesHaveText(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	_, d1 := LoadScenario(missing, nil)
	_, d2 := LoadRubric(missing)
	for _, diags := range []Diagnostics{d1, d2} {
		require.Len(t, diags, 1)
		assert.Equal(t, "%v", diags[0].Text.Format)
		assert.Equal(t, "no such file or directory", diags[0].Message)
		assert.Equal(t, Pos{File: missing}, diags[0].Pos)
	}
}

func TestSortKeepsTheWorkbooksSheetOrder(t *testing.T) {
	var l Diagnostics
	l.Errorf(Pos{File: "s.xlsx", Sheet: 1, Line: 2, Col: 5}, "%s: expected a number", Msg("sheet %q, row %d", "第10轮", 2))
	l.Errorf(Pos{File: "s.xlsx", Sheet: 0, Line: 12, Col: 5}, "%s: expected a number", Msg("sheet %q, row %d", "第2轮", 12))
	l.Errorf(Pos{File: "s.xlsx", Sheet: 0, Line: 2, Col: 5}, "%s: expected a number", Msg("sheet %q, row %d", "第2轮", 2))
	l.Errorf(Pos{File: "s.xlsx"}, "the workbook has no rows of scores")
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	assert.Equal(t, []string{
		"the workbook has no rows of scores",
		`sheet "第2轮", row 2: expected a number`,
		`sheet "第2轮", row 12: expected a number`,
		`sheet "第10轮", row 2: expected a number`,
	}, got)
	assert.Equal(t, "s.xlsx:12:5", l[2].Pos.String(), "the sheet is named by the message, not the position")
}

func TestCapCountsTheRestOfAFile(t *testing.T) {
	var l Diagnostics
	for i := 250; i >= 1; i-- {
		l.Errorf(Pos{File: "big.csv", Line: i, Col: 2}, "%s: expected a number", Msg("row %d", i))
	}
	for i := 1; i <= 3; i++ {
		l.Warnf(Pos{File: "big.csv", Line: i}, "a note")
		l.Errorf(Pos{File: "small.csv", Line: i}, "%s: expected a number", Msg("row %d", i))
	}
	l.Cap(100)
	require.Len(t, l, 100+1+3+3)
	var big Diagnostics
	for _, d := range l {
		if d.Pos.File == "big.csv" && d.Severity == SeverityError {
			big = append(big, d)
		}
	}
	require.Len(t, big, 101)
	assert.Equal(t, 1, big[0].Pos.Line, "the first rows are kept")
	assert.Equal(t, 100, big[99].Pos.Line)
	last := big[100]
	assert.Equal(t, Pos{File: "big.csv", Line: 101, Col: 2}, last.Pos, "the count stands where the rest begin")
	assert.Equal(t, "and 150 more problems in this file", last.Message)
	assert.Equal(t, Plural(150, "and %d more problem in this file", "and %d more problems in this file"), last.Text)
	assert.True(t, l.HasErrors())

	var few Diagnostics
	few.Errorf(Pos{File: "a.csv", Line: 1}, "one")
	few.Cap(100)
	assert.Len(t, few, 1, "a file within the cap is left alone")
}
