package plan_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// smallPlan is a plan of one round of two groups for the bundled
// elevator-retrofit scenario; sha256 is filled in by the tests that need it.
const smallPlan = `version: 1
kind: plan
engine: yishi-grouping/1
seed: 3
scenario: {id: elevator-retrofit, title: T, language: en, source: %SOURCE%, sha256: "%SHA%"}
roster: {file: roster.csv, sha256: "", trainees: 10}
settings: {groups: 2, size_min: 5, size_max: 5, rounds: 1, iterations: 0}
rounds:
  - round: 1
    diversity: 0
    repeats: 0
    groups:
      - group: 1
        members:
          - {id: T1, name: Ann, unit: North, background: social-worker, role: host}
          - {id: T2, name: Bo, unit: South, background: resident-rep, role: recorder}
          - {id: T3, name: Cai, unit: East, background: property-manager, role: top-floor-elder}
          - {id: T4, name: Dan, unit: West, background: resident-rep, role: ground-floor-owner}
          - {id: T5, name: Eve, unit: West, background: property-manager, role: property-manager}
      - group: 2
        members:
          - {id: T6, name: Fay, unit: North, background: social-worker, role: host}
          - {id: T7, name: Gus, unit: East, background: resident-rep, role: %ROLE%}
          - {id: T8, name: Hai, unit: East, background: property-manager, role: top-floor-elder}
          - {id: T9, name: Ivy, unit: West, background: resident-rep, role: ground-floor-owner}
          - {id: T10, name: Jo, unit: West, background: community-cadre, role: property-manager}
`

func planText(source, sha, role string) string {
	return strings.NewReplacer("%SOURCE%", source, "%SHA%", sha, "%ROLE%", role).Replace(smallPlan)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

// bundledSHA is the digest of the bundled scenario's bytes.
func bundledSHA(t *testing.T) string {
	t.Helper()
	data, _, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	return plan.Digest(data)
}

func TestLoadBundled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	writeFile(t, path, planText("bundled", bundledSHA(t), "recorder"))
	p, s, diags := plan.Load(path)
	require.NoError(t, diags.Err())
	assert.Equal(t, "elevator-retrofit", s.ID)
	assert.Len(t, p.Rounds[0].Groups, 2)
}

func TestLoadScenarioBesideThePlan(t *testing.T) {
	data, _, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	dir := t.TempDir()
	// The plan names its scenario relative to itself, so the pair can move
	// together; Load must find it from any working directory.
	writeFile(t, filepath.Join(dir, "day", "scenario.yaml"), string(data))
	path := filepath.Join(dir, "day", "plan.yaml")
	writeFile(t, path, planText("scenario.yaml", plan.Digest(data), "recorder"))
	_, s, diags := plan.Load(path)
	require.NoError(t, diags.Err())
	assert.Equal(t, "elevator-retrofit", s.ID)
}

