package review

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
)

// TestBadScoresheets reads each bad scoresheet in testdata/bad and compares
// every message with the golden file beside it. A directory holds sheets
// read together, as `yishi review` reads several files. Sheets whose name
// starts with "no-plan-id" are read as `yishi review` reads them by
// default; the others are made by hand, without a plan id, and are read as
// with --allow-no-plan-id so that each golden shows its own problem.
func TestBadScoresheets(t *testing.T) {
	p, s := fixture(t)
	entries, err := os.ReadDir("testdata/bad")
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			files := []string{filepath.Join("testdata/bad", name)}
			if e.IsDir() {
				sub, err := os.ReadDir(files[0])
				require.NoError(t, err)
				files = nil
				for _, f := range sub {
					files = append(files, filepath.Join("testdata/bad", name, f.Name()))
				}
			}
			var (
				diags  scenario.Diagnostics
				sheets []Scoresheet
			)
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				opts := ParseOptions{AllowNoPlanID: !strings.HasPrefix(name, "no-plan-id")}
				got, d := ParseScoresheets(filepath.ToSlash(f), data, p, s.Rubric.Rubric, opts)
				diags = append(diags, d...)
				sheets = append(sheets, got...)
			}
			diags = append(diags, CheckScoresheets(sheets)...)
			diags.Sort()
			require.NotEmpty(t, diags, "a bad scoresheet must say what is wrong")
			golden(t, filepath.Join("testdata/bad", name+".golden"), []byte(diags.Error()+"\n"))
		})
	}
}

func TestMissingScoresAreWarnings(t *testing.T) {
	p, s := fixture(t)
	for _, f := range []string{"testdata/bad/missing-scores.yaml", "testdata/bad/missing-scores.csv"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		sheets, diags := ParseScoresheets(f, data, p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
		assert.False(t, diags.HasErrors(), "%s: %v", f, diags)
		assert.NotEmpty(t, diags.Warnings())
		assert.NotEmpty(t, sheets)
	}
}

// TestGB18030 reads back a CSV scoresheet as Chinese Excel saves it: in
// GB18030, without a BOM.
func TestGB18030(t *testing.T) {
	p, _ := fixture(t)
	zh := bundled(t, "square-dance-noise")
	p.Scenario.ID, p.Scenario.Language = zh.ID, zh.Language
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"王老师"}, Round: 1, Groups: []int{2}})
	require.NoError(t, err)
	blank[0].Scores["organization"] = Score{Value: intp(4), Evidence: "开场宣布了议事规则"}
	blank[0].Strengths = []string{"气氛融洽"}
	data := MarshalScoresheetsCSV(p, zh, blank)
	require.True(t, bytes.HasPrefix(data, []byte(sheet.BOM)))
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data[len(sheet.BOM):])
	require.NoError(t, err)
	require.False(t, bytes.Equal(gb, data[len(sheet.BOM):]), "the test needs bytes that are not UTF-8")

	sheets, diags := ParseScoresheets("王老师.csv", gb, p, zh.Rubric.Rubric, ParseOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, sheets, 1)
	assert.Equal(t, "王老师", sheets[0].Reviewer)
	assert.Equal(t, 4, *sheets[0].Scores["organization"].Value)
	assert.Equal(t, "开场宣布了议事规则", sheets[0].Scores["organization"].Evidence)
	assert.Equal(t, []string{"气氛融洽"}, sheets[0].Strengths)
	assert.Len(t, diags.Warnings(), 5, "five dimensions left blank: %v", diags)
}

// TestCSVHintRow: the hint row of level descriptors is skipped when read
// back, in Chinese too, wherever Excel leaves it, and its cells are safe
// from formula injection like every other.
func TestCSVHintRow(t *testing.T) {
	p, _ := fixture(t)
	zh := bundled(t, "square-dance-noise")
	p.Scenario.ID, p.Scenario.Language = zh.ID, zh.Language
	// A descriptor a spreadsheet would run, were it first in its cell.
	d := &zh.Rubric.Rubric.Dimensions[0]
	d.Levels[0].Descriptor = scenario.Text{"zh": "=HYPERLINK(\"http://x\")", "en": "x"}
	d.Description = scenario.Text{"zh": "@SUM(A1)", "en": "x"}
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"王老师"}, Round: 1})
	require.NoError(t, err)
	data := MarshalScoresheetsCSV(p, zh, blank)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(sheet.BOM)))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 2+3, "header, hints, a row per group")
	assert.Equal(t, "# 等级说明", recs[1][0])
	for _, c := range recs[1] {
		assert.Equal(t, c, sheet.SafeCell(c), "hint cells are safe")
		for _, line := range strings.Split(c, "\n") {
			assert.False(t, strings.HasPrefix(line, "=") || strings.HasPrefix(line, "@"), "%q", c)
		}
	}
	assert.Contains(t, strings.Join(recs[1], "|"), `1 = =HYPERLINK("http://x")`)

	// Filled in, the hint row kept; and moved to the bottom by a sort.
	for i := 2; i < len(recs); i++ {
		recs[i][4] = "3"
	}
	for _, rows := range [][][]string{recs, append(append([][]string{recs[0]}, recs[2:]...), recs[1])} {
		var b bytes.Buffer
		require.NoError(t, csv.NewWriter(&b).WriteAll(rows))
		sheets, diags := ParseScoresheets("王老师.csv", b.Bytes(), p, zh.Rubric.Rubric, ParseOptions{})
		require.False(t, diags.HasErrors(), "%v", diags)
		require.Len(t, sheets, 3, "the hint row is no sheet")
		// Nothing is said about the hint row: the only warnings are the
		// five dimensions each group's row leaves blank.
		warns := diags.Warnings()
		assert.Len(t, warns, 3*5, "%v", diags)
		for _, w := range warns {
			assert.Contains(t, w.Message, "no score given", "%v", w)
		}
	}
}

