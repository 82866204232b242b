package roster

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

// TestAvailabilityCSV: the availability column is split at every
// separator a sign-up sheet uses, full-width forms folded, an empty cell
// meaning every round, and each trainee's cell placed by line and column
// and named as a spreadsheet shows it.
func TestAvailabilityCSV(t *testing.T) {
	data := "编号,姓名,社区,背景,可参加轮次（可多选）\n" +
		"1,甲,石庄社区,社工,１，２\n" +
		"2,乙,石庄社区,社工,上午、下午\n" +
		"3,丙,东坝村,物业,\n" +
		"4,丁,东坝村,物业,1 2/3;1\n" +
		"5,戊,东坝村,物业,\" Ｂ ； 3 \"\n"
	r, diags := Parse("r.csv", []byte(data), testScenario(t), Options{})
	require.Empty(t, diags)
	want := []struct {
		rounds []string
		col    int
	}{
		{[]string{"1", "2"}, 13},
		{[]string{"上午", "下午"}, 13},
		{nil, 12},
		{[]string{"1", "2", "3"}, 12},
		{[]string{"B", "3"}, 12},
	}
	require.Len(t, r.Trainees, len(want))
	for i, tr := range r.Trainees {
		assert.Equal(t, want[i].rounds, tr.Rounds, "trainee %s", tr.ID)
		assert.Equal(t, scenario.Pos{File: "r.csv", Line: i + 2, Col: want[i].col}, tr.RoundsPos, "trainee %s", tr.ID)
		assert.Equal(t, fmt.Sprintf("row %d, column E (可参加轮次（可多选）)", i+2), tr.RoundsAt.String())
		assert.NotContains(t, tr.Attrs, ColumnRounds, "availability is not an attribute to mix")
	}
	assert.Equal(t, []string{"id", "name", "unit", "background", "rounds"}, r.Columns)
	assert.False(t, r.Numeric[ColumnRounds], "round numbers do not make a numeric column")
}

// TestAvailabilityHeaders: every header that names the availability
// column, with a note in brackets too.
func TestAvailabilityHeaders(t *testing.T) {
	for _, h := range []string{"rounds", "Availability", "可参加轮次", "参加轮次", "轮次", "Rounds (e.g. 1,2)", "轮次（上午/下午）", "*可参加轮次"} {
		t.Run(h, func(t *testing.T) {
			assert.Equal(t, ColumnRounds, AttributeName(h))
			r, diags := Parse("r.csv", []byte("编号,姓名,社区,背景,\""+h+"\"\n1,甲,石庄社区,社工,2\n"), testScenario(t), Options{})
			require.Empty(t, diags)
			assert.Equal(t, []string{"2"}, r.Trainees[0].Rounds)
		})
	}
}

// TestAvailabilityXLSX: in a workbook the cell is placed at its Excel row
// and column, and a number Excel stored reads as the round.
func TestAvailabilityXLSX(t *testing.T) {
	data := xlsxBytes(t, []xsheet{{"报名表", [][]any{
		{"编号", "姓名", "社区", "背景", "可参加轮次"},
		{"T01", "甲", "石庄社区", "社工", 2},
		{"T02", "乙", "东坝村", "物业", "上午，下午"},
		{"T03", "丙", "东坝村", "物业", ""},
	}}})
	r, diags := Parse("r.xlsx", data, testScenario(t), Options{})
	require.Empty(t, diags)
	require.Len(t, r.Trainees, 3)
	assert.Equal(t, []string{"2"}, r.Trainees[0].Rounds)
	assert.Equal(t, []string{"上午", "下午"}, r.Trainees[1].Rounds)
	assert.Nil(t, r.Trainees[2].Rounds, "an empty cell is every round")
	assert.Equal(t, scenario.Pos{File: "r.xlsx", Line: 3, Col: 5}, r.Trainees[1].RoundsPos)
	assert.Equal(t, "row 3, column E (可参加轮次)", r.Trainees[1].RoundsAt.String())
}

