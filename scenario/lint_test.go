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

// lintClean is a small scenario the lint passes, for the cases below to
// break one way each.
func lintClean(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "lint", "clean.yaml"))
	require.NoError(t, err)
	return string(data)
}

// lintOf parses src, which must be valid, and lints it.
func lintOf(t *testing.T, src string, extra ...scenario.Finding) scenario.Diagnostics {
	t.Helper()
	s, diags := scenario.ParseScenario("s.yaml", []byte(src), testRubrics(t))
	require.NoError(t, diags.Err())
	require.Empty(t, diags.Warnings(), "validation warnings:\n%s", diags.Error())
	return scenario.Lint(s, extra...)
}

func TestLintClean(t *testing.T) {
	assert.Empty(t, lintOf(t, lintClean(t)))
}

// Each case breaks the clean scenario in one way and gets exactly one
// warning of the check, at the place to mend, with the fix in the text.
func TestLint(t *testing.T) {
	tests := []struct {
		name  string
		edits [][2]string // find, replace (once each)
		check string
		pos   string
		want  string
	}{
		{"unexercised dimension", [][2]string{{"dimensions: [recording]}", "}"}},
			scenario.LintUnexercised, "s.yaml:59:9", `dimension "recording" is exercised by no phase, inject or role`},
		{"a role's goals exercise it", [][2]string{{"dimensions: [recording]}", "}"}, {"You keep the record of results.", "You keep the record of results.\n    exercises: [recording]"}, {"- {id: open, title: Opening, minutes: 5, led_by: host, step: opening, dimensions: [organization]}", "- {id: open, title: Opening, minutes: 5, led_by: host, step: opening}"}},
			scenario.LintUnexercised, "s.yaml:60:9", `dimension "organization"`},
		{"passenger", [][2]string{{"involves: [stakeholder], ", ""}, {"to: [host, cyclist]", "to: [host]"}},
			scenario.LintPassenger, "s.yaml:44:5", `role "cyclist" has no inject and no phase that needs it`},
		{"no stakes at all", [][2]string{{"    stakes: [{stake: distance, min: 5}, {stake: light}]\n", ""}, {"    stakes: [{stake: distance, max: 7}, {stake: light}]\n", ""}, {"stakes:\n  - {id: distance, title: Distance of the shed from the gate, unit: m, min: 0, max: 8, fact: 2}\n  - {id: light, title: Light for the ground-floor windows}\n", ""}},
			scenario.LintNoTrade, "s.yaml:39:19", "the scenario lists no stakes"},
		{"a brief names no stake", [][2]string{{"    stakes: [{stake: distance, max: 7}, {stake: light}]\n", ""}, {"  - id: observer\n    title: Observer\n    function: observer\n", "  - id: observer\n    title: Observer\n    function: observer\n    stakes: [{stake: light}]\n"}},
			scenario.LintNoTrade, "s.yaml:50:19", `role "cyclist" names no stake`},
		{"nothing to trade", [][2]string{{"{stake: distance, max: 7}, {stake: light}", "{stake: distance, max: 7}, {stake: rain}"}, {"{stake: distance, min: 5}, {stake: light}", "{stake: light}"}, {"  - {id: light, title: Light for the ground-floor windows}", "  - {id: light, title: Light for the ground-floor windows}\n  - {id: rain, title: Shelter from the rain}"}, {"    function: observer\n", "    function: observer\n    stakes: [{stake: distance}, {stake: rain}]\n"}},
			scenario.LintNoTrade, "s.yaml:44:13", `role "ground-floor"'s interests overlap no other role's`},
		{"a stake nobody holds", [][2]string{{"  - {id: light, title: Light for the ground-floor windows}", "  - {id: light, title: Light for the ground-floor windows}\n  - {id: paint, title: Colour of the shed}"}},
			scenario.LintNoTrade, "s.yaml:18:5", `no role has an interest in stake "paint"`},
		{"no zone", [][2]string{{"{stake: distance, max: 7}", "{stake: distance, max: 4}"}},
			scenario.LintNoZone, "s.yaml:43:37", `bottom lines on stake "distance" cannot meet: role "ground-floor" accepts no less than 5 m, role "cyclist" no more than 4 m`},
		{"contradicts a fact", [][2]string{{"{stake: distance, min: 5}", "{stake: distance, min: 9}"}, {"{stake: distance, max: 7}", "{stake: distance, max: 10}"}},
			scenario.LintContradictsFact, "s.yaml:43:37", `role "ground-floor" will take no less than 9 m of "distance", but public fact 2 allows at most 8 m`},
		{"inject where its role cannot act", [][2]string{{"at: 12m, to: [ground-floor]", "at: 56m, to: [ground-floor]"}},
			scenario.LintCannotAct, "s.yaml:27:22", `lands in phase "readback" (0:55–1:00), where role "ground-floor" does not act; move it into phase "decide" (0:43–0:55)`},
		{"the host's inject in the read-back", [][2]string{{"at: 30m, to: [host, cyclist]", "at: 57m, to: [host]"}},
			scenario.LintCannotAct, "s.yaml:28:20", `role "host" does not act`},
		{"no summing-up", [][2]string{{"step: name, dimensions: [induction]", "step: discussion, dimensions: [hosting]"}, {"step: cluster", "step: discussion"}, {"step: brainstorm", "step: discussion"}, {"step: resolve", "step: decision"}, {"method: consensus-workshop", "method: free"}, {"exercises: [guidance]}", "exercises: [induction, guidance]}"}},
			scenario.LintNoSummingUp, "s.yaml:19:3", "no phase sums up"},
		{"no read-back", [][2]string{{"led_by: recorder, step: read-back", "led_by: host, step: closing, involves: [recorder]"}},
			scenario.LintNoReadBack, "s.yaml:19:3", "no phase reads back the record"},
		{"method steps missing", [][2]string{{"method: consensus-workshop", "method: orid"}},
			scenario.LintMethodSteps, "s.yaml:5:9", "an agenda for orid runs objective → reflective → interpretive → decisional, and this one lacks objective + reflective + interpretive + decisional"},
		{"a world café needs two rounds", [][2]string{{"method: consensus-workshop", "method: world-cafe"}, {"step: cluster", "step: cafe-round"}, {"step: name", "step: harvest"}},
			scenario.LintMethodSteps, "s.yaml:5:9", "runs cafe-round → cafe-round → harvest, and this one lacks cafe-round;"},
		{"a café's harvest between its rounds", [][2]string{{"method: consensus-workshop", "method: world-cafe"}, {"step: cluster", "step: cafe-round"}, {"step: name", "step: harvest"}, {"step: resolve", "step: cafe-round"}},
			scenario.LintMethodSteps, "s.yaml:24:66", `phase "decide" does step cafe-round after harvest (phase "names"), but world-cafe runs cafe-round → cafe-round → harvest`},
		{"a harvest first", [][2]string{{"method: consensus-workshop", "method: world-cafe"}, {"step: brainstorm", "step: harvest"}, {"step: cluster", "step: cafe-round"}, {"step: name", "step: cafe-round"}, {"step: resolve", "step: decision"}},
			scenario.LintMethodSteps, "s.yaml:21:59", `phase "ideas" does step harvest first`},
		{"ORID back to its start", [][2]string{{"method: consensus-workshop", "method: orid"}, {"step: context", "step: objective"}, {"step: brainstorm", "step: reflective"}, {"step: cluster", "step: interpretive"}, {"step: name", "step: decisional"}, {"step: resolve", "step: objective"}},
			scenario.LintMethodSteps, "s.yaml:24:66", `phase "decide" does step objective after decisional (phase "names")`},
		{"a third café round is still in order", [][2]string{{"method: consensus-workshop", "method: world-cafe"}, {"step: context", "step: cafe-round"}, {"step: brainstorm", "step: cafe-round"}, {"step: cluster", "step: cafe-round"}, {"step: name", "step: harvest"}, {"step: resolve", "step: harvest"}},
			"", "", ""},
		{"a second round of a step is no disorder", [][2]string{{"method: consensus-workshop", "method: world-cafe"}, {"step: brainstorm", "step: cafe-round"}, {"step: cluster", "step: cafe-round"}, {"step: name", "step: cafe-round"}, {"step: resolve", "step: harvest"}, {"step: read-back", "step: read-back"}},
			"", "", ""},
		{"an inject after the agenda's end", [][2]string{{"minutes: 5, led_by: recorder", "minutes: 3, led_by: recorder"}, {"at: 30m, to: [host, cyclist]", "at: 58m, to: [host, cyclist]"}},
			scenario.LintCannotAct, "s.yaml:28:20", `lands at 0:58, when the agenda's last phase "readback" has ended (at 0:58) and no phase runs`},
		{"method steps out of order", [][2]string{{"step: name, dimensions: [induction]", "step: cluster, dimensions: [induction]"}, {"step: cluster, dimensions: [guidance]", "step: name, dimensions: [guidance]"}},
			scenario.LintMethodSteps, "s.yaml:22:77", `phase "groups" does step name after brainstorm (phase "ideas"), but consensus-workshop runs brainstorm → cluster → name → resolve`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := lintClean(t)
			for _, e := range tt.edits {
				require.Contains(t, src, e[0])
				src = strings.Replace(src, e[0], e[1], 1)
			}
			diags := lintOf(t, src)
			if tt.check == "" {
				assert.Empty(t, diags, "%s", diags.Error())
				return
			}
			require.Len(t, diags, 1, "%s", diags.Error())
			d := diags[0]
			assert.Equal(t, scenario.SeverityWarning, d.Severity)
			assert.Equal(t, tt.check, d.Check)
			assert.True(t, strings.HasPrefix(d.Pos.String(), tt.pos), "at %s, want %s", d.Pos, tt.pos)
			assert.Contains(t, d.Message, tt.want)
		})
	}
}

