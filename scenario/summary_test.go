package scenario_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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

// Text from the scenario's author never reaches the terminal raw: an
// escape sequence in any field is shown, not obeyed.
func TestWriteSummaryTerminalSafe(t *testing.T) {
	const esc = "\x1b[2J"
	max := 30.0
	rubric := &scenario.Rubric{ID: "r" + esc, Title: scenario.Text{"": "Rubric" + esc},
		Dimensions: []scenario.Dimension{{ID: "guidance", Title: scenario.Text{"": "Guidance" + esc}}}}
	s := &scenario.Scenario{
		ID: "id" + esc, Title: "Title" + esc, Summary: "Summary" + esc, Language: "en" + esc, Method: "method" + esc,
		Backgrounds: []scenario.Background{{ID: "social-worker", Label: scenario.Text{"": "Social worker" + esc}}},
		Issue:       scenario.Issue{Background: "Background" + esc, FocusQuestion: "Question" + esc, PublicFacts: []string{"Fact" + esc}},
		Agenda:      []scenario.Phase{{ID: "open", Title: "Opening" + esc, Minutes: 5, LedBy: "host"}},
		Injects:     []scenario.Inject{{To: []string{"host", "ghost" + esc}, Text: "News" + esc, Exercises: []string{"guidance", "other" + esc}, TrainerNote: "Watch" + esc}},
		Level:       "level" + esc,
		Stakes:      []scenario.Stake{{ID: "fee", Title: "Fee" + esc, Unit: "unit-of" + esc, Max: &max}},
		Trainer:     scenario.TrainerNotes{ZoneOfAgreement: "Zone" + esc, PossibleAgreement: "Deal" + esc, Tips: []string{"Tip" + esc}},
		Roles: []scenario.Role{{ID: "host", Title: "Host" + esc, Function: "host" + esc, Brief: "Brief" + esc, Confidential: "Secret" + esc,
			AvoidBackground: []string{"social-worker"}, PreferBackground: []string{"lawyer" + esc}, Stakes: []scenario.RoleStake{{Stake: "fee", Max: &max}}}},
		Grouping: scenario.Grouping{
			Mix:     []scenario.MixRule{{Attribute: "unit" + esc, Weight: 1}},
			Require: []scenario.Quota{{Attribute: "background", Value: "social-worker", Min: 1}, {Attribute: "floor" + esc, Value: "top" + esc, Min: 1}},
		},
	}
	s.Rubric.Rubric = rubric
	for _, named := range []bool{false, true} {
		if named {
			s.Rubric = scenario.RubricRef{Name: "standard" + esc}
		}
		var b bytes.Buffer
		require.NoError(t, scenario.WriteSummary(&b, s, scenario.SummaryOptions{Confidential: true}))
		out := b.String()
		assert.NotContains(t, out, "\x1b", "no raw escape")
		assert.Equal(t, out, scenario.TerminalSafe(out))
		shown := []string{"Title", "id", "Summary", "method", "en", "Background", "Question", "Fact", "Opening",
			"Host", "ghost", "News", "Guidance", "other", "host", "Brief", "Secret", "Social worker", "lawyer",
			"unit", "floor", "top", "level", "Fee", "unit-of", "Watch", "Zone", "Deal", "Tip", "Rubric"}
		if named { // the rubric is not resolved: its name and the dimension ids are shown
			shown[len(shown)-1] = "standard"
			shown = slices.DeleteFunc(shown, func(f string) bool { return f == "Guidance" })
		}
		for _, field := range shown {
			assert.Contains(t, out, field+`\x1b[2J`, "%s is shown, escaped", field)
		}
	}
}
