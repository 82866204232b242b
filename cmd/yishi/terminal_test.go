package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenarios"
)

func TestTerminalSafe(t *testing.T) {
	tests := []struct{ in, want, line string }{
		{in: "王淑芬 and Li", want: "王淑芬 and Li"},
		{in: "title\x1b]0;pwned\x07", want: `title\x1b]0;pwned\x07`},
		{in: "\x1b[31mred\x1b[0m", want: `\x1b[31mred\x1b[0m`},
		{in: "8-bit CSI \u009b2J", want: `8-bit CSI \u009b2J`},
		{in: "ok\rFAIL", want: `ok\x0dFAIL`},
		{in: "DEL\x7f", want: `DEL\x7f`},
		{in: "not UTF-8 \xff", want: `not UTF-8 \xff`},
		{in: "abc\u202edcba", want: `abc\u202edcba`},
		{in: "two\nlines\tand a tab", want: "two\nlines\tand a tab", line: `two\x0alines\x09and a tab`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, terminalSafe(tt.in), "%q", tt.in)
		line := tt.line
		if line == "" {
			line = tt.want
		}
		assert.Equal(t, line, terminalSafeLine(tt.in), "%q", tt.in)
	}
}

// evil is a title that would retitle the terminal window, turn the text
// red and reverse it, were it printed raw.
const evil = "Evil \x1b]0;pwned\x07 \x1b[31mred\x1b[0m \u202eabc"

// escapes matches control bytes on their way to a terminal.
var escapes = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f]|\u009b|\u202e")

// Every string a user wrote (a scenario's title, a trainee's or reviewer's
// name, a file name) reaches the terminal shown safely, in tables,
// summaries, diagnostics and warnings; JSON stays exact JSON.
func TestUserTextIsShownSafely(t *testing.T) {
	dir := t.TempDir()
	data, _, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	yaml := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllLiteralString(string(data), `title: "Evil \e]0;pwned\a \e[31mred\e[0m \u202Eabc"`)
	scenarioFile := filepath.Join(dir, "evil\x1b[2J.yaml")
	require.NoError(t, os.WriteFile(scenarioFile, []byte(yaml), 0o644))
	roster := filepath.Join(dir, "roster.csv")
	require.NoError(t, os.WriteFile(roster, []byte(strings.Replace(testRoster, "王淑芬", "王\u202e淑芬", 1)), 0o644))

	tests := []struct {
		name     string
		argv     []string
		terminal bool
		stdout   []string
		stderr   []string
	}{
		{name: "scenario summary", argv: []string{"scenarios", "show", scenarioFile},
			stdout: []string{`Evil \x1b]0;pwned\x07 \x1b[31mred\x1b[0m \u202eabc`}},
		{name: "validate names the file", argv: []string{"validate", scenarioFile},
			stdout: []string{`evil\x1b[2J.yaml: ok scenario`}},
		{name: "plan summary and its table", argv: []string{"assign", "--scenario", scenarioFile, "--roster", roster, "--groups", "2", "--dry-run"},
			stdout: []string{`Evil \x1b]0;pwned\x07`, `王\u202e淑芬`}},
		{name: "diagnostics", argv: []string{"assign", "--scenario", "elevator-retrofit", "--roster", filepath.Join(dir, "nope\x1b]0;x\x07.csv"), "--dry-run"},
			stderr: []string{`nope\x1b]0;x\x07.csv: no such file`}},
		{name: "error about a flag", argv: []string{"scenarios", "list", "--\x1b[2J"},
			stderr: []string{`unknown flag: --\x1b[2J`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, stdout, stderr := testFactory(nil)
			f.IO.TerminalOut = tt.terminal
			execute(f, tt.argv)
			assert.False(t, escapes.MatchString(stdout.String()), "raw control characters on stdout: %q", stdout)
			assert.False(t, escapes.MatchString(stderr.String()), "raw control characters on stderr: %q", stderr)
			for _, want := range tt.stdout {
				assert.Contains(t, stdout.String(), want)
			}
			for _, want := range tt.stderr {
				assert.Contains(t, stderr.String(), want)
			}
		})
	}

	t.Run("JSON is exact", func(t *testing.T) {
		f, stdout, _ := testFactory(nil)
		require.Equal(t, exitOK, execute(f, []string{"scenarios", "show", scenarioFile, "-o", "json"}))
		var got struct{ Title string }
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &got))
		assert.Equal(t, evil, got.Title)
	})
}

// A reviewer's name in a report shown on a terminal is shown safely; the
// same report piped to a file is the report, byte for byte.
func TestReportOnATerminal(t *testing.T) {
	dir := t.TempDir()
	plan, err := os.ReadFile("../../review/testdata/plan.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "plan.yaml"), plan, 0o644))
	sheets, err := filepath.Glob("../../review/testdata/report/sheets/*.csv")
	require.NoError(t, err)
	require.NotEmpty(t, sheets)
	sheet, err := os.ReadFile(sheets[0])
	require.NoError(t, err)
	name := regexp.MustCompile(`(?m)^([^,\n#]+),\d+,\d+,`).FindSubmatch(sheet)
	require.NotNil(t, name, "a reviewer's row in %s", sheets[0])
	evilSheet := filepath.Join(dir, "sheet.csv")
	require.NoError(t, os.WriteFile(evilSheet, bytes.ReplaceAll(sheet, name[1], []byte("Li\x1b]0;pwned\x07")), 0o644))

	argv := []string{"review", filepath.Join(dir, "plan.yaml"), evilSheet, "--format", "md", "--allow-no-plan-id"}
	f, piped, stderr := testFactory(nil)
	require.Equal(t, exitOK, execute(f, argv), stderr.String())
	require.Contains(t, piped.String(), "Li\x1b\\]0;pwned\x07", "piped, the report is the data (Markdown escapes the bracket)")

	f, shown, _ := testFactory(nil)
	f.IO.TerminalOut = true
	require.Equal(t, exitOK, execute(f, argv))
	assert.False(t, escapes.MatchString(shown.String()))
	assert.Contains(t, shown.String(), `Li\x1b\]0;pwned\x07`)
}
