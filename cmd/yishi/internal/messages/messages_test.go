package messages

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/yishi-council/yishi/scenario"
)

func TestFromLocale(t *testing.T) {
	for loc, want := range map[string]Language{
		"zh": Chinese, "zh_CN.UTF-8": Chinese, "zh_TW": Chinese, "zh-Hans": Chinese, "ZH_cn": Chinese, "zh_CN.GB18030": Chinese,
		"C": English, "POSIX": English, "en_US.UTF-8": English, "": English, "zhx": English, "ja_JP": English,
	} {
		assert.Equal(t, want, FromLocale(loc), loc)
	}
}

func TestLangArg(t *testing.T) {
	tests := []struct {
		args []string
		want string
		ok   bool
	}{
		{nil, "", false},
		{[]string{"--lang", "zh"}, "zh", true},
		{[]string{"assign", "--lang=en", "-s", "x"}, "en", true},
		{[]string{"--lang"}, "", false},
		{[]string{"--", "--lang", "zh"}, "", false},
		{[]string{"--language", "zh"}, "", false},
	}
	for _, tt := range tests {
		got, ok := LangArg(tt.args)
		assert.Equal(t, tt.want, got, "%v", tt.args)
		assert.Equal(t, tt.ok, ok, "%v", tt.args)
	}
}

// English is fmt as it is; Chinese looks the format up, arguments that
// are messages in the same language, and numbers are never grouped.
func TestSprintf(t *testing.T) {
	en, zh := For(English), For(Chinese)
	where := scenario.Msg("row %d, column %s (%s)", 3, "G", "节奏把控")
	assert.Equal(t, "row 3, column G (节奏把控)", en.Message(where))
	assert.Equal(t, "第 3 行 G 列（节奏把控）", zh.Message(where))
	assert.Equal(t, "已读取 r.csv（utf-8，12345 名学员）\n",
		zh.Sprintf("read %s (%s, %s)\n", "r.csv", "utf-8", scenario.Plural(12345, "%d trainee", "%d trainees")))
	assert.Equal(t, "read r.csv (utf-8, 1 trainee)\n",
		en.Sprintf("read %s (%s, %s)\n", "r.csv", "utf-8", scenario.Plural(1, "%d trainee", "%d trainees")))
	// Layout around a format is the caller's; no space after a full-width colon.
	assert.Equal(t, "\n已写出 plan.yaml\n", zh.Sprintf("\nwrote %s\n", "plan.yaml"))
	assert.Equal(t, "警告：", zh.Sprintf("warning: "))
	// A format with no entry is printed as it is, in both.
	assert.Equal(t, "no entry 7", zh.Sprintf("no entry %d", 7))
	// Indexed verbs reorder.
	assert.Equal(t, "（5 个组时至少有 2 次无法避免）", zh.Sprintf(" (at least %d unavoidable with %d groups)", 2, 5))
}

func TestErrorf(t *testing.T) {
	err := Errorf("%w: no scores in %s", scenario.ErrInvalid, "a.csv")
	assert.True(t, errors.Is(err, scenario.ErrInvalid))
	assert.Equal(t, "invalid input: no scores in a.csv", err.Error())
	assert.Equal(t, "invalid input: no scores in a.csv", For(English).Error(err))
	assert.Equal(t, "输入有误：a.csv 中没有评分", For(Chinese).Error(err))
}

// The common errors of the file system keep their path and say the rest
// in Chinese.
func TestSystemErrors(t *testing.T) {
	zh := For(Chinese)
	_, err := os.Open("/nonexistent/plan.yaml")
	assert.Equal(t, "打开 /nonexistent/plan.yaml 失败：文件或文件夹不存在", zh.Error(err))
	assert.Equal(t, "open /nonexistent/plan.yaml: no such file or directory", For(English).Error(err))
	for errno, want := range map[syscall.Errno]string{
		syscall.EACCES: "没有权限", syscall.EISDIR: "这是一个文件夹", syscall.ENOSPC: "磁盘空间已满", syscall.EEXIST: "文件已存在",
	} {
		pe := &fs.PathError{Op: "write", Path: "out/x.html", Err: errno}
		assert.Equal(t, "写入 out/x.html 失败："+want, zh.Error(pe))
	}
	// Inside another error's text, as package output words it.
	assert.Equal(t, "无法写入 out/x.html：没有权限", zh.Error(fmt.Errorf("cannot write %s: %s", "out/x.html", "permission denied")))
}

