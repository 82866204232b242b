package roster

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/yishi-council/yishi/scenario"
)

var update = flag.Bool("update", false, "rewrite the roster fixtures and golden files under testdata")

// testScenarioYAML is a small scenario for the roster tests, written here
// so that they do not depend on the bundled library.
const testScenarioYAML = `version: 1
id: roster-test
title: 加装电梯协商
language: zh
method: consensus-workshop
duration: 60m
backgrounds:
  - {id: discussion-class, label: {en: Discussion-class member, zh: 议事班成员}, aliases: [议事员]}
  - {id: property-manager, label: {en: Property-management staff, zh: 物业人员}, aliases: [物业, 物业负责人]}
  - {id: social-worker, label: {en: Social worker, zh: 社会工作者}, aliases: [社工]}
  - {id: resident-rep, label: {en: Resident representative, zh: 居民代表}, aliases: [楼门长]}
  - {id: community-cadre, label: {en: Community cadre, zh: 社区干部}, aliases: [居委会]}
issue:
  background: 三号楼没有电梯。
  focus_question: 怎样加装一部每户都能接受的电梯？
  public_facts: [政府补贴一部分费用。]
agenda:
  - {id: open, title: 开场, minutes: 5, led_by: host}
  - {id: views, title: 各方陈述, minutes: 25}
roles:
  - {id: host, title: 主持人, function: host, brief: 你主持会议。}
  - {id: recorder, title: 记录员, function: recorder, brief: 你记录结果。}
  - {id: resident, title: 一楼住户, function: stakeholder, min: 1, brief: 你住一楼。}
grouping:
  size: {min: 3, max: 8}
  mix: [{attribute: unit, weight: 3}, {attribute: background, weight: 2}]
rubric:
  id: tiny
  title: {zh: 复盘}
  scale: {min: 1, max: 3}
  dimensions:
    - id: hosting
      title: {zh: 主持}
      levels:
        - {score: 1, descriptor: {zh: 弱}}
        - {score: 3, descriptor: {zh: 强}}
`

func testScenario(t testing.TB) *scenario.Scenario {
	t.Helper()
	s, diags := scenario.ParseScenario("test-scenario.yaml", []byte(testScenarioYAML), nil)
	require.NoError(t, diags.Err())
	require.NotNil(t, s)
	return s
}

const rosterDir = "testdata"

// goodRosterCSV is the source of every good fixture: the others are this
// roster saved the ways Excel and trainers save it.
const goodRosterCSV = `序号,姓名,性别,年龄,所在社区,身份,工龄,意向角色,回避,同组,备注
T01,王淑芬,女,52,石庄社区,议事班成员,12,主持人,,T02,
T02,刘建国,男,45,石庄社区,居民代表,8,,T03,T01,"喜欢发言,语速快"

T03,张磊,男,38,石庄社区,物业,6,记录员,T02,,
T04,陈晓燕,女,29,东坝村,社工,4,recorder,,,
T05,李秀英,女,61,东坝村,楼门长,20,resident,T01；T03,,
T06, 赵刚　,男,33,东坝村,社区干部,3,,,,新任
`

// wantTrainees is what every good fixture must give.
func wantTrainees() []Trainee {
	return []Trainee{
		{ID: "T01", Name: "王淑芬", Unit: "石庄社区", Background: "discussion-class", RawBackground: "议事班成员",
			Attrs: map[string]string{"gender": "女", "age": "52", "years": "12"}, Prefers: "host", Together: []string{"T02"}},
		{ID: "T02", Name: "刘建国", Unit: "石庄社区", Background: "resident-rep", RawBackground: "居民代表",
			Attrs: map[string]string{"gender": "男", "age": "45", "years": "8"}, Remarks: "喜欢发言,语速快", Avoid: []string{"T03"}, Together: []string{"T01"}},
		{ID: "T03", Name: "张磊", Unit: "石庄社区", Background: "property-manager", RawBackground: "物业",
			Attrs: map[string]string{"gender": "男", "age": "38", "years": "6"}, Prefers: "recorder", Avoid: []string{"T02"}},
		{ID: "T04", Name: "陈晓燕", Unit: "东坝村", Background: "social-worker", RawBackground: "社工",
			Attrs: map[string]string{"gender": "女", "age": "29", "years": "4"}, Prefers: "recorder"},
		{ID: "T05", Name: "李秀英", Unit: "东坝村", Background: "resident-rep", RawBackground: "楼门长",
			Attrs: map[string]string{"gender": "女", "age": "61", "years": "20"}, Prefers: "resident", Avoid: []string{"T01", "T03"}},
		{ID: "T06", Name: "赵刚", Unit: "东坝村", Background: "community-cadre", RawBackground: "社区干部",
			Attrs: map[string]string{"gender": "男", "age": "33", "years": "3"}, Remarks: "新任"},
	}
}

var wantColumns = []string{"id", "name", "gender", "age", "unit", "background", "years", "prefers", "avoid", "together", "remarks"}

