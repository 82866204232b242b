package roster

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenario/sheet"
	"github.com/yishi-council/yishi/scenario/sheet/xlsx"
)

// signupHeader is the header of a street office's sheet, for the tests
// below.
const signupHeader = "序号,姓名,所在社区,身份/类别\n"

// A background cell holding a sentence, or a megabyte, is one short error
// at its cell, found at once: no edit distance runs on it and no message
// quotes it whole.
func TestLongBackground(t *testing.T) {
	s := bundledVocabulary(t)
	long := strings.Repeat("甲乙丙丁戊己庚辛壬癸", 7) // 70 characters, none a known name
	data := signupHeader + "1,王秀英,石庄社区," + long + "\n2,李建华,东坝村,社工\n"
	_, diags := Parse("r.csv", []byte(data), s, Options{})
	assert.Equal(t, []string{
		`r.csv:2:12: row 2, column D (身份/类别), trainee 王秀英: background "` + string([]rune(long)[:40]) + `…" is 70 characters long; a background is a word or two (the kind of trainee, such as 社工 or 居民代表), at most 64 characters: put the rest in the remarks column`,
	}, lines(diags))

	// 64 characters are still a background (a new one, here).
	ok := strings.Repeat("甲乙丙丁戊己庚辛壬癸", 6) + "子丑寅卯"
	require.Equal(t, 64, utf8.RuneCountInString(ok))
	_, diags = Parse("r.csv", []byte(signupHeader+"1,王秀英,石庄社区,"+ok+"\n"), s, Options{})
	require.NoError(t, diags.Err())

	// 30 rows of 30,000 characters, and one of a megabyte: as much as a
	// roster file may hold.
	var b strings.Builder
	b.WriteString(signupHeader)
	for i := range 30 {
		fmt.Fprintf(&b, "%d,N%d,U,%s\n", i+1, i, strings.Repeat("社", 30000))
	}
	fmt.Fprintf(&b, "31,N,U,%s\n", strings.Repeat("x", 1<<20))
	_, diags = Parse("r.csv", []byte(b.String()), s, Options{})
	assert.Len(t, diags.Errors(), 31)
	assert.Less(t, len(strings.Join(lines(diags), "\n")), 31*400, "every message quotes a few characters, not the cell")

	_, slip := nearMiss(strings.Repeat("社", 1<<20), s)
	assert.False(t, slip)
}

// BenchmarkLongCells measures a roster of the longest cells a roster file
// may hold, the case that once ran an edit distance on every cell against
// every name (36 s for 200 rows of 30,000 characters): go test
// ./roles/roster -run '^$' -bench LongCells -benchtime 1x.
func BenchmarkLongCells(b *testing.B) {
	s := testScenario(b)
	var sb strings.Builder
	sb.WriteString(signupHeader)
	for i := range 30 {
		fmt.Fprintf(&sb, "%d,N%d,U,%s\n", i+1, i, strings.Repeat("社", 30000))
	}
	fmt.Fprintf(&sb, "31,N,U,%s\n", strings.Repeat("x", 1<<20))
	data := []byte(sb.String())
	for b.Loop() {
		Parse("r.csv", data, s, Options{})
	}
}