// TestCSVRoundTrip fills in a blank CSV sheet the way a reviewer does in
// Excel, reads it back and builds a report from it.
func TestCSVRoundTrip(t *testing.T) {
	p, s := fixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Alice", "Bob"}, Round: 1})
	require.NoError(t, err)
	files, err := ScoresheetFiles(p, s, blank, FormatCSV)
	require.NoError(t, err)
	require.Len(t, files, 2)
	assert.Equal(t, "scoresheet-Alice.csv", files[0].Path)

	var sheets []Scoresheet
	for fi, f := range files {
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Data, []byte(sheet.BOM)))).ReadAll()
		require.NoError(t, err)
		header := recs[0]
		assert.Contains(t, header[4], "[organization]")
		// Under the header, a row of level descriptors as hints, which
		// the reviewer may keep: it is skipped when read back.
		hints := recs[1]
		assert.Equal(t, "# levels", hints[0])
		for _, d := range s.Rubric.Rubric.Dimensions {
			c := slices.Index(header, headerCell(fmt.Sprintf("%s (1–5)", d.Title.In("en")), d.ID))
			require.GreaterOrEqual(t, c, 0, d.ID)
			lines := strings.Split(hints[c], "\n")
			require.Len(t, lines, len(d.Levels), "%s: every level the rubric has", d.ID)
			for k, l := range d.Levels {
				assert.Equal(t, fmt.Sprintf("%d = %s", l.Score, scenario.OneLine(l.Descriptor.In("en"))), lines[k])
			}
		}
		for i := 2; i < len(recs); i++ {
			for c, h := range header {
				switch {
				case strings.HasSuffix(h, ".evidence]"):
					recs[i][c] = "=cmd|' /C calc'!A0 seen at minute " + h
				case strings.Contains(h, "(1–5)"):
					recs[i][c] = []string{"2", "3", "4"}[(i+c+fi)%3]
				case strings.HasSuffix(h, "[improvements]"):
					recs[i][c] = "Rhythm: use a timer\nrecording: read back"
				}
			}
		}
		var b bytes.Buffer
		b.WriteString(sheet.BOM)
		w := csv.NewWriter(&b)
		require.NoError(t, w.WriteAll(recs))
		got, diags := ParseScoresheets(f.Path, b.Bytes(), p, s.Rubric.Rubric, ParseOptions{})
		require.False(t, diags.HasErrors(), "%v", diags)
		require.Len(t, got, 3)
		sheets = append(sheets, got...)
	}
	require.NoError(t, CheckScoresheets(sheets).Err())
	assert.Equal(t, []string{"Rhythm: use a timer", "recording: read back"}, sheets[0].Improvements)
	rep := BuildReport(p, s, sheets)
	require.Len(t, rep.Rounds, 1)
	require.Len(t, rep.Rounds[0].Groups, 3)
	g := rep.Rounds[0].Groups[0]
	assert.Equal(t, 2, g.Dimensions[0].N)
	assert.Equal(t, "rhythm", g.Plan[0].Area)
	assert.Equal(t, "recording", g.Plan[1].Area)
	assert.Contains(t, g.Plan[1].Owner, "Bo Wang", "the recorder owns recording")
	assert.Contains(t, g.Plan[0].Owner, "Ann Lee", "the host owns rhythm")
	for _, format := range ReportFormats {
		_, err := RenderReport(rep, format)
		require.NoError(t, err)
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	p, s := fixture(t)
	sheets := DemoScoresheets(p, s, []string{"Alice", "李老师"}, 7)
	files, err := ScoresheetFiles(p, s, sheets, FormatYAML)
	require.NoError(t, err)
	require.Len(t, files, len(sheets))
	var back []Scoresheet
	for _, f := range files {
		got, diags := ParseScoresheets(f.Path, f.Data, p, s.Rubric.Rubric, ParseOptions{})
		require.False(t, diags.HasErrors(), "%s: %v", f.Path, diags)
		require.Empty(t, diags, "%s", f.Data)
		back = append(back, got...)
	}
	for i := range back {
		back[i].Pos = scenario.Pos{}
		for k, sc := range back[i].Scores {
			sc.Pos = scenario.Pos{}
			back[i].Scores[k] = sc
		}
	}
	order := func(s []Scoresheet) {
		sort.SliceStable(s, func(i, j int) bool { return s[i].Reviewer < s[j].Reviewer })
	}
	for _, sh := range sheets {
		require.Equal(t, p.GroupID(sh.Round, sh.Group), sh.Plan, "a sheet carries its group's id")
	}
	order(sheets)
	order(back)
	require.Equal(t, len(sheets), len(back))
	for i := range sheets {
		assert.Equal(t, sheets[i], back[i], "sheet %d", i)
	}
}

