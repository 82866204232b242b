package scenarios_test

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// Every bundled scenario and rubric must load without errors or warnings:
// trainers copy them, so they must be the examples we want copied.
func TestBundledFilesValidate(t *testing.T) {
	ids := scenarios.IDs()
	require.GreaterOrEqual(t, len(ids), 4, "the library holds at least four scenarios")
	langs := map[string]int{}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			s, diags, err := scenarios.Load(id)
			require.NoError(t, err)
			require.Empty(t, diags, "diagnostics:\n%s", diags.Error())
			assert.Equal(t, id, s.ID, "file name and id agree")
			assert.GreaterOrEqual(t, len(s.Roles), 5)
			assert.LessOrEqual(t, len(s.Roles), 9, "a council of 5–9 roles")
			langs[s.Language]++
		})
	}
	assert.GreaterOrEqual(t, langs["en"], 2, "at least two English scenarios")
	assert.GreaterOrEqual(t, langs["zh"], 2, "at least two Chinese scenarios")
	for _, name := range scenarios.RubricNames() {
		data, err := fs.ReadFile(scenarios.FS(), path.Join("rubrics", name+".yaml"))
		require.NoError(t, err)
		_, diags := scenario.ParseRubric(name, data)
		assert.Empty(t, diags, "rubric %s:\n%s", name, diags.Error())
	}
}

// Every bundled YAML file names its schema for editors.
func TestBundledFilesNameTheirSchema(t *testing.T) {
	for _, dir := range []string{"library", "rubrics"} {
		entries, err := fs.ReadDir(scenarios.FS(), dir)
		require.NoError(t, err)
		for _, e := range entries {
			data, err := fs.ReadFile(scenarios.FS(), path.Join(dir, e.Name()))
			require.NoError(t, err)
			first, _, _ := strings.Cut(string(data), "\n")
			assert.True(t, strings.HasPrefix(first, "# yaml-language-server: $schema="), "%s/%s starts with the schema line", dir, e.Name())
		}
	}
}

func TestStandardRubric(t *testing.T) {
	r, err := scenarios.Rubric("standard")
	require.NoError(t, err)
	assert.Equal(t, scenario.Scale{Min: 1, Max: 5}, r.Scale)
	for _, id := range scenario.StandardDimensions {
		d, ok := r.Dimension(id)
		require.True(t, ok, "standard rubric has %s", id)
		for _, lang := range scenario.Languages {
			assert.NotEmpty(t, d.Title[lang], "%s title in %s", id, lang)
			assert.NotEmpty(t, d.LookFor, "%s lists behaviours to look for", id)
		}
		scores := map[int]scenario.Text{}
		for _, l := range d.Levels {
			scores[l.Score] = l.Descriptor
		}
		for _, s := range []int{1, 3, 5} {
			require.Contains(t, scores, s, "%s anchors level %d", id, s)
			assert.NotEmpty(t, scores[s]["en"], "%s level %d in English", id, s)
			assert.NotEmpty(t, scores[s]["zh"], "%s level %d in Chinese", id, s)
		}
	}
	_, err = scenarios.Rubric("nope")
	assert.ErrorContains(t, err, `no bundled rubric "nope"`)
}

func TestSourceUnknown(t *testing.T) {
	_, _, err := scenarios.YAML("elevator-retrofitt")
	assert.ErrorContains(t, err, `did you mean "elevator-retrofit"?`)
	_, _, err = scenarios.YAML("../rubrics/standard")
	assert.Error(t, err)
	// A part of an id names it when only one id holds it.
	_, _, err = scenarios.YAML("shared-parking")
	assert.ErrorContains(t, err, `did you mean "shared-parking-charging"?`)
	_, _, err = scenarios.YAML("noise")
	assert.ErrorContains(t, err, `did you mean "square-dance-noise"?`)
	_, _, err = scenarios.YAML("e")
	assert.NotContains(t, err.Error(), "did you mean", "a letter is no part of a name")
}

// TestTemplateTitleIsQuoted: whatever a trainer types as the title, the
// template still validates and keeps the title as typed.
func TestTemplateTitleIsQuoted(t *testing.T) {
	for _, title := range []string{`Shared "garden" plots`, "议事会：楼道\\充电", "bell\a and escape\x1b[31m", "two\nlines"} {
		data, err := scenarios.Template("garden", title, "en")
		require.NoError(t, err)
		s, diags := scenario.ParseScenario("t.yaml", data, scenarios.Rubric)
		require.NoError(t, diags.Err(), "%q", title)
		assert.Equal(t, title, s.Title)
	}
}

// A file that cannot be read, or a bundled id that does not exist, is a
// diagnostic whose text is a message a catalogue can translate.
func TestOpenFailuresHaveText(t *testing.T) {
	missing := t.TempDir() + "/missing.yaml"
	_, _, d1 := scenarios.Open(missing)
	_, d2 := scenarios.ValidateFile(missing)
	_, _, d3 := scenarios.Open("no-such-scenario")
	for _, diags := range []scenario.Diagnostics{d1, d2, d3} {
		require.Len(t, diags, 1)
		assert.Equal(t, "%v", diags[0].Text.Format)
		require.Len(t, diags[0].Text.Args, 1)
		assert.Equal(t, diags[0].Message, diags[0].Text.String())
	}
	assert.Equal(t, "no such file or directory", d1[0].Message)
}

// validate takes a bundled id as `yishi scenarios list` shows it; a file
// of that name, when there is one, comes first.
func TestValidateBundledID(t *testing.T) {
	kind, diags := scenarios.ValidateFile("shared-parking-charging")
	assert.Equal(t, scenario.KindScenario, kind)
	assert.NoError(t, diags.Err())
	_, diags = scenarios.ValidateFile("no-such-scenario")
	assert.Error(t, diags.Err(), "neither a file nor a bundled id")
}