// Genuinely different Chinese backgrounds are mixed as categories of
// their own; slips still stop the run with "did you mean", on the
// vocabulary every bundled scenario shares.
func TestBackgroundsOfTheirOwn(t *testing.T) {
	s := bundledVocabulary(t)
	own := []string{"教师", "学生", "医生", "家长", "校长", "组长", "律所", "学校老师", "医院护士"}
	var b strings.Builder
	b.WriteString(signupHeader)
	for i, v := range own {
		fmt.Fprintf(&b, "%d,学员%d,石庄社区,%s\n", i+1, i+1, v)
	}
	r, diags := Parse("r.csv", []byte(b.String()), s, Options{})
	require.NoError(t, diags.Err())
	require.Len(t, diags.Warnings(), len(own))
	for i, v := range own {
		assert.Equal(t, v, r.Trainees[i].Background)
		assert.True(t, r.Trainees[i].Unforeseen, v)
		assert.Contains(t, diags.Warnings()[i].String(), fmt.Sprintf(`background %q is not one the scenario knows`, v))
	}

	// Either guess is fair for 议事圆, one character off 议事员 and 议事班.
	slips := map[string]string{"社工（持证）": `"社工"`, "物业公司员工": `"物业公司"`, "议事圆": `"议事(员|班)"`, "Social workr": `"social[ -]worker"`}
	b.Reset()
	b.WriteString(signupHeader)
	i := 0
	for _, v := range []string{"社工（持证）", "物业公司员工", "议事圆", "Social workr"} {
		i++
		fmt.Fprintf(&b, "%d,学员%d,石庄社区,%s\n", i, i, v)
	}
	_, diags = Parse("r.csv", []byte(b.String()), s, Options{})
	errs := diags.Errors()
	require.Len(t, errs, len(slips))
	for k, v := range []string{"社工（持证）", "物业公司员工", "议事圆", "Social workr"} {
		assert.Regexp(t, regexp.QuoteMeta(fmt.Sprintf(`unknown background %q (did you mean `, strings.ToLower(v)))+slips[v]+`\?\)`, strings.ToLower(errs[k].String()))
	}
	assert.Empty(t, diags.Warnings())

	// 智库 and 辖区 are short forms of known backgrounds.
	r, diags = Parse("r.csv", []byte(signupHeader+"1,王秀英,石庄社区,智库\n2,李建华,东坝村,辖区\n"), s, Options{})
	require.NoError(t, diags.Err())
	assert.Empty(t, diags)
	assert.Equal(t, []string{"expert", "jurisdiction-unit"}, r.Values("background"))
}

// A row whose values are all in one cell is a trainee pasted or quoted
// wrong, an error, not a note; long text alone in the first column above
// trainees is an incomplete trainee; a note is quoted short, and a value
// of a phone column never.
func TestPackedRowsAndNotes(t *testing.T) {
	s := testScenario(t)
	tests := []struct {
		name  string
		file  string
		data  []byte
		diags []string
	}{
		{
			name: "a row pasted with tabs and one quoted whole",
			file: "r.csv",
			data: []byte(signupHeader + "1,王秀英,石庄社区,社工\n13\t刘洋\t东坝村\t物业\n\"14,杨静,东坝村,物业\"\n2,李建华,东坝村,物业\n"),
			diags: []string{
				`r.csv:3:1: row 3 holds its values in one cell, 4 of them separated by tabs; put each value in its own column under the header (was the row pasted with tabs, or quoted whole?)`,
				`r.csv:4:1: row 4 holds its values in one cell, 4 of them separated by commas; put each value in its own column under the header (was the row pasted with tabs, or quoted whole?)`,
			},
		},
		{
			name: "a row pasted with tabs in a workbook",
			file: "r.xlsx",
			data: xlsxBytes(t, []xsheet{{"报名表", [][]any{{"序号", "姓名", "所在社区", "身份"}, {"1", "王秀英", "石庄社区", "社工"}, {"13\t刘洋\t东坝村\t物业"}}}}),
			diags: []string{
				`r.xlsx:3:1: row 3 holds its values in one cell, 4 of them separated by tabs; put each value in its own column under the header (was the row pasted with tabs, or quoted whole?)`,
			},
		},
		{
			name: "a long name alone above other trainees is a trainee",
			file: "r.csv",
			data: []byte("id,name,unit,background\nAlexandraConstantinople,,,\nT2,Li,Dongba,社工\n"),
			diags: []string{
				`r.csv:2:25: row 2, column B (name), trainee AlexandraConstantinople: missing name`,
				`r.csv:2:26: row 2, column C (unit), trainee AlexandraConstantinople: missing unit (the trainee's community or village)`,
				`r.csv:2:27: row 2, column D (background), trainee AlexandraConstantinople: missing background`,
			},
		},
		{
			name: "a long note is quoted short",
			file: "r.csv",
			data: []byte(signupHeader + "1,王秀英,石庄社区,社工\n" + strings.Repeat("此表由各社区汇总后统一报送", 5) + ",,,\n"),
			diags: []string{
				`r.csv:3:1: warning: row 3: "` + string([]rune(strings.Repeat("此表由各社区汇总后统一报送", 5))[:40]) + `…" looks like a note, not a trainee; the row is skipped`,
			},
		},
		{
			name: "a note in a phone column is not quoted",
			file: "r.csv",
			data: []byte("手机号,序号,姓名,所在社区,身份\n13800000001,1,王秀英,石庄社区,社工\n13800000002 13800000003,,,,\n"),
			diags: []string{
				`r.csv:3:1: warning: row 3 looks like a note, not a trainee; the row is skipped`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse(tt.file, tt.data, s, Options{})
			assert.Equal(t, tt.diags, lines(diags))
			assert.NotContains(t, strings.Join(lines(diags), "\n"), "13800000002")
		})
	}
}