// An ignore entry with a reason silences its check on its target, and only
// there; one that silences nothing is itself a warning.
func TestLintIgnore(t *testing.T) {
	broken := strings.Replace(strings.Replace(lintClean(t), "involves: [stakeholder], ", "", 1), "to: [host, cyclist]", "to: [host]", 1)
	withIgnore := func(entries string) string { return broken + "lint:\n  ignore:\n" + entries }

	diags := lintOf(t, withIgnore("    - {check: passenger, target: cyclist, reason: The cyclist listens on purpose in this drill.}\n"))
	assert.Empty(t, diags, "%s", diags.Error())

	diags = lintOf(t, withIgnore("    - {check: passenger, reason: Every passenger here is on purpose.}\n"))
	assert.Empty(t, diags, "an ignore without a target accepts the check everywhere")

	diags = lintOf(t, withIgnore("    - {check: passenger, target: ground-floor, reason: The resident may listen.}\n"))
	require.Len(t, diags, 2, "%s", diags.Error())
	assert.Equal(t, scenario.LintPassenger, diags[0].Check, "another target's warning stays")
	assert.Contains(t, diags[1].Message, "lint.ignore[0]: no passenger warning here to ignore; remove the entry")
	assert.Empty(t, diags[1].Check, "the unused entry cannot itself be ignored")

	// Findings made elsewhere (the card's length) are ignored the same way.
	extra := scenario.Finding{Check: scenario.LintCardTooLong, Target: "host", Path: "roles[0].brief", Text: scenario.Msg("too long")}
	diags = lintOf(t, lintClean(t)+"lint:\n  ignore:\n    - {check: card-too-long, target: host, reason: The host's card is printed on A3.}\n", extra)
	assert.Empty(t, diags)
	diags = lintOf(t, lintClean(t), extra)
	require.Len(t, diags, 1)
	assert.Equal(t, "s.yaml:33:12", diags[0].Pos.String(), "at the host's brief")
}