func TestScoresheetFilesNames(t *testing.T) {
	p, s := fixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Li/Na", "Li:Na"}, Round: 1, Groups: []int{1, 3}})
	require.NoError(t, err)
	for _, format := range []string{FormatYAML, FormatCSV, FormatHTML} {
		files, err := ScoresheetFiles(p, s, blank, format)
		require.NoError(t, err)
		var names []string
		for _, f := range files {
			names = append(names, f.Path)
		}
		sort.Strings(names)
		switch format {
		case FormatYAML:
			assert.Equal(t, []string{"scoresheet-Li_Na-2-r1-g1.yaml", "scoresheet-Li_Na-2-r1-g3.yaml", "scoresheet-Li_Na-r1-g1.yaml", "scoresheet-Li_Na-r1-g3.yaml"}, names)
		case FormatCSV:
			assert.Equal(t, []string{"scoresheet-Li_Na-2.csv", "scoresheet-Li_Na.csv"}, names)
		case FormatHTML:
			assert.Equal(t, []string{"scoresheet-Li_Na-2.html", "scoresheet-Li_Na.html"}, names)
		default:
			t.Fatalf("no names expected for format %q", format)
		}
	}
	_, err = BlankScoresheets(p, SheetOptions{Reviewers: []string{"A"}, Round: 3})
	assert.ErrorIs(t, err, scenario.ErrInvalid)
	_, err = BlankScoresheets(p, SheetOptions{Reviewers: []string{"A"}, Groups: []int{2}})
	assert.ErrorIs(t, err, scenario.ErrInvalid, "round 2 has no group 2")
}

// A request for blank sheets the plan cannot meet is refused with its
// message kept, for the CLI to print in the reader's language.
func TestBlankScoresheetsRefusals(t *testing.T) {
	p, _ := fixture(t)
	tests := []struct {
		name string
		opts SheetOptions
		want scenario.Message
	}{
		{"no reviewer", SheetOptions{}, scenario.Msg("no reviewer named")},
		{"empty name", SheetOptions{Reviewers: []string{"A", " "}}, scenario.Msg("a reviewer's name is empty")},
		{"named twice", SheetOptions{Reviewers: []string{"Li", "li"}}, scenario.Msg("reviewer %q is named twice", "li")},
		{"no such round", SheetOptions{Reviewers: []string{"A"}, Round: 3}, scenario.Msg("round %d: the plan has rounds 1–%d", 3, 2)},
		{"no such group", SheetOptions{Reviewers: []string{"A"}, Groups: []int{9}}, scenario.Msg("round %d of the plan has no group %d (it has groups 1–%d)", 1, 9, len(p.Rounds[0].Groups))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := BlankScoresheets(p, tt.opts)
			require.ErrorIs(t, err, scenario.ErrInvalid)
			var pe *scenario.MessageError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.want, pe.Message())
			assert.Equal(t, "invalid input: "+tt.want.String(), err.Error())
		})
	}
}

func TestBlankHTMLScoresheet(t *testing.T) {
	p, s := fixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"<b>Eve</b>"}, Round: 1})
	require.NoError(t, err)
	files, err := ScoresheetFiles(p, s, blank, FormatHTML)
	require.NoError(t, err)
	require.Len(t, files, 1)
	html := string(files[0].Data)
	assert.NotContains(t, html, "<b>Eve</b>")
	assert.Contains(t, html, "&lt;b&gt;Eve&lt;/b&gt;")
	assert.Equal(t, 3, strings.Count(html, `<section class="page">`))
	assert.Contains(t, html, "size: A4")
	assert.NotContains(t, html, "http://", "no external assets")
	d := s.Rubric.Rubric.Dimensions[0]
	assert.Contains(t, html, d.Levels[0].Descriptor.In("en")[:20])
}