// The header is found under a form's label row, and under a title and
// blank rows, which do not count towards the rows searched.
func TestHeaderSearch(t *testing.T) {
	s := testScenario(t)
	trainees := "1,王秀英,石庄社区,社工,13800000001\n2,李建华,东坝村,物业,13800000002\n"
	for name, data := range map[string][]byte{
		"a form's label row":          []byte("单位：,石庄街道,,,联系电话：,010-12345678,\n序号,姓名,所在社区,身份,手机号\n" + trainees),
		"a title and five blank rows": []byte("XX街道协商议事培训报名表,,,,\n,,,,\n,,,,\n,,,,\n,,,,\n,,,,\n序号,姓名,所在社区,身份,手机号\n" + trainees),
		"a workbook's title and blank rows": xlsxBytes(t, []xsheet{{"报名表", [][]any{
			{"XX街道协商议事培训报名表"}, {}, {}, {}, {}, {}, {}, {"序号", "姓名", "所在社区", "身份"}, {"1", "王秀英", "石庄社区", "社工"},
		}}}),
	} {
		t.Run(name, func(t *testing.T) {
			file := "r.csv"
			if name == "a workbook's title and blank rows" {
				file = "r.xlsx"
			}
			r, diags := Parse(file, data, s, Options{})
			require.NoError(t, diags.Err())
			assert.Equal(t, "王秀英", r.Trainees[0].Name)
		})
	}
}

// The default sheet is the active one unless it is hidden, else the first
// not hidden.
func TestDefaultSheet(t *testing.T) {
	tab := func(name string, hidden, active bool) *sheet.Table {
		return &sheet.Table{Sheet: name, Hidden: hidden, Active: active}
	}
	tests := []struct {
		name   string
		tables []*sheet.Table
		want   string
	}{
		{"the active sheet", []*sheet.Table{tab("字典", false, false), tab("报名表", false, true)}, "报名表"},
		{"a hidden first sheet", []*sheet.Table{tab("字典", true, false), tab("报名表", false, false)}, "报名表"},
		{"a hidden active sheet", []*sheet.Table{tab("字典", false, false), tab("报名表", true, true)}, "字典"},
		{"nothing flagged", []*sheet.Table{tab("一", false, false), tab("二", false, false)}, "一"},
		{"every sheet hidden", []*sheet.Table{tab("一", true, false), tab("二", true, false)}, "一"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, defaultSheet(tt.tables).Sheet)
		})
	}
}

// Errors of the whole table name the sheet when the workbook has several.
func TestHeaderErrorsNameTheSheet(t *testing.T) {
	s := testScenario(t)
	data := xlsxBytes(t, []xsheet{
		{"报名表", [][]any{{"序号", "姓名", "电话"}, {"1", "王秀英", "13800000001"}}},
		{"字典", [][]any{{"社工"}}},
	})
	_, diags := Parse("r.xlsx", data, s, Options{})
	require.Error(t, diags.Err())
	for _, d := range diags.Errors() {
		assert.Contains(t, d.String(), `r.xlsx:1: sheet "报名表": missing column`)
	}
	_, diags = Parse("r.xlsx", data, s, Options{Sheet: "字典"})
	require.Len(t, diags, 4)
	for _, l := range lines(diags) {
		assert.True(t, strings.HasPrefix(l, `r.xlsx:1: sheet "字典": missing column `), l)
	}
	data = xlsxBytes(t, []xsheet{{"说明", [][]any{{"本表由社区填写"}}}, {"报名表", [][]any{{"序号", "姓名", "所在社区", "身份"}}}})
	_, diags = Parse("r.xlsx", data, s, Options{Sheet: "说明"})
	assert.Equal(t, []string{`r.xlsx:1: sheet "说明": cannot find the header row: none of the first 6 rows names the roster's columns, such as id, name, unit, background; put a header row (序号, 姓名, 所在社区, 身份) above the trainees`}, lines(diags))
	_, diags = Parse("r.xlsx", data, s, Options{Sheet: "报名表"})
	assert.Equal(t, []string{`r.xlsx:1: sheet "报名表": no trainees: the roster has a header but no rows`}, lines(diags))
}

