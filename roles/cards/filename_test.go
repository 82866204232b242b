package cards

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
)

func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("赵", 300)
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: "T05-zhao-min", want: "T05-zhao-min"},
		{name: "chinese kept", in: "赵敏", want: "赵敏"},
		{name: "space", in: "张 三", want: "张_三"},
		{name: "full-width space", in: "张　三", want: "张_三"},
		{name: "traversal", in: "../../etc/passwd", want: "_.._etc_passwd"},
		{name: "windows traversal", in: `..\..\boot.ini`, want: "_.._boot.ini"},
		{name: "dots only", in: "...", want: "_"},
		{name: "dot", in: ".", want: "_"},
		{name: "dot dot", in: "..", want: "_"},
		{name: "empty", in: "", want: "_"},
		{name: "hidden file", in: ".bashrc", want: "bashrc"},
		{name: "trailing dot", in: "name.", want: "name"},
		{name: "script tag", in: "<script>alert(1)</script>", want: "_script_alert(1)_script_"},
		{name: "img injection", in: `"><img src=x onerror=alert(1)>`, want: "_img_src_x_onerror_alert(1)_"},
		{name: "windows specials", in: `a<b>c:d"e|f?g*h`, want: "a_b_c_d_e_f_g_h"},
		{name: "control chars", in: "a\x00b\nc\td\x7f", want: "a_b_c_d_"},
		{name: "emoji", in: "小刘🚗⚡", want: "小刘_"},
		{name: "zero width joiner dropped", in: "A\u200dB", want: "AB"},
		{name: "right-to-left override dropped", in: "Ann\u202Egpj.exe", want: "Anngpj.exe"},
		{name: "direction isolates dropped", in: "\u2066李\u2067雷\u2068\u2069", want: "李雷"},
		{name: "direction marks dropped", in: "a\u200Eb\u200Fc\u061Cd", want: "abcd"},
		{name: "zero-width characters dropped", in: "张\u200b三\u200c\u2060\ufeff", want: "张三"},
		{name: "only invisible", in: "\u200b\u202e\ufeff", want: "_"},
		{name: "variation selector dropped", in: "Zoe\u0308\ufe0f", want: "Zoë"},
		{name: "hangul fillers dropped", in: "T\u3164\u115f1", want: "T1"},
		{name: "tag characters dropped", in: "a\U000E0041\U000E007Fb", want: "ab"},
		{name: "decomposed becomes composed", in: "Jose\u0301", want: "José"},
		{name: "leading dash", in: "-rf", want: "_-rf"},
		{name: "leading dash after dots", in: "..-x", want: "_-x"},
		{name: "CON hidden by a zero-width space", in: "C\u200bON", want: "_CON"},
		{name: "CON", in: "CON", want: "_CON"},
		{name: "con lower", in: "con", want: "_con"},
		{name: "con with extension", in: "Con.html", want: "_Con.html"},
		{name: "NUL", in: "nul", want: "_nul"},
		{name: "COM1", in: "COM1", want: "_COM1"},
		{name: "lpt9 extension", in: "lpt9.txt", want: "_lpt9.txt"},
		{name: "COM10 is fine", in: "COM10", want: "COM10"},
		{name: "CONSOLE is fine", in: "CONSOLE", want: "CONSOLE"},
		{name: "accents kept", in: "José Müller", want: "José_Müller"},
		{name: "300 chars cut on a rune boundary", in: long, want: strings.Repeat("赵", MaxFileNameBytes/3)},
		{name: "invalid utf-8", in: "a\xffb", want: "a_b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeFileName(tt.in)
			assert.Equal(t, tt.want, got)
			assertSafeName(t, got)
		})
	}
}

// assertSafeName checks the promises of SafeFileName on one result.
func assertSafeName(t *testing.T, got string) {
	t.Helper()
	assert.NotContains(t, []string{"", ".", ".."}, got)
	assert.LessOrEqual(t, len(got), MaxFileNameBytes)
	assert.True(t, utf8.ValidString(got), "valid UTF-8: %q", got)
	assert.False(t, strings.ContainsAny(got, "<>:\"/\\|?*\x00"), "no special characters: %q", got)
	assert.False(t, strings.HasPrefix(got, "."), "no leading dot: %q", got)
	assert.False(t, strings.HasSuffix(got, ".") || strings.HasSuffix(got, " "), "no trailing dot or space: %q", got)
	assert.False(t, reservedName(got), "not a Windows device name: %q", got)
	assert.False(t, strings.HasPrefix(got, "-"), "not an option to a shell: %q", got)
	assert.True(t, norm.NFC.IsNormalString(got), "in normal form C: %q", got)
	for _, r := range got {
		assert.False(t, r < 0x20 || r == 0x7f, "no control characters: %q", got)
		assert.False(t, invisible(r), "no invisible characters: %q has %U", got, r)
	}
}

func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"赵敏", "../../etc/passwd", "CON", "...", "<script>", "张 三", "🚗", strings.Repeat("ab", 200),
		"Ann\u202Egpj.exe", "\u2066x\u2069", "-rf", "e\u0301\u200b", strings.Repeat("欧阳", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSafeName(t, SafeFileName(s))
	})
}

// TestSafeFileNameReviewers: reviewers' names, as scoresheet files are
// named, lose their surrounding spaces.
func TestSafeFileNameReviewers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"王老师", "王老师"},
		{"Li Na", "Li_Na"},
		{"Reviewer Li", "Reviewer_Li"},
		{"  Li  ", "Li"},
		{"../../etc/passwd", "_.._etc_passwd"},
		{`a\b/c`, "a_b_c"},
		{"Li.Na", "Li.Na"},
		{"...", "_"},
		{"", "_"},
		{"CON", "_CON"},
		{"nul", "_nul"},
		{"a:b*c?d", "a_b_c_d"},
		{"Zoë", "Zoë"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, SafeFileName(tt.in), "SafeFileName(%q)", tt.in)
	}
}