// A wrong id is said once, where it stands, and every other problem still
// is: a role naming an unknown stake beside it is reported too.
func TestStakeErrorsEachOnce(t *testing.T) {
	src := strings.Replace(lintClean(t), "{id: distance, title: Distance", "{id: Distance, title: Distance", 1)
	src = strings.Replace(src, "{stake: distance, max: 7}, {stake: light}", "{stake: distance, max: 7}, {stake: lihgt}", 1)
	_, diags := scenario.ParseScenario("s.yaml", []byte(src), testRubrics(t))
	require.Len(t, diags, 2, "%s", diags.Error())
	assert.Contains(t, diags[0].Message, `"Distance" is not a valid id`)
	assert.Contains(t, diags[1].Message, `unknown stake "lihgt" (did you mean "light"?)`)

	// The same for a role: the inject aimed at it is not faulted again.
	role := strings.Replace(lintClean(t), "  - id: cyclist", "  - id: Cyclist", 1)
	_, diags = scenario.ParseScenario("s.yaml", []byte(role), testRubrics(t))
	require.Len(t, diags, 1, "%s", diags.Error())
	assert.Equal(t, "s.yaml:44:9", diags[0].Pos.String())

	dup := strings.Replace(lintClean(t), "  - {id: light, title: Light for the ground-floor windows}", "  - {id: light, title: Light for the ground-floor windows}\n  - {id: light, title: Light again}", 1)
	dup = strings.Replace(dup, "{stake: distance, max: 7}, {stake: light}", "{stake: distance, max: 7}, {stake: paint}", 1)
	_, diags = scenario.ParseScenario("s.yaml", []byte(dup), testRubrics(t))
	require.Len(t, diags, 2, "%s", diags.Error())
	assert.Contains(t, diags[0].Message, `duplicate id "light"`)
	assert.Contains(t, diags[1].Message, `unknown stake "paint"`)
}

