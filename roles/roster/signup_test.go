package roster

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// signupCSV is a street office's own sign-up sheet, as its staff make it:
// a title row over the table, headers with several names and notes in
// brackets, serial numbers rather than ids, phone numbers, a remarks
// column, years typed in full-width digits, trainee types the test
// scenario does not know (专家, 辖区单位, 社会组织, 网格员, 志愿者) and a
// footnote under the table. The fixtures signup-gb18030.csv and
// signup.xlsx are this sheet saved by Chinese Excel; -update writes them.
const signupCSV = `XX街道协商议事培训报名表,,,,,,,
序号,姓名（必填）,性别,所在社区,身份/类别,工龄(年),手机号,备注
1,王秀英,女,石庄社区,楼门长,１２,13800000001,腿脚不便，请安排一楼教室
2,李建华,男,石庄社区,社工,４,13800000002,
3,张磊,男,东坝村,物业,６,13800000003,
4,陈晓燕,女,东坝村,专家,３．５,13800000004,高校社会学老师
5,赵刚,男,南口社区,辖区单位,8,13800000005,
6,孙桂兰,女,南口社区,社会组织,10,13800000006,
7,周文斌,男,石庄社区,网格员,2,13800000007,
8,吴芳,女,东坝村,志愿者,1,13800000008,
9,郑国强,男,南口社区,辖区单位 ,15,13800000009,
10,冯丽,女,石庄社区,议事员,7,13800000010,
11,何伟,男,东坝村,辖区　单位,3,13800000011,
12,韩梅,女,南口社区,专家,20,13800000012,
注：请于3月1日前报送，联系人：街道办王老师,,,,,,,
`

// signupSecret is a remark of the sign-up sheet that must reach the
// trainer's master sheet and never a card.
const signupSecret = "腿脚不便，请安排一楼教室"

var signupFixtures = []string{"signup-gb18030.csv", "signup.xlsx"}

// writeSignupFixtures saves signupCSV as Chinese Excel does: a GB18030
// CSV with CRLF line ends, and a workbook whose title row is merged over
// the table and whose second sheet holds the office's notes.
func writeSignupFixtures(t *testing.T) {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(signupCSV)).ReadAll()
	require.NoError(t, err)
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	require.NoError(t, w.WriteAll(records))
	gb, _, err := transform.Bytes(simplifiedchinese.GB18030.NewEncoder(), []byte(b.String()))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(rosterDir, "signup-gb18030.csv"), gb, 0o644))

	rows := make([][]any, len(records))
	for i, rec := range records {
		for _, v := range rec {
			rows[i] = append(rows[i], v)
		}
	}
	rows[0] = rows[0][:1] // the title stands in A1, merged over A1:H1
	data := xlsxBytes(t, []xsheet{{"报名表", rows}, {"填表说明", [][]any{{"请勿修改表头"}}}})
	f, err := excelize.OpenReader(strings.NewReader(string(data)))
	require.NoError(t, err)
	require.NoError(t, f.MergeCell("报名表", "A1", "H1"))
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.NoError(t, os.WriteFile(filepath.Join(rosterDir, "signup.xlsx"), buf.Bytes(), 0o644))
}

