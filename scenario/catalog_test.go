package scenario_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// testRubrics is a RubricSource holding only testdata/rubrics/standard.yaml,
// a stand-in for the bundled rubric, so that the catalog's golden messages
// (which list and suggest dimension ids) do not change when the bundled
// library is edited.
func testRubrics(t testing.TB) scenario.RubricSource {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "rubrics", "standard.yaml"))
	require.NoError(t, err)
	r, diags := scenario.ParseRubric("rubrics/standard.yaml", data)
	require.Empty(t, diags, "test rubric:\n%s", diags.Error())
	return func(name string) (*scenario.Rubric, error) {
		if name == r.ID {
			return r, nil
		}
		return nil, fmt.Errorf("no bundled rubric %q (bundled: %s)", name, r.ID)
	}
}

// parse parses data as the kind of file it says it is, the way
// `yishi validate` does.
func parse(name string, data []byte, rubrics scenario.RubricSource) scenario.Diagnostics {
	if scenario.DetectKind(data) == scenario.KindRubric {
		_, diags := scenario.ParseRubric(name, data)
		return diags
	}
	_, diags := scenario.ParseScenario(name, data, rubrics)
	return diags
}

// generated are bad files made by the test rather than kept in testdata.
var generated = map[string]func() []byte{
	// One byte over the limit: refused before it is parsed.
	"too-large.yaml": func() []byte {
		head := "version: 1\nid: huge\n"
		return append([]byte(head+"# "), bytes.Repeat([]byte("x"), scenario.MaxFileSize+1-len(head)-2)...)
	},
}

// TestCatalog checks the message catalog: every file under testdata/bad is
// broken in one or more ways, and NAME.golden beside it holds every problem
// exactly as `yishi validate` prints it. Run with -update to rewrite the
// golden files, then read the diff: each message should name the right line
// and column and say what to do.
func TestCatalog(t *testing.T) {
	rubrics := testRubrics(t)
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	require.NoError(t, err)
	inputs := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		inputs[filepath.Base(f)] = data
	}
	for name, gen := range generated {
		inputs[name] = gen()
	}
	require.GreaterOrEqual(t, len(inputs), 24, "the catalog covers at least 24 broken files")

	for base, data := range inputs {
		t.Run(strings.TrimSuffix(base, ".yaml"), func(t *testing.T) {
			name := "bad/" + base
			diags := parse(name, data, rubrics)
			require.NotEmpty(t, diags, "a bad file gets at least one diagnostic")
			for _, d := range diags {
				assert.Equal(t, name, d.Pos.File, "every diagnostic names the file: %s", d)
				assert.NotEmpty(t, d.Message)
			}
			sorted := append(scenario.Diagnostics(nil), diags...)
			sorted.Sort()
			assert.Equal(t, sorted, diags, "diagnostics come sorted and without duplicates")
			if err := diags.Err(); err != nil {
				assert.ErrorIs(t, err, scenario.ErrInvalid)
			} else {
				assert.Empty(t, diags.Errors(), "Err is nil only without errors")
			}

			got := diags.Error() + "\n"
			golden := filepath.Join("testdata", "bad", strings.TrimSuffix(base, ".yaml")+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./scenario/ -run TestCatalog -update to create the golden file")
			assert.Equal(t, string(want), got, "diagnostics differ from %s (rerun with -update and review the diff)", golden)
		})
	}
}

// Every golden file belongs to a bad file, so that a renamed case does not
// leave a stale golden behind.
func TestCatalogGoldenHaveInputs(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "bad", "*.golden"))
	require.NoError(t, err)
	for _, g := range goldens {
		base := strings.TrimSuffix(filepath.Base(g), ".golden") + ".yaml"
		if _, ok := generated[base]; ok {
			continue
		}
		assert.FileExists(t, filepath.Join("testdata", "bad", base), "golden %s has no input", g)
	}
}

// The good files under testdata/good load without errors (warnings are
// allowed: they show that warnings alone do not make a file invalid).
func TestGoodFiles(t *testing.T) {
	rubrics := testRubrics(t)
	files, err := filepath.Glob(filepath.Join("testdata", "good", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			diags := parse(filepath.Base(f), data, rubrics)
			assert.NoError(t, diags.Err())
		})
	}
}

// A file over the size limit is refused by ReadFile before it is read
// whole, and LoadScenario reports it against the path.
func TestLoadTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	require.NoError(t, os.WriteFile(path, generated["too-large.yaml"](), 0o644))
	_, err := scenario.ReadFile(path)
	require.ErrorIs(t, err, scenario.ErrInvalid)
	s, diags := scenario.LoadScenario(path, nil)
	assert.Nil(t, s)
	require.Len(t, diags, 1)
	assert.Equal(t, path, diags[0].Pos.File)
	assert.Equal(t, fmt.Sprintf("invalid input: file is larger than the %d bytes yishi reads", scenario.MaxFileSize), diags[0].Message)
}

// A missing file is reported against its path with the system's reason.
func TestLoadMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, diags := scenario.LoadRubric(path)
	require.Len(t, diags, 1)
	assert.Equal(t, path+": no such file or directory", diags[0].String())
}
