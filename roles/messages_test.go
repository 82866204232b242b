package roles_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/grouping"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// noisyPlan is a plan with something of every kind to tell the trainer:
// preferences that cannot all be met (notes), avoid lists no grouping
// keeps (unmet), a background too rare for every group, an optional role
// nobody plays and an inject that reaches nobody (warnings).
func noisyPlan(t *testing.T) *plan.Plan {
	t.Helper()
	s, r := loadBundled(t, scenarios.DefaultScenario)
	s.Injects = append(slices.Clone(s.Injects),
		scenario.Inject{ID: "watch-the-clock", At: scenario.Duration(25 * time.Minute), To: []string{"observer"}, Text: "Note when the host checks the time."})
	trainees := slices.Clone(r.Trainees)
	for i := range trainees[:12] {
		trainees[i].Prefers = "host"
	}
	// One expert among residents is too rare for four groups.
	for i := range trainees {
		if trainees[i].Background != "discussion-class" {
			trainees[i].Background = "resident-rep"
		}
	}
	trainees[29].Background = "expert"
	// Five trainees who avoid each other cannot keep apart in four groups.
	var ids []string
	for _, tr := range trainees[:5] {
		ids = append(ids, tr.ID)
	}
	for i := range 5 {
		trainees[i].Avoid = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == trainees[i].ID })
	}
	noisy := &roster.Roster{File: r.File, SHA256: r.SHA256, Trainees: trainees, Columns: r.Columns, Numeric: r.Numeric}
	p, err := roles.Assign(t.Context(), s, noisy, roles.AssignOptions{Groups: 4, Rounds: 2, Seed: 3, Iterations: 2000})
	require.NoError(t, err)
	return p
}

// Every warning, note and unmet rule keeps its message beside the English
// the plan file stores, and the file is byte for byte what it was before
// the messages were kept (the golden was written by that code).
func TestPlanTextsAreMessages(t *testing.T) {
	p := noisyPlan(t)
	require.NotEmpty(t, p.Warnings)
	require.NotEmpty(t, p.Unmet)

	require.Len(t, p.WarningTexts, len(p.Warnings))
	for i, w := range p.WarningTexts {
		assert.Equal(t, p.Warnings[i], w.String())
		assert.NotEqual(t, "%s", w.Format, "warning %q is a literal format, not a built string", p.Warnings[i])
	}
	notes := 0
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			for _, m := range g.Members {
				assert.Equal(t, m.Note, m.NoteText.String())
				if m.Note != "" {
					notes++
					assert.Contains(t, m.NoteText.Format, "preferred ")
				}
			}
		}
	}
	assert.NotZero(t, notes, "some preferences are not met")
	for _, u := range p.Unmet {
		assert.Equal(t, u.Detail, u.Text.String())
		assert.NotEqual(t, "%s", u.Text.Format, "unmet %q is a literal format", u.Detail)
	}

	data, err := plan.Marshal(p)
	require.NoError(t, err)
	golden := filepath.Join("testdata", "noisy-plan.golden.yaml")
	if *update {
		require.NoError(t, os.WriteFile(golden, data, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(data))
}

// A request Assign cannot meet is a list of diagnostics at the roster's
// file, every reason at once and each a message of its own; a number of
// rounds no day has is a plan error with its message.
func TestAssignErrorsAreMessages(t *testing.T) {
	s, r := loadBundled(t, scenarios.DefaultScenario)

	_, err := roles.Assign(t.Context(), s, r, roles.AssignOptions{Rounds: -1})
	var pe *plan.Error
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, scenario.Msg("%d rounds: a training day has 1 to %d rounds", -1, scenario.MaxRounds), pe.Message())

	_, err = roles.Assign(t.Context(), s, r, roles.AssignOptions{Groups: 10})
	var diags scenario.Diagnostics
	require.ErrorAs(t, err, &diags)
	require.Len(t, diags, 1)
	d := diags[0]
	assert.Equal(t, scenario.Pos{File: r.File}, d.Pos)
	assert.Equal(t, "%s, below the scenario's minimum of %d; %s", d.Text.Format)
	assert.Equal(t, "30 trainees in 10 groups gives groups of 3, below the scenario's minimum of 5; ask for 4 to 6 groups", d.Message)
	gives := d.Text.Args[0].(scenario.Message)
	assert.Equal(t, scenario.Plural(30, "%d trainee", "%d trainees"), gives.Args[0], "the count is a plural of the catalogue")
	assert.Equal(t, scenario.Plural(10, "a group of %[2]d", "groups of %[2]d", 3), gives.Args[2])

	s2 := *s
	s2.Grouping.Mix = []scenario.MixRule{{Attribute: "shift", Weight: 1}}
	s2.Grouping.Require = append(slices.Clone(s.Grouping.Require), scenario.Quota{Attribute: "floor", Value: "3", Min: 1})
	_, err = roles.Assign(t.Context(), &s2, r, roles.AssignOptions{Groups: 5})
	require.ErrorAs(t, err, &diags)
	require.Len(t, diags, 2, "both rules that name a missing column, at once")
	for _, d := range diags {
		assert.Equal(t, r.File, d.Pos.File)
		assert.Equal(t, scenario.SeverityError, d.Severity)
		assert.Equal(t, d.Message, d.Text.String())
	}
	assert.Equal(t, `grouping.mix names %q, but the roster %s has no such column (columns: %s)`, diags[0].Text.Format)
	assert.Equal(t, `grouping.require names %q, but the roster %s has no such column`, diags[1].Text.Format)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
}

