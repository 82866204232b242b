package cards_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/cards"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// dayPlan is a two-round plan of the elevator scenario written out by
// hand, two groups of four a round, for the tests of what changed.
func dayPlan(s *scenario.Scenario) *plan.Plan {
	m := func(id, name, role string) plan.Member {
		return plan.Member{ID: id, Name: name, Unit: "石庄社区", Background: "discussion-class", Role: role}
	}
	round := func(r int, g1, g2 []plan.Member) plan.Round {
		return plan.Round{Round: r, Groups: []plan.Group{{Group: 1, Members: g1}, {Group: 2, Members: g2}}}
	}
	return &plan.Plan{
		Version: 1, Kind: plan.Kind, Seed: 7,
		Scenario: plan.ScenarioRef{ID: s.ID, Title: s.Title, Language: s.Language, Source: "bundled"},
		Roster:   plan.RosterRef{File: "roster.csv", Trainees: 8},
		Rounds: []plan.Round{
			round(1,
				[]plan.Member{m("T01", "王淑芬", "host"), m("T02", "刘建国", "recorder"), m("T03", "Ann Lee", "ground-floor-owner"), m("T04", "陈晓燕", "top-floor-elder")},
				[]plan.Member{m("T05", "赵敏", "host"), m("T06", "张磊", "recorder"), m("T07", "白雪", "ground-floor-owner"), m("T08", "安然", "top-floor-elder")}),
			round(2,
				[]plan.Member{m("T05", "赵敏", "host"), m("T02", "刘建国", "recorder"), m("T07", "白雪", "ground-floor-owner"), m("T04", "陈晓燕", "top-floor-elder")},
				[]plan.Member{m("T01", "王淑芬", "host"), m("T06", "张磊", "recorder"), m("T03", "Ann Lee", "ground-floor-owner"), m("T08", "安然", "top-floor-elder")}),
		},
	}
}

// clonePlan copies a plan deeply enough to edit its groups.
func clonePlan(p *plan.Plan) *plan.Plan {
	c := *p
	c.Rounds = slices.Clone(p.Rounds)
	for i := range c.Rounds {
		c.Rounds[i].Groups = slices.Clone(c.Rounds[i].Groups)
		for j := range c.Rounds[i].Groups {
			c.Rounds[i].Groups[j].Members = slices.Clone(c.Rounds[i].Groups[j].Members)
		}
		c.Rounds[i].Out = slices.Clone(c.Rounds[i].Out)
	}
	return &c
}

// summary writes changes as "R/ID: kind kind" lines, to compare.
func summary(changes []cards.Change) []string {
	var out []string
	for _, c := range changes {
		var kinds []string
		for _, r := range c.Reasons {
			kinds = append(kinds, r.Kind)
		}
		out = append(out, fmt.Sprintf("%d/%s: %s", c.Round, c.TraineeID, strings.Join(kinds, " ")))
	}
	return out
}

