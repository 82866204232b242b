package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/scenarios"
)

// The language is --lang, else the first non-empty of LC_ALL,
// LC_MESSAGES and LANG, else English.
func TestChooseLanguage(t *testing.T) {
	const zh, en = messages.Chinese, messages.English
	tests := []struct {
		name                    string
		args                    []string
		lcAll, lcMessages, lang string
		want                    messages.Language
		bad                     bool
	}{
		{name: "nothing set", want: en},
		{name: "LANG zh_CN.UTF-8", lang: "zh_CN.UTF-8", want: zh},
		{name: "LANG zh", lang: "zh", want: zh},
		{name: "LANG zh_TW", lang: "zh_TW", want: zh},
		{name: "LANG zh-Hans", lang: "zh-Hans", want: zh},
		{name: "LANG C", lang: "C", want: en},
		{name: "LANG POSIX", lang: "POSIX", want: en},
		{name: "LANG en_US.UTF-8", lang: "en_US.UTF-8", want: en},
		{name: "LANG fr_FR", lang: "fr_FR.UTF-8", want: en},
		{name: "LANG zhx is not Chinese", lang: "zhx", want: en},
		{name: "LC_MESSAGES over LANG", lcMessages: "zh_CN.UTF-8", lang: "en_US.UTF-8", want: zh},
		{name: "LC_MESSAGES C over LANG zh", lcMessages: "C", lang: "zh_CN.UTF-8", want: en},
		{name: "LC_ALL over both", lcAll: "zh_CN.UTF-8", lcMessages: "C", lang: "C", want: zh},
		{name: "LC_ALL C over both", lcAll: "C", lcMessages: "zh_CN", lang: "zh_CN", want: en},
		{name: "empty LC_ALL is skipped", lcAll: "", lcMessages: "", lang: "zh_CN.GB18030", want: zh},
		{name: "--lang zh over the locale", args: []string{"--lang", "zh", "version"}, lcAll: "C", want: zh},
		{name: "--lang=en over the locale", args: []string{"version", "--lang=en"}, lcAll: "zh_CN.UTF-8", want: en},
		{name: "--lang ZH in capitals", args: []string{"--lang", "ZH"}, want: zh},
		{name: "the last --lang counts", args: []string{"--lang", "zh", "--lang", "en"}, lang: "zh_CN", want: en},
		{name: "--lang after -- is an argument", args: []string{"validate", "--", "--lang", "zh"}, want: en},
		{name: "--lang fr is misuse", args: []string{"--lang", "fr"}, lang: "zh_CN.UTF-8", want: zh, bad: true},
		{name: "--lang= empty is misuse", args: []string{"--lang="}, want: en, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"LC_ALL": tt.lcAll, "LC_MESSAGES": tt.lcMessages, "LANG": tt.lang}
			got, _, bad := chooseLanguage(tt.args, func(k string) string { return env[k] })
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.bad, bad)
		})
	}
}

// A --lang that is neither zh nor en is misuse, said in both languages
// since the reader's is not known.
func TestBadLang(t *testing.T) {
	f, stdout, stderr := testFactory(nil)
	code := execute(f, []string{"--lang", "fr", "version"})
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), `yishi: --lang must be zh or en, not "fr"`)
	assert.Contains(t, stderr.String(), `yishi：--lang 必须是 zh 或 en，而不是 "fr"`)
}

