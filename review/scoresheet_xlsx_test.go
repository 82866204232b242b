package review

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// zhFixture is the test plan made for the bundled Chinese scenario.
func zhFixture(t *testing.T) (*plan.Plan, *scenario.Scenario) {
	t.Helper()
	p, _ := fixture(t)
	zh := bundled(t, "square-dance-noise")
	p.Scenario.ID, p.Scenario.Language = zh.ID, zh.Language
	return p, zh
}

// blankWorkbook is reviewer's blank workbook for every round and group.
func blankWorkbook(t *testing.T, p *plan.Plan, s *scenario.Scenario, reviewer string) []byte {
	t.Helper()
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{reviewer}})
	require.NoError(t, err)
	files := sheetFiles(t, p, s, blank, FormatXLSX)
	require.Len(t, files, 1)
	assert.Equal(t, "scoresheet-"+reviewer+".xlsx", files[0].Path)
	return files[0].Data
}

// edit opens a workbook as a reviewer's Excel would, lets change edit
// it, and saves it.
func edit(t testing.TB, data []byte, change func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	change(f)
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	return buf.Bytes()
}

func TestScoresheetWorkbookLayout(t *testing.T) {
	p, zh := zhFixture(t)
	p.Rounds[0].Groups[0].Members[0].Name = "=HYPERLINK(\"http://x\")"
	f, err := excelize.OpenReader(bytes.NewReader(blankWorkbook(t, p, zh, "王老师")))
	require.NoError(t, err)
	defer f.Close()

	assert.Equal(t, []string{"第1轮", "第2轮"}, f.GetSheetList(), "a sheet per round, named in the scenario's language")
	rows, err := f.GetRows("第1轮")
	require.NoError(t, err)
	require.Len(t, rows, 1+3, "a header and a row per group")
	assert.Equal(t, []string{"评分人 [reviewer]", "轮次 [round]", "组 [group]", "成员 [members]", "会议组织 (1–5) [organization]", "会议组织 证据 [organization.evidence]"}, rows[0][:6])
	assert.Equal(t, "评分表编号 [plan]", rows[0][18])
	assert.Equal(t, []string{"王老师", "1", "2"}, rows[2][:3])
	assert.Equal(t, p.GroupID(1, 2), rows[2][18], "each row carries its group's id")
	assert.Equal(t, p.GroupID(1, 1), rows[1][18])

	formula, err := f.GetCellFormula("第1轮", "D2")
	require.NoError(t, err)
	assert.Empty(t, formula, "a trainee's name is never a formula")
	assert.True(t, strings.HasPrefix(rows[1][3], `=HYPERLINK("http://x")`), rows[1][3])

	comments, err := f.GetComments("第1轮")
	require.NoError(t, err)
	byCell := map[string]string{}
	for _, c := range comments {
		byCell[c.Cell] = c.Text + paragraphText(c)
	}
	levels := zh.Rubric.Rubric.Dimensions[1].Levels
	assert.Contains(t, byCell["G1"], "1 = "+scenario.OneLine(levels[0].Descriptor.In("zh")), "the rhythm header holds its level descriptors")
	assert.Contains(t, byCell["G1"], "5 = "+scenario.OneLine(levels[len(levels)-1].Descriptor.In("zh")))
	assert.Contains(t, byCell["S1"], "请勿修改")

	dvs, err := f.GetDataValidations("第1轮")
	require.NoError(t, err)
	require.Len(t, dvs, 6, "one check per dimension")
	for _, dv := range dvs {
		assert.Equal(t, "whole", dv.Type)
		assert.Equal(t, "between", dv.Operator)
		assert.Equal(t, []string{"1", "5"}, []string{dv.Formula1, dv.Formula2})
		assert.Equal(t, "分数是 1 到 5 的整数。", *dv.Error)
		assert.Contains(t, *dv.Prompt, "1 到 5 的整数")
	}
	assert.Equal(t, "E2:E4", dvs[0].Sqref)

	panes, err := f.GetPanes("第1轮")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, []int{3, 1}, []int{panes.XSplit, panes.YSplit}, "header row and reviewer, round, group stay in view")

	_, err = f.GetSheetProtection("第1轮")
	require.NoError(t, err)
	locked := func(ref string) bool {
		id, err := f.GetCellStyle("第1轮", ref)
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st.Protection == nil || st.Protection.Locked
	}
	for _, ref := range []string{"S2", "S4", "A2", "B2", "C2", "D2", "G1"} {
		assert.True(t, locked(ref), "%s is locked", ref)
	}
	for _, ref := range []string{"E2", "F2", "G4", "Q3", "R3"} {
		assert.False(t, locked(ref), "%s is open for input", ref)
	}
	typ, err := f.GetCellType("第1轮", "B2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ, "the round is a number")
}