// goodRosterYAML is the same roster as a YAML file.
const goodRosterYAML = `version: 1
trainees:
  - {序号: T01, 姓名: 王淑芬, 性别: 女, 年龄: 52, 所在社区: 石庄社区, 身份: 议事班成员, 工龄: 12, 意向角色: 主持人, 回避: [], 同组: [T02], 备注: ""}
  - 序号: T02
    姓名: 刘建国
    性别: 男
    年龄: 45
    所在社区: 石庄社区
    身份: 居民代表
    工龄: 8
    回避: T03
    同组: [T01]
    备注: 喜欢发言,语速快
  - {序号: T03, 姓名: 张磊, 性别: 男, 年龄: 38, 所在社区: 石庄社区, 身份: 物业, 工龄: 6, 意向角色: 记录员, 回避: [T02]}
  - {序号: T04, 姓名: 陈晓燕, 性别: 女, 年龄: 29, 所在社区: 东坝村, 身份: 社工, 工龄: 4, 意向角色: recorder}
  - {序号: T05, 姓名: 李秀英, 性别: 女, 年龄: 61, 所在社区: 东坝村, 身份: 楼门长, 工龄: 20, 意向角色: resident, 回避: "T01；T03"}
  - {序号: T06, 姓名: " 赵刚　", 性别: 男, 年龄: 33, 所在社区: 东坝村, 身份: 社区干部, 工龄: 3, 备注: 新任}
`

// accentsRosterCSV is an English roster from a Spanish-speaking
// neighbourhood, which English Excel saves in Windows-1252: most accents
// stand inside words and some next to each other (Núñez, Íñigo), which
// GB18030 would read as Chinese characters and U+FFFD.
const accentsRosterCSV = "ID,Name,Unit,Background\r\n" +
	"E01,María Núñez,Eastside,Social worker\r\n" +
	"E02,Chloé Martin,Eastside,Resident representative\r\n" +
	"E03,José Ibáñez,Eastside,Property-management staff\r\n" +
	"E04,Lucía Yáñez,Eastside,Discussion-class member\r\n" +
	"E05,Íñigo Martínez,Eastside,Community cadre\r\n" +
	"E06,Inés Rodríguez,Westside,Social worker\r\n" +
	"E07,Sofía Muñoz,Westside,Resident representative\r\n" +
	"E08,Raúl Sánchez,Westside,Property-management staff\r\n" +
	"E09,Andrés Gómez,Westside,Discussion-class member\r\n" +
	"E10,Begoña Pérez,Westside,Community cadre\r\n" +
	"E11,Ramón Núñez,Riverside,Social worker\r\n" +
	"E12,Verónica Hernández,Riverside,Resident representative\r\n" +
	"E13,Joaquín Domínguez,Riverside,Property-management staff\r\n" +
	"E14,Mónica Jiménez,Riverside,Discussion-class member\r\n" +
	"E15,Óscar Álvarez,Riverside,Community cadre\r\n" +
	"E16,Ana Peña,Old Town,Social worker\r\n" +
	"E17,Héctor Ordóñez,Old Town,Resident representative\r\n" +
	"E18,Germán Cañas,Old Town,Property-management staff\r\n" +
	"E19,Noémie Dubois,Old Town,Discussion-class member\r\n" +
	"E20,Tomás Castaño,Old Town,Community cadre\r\n"

// goodFixtures names each good fixture and the encoding it should be
// detected as.
var goodFixtures = []struct {
	file, encoding string
	opts           Options
}{
	{file: "roster.csv", encoding: "utf-8"},
	{file: "roster-bom.csv", encoding: "utf-8 with BOM"},
	{file: "roster-gb18030.csv", encoding: "gb18030"},
	{file: "roster-semicolon.csv", encoding: "utf-8"},
	{file: "roster-tab.txt", encoding: "utf-16"},
	{file: "roster.xlsx"},
	{file: "roster-second-sheet.xlsx", opts: Options{Sheet: "第二期"}},
	{file: "roster.yaml"},
}

// writeGoodFixtures regenerates the good fixtures from goodRosterCSV, and
// the Windows-1252 roster with accents from accentsRosterCSV.
func writeGoodFixtures(t *testing.T) {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(goodRosterCSV)).ReadAll()
	require.NoError(t, err)
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(rosterDir, name), data, 0o644))
	}
	encode := func(comma rune) []byte {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = comma
		w.UseCRLF = true // as Excel writes it
		for i, rec := range records {
			if i == 3 {
				require.NoError(t, w.Write(make([]string, len(rec)))) // a blank row, as Excel leaves it
			}
			require.NoError(t, w.Write(rec))
		}
		w.Flush()
		require.NoError(t, w.Error())
		return b.Bytes()
	}
	write("roster.csv", []byte(goodRosterCSV))
	write("roster-bom.csv", append([]byte{0xEF, 0xBB, 0xBF}, encode(',')...))
	gb, _, err := transform.Bytes(simplifiedchinese.GB18030.NewEncoder(), encode(','))
	require.NoError(t, err)
	write("roster-gb18030.csv", gb)
	write("roster-semicolon.csv", encode(';'))
	u16, _, err := transform.Bytes(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder(), encode('\t'))
	require.NoError(t, err)
	write("roster-tab.txt", u16)
	write("roster.yaml", []byte(goodRosterYAML))
	accents, _, err := transform.Bytes(charmap.Windows1252.NewEncoder(), []byte(accentsRosterCSV))
	require.NoError(t, err)
	write("roster-windows1252-accents.csv", accents)

	// The XLSX holds ages and years as numbers, as a trainer types them.
	rows := make([][]any, len(records))
	for i, rec := range records {
		for j, v := range rec {
			if i > 0 && (j == 3 || j == 6) {
				var n int
				for _, r := range v {
					n = n*10 + int(r-'0')
				}
				rows[i] = append(rows[i], n)
				continue
			}
			rows[i] = append(rows[i], v)
		}
	}
	write("roster.xlsx", xlsxBytes(t, []xsheet{{"报名表", rows}, {"备用", [][]any{{"空"}}}}))
	title := append([][]any{{"石庄街道协商议事培训报名表（第二期）"}, {}}, rows...)
	write("roster-second-sheet.xlsx", xlsxBytes(t, []xsheet{{"第一期", [][]any{{"编号", "姓名"}}}, {"第二期", title}}))
}

