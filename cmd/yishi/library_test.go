package main

import (
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

// Every bundled scenario passes the lint with no warning, and runs the
// whole day of the demo: assign, cards, scoresheets filled in, the review
// with drill logs, the trainees' pages and a second day. The files are
// checked for what a trainer would look for in them.
func TestEveryBundledScenarioRunsTheDay(t *testing.T) {
	ids := scenarios.IDs()
	require.GreaterOrEqual(t, len(ids), 10)
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			stdout, stderr, code := dayRun(t, nil, "validate", "--lint", id)
			require.Equal(t, 0, code, "%s%s", stdout, stderr)
			assert.Empty(t, stderr, "the lint warns of nothing")
			assert.Contains(t, stdout, "(0 errors, 0 warnings)")

			s, diags, err := scenarios.Load(id)
			require.NoError(t, err)
			require.NoError(t, diags.Err())

			dir := t.TempDir()
			stdout, stderr, code = dayRun(t, nil, "demo", "--scenario", id, "--out", dir)
			require.Equal(t, 0, code, "demo:\n%s%s", stdout, stderr)
			assert.NotContains(t, stderr, "warning", "the demo of a lint-clean scenario warns of nothing")

			p, ps, pdiags := plan.Load(filepath.Join(dir, "plan.yaml"))
			require.NoError(t, pdiags.Err())
			require.Equal(t, id, ps.ID)
			require.NotEmpty(t, p.Rounds)
			assert.Empty(t, p.Unmet, "every grouping rule is met")

			cards, err := os.ReadFile(filepath.Join(dir, "cards", "all-cards.html"))
			require.NoError(t, err)
			trainees := 0
			for _, rd := range p.Rounds {
				for _, g := range rd.Groups {
					trainees += len(g.Members)
					for _, m := range g.Members {
						require.NotEmpty(t, m.Role, "round %d: %s has a role", rd.Round, m.ID)
					}
				}
			}
			assert.Equal(t, trainees, strings.Count(string(cards), `<section class="page">`), "one card per trainee per round")
			assert.NotContains(t, string(cards), "{{", "no template left unfilled")

			master, err := os.ReadFile(filepath.Join(dir, "cards", "master-sheet-TRAINER-ONLY.html"))
			require.NoError(t, err)
			for _, in := range s.Injects {
				assert.Contains(t, string(master), in.ID, "the master sheet lists inject %s", in.ID)
			}

			sheets, err := filepath.Glob(filepath.Join(dir, "scoresheets-demo-filled", "*"))
			require.NoError(t, err)
			assert.NotEmpty(t, sheets, "the reviewers' filled-in scoresheets")

			report, err := os.ReadFile(filepath.Join(dir, "report.html"))
			require.NoError(t, err)
			assert.Contains(t, string(report), scenarioTitleHTML(s))
			for _, d := range s.Rubric.Rubric.Dimensions {
				assert.Contains(t, string(report), d.Title.In(s.Language), "the report scores %s", d.ID)
			}
			pages, err := filepath.Glob(filepath.Join(dir, "trainees", "trainees", "*.html"))
			require.NoError(t, err)
			assert.NotEmpty(t, pages, "a page per trainee")
		})
	}
}

// scenarioTitleHTML is the scenario's title as the report's HTML writes it.
func scenarioTitleHTML(s *scenario.Scenario) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s.Title)
}

// A card too long to read is said at assign, when the scenario can still
// be mended, and again at cards, when it is printed; a scenario's
// lint.ignore silences both.
func TestCardTooLongAtAssignAndCards(t *testing.T) {
	data, _, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	long := strings.Repeat("You have kept every letter the housing office ever sent about the block. ", 40)
	src := strings.Replace(string(data), "    confidential: >-\n      Your wife has not left the flat", "    confidential: >-\n      "+long+"Your wife has not left the flat", 1)
	require.NotEqual(t, string(data), src)
	dir := t.TempDir()
	file := filepath.Join(dir, "long.yaml")
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	roster, err := filepath.Abs("../../scenarios/rosters/sample-roster.csv")
	require.NoError(t, err)

	_, stderr, code := dayRun(t, nil, "assign", "--scenario", file, "--roster", roster, "--out", filepath.Join(dir, "plan.yaml"))
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `long.yaml:\d+:\d+: warning: roles\[2\].confidential: role "top-floor-elder"'s card fits one printed A4 page only in [0-7]\.\d pt type.*\[card-too-long\]`, stderr)
	_, stderr, code = dayRun(t, nil, "cards", filepath.Join(dir, "plan.yaml"), "--out", filepath.Join(dir, "cards"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, `role "top-floor-elder"'s card fits one printed A4 page only in`)
	assert.Equal(t, 1, strings.Count(stderr, "warning"), "cards repeats only the card's warning:\n%s", stderr)

	ignored := src + "lint:\n  ignore:\n    - {check: card-too-long, target: top-floor-elder, reason: Mr Zhao's card is printed on A3 for a trainee with poor sight.}\n"
	require.NoError(t, os.WriteFile(file, []byte(ignored), 0o644))
	_, stderr, code = dayRun(t, nil, "assign", "--scenario", file, "--roster", roster, "--out", filepath.Join(dir, "plan2.yaml"))
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stderr, "card-too-long")
}
