package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1+1", "'+1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"-2+3", "'-2+3"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"-1", "-1"},
		{"+2.5", "+2.5"},
		{"-0.75", "-0.75"},
		{"-1e5", "'-1e5"},
		{"-", "'-"},
		{"-1.", "'-1."},
		{"- rules agreed", "'- rules agreed"},
		{"3", "3"},
		{"plain text", "plain text"},
		{"", ""},
		{"会议组织", "会议组织"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, SafeCell(tt.in))
			assert.Equal(t, tt.in, UnescapeCell(SafeCell(tt.in)), "reading back undoes the apostrophe")
		})
	}
}
