package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/review"
	"github.com/yishi-council/yishi/roles/plan"
)

// notEnglish are the Latin words a Chinese line may hold: formats and
// encodings, the program's name, command and flag names, the
// placeholders of usage lines, and pflag's names of flag types.
var notEnglish = map[string]bool{
	"CSV": true, "XLSX": true, "YAML": true, "HTML": true, "JSON": true, "Excel": true, "WPS": true,
	"UTF": true, "BOM": true, "Schema": true, "GB18030": true, "yishi": true, "shell": true, "schema": true,
	"csv": true, "xlsx": true, "yaml": true, "html": true, "json": true, "md": true, "txt": true, "text": true,
	"zh": true, "en": true, "a4": true, "a5": true, "A4": true, "A5": true,
	// commands, placeholders and flag types of help texts
	"amend": true, "assign": true, "cards": true, "completion": true, "demo": true, "help": true, "new": true, "review": true,
	"scenarios": true, "scenario": true, "list": true, "show": true, "export": true, "history": true, "add": true, "validate": true, "version": true,
	"scoresheets": true, "serve": true, "command": true, "flags": true, "ID": true, "FILE": true, "DIR": true, "NAME": true, "PLAN": true, "strings": true, "none": true,
	"string": true, "int": true, "uint": true, "duration": true, "ints": true, "stringArray": true, "bool": true,
	"LANG": true, "id": true, "name": true, "unit": true, "background": true, "avoid": true, "together": true,
	"prefers": true, "Windows": true,
}

var (
	quoted   = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'[^']*'")
	latin    = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)
	codeLike = regexp.MustCompile(`[!-~]*[A-Za-z][!-~]*`)
)

// englishWords returns the English words of a line meant to be Chinese:
// what is left once quoted text, commands, paths, file names, flags, ids
// and the words of [notEnglish] are taken out.
func englishWords(line string, ids map[string]bool) []string {
	if strings.HasPrefix(strings.TrimSpace(line), "$ ") {
		return nil // a command, as typed
	}
	line = quoted.ReplaceAllString(line, " ")
	var words []string
	for _, tok := range codeLike.FindAllString(line, -1) {
		// A token with a path, a file name, a flag, an id or a number
		// in it is data: plan.yaml, --out, T01, cards/round-1.
		if strings.ContainsAny(tok, "/\\._-=|[]<>@~:$*0123456789") {
			continue
		}
		for _, w := range latin.FindAllString(tok, -1) {
			// A single capital is a placeholder: "多样性 X，上限 Y".
			if !notEnglish[w] && !ids[w] && len(w) > 1 {
				words = append(words, w)
			}
		}
	}
	return words
}

func TestEnglishWords(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"已写出 plan.yaml", nil},
		{"已读取 /tmp/x/sample-roster.csv（utf-8，30 名学员）", nil},
		{"  $ yishi assign --scenario a --out b", nil},
		{"提示：第 1 轮第 1 组：田甜（T28）preferred recorder", []string{"preferred", "recorder"}},
		{"提示：第 1 轮第 1 组：田甜（T28）希望担任 host，但", nil},
		{"已写出 /tmp/TestChineseDay/001/zh/sheets/scoresheet-王老师.csv", nil},
		{"（权限不足、--out 指向文件）", nil},
		{"yishi validate 需要one or more files", []string{"one", "or", "more", "files"}},
		{"yishi：未知命令 \"frobnicate\"", nil},
		{"wrote plan.yaml", []string{"wrote"}},
		{"警告：round 1 group 1：这一行是空的", []string{"round", "group"}},
		{"  -o, --output string   终端输出的格式：text 或 json（默认 \"text\"）", nil},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, englishWords(tt.line, map[string]bool{"host": true}), tt.line)
	}
}

// dayRun runs one command of the day with the environment env and
// returns what it printed on stdout and stderr, and its exit code.
func dayRun(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	f, stdout, stderr := testFactory(nil)
	f.Now = time.Now
	f.Getenv = func(k string) string { return env[k] }
	code := execute(f, args)
	return stdout.String(), stderr.String(), code
}

