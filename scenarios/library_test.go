package scenarios_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// The library a street office uses all year: ten scenarios, five in each
// language, every method and every level, each a drill a trainer can run
// with the trainer's notes it needs.
func TestLibraryCoversTheYear(t *testing.T) {
	list, err := scenarios.List()
	require.NoError(t, err)
	require.Len(t, list, 10)
	langs := map[string]int{}
	methods := map[string]int{}
	levels := map[string]int{}
	for _, e := range list {
		langs[e.Language]++
		methods[e.Method]++
		levels[e.Level]++

		s, diags, err := scenarios.Load(e.ID)
		require.NoError(t, err)
		require.NoError(t, diags.Err())
		assert.Empty(t, diags, "%s validates without warnings", e.ID)
		assert.Empty(t, cards.Lint(s), "%s passes the lint, its cards' length too", e.ID)

		assert.GreaterOrEqual(t, len(s.Roles), 5, "%s has 5–9 roles", e.ID)
		assert.LessOrEqual(t, len(s.Roles), 9, "%s has 5–9 roles", e.ID)
		functions := map[string]int{}
		for _, r := range s.Roles {
			functions[r.Function]++
		}
		assert.Equal(t, 1, functions[scenario.FunctionHost], "%s has one host role", e.ID)
		assert.Equal(t, 1, functions[scenario.FunctionRecorder], "%s has one recorder role", e.ID)
		assert.GreaterOrEqual(t, functions[scenario.FunctionStakeholder], 3, "%s has stakeholders to negotiate", e.ID)

		assert.NotEmpty(t, strings.TrimSpace(s.Trainer.ZoneOfAgreement), "%s says where the interests meet", e.ID)
		assert.NotEmpty(t, strings.TrimSpace(s.Trainer.PossibleAgreement), "%s gives a possible agreement", e.ID)
		assert.GreaterOrEqual(t, len(s.Trainer.Tips), 3, "%s has trainer tips", e.ID)
		assert.GreaterOrEqual(t, len(s.Injects), 3, "%s has injects", e.ID)
		for _, in := range s.Injects {
			assert.NotEmpty(t, in.Exercises, "%s inject %s is tied to the rubric", e.ID, in.ID)
		}
		assert.Equal(t, s.Language, e.Language)
	}
	assert.Equal(t, map[string]int{"en": 5, "zh": 5}, langs)
	for _, m := range scenario.Methods {
		assert.Positive(t, methods[m], "a scenario of method %s", m)
	}
	for _, l := range scenario.Levels {
		assert.Positive(t, levels[l], "a scenario at level %s", l)
	}
}

// LengthOf names drills by their minutes.
func TestLengthOf(t *testing.T) {
	for _, tt := range []struct {
		min  int
		want string
	}{{30, "short"}, {60, "short"}, {61, "medium"}, {90, "medium"}, {91, "long"}, {240, "long"}} {
		assert.Equal(t, tt.want, scenarios.LengthOf(scenario.Duration(tt.min)*scenario.Duration(60e9)), "%d min", tt.min)
	}
}