// The new fields are checked like every other: each problem at its place.
func TestLintFieldsValidate(t *testing.T) {
	tests := []struct {
		name, find, replace, pos, want string
	}{
		{"level", "level: building", "level: courtyard", "s.yaml:6:8", `unknown level "courtyard"`},
		{"step", "step: brainstorm", "step: brainstrom", "s.yaml:21:59", `unknown step "brainstrom" (did you mean "brainstorm"?)`},
		{"involves", "involves: [stakeholder]", "involves: [stakeholders]", "s.yaml:20:110", `unknown role or function "stakeholders"`},
		{"stake ref", "{stake: distance, min: 5}", "{stake: distanse, min: 5}", "s.yaml:43:22", `unknown stake "distanse"`},
		{"stake twice", "{stake: light}]\n  - id: cyclist", "{stake: distance}]\n  - id: cyclist", "s.yaml:43:49", `stake "distance" is named twice`},
		{"bottom line min above max", "{stake: distance, min: 5}", "{stake: distance, min: 5, max: 2}", "s.yaml:43:37", "min 5 is above max 2"},
		{"bottom line past sense", "{stake: distance, min: 5}", "{stake: distance, min: 1e300}", "s.yaml:43:37", "is not a value a stake can have"},
		{"fact out of range", "max: 8, fact: 2}", "max: 8, fact: 3}", "s.yaml:16:94", "there is no public fact 3 (the scenario has 2"},
		{"fact without range", "unit: m, min: 0, max: 8, fact: 2}", "unit: m, fact: 2}", "s.yaml:16:78", "the stake has no min or max"},
		{"a bad stake id is said once, not at every role naming it", "{id: distance, title: Distance", "{id: Distance, title: Distance", "s.yaml:16:10", `"Distance" is not a valid id`},
		{"involves names each role once", "involves: [stakeholder]", "involves: [stakeholdr]", "s.yaml:20:110", `unknown role or function "stakeholdr" (did you mean "stakeholder"?)`},
		{"an empty tip", "rubric: standard", "rubric: standard\ntrainer:\n  tips: [Watch the host., \" \"]", "s.yaml:61:27", "missing tip"},
		{"role exercises", "You keep the record of results.", "You keep the record of results.\n    exercises: [recordin]", "s.yaml:38:17", `unknown rubric dimension "recordin"`},
		{"ignore unknown check", "rubric: standard", "rubric: standard\nlint:\n  ignore:\n    - {check: pasenger, reason: x}", "s.yaml:62:15", `unknown lint check "pasenger" (did you mean "passenger"?)`},
		{"ignore without reason", "rubric: standard", "rubric: standard\nlint:\n  ignore:\n    - {check: passenger, reason: \" \"}", "s.yaml:62:34", "say why this warning is right to ignore"},
		{"ignore unknown target", "rubric: standard", "rubric: standard\nlint:\n  ignore:\n    - {check: passenger, target: nobody, reason: x}", "s.yaml:62:34", `unknown target "nobody"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := lintClean(t)
			require.Contains(t, src, tt.find)
			src = strings.Replace(src, tt.find, tt.replace, 1)
			_, diags := scenario.ParseScenario("s.yaml", []byte(src), testRubrics(t))
			require.Len(t, diags, 1, "%s", diags.Error())
			assert.Equal(t, scenario.SeverityError, diags[0].Severity)
			assert.Equal(t, tt.pos, diags[0].Pos.String())
			assert.Contains(t, diags[0].Message, tt.want)
		})
	}
}
