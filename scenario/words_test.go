package scenario_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/yishi-council/yishi/scenario"
)

func TestTerminalSafeLine(t *testing.T) {
	assert.Equal(t, `a\x09b\x0ac\x1b`, scenario.TerminalSafeLine("a\tb\nc\x1b"))
	assert.Equal(t, "一行", scenario.TerminalSafeLine("一行"))
}

func TestTerminalSafe(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Adding an elevator", "Adding an elevator"},
		{"Chinese", "加装电梯 · 议事会", "加装电梯 · 议事会"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"direction override", "王\u202e淑芬", `王\u202e淑芬`},
		{"isolate and mark", "a\u2066b\u200fc", `a\u2066b\u200fc`},
		{"escape sequence", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"title change", "\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"carriage return", "ok\rfake", `ok\x0dfake`},
		{"nul and delete", "a\x00b\x7f", `a\x00b\x7f`},
		{"C1 control character", "a\u009b31mb", `a\u009b31mb`},
		{"next line", "a\u0085b", `a\u0085b`},
		{"byte that is not UTF-8", "a\x9bb", `a\x9bb`},
		{"cut UTF-8", "电\xe6\xa2", `电\xe6\xa2`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scenario.TerminalSafe(tt.in)
			assert.Equal(t, tt.want, got)
			assert.True(t, utf8.ValidString(got))
			assert.Equal(t, got, scenario.TerminalSafe(got), "safe text stays as it is")
		})
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":              "plain text",
		"**bold** _it_ `code`":    `\*\*bold\*\* \_it\_ \` + "`code\\`",
		"~~struck~~":              `\~\~struck\~\~`,
		"see https://x.example/a": `see https\://x.example/a`,
		"or www.example.com":      `or www\.example.com`,
		"![i](http://x/i.png)":    `\!\[i\](http\://x/i.png)`,
		"# heading":               `\# heading`,
		"- item":                  `\- item`,
		"1. item":                 `1\. item`,
		"<script>":                "&lt;script&gt;",
		"a | b":                   `a \| b`,
		"two\nlines":              "two lines",
		"议事会：**加装电梯**":            `议事会：\*\*加装电梯\*\*`,
	} {
		assert.Equal(t, want, scenario.EscapeMarkdown(in), "EscapeMarkdown(%q)", in)
	}
}
