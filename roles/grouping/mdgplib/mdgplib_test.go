package mdgplib

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outcomeTB records how a helper ended a test instead of ending it.
type outcomeTB struct {
	testing.TB
	fatal, skip string
}

func (o *outcomeTB) Helper()                        {}
func (o *outcomeTB) Fatal(a ...any)                 { o.fatal = fmt.Sprint(a...) }
func (o *outcomeTB) Fatalf(format string, a ...any) { o.fatal = fmt.Sprintf(format, a...) }
func (o *outcomeTB) Skipf(format string, a ...any)  { o.skip = fmt.Sprintf(format, a...) }

// inRepository makes a module in a fresh folder and runs the test in a
// package folder of it, as go test would.
func inRepository(t *testing.T) (parent string) {
	t.Setenv(EnvDir, "") // the folder is found beside the module, not named
	parent = t.TempDir()
	repo := filepath.Join(parent, "yishi")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "roles", "grouping"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644))
	t.Chdir(filepath.Join(repo, "roles", "grouping"))
	return parent
}

// Missing data skips a test on a laptop but fails it in CI.
func TestMissingDataFailsInCI(t *testing.T) {
	t.Run("CI", func(t *testing.T) {
		parent := inRepository(t)
		t.Setenv("CI", "true")
		o := &outcomeTB{TB: t}
		Dir(o, "instances")
		assert.Contains(t, o.fatal, "CI=true but the MDGPLIB data is not at "+filepath.Join(parent, "shared", "mdgp", "instances"))
	})
	t.Run("laptop", func(t *testing.T) {
		parent := inRepository(t)
		t.Setenv("CI", "")
		o := &outcomeTB{TB: t}
		Dir(o, "instances")
		assert.Contains(t, o.skip, "MDGPLIB data not found at "+filepath.Join(parent, "shared", "mdgp", "instances"))
		assert.Empty(t, o.fatal)
		_, ok := Optional(o, "instances")
		assert.False(t, ok)
		assert.Empty(t, o.fatal)
	})
	t.Run("named by the environment", func(t *testing.T) {
		inRepository(t)
		elsewhere := filepath.Join(t.TempDir(), "mdgp")
		require.NoError(t, os.MkdirAll(filepath.Join(elsewhere, "instances"), 0o755))
		t.Setenv("CI", "true")
		t.Setenv(EnvDir, elsewhere)
		o := &outcomeTB{TB: t}
		assert.Equal(t, filepath.Join(elsewhere, "instances"), Dir(o, "instances"))
		assert.Empty(t, o.fatal)
	})
	t.Run("present", func(t *testing.T) {
		parent := inRepository(t)
		t.Setenv("CI", "true")
		want := filepath.Join(parent, "shared", "mdgp", "instances")
		require.NoError(t, os.MkdirAll(want, 0o755))
		o := &outcomeTB{TB: t}
		assert.Equal(t, want, Dir(o, "instances"))
		assert.Empty(t, o.fatal+o.skip)
	})
}
