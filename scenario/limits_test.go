package scenario_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// edit is one change to a good file: each find is replaced, once, by the
// replace that follows it.
type edit []string

func (e edit) apply(t *testing.T, src []byte) []byte {
	t.Helper()
	s := string(src)
	for i := 0; i+1 < len(e); i += 2 {
		require.Contains(t, s, e[i])
		s = strings.Replace(s, e[i], e[i+1], 1)
	}
	return []byte(s)
}

// limitCases are numbers past any sense, each in an otherwise good file.
// Each gets one message naming the value's place and the limit, and
// nothing follows from it (no sum that wraps round, no "more than the
// largest group" after a role count already reported). schema says
// whether the JSON Schema can see the problem too.
var limitCases = []struct {
	name   string
	kind   string
	edit   edit
	want   []string
	schema bool
}{
	{
		name: "phase minutes", edit: edit{"minutes: 30}", "minutes: 100000}"},
		want:   []string{"x.yaml:19:58: agenda[2].minutes: 100000 is more than a drill can use (at most 480)"},
		schema: true,
	},
	{
		name: "phase minutes that would wrap the agenda's sum",
		edit: edit{"minutes: 20,", "minutes: 9223372036854775807,", "minutes: 30}", "minutes: 9223372036854775807}"},
		want: []string{
			"x.yaml:18:66: agenda[1].minutes: 9223372036854775807 is more than a drill can use (at most 480)",
			"x.yaml:19:58: agenda[2].minutes: 9223372036854775807 is more than a drill can use (at most 480)",
		},
		schema: true,
	},
	{
		name: "phase minutes past any whole number", edit: edit{"minutes: 30}", "minutes: 99999999999999999999}"},
		want:   []string{`x.yaml:19:58: agenda[2].minutes: 99999999999999999999 is more than a drill can use`},
		schema: true,
	},
	{
		name: "agenda longer than a day", edit: edit{
			"duration: 60m", "duration: 24h",
			"minutes: 5,", "minutes: 480,", "minutes: 20,", "minutes: 480,", "minutes: 30}", "minutes: 480}\n  - {id: more, title: More, minutes: 480}",
		},
		want: []string{"x.yaml:17:3: agenda: phases add up to 1920 minutes, longer than the drill's duration of 1440m"},
	},
	{
		name: "duration", edit: edit{"duration: 60m", "duration: 100000h"},
		want: []string{"x.yaml:6:11: duration: 100000h is more than a drill can use (at most 24h)"},
	},
	{
		name: "duration in minutes", edit: edit{"duration: 60m", "duration: 100000"},
		want:   []string{"x.yaml:6:11: duration: 100000m is more than a drill can use (at most 24h)"},
		schema: true,
	},
	{
		name: "duration past any clock", edit: edit{"duration: 60m", "duration: 9999999999999h"},
		want: []string{`x.yaml:6:11: duration: "9999999999999h" is more than a drill can use (at most 24h)`},
	},
	{
		name: "inject after the drill", edit: edit{"at: 25m", "at: 100000h"},
		want: []string{"x.yaml:21:10: injects[0].at: 6000000m is not before the end of the drill (60m)"},
	},
	{
		name: "inject past a day while the duration is wrong", edit: edit{"duration: 60m", "duration: sixty", "at: 25m", "at: 100000m"},
		want: []string{
			`x.yaml:6:11: duration: expected a duration such as 60m or 1h30m, got "sixty"`,
			"x.yaml:21:10: injects[0].at: 100000m is more than a drill can use (at most 24h)",
		},
	},
	{
		name: "role count", edit: edit{"function: host\n", "function: host\n    count: 1000\n"},
		want:   []string{"x.yaml:26:12: roles[0].count: 1000 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "role counts that would wrap the sum of the roles",
		edit: edit{"function: host\n", "function: host\n    count: 9223372036854775807\n", "function: recorder\n", "function: recorder\n    count: 9223372036854775807\n"},
		want: []string{
			"x.yaml:26:12: roles[0].count: 9223372036854775807 is more than a drill can use (at most 100)",
			"x.yaml:32:12: roles[1].count: 9223372036854775807 is more than a drill can use (at most 100)",
		},
		schema: true,
	},
	{
		name: "role count beside sizes the wrong way round", edit: edit{"function: host\n", "function: host\n    count: 1000\n", "{min: 3, max: 5}", "{min: 6, max: 5}"},
		want: []string{
			"x.yaml:26:12: roles[0].count: 1000 is more than a drill can use (at most 100)",
			"x.yaml:41:9: grouping.size: min 6 is above max 5",
		},
		schema: true,
	},
	{
		name: "role min", edit: edit{"min: 1\n", "min: 500\n"},
		want:   []string{"x.yaml:35:10: roles[2].min: 500 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "role max", edit: edit{"max: 3\n", "max: 9223372036854775807\n"},
		want:   []string{"x.yaml:36:10: roles[2].max: 9223372036854775807 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "roles too many for any group", edit: edit{
			"function: host\n", "function: host\n    count: 100\n",
			"function: recorder\n", "function: recorder\n    count: 100\n",
			"  size: {min: 3, max: 5}\n", "",
		},
		want: []string{"x.yaml:23:3: roles: the roles need at least 201 members per group, more than a group can hold (at most 200)"},
	},
	{
		name: "groups", edit: edit{"grouping:\n", "grouping:\n  groups: 1000000\n"},
		want:   []string{"x.yaml:40:11: grouping.groups: 1000000 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "group size max", edit: edit{"{min: 3, max: 5}", "{min: 3, max: 100000}"},
		want:   []string{"x.yaml:40:23: grouping.size.max: 100000 is more than a drill can use (at most 200)"},
		schema: true,
	},
	{
		name: "group size min", edit: edit{"{min: 3, max: 5}", "{min: 9223372036854775807, max: 5}"},
		want:   []string{"x.yaml:40:15: grouping.size.min: 9223372036854775807 is more than a drill can use (at most 200)"},
		schema: true,
	},
	{
		name: "mix weight", edit: edit{"weight: 3}", "weight: 1e9}"},
		want:   []string{"x.yaml:41:35: grouping.mix[0].weight: 1000000000 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "mix weight not a number", edit: edit{"weight: 3}", "weight: NaN}"},
		want: []string{`x.yaml:41:35: grouping.mix[0].weight: expected a number, got "NaN"`},
	},
	{
		name: "mix weight past any number", edit: edit{"weight: 3}", "weight: 1e999}"},
		want: []string{`x.yaml:41:35: grouping.mix[0].weight: 1e999 is more than a drill can use`},
	},
	{
		name: "quota min", edit: edit{"social-worker, min: 1}", "social-worker, min: 1000}"},
		want:   []string{"x.yaml:42:64: grouping.require[0].min: 1000 is more than a drill can use (at most 200)"},
		schema: true,
	},
	{
		name: "quota max", edit: edit{"social-worker, min: 1}", "social-worker, min: 1, max: 9223372036854775807}"},
		want:   []string{"x.yaml:42:72: grouping.require[0].max: 9223372036854775807 is more than a drill can use (at most 200)"},
		schema: true,
	},
	{
		name: "inline rubric scale", edit: edit{"rubric: standard", "rubric:\n  id: own\n  title: Own\n  scale: {min: 1, max: 1000000000}\n  dimensions:\n    - {id: guidance, title: Guidance, levels: [{score: 1, descriptor: Lost.}, {score: 5, descriptor: In charge.}]}"},
		want: []string{
			"x.yaml:46:24: rubric.scale.max: 1000000000 is more than a drill can use (at most 10)",
			"x.yaml:48:5: warning: rubric.dimensions: no organization, rhythm, induction, recording, hosting; the debrief of a council usually covers organization, rhythm, guidance, induction, recording and hosting",
		},
		schema: true,
	},
	{
		name: "rubric scale max", kind: scenario.KindRubric, edit: edit{"{min: 1, max: 5}", "{min: 1, max: 1000000000}"},
		want:   []string{"x.yaml:7:22: scale.max: 1000000000 is more than a drill can use (at most 10)"},
		schema: true,
	},
	{
		name: "rubric scale min", kind: scenario.KindRubric, edit: edit{"{min: 1, max: 5}", "{min: -1000000000, max: 5}"},
		want:   []string{"x.yaml:7:14: scale.min: must not be negative"},
		schema: true,
	},
	{
		name: "rubric scale at both ends of the integers", kind: scenario.KindRubric,
		edit: edit{"{min: 1, max: 5}", "{min: -9223372036854775808, max: 9223372036854775807}"},
		want: []string{
			"x.yaml:7:14: scale.min: must not be negative",
			"x.yaml:7:41: scale.max: 9223372036854775807 is more than a drill can use (at most 10)",
		},
		schema: true,
	},
	{
		name: "dimension weight", kind: scenario.KindRubric, edit: edit{"    title: Control of the rhythm\n", "    title: Control of the rhythm\n    weight: 1000000\n"},
		want:   []string{"x.yaml:16:13: dimensions[1].weight: 1000000 is more than a drill can use (at most 100)"},
		schema: true,
	},
	{
		name: "level score", kind: scenario.KindRubric, edit: edit{"{score: 5, descriptor: Every party heard.}", "{score: 5000000000, descriptor: Every party heard.}"},
		want: []string{
			"x.yaml:22:7: dimensions[2].levels: score 5 (an end of the scale) has no descriptor",
			"x.yaml:23:17: dimensions[2].levels[1].score: 5000000000 is off the scale 1–5",
		},
		schema: true,
	},
}

func TestLimits(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "good", "minimal.yaml"))
	require.NoError(t, err)
	goodRubric, err := os.ReadFile(filepath.Join("testdata", "rubrics", "standard.yaml"))
	require.NoError(t, err)
	schemas := map[string]interface {
		Validate(any) error
	}{}
	for _, kind := range scenario.SchemaKinds {
		schemas[kind] = compileSchema(t, kind)
	}
	rubrics := testRubrics(t)
	for _, tt := range limitCases {
		t.Run(tt.name, func(t *testing.T) {
			kind, src := scenario.KindScenario, good
			if tt.kind == scenario.KindRubric {
				kind, src = tt.kind, goodRubric
			}
			data := tt.edit.apply(t, src)
			var diags scenario.Diagnostics
			if kind == scenario.KindRubric {
				_, diags = scenario.ParseRubric("x.yaml", data)
			} else {
				_, diags = scenario.ParseScenario("x.yaml", data, rubrics)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			assert.Equal(t, tt.want, got)
			if tt.schema {
				assert.Error(t, schemas[kind].Validate(yamlToJSON(t, data)), "the schema rejects it too")
			}
		})
	}
}

// Timetable and AgendaMinutes never wrap round, even on a scenario that
// did not pass validation.
func TestTimetableDoesNotWrap(t *testing.T) {
	const huge = int(^uint(0) >> 1)
	s := &scenario.Scenario{Agenda: []scenario.Phase{{ID: "a", Minutes: huge}, {ID: "b", Minutes: huge}, {ID: "c", Minutes: 5}}}
	slots := s.Timetable()
	require.Len(t, slots, 3)
	for i, sl := range slots {
		assert.GreaterOrEqual(t, sl.Start, 0, "slot %d starts at %d", i, sl.Start)
		assert.GreaterOrEqual(t, sl.End, sl.Start, "slot %d ends at %d", i, sl.End)
	}
	assert.Equal(t, huge, s.AgendaMinutes())
}
