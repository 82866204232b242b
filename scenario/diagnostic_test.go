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
