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
			// A citation, or a note in both languages, never both.
			if d.Source == "" {
				require.Len(t, d.Note, 2, "no source: a note in en and zh")
				assert.NotEmpty(t, strings.TrimSpace(d.Note["en"]))
				assert.NotEmpty(t, strings.TrimSpace(d.Note["zh"]))
				assert.NotEqual(t, d.Note["en"], d.Note["zh"])
			} else {
				assert.Empty(t, d.Note, "a source and a note")
				assert.NotContains(t, d.Source, "norm", "prose in a source the Chinese report prints as is")
			}
			assert.Contains(t, units, d.Unit)
			got, ok := DefinitionOf(id)
			assert.True(t, ok)
			assert.Equal(t, d, got)
		})
	}
	_, ok := DefinitionOf("applause")
	assert.False(t, ok)
}

func TestDefinitionsNoPublishedNorm(t *testing.T) {
	tests := []struct {
		name string
		id   string
		en   string
		zh   string
	}{
		{"inject response is a time", scenario.MeasureInjectResponse, "a time", "读出的时间"},
		{"summaries are a count", scenario.MeasureSummaries, "a count", "数出的次数"},
		{"the first summary is a time, not a count", scenario.MeasureFirstSummary, "a time", "读出的时间"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := DefinitionOf(tt.id)
			require.True(t, ok)
			assert.Empty(t, d.Source)
			assert.Contains(t, d.Note["en"], "No published norm: "+tt.en)
			assert.Contains(t, d.Note["zh"], tt.zh)
		})
	}
}

// TestDefinitionsChineseWords holds the Chinese texts to the template's
// and README's words: 小结 for the host's summaries, 插话 for
// interruptions, and 观察员 for the observer who taps (记录人 reads as
// the recorder, 记录员).
func TestDefinitionsChineseWords(t *testing.T) {
	tests := []struct {
		name   string
		banned string
	}{
		{"summaries are 小结, not 归纳", "归纳"},
		{"interruptions are 插话, not 打断", "打断"},
		{"the observer is 观察员, not 记录人", "记录人"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range Definitions {
				for _, text := range []scenario.Text{d.Title, d.Definition, d.Tells, d.Cannot, d.Note} {
					// The rubric's dimension is named 问题归纳: citing it is fine.
					zh := strings.ReplaceAll(text["zh"], "“问题归纳”", "")
					assert.NotContains(t, zh, tt.banned, d.ID)
				}
			}
		})
	}
}

func TestDefinitionsWording(t *testing.T) {
	tests := []struct {
		name string
		id   string
		en   []string
		zh   []string
	}{
		{
			"an inject never answered reads slow", scenario.MeasureInjectResponse,
			[]string{"An inject never answered counts as answered at the end of the drill", "lower bound", "so ignoring an inject reads slow"},
			[]string{"按会议结束时才回应计算", "下限", "不理会情景注入会让这一项变慢"},
		},
		{
			"the Gini leaves observers out", scenario.MeasureGini,
			[]string{"every member who takes part (observers are not counted), silent ones as zero"},
			[]string{"每位参加演练的成员都计入（观察员不计），没有发言的记为 0"},
		},
		{
			"summaries by other members are left out", scenario.MeasureSummaries,
			[]string{"not a host is left out"},
			[]string{"不是主持人", "不计入"},
		},
		{
			"the first summary is a time in minutes", scenario.MeasureFirstSummary,
			[]string{"in minutes"},
			[]string{"以分钟计"},
		},
		{
			"Haan, Riedl & Woolley (2021) has its title", scenario.MeasureFloorPasses,
			[]string{"Discovering where we excel: How inclusive turn-taking in conversation improves team performance."},
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := DefinitionOf(tt.id)
			require.True(t, ok)
			all := d.Definition["en"] + " " + d.Source
			for _, w := range tt.en {
				assert.Contains(t, all, w)
			}
			for _, w := range tt.zh {
				assert.Contains(t, d.Definition["zh"], w)
			}
		})
	}
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
		{"no silent member", scenario.MeasureSilentMembers, 0, "en", "0"},
		{"no silent member in Chinese", scenario.MeasureSilentMembers, 0, "zh", "0"},
		{"no phase skipped", scenario.MeasurePhasesSkipped, 0, "en", "0"},
		{"no phase skipped in Chinese", scenario.MeasurePhasesSkipped, 0, "zh", "0"},
		{"no summary", scenario.MeasureSummaries, 0, "zh", "0"},
		{"a count just under zero", scenario.MeasurePhasesSkipped, -0.2, "en", "0"},
		{"another language reads English", scenario.MeasureInjectResponse, 2, "fr", "2.0 min"},
		{"an unknown measure", "applause", 1.234, "en", "1.23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Format(tt.id, tt.v, tt.lang))
		})
	}
}