func paragraphText(c excelize.Comment) string {
	var b strings.Builder
	for _, p := range c.Paragraph {
		b.WriteString(p.Text)
	}
	return b.String()
}

// TestWorkbookAsReviewersEditIt reads a workbook as Excel and WPS leave
// it after a reviewer: scores typed as numbers, as text, with full-width
// digits and spaces; a sheet renamed, a column and an empty row added, a
// title row put above the header.
func TestWorkbookAsReviewersEditIt(t *testing.T) {
	p, s := fixture(t)
	data := edit(t, blankWorkbook(t, p, s, "Li"), func(f *excelize.File) {
		require.NoError(t, f.SetSheetName("Round 1", "my round one"))
		const sh = "my round one"
		set := func(ref string, v any) { require.NoError(t, f.SetCellValue(sh, ref, v)) }
		set("E2", 4)     // organization, a number
		set("G2", "4")   // rhythm, text
		set("I2", 3.0)   // guidance, a float
		set("K2", "４")   // induction, full-width
		set("M2", " ５　") // recording, spaces around
		set("O2", "4.0") // hosting, text with a decimal
		set("F2", "opened with the rules")
		set("E3", 2)
		require.NoError(t, f.InsertRows(sh, 3, 1)) // an empty row between groups
		require.NoError(t, f.InsertCols(sh, "Q", 1))
		set("Q1", "my notes")
		set("Q2", "ask about the lift")
		require.NoError(t, f.InsertRows(sh, 1, 1))
		set("A1", "Li's scores, round 1")
	})
	sheets, diags := ParseScoresheets("li.xlsx", data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, sheets, 2)
	g1 := sheets[0]
	assert.Equal(t, []int{1, 1}, []int{g1.Round, g1.Group})
	for id, want := range map[string]int{"organization": 4, "rhythm": 4, "guidance": 3, "induction": 4, "recording": 5, "hosting": 4} {
		require.True(t, g1.Scores[id].Scored(), id)
		assert.Equal(t, want, *g1.Scores[id].Value, id)
	}
	assert.Equal(t, "opened with the rules", g1.Scores["organization"].Evidence)
	assert.Equal(t, []int{1, 2}, []int{sheets[1].Round, sheets[1].Group})
	assert.Equal(t, 2, *sheets[1].Scores["organization"].Value)

	var warnings []string
	for _, d := range diags.Warnings() {
		warnings = append(warnings, d.String())
	}
	assert.Contains(t, warnings, `li.xlsx:2:17: warning: sheet "my round one", row 2, column Q (my notes): not a scoresheet column; it is ignored`)
	assert.Contains(t, warnings, `li.xlsx:5:15: warning: sheet "my round one", row 5, column O (Hosting (1–5) [hosting]): round 1, group 2: no score given`)
	assert.Contains(t, warnings, `li.xlsx:6: warning: sheet "my round one", row 6: round 1, group 3: the row is blank; it is left out`)
	assert.Contains(t, warnings, `li.xlsx:2: warning: sheet "Round 2", row 2: round 2, group 1: the row is blank; it is left out`)
}

