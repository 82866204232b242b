package scenario

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessageString(t *testing.T) {
	inner := Msg("row %d, column %s", 3, "G")
	assert.Equal(t, "row 3, column G: expected a number", Msg("%s: expected a number", inner).String())
	assert.Equal(t, "no arguments 100%", Msg("no arguments 100%").String(), "a format without arguments is the text as it is")
	assert.Equal(t, "1 trainee", Plural(1, "%d trainee", "%d trainees").String())
	assert.Equal(t, "2 trainees in group 4", Plural(2, "%d trainee in group %d", "%d trainees in group %d", 4).String())
}

func TestDiagnosticsKeepTheMessage(t *testing.T) {
	var l Diagnostics
	l.Errorf(Pos{File: "a.csv", Line: 2}, "%s: unknown background %q", Msg("row %d", 2), "专家")
	l.Errorf(Pos{File: "a.csv", Line: 2}, "%s: unknown background %q", Msg("row %d", 2), "专家")
	l.Sort()
	if assert.Len(t, l, 1, "an exact duplicate is dropped") {
		assert.Equal(t, `row 2: unknown background "专家"`, l[0].Message)
		assert.Equal(t, "%s: unknown background %q", l[0].Text.Format)
		assert.Equal(t, l[0].Message, l[0].Text.String())
	}
}
