package scenarios_test

import (
	"encoding/csv"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// bundledScenarios loads every library scenario and both templates, by
// name: the files a trainer starts from, which must share one vocabulary.
func bundledScenarios(t *testing.T) map[string]*scenario.Scenario {
	t.Helper()
	out := map[string]*scenario.Scenario{}
	for _, id := range scenarios.IDs() {
		s, diags, err := scenarios.Load(id)
		require.NoError(t, err)
		require.NoError(t, diags.Err(), id)
		out["library/"+id] = s
	}
	for _, lang := range scenario.Languages {
		data, err := scenarios.Template("drill", "Drill", lang)
		require.NoError(t, err)
		name := "template " + lang
		s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
		require.NoError(t, diags.Err(), name)
		out[name] = s
	}
	require.Len(t, out, len(scenarios.IDs())+2)
	return out
}

// The parties of the seed's training, and those who sign up beside them,
// are backgrounds of every bundled file.
var seedParties = []string{
	"discussion-class", "property-manager", "social-worker", "resident-rep", "community-cadre",
	"expert", "jurisdiction-unit", "social-organisation", "grid-worker", "volunteer",
}

// One roster works with every bundled scenario and every scenario made from
// a template only if they all map its background column the same way: the
// same ids, labels and aliases, in the same order.
func TestBundledVocabularyIsShared(t *testing.T) {
	all := bundledScenarios(t)
	ref := all["library/"+scenarios.DefaultScenario]
	var ids []string
	for _, b := range ref.Backgrounds {
		ids = append(ids, b.ID)
		for _, lang := range scenario.Languages {
			assert.NotEmpty(t, b.Label[lang], "%s has a label in %s", b.ID, lang)
		}
		assert.NotEmpty(t, b.Aliases, "%s has the aliases a sign-up sheet uses", b.ID)
		assert.True(t, hasASCII(b.Aliases), "%s has an English alias", b.ID)
		assert.True(t, hasHan(b.Aliases), "%s has a Chinese alias", b.ID)
	}
	assert.Equal(t, seedParties, ids)
	for name, s := range all {
		assert.Equal(t, ref.Backgrounds, s.Backgrounds, "%s carries the vocabulary of %s", name, scenarios.DefaultScenario)
	}
}

// overlaps are the names of one background inside a name of another,
// kept on purpose. A roster value that holds a known name is taken for a
// misspelling of it, so a value exactly equal to the longer name must still
// resolve to its own background (checked below), and every other value
// holding the shorter one is a near-miss of the shorter one's background.
var overlaps = map[string]string{
	// A social-work agency is an organisation from outside the community:
	// it signs up as a social organisation, its staff as social workers.
	"社工 in 社工机构":  "social-organisation",
	"社工 in 社工事务所": "social-organisation",
}

// No name (id, label or alias, compared as the roster compares them) names
// two backgrounds, and none lies inside a name of another background except
// the overlaps above.
func TestBundledVocabularyNamesOneBackgroundEach(t *testing.T) {
	s := bundledScenarios(t)["library/"+scenarios.DefaultScenario]
	type name struct{ text, key, background string }
	var names []name
	owner := map[string]string{}
	for _, b := range s.Backgrounds {
		texts := append([]string{b.ID}, b.Aliases...)
		for _, lang := range b.Label.Languages() {
			texts = append(texts, b.Label[lang])
		}
		for _, text := range texts {
			key := scenario.NormalizeName(text)
			require.NotEmpty(t, key, "%s: %q", b.ID, text)
			if other, ok := owner[key]; ok {
				assert.Equal(t, other, b.ID, "%q names both %s and %s", text, other, b.ID)
			}
			owner[key] = b.ID
			names = append(names, name{text, key, b.ID})
		}
	}
	found := map[string]string{}
	for _, short := range names {
		for _, long := range names {
			if short.background != long.background && strings.Contains(long.key, short.key) {
				found[fmt.Sprintf("%s in %s", short.text, long.text)] = long.background
			}
		}
	}
	assert.Equal(t, overlaps, found, "names inside another background's names; resolve each or list it in overlaps with why")
	for overlap, want := range overlaps {
		_, long, _ := strings.Cut(overlap, " in ")
		got, ok := s.ResolveBackground(long)
		assert.True(t, ok && got == want, "%q resolves to %s, got %q", long, want, got)
	}
}

// The demo's roster uses every party, five communities as in the seed, and
// only background values that every bundled file knows.
func TestSampleRosterResolvesEverywhere(t *testing.T) {
	data, err := fs.ReadFile(scenarios.FS(), scenarios.SampleRoster)
	require.NoError(t, err)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	col := slices.Index(rows[0], "background")
	unitCol := slices.Index(rows[0], "unit")
	require.GreaterOrEqual(t, col, 0, "the sample roster has a background column")
	require.GreaterOrEqual(t, unitCol, 0, "the sample roster has a unit column")
	units := map[string]int{}
	for _, row := range rows[1:] {
		units[row[unitCol]]++
	}
	assert.Len(t, units, 5, "five communities, as in the seed: %v", units)

	for name, s := range bundledScenarios(t) {
		used := map[string]int{}
		for i, row := range rows[1:] {
			id, ok := s.ResolveBackground(row[col])
			if assert.True(t, ok, "%s: row %d: background %q is unknown", name, i+2, row[col]) {
				used[id]++
			}
		}
		for _, b := range s.Backgrounds {
			assert.NotZero(t, used[b.ID], "%s: the sample roster has a trainee of background %s", name, b.ID)
		}
	}
}

func hasASCII(names []string) bool {
	return slices.ContainsFunc(names, func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0
	})
}

func hasHan(names []string) bool {
	return slices.ContainsFunc(names, func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) >= 0
	})
}