// TestBadWorkbooks reads bad scoresheets together, as `yishi review`
// does, and compares every message with the golden file: a workbook with
// no rows of scores, a sheet without a header row, bad scores, a plan id
// changed, a round hidden, a workbook named .csv and a CSV file named
// .xlsx, a workbook cut short, and two files that score the same group.
func TestBadWorkbooks(t *testing.T) {
	p, zh := zhFixture(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, data, 0o644))
		return path
	}
	wang := blankWorkbook(t, p, zh, "王老师")
	blankLi, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"李老师"}, Round: 1, Groups: []int{1}})
	require.NoError(t, err)
	blankLi[0].Scores["organization"] = Score{Value: intp(3)}
	liCSV := MarshalScoresheetsCSV(p, zh, blankLi)
	liXLSX := sheetFiles(t, p, zh, blankLi, FormatXLSX)[0].Data

	paths := []string{
		write("scoresheet-王老师.xlsx", edit(t, wang, func(f *excelize.File) {
			require.NoError(t, f.SetCellValue("第1轮", "G3", "５分"))
			require.NoError(t, f.SetCellValue("第1轮", "E2", 7))
			require.NoError(t, f.SetCellValue("第1轮", "K2", "３．５"))
			require.NoError(t, f.SetCellValue("第1轮", "I4", "4 points"))
			_, err := f.NewSheet("备忘")
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue("备忘", "A1", "记得问电梯的事"))
		})),
		write("no-rows.xlsx", edit(t, wang, func(f *excelize.File) {
			for _, sh := range []string{"第1轮", "第2轮"} {
				rows, err := f.GetRows(sh)
				require.NoError(t, err)
				for i := len(rows); i >= 2; i-- {
					require.NoError(t, f.RemoveRow(sh, i))
				}
			}
		})),
		write("other-plan.xlsx", edit(t, wang, func(f *excelize.File) {
			require.NoError(t, f.SetCellValue("第2轮", "S2", "0123456789ab"))
			require.NoError(t, f.SetCellValue("第2轮", "E2", 3))
		})),
		write("hidden.xlsx", edit(t, wang, func(f *excelize.File) {
			// A round hidden with a bad score in it: passed over, with a
			// word, and its bad score not reported.
			require.NoError(t, f.SetCellValue("第2轮", "E2", 9))
			require.NoError(t, f.SetSheetVisible("第2轮", false))
		})),
		write("li.xlsx", liXLSX),
		write("li.csv", liCSV),
		write("li-xlsx.csv", liXLSX),
		write("li-csv.xlsx", liCSV),
		write("cut.xlsx", liXLSX[:len(liXLSX)/2]),
	}
	_, diags := ReadScoresheets(paths, p, zh.Rubric.Rubric, withWorkbooks(ParseOptions{}))
	require.True(t, diags.HasErrors())
	got := strings.ReplaceAll(diags.Error(), dir+string(filepath.Separator), "")
	golden(t, "testdata/bad-workbooks.golden", []byte(got+"\n"))
}

// A sheet with hundreds of bad rows prints a page: the first problems of
// the file in row order, then how many more there are.
func TestWorkbookProblemsAreCapped(t *testing.T) {
	p, s := fixture(t)
	data := edit(t, blankWorkbook(t, p, s, "Li"), func(f *excelize.File) {
		for r := 2; r <= 200; r++ {
			require.NoError(t, f.SetCellValue("Round 1", fmt.Sprintf("B%d", r), 1))
			require.NoError(t, f.SetCellValue("Round 1", fmt.Sprintf("C%d", r), 99))
			require.NoError(t, f.SetCellValue("Round 1", fmt.Sprintf("E%d", r), "x"))
		}
	})
	_, diags := ParseScoresheets("li.xlsx", data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
	errs := diags.Errors()
	require.Len(t, errs, scenario.MaxProblemsPerFile+1)
	for i := 1; i < scenario.MaxProblemsPerFile; i++ {
		a, b := errs[i-1].Pos, errs[i].Pos
		require.True(t, a.Line < b.Line || a.Line == b.Line && a.Col <= b.Col, "%s before %s", a, b)
	}
	assert.Equal(t, 2, errs[0].Pos.Line, "the first rows come first, not row 100 before row 2")
	assert.Regexp(t, `^and \d+ more problems in this file$`, errs[len(errs)-1].Message)
}

// The same plan and reviewer give the same workbook, byte for byte, on
// every run: no timestamp or map order gets into the file.
func TestScoresheetWorkbookIsDeterministic(t *testing.T) {
	p, zh := zhFixture(t)
	first := blankWorkbook(t, p, zh, "王老师")
	for range 5 {
		require.True(t, bytes.Equal(first, blankWorkbook(t, p, zh, "王老师")), "a second run wrote other bytes")
	}
}
