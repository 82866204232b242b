package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// signupSheet is a street office's own sign-up sheet, as its staff make it
// in Chinese Excel: a title row, headers with two names or a note in
// brackets, a serial number, a phone column, remarks, the seed's parties
// (专家, 辖区单位, 社会组织 among them), a background no bundled scenario
// foresees (退休教师), full-width digits, and a footnote under the table.
const signupSheet = `石庄街道协商议事能力培训报名表,,,,,,
序号,姓名（必填）,性别,所在社区,身份/类别,手机号,备注
１,王秀英,女,石庄社区,楼门长,13800000001,腿脚不便，请安排一楼教室
２,李建华,男,石庄社区,社工,13800000002,
３,张磊,男,东坝村,物业,13800000003,
４,陈晓燕,女,东坝村,专家,13800000004,高校社会学老师
５,赵刚,男,南口社区,辖区单位,13800000005,
６,孙桂兰,女,南口社区,社会组织,13800000006,
７,周文斌,男,石庄社区,网格员,13800000007,
８,吴芳,女,东坝村,志愿者,13800000008,
９,郑国强,男,南口社区,辖区单位 ,13800000009,
10,冯丽,女,石庄社区,议事员,13800000010,
11,何伟,男,东坝村,议事班成员,13800000011,
12,韩梅,女,南口社区,专家,13800000012,只能参加上午
13,刘洋,男,北苑社区,议事班成员,13800000013,
14,杨静,女,北苑社区,物业负责人,13800000014,
15,黄志强,男,北苑社区,两委,13800000015,
16,朱丽华,女,北苑社区,社会组织,13800000016,
17,林峰,男,西环村,议事员,13800000017,
18,徐红,女,西环村,居民代表,13800000018,
19,马建国,男,西环村,退休教师,13800000019,
20,高翠兰,女,西环村,村干部,13800000020,
21,罗斌,男,石庄社区,驻区单位,13800000021,
22,梁晓燕,女,东坝村,社区工作者,13800000022,
23,宋宝山,男,南口社区,议事班成员,13800000023,
24,唐玉梅,女,北苑社区,楼长,13800000024,
注：请于3月1日前报送街道办，联系人王老师,,,,,,
`

// TestStreetOfficeDay is the day issue 9 asks for: a GB18030 sign-up
// sheet runs through assign --rounds 3, cards, scoresheets --format xlsx
// and review on a bundled Chinese scenario with no YAML edited, and with
// LANG=zh_CN.UTF-8 every line the CLI prints is Chinese apart from ids,
// file names and the trainees' data.
func TestStreetOfficeDay(t *testing.T) {
	dir := t.TempDir()
	in := func(p string) string { return filepath.Join(dir, p) }
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(signupSheet, "\n", "\r\n"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in("报名表.csv"), []byte(gb), 0o644))

	env := map[string]string{"LANG": "zh_CN.UTF-8"}
	var lines []string
	run := func(want int, args ...string) string {
		t.Helper()
		stdout, stderr, code := dayRun(t, env, args...)
		require.Equal(t, want, code, "yishi %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), stdout, stderr)
		for _, l := range strings.Split(stdout+stderr, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		return stdout + stderr
	}

	assigned := run(0, "assign", "--scenario", "shared-parking-charging", "--roster", in("报名表.csv"), "--rounds", "3", "--out", in("plan.yaml"))
	assert.Contains(t, assigned, "gb18030", "the encoding read is said")
	assert.Contains(t, assigned, "24 名学员")
	assert.Contains(t, assigned, "退休教师", "the unforeseen background is named in its warning")
	assert.Contains(t, assigned, "第 27 行", "the footnote's row is named in its warning")
	for _, known := range []string{"专家", "辖区单位", "社会组织"} {
		for _, l := range strings.Split(assigned, "\n") {
			assert.False(t, strings.Contains(l, `"`+known+`"`), "%s is in the bundled vocabulary, yet a line names it: %s", known, l)
		}
	}

	run(0, "cards", in("plan.yaml"), "--format", "html", "--out", in("cards"))
	master, err := os.ReadFile(in("cards/master-sheet-TRAINER-ONLY.html"))
	require.NoError(t, err)
	assert.Contains(t, string(master), "腿脚不便，请安排一楼教室", "remarks reach the master sheet")
	assert.NotContains(t, string(master), "13800000001", "phone numbers reach no sheet")
	cardFiles, err := filepath.Glob(in("cards/round-*/group-*/*.html"))
	require.NoError(t, err)
	require.Len(t, cardFiles, 24*3)
	hasTitle := false
	for _, f := range cardFiles {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NotContains(t, string(data), "腿脚不便", "remarks never reach a card: %s", f)
		assert.NotContains(t, string(data), "138000000", "phone numbers never reach a card: %s", f)
		hasTitle = hasTitle || strings.Contains(filepath.Base(f), "议事会主持人")
	}
	assert.True(t, hasTitle, "card files are named by the role's Chinese title")

	run(0, "scoresheets", in("plan.yaml"), "--reviewer", "王老师", "--reviewer", "李老师", "--format", "xlsx", "--out", in("sheets"))
	books, err := filepath.Glob(in("sheets/*.xlsx"))
	require.NoError(t, err)
	require.Len(t, books, 2)
	for i, b := range books {
		fillWorkbook(t, b, i)
	}

	run(0, "review", in("plan.yaml"), in("sheets/scoresheet-王老师.xlsx"), in("sheets/scoresheet-李老师.xlsx"), "--out", in("report.html"))
	report, err := os.ReadFile(in("report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(report), "复盘", "the report is in the scenario's language")

	// Every line printed is Chinese but for ids, file names and data.
	var bad []string
	for _, l := range lines {
		if w := englishWords(l, nil); len(w) > 0 {
			bad = append(bad, strings.Join(w, " ")+"\t← "+l)
		}
	}
	assert.Empty(t, bad, "lines printed with LANG=zh_CN.UTF-8 that hold English words")
	t.Logf("the day as the trainer saw it:\n%s", strings.Join(lines, "\n"))
}

// fillWorkbook scores every group of every round in a workbook written by
// `yishi scoresheets --format xlsx`, as a reviewer does in Excel: a whole
// number in each score column, a sentence of evidence beside it.
func fillWorkbook(t *testing.T, path string, reviewer int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	score := regexp.MustCompile(`\[[a-z-]+\]$`)
	evidence := regexp.MustCompile(`\[[a-z-]+\.evidence\]$`)
	skip := map[string]bool{"[reviewer]": true, "[round]": true, "[group]": true, "[members]": true, "[plan]": true, "[strengths]": true, "[improvements]": true}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		require.NoError(t, err)
		require.NotEmpty(t, rows)
		header := rows[0]
		for r := 1; r < len(rows); r++ {
			for c, h := range header {
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				id := score.FindString(h)
				switch {
				case evidence.MatchString(h):
					require.NoError(t, f.SetCellValue(sh, cell, "主持人按时间提醒各方发言"))
				case id != "" && !skip[id]:
					require.NoError(t, f.SetCellValue(sh, cell, 1+(r+c+reviewer)%5))
				}
			}
		}
	}
	require.NoError(t, f.Save())
}