// FuzzParseScoresheets checks that no input makes the reader panic, and
// that what it returns without errors is on the scale of a known group
// and, unless allowed, says which plan it was made from.
func FuzzParseScoresheets(f *testing.F) {
	p, s := fixture(f)
	for _, dir := range []string{"testdata/report/sheets", "testdata/bad"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(filepath.Base(file), data, true)
				f.Add(filepath.Base(file), data, false)
			}
		}
	}
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Li"}})
	require.NoError(f, err)
	filled := DemoScoresheets(p, s, []string{"Li"}, 1)
	for _, sheets := range [][]Scoresheet{blank, filled} {
		data := sheetFiles(f, p, s, sheets, FormatXLSX)[0].Data
		f.Add("li.xlsx", data, false)
		f.Add("li.csv", data, true)
		f.Add("li.xlsx", data[:len(data)/3], false)
		// As reviewers leave them: a round hidden, a score typed as text,
		// a title row above the header, a sheet of notes.
		f.Add("li.xlsx", edit(f, data, func(x *excelize.File) {
			require.NoError(f, x.SetSheetVisible("Round 2", false))
			require.NoError(f, x.SetCellValue("Round 1", "E2", "４"))
			require.NoError(f, x.InsertRows("Round 1", 1, 1))
			require.NoError(f, x.SetCellValue("Round 1", "A1", "Li's scores"))
			_, err := x.NewSheet("notes")
			require.NoError(f, err)
			require.NoError(f, x.SetCellValue("notes", "A1", "ask about the lift"))
		}), false)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte, allow bool) {
		sheets, diags := ParseScoresheets(name, data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{AllowNoPlanID: allow}))
		if len(sheets) > 0 && diags.HasErrors() {
			t.Fatalf("sheets returned with errors: %v", diags)
		}
		if n := len(diags.Errors()); n > scenario.MaxProblemsPerFile+1 {
			t.Fatalf("%d errors in one file, past the cap", n)
		}
		for _, sh := range sheets {
			if !allow && sh.Plan == "" {
				t.Fatalf("a sheet without a plan id accepted")
			}
			rd, ok := p.Round(sh.Round)
			if !ok {
				t.Fatalf("unknown round %d accepted", sh.Round)
			}
			if _, ok := rd.Group(sh.Group); !ok {
				t.Fatalf("unknown group %d accepted", sh.Group)
			}
			for id, sc := range sh.Scores {
				if sc.Value != nil && !s.Rubric.Rubric.Scale.Contains(*sc.Value) {
					t.Fatalf("%s: score %d off the scale accepted", id, *sc.Value)
				}
			}
		}
	})
}

// TestPlanID: the id is 12 hex digits, the same for a plan read back from
// its file, and different for another plan.
func TestPlanID(t *testing.T) {
	p, _ := fixture(t)
	id := p.ID()
	require.Regexp(t, `^[0-9a-f]{12}$`, id)
	data, err := plan.Marshal(p)
	require.NoError(t, err)
	back, diags := plan.Parse("again.yaml", data)
	require.NoError(t, diags.Err())
	assert.Equal(t, id, back.ID(), "a re-parsed plan has the same id")
	other := otherPlan(t, p)
	assert.NotEqual(t, id, other.ID())
}

// otherPlan is p with two trainees of round 1 swapped between groups 1
// and 2: the same scenario, rounds and groups, other people.
func otherPlan(t *testing.T, p *plan.Plan) *plan.Plan {
	t.Helper()
	data, err := plan.Marshal(p)
	require.NoError(t, err)
	o, diags := plan.Parse("other.yaml", data)
	require.NoError(t, diags.Err())
	g1, g2 := &o.Rounds[0].Groups[0], &o.Rounds[0].Groups[1]
	g1.Members[2], g2.Members[2] = g2.Members[2], g1.Members[2]
	return o
}

