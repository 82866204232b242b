package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
)

// copyPlan is p written and read back, to change without touching p.
func copyPlan(t *testing.T, p *plan.Plan) *plan.Plan {
	t.Helper()
	data, err := plan.Marshal(p)
	require.NoError(t, err)
	c, diags := plan.Parse("amended.yaml", data)
	require.NoError(t, diags.Err())
	return c
}

// amended is p after a change on the day: Dan Zhou, the host of round 1,
// group 2, did not come, and 王秀英 took her seat and role. Every other
// group is as it was.
func amended(t *testing.T, p *plan.Plan) *plan.Plan {
	t.Helper()
	a := copyPlan(t, p)
	m := &a.Rounds[0].Groups[1].Members[0]
	require.Equal(t, "Dan Zhou", m.Name)
	m.ID, m.Name = "W01", "王秀英"
	a.Amendments = []plan.Amendment{{From: p.ID(), FromRound: 1, Absent: []string{"T4"}, Moved: 1, LowerBound: 1}}
	return a
}

// group2Changed is the message refusing a sheet for round 1, group 2 of
// the amended plan, after the place of the sheet id.
const group2Changed = "round 1, group 2 has changed since this sheet was made (members or roles differ: now 王秀英 (host), Eve Sun (recorder), Fay Liu (top-floor-elder), Lin Fu (ground-floor-owner), Mo Tan (property-manager)); make a new scoresheet for this group (yishi scoresheets with --round 1 --groups 2)"

type roundGroup struct{ round, group int }

func groupsOf(sheets []Scoresheet) []roundGroup {
	var out []roundGroup
	for _, sh := range sheets {
		out = append(out, roundGroup{sh.Round, sh.Group})
	}
	return out
}

// TestGroupIDs: an amendment changes the id of the group it changed and
// of no other, and the plan's own id.
func TestGroupIDs(t *testing.T) {
	p, _ := fixture(t)
	a := amended(t, p)
	assert.NotEqual(t, p.ID(), a.ID())
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			id := p.GroupID(rd.Round, g.Group)
			require.Regexp(t, `^[0-9a-f]{12}$`, id)
			if rd.Round == 1 && g.Group == 2 {
				assert.NotEqual(t, id, a.GroupID(1, 2), "the changed group")
			} else {
				assert.Equal(t, id, a.GroupID(rd.Round, g.Group), "round %d, group %d is as it was", rd.Round, g.Group)
			}
		}
	}
	roles := copyPlan(t, p)
	ms := roles.Rounds[0].Groups[2].Members
	ms[0].Role, ms[1].Role = ms[1].Role, ms[0].Role
	assert.NotEqual(t, p.GroupID(1, 3), roles.GroupID(1, 3), "the same people in other roles are another group")
}