// TestAvailabilityYAML: `rounds:` is a list or a string, placed at its
// value.
func TestAvailabilityYAML(t *testing.T) {
	data := "version: 1\ntrainees:\n" +
		"  - {id: T1, name: 甲, unit: 石庄社区, background: 社工, rounds: [1, 2]}\n" +
		"  - {id: T2, name: 乙, unit: 石庄社区, background: 社工, rounds: \"上午, 下午\"}\n" +
		"  - {id: T3, name: 丙, unit: 东坝村, background: 物业, rounds: 3}\n" +
		"  - {id: T4, name: 丁, unit: 东坝村, background: 物业, rounds: []}\n" +
		"  - {id: T5, name: 戊, unit: 东坝村, background: 物业}\n" +
		"  - id: T6\n    name: 己\n    unit: 东坝村\n    background: 物业\n    可参加轮次:\n      - １\n      - 下午\n"
	r, diags := Parse("r.yaml", []byte(data), testScenario(t), Options{})
	require.Empty(t, diags)
	got := map[string][]string{}
	for _, tr := range r.Trainees {
		got[tr.ID] = tr.Rounds
	}
	assert.Equal(t, map[string][]string{
		"T1": {"1", "2"}, "T2": {"上午", "下午"}, "T3": {"3"}, "T4": nil, "T5": nil, "T6": {"1", "下午"},
	}, got)
	assert.Equal(t, scenario.Pos{File: "r.yaml", Line: 3, Col: 59}, r.Trainees[0].RoundsPos)
	assert.Equal(t, scenario.Pos{File: "r.yaml", Line: 4, Col: 59}, r.Trainees[1].RoundsPos)
	assert.Equal(t, scenario.Pos{File: "r.yaml", Line: 13, Col: 7}, r.Trainees[5].RoundsPos)
	assert.Equal(t, "可参加轮次", r.Trainees[5].RoundsAt.String())
	assert.Empty(t, r.Trainees[0].Attrs)
}

// TestAvailabilityBad: a round too long, too many rounds, and a YAML item
// that is not a round are errors at the cell, every one at once, with the
// trainee named.
func TestAvailabilityBad(t *testing.T) {
	long := strings.Repeat("上午", 17)
	many := strings.Repeat("1,", 20) + "2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21"
	data := "id,name,unit,background,rounds\n" +
		"1,甲,石庄社区,社工," + long + "\n" +
		"2,乙,石庄社区,社工,\"" + many + "\"\n" +
		"3,丙,东坝村,物业,1\n"
	r, diags := Parse("r.csv", []byte(data), testScenario(t), Options{})
	require.NotNil(t, r)
	assert.Equal(t, []string{
		`r.csv:2:13: row 2, column E (rounds), trainee 甲: availability "` + long + `" is longer than 32 characters; write the rounds the trainee attends, such as 1,2 or 上午`,
		`r.csv:3:13: row 3, column E (rounds), trainee 乙: the availability lists 21 rounds, more than the 20 a day can have; write the rounds the trainee attends, such as 1,2 or 上午`,
	}, errorLines(diags))
	assert.Nil(t, r.Trainees[0].Rounds)
	assert.Nil(t, r.Trainees[1].Rounds)
	assert.Equal(t, []string{"1"}, r.Trainees[2].Rounds)

	exact := strings.Repeat("a", MaxRoundTokenLength)
	r, diags = Parse("r.csv", []byte("id,name,unit,background,rounds\n1,甲,石庄社区,社工,"+exact+"\n"), testScenario(t), Options{})
	require.Empty(t, diags, "32 characters is still a round's name")
	assert.Equal(t, []string{exact}, r.Trainees[0].Rounds)

	_, diags = Parse("r.yaml", []byte("version: 1\ntrainees:\n  - {id: T1, name: 甲, unit: 石庄社区, background: 社工, rounds: [1, {a: b}]}\n  - {id: T2, name: 乙, unit: 石庄社区, background: 社工, rounds: {a: b}}\n"), testScenario(t), Options{})
	assert.Equal(t, []string{
		"r.yaml:3:63: rounds: expected a round, got a mapping",
		"r.yaml:4:59: rounds: expected text, got a mapping",
	}, errorLines(diags))
}

func errorLines(diags scenario.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}