func TestSignupSheet(t *testing.T) {
	if *update {
		writeSignupFixtures(t)
	}
	s := testScenario(t)
	for _, file := range signupFixtures {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(rosterDir, file)
			r, diags := Load(path, s, Options{})
			require.NoError(t, diags.Err())
			require.NotNil(t, r)
			require.Len(t, r.Trainees, 12, "the footnote is not a trainee")
			if strings.HasSuffix(file, ".csv") {
				assert.Equal(t, "gb18030", r.Encoding)
			}

			// The columns: 姓名（必填） is the name, 身份/类别 the
			// background, 工龄(年) the years, 序号 the id; the phone
			// numbers are read past.
			assert.Equal(t, []string{"id", "name", "gender", "unit", "background", "years", "phone", "remarks"}, r.Columns)
			byID := map[string]Trainee{}
			for _, tr := range r.Trainees {
				byID[tr.ID] = tr
				assert.NotContains(t, tr.Attrs, ColumnPhone)
				assert.NotContains(t, tr.Attrs, ColumnRemarks)
			}
			assert.Equal(t, "resident-rep", byID["1"].Background)
			assert.False(t, byID["1"].Unforeseen)
			assert.Equal(t, signupSecret, byID["1"].Remarks)
			assert.Equal(t, "social-worker", byID["2"].Background)
			assert.Equal(t, "discussion-class", byID["10"].Background)

			// Backgrounds the scenario did not foresee are categories of
			// their own, each written one way.
			for id, want := range map[string]string{"4": "专家", "12": "专家", "5": "辖区单位", "9": "辖区单位", "11": "辖区单位", "6": "社会组织", "7": "网格员", "8": "志愿者"} {
				assert.True(t, byID[id].Unforeseen, id)
				assert.Equal(t, want, byID[id].Background, id)
			}

			// Years typed in full-width digits are numbers.
			assert.True(t, r.Numeric["years"])
			assert.Equal(t, "12", byID["1"].Attrs["years"])
			assert.Equal(t, "3.5", byID["4"].Attrs["years"])

			// Phone numbers are nowhere in the roster.
			data, err := json.Marshal(r)
			require.NoError(t, err)
			assert.NotContains(t, string(data), "1380000000")

			// One warning per unforeseen background, naming every row that
			// has it, and one for the footnote.
			sheet := ""
			if strings.HasSuffix(file, ".xlsx") {
				sheet = `sheet "报名表", `
			}
			// Lines and messages: a CSV's columns count characters, an
			// XLSX's cells, and the message names the cell anyway.
			var warnings []string
			for _, d := range diags.Warnings() {
				assert.Equal(t, path, d.Pos.File)
				warnings = append(warnings, fmt.Sprintf("%d: %s", d.Pos.Line, d.Message))
			}
			assert.Equal(t, []string{
				`6: ` + sheet + `row 6, column E (身份/类别): background "专家" is not one the scenario knows, so it is mixed as a category of its own (rows 6, 14); to name it, add {id: ..., label: {zh: "专家"}} under backgrounds: in the scenario, or add "专家" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
				`7: ` + sheet + `row 7, column E (身份/类别): background "辖区单位" is not one the scenario knows, so it is mixed as a category of its own (rows 7, 11, 13); to name it, add {id: ..., label: {zh: "辖区单位"}} under backgrounds: in the scenario, or add "辖区 单位", "辖区单位" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
				`8: ` + sheet + `row 8, column E (身份/类别): background "社会组织" is not one the scenario knows, so it is mixed as a category of its own (row 8); to name it, add {id: ..., label: {zh: "社会组织"}} under backgrounds: in the scenario, or add "社会组织" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
				`9: ` + sheet + `row 9, column E (身份/类别): background "网格员" is not one the scenario knows, so it is mixed as a category of its own (row 9); to name it, add {id: ..., label: {zh: "网格员"}} under backgrounds: in the scenario, or add "网格员" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
				`10: ` + sheet + `row 10, column E (身份/类别): background "志愿者" is not one the scenario knows, so it is mixed as a category of its own (row 10); to name it, add {id: ..., label: {zh: "志愿者"}} under backgrounds: in the scenario, or add "志愿者" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
				`15: ` + sheet + `row 15: "注：请于3月1日前报送，联系人：街道办王老师" looks like a note, not a trainee; the row is skipped`,
			}, warnings)
		})
	}
}

// bundledVocabulary is a bundled scenario, whose vocabulary is the one
// every bundled scenario shares (the scenarios package checks that), so
// that the thresholds are checked against the names a street office's
// sheet meets.
func bundledVocabulary(t *testing.T) *scenario.Scenario {
	t.Helper()
	s, diags, err := scenarios.Load("shared-parking-charging")
	require.NoError(t, err)
	require.NoError(t, diags.Err())
	return s
}

// TestNearMiss tells a slip for a known background from a background the
// scenario did not foresee, on both sides of the thresholds.
func TestNearMiss(t *testing.T) {
	vocabularies := map[string]*scenario.Scenario{"test": testScenario(t), "bundled": bundledVocabulary(t)}
	tests := []struct {
		value, want string // want "" for a new background
		only        string // the vocabulary the case is for, "" for both
	}{
		{value: "社工（持证）", want: "社工"}, // a known name with a note
		{value: "社工(持证)", want: "社工"},
		{value: "（持证）社工", want: "社工"},
		{value: "社工【持证】", want: "社工"},
		{value: "物业公司员工", want: "物业公司", only: "bundled"}, // a known name of three or more inside
		{value: "社区干部（兼）", want: "社区干部"},
		{value: "楼门长们", want: "楼门长"},
		{value: "议事圆", want: "议事员|议事班"}, // one off each: either is a fair guess
		{value: "Social workr", want: "Social worker"},
		{value: "ｓｏｃｉａｌ　ｗｏｒｋｅｒ"}, // the same as "social worker" once folded: it resolves, no slip
		// Two characters are a word: one character off is another word.
		{value: "社公"},
		{value: "教师"}, {value: "学生"}, {value: "医生"}, {value: "家长"}, {value: "校长"}, {value: "组长"}, {value: "律所"},
		// A two-character alias inside a longer word is another word.
		{value: "学校老师"}, {value: "医院护士"},
		{value: "物业公司员工", only: "test"}, // 物业 is a two-character alias there
		{value: "志愿者"},
		{value: "网格员"},
		{value: "专家"},
		{value: "专家智库"},
		{value: "智库"},
		{value: "辖区"},
		{value: "辖区单位"},
		{value: "社会组织"},
		{value: "党员"},
		{value: "expert"},
		{value: "volunteer"},
		{value: "社"}, // one character is too little to call a slip
	}
	for name, s := range vocabularies {
		for _, tt := range tests {
			if tt.only != "" && tt.only != name {
				continue
			}
			t.Run(name+"/"+tt.value, func(t *testing.T) {
				if _, known := s.ResolveBackground(tt.value); known {
					assert.Empty(t, tt.want, "%q is a known background", tt.value)
					return
				}
				got, ok := nearMiss(tt.value, s)
				if tt.want == "" {
					assert.False(t, ok, "%q is not a slip, but nearMiss says %q", tt.value, got)
					return
				}
				require.True(t, ok, "%q is a slip for %q", tt.value, tt.want)
				fits := false
				for _, want := range strings.Split(tt.want, "|") {
					fits = fits || strings.HasPrefix(scenario.NormalizeName(got), scenario.NormalizeName(want))
				}
				assert.True(t, fits, "%q: got %q, want %q", tt.value, got, tt.want)
			})
		}
	}
}

func TestBackgroundLabel(t *testing.T) {
	for in, want := range map[string]string{
		"辖区单位 ":        "辖区单位",
		" 辖区　　单位 ":     "辖区 单位",
		"ＶＩＰ单位":        "VIP单位",
		"社工（持证）":       "社工(持证)",
		"Expert\tteam": "Expert team",
	} {
		assert.Equal(t, want, BackgroundLabel(in), in)
	}
}

// TestBackgroundsBadInput: a near-miss and an empty background cell are
// errors at their cells, all of them at once; --strict-backgrounds
// refuses a new background; rows in any order give one label.
func TestBackgroundsBadInput(t *testing.T) {
	s := testScenario(t)
	data := "序号,姓名,所在社区,身份/类别\n1,王秀英,石庄社区,议事圆\n2,李建华,石庄社区,\n3,张磊,东坝村,物业人员们\n4,陈晓燕,东坝村,专家\n"
	_, diags := Parse("r.csv", []byte(data), s, Options{})
	assert.Equal(t, []string{
		`r.csv:2:12: row 2, column D (身份/类别), trainee 王秀英: unknown background "议事圆" (did you mean "议事员"?); add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster`,
		`r.csv:3:12: row 3, column D (身份/类别), trainee 李建华: missing background`,
		`r.csv:4:10: row 4, column D (身份/类别), trainee 张磊: unknown background "物业人员们" (did you mean "物业人员"?); add it to the scenario's backgrounds (as an alias of the one it means) or correct the roster`,
		`r.csv:5:11: warning: row 5, column D (身份/类别): background "专家" is not one the scenario knows, so it is mixed as a category of its own (row 5); to name it, add {id: ..., label: {zh: "专家"}} under backgrounds: in the scenario, or add "专家" to the aliases of the background it is (a bundled scenario is edited once exported: yishi scenarios export roster-test DIR)`,
	}, lines(diags))

	_, diags = Parse("r.csv", []byte(data), s, Options{StrictBackgrounds: true})
	require.Error(t, diags.Err())
	assert.Contains(t, lines(diags)[3], `r.csv:5:11: row 5, column D (身份/类别), trainee 陈晓燕: unknown background "专家"; the scenario's backgrounds are discussion-class (议事班成员), property-manager (物业人员)`)
	assert.Empty(t, diags.Warnings())

	// The order of the rows does not change the label or who has it.
	a := "id,name,unit,background\n1,A,u,辖区单位\n2,B,u,辖区　单位\n3,C,u,辖区单位 \n"
	b := "id,name,unit,background\n2,B,u,辖区　单位\n3,C,u,辖区单位 \n1,A,u,辖区单位\n"
	ra, da := Parse("a.csv", []byte(a), s, Options{})
	rb, db := Parse("b.csv", []byte(b), s, Options{})
	require.NoError(t, da.Err())
	require.NoError(t, db.Err())
	assert.Equal(t, ra.SortedByID().Values("background"), rb.SortedByID().Values("background"))
	assert.Equal(t, []string{"辖区单位", "辖区单位", "辖区单位"}, ra.Values("background"))
}

// TestSheetsAsPeopleMakeThem: notes under the table, a header that cannot
// be found, a workbook without trainees.
func TestSheetsAsPeopleMakeThem(t *testing.T) {
	s := testScenario(t)
	tests := []struct {
		name  string
		file  string
		data  []byte
		diags []string
		check func(t *testing.T, r *Roster)
	}{
		{
			name: "note rows are skipped, an incomplete trainee is not",
			file: "r.csv",
			data: []byte("序号,姓名,所在社区,身份\n1,王秀英,石庄社区,社工\n,李建华,,\n备注：二期另行通知,,,\n填表说明,,,\nNote: bring a pen,,,\n此表由各社区汇总后统一报送街道办事处,,,\nT9,,,\n"),
			diags: []string{
				`r.csv:3:1: row 3, column A (序号), trainee 李建华: missing id`,
				`r.csv:3:6: row 3, column C (所在社区), trainee 李建华: missing unit (the trainee's community or village)`,
				`r.csv:3:7: row 3, column D (身份), trainee 李建华: missing background`,
				`r.csv:4:1: warning: row 4: "备注：二期另行通知" looks like a note, not a trainee; the row is skipped`,
				`r.csv:5:1: warning: row 5: "填表说明" looks like a note, not a trainee; the row is skipped`,
				`r.csv:6:1: warning: row 6: "Note: bring a pen" looks like a note, not a trainee; the row is skipped`,
				`r.csv:7:1: warning: row 7: "此表由各社区汇总后统一报送街道办事处" looks like a note, not a trainee; the row is skipped`,
				`r.csv:8:4: row 8, column B (姓名), trainee T9: missing name`,
				`r.csv:8:5: row 8, column C (所在社区), trainee T9: missing unit (the trainee's community or village)`,
				`r.csv:8:6: row 8, column D (身份), trainee T9: missing background`,
			},
		},
		{
			name:  "a header row that cannot be found",
			file:  "r.csv",
			data:  []byte("XX街道协商议事培训报名表\n一,二,三\n1,王秀英,石庄社区\n"),
			diags: []string{`r.csv:1: cannot find the header row: none of the first 6 rows names the roster's columns, such as id, name, unit, background; put a header row (序号, 姓名, 所在社区, 身份) above the trainees`},
		},
		{
			name:  "an XLSX with a title and a header but no trainees",
			file:  "r.xlsx",
			data:  xlsxBytes(t, []xsheet{{"报名表", [][]any{{"XX街道协商议事培训报名表"}, {"序号", "姓名", "所在社区", "身份/类别"}, {}, {"注：请于3月1日前报送"}}}}),
			diags: []string{`r.xlsx:2: no trainees: the roster has a header but no rows`, `r.xlsx:4:1: warning: row 4: "注：请于3月1日前报送" looks like a note, not a trainee; the row is skipped`},
		},
		{
			name: "headers with several names and notes, full-width numbers",
			file: "r.csv",
			data: []byte("编号,*姓名（必填）,社区(村),类别／身份,年龄【周岁】,联系电话|手机,说明\n1,王秀英,石庄社区,社工,５２,138 0000 0001,新任\n2,李建华,东坝村,物业,４５,13800000002,\n"),
			check: func(t *testing.T, r *Roster) {
				assert.Equal(t, []string{"id", "name", "unit", "background", "age", "phone", "remarks"}, r.Columns)
				assert.True(t, r.Numeric["age"])
				assert.Equal(t, []string{"52", "45"}, r.Values("age"))
				assert.Equal(t, []string{"新任", ""}, r.Values("remarks"))
				assert.Equal(t, []string{"", ""}, r.Values("phone"), "phone numbers are not kept")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, diags := Parse(tt.file, tt.data, s, Options{})
			assert.Equal(t, tt.diags, lines(diags))
			if tt.check != nil {
				require.NotNil(t, r)
				tt.check(t, r)
			}
		})
	}
}

func lines(diags scenario.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// A serial number (序号) is the id when the sheet has no other, and left
// alone when it has one, before or after it.
func TestSerialNumbers(t *testing.T) {
	s := testScenario(t)
	for name, data := range map[string]string{
		"serial first": "序号,学员编号,姓名,所在社区,身份\n1,T01,王秀英,石庄社区,社工\n2,T02,李建华,东坝村,物业\n",
		"serial after": "学员编号,序号,姓名,所在社区,身份\nT01,1,王秀英,石庄社区,社工\nT02,2,李建华,东坝村,物业\n",
	} {
		t.Run(name, func(t *testing.T) {
			r, diags := Parse("r.csv", []byte(data), s, Options{})
			require.NoError(t, diags.Err())
			assert.Empty(t, diags)
			assert.Equal(t, []string{"T01", "T02"}, r.Values("id"))
			assert.Equal(t, []string{"id", "name", "unit", "background"}, r.Columns)
			assert.Empty(t, r.Trainees[0].Attrs)
		})
	}
}