// TestSheetsSurviveAnAmendment: sheets made before an amendment are taken
// for every group it left alone, in every format, and a sheet for the
// group it changed is refused, naming the group and who is in it now. A
// file is taken whole or not at all, so a workbook with a filled row for
// the changed group is refused; with that row left blank it is read.
func TestSheetsSurviveAnAmendment(t *testing.T) {
	p, s := fixture(t)
	a := amended(t, p)
	sheets := DemoScoresheets(p, s, []string{"Alice"}, 1)
	var all, untouched []roundGroup
	for _, sh := range sheets {
		all = append(all, roundGroup{sh.Round, sh.Group})
		if sh.Round != 1 || sh.Group != 2 {
			untouched = append(untouched, roundGroup{sh.Round, sh.Group})
		}
	}
	require.Len(t, all, 4)
	// The same sheets with round 1, group 2 left blank.
	var blank []Scoresheet
	for _, sh := range sheets {
		if sh.Round == 1 && sh.Group == 2 {
			sh = Scoresheet{Scenario: sh.Scenario, Plan: sh.Plan, Reviewer: sh.Reviewer, Round: 1, Group: 2, Scores: map[string]Score{}}
		}
		blank = append(blank, sh)
	}

	t.Run("yaml", func(t *testing.T) {
		files := sheetFiles(t, p, s, sheets, FormatYAML)
		require.Len(t, files, 4, "a file per group")
		var taken []roundGroup
		for _, f := range files {
			got, diags := ParseScoresheets(f.Path, f.Data, a, s.Rubric.Rubric, ParseOptions{})
			if strings.HasSuffix(f.Path, "-r1-g2.yaml") {
				assert.Empty(t, got)
				require.Len(t, diags.Errors(), 1, "%v", diags)
				assert.Equal(t, "plan: "+group2Changed, diags.Errors()[0].Message)
				planLine := 1 + strings.Count(string(f.Data[:strings.Index(string(f.Data), "\nplan: ")+1]), "\n")
				assert.Equal(t, planLine, diags.Errors()[0].Pos.Line, "at the plan: line")
				continue
			}
			require.Empty(t, diags, "%s", f.Path)
			taken = append(taken, groupsOf(got)...)
		}
		assert.Equal(t, untouched, taken)
	})

	for _, tt := range []struct {
		format, where string
	}{
		{FormatCSV, "row 4, column S (Sheet id [plan])"},
		{FormatXLSX, `sheet "Round 1", row 3, column S (Sheet id [plan])`},
	} {
		t.Run(tt.format, func(t *testing.T) {
			f := sheetFiles(t, p, s, sheets, tt.format)[0]
			got, diags := ParseScoresheets(f.Path, f.Data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			require.Empty(t, diags, "the sheets fit the plan they were made from")
			assert.Equal(t, all, groupsOf(got))

			got, diags = ParseScoresheets(f.Path, f.Data, a, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			assert.Empty(t, got, "nothing of a refused file is taken")
			require.Len(t, diags.Errors(), 1, "%v", diags)
			assert.Equal(t, tt.where+": "+group2Changed+", or leave this row's scores empty to read the rest of the file", diags.Errors()[0].Message)
			assert.Positive(t, diags.Errors()[0].Pos.Line)

			f = sheetFiles(t, p, s, blank, tt.format)[0]
			got, diags = ParseScoresheets(f.Path, f.Data, a, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			require.False(t, diags.HasErrors(), "%v", diags)
			assert.Equal(t, untouched, groupsOf(got))
			require.Len(t, diags.Warnings(), 1, "%v", diags)
			assert.Contains(t, diags.Warnings()[0].Message, "round 1, group 2: the row is blank; it is left out")
		})
	}

	t.Run("blank yaml", func(t *testing.T) {
		f := sheetFiles(t, p, s, blank[1:2], FormatYAML)[0]
		got, diags := ParseScoresheets(f.Path, f.Data, a, s.Rubric.Rubric, ParseOptions{})
		assert.Empty(t, got)
		assert.False(t, diags.HasErrors(), "a blank sheet misplaces no scores: %v", diags)
		require.Len(t, diags.Warnings(), 1)
		assert.Contains(t, diags.Warnings()[0].Message, "the scoresheet is blank")
	})

	t.Run("html", func(t *testing.T) {
		f := sheetFiles(t, p, s, sheets, FormatHTML)[0]
		html := string(f.Data)
		for _, rg := range all {
			assert.Equal(t, 1, strings.Count(html, "<b>"+p.GroupID(rg.round, rg.group)+"</b>"), "the page of round %d, group %d carries its group's id", rg.round, rg.group)
		}
		assert.NotContains(t, html, p.ID(), "not the plan's")
	})
}

// TestSheetFromAnotherPlan: a sheet made for another plan altogether (here
// from another version of the scenario, so that no group is the same) is
// refused at every row, each naming its group.
func TestSheetFromAnotherPlan(t *testing.T) {
	p, s := fixture(t)
	other := copyPlan(t, p)
	other.Scenario.SHA256 = strings.Repeat("0", 64)
	sheets := DemoScoresheets(other, s, []string{"Alice"}, 1)
	for _, format := range []string{FormatYAML, FormatCSV, FormatXLSX} {
		var msgs []string
		for _, f := range sheetFiles(t, other, s, sheets, format) {
			got, diags := ParseScoresheets(f.Path, f.Data, other, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			require.False(t, diags.HasErrors(), "%s: the sheet fits its own plan: %v", format, diags)
			require.NotEmpty(t, got)
			got, diags = ParseScoresheets(f.Path, f.Data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			assert.Empty(t, got, format)
			for _, e := range diags.Errors() {
				msgs = append(msgs, e.Message)
			}
		}
		require.Len(t, msgs, len(sheets), "%s: one error a sheet", format)
		for i, sh := range sheets {
			assert.Contains(t, msgs[i], fmt.Sprintf("round %d, group %d has changed since this sheet was made (members or roles differ: now ", sh.Round, sh.Group), format)
		}
	}
}

// TestSheetsWithThePlanID: a sheet made before groups had ids carries the
// plan's id, under the plan id header of then; it is taken for the plan
// it was made from, in every format.
func TestSheetsWithThePlanID(t *testing.T) {
	p, s := fixture(t)
	sheets := DemoScoresheets(p, s, []string{"Alice"}, 1)
	old := func(data string) string {
		for _, sh := range sheets {
			data = strings.ReplaceAll(data, p.GroupID(sh.Round, sh.Group), p.ID())
		}
		return data
	}
	for _, f := range sheetFiles(t, p, s, sheets, FormatYAML) {
		data := strings.Replace(old(string(f.Data)), words.In("en", "sheet_id_help"), "the plan these sheets were made from; leave it as it is", 1)
		require.Contains(t, data, "plan: "+p.ID()+"  #")
		got, diags := ParseScoresheets(f.Path, []byte(data), p, s.Rubric.Rubric, ParseOptions{})
		require.Empty(t, diags, "%s", f.Path)
		require.Len(t, got, 1)
		assert.Equal(t, p.ID(), got[0].Plan)
	}
	for _, header := range []string{"Plan id [plan]", "Plan id", "plan"} {
		f := sheetFiles(t, p, s, sheets, FormatCSV)[0]
		data := strings.Replace(old(string(f.Data)), "Sheet id [plan]", header, 1)
		require.Equal(t, len(sheets), strings.Count(data, p.ID()))
		got, diags := ParseScoresheets(f.Path, []byte(data), p, s.Rubric.Rubric, ParseOptions{})
		require.Empty(t, diags, "header %q", header)
		assert.Len(t, got, len(sheets))
	}
	id, _ := headerID("分组方案编号", s.Rubric.Rubric)
	assert.Equal(t, colPlan, id, "the Chinese header of then")

	wbs := ScoresheetWorkbooks(p, s, sheets)
	require.Len(t, wbs, 1)
	book := wbs[0].Book
	for i := range book.Tabs {
		rows := book.Tabs[i].Rows
		rows[0][len(rows[0])-1].Text = "Plan id [plan]"
		for _, row := range rows[1:] {
			row[len(row)-1].Text = p.ID()
		}
	}
	data, err := xlsx.Write(book)
	require.NoError(t, err)
	got, diags := ParseScoresheets(wbs[0].Path, data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
	require.Empty(t, diags)
	assert.Len(t, got, len(sheets))

	// The plan's id is the plan's: a sheet that carries it is refused by
	// an amended plan, which cannot tell whether the group is the same,
	// and says so rather than that it changed.
	a := amended(t, p)
	f := sheetFiles(t, p, s, sheets[:1], FormatYAML)[0]
	_, diags = ParseScoresheets(f.Path, []byte(old(string(f.Data))), a, s.Rubric.Rubric, ParseOptions{})
	require.Len(t, diags.Errors(), 1)
	assert.Contains(t, diags.Errors()[0].Message, "round 1, group 1: the sheet carries the id of the plan before the changes on the day ("+p.ID()+")")
}

// The messages' lists are messages, so a catalogue gives them its own
// brackets and separators.
func TestGroupNowIsAMessage(t *testing.T) {
	p, _ := fixture(t)
	m := groupNow(p, 1, 2, nil)
	assert.Equal(t, "%s, %s", m.Format)
	assert.Equal(t, "Dan Zhou (host), Eve Sun (recorder), Fay Liu (top-floor-elder), Lin Fu (ground-floor-owner), Mo Tan (property-manager)", m.String())
	var _ scenario.Message = m
}