// TestHandMadeSheetMembers: a sheet without a plan id, taken with
// AllowNoPlanID, has its members checked: a members cell that is not the
// group's members is an error at the cell.
func TestHandMadeSheetMembers(t *testing.T) {
	p, s := fixture(t)
	const header = "reviewer,round,group,members,organization,rhythm,guidance,induction,recording,hosting\r\n"
	for _, tt := range []struct {
		name, members, err string
	}{
		{"none", "", ""},
		{"names", `"Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu"`, ""},
		{"with roles in any order", `"Cai Min (Top-floor elder, 72)、Ann Lee (Council host)、bo  wang (Recorder)、Kai Lu、Jo Qin"`, ""},
		{"another group", `"Dan Zhou (Council host), Eve Sun (Recorder), Fay Liu (Top-floor elder), Lin Fu, Mo Tan"`,
			`testdata.csv:2:11: row 2, column D (members): round 1, group 1 of the plan is Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu, not Dan Zhou, Eve Sun, Fay Liu, Lin Fu, Mo Tan; was this scoresheet made from another plan? Make scoresheets from this plan`},
		{"one missing", `"Ann Lee, Bo Wang"`,
			`testdata.csv:2:11: row 2, column D (members): round 1, group 1 of the plan is Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu, not Ann Lee, Bo Wang; was this scoresheet made from another plan? Make scoresheets from this plan`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := header + "Alice,1,1," + tt.members + ",4,4,4,4,4,4\r\n"
			got, diags := ParseScoresheets("testdata.csv", []byte(data), p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
			if tt.err == "" {
				require.False(t, diags.HasErrors(), "%v", diags)
				require.Len(t, got, 1)
				return
			}
			require.Len(t, diags.Errors(), 1, "%v", diags)
			assert.Equal(t, tt.err, diags.Errors()[0].String())
		})
	}
	// A YAML sheet may list the members too.
	yml := "version: 1\nkind: scoresheet\nreviewer: Alice\nround: 1\ngroup: 2\nmembers: [Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu]\nscores:\n  organization: {score: 4}\n  rhythm: {score: 4}\n  guidance: {score: 4}\n  induction: {score: 4}\n  recording: {score: 4}\n  hosting: {score: 4}\n"
	_, diags := ParseScoresheets("hand.yaml", []byte(yml), p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
	require.Len(t, diags.Errors(), 1, "%v", diags)
	assert.Equal(t, "hand.yaml:6:10: members: round 1, group 2 of the plan is Dan Zhou, Eve Sun, Fay Liu, Lin Fu, Mo Tan, not Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu; was this scoresheet made from another plan? Make scoresheets from this plan", diags.Errors()[0].String())
}

// TestCSVMessagesNameTheCell: a message about a CSV scoresheet gives the
// file:line:col with the column counted in characters (Chinese takes three
// bytes a character in UTF-8), and the cell as a person finds it in Excel:
// its row, its column letter and header, and the round and group of the
// row.
func TestCSVMessagesNameTheCell(t *testing.T) {
	p, s := fixture(t)
	const header = "评分人 [reviewer],轮次 [round],组 [group],会议组织 [organization],会议组织 证据 [organization.evidence],发言引导 [guidance],Rhythm [rhythm],问题归纳 [induction],成果记录 [recording],主持人角色 [hosting]\n"
	for _, tt := range []struct {
		name, row, want string
	}{
		// Column G starts at character 18 of the line, byte 30.
		{"score", "李老师,1,2,3,开场很好,3,3.5,3,3,3",
			`sheets/li.csv:3:18: row 3, column G (Rhythm [rhythm]): round 1, group 2: expected a whole number from 1 to 5, got "3.5"`},
		{"off the scale", "李老师,1,2,3,开场很好,3,6,3,3,3",
			`sheets/li.csv:3:18: row 3, column G (Rhythm [rhythm]): round 1, group 2: expected a whole number from 1 to 5, got "6"`},
		{"full-width, not whole", "李老师,1,2,3,开场很好,3,３．５,3,3,3",
			`sheets/li.csv:3:18: row 3, column G (Rhythm [rhythm]): round 1, group 2: expected a whole number from 1 to 5, got "３．５"`},
		{"a unit after the score", "李老师,1,2,3,开场很好,3,５分,3,3,3",
			`sheets/li.csv:3:18: row 3, column G (Rhythm [rhythm]): round 1, group 2: expected a whole number from 1 to 5, got "５分"; write the number alone, without "分"`},
		{"full-width group", "李老师,1,９,3,开场很好,3,3,3,3,3",
			`sheets/li.csv:3:7: row 3, column C (组 [group]): round 1 of the plan has no group 9 (it has groups 1–3)`},
		{"no group", "李老师,1,9,3,开场很好,3,3,3,3,3",
			`sheets/li.csv:3:7: row 3, column C (组 [group]): round 1 of the plan has no group 9 (it has groups 1–3)`},
		{"a quote inside a value", `李老师,1,2,3,他说"好",3,3,3,3,3`,
			`sheets/li.csv:3:`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := header + "王老师,1,1,3,,3,3,3,3,3\n" + tt.row + "\n"
			_, diags := ParseScoresheets("sheets/li.csv", []byte(data), p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
			errs := errorStrings(diags.Errors())
			require.Len(t, errs, 1, "%v", diags)
			if tt.name == "a quote inside a value" {
				// The bare quote stands at character 10 of the line, byte 20.
				col := len([]rune(`李老师,1,2,3,他说"`))
				assert.True(t, strings.HasPrefix(errs[0], fmt.Sprintf("sheets/li.csv:3:%d: ", col)), "%s", errs[0])
				return
			}
			assert.Equal(t, tt.want, errs[0])
		})
	}
}

// TestFullWidthNumbers: scores, rounds and groups typed with a Chinese
// input method's full-width digits and spaces read as ASCII ones.
func TestFullWidthNumbers(t *testing.T) {
	p, s := fixture(t)
	data := "reviewer,round,group,organization,rhythm,guidance,induction,recording,hosting\n" +
		"李老师,１,\u3000２\u3000,４,\" ３ \",5,4.0,,1\n"
	sheets, diags := ParseScoresheets("li.csv", []byte(data), p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: true})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, sheets, 1)
	assert.Equal(t, []int{1, 2}, []int{sheets[0].Round, sheets[0].Group})
	got := map[string]int{}
	for id, sc := range sheets[0].Scores {
		if sc.Scored() {
			got[id] = *sc.Value
		}
	}
	assert.Equal(t, map[string]int{"organization": 4, "rhythm": 3, "guidance": 5, "induction": 4, "hosting": 1}, got)
}