func TestChangedSince(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	old := dayPlan(s)
	members := func(p *plan.Plan, r, g int) *[]plan.Member { return &p.Rounds[r-1].Groups[g-1].Members }

	tests := []struct {
		name  string
		edit  func(p *plan.Plan)
		round int
		want  []string
		texts []string // the English of the first change's reasons
	}{
		{name: "same plan", edit: func(*plan.Plan) {}},
		{
			name: "swap between groups",
			edit: func(p *plan.Plan) {
				g1, g2 := members(p, 1, 1), members(p, 1, 2)
				(*g1)[2], (*g2)[2] = (*g2)[2], (*g1)[2] // T03 and T07, same role
			},
			want: []string{
				"1/T01: members", "1/T02: members", "1/T07: moved members", "1/T04: members",
				"1/T05: members", "1/T06: members", "1/T03: moved members", "1/T08: members",
			},
			texts: []string{"group members changed"},
		},
		{
			name: "absent, and a walk-in in their place",
			edit: func(p *plan.Plan) {
				g := members(p, 1, 1)
				(*g)[1] = plan.Member{ID: "T09", Name: "郑强", Unit: "东关村", Background: "social-worker", Role: "recorder"}
				p.Rounds[0].Out = []plan.Out{{ID: "T02", Name: "刘建国", Reason: plan.OutAbsent}}
			},
			want:  []string{"1/T01: members", "1/T09: new", "1/T03: members", "1/T04: members", "1/T02: void"},
			texts: []string{"group members changed"},
		},
		{
			name: "role changed",
			edit: func(p *plan.Plan) {
				g := members(p, 2, 1)
				(*g)[2].Role, (*g)[3].Role = "top-floor-elder", "ground-floor-owner"
			},
			want: []string{"2/T05: members", "2/T02: members", "2/T07: role members", "2/T04: role members"},
		},
		{
			name: "one round asked for",
			edit: func(p *plan.Plan) {
				g := members(p, 2, 1)
				(*g)[2].Role, (*g)[3].Role = "top-floor-elder", "ground-floor-owner"
				p.Rounds[0].Groups[0].Members = p.Rounds[0].Groups[0].Members[:3]
			},
			round: 1,
			want:  []string{"1/T01: members", "1/T02: members", "1/T03: members", "1/T04: void"},
			texts: []string{"group members changed"},
		},
		{
			name: "not in a round any more",
			edit: func(p *plan.Plan) {
				p.Rounds[1].Groups[1].Members = p.Rounds[1].Groups[1].Members[:3]
				p.Rounds[1].Out = []plan.Out{{ID: "T08", Name: "安然", Reason: plan.OutUnavailable}}
			},
			round: 2,
			want:  []string{"2/T01: members", "2/T06: members", "2/T03: members", "2/T08: void"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur := clonePlan(old)
			tc.edit(cur)
			changes, err := cards.ChangedSince(old, cur, s, tc.round)
			require.NoError(t, err)
			assert.Equal(t, tc.want, summary(changes))
			if tc.texts != nil {
				var texts []string
				for _, r := range changes[0].Reasons {
					texts = append(texts, r.Text)
				}
				assert.Equal(t, tc.texts, texts)
			}
		})
	}

	t.Run("reasons say what changed", func(t *testing.T) {
		cur := clonePlan(old)
		g1, g2 := members(cur, 1, 1), members(cur, 1, 2)
		(*g1)[2], (*g2)[2] = (*g2)[2], (*g1)[2]
		(*g2)[2].Role = "top-floor-elder" // T03, now in group 2
		(*g2)[3].Role = "ground-floor-owner"
		cur.Rounds[0].Groups[1].Members = append((*g2)[:1], (*g2)[2:]...) // T06 leaves
		cur.Rounds[0].Out = []plan.Out{{ID: "T06", Name: "张磊", Reason: plan.OutAbsent}}
		changes, err := cards.ChangedSince(old, cur, s, 1)
		require.NoError(t, err)
		by := map[string]cards.Change{}
		for _, c := range changes {
			by[c.TraineeID] = c
		}
		t03 := by["T03"]
		assert.Equal(t, 1, t03.OldGroup)
		assert.Equal(t, 2, t03.Group)
		require.Len(t, t03.Reasons, 3)
		assert.Equal(t, scenario.Msg("moved from group %d to group %d", 1, 2), t03.Reasons[0].Message)
		assert.Equal(t, "role changed from Ms Sun, flat 101 (ground floor) to Mr Zhao, flat 602 (retired, 78)", t03.Reasons[1].Text)
		assert.Equal(t, scenario.Msg("group members changed"), t03.Reasons[2].Message)
		void := by["T06"]
		assert.True(t, void.Void())
		assert.Equal(t, 2, void.OldGroup)
		assert.Equal(t, []cards.Reason{{Kind: cards.ChangeVoid, Message: scenario.Msg("absent: card void"), Text: "absent: card void"}}, void.Reasons)
	})

	t.Run("the clock and the tables", func(t *testing.T) {
		timed := clonePlan(old)
		require.NoError(t, timed.Schedule(s, plan.Timing{Start: "09:00", Break: 15, Tables: []string{"A1", "A2"}}))
		changes, err := cards.ChangedSince(old, timed, s, 0)
		require.NoError(t, err)
		require.Len(t, changes, 16, "every card shows the clock and a table now")
		assert.Equal(t, []string{"now at table A1", "the round's time changed"}, []string{changes[0].Reasons[0].Text, changes[0].Reasons[1].Text})

		later := clonePlan(timed)
		require.NoError(t, later.Schedule(s, plan.Timing{Start: "09:00", Break: 30, Tables: []string{"B1", "A2"}}))
		changes, err = cards.ChangedSince(timed, later, s, 0)
		require.NoError(t, err)
		assert.Equal(t, []string{
			"1/T01: table", "1/T02: table", "1/T03: table", "1/T04: table",
			"2/T05: table clock", "2/T02: table clock", "2/T07: table clock", "2/T04: table clock",
			"2/T01: clock", "2/T06: clock", "2/T03: clock", "2/T08: clock",
		}, summary(changes), "round 1 keeps its clock; group 2 of round 1 keeps its table")
		assert.Equal(t, "table changed from A1 to B1", changes[0].Reasons[0].Text)
		assert.Equal(t, "the round's time changed from 10:30–11:45 to 10:45–12:00", changes[4].Reasons[1].Text)
	})

	t.Run("bad input", func(t *testing.T) {
		other := clonePlan(old)
		other.Scenario.ID = "square-dance-noise"
		_, err := cards.ChangedSince(old, other, s, 0)
		assert.ErrorIs(t, err, scenario.ErrInvalid)
		assert.ErrorContains(t, err, `the old plan was made for scenario "elevator-retrofit" and the new one for "square-dance-noise"`)
		_, err = cards.ChangedSince(old, clonePlan(old), s, 3)
		assert.ErrorIs(t, err, scenario.ErrInvalid)
	})
}