// zipBytes makes a zip file of one entry.
func zipBytes(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create(name)
	require.NoError(t, err)
	_, err = w.Write([]byte(content))
	require.NoError(t, err)
	require.NoError(t, z.Close())
	return buf.Bytes()
}

type xsheet struct {
	name string
	rows [][]any
}

// xlsxBytes makes a workbook with the given sheets, in order.
func xlsxBytes(t *testing.T, sheets []xsheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", sh.name))
		} else {
			_, err := f.NewSheet(sh.name)
			require.NoError(t, err)
		}
		for r, row := range sh.rows {
			for c, v := range row {
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				require.NoError(t, f.SetCellValue(sh.name, ref, v))
			}
		}
	}
	b, err := f.WriteToBuffer()
	require.NoError(t, err)
	return b.Bytes()
}

func TestParseRosterFormats(t *testing.T) {
	if *update {
		writeGoodFixtures(t)
	}
	s := testScenario(t)
	for _, tc := range goodFixtures {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(rosterDir, tc.file)
			r, diags := Load(path, s, tc.opts)
			require.Empty(t, diags)
			require.NotNil(t, r)
			assert.Equal(t, path, r.File)
			assert.Equal(t, tc.encoding, r.Encoding)
			assert.Equal(t, wantColumns, r.Columns)
			assert.Equal(t, map[string]bool{"age": true, "years": true}, r.Numeric)
			got := make([]Trainee, len(r.Trainees))
			for i, tr := range r.Trainees {
				assert.Equal(t, path, tr.Pos.File)
				assert.Positive(t, tr.Pos.Line)
				tr.Pos = scenario.Pos{}
				tr.row = scenario.Message{} // the row's name, for Merge; its place is tested there
				got[i] = tr
			}
			assert.Equal(t, wantTrainees(), got)
		})
	}
}

func TestParseRosterPositions(t *testing.T) {
	s := testScenario(t)
	tests := []struct {
		name  string
		file  string
		opts  Options
		lines []int
	}{
		{name: "csv lines skip the blank line", file: "roster.csv", lines: []int{2, 3, 5, 6, 7, 8}},
		{name: "xlsx rows", file: "roster.xlsx", lines: []int{2, 3, 4, 5, 6, 7}},
		{name: "xlsx below a title row", file: "roster-second-sheet.xlsx", opts: Options{Sheet: "第二期"}, lines: []int{4, 5, 6, 7, 8, 9}},
		{name: "yaml lines", file: "roster.yaml", lines: []int{3, 4, 14, 15, 16, 17}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, diags := Load(filepath.Join(rosterDir, tc.file), s, tc.opts)
			require.Empty(t, diags)
			var lines []int
			for _, tr := range r.Trainees {
				lines = append(lines, tr.Pos.Line)
			}
			assert.Equal(t, tc.lines, lines)
		})
	}
}

// badSheets gives the sheet option for catalog entries that need one.
var badSheets = map[string]string{"unknown-sheet.xlsx": "第三期"}

// writeBadXLSX regenerates the XLSX entries of the catalog of bad rosters.
func writeBadXLSX(t *testing.T, dir string) {
	t.Helper()
	header := []any{"编号", "姓名", "社区", "背景", "回避"}
	write := func(name string, sheets []xsheet) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), xlsxBytes(t, sheets), 0o644))
	}
	write("unknown-sheet.xlsx", []xsheet{
		{"第一期", [][]any{header, {"T01", "王淑芬", "石庄社区", "社工", ""}}},
		{"第二期", [][]any{header, {"T01", "王淑芬", "石庄社区", "社工", ""}}},
	})
	write("bad-cells.xlsx", []xsheet{{"报名表", [][]any{
		header,
		{"T01", "王淑芬", "石庄社区", "议事圆", "T09"},
		{"T01", "", "东坝村", "物业", ""},
		{"T03", "张磊", "", "社工", "T03"},
	}}})
}

func TestParseRosterCatalog(t *testing.T) {
	dir := filepath.Join(rosterDir, "bad")
	if *update {
		writeBadXLSX(t, dir)
	}
	s := testScenario(t)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			_, diags := Load(path, s, Options{Sheet: badSheets[name]})
			require.Error(t, diags.Err(), "a bad roster must give an error")
			got := diags.Error() + "\n"
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./roles/ -run TestParseRosterCatalog -update to write it")
			assert.Equal(t, string(want), got)
		})
	}
	assert.GreaterOrEqual(t, seen, 12)
}