// TestNoPlanID: a sheet that does not say which plan it was made from (a
// CSV file that lost its plan id column or cell in Excel, a YAML sheet
// without `plan:`) is refused, since its scores could land on another
// plan's groups, unless the caller allows it; then the members it lists
// are checked, and a sheet with no members either is taken with a warning.
func TestNoPlanID(t *testing.T) {
	p, s := fixture(t)
	const (
		dims      = "organization,rhythm,guidance,induction,recording,hosting"
		scores    = "4,4,4,4,4,4"
		group1    = `"Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu"`
		group2    = `"Dan Zhou, Eve Sun, Fay Liu, Lin Fu, Mo Tan"`
		yamlStart = "version: 1\nkind: scoresheet\nreviewer: Alice\nround: 1\ngroup: 1\n"
		yamlEnd   = "scores: {organization: {score: 4}, rhythm: {score: 4}, guidance: {score: 4}, induction: {score: 4}, recording: {score: 4}, hosting: {score: 4}}\n"
	)
	refused := "--allow-no-plan-id to take it anyway, with its members checked"
	for _, tt := range []struct {
		name, file, data string
		allow            bool
		// err and warn are the start of the one error or warning expected,
		// "" for none; an error means no sheet is taken.
		err, warn string
	}{
		{"csv without the column", "a.csv", "reviewer,round,group,members," + dims + "\nAlice,1,1," + group1 + "," + scores + "\n", false,
			`a.csv:1: row 1: no sheet id column (a header cell such as "Sheet id [plan]"); the sheet does not say which plan it was made from`, ""},
		{"csv without the column, allowed", "a.csv", "reviewer,round,group,members," + dims + "\nAlice,1,1," + group1 + "," + scores + "\n", true, "", ""},
		{"csv without the column, allowed, other members", "a.csv", "reviewer,round,group,members," + dims + "\nAlice,1,1," + group2 + "," + scores + "\n", true,
			"a.csv:2:11: row 2, column D (members): round 1, group 1 of the plan is Ann Lee", ""},
		{"csv without plan id or members, allowed", "a.csv", "reviewer,round,group," + dims + "\nAlice,1,1," + scores + "\n", true,
			"", "a.csv:1: warning: row 1: no sheet id column and no members column; nothing shows which plan"},
		{"csv with an empty cell", "a.csv", "reviewer,round,group,members," + dims + ",plan\nAlice,1,1," + group1 + "," + scores + ",\n", false,
			"a.csv:2:67: row 2, column K (plan): round 1, group 1: the sheet id is empty; the row does not say which plan", ""},
		{"csv with an empty cell, allowed", "a.csv", "reviewer,round,group,members," + dims + ",plan\nAlice,1,1," + group1 + "," + scores + ",\n", true, "", ""},
		{"csv with an empty cell and no members, allowed", "a.csv", "reviewer,round,group," + dims + ",plan\nAlice,1,1," + scores + ",\n", true,
			"", "a.csv:2:23: warning: row 2, column J (plan): round 1, group 1: the sheet id is empty and no members are listed; nothing shows which plan"},
		{"csv with an id Excel turned into a number and no members", "a.csv", "reviewer,round,group," + dims + ",plan\nAlice,1,1," + scores + ",1.23457E+11\n", false,
			`a.csv:2:23: row 2, column J (plan): round 1, group 1: "1.23457E+11" is not a sheet id and the members cell is empty, so nothing can be checked`, ""},
		{"csv with an id Excel turned into a number, members checked", "a.csv", "reviewer,round,group,members," + dims + ",plan\nAlice,1,1," + group1 + "," + scores + ",1.23457E+11\n", false,
			"", `a.csv:2:67: warning: row 2, column K (plan): "1.23457e+11" is not a sheet id (a spreadsheet may have turned it into a number); the members are checked instead`},
		{"yaml with an id turned into a number and no members", "a.yaml", yamlStart + "plan: 1.23457E+11\n" + yamlEnd, false, `a.yaml:6:7: plan: "1.23457E+11" is not a sheet id and no members are listed to check instead`, ""},
		{"yaml", "a.yaml", yamlStart + yamlEnd, false, "a.yaml:1:1: plan: missing; the sheet does not say which plan it was made from", ""},
		{"yaml with an empty plan", "a.yaml", yamlStart + "plan: \n" + yamlEnd, false, "a.yaml:6:6: plan: missing; the sheet does not say", ""},
		{"yaml, allowed", "a.yaml", yamlStart + "members: [Ann Lee, Bo Wang, Cai Min, Jo Qin, Kai Lu]\n" + yamlEnd, true, "", ""},
		{"yaml, allowed, other members", "a.yaml", yamlStart + "members: [Dan Zhou, Eve Sun, Fay Liu, Lin Fu, Mo Tan]\n" + yamlEnd, true,
			"a.yaml:6:10: members: round 1, group 1 of the plan is Ann Lee", ""},
		{"yaml without members, allowed", "a.yaml", yamlStart + yamlEnd, true, "", "a.yaml:1:1: warning: plan: missing, and no members listed; nothing shows which plan"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ParseScoresheets(tt.file, []byte(tt.data), p, s.Rubric.Rubric, ParseOptions{AllowNoPlanID: tt.allow})
			errs, warns := errorStrings(diags.Errors()), errorStrings(diags.Warnings())
			if tt.err != "" {
				require.Len(t, errs, 1, "%v", diags)
				assert.True(t, strings.HasPrefix(errs[0], tt.err), "%s\nwant it to start with\n%s", errs[0], tt.err)
				if !tt.allow {
					assert.Contains(t, errs[0], refused, "the message names the way to take the sheet anyway")
				}
				assert.Empty(t, got)
				return
			}
			require.Empty(t, errs)
			require.Len(t, got, 1)
			if tt.warn == "" {
				assert.Empty(t, warns)
				return
			}
			require.Len(t, warns, 1, "%v", diags)
			assert.True(t, strings.HasPrefix(warns[0], tt.warn), "%s\nwant it to start with\n%s", warns[0], tt.warn)
		})
	}
}