// The words inside warnings are messages too: the mixed column's name,
// the groups that lack a category, the roles an inject is aimed at.
func TestWarningWordsAreMessages(t *testing.T) {
	p := noisyPlan(t)
	spread := p.WarningTexts[0]
	assert.Equal(t, "round %d: %d groups but only %d trainees with %s %q: %s", spread.Format)
	assert.Equal(t, scenario.Msg("background"), spread.Args[3])
	assert.Equal(t, "groups %s and %s have none", spread.Args[5].(scenario.Message).Format)

	s, r := loadBundled(t, scenarios.DefaultScenario)
	s.Injects = append(slices.Clone(s.Injects),
		scenario.Inject{ID: "new-rule", At: scenario.Duration(40 * time.Minute), To: []string{"street-office-liaison", "middle-floor-owner"}, Text: "A new subsidy rule arrives."})
	p, err := roles.Assign(t.Context(), s, r, roles.AssignOptions{Groups: 6, Seed: 5})
	require.NoError(t, err)
	i := slices.IndexFunc(p.WarningTexts, func(m scenario.Message) bool {
		return m.Format == "round %d, group %d: nobody plays %s, so the inject at %s reaches nobody"
	})
	require.GreaterOrEqual(t, i, 0, "an inject aimed at two optional roles reaches nobody somewhere: %q", p.Warnings)
	titles := p.WarningTexts[i].Args[2].(scenario.Message)
	assert.Equal(t, "%s or %s", titles.Format)
	assert.Equal(t, "Ms Chen, street office urban-renewal officer or Ms Li, flat 302 (young family)", titles.String())
}

// Every rule Assign can list as unmet is a word of the catalogue, the
// same in English as the id the plan file keeps.
func TestUnmetRulesAreWords(t *testing.T) {
	rules := []string{"role"}
	for _, r := range []grouping.Rule{grouping.RuleSize, grouping.RuleKeepApart, grouping.RuleKeepTogether, grouping.RuleQuota, grouping.RuleNeed} {
		rules = append(rules, string(r))
	}
	for _, r := range rules {
		m := plan.Unmet{Rule: r}.RuleMessage()
		assert.Equal(t, r, m.String())
		assert.Equal(t, r, m.Format, "rule %q is a literal of the catalogue", r)
	}
	assert.Equal(t, scenario.Msg("%s", "hand-written"), plan.Unmet{Rule: "hand-written"}.RuleMessage())
}