func TestParseRosterInline(t *testing.T) {
	s := testScenario(t)
	tests := []struct {
		name  string
		file  string
		data  string
		s     *scenario.Scenario
		check func(t *testing.T, r *Roster)
		diags []string
	}{
		{
			name: "English headers, any case and spacing",
			file: "r.csv",
			data: "ID, Name ,UNIT,Back Ground,Shift Group\nA1,Ann,East,social worker,早班\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, []string{"id", "name", "unit", "background", "shift_group"}, r.Columns)
				assert.Equal(t, "social-worker", r.Trainees[0].Background)
				assert.Equal(t, []string{"早班"}, r.Values("Shift Group"))
			},
		},
		{
			name: "a title row above the header is skipped",
			file: "r.csv",
			data: "2024年协商议事培训报名表,,,\n编号,姓名,单位,职务\n1,王淑芬,石庄社区,社工\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, "1", r.Trainees[0].ID)
				assert.Equal(t, 3, r.Trainees[0].Pos.Line)
			},
		},
		{
			name: "full-width headers and required marks",
			file: "r.csv",
			data: "*编号,*姓名,社区（村）,*类别\n1,王淑芬,石庄社区,社工\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, []string{"id", "name", "unit", "background"}, r.Columns)
			},
		},
		{
			name: "tab-separated header without commas",
			file: "r.csv",
			data: "编号\t姓名\t社区\t背景\n1\t王淑芬\t石庄社区\t社工\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, "王淑芬", r.Trainees[0].Name)
			},
		},
		{
			name: "tsv extension",
			file: "r.tsv",
			data: "编号\t姓名\t社区\t背景\t备注\n1\t王淑芬\t石庄社区\t社工\t有,逗号\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, "有,逗号", r.Trainees[0].Remarks)
			},
		},
		{
			name: "no vocabulary keeps the background as written",
			file: "r.csv",
			s:    &scenario.Scenario{},
			data: "编号,姓名,社区,背景\n1,王淑芬,石庄社区,街道干部\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, "街道干部", r.Trainees[0].Background)
				assert.Equal(t, "街道干部", r.Trainees[0].RawBackground)
			},
		},
		{
			name: "avoid by a unique name",
			file: "r.csv",
			data: "编号,姓名,社区,背景,回避\n1,王淑芬,石庄社区,社工,张磊、 \n2,张磊,东坝村,物业,\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, []string{"2"}, r.Trainees[0].Avoid)
			},
		},
		{
			name: "prefers a role by its title",
			file: "r.csv",
			data: "编号,姓名,社区,背景,希望担任\n1,王淑芬,石庄社区,社工,一楼住户\n",
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, "resident", r.Trainees[0].Prefers)
			},
		},
		{
			name: "a mixed column is not numeric",
			file: "r.csv",
			data: "编号,姓名,社区,背景,年龄\n1,王淑芬,石庄社区,社工,52\n2,张磊,东坝村,物业,约40\n3,李四,东坝村,物业,\n",
			check: func(t *testing.T, r *Roster) {
				assert.Empty(t, r.Numeric)
				assert.Equal(t, []string{"52", "约40", ""}, r.Values("年龄"))
			},
		},
		{
			name:  "ambiguous name in avoid",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,回避\n1,王伟,石庄社区,社工,\n2,王伟,东坝村,物业,\n3,张磊,东坝村,物业,王伟\n",
			diags: []string{`r.csv:3:3: warning: row 3, column B (姓名), trainee 2: name "王伟" also on row 2; two sign-ups for one person?`, `r.csv:4:13: row 4, column E (回避), trainee 张磊: "王伟" is the name of more than one trainee (rows 2, 3); write the id instead`},
		},
		{
			name:  "together and avoid the same trainee",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,回避,同组\n1,王淑芬,石庄社区,社工,,2\n2,张磊,东坝村,物业,1,\n",
			diags: []string{`r.csv:3:13: row 3, column E (回避), trainee 张磊: 1 and 2 are both to avoid each other and to share a group; keep one of the two`},
		},
		{
			name:  "old xls",
			file:  "r.xls",
			data:  "whatever",
			diags: []string{`r.xls: a file whose name ends in .xls is an Excel 97–2003 workbook, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8`},
		},
		{
			name:  "yaml with a quote left open",
			file:  "r.yaml",
			data:  "version: 1\ntrainees:\n  - {id: T01, name: \"王淑芬, unit: 石庄, background: 社工}\n",
			diags: []string{`r.yaml:3:21: YAML syntax: the quoted text that opens here never ends; close it with "`},
		},
		{
			name:  "yaml with a byte that is not UTF-8",
			file:  "r.yaml",
			data:  "version: 1\ntrainees:\n  - {id: T01, name: Ren\xe9e, unit: East, background: 社工}\n",
			diags: []string{`r.yaml:3:24: invalid UTF-8 byte 0xE9; save the file as UTF-8, not GBK or GB18030`},
		},
		{
			name:  "a CSV named .xlsx",
			file:  "r.xlsx",
			data:  "编号,姓名",
			diags: []string{`r.xlsx: this is a text file, not an Excel workbook, although its name ends in ".xlsx"; if it is CSV, rename it to end in .csv`},
		},
		{
			name:  "a broken workbook",
			file:  "r.xlsx",
			data:  "PK\x03\x04 and then nothing",
			diags: []string{`r.xlsx: the workbook does not open: it may be cut short or damaged; copy it again, or open it in Excel or WPS and save it again as .xlsx`},
		},
		{
			name:  "a workbook named .csv",
			file:  "报名表.csv",
			data:  string(xlsxBytes(t, []xsheet{{"报名表", [][]any{{"编号", "姓名"}}}})),
			diags: []string{`报名表.csv: this is an Excel workbook (.xlsx), not a text file, although its name ends in ".csv"; rename it to end in .xlsx, or save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
		{
			name:  "a workbook cut short, named .csv",
			file:  "报名表.csv",
			data:  "PK\x03\x04\x14\x00\x06\x00xl/worksheets/sheet1.xml",
			diags: []string{`报名表.csv: this is a zip file that does not open (a workbook cut short, perhaps in a download or a copy); copy it again from where it came, and give it a name that ends in .xlsx`},
		},
		{
			name:  "an OpenDocument spreadsheet named .xlsx",
			file:  "r.xlsx",
			data:  string(zipBytes(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet")),
			diags: []string{`r.xlsx: this is an OpenDocument spreadsheet (.ods), which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8`},
		},
		{
			name:  "a zip of something else",
			file:  "r.xlsx",
			data:  string(zipBytes(t, "photo.jpg", "not a sheet")),
			diags: []string{`r.xlsx: this is a zip file that holds no workbook; copy it again from where it came, and give it a name that ends in .xlsx`},
		},
		{
			name:  "an old workbook named .csv",
			file:  "r.csv",
			data:  "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest",
			diags: []string{`r.csv: this is an Excel 97–2003 workbook (.xls), a WPS workbook (.et) or a workbook with a password, which yishi cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV UTF-8`},
		},
		{
			name:  "sheet named for a CSV",
			file:  "r.csv",
			data:  "",
			diags: []string{`r.csv: file is empty; a roster has a header row naming the columns id, name, unit, background, then one row a trainee`, `r.csv: warning: a sheet ("x") was named but only an XLSX workbook has sheets; it is ignored`},
		},
		{
			name:  "yaml without version",
			file:  "r.yaml",
			data:  "trainees: []\n",
			diags: []string{`r.yaml:1:1: version: missing; a roster file starts with ` + "`version: 1`"},
		},
		{
			name:  "oversized",
			file:  "r.csv",
			data:  strings.Repeat("x", scenario.MaxFileSize+1),
			diags: []string{`r.csv: file is 4194305 bytes, larger than the 4194304 bytes yishi reads`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := s
			if tc.s != nil {
				sc = tc.s
			}
			opts := Options{}
			if tc.name == "sheet named for a CSV" {
				opts.Sheet = "x"
			}
			r, diags := Parse(tc.file, []byte(tc.data), sc, opts)
			if tc.diags != nil {
				var got []string
				for _, d := range diags {
					got = append(got, d.String())
				}
				assert.Equal(t, tc.diags, got)
				return
			}
			require.Empty(t, diags)
			tc.check(t, r)
		})
	}
}

func TestLoadRosterRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	require.NoError(t, os.WriteFile(path, bytes.Repeat([]byte("a,"), scenario.MaxFileSize), 0o644))
	r, diags := Load(path, testScenario(t), Options{})
	assert.Nil(t, r)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Message, "larger than")
	assert.ErrorIs(t, diags.Err(), scenario.ErrInvalid)
}

func TestRosterValuesAndIndex(t *testing.T) {
	r, diags := Load(filepath.Join(rosterDir, "roster.csv"), testScenario(t), Options{})
	require.Empty(t, diags)
	tests := []struct {
		attr string
		want []string
	}{
		{"unit", []string{"石庄社区", "石庄社区", "石庄社区", "东坝村", "东坝村", "东坝村"}},
		{"background", []string{"discussion-class", "resident-rep", "property-manager", "social-worker", "resident-rep", "community-cadre"}},
		{"name", []string{"王淑芬", "刘建国", "张磊", "陈晓燕", "李秀英", "赵刚"}},
		{"gender", []string{"女", "男", "男", "女", "女", "男"}},
		{"性别", []string{"女", "男", "男", "女", "女", "男"}},
		{"备注", []string{"", "喜欢发言,语速快", "", "", "", "新任"}},
		{"prefers", []string{"host", "", "recorder", "recorder", "resident", ""}},
		{"missing", []string{"", "", "", "", "", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.attr, func(t *testing.T) {
			assert.Equal(t, tc.want, r.Values(tc.attr))
		})
	}
	i, ok := r.Index("T05")
	assert.True(t, ok)
	assert.Equal(t, 4, i)
	_, ok = r.Index("T99")
	assert.False(t, ok)

	// A roster built by hand has no index yet.
	hand := &Roster{Trainees: []Trainee{{ID: "a"}, {ID: "b"}}}
	i, ok = hand.Index("b")
	assert.True(t, ok)
	assert.Equal(t, 1, i)
}

func TestAttributeName(t *testing.T) {
	tests := []struct{ header, want string }{
		{"ID", "id"}, {"学号", "id"}, {" 姓名 ", "name"}, {"名字", "name"},
		{"社区(村)", "unit"}, {"社区（村）", "unit"}, {"村居", "unit"}, {"所在社区", "unit"},
		{"身份", "background"}, {"岗位", "background"}, {"避免同组", "avoid"}, {"同组", "together"},
		{"意向角色", "prefers"}, {"性别", "gender"}, {"从业年限", "years"}, {"*年龄", "age"},
		{"Shift  Group", "shift_group"}, {"ＶＩＰ", "vip"}, {"备注", "remarks"}, {"身份/类别", "background"}, {"姓名（必填）", "name"}, {"*姓名(必填)", "name"}, {"手机号码", "phone"}, {"职称（如有）", "职称"}, {"工龄（年）", "years"}, {"联系电话｜手机", "phone"},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			assert.Equal(t, tc.want, AttributeName(tc.header))
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, dir := range []string{rosterDir, filepath.Join(rosterDir, "bad")} {
		csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		workbooks, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		for _, file := range append(csvs, workbooks...) {
			data, err := os.ReadFile(file)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	f.Add([]byte(goodRosterYAML))
	f.Add([]byte("编号,姓名,社区,背景,可参加轮次\n1,甲,石庄社区,社工,１，２\n2,乙,东坝村,物业,上午、下午 / 3\n"))
	f.Add([]byte("version: 1\ntrainees:\n  - {id: T1, name: 甲, unit: U, background: 社工, rounds: [1, \"2；3\"]}\n"))
	s := testScenario(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.csv", "f.tsv", "f.yaml", "f.xlsx"} {
			r, diags := Parse(name, data, s, Options{})
			if r == nil && !diags.HasErrors() {
				t.Fatalf("%s: no roster and no error", name)
			}
			if r != nil {
				for _, tr := range r.Trainees {
					r.Index(tr.ID)
					if len(tr.Rounds) > MaxRoundTokens {
						t.Fatalf("%s: %d rounds taken", name, len(tr.Rounds))
					}
					for _, tok := range tr.Rounds {
						if tok == "" || utf8.RuneCountInString(tok) > MaxRoundTokenLength || strings.IndexFunc(tok, isRoundSeparator) >= 0 {
							t.Fatalf("%s: round %q taken", name, tok)
						}
					}
				}
				r.Values("unit")
			}
		}
	})
}

func TestRosterWindows1252(t *testing.T) {
	r, diags := Load(filepath.Join(rosterDir, "roster-windows1252.csv"), testScenario(t), Options{})
	require.Empty(t, diags)
	assert.Equal(t, "windows-1252", r.Encoding)
	assert.Equal(t, []string{"Renée Dupont", "José Martín"}, r.Values("name"))
	assert.Equal(t, []string{"“quiet” – likes to listen", "café owner"}, r.Values("notes"))
}

// TestRosterWindows1252Accents reads a realistic English roster whose
// names have accents, saved by English Excel: every name must come back
// as written, and nothing may turn into U+FFFD.
func TestRosterWindows1252Accents(t *testing.T) {
	path := filepath.Join(rosterDir, "roster-windows1252-accents.csv")
	r, diags := Load(path, testScenario(t), Options{})
	require.Empty(t, diags)
	assert.Equal(t, "windows-1252", r.Encoding)
	records, err := csv.NewReader(strings.NewReader(accentsRosterCSV)).ReadAll()
	require.NoError(t, err)
	var want []string
	for _, rec := range records[1:] {
		want = append(want, rec[1])
	}
	assert.Equal(t, want, r.Values("name"))
	assert.Contains(t, r.Values("name"), "Íñigo Martínez")
	assert.Equal(t, "resident-rep", r.Trainees[1].Background)
}

func gbBytes(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return string(b)
}

func TestRosterTextChecks(t *testing.T) {
	s := testScenario(t)
	many := "编号,姓名,社区,背景\n"
	for i := range 25 {
		many += fmt.Sprintf("T%02d,王\xe9%d,石庄社区,社工\n", i, i)
	}
	tests := []struct {
		name  string
		file  string
		data  string
		diags []string
	}{
		{
			name:  "a stray byte in UTF-8 is an error at its place",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景\nT01,王淑芬,石庄社区,社工\nT02,Ren\xe9e,东坝村,物业\n",
			diags: []string{`r.csv:3:8: row 3, column B (姓名): invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
		{
			name: "many stray bytes are capped",
			file: "r.csv",
			data: many,
			diags: func() []string {
				var d []string
				for i := range 20 {
					d = append(d, fmt.Sprintf(`r.csv:%d:6: row %d, column B (姓名): invalid UTF-8 byte 0xE9; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`, i+2, i+2))
				}
				return append(d, `r.csv:22:6: row 22, column B (姓名): and 5 more invalid UTF-8 bytes; save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`)
			}(),
		},
		{
			name:  "one non-number in a numeric column",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,工龄\n1,甲,石庄社区,社工,3\n2,乙,石庄社区,社工,abc\n3,丙,东坝村,物业,12\n4,丁,东坝村,物业,\n5,戊,东坝村,物业,7\n6,己,东坝村,物业,1.5\n",
			diags: []string{`r.csv:3:13: row 3, column E (工龄), trainee 乙: "abc" is not a number, but the rest of the column is; fix it or leave it empty`},
		},
		{
			name:  "control characters in a cell",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,备注\n1,\x1b[31m王淑芬,石庄社区,社工,a\x07b\n",
			diags: []string{`r.csv:2:3: row 2, column B (姓名), trainee 1: control character U+001B in "\x1b[31m王淑芬"; remove it`, `r.csv:2:20: row 2, column E (备注), trainee 1: control character U+0007 in "a\ab"; remove it`},
		},
		{
			name:  "control character in YAML",
			file:  "r.yaml",
			data:  "version: 1\ntrainees:\n  - {id: T01, name: \"王\\e淑芬\", unit: 石庄社区, background: 社工}\n",
			diags: []string{`r.yaml:3:21: name, trainee T01: control character U+001B in "王\x1b淑芬"; remove it`},
		},
		{
			name: "a byte GB18030 cannot read is an error at its cell",
			file: "r.csv",
			data: gbBytes(t, "编号,姓名,社区,背景\r\nT01,王淑芬,石庄社区,社工\r\nT02,张") + "\xff" + gbBytes(t, "磊,东坝村,物业\r\n"),
			diags: []string{`r.csv:3:5: row 3, column B (姓名): "张�磊" holds U+FFFD (�), a character that could not be read as gb18030: the file's encoding could not be read; ` +
				`save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
		{
			name: "a U+FFFD saved in a UTF-8 file is an error at its cell",
			file: "r.csv",
			data: "编号,姓名,社区,背景\nT01,Ren\uFFFDe,东坝村,物业\n",
			diags: []string{`r.csv:2:5: row 2, column B (姓名): "Ren�e" holds U+FFFD (�), a character lost to a wrong encoding before the file was saved; ` +
				`retype the value, or go back to the original and save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
		{
			name: "a U+FFFD in YAML is an error at its key",
			file: "r.yaml",
			data: "version: 1\ntrainees:\n  - {id: T01, name: \"Ren\uFFFDe\", unit: 石庄社区, background: 社工}\n",
			diags: []string{`r.yaml:3:21: name, trainee T01: "Ren�e" holds U+FFFD (�), a character lost to a wrong encoding before the file was saved; ` +
				`retype the value, or go back to the original and save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`},
		},
		{
			name: "line breaks and tabs in the columns printed in tables",
			file: "r.csv",
			data: "编号,姓名,社区,背景,备注\nT01,\"王\n淑芬\",石庄社区,社工,\"可以\n换行\"\n\"T\t02\",张磊,\"东坝\r\n村\",\"物\t业\",\n",
			diags: []string{
				`r.csv:2:5: row 2, column B (姓名), trainee T01: a line break in "王\n淑芬" would break the printed tables; keep the name on one line`,
				`r.csv:5:1: row 3, column A (编号), trainee 张磊: a tab in "T\t02" would break the printed tables; keep the id on one line`,
				`r.csv:5:11: row 3, column C (社区), trainee 张磊: a line break in "东坝\n村" would break the printed tables; keep the unit on one line`,
				`r.csv:6:4: row 3, column D (背景), trainee 张磊: a tab in "物\t业" would break the printed tables; keep the background on one line`,
				`r.csv:6:4: row 3, column D (背景), trainee 张磊: unknown background "物\t业" (did you mean "物业"?); add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster`,
			},
		},
		{
			name:  "a line break in YAML",
			file:  "r.yaml",
			data:  "version: 1\ntrainees:\n  - {id: T01, name: \"王\\n淑芬\", unit: 石庄社区, background: 社工}\n",
			diags: []string{`r.yaml:3:21: name, trainee T01: a line break in "王\n淑芬" would break the printed tables; keep the name on one line`},
		},
		{
			name: "direction marks in a name are a warning",
			file: "r.csv",
			data: "编号,姓名,社区,背景\nT01,\u202e王淑芬,石庄社区,社工\nT02,Ann\u2066Lee\u2069,东坝村,物业\nT03,\u200f张磊,东坝村,物业\n",
			diags: []string{
				`r.csv:2:5: warning: row 2, column B (姓名), trainee T01: invisible direction mark U+202E in "\u202e王淑芬" reorders the text around it when printed; remove it unless the name needs it`,
				`r.csv:3:5: warning: row 3, column B (姓名), trainee T02: invisible direction mark U+2066 in "Ann\u2066Lee\u2069" reorders the text around it when printed; remove it unless the name needs it`,
				`r.csv:4:5: warning: row 4, column B (姓名), trainee T03: invisible direction mark U+200F in "\u200f张磊" reorders the text around it when printed; remove it unless the name needs it`,
			},
		},
		{
			name:  "control characters in the header",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,备\x07注,\x1b[1m\n1,王淑芬,石庄社区,社工,,\n",
			diags: []string{`r.csv:1:13: row 1, column E: control character U+0007 in the header "备\a注"; remove it`, `r.csv:1:17: row 1, column F: control character U+001B in the header "\x1b[1m"; remove it`},
		},
		{
			name:  "a header with a line break is named on one line",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景,\"工龄\n（年）\"\n1,甲,石庄社区,社工,3\n2,乙,石庄社区,社工,abc\n3,丙,东坝村,物业,12\n4,丁,东坝村,物业,7\n5,戊,东坝村,物业,1\n",
			diags: []string{`r.csv:4:13: row 3, column E (工龄 （年）), trainee 乙: "abc" is not a number, but the rest of the column is; fix it or leave it empty`},
		},
		{
			name: "rows are numbered as Excel shows them, below a value with line breaks",
			file: "r.csv",
			data: "编号,姓名,社区,背景,备注\nT01,王淑芬,石庄社区,社工,\nT02,张磊,东坝村,物业,\"第一行\n第二行\"\nT03,李四,东坝村,议事圆,\nT03,张磊,东坝村,物业,\nT05,赵刚,东坝村\n",
			diags: []string{
				`r.csv:5:12: row 4, column D (背景), trainee 李四: unknown background "议事圆" (did you mean "议事员"?); add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster`,
				`r.csv:6:1: row 5, column A (编号), trainee 张磊: id "T03" is already used on row 4; every trainee needs an id of their own`,
				`r.csv:6:5: warning: row 5, column B (姓名), trainee T03: name "张磊" also on row 3; two sign-ups for one person?`,
				`r.csv:7: row 6 has 3 cells but the header has 5; is a separator missing?`,
			},
		},
		{
			name:  "two trainees with one name",
			file:  "r.csv",
			data:  "编号,姓名,社区,背景\nT01,王淑芬,石庄社区,社工\nT02,张磊,东坝村,物业\nT03, 王淑芬 ,东坝村,物业\n",
			diags: []string{`r.csv:4:5: warning: row 4, column B (姓名), trainee T03: name "王淑芬" also on row 2; two sign-ups for one person?`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse(tc.file, []byte(tc.data), s, Options{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			assert.Equal(t, tc.diags, got)
		})
	}
}

func TestRosterNumericColumns(t *testing.T) {
	s := testScenario(t)
	// Two of three numbers is not the large majority: the column is
	// categorical, as before.
	r, diags := Parse("r.csv", []byte("编号,姓名,社区,背景,工龄\n1,甲,石庄社区,社工,3\n2,乙,石庄社区,社工,三年\n3,丙,东坝村,物业,12\n"), s, Options{})
	require.Empty(t, diags)
	assert.False(t, r.Numeric["years"])
	// One number alone does not make a column numeric.
	r, diags = Parse("r.csv", []byte("编号,姓名,社区,背景,工龄\n1,甲,石庄社区,社工,3\n2,乙,石庄社区,社工,\n"), s, Options{})
	require.Empty(t, diags)
	assert.True(t, r.Numeric["years"], "every value is a number")
}

func TestRosterSheetByNumber(t *testing.T) {
	s := testScenario(t)
	path := filepath.Join(rosterDir, "roster-second-sheet.xlsx")
	r, diags := Load(path, s, Options{Sheet: "2"})
	require.Empty(t, diags)
	assert.Len(t, r.Trainees, 6)
	_, diags = Load(path, s, Options{Sheet: "3"})
	assert.Equal(t, path+`: no sheet "3"; the workbook has: "第一期", "第二期" (a sheet's number is 1 to 2)`, diags.Error())
}

// TestRosterXLSXText checks the text checks on a workbook: they name the
// cell as Excel does.
func TestRosterXLSXText(t *testing.T) {
	data := xlsxBytes(t, []xsheet{{"报名表", [][]any{
		{"编号", "姓名", "社区", "背景"},
		{"T01", "Ren\uFFFDe", "石庄社区", "社工"},
		{"T02", "王\n淑芬", "东坝村", "物业"},
		{"T03", "\u202b张磊", "东坝村", "物业"},
	}}})
	_, diags := Parse("r.xlsx", data, testScenario(t), Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		`r.xlsx:2:2: row 2, column B (姓名), trainee T01: "Ren�e" holds U+FFFD (�), a character lost to a wrong encoding before the file was saved; retype the value, or go back to the original and save the file as UTF-8 (in Excel: File → Save As → CSV UTF-8; 文件 → 另存为 → CSV UTF-8)`,
		`r.xlsx:3:2: row 3, column B (姓名), trainee T02: a line break in "王\n淑芬" would break the printed tables; keep the name on one line`,
		`r.xlsx:4:2: warning: row 4, column B (姓名), trainee T03: invisible direction mark U+202B in "\u202b张磊" reorders the text around it when printed; remove it unless the name needs it`,
	}, got)
}

func TestSortedByID(t *testing.T) {
	r, diags := Parse("r.csv", []byte("id,name,unit,background\nT3,C,U,社工\nT1,A,U,社工\nT2,B,U,社工\n"), testScenario(t), Options{})
	require.NoError(t, diags.Err())
	s := r.SortedByID()
	assert.Equal(t, []string{"T1", "T2", "T3"}, s.Values("id"))
	assert.Equal(t, []string{"T3", "T1", "T2"}, r.Values("id"), "the roster itself keeps its order")
	i, ok := s.Index("T3")
	assert.True(t, ok)
	assert.Equal(t, 2, i, "the index follows the new order")
	assert.Equal(t, r.SHA256, s.SHA256)
	assert.Same(t, s, s.SortedByID(), "an ordered roster is returned as it is")
}

// A roster file that cannot be read is one error at the file whose text
// is a message, its reason an error of the system that a catalogue knows.
func TestLoadUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报名表.xlsx")
	r, diags := Load(path, nil, Options{})
	assert.Nil(t, r)
	require.Len(t, diags, 1)
	d := diags[0]
	assert.Equal(t, scenario.Pos{File: path}, d.Pos)
	assert.Equal(t, path+": no such file or directory", d.String())
	assert.Equal(t, "%v", d.Text.Format)
	require.Len(t, d.Text.Args, 1)
	reason, ok := d.Text.Args[0].(error)
	require.True(t, ok, "the reason is kept as an error, not as English text")
	assert.ErrorIs(t, reason, fs.ErrNotExist)
	assert.Equal(t, d.Message, d.Text.String())
}