// Full-width ids are the ids in ASCII: one trainee each, found by avoid,
// and the roster keeps them half-width.
func TestFullWidthIDs(t *testing.T) {
	s := testScenario(t)
	data := "编号,姓名,社区,背景,回避\n１,王秀英,石庄社区,社工,\n1,李建华,东坝村,物业,\n２,张磊,东坝村,物业,\nＴ３,陈晓燕,东坝村,社工,2；t３\nT4,赵刚,东坝村,社工,Ｔ３\n"
	r, diags := Parse("r.csv", []byte(data), s, Options{})
	assert.Equal(t, []string{
		`r.csv:3:1: row 3, column A (编号), trainee 李建华: id "1" is already used on row 2; every trainee needs an id of their own`,
		`r.csv:5:15: row 5, column E (回避), trainee 陈晓燕: no trainee has the id "t３" (did you mean "T3"?)`,
	}, lines(diags))
	require.NotNil(t, r)
	assert.Equal(t, []string{"1", "1", "2", "T3", "T4"}, r.Values("id"))
	assert.Equal(t, []string{"2"}, r.Trainees[3].Avoid)
	assert.Equal(t, []string{"T3"}, r.Trainees[4].Avoid)
}

// A number past any sense in a numeric column is an error at its cell.
func TestHugeNumbers(t *testing.T) {
	s := testScenario(t)
	data := "编号,姓名,社区,背景,工龄\nT1,王秀英,石庄社区,社工,1e308\nT2,李建华,东坝村,物业,-1e308\nT3,张磊,东坝村,物业,1e400\nT4,陈晓燕,东坝村,社工,NaN\nT5,赵刚,东坝村,社工,１２\nT6,孙丽,东坝村,社工,1000000000\n"
	r, diags := Parse("r.csv", []byte(data), s, Options{})
	assert.Equal(t, []string{
		`r.csv:2:16: row 2, column E (工龄), trainee 王秀英: "1e308" is past any number a roster holds (beyond ±1000000000); fix it or leave it empty`,
		`r.csv:3:15: row 3, column E (工龄), trainee 李建华: "-1e308" is past any number a roster holds (beyond ±1000000000); fix it or leave it empty`,
		`r.csv:4:14: row 4, column E (工龄), trainee 张磊: "1e400" is past any number a roster holds (beyond ±1000000000); fix it or leave it empty`,
		`r.csv:5:15: row 5, column E (工龄), trainee 陈晓燕: "NaN" is past any number a roster holds (beyond ±1000000000); fix it or leave it empty`,
	}, lines(diags))
	require.NotNil(t, r)
	assert.True(t, r.Numeric["years"])
}

// A background many rows share names the first rows and counts the rest.
func TestRowsRefIsCapped(t *testing.T) {
	s := testScenario(t)
	var b strings.Builder
	b.WriteString(signupHeader)
	for i := range 30 {
		fmt.Fprintf(&b, "%d,学员%d,石庄社区,网格员\n", i+1, i+1)
	}
	_, diags := Parse("r.csv", []byte(b.String()), s, Options{})
	require.NoError(t, diags.Err())
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].String(), "(rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 20 more)")
}

// The hint for an unforeseen background is YAML that reads back as the
// label, whatever the label holds.
func TestUnforeseenHintIsYAML(t *testing.T) {
	s := testScenario(t)
	hint := regexp.MustCompile(`add (\{id: \.\.\., label: \{zh: .*\}\}) under backgrounds:`)
	for _, label := range []string{"网格员: 兼职", "志愿者 #2", "yes", "123", `引号"与\反斜杠`} {
		t.Run(label, func(t *testing.T) {
			data := signupHeader + "1,王秀英,石庄社区,\"" + strings.ReplaceAll(label, `"`, `""`) + "\"\n"
			_, diags := Parse("r.csv", []byte(data), s, Options{})
			require.NoError(t, diags.Err())
			require.Len(t, diags, 1)
			m := hint.FindStringSubmatch(diags[0].String())
			require.NotNil(t, m, diags[0].String())
			var bg struct {
				ID    string            `yaml:"id"`
				Label map[string]string `yaml:"label"`
			}
			require.NoError(t, yaml.Unmarshal([]byte(m[1]), &bg), m[1])
			assert.Equal(t, label, bg.Label["zh"])
			assert.Contains(t, diags[0].String(), "yishi scenarios export roster-test DIR")
		})
	}
}

