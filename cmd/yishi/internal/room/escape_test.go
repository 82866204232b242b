package room

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// hostile is user text that would run as script if it were not escaped.
const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`

// User text — a trainee's name, the trainer's note, a reviewer's
// evidence — is escaped on every page that shows it.
func TestUserTextEscaped(t *testing.T) {
	var evilID string
	tr := newTestRoom(t, func(p *plan.Plan, _ *scenario.Scenario, _ *Config) {
		for _, m := range p.Rounds[0].Groups[0].Members {
			if m.Role == "host" {
				evilID = m.ID
			}
		}
		for ri := range p.Rounds {
			for gi := range p.Rounds[ri].Groups {
				for mi, m := range p.Rounds[ri].Groups[gi].Members {
					if m.ID == evilID {
						p.Rounds[ri].Groups[gi].Members[mi].Name = "Name" + hostile
					}
				}
			}
		}
	})
	trainer := tr.trainer()
	li := tr.person(kindReviewer, "Li")
	evil := tr.person(kindTrainee, evilID)
	mate := tr.person(kindTrainee, tr.memberWhere(1, func(m plan.Member) bool { return m.ID != evilID }).ID)
	tr.command(url.Values{"action": {"start"}, "round": {"1"}, "group": {"1"}})
	tr.command(url.Values{"action": {"note"}, "round": {"1"}, "group": {"1"}, "text": {"Note" + hostile}})
	dim := tr.s.Rubric.Rubric.Dimensions[0].ID
	ans := tr.sendScores(li, []scoreChange{
		{Key: "evil-evidence", Round: 1, Group: 1, Field: "evidence:" + dim, Value: "Evidence" + hostile},
		{Key: "evil-strengths", Round: 1, Group: 1, Field: "strengths", Value: "Strengths" + hostile},
	})
	require.Len(t, ans.Applied, 2)

	pages := []struct {
		name  string
		p     store.Person
		path  string
		shows []string
	}{
		{"console", trainer, "/", []string{"Name", "Note"}},
		{"console fragment", trainer, "/frag/console", []string{"Name", "Note"}},
		{"people page", trainer, "/console/people", []string{"Name"}},
		{"slips", trainer, "/console/slips", []string{"Name"}},
		{"whole log", trainer, "/console/log", []string{"Note"}},
		{"score form", li, "/score/1/1", []string{"Name", "Evidence", "Strengths"}},
		{"reviewer's groups", li, "/", []string{"Name"}},
		{"turns page", li, "/turns/1/1", []string{"Name"}},
		{"their own card", evil, "/", []string{"Name"}},
		{"their own card's fragment", evil, "/frag/me", []string{"Name"}},
		{"a group mate's card", mate, "/", []string{"Name"}},
	}
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			resp := tr.get(&pg.p, pg.path)
			require.Equal(t, http.StatusOK, resp.Code)
			body := resp.Body.String()
			assert.NotContains(t, body, "<script>alert")
			assert.NotContains(t, body, "<img src=x")
			checkHTML(t, body)
			text := html.UnescapeString(body)
			for _, s := range pg.shows {
				assert.Contains(t, text, s+hostile, "the page shows the %s", strings.ToLower(s))
			}
		})
	}
}

// A Chinese text wrapped over lines in the scenario reads on without a
// space between its characters on the trainee's phone, as on the card.
func TestChineseTextReadsOn(t *testing.T) {
	tr := newTestRoom(t, func(p *plan.Plan, s *scenario.Scenario, cfg *Config) {
		s.Issue.Background = "老旧小区加装电梯，\n需要全体业主协商。\n\nSecond paragraph\nwraps here."
	})
	page := html.UnescapeString(tr.get(ptr(tr.traineeIn(1)), "/").Body.String())
	assert.Contains(t, page, "<p>老旧小区加装电梯，需要全体业主协商。</p>")
	assert.Contains(t, page, "<p>Second paragraph wraps here.</p>")
}

func ptr[T any](v T) *T { return &v }
