package scenario

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Syntax errors are placed where a person must look, in characters; the
// catalog (testdata/bad/syntax*.yaml) holds whole files, these the corners.
func TestSyntaxPositions(t *testing.T) {
	const quote = `YAML syntax: the quoted text that opens here never ends; close it with `
	const unclosed = `YAML syntax: the quoted text that opens here does not close on its line; close it with `
	tests := []struct {
		name, src, want string
	}{
		{"double quote on line 1", "title: \"x\nid: a\n", "t.yaml:1:8: " + quote + `"`},
		{"single quote", "id: a\ntitle: 'it''s\nid: b\n", "t.yaml:2:8: " + quote + `'`},
		{"after an escaped quote", "id: a\ntitle: \"say \\\"hi\\\"\" # and \"\nsummary: \"open\n", "t.yaml:3:10: " + quote + `"`},
		{"not the apostrophe of plain text", "id: a\ntags: [it's, \"open\n", "t.yaml:2:14: " + quote + `"`},
		{"after Chinese text", "id: a\ntags: [电梯, \"加装\n", "t.yaml:2:12: " + quote + `"`},
		{"windows line ends", "id: a\r\ntitle: \"x\r\nid: b\r\n", "t.yaml:2:8: " + quote + `"`},
		{"byte-order mark", "\ufefftitle: \"x\nid: a\n", "t.yaml:1:8: " + quote + `"`},
		{"bad byte after a byte-order mark", "\ufeffid: \xff\n", "t.yaml:1:5: invalid UTF-8 byte 0xFF; save the file as UTF-8, not GBK or GB18030"},
		{"bad byte in Chinese", "id: a\ntitle: 加装\xe7\x94\n", "t.yaml:2:10: invalid UTF-8 byte 0xE7; save the file as UTF-8, not GBK or GB18030"},
		{"inner list", "id: a\ntags: [a, [b, c]\n", "t.yaml:2:7: YAML syntax: did not find expected ',' or ']' in the list that opens here"},
		{"innermost open list", "id: a\ntags: [a, [b, c\n", "t.yaml:2:11: YAML syntax: did not find expected ',' or ']' in the list that opens here"},
		{"second colon", "id: a\ntitle: a: b\n", `t.yaml:2:9: YAML syntax: mapping values are not allowed in this context (is this line indented more than the key above it? a value holding ": " needs quotes)`},
		{"control character in Chinese", "id: a\ntitle: 电梯\x1b[31m\n", "t.yaml:2:10: YAML syntax: control character U+001B is not allowed; remove it"},
		{"C1 control character", "id: a\ntitle: x\u009by\n", "t.yaml:2:9: YAML syntax: control character U+009B is not allowed; remove it"},
		{"reserved character", "id: a\ntitle: @home\n", "t.yaml:2:8: YAML syntax: found character that cannot start any token"},
		// A quote left open mid-file runs on to the next quote, lines
		// below, where YAML first notices: the error belongs where it opens.
		{"open quote mid-file", "id: a\ntitle: \"Adding an elevator\nlanguage: en\nissue:\n  facts:\n    - \"48 households\"\n", "t.yaml:2:8: " + unclosed + `"; YAML read on to line 6 and found: did not find expected key`},
		{"open quote before a quoted value", "id: a\ntitle: 'Old walk-up\nlanguage: en\nsummary: 'two'\n", "t.yaml:2:8: " + unclosed + `'; YAML read on to line 4 and found: did not find expected key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags Diagnostics
			assert.Nil(t, parseDocument("t.yaml", []byte(tt.src), &diags))
			assert.Equal(t, tt.want, diags.Error())
		})
	}
}