// The language reaches help texts, cobra's headings, usage errors and
// diagnostics; JSON stays English.
func TestLanguageReachesEverything(t *testing.T) {
	zhEnv := map[string]string{"LANG": "zh_CN.UTF-8"}
	out, _, code := dayRun(t, zhEnv, "scenarios", "show", "--help")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "显示内置情景（按编号）或情景文件的摘要")
	assert.Contains(t, out, "用法：")
	assert.Contains(t, out, "show 的帮助")
	assert.Contains(t, out, "包括每个角色的保密说明和底线，以及培训师备注（仅限培训师）")

	_, errOut, code := dayRun(t, zhEnv, "scenarios", "list", "--nope")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "未知选项：--nope")

	_, errOut, code = dayRun(t, zhEnv, "schema", "nonsense")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `没有 "nonsense" 的 schema`)

	_, errOut, code = dayRun(t, zhEnv, "--output", "xml", "version")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `--output 必须是 text 或 json，而不是 "xml"`)

	out, _, code = dayRun(t, zhEnv, "scenarios", "list")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "编号"), out)

	out, _, code = dayRun(t, zhEnv, "scenarios", "list", "--output", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"id": "elevator-retrofit"`)
	assert.NotContains(t, out, "编号")
}

// A scenario's problems are printed in Chinese, words inside them too.
func TestDiagnosticsInChinese(t *testing.T) {
	bad := t.TempDir() + "/bad.yaml"
	require.NoError(t, os.WriteFile(bad, []byte("version: 1\nid: x\ntitle: t\nlanguage: zh\nduration: abc\nroles: 5\n"), 0o644))
	zhEnv := map[string]string{"LANG": "zh_CN.UTF-8"}
	out, errOut, code := dayRun(t, zhEnv, "validate", bad)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errOut, bad+":1:1: issue.background：缺少议题背景")
	assert.Contains(t, errOut, bad+":6:8: roles：应为列表，实际是\"5\"")
	assert.Contains(t, errOut, bad+":5:11: duration：应为时长，例如 60m 或 1h30m，实际是 \"abc\"")
	assert.Contains(t, errOut, "警告：issue.public_facts：没有公开事实")
	assert.Contains(t, out, bad+": 情景无效（")

	_, errOut, _ = dayRun(t, nil, "validate", bad)
	assert.Contains(t, errOut, bad+":1:1: issue.background: missing background of the issue")
	assert.Contains(t, errOut, bad+":6:8: roles: expected a list, got \"5\"")
	assert.Contains(t, errOut, "warning: issue.public_facts: no public facts")
}

// The demo runs a Chinese scenario for a reader of Chinese, so that its
// cards and report are Chinese like its messages; --scenario still rules.
func TestDemoScenarioFollowsTheLanguage(t *testing.T) {
	zh := map[string]string{"LANG": "zh_CN.UTF-8"}
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"demo"}, scenarios.DefaultScenario},
		{zh, []string{"demo"}, scenarios.DefaultChineseScenario},
		{nil, []string{"--lang", "zh", "demo"}, scenarios.DefaultChineseScenario},
		{zh, []string{"demo", "--scenario", "elevator-retrofit"}, "elevator-retrofit"},
	} {
		args := append(append([]string{}, tt.args...), "--out", filepath.Join(t.TempDir(), "d"))
		stdout, stderr, code := dayRun(t, tt.env, args...)
		require.Equal(t, 0, code, "%v\n%s%s", args, stdout, stderr)
		assert.Contains(t, stdout+stderr, "yishi scenarios show "+tt.want, "%v", args)
	}
}

// A new scenario's template is in the reader's language unless
// --language names the other.
func TestNewScenarioFollowsTheLanguage(t *testing.T) {
	zh := map[string]string{"LANG": "zh_CN.UTF-8"}
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, "language: en"},
		{zh, nil, "language: zh"},
		{zh, []string{"--language", "en"}, "language: en"},
	} {
		dir := t.TempDir()
		args := append([]string{"new", "scenario", "garden-plots", "--dir", dir}, tt.args...)
		stdout, stderr, code := dayRun(t, tt.env, args...)
		require.Equal(t, 0, code, "%v\n%s%s", args, stdout, stderr)
		data, err := os.ReadFile(filepath.Join(dir, "garden-plots.yaml"))
		require.NoError(t, err)
		assert.Contains(t, string(data), tt.want, "%v", args)
	}
}