func TestLoadRefuses(t *testing.T) {
	sha := bundledSHA(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "scenario changed since",
			text: planText("bundled", strings.Repeat("ab", 32), "recorder"),
			want: []string{`plan.yaml:5:`, `scenario "elevator-retrofit" has changed since the plan was made`},
		},
		{
			name: "unknown role",
			text: planText("bundled", sha, "recordr"),
			want: []string{`plan.yaml:23:`, `scenario "elevator-retrofit" has no role "recordr" (did you mean "recorder"?)`, `round 1, group 2 has 0 recorder, the scenario needs 1`},
		},
		{
			name: "missing scenario file",
			text: planText("gone.yaml", sha, "recorder"),
			want: []string{`plan.yaml:5:`, `the plan's scenario gone.yaml cannot be read`},
		},
		{
			name: "unknown bundled scenario",
			text: strings.Replace(planText("bundled", sha, "recorder"), "id: elevator-retrofit", "id: elevator-retrofitt", 1),
			want: []string{`plan.yaml:5:`, `no bundled scenario "elevator-retrofitt"`},
		},
		{
			name: "not a plan",
			text: strings.Replace(planText("bundled", sha, "recorder"), "kind: plan", "kind: scoresheet", 1),
			want: []string{`plan.yaml:2:`, `kind: expected "plan"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.yaml")
			writeFile(t, path, tc.text)
			p, s, diags := plan.Load(path)
			assert.Nil(t, p)
			assert.Nil(t, s)
			require.Error(t, diags.Err())
			assert.ErrorIs(t, diags.Err(), scenario.ErrInvalid)
			msg := diags.Error()
			for _, w := range tc.want {
				assert.Contains(t, msg, w)
			}
			for _, d := range diags {
				assert.NotContains(t, []string{"", "%s"}, d.Text.Format, "%s has its text as a message of the catalogue, not a string built in English", d)
				assert.Equal(t, d.Message, d.Text.String())
			}
		})
	}
}

func TestIDFollowsTheGroups(t *testing.T) {
	a, diags := plan.Parse("a.yaml", []byte(planText("bundled", "", "recorder")))
	require.NoError(t, diags.Err())
	again, diags := plan.Parse("b.yaml", []byte(planText("bundled", "", "recorder")))
	require.NoError(t, diags.Err())
	assert.Regexp(t, `^[0-9a-f]{12}$`, a.ID())
	assert.Equal(t, a.ID(), again.ID(), "the same plan read twice has one id")

	data, err := plan.Marshal(a)
	require.NoError(t, err)
	back, diags := plan.Parse("back.yaml", data)
	require.NoError(t, diags.Err())
	assert.Equal(t, a.ID(), back.ID(), "a plan written and read back keeps its id")

	other, diags := plan.Parse("c.yaml", []byte(planText("bundled", "", "host")))
	require.NoError(t, diags.Err())
	assert.NotEqual(t, a.ID(), other.ID(), "another role gives another id")
}

func TestCheckRound(t *testing.T) {
	p, diags := plan.Parse("a.yaml", []byte(planText("bundled", "", "recorder")))
	require.NoError(t, diags.Err())
	assert.NoError(t, p.CheckRound(0))
	assert.NoError(t, p.CheckRound(1))
	err := p.CheckRound(2)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	assert.EqualError(t, err, "invalid input: round 2: the plan has only round 1")
}

func TestInjectRecipients(t *testing.T) {
	p, diags := plan.Parse("a.yaml", []byte(planText("bundled", "", "host")))
	require.NoError(t, diags.Err())
	got := p.InjectRecipients(scenario.Inject{To: []string{"recorder", "top-floor-elder"}}, 0)
	require.Len(t, got, 2)
	assert.Equal(t, 1, got[0].Group)
	require.Len(t, got[0].Members, 2)
	assert.Equal(t, "T2", got[0].Members[0].ID)
	assert.Equal(t, "T3", got[0].Members[1].ID)
	got = p.InjectRecipients(scenario.Inject{To: []string{"recorder"}}, 1)
	assert.Empty(t, got[1].Members, "group 2 has no recorder in this plan")
	assert.NotNil(t, got[1].Members, "an empty group is an empty list, for JSON")
	assert.Empty(t, p.InjectRecipients(scenario.Inject{To: []string{"host"}}, 2), "no round 2")
}

func TestScenarioSource(t *testing.T) {
	assert.Equal(t, "bundled", plan.ScenarioSource("bundled", "out/plan.yaml"))
	assert.Equal(t, "../my.yaml", plan.ScenarioSource("my.yaml", "out/plan.yaml"))
	assert.Equal(t, "s/my.yaml", plan.ScenarioSource("day/s/my.yaml", "day/plan.yaml"))
	assert.Equal(t, "my.yaml", plan.ScenarioSource("my.yaml", ""), "no plan file: as given")
}

func TestParseRefusesControlCharacters(t *testing.T) {
	for _, bad := range []string{`Ann\nLee`, `Ann\tLee`, `\e]0;pwned\a`, `王\u202e淑芬`} {
		text := strings.Replace(planText("bundled", "", "recorder"), "name: Ann,", `name: "`+bad+`",`, 1)
		p, diags := plan.Parse("p.yaml", []byte(text))
		assert.Nil(t, p, "%s", bad)
		require.Len(t, diags.Errors(), 1, "%s: %v", bad, diags)
		assert.Contains(t, diags.Error(), "p.yaml:15:28: rounds[0].groups[0].members[0].name: character U+", bad)
	}
}

// FuzzParse: a plan file of any bytes is parsed or refused with positions,
// never a panic; a plan that parses marshals and parses back to itself.
func FuzzParse(f *testing.F) {
	f.Add([]byte(planText("bundled", "", "recorder")))
	f.Add([]byte("version: 1\nkind: plan\nrounds: []\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, diags := plan.Parse("f.yaml", data)
		if p == nil {
			require.True(t, diags.HasErrors(), "a refused plan says why")
			return
		}
		out, err := plan.Marshal(p)
		require.NoError(t, err)
		back, diags := plan.Parse("back.yaml", out)
		require.NoError(t, diags.Err())
		assert.Equal(t, p.ID(), back.ID())
	})
}

func TestErrorsKeepTheirMessage(t *testing.T) {
	p, diags := plan.Parse("a.yaml", []byte(planText("bundled", "", "recorder")))
	require.NoError(t, diags.Err())
	var pe *scenario.MessageError
	require.ErrorAs(t, p.CheckRound(3), &pe)
	assert.Equal(t, scenario.Msg("round %d: the plan has only round 1", 3), pe.Message())

	_, diags = plan.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	require.Len(t, diags, 1)
	assert.Equal(t, "%v", diags[0].Text.Format, "a file that cannot be read has a message, its reason an error a catalogue knows")
	assert.ErrorIs(t, diags[0].Text.Args[0].(error), fs.ErrNotExist)
	assert.Contains(t, diags[0].Message, "no such file or directory")
}

func TestWarningMessages(t *testing.T) {
	p := &plan.Plan{}
	p.Warn(scenario.Msg("round %d stopped", 2))
	assert.Equal(t, []string{"round 2 stopped"}, p.Warnings, "the plan file keeps the English")
	assert.Equal(t, []scenario.Message{scenario.Msg("round %d stopped", 2)}, p.WarningMessages())

	read := &plan.Plan{Warnings: []string{"from a file"}}
	assert.Equal(t, []scenario.Message{scenario.Msg("%s", "from a file")}, read.WarningMessages(), "a plan read back has only English")
	assert.Equal(t, scenario.Msg("%s", "a note"), plan.Member{Note: "a note"}.NoteMessage())
	assert.Equal(t, scenario.Message{}, plan.Member{}.NoteMessage(), "no note, no message")
	assert.Equal(t, scenario.Msg("x %d", 1), plan.Unmet{Detail: "x 1", Text: scenario.Msg("x %d", 1)}.DetailMessage())

	// A warning added to Warnings alone, or a text changed after Warn,
	// is printed as it stands, never as another warning's message.
	p.Warnings = append([]string{"added alone"}, p.Warnings...)
	assert.Equal(t, []scenario.Message{scenario.Msg("%s", "added alone"), scenario.Msg("%s", "round 2 stopped")}, p.WarningMessages())
	assert.Equal(t, scenario.Msg("%s", "edited"), plan.Unmet{Detail: "edited", Text: scenario.Msg("x %d", 1)}.DetailMessage())
}