// A workbook with a hidden sheet of lists first and the sign-up sheet
// active is read from the sign-up sheet. The workbook reader reports
// which sheets are hidden and active; until it does, the test skips.
func TestHiddenFirstSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "字典"))
	require.NoError(t, f.SetCellValue("字典", "A1", "社工"))
	i, err := f.NewSheet("报名表")
	require.NoError(t, err)
	for r, row := range [][]any{{"序号", "姓名", "所在社区", "身份"}, {"1", "王秀英", "石庄社区", "社工"}} {
		require.NoError(t, f.SetSheetRow("报名表", fmt.Sprintf("A%d", r+1), &row))
	}
	f.SetActiveSheet(i)
	require.NoError(t, f.SetSheetVisible("字典", false))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	data := buf.Bytes()

	var read scenario.Diagnostics
	tables := xlsx.Options{}.Read("hidden.xlsx", data, &read)
	require.Len(t, tables, 2)
	if !tables[0].Hidden && !tables[1].Active {
		t.Skip("the workbook reader does not report hidden and active sheets yet")
	}
	r, diags := Parse("hidden.xlsx", data, testScenario(t), Options{})
	require.NoError(t, diags.Err())
	assert.Equal(t, []string{"王秀英"}, r.Values("name"))
}

// No check runs an edit distance on a cell of a megabyte, and no message
// quotes it whole: an avoid cell, a prefers cell, a header.
func TestLongCells(t *testing.T) {
	s := testScenario(t)
	long := strings.Repeat("甲", 1<<20)
	for name, data := range map[string]string{
		"avoid":   "编号,姓名,社区,背景,回避\nT1,王秀英,石庄社区,社工," + long + "\nT2,李建华,东坝村,物业,\n",
		"prefers": "编号,姓名,社区,背景,意向角色\nT1,王秀英,石庄社区,社工," + long + "\n",
		"header":  "编号,姓名,社区,背景," + long + "\nT1,王秀英,石庄社区,社工,x\n",
		"name":    "编号,姓名,社区,背景\nT1," + long + "\t甲,石庄社区,社工\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, diags := Parse("r.csv", []byte(data), s, Options{})
			out := strings.Join(lines(diags), "\n")
			assert.Less(t, len(out), 2000, out[:min(len(out), 300)])
		})
	}
}

// A sheet of hundreds of bad rows prints a page: the first errors, then
// one line that counts the rest.
func TestProblemsAreCapped(t *testing.T) {
	s := testScenario(t)
	var b strings.Builder
	b.WriteString("编号,姓名,社区,背景\n")
	for i := range 250 {
		fmt.Fprintf(&b, "T%d,学员%d,石庄社区,\n", i+1, i+1)
	}
	_, diags := Parse("r.csv", []byte(b.String()), s, Options{})
	errs := diags.Errors()
	require.Len(t, errs, scenario.MaxProblemsPerFile+1)
	assert.Contains(t, errs[len(errs)-1].String(), "and 150 more problems in this file")
	assert.Contains(t, errs[0].String(), "row 2,", "the first rows are the ones kept")
}

// A file named .xlsx that holds only spaces and line breaks is empty, not
// a text file in disguise.
func TestBlankWorkbookIsEmpty(t *testing.T) {
	_, diags := Parse("r.xlsx", []byte(" \r\n\n"), testScenario(t), Options{})
	require.Error(t, diags.Err())
	assert.Contains(t, diags.Error(), "the file is empty")
	assert.NotContains(t, diags.Error(), "text file")
}

// The hint on naming an unforeseen background points at the scenario's
// own file when there is one, and at export for a bundled scenario.
func TestUnforeseenHintNamesTheFile(t *testing.T) {
	s := testScenario(t)
	data := []byte(signupHeader + "1,王秀英,石庄社区,退休教师\n")
	_, diags := Parse("r.csv", data, s, Options{ScenarioFile: "my/garden.yaml"})
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Message, "under backgrounds: in my/garden.yaml")
	assert.NotContains(t, diags[0].Message, "scenarios export")
	_, diags = Parse("r.csv", data, s, Options{})
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Message, "yishi scenarios export "+s.ID+" DIR")
}