// Text another package formatted in English is read back into Chinese,
// the most specific format first, with its words translated too.
func TestFromEnglish(t *testing.T) {
	zh := For(Chinese)
	assert.Equal(t, "希望担任议事会主持人，但这个角色给了刘建国（T02）", zh.FromEnglish("preferred 议事会主持人, which went to 刘建国 (T02)"))
	assert.Equal(t, "第 2 轮第 1 组：只有 1 名成员还没当过主持人或记录员；有人要第二次担任",
		zh.FromEnglish("round 2, group 1: only 1 member(s) who have not yet hosted or recorded; someone leads a second time"))
	assert.Equal(t, "an unknown text", zh.FromEnglish("an unknown text"))
	assert.Equal(t, "preferred host, which went to 刘建国 (T02)", For(English).FromEnglish("preferred host, which went to 刘建国 (T02)"))
}

func TestSameVerbs(t *testing.T) {
	assert.Empty(t, SameVerbs("%d of %s", "%[2]s 的 %[1]d"))
	assert.Empty(t, SameVerbs("%w: x %v", "%v：x %w"))
	assert.NotEmpty(t, SameVerbs("%d of %s", "%s 的 %d"))
	assert.NotEmpty(t, SameVerbs("%d files", "%s 个文件"))
	assert.NotEmpty(t, SameVerbs("%d files", "文件"))
	assert.NotEmpty(t, SameVerbs("files", "%d 个文件"))
}

func TestHasWords(t *testing.T) {
	assert.False(t, HasWords("%s: %w"))
	assert.False(t, HasWords("%[2]d — %s\n"))
	assert.True(t, HasWords("wrote %s"))
}

func TestFromEnglishPieces(t *testing.T) {
	zh := For(Chinese)
	assert.Equal(t, `第 1 轮：5 个组，但背景类别为 "社区两委/社区干部" 的学员只有 4 名：第 4 组没有`,
		zh.FromEnglish(`round 1: 5 groups but only 4 trainees with background "社区两委/社区干部": group 4 has none`))
	assert.Equal(t, `第 2 轮：5 个组，但背景类别为 "x" 的学员只有 3 名：第 1, 2 和 4 组没有`,
		zh.FromEnglish(`round 2: 5 groups but only 3 trainees with background "x": groups 1, 2 and 4 have none`))
}

// Problems joined with "; " or new lines, after a "head: ", are read back
// one by one.
func TestFromEnglishJoined(t *testing.T) {
	zh := For(Chinese)
	err := fmt.Errorf("%w: %s; %s", scenario.ErrInvalid, "30 trainees in 10 groups gives groups of 3, below the scenario's minimum of 5", "ask for 4 to 6 groups")
	assert.Equal(t, "输入有误：30 名学员分成 10 个组，每组 3 人，少于情景规定的每组最少 5 人；请分成 4 到 6 个组", zh.Error(err))
	assert.Equal(t, err.Error(), For(English).Error(err))
}

// A diagnostic joined from English texts ("%s: %s") has its texts read
// back; one with words in its format is printed from it.
func TestDiagnosticJoined(t *testing.T) {
	zh := For(Chinese)
	var diags scenario.Diagnostics
	diags.Errorf(scenario.Pos{File: "r.csv", Line: 3}, "%s: %s", "row 3, column C (unit)", "missing unit (the trainee's community or village)")
	diags.Errorf(scenario.Pos{File: "r.csv", Line: 4}, "%s: %s", "a name", "some data")
	assert.Equal(t, "第 3 行 C 列（unit）: 缺少社区（学员所在的社区或村）", zh.Diagnostic(diags[0]))
	assert.Equal(t, "a name: some data", zh.Diagnostic(diags[1]))
	assert.Equal(t, "row 3, column C (unit): missing unit (the trainee's community or village)", For(English).Diagnostic(diags[0]))
}
