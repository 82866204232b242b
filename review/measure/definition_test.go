package measure

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

func TestDefinitionsCoverEveryMeasureInOrder(t *testing.T) {
	require.Len(t, Definitions, len(scenario.Measures))
	units := []string{UnitShare, UnitMinutes, UnitCount, UnitPer10, UnitIndex}
	for i, id := range scenario.Measures {
		d := Definitions[i]
		t.Run(id, func(t *testing.T) {
			assert.Equal(t, id, d.ID)
			for field, text := range map[string]scenario.Text{"title": d.Title, "definition": d.Definition, "tells": d.Tells, "cannot": d.Cannot} {
				assert.Len(t, text, 2, "%s: en and zh only", field)
				assert.NotEmpty(t, strings.TrimSpace(text["en"]), field)
				assert.NotEmpty(t, strings.TrimSpace(text["zh"]), field)
				assert.NotEqual(t, text["en"], text["zh"], field)
			}
			assert.NotEmpty(t, d.Source)
			assert.Contains(t, units, d.Unit)
			got, ok := DefinitionOf(id)
			assert.True(t, ok)
			assert.Equal(t, d, got)
		})
	}
	_, ok := DefinitionOf("applause")
	assert.False(t, ok)
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		id   string
		v    float64
		lang string
		want string
	}{
		{"a share", scenario.MeasureHostShare, 0.4, "en", "40 %"},
		{"a share in Chinese", scenario.MeasureHostShare, 0.4, "zh", "40%"},
		{"a share rounds", scenario.MeasureOverrun, 0.1111, "en", "11 %"},
		{"a pass rate is a share", scenario.MeasureFloorPasses, 0.855, "en", "86 %"},
		{"minutes", scenario.MeasureInjectResponse, 3.5, "en", "3.5 min"},
		{"minutes in Chinese", scenario.MeasureFirstSummary, 3.46, "zh", "3.5 分钟"},
		{"an index", scenario.MeasurePunctuality, 0.4167, "en", "0.42"},
		{"a Gini", scenario.MeasureGini, 0.58667, "zh", "0.59"},
		{"a count", scenario.MeasureSilentMembers, 2, "en", "2"},
		{"a count in Chinese", scenario.MeasureSummaries, 3, "zh", "3"},
		{"per 10 minutes", scenario.MeasureInterruptionsPer10, 2.6667, "en", "2.7 per 10 min"},
		{"per 10 minutes in Chinese", scenario.MeasureInterruptionsPer10, 1.5, "zh", "每 10 分钟 1.5 次"},
		{"no negative zero", scenario.MeasureOverrun, -0.001, "en", "0 %"},
		{"another language reads English", scenario.MeasureInjectResponse, 2, "fr", "2.0 min"},
		{"an unknown measure", "applause", 1.234, "en", "1.23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Format(tt.id, tt.v, tt.lang))
		})
	}
}