// TestChangedFiles: only the changed cards are written, each at the path
// and with the bytes Files gives it, with a file of them all to print,
// then the new plan's deck and master sheet as Files gives them.
func TestChangedFiles(t *testing.T) {
	s := bundled(t, "elevator-retrofit")
	old := dayPlan(s)
	cur := clonePlan(old)
	g1, g2 := &cur.Rounds[0].Groups[0].Members, &cur.Rounds[0].Groups[1].Members
	(*g1)[2], (*g2)[2] = (*g2)[2], (*g1)[2]
	cur.Rounds[0].Groups[1].Members = (*g2)[:3] // T08 leaves
	cur.Rounds[0].Out = []plan.Out{{ID: "T08", Name: "安然", Reason: plan.OutAbsent}}

	for _, format := range cards.Formats {
		t.Run(format, func(t *testing.T) {
			full, err := cards.Files(cur, s, 0, format, cards.Options{})
			require.NoError(t, err)
			byPath := map[string][]byte{}
			for _, f := range full {
				byPath[f.Path] = f.Data
			}
			files, changes, err := cards.ChangedFiles(old, cur, s, 0, format, cards.Options{})
			require.NoError(t, err)
			require.Len(t, changes, 8, "seven changed cards in round 1 and T08's void one")
			require.Len(t, files, 7+3)
			for i, f := range files[:7] {
				want, ok := byPath[f.Path]
				require.True(t, ok, "%s is a path Files gives", f.Path)
				assert.Equal(t, string(want), string(f.Data), f.Path)
				assert.True(t, strings.HasPrefix(f.Path, "round-1/"), f.Path)
				assert.Contains(t, f.Path, changes[i].TraineeID)
			}
			for _, f := range files[:7] {
				assert.NotContains(t, f.Path, "T08", "a void card is not written")
			}
			assert.Equal(t, cards.ChangedCardsName+"."+format, files[7].Path)
			assert.Equal(t, cards.AllCardsName+"."+format, files[8].Path)
			assert.Equal(t, string(byPath[cards.AllCardsName+"."+format]), string(files[8].Data), "the new plan's whole deck")
			assert.Equal(t, cards.MasterSheetName+"."+format, files[9].Path)
			assert.Equal(t, string(byPath[cards.MasterSheetName+"."+format]), string(files[9].Data))
			if format == cards.FormatHTML {
				assert.Equal(t, 7, strings.Count(string(files[7].Data), `<section class="page">`))
				assert.Equal(t, 7, strings.Count(string(files[7].Data), `class="print-notice"`), "it holds the changed trainees' confidential briefs, so each page says it is for printing only")
			}
		})
	}
	t.Run("one round", func(t *testing.T) {
		files, changes, err := cards.ChangedFiles(old, cur, s, 2, cards.FormatHTML, cards.Options{})
		require.NoError(t, err)
		assert.Empty(t, changes, "round 2 did not change")
		require.Len(t, files, 2, "no changed-cards file with nothing in it")
		assert.Equal(t, "round-2/"+cards.AllCardsName+".html", files[0].Path)
		assert.Equal(t, "round-2/"+cards.MasterSheetName+".html", files[1].Path)
	})
	t.Run("bad input", func(t *testing.T) {
		_, _, err := cards.ChangedFiles(old, cur, s, 0, "pdf", cards.Options{})
		assert.ErrorIs(t, err, scenario.ErrInvalid)
		_, _, err = cards.ChangedFiles(old, cur, s, 0, cards.FormatHTML, cards.Options{Paper: "letter"})
		assert.ErrorIs(t, err, scenario.ErrInvalid)
	})
}
