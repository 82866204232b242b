package scenario_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// The summary of every bundled scenario, with confidential briefs, is kept
// under testdata/summary: run with -update after an intended change and
// read the diff.
func TestWriteSummary(t *testing.T) {
	names, err := fs.Glob(scenarios.FS(), "library/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		id := strings.TrimSuffix(path.Base(name), ".yaml")
		t.Run(id, func(t *testing.T) {
			data, err := fs.ReadFile(scenarios.FS(), name)
			require.NoError(t, err)
			s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
			require.NoError(t, diags.Err())
			for _, confidential := range []bool{false, true} {
				var b bytes.Buffer
				require.NoError(t, scenario.WriteSummary(&b, s, scenario.SummaryOptions{Confidential: confidential}))
				for _, r := range s.Roles {
					if r.Confidential == "" {
						continue
					}
					first := strings.TrimSpace(strings.Split(strings.TrimSpace(r.Confidential), "\n")[0])
					assert.Equal(t, confidential, strings.Contains(b.String(), first), "role %s's confidential brief shown only when asked", r.ID)
				}
				if !confidential {
					continue
				}
				golden := filepath.Join("testdata", "summary", id+".golden")
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
					require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./scenario -run TestWriteSummary -update to create it")
				assert.Equal(t, string(want), b.String())
			}
		})
	}
}