// TestContentNotAsNamed: a file whose content is not what its name says
// gets one message saying so, not the syntax errors of reading it as the
// wrong thing.
func TestContentNotAsNamed(t *testing.T) {
	p, s := fixture(t)
	blank, err := BlankScoresheets(p, SheetOptions{Reviewers: []string{"Alice"}, Round: 1, Groups: []int{1}})
	require.NoError(t, err)
	yml, err := MarshalScoresheetYAML(p, s, blank[0])
	require.NoError(t, err)
	csvData := MarshalScoresheetsCSV(p, s, blank)
	// A workbook as yishi writes it, and cut short in a copy; an .xls,
	// .et or password-protected workbook; a Numbers document.
	xlsxData := sheetFiles(t, p, s, blank, FormatXLSX)[0].Data
	cut := xlsxData[:len(xlsxData)/2]
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0, 0xff, '"'}, 50)...)
	var numbers bytes.Buffer
	z := zip.NewWriter(&numbers)
	_, err = z.Create("Index/Document.iwa")
	require.NoError(t, err)
	require.NoError(t, z.Close())
	for _, tt := range []struct {
		what, name string
		data       []byte
		want       string
	}{
		{"xlsx as csv", "li.csv", xlsxData, `li.csv: this is an Excel workbook (.xlsx), although its name ends in ".csv"; rename it to end in .xlsx`},
		{"xlsx as yaml", "li.yaml", xlsxData, `li.yaml: this is an Excel workbook (.xlsx), although its name ends in ".yaml"; rename it to end in .xlsx`},
		{"xlsx cut short, as csv", "li.csv", cut, `li.csv: this is a zip file that does not open (a workbook cut short, perhaps in a download or a copy); copy it again from where it came, and give it a name that ends in .xlsx`},
		{"xlsx cut short", "li.xlsx", cut, `li.xlsx: the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx`},
		{"xls as csv", "li.csv", xls, `li.csv: this is an Excel 97–2003 workbook (.xls), a WPS workbook (.et) or a workbook with a password, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8`},
		{"et", "li.et", xls, `li.et: this is an Excel 97–2003 workbook (.xls), a WPS workbook (.et) or a workbook with a password, which yishi cannot read`},
		{"numbers", "li.numbers", numbers.Bytes(), `li.numbers: this is an Apple Numbers document, which yishi cannot read`},
		{"csv as xlsx", "li.xlsx", csvData, `li.xlsx: this is a CSV scoresheet (its first row is a header: "Reviewer [reviewer],Round [round],Group [group],`},
		{"csv as xls", "li.xls", csvData, `li.xls: this is a CSV scoresheet (its first row is a header: "Reviewer [reviewer],`},
		{"yaml as xlsx", "li.xlsx", yml, `li.xlsx: this is a YAML scoresheet (it starts with "version: 1"), not a workbook, although its name ends in ".xlsx"; rename it to end in .yaml`},
		{"text as xlsx", "li.xlsx", []byte("hello\n"), `li.xlsx: this is a text file, not a workbook, although its name ends in ".xlsx"`},
		{"yaml as csv", "li.csv", yml, `li.csv: this is a YAML scoresheet (it starts with "version: 1"), but its name ends in ".csv"; rename it to end in .yaml`},
		{"yaml as txt", "li.txt", []byte("---\nversion: 1\nkind: scoresheet\n"), `li.txt: this is a YAML scoresheet (it starts with "---"), but its name ends in ".txt"; rename it to end in .yaml`},
		{"csv as yaml", "li.yaml", csvData, `li.yaml: this is a CSV scoresheet (its first row is a header: "Reviewer [reviewer],Round [round],Group [group],`},
	} {
		t.Run(tt.what, func(t *testing.T) {
			got, diags := ParseScoresheets(tt.name, tt.data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
			assert.Empty(t, got)
			require.Len(t, diags, 1, "one message, nothing else: %v", diags)
			assert.True(t, strings.HasPrefix(diags[0].String(), tt.want), "%s\nwant it to start with\n%s", diags[0], tt.want)
		})
	}
	// Content that is what its name says, or a file without an
	// extension, is read as before.
	for name, data := range map[string][]byte{"a.yaml": yml, "a.csv": csvData, "a": yml, "b": csvData, "a.xlsx": xlsxData, "c": xlsxData} {
		_, diags := ParseScoresheets(name, data, p, s.Rubric.Rubric, withWorkbooks(ParseOptions{}))
		assert.False(t, diags.HasErrors(), "%s: %v", name, diags)
	}
}

