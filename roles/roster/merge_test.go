package roster

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
)

func mustParse(t *testing.T, name, data string) *Roster {
	t.Helper()
	r, diags := Parse(name, []byte(data), testScenario(t), Options{})
	require.NoError(t, diags.Err())
	return r
}

// TestMerge: the plan's roster and walk-ins together, sorted by id, with
// the columns of both and each trainee's values as read.
func TestMerge(t *testing.T) {
	base := mustParse(t, "roster.csv", "编号,姓名,社区,背景,年龄\nT3,丙,东坝村,物业,41\nT1,甲,石庄社区,社工,35\n")
	walk := mustParse(t, "walkins.yaml", "version: 1\ntrainees:\n  - {id: T2, name: 乙, unit: 石庄社区, background: 社工, age: 29, rounds: [2], 性别: 女}\n")
	got, err := Merge(base, walk)
	require.NoError(t, err)
	assert.Equal(t, []string{"T1", "T2", "T3"}, got.Values("id"))
	assert.Equal(t, []string{"id", "name", "unit", "background", "age", "rounds", "gender"}, got.Columns)
	assert.Equal(t, []string{"35", "29", "41"}, got.Values("age"))
	assert.Equal(t, []string{"", "女", ""}, got.Values("gender"))
	assert.Equal(t, map[string]bool{"age": true}, got.Numeric)
	assert.Equal(t, []string{"2"}, got.Trainees[1].Rounds)
	assert.Equal(t, "walkins.yaml", got.Trainees[1].Pos.File, "a walk-in keeps the place it was read from")
	i, ok := got.Index("T2")
	assert.True(t, ok)
	assert.Equal(t, 1, i)
	assert.Equal(t, base.File, got.File)
	assert.Equal(t, base.SHA256, got.SHA256)
	assert.Equal(t, []string{"T3", "T1"}, base.Values("id"), "the rosters merged are left as they were")
	assert.Len(t, walk.Trainees, 1)

	alone, err := Merge(base)
	require.NoError(t, err)
	assert.Equal(t, []string{"T1", "T3"}, alone.Values("id"))
}

// TestMergeClashes: an id in two rosters is an error at the later one,
// naming both files and rows, every clash at once.
func TestMergeClashes(t *testing.T) {
	base := mustParse(t, "roster.csv", "id,name,unit,background\nT1,甲,石庄社区,社工\nT2,乙,石庄社区,社工\n")
	a := mustParse(t, "walkins.csv", "id,name,unit,background\nT9,壬,东坝村,物业\nT2,癸,东坝村,物业\n")
	b := mustParse(t, "more.yaml", "version: 1\ntrainees:\n  - {id: T1, name: 子, unit: 东坝村, background: 物业}\n  - {id: T9, name: 丑, unit: 东坝村, background: 物业}\n")
	got, err := Merge(base, a, b)
	assert.Nil(t, got)
	var diags scenario.Diagnostics
	require.True(t, errors.As(err, &diags), "the error is every problem: %v", err)
	assert.Equal(t, []string{
		`more.yaml:3: line 3: id "T1" is already used in roster.csv, row 2 (甲); every trainee needs an id of their own`,
		`more.yaml:4: line 4: id "T9" is already used in walkins.csv, row 2 (壬); every trainee needs an id of their own`,
		`walkins.csv:3: row 3: id "T2" is already used in roster.csv, row 3 (乙); every trainee needs an id of their own`,
	}, errorLines(diags))
}

// TestMergeNumericClash: a column of numbers in the roster that a walk-in
// fills with words is an error at the walk-in, since it would change how
// every group is mixed.
func TestMergeNumericClash(t *testing.T) {
	base := mustParse(t, "roster.csv", "id,name,unit,background,age\nT1,甲,石庄社区,社工,35\nT2,乙,石庄社区,社工,40\n")
	walk := mustParse(t, "walkins.csv", "id,name,unit,background,age\nT3,丙,东坝村,物业,三十\n")
	_, err := Merge(base, walk)
	require.Error(t, err)
	assert.Equal(t, `walkins.csv:2: row 2: column age holds numbers in roster.csv but "三十" here; write a number, or leave it empty`, err.Error())

	blank := mustParse(t, "walkins.csv", "id,name,unit,background,age\nT3,丙,东坝村,物业,\n")
	got, err := Merge(base, blank)
	require.NoError(t, err, "an empty cell is no clash")
	assert.True(t, got.Numeric["age"])
}

func TestMergeWithoutBase(t *testing.T) {
	_, err := Merge(nil)
	assert.ErrorIs(t, err, scenario.ErrInvalid)
}