// TestChineseDay runs the whole day on the bundled Chinese scenario and
// the sample roster with LANG=zh_CN.UTF-8, and checks that every line the
// CLI prints is Chinese but for ids, file names, paths, numbers and
// quoted data; then with --lang en, that the same lines are English.
func TestChineseDay(t *testing.T) {
	dir := t.TempDir()
	roster, err := filepath.Abs("../../scenarios/rosters/sample-roster.csv")
	require.NoError(t, err)
	in := func(p string) string { return filepath.Join(dir, p) }
	walkIns, err := filepath.Abs("../../scenarios/rosters/sample-walk-ins.csv")
	require.NoError(t, err)

	// The reviewers' scores, made up as the demo makes them, written as
	// Excel would give them back.
	fillSheets := func(planFile, out string) {
		p, s, diags := plan.Load(planFile)
		require.NoError(t, diags.Err())
		sheets := review.DemoScoresheets(p, s, []string{"王老师", "李老师"}, 1)
		files, err := review.ScoresheetFiles(p, s, sheets, review.FormatCSV)
		require.NoError(t, err)
		var of []output.File
		for _, f := range files {
			of = append(of, output.File{Path: filepath.Join(out, f.Path), Data: f.Data})
		}
		require.NoError(t, output.New(output.OS, time.Now).Files(of, true))
	}

	type step struct {
		args []string
		code int
	}
	day := func(lang []string, sub string) []step {
		d := func(p string) string { return in(filepath.Join(sub, p)) }
		steps := []step{
			{[]string{"assign", "--scenario", "shared-parking-charging", "--roster", roster, "--rounds", "3", "--start", "9:00", "--break", "15m", "--tables", "A1,A2,A3,A4,A5", "--out", d("plan.yaml")}, 0},
			{[]string{"cards", d("plan.yaml"), "--out", d("cards")}, 0},
			{[]string{"amend", d("plan.yaml"), "--absent", "T01,T02", "--add", walkIns, "--out", d("plan-2.yaml")}, 0},
			{[]string{"cards", d("plan-2.yaml"), "--changed-since", d("plan.yaml"), "--out", d("cards"), "--force"}, 0},
			{[]string{"amend", d("plan.yaml"), "--absent", "T99", "--from-round", "4", "--out", d("bad.yaml")}, 1},
			{[]string{"amend", d("plan.yaml"), "--swap", "T01", "--out", d("bad.yaml")}, 2},
			{[]string{"amend", "--help"}, 0},
			{[]string{"scoresheets", d("plan.yaml"), "--reviewer", "王老师", "--reviewer", "李老师", "--format", "csv", "--out", d("sheets")}, 0},
			{[]string{"review", d("plan.yaml"), "FILLED", "--out", d("report.html")}, 0},
			{[]string{"demo", "--scenario", "shared-parking-charging", "--out", d("demo")}, 0},
			{[]string{"--help"}, 0},
			{[]string{"assign", "--help"}, 0},
			{[]string{"cards", d("missing-plan.yaml"), "--out", d("c2")}, 1},
			{[]string{"cards", d("plan.yaml"), "--out", d("cards")}, 1},
			{[]string{"assign", "--scenario", "shared-parking-charging"}, 2},
			{[]string{"frobnicate"}, 2},
			{[]string{"assign", "--rounds", "x", "--scenario", "a", "--roster", "b"}, 2},
			{[]string{"validate"}, 2},
		}
		for i := range steps {
			steps[i].args = append(append([]string{}, lang...), steps[i].args...)
		}
		return steps
	}
	run := func(env map[string]string, lang []string, sub string) (lines []string) {
		require.NoError(t, os.MkdirAll(in(sub), 0o755))
		for _, st := range day(lang, sub) {
			args := st.args
			if len(args) >= 3 && args[len(args)-3] == "FILLED" {
				fillSheets(in(filepath.Join(sub, "plan.yaml")), in(filepath.Join(sub, "filled")))
				matches, err := filepath.Glob(in(filepath.Join(sub, "filled", "*.csv")))
				require.NoError(t, err)
				require.NotEmpty(t, matches)
				args = append(append(append([]string{}, args[:len(args)-3]...), matches...), args[len(args)-2:]...)
			}
			stdout, stderr, code := dayRun(t, env, args...)
			require.Equal(t, st.code, code, "yishi %s\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), stdout, stderr)
			for _, l := range strings.Split(stdout+stderr, "\n") {
				if strings.TrimSpace(l) != "" {
					lines = append(lines, l)
				}
			}
		}
		return lines
	}

	// The demo shows the scenario, whose text is the scenario's, in its
	// language: those lines are left out of both checks.
	content := map[string]bool{}
	summary, _, code := dayRun(t, nil, "scenarios", "show", "shared-parking-charging")
	require.Equal(t, 0, code)
	for _, l := range strings.Split(summary, "\n") {
		content[l] = true
	}
	dropContent := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if !content[l] {
				out = append(out, l)
			}
		}
		return out
	}

	zh := dropContent(run(map[string]string{"LANG": "zh_CN.UTF-8"}, nil, "zh"))
	require.Greater(t, len(zh), 50)
	// The role ids of the scenario are ids: notes name them.
	ids := map[string]bool{}
	s, err := loadScenario(newStreams(nil, &strings.Builder{}, &strings.Builder{}), "shared-parking-charging")
	require.NoError(t, err)
	for _, r := range s.Roles {
		ids[r.ID] = true
	}
	var bad []string
	for _, l := range zh {
		if w := englishWords(l, ids); len(w) > 0 {
			bad = append(bad, strings.Join(w, " ")+"\t← "+l)
		}
	}
	if len(bad) > 0 {
		t.Errorf("%d lines printed with LANG=zh_CN.UTF-8 hold English words:\n%s", len(bad), strings.Join(bad, "\n"))
	}
	joined := strings.Join(zh, "\n")
	for _, want := range []string{"已写出", "第 1 轮", "用法：", "第 3 步 — 角色卡和培训师总表", "$ yishi cards ", "全局选项：", "文件或文件夹不存在", "未知命令", "运行 'yishi --help' 查看用法。", "已存在"} {
		require.Contains(t, joined, want)
	}

	en := dropContent(run(map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"--lang", "en"}, "en"))
	plain := dropContent(run(nil, nil, "plain"))
	// --lang en over a Chinese locale prints what English prints.
	strip := func(lines []string, sub string) string {
		return strings.ReplaceAll(strings.Join(lines, "\n"), in(sub), "DIR")
	}
	require.Equal(t, strip(plain, "plain"), strip(en, "en"))
	for _, l := range en {
		if strings.ContainsAny(l, "：，；") || strings.Contains(l, "已写出") {
			t.Errorf("a line printed with --lang en is Chinese: %s", l)
		}
	}
	enJoined := strings.Join(en, "\n")
	for _, want := range []string{"wrote ", "round 1", "Usage:", "Global Flags:", "no such file or directory", "unknown command", "Run 'yishi --help' for usage."} {
		require.Contains(t, enJoined, want)
	}
}