// TestScoresheetCSVSafe: a filled CSV scoresheet written for Excel cannot
// run what a reviewer typed as a formula, and reads back as it was typed.
func TestScoresheetCSVSafe(t *testing.T) {
	p, s := fixture(t)
	sheets := DemoScoresheets(p, s, []string{"=Bob"}, 1)
	for i := range sheets {
		for j, d := range s.Rubric.Rubric.Dimensions {
			sc := sheets[i].Scores[d.ID]
			sc.Evidence = []string{`=HYPERLINK("http://x","y")`, "@SUM(A1)", "+1+1", "-2+3", "＝1+1", "\t=1"}[(i+j)%6]
			sheets[i].Scores[d.ID] = sc
		}
		sheets[i].Strengths = []string{"=1+1"}
	}
	data := MarshalScoresheetsCSV(p, s, sheets)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(sheet.BOM))))
	recs, err := r.ReadAll()
	require.NoError(t, err)
	for _, rec := range recs {
		for _, c := range rec {
			first, _ := utf8.DecodeRuneInString(c)
			if c != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", first) {
				assert.Regexp(t, `^[+-]?[0-9]+(\.[0-9]+)?$`, c, "cell %q could run as a formula", c)
			}
		}
	}
	back, diags := ParseScoresheets("bob.csv", data, p, s.Rubric.Rubric, ParseOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, back, len(sheets))
	for i := range back {
		assert.Equal(t, "=Bob", back[i].Reviewer)
		assert.Equal(t, sheets[i].Strengths, back[i].Strengths)
		for id, sc := range sheets[i].Scores {
			assert.Equal(t, strings.TrimSpace(sc.Evidence), back[i].Scores[id].Evidence, id)
			assert.Equal(t, *sc.Value, *back[i].Scores[id].Value, id)
		}
	}
}

// TestReadScoresheetsTwice: a file named twice, as given or as the same
// file by another path, is one error rather than a duplicate of each row.
func TestReadScoresheetsTwice(t *testing.T) {
	p, s := fixture(t)
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/report/sheets/alice.csv")
	require.NoError(t, err)
	a := filepath.Join(dir, "alice.csv")
	require.NoError(t, os.WriteFile(a, data, 0o644))
	link := filepath.Join(dir, "also-alice.csv")
	require.NoError(t, os.Link(a, link))
	opts := ParseOptions{AllowNoPlanID: true}

	sheets, diags := ReadScoresheets([]string{a}, p, s.Rubric.Rubric, opts)
	require.NoError(t, diags.Err())
	require.NotEmpty(t, sheets)

	for _, second := range []string{a, filepath.Join(dir, ".", "alice.csv"), link} {
		got, diags := ReadScoresheets([]string{a, second}, p, s.Rubric.Rubric, opts)
		errs := diags.Errors()
		require.Len(t, errs, 1, "%s: %v", second, diags)
		assert.Equal(t, second+": "+a+" is given twice; give each scoresheet once", errs[0].String())
		assert.Len(t, got, len(sheets), "the second naming is not read")
	}

	_, diags = ReadScoresheets([]string{filepath.Join(dir, "nope.csv")}, p, s.Rubric.Rubric, opts)
	assert.Equal(t, filepath.Join(dir, "nope.csv")+": no such file or directory", diags.Error())
}

// A printed scoresheet of a Chinese scenario lists members and labels as
// Chinese text does, and an English one as English does.
func TestHTMLScoresheetPunctuation(t *testing.T) {
	zp, diags := plan.ReadFile("testdata/plan-zh.yaml")
	require.NoError(t, diags.Err())
	zs := bundled(t, zp.Scenario.ID)
	ep, es := fixture(t)
	for _, tt := range []struct {
		p     *plan.Plan
		s     *scenario.Scenario
		want  []string
		never []string
	}{
		{zp, zs, []string{"）、<span", "证据：", "评分表编号：<b>" + zp.GroupID(1, 1) + "</b>"}, []string{") (", "), <span", "编号: "}},
		{ep, es, []string{"), <span", "Evidence: </div>", "Sheet id: <b>" + ep.GroupID(1, 1) + "</b>"}, []string{"（", "、"}},
	} {
		blank, err := BlankScoresheets(tt.p, SheetOptions{Reviewers: []string{"李老师"}, Round: 1})
		require.NoError(t, err)
		files, err := ScoresheetFiles(tt.p, tt.s, blank[:1], FormatHTML)
		require.NoError(t, err)
		html := string(files[0].Data)
		for _, w := range tt.want {
			assert.Contains(t, html, w, tt.s.Language)
		}
		for _, w := range tt.never {
			assert.NotContains(t, html, w, tt.s.Language)
		}
	}
}
