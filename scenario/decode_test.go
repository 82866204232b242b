package scenario

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{in: "60m", want: time.Hour},
		{in: "1h30m", want: 90 * time.Minute},
		{in: "90", want: 90 * time.Minute},
		{in: " 90 ", want: 90 * time.Minute},
		{in: "90min", want: 90 * time.Minute},
		{in: "90 mins", want: 90 * time.Minute},
		{in: "90分钟", want: 90 * time.Minute},
		{in: "1.5h", want: 90 * time.Minute},
		{in: "45m30s", want: 45*time.Minute + 30*time.Second},
		{in: "0", want: 0},
		{in: "ten", wantErr: `expected a duration such as 60m or 1h30m, got "ten"`},
		{in: "", wantErr: "missing; give a duration such as 60m"},
		{in: "abcmin", wantErr: `got "abcmin"`},
		{in: "-5m", wantErr: `got "-5m"`},
		{in: "1h 30m", wantErr: `got "1h 30m"`},
		{in: "60 minutes", wantErr: `got "60 minutes"`},
		{in: "9999999999999h", wantErr: `"9999999999999h" is more than a drill can use (at most 24h)`},
		{in: "99999999999999999999", wantErr: `"99999999999999999999" is more than a drill can use (at most 24h)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, Duration(tt.want), got)
		})
	}
}

func TestDurationString(t *testing.T) {
	assert.Equal(t, "90m", Duration(90*time.Minute).String())
	assert.Equal(t, "0m", Duration(0).String())
	assert.Equal(t, "45m30s", Duration(45*time.Minute+30*time.Second).String())
	assert.Equal(t, 45, Duration(45*time.Minute+30*time.Second).Minutes())
	b, err := Duration(time.Hour).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "60m", string(b))
}

// decodeYAML runs the decoder on src into v and returns the diagnostics.
func decodeYAML(t *testing.T, src string, v any) Diagnostics {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	var diags Diagnostics
	d := newDecoder("t.yaml", &diags)
	d.decode(doc.Content[0], reflect.ValueOf(v).Elem(), "")
	d.finish()
	return diags
}

func TestDecodeText(t *testing.T) {
	type doc struct {
		Title Text `yaml:"title"`
	}
	tests := []struct {
		name  string
		src   string
		want  Text
		diags string
	}{
		{name: "string", src: "title: Rhythm", want: Text{"": "Rhythm"}},
		{name: "both languages", src: "title: {en: Rhythm, zh: 节奏}", want: Text{"en": "Rhythm", "zh": "节奏"}},
		{name: "one language", src: "title: {zh: 节奏}", want: Text{"zh": "节奏"}},
		{name: "empty", src: "title:", want: nil},
		{name: "alias", src: "x: &t {en: Rhythm}\ntitle: *t", want: Text{"en": "Rhythm"}, diags: `t.yaml:1:1: unknown key "x" at the top level`},
		{name: "unknown language", src: "title: {en: Rhythm, fr: Rythme}", want: Text{"en": "Rhythm"},
			diags: `t.yaml:1:21: title: unknown language "fr" (use en or zh)`},
		{name: "not text in a language", src: "title: {en: [Rhythm]}", want: Text{},
			diags: `t.yaml:1:13: title.en: expected text, got a list`},
		{name: "list", src: "title: [Rhythm]", want: nil,
			diags: `t.yaml:1:8: title: expected text or {en: ..., zh: ...}, got a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			diags := decodeYAML(t, tt.src, &d)
			assert.Equal(t, tt.diags, diags.Error())
			assert.Equal(t, tt.want, d.Title)
		})
	}
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		name string
		text Text
		lang string
		want string
	}{
		{"exact", Text{"en": "Rhythm", "zh": "节奏"}, "zh", "节奏"},
		{"plain serves every language", Text{"": "Rhythm"}, "zh", "Rhythm"},
		{"falls back to English", Text{"en": "Rhythm"}, "zh", "Rhythm"},
		{"then to Chinese", Text{"zh": "节奏"}, "en", "节奏"},
		{"empty", nil, "en", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.text.In(tt.lang))
		})
	}
	assert.True(t, Text{"en": "  "}.IsZero())
	assert.False(t, Text{"zh": "节奏"}.IsZero())
	assert.Equal(t, []string{"", "en"}, Text{"en": "a", "": "b"}.Languages())
	plain, err := Text{"": "Rhythm"}.MarshalYAML()
	require.NoError(t, err)
	assert.Equal(t, "Rhythm", plain)
}

func TestSuggest(t *testing.T) {
	keys := []string{"id", "title", "function", "count", "min", "max", "brief", "confidential", "avoid_background"}
	tests := []struct {
		in, want string
	}{
		{"titel", "title"},
		{"breif", "brief"},
		{"Title", "title"},
		{"confidental", "confidential"},
		{"avoid_backgrounds", "avoid_background"},
		{"fuction", "function"},
		{"ic", "id"},
		{"colour", ""},
		{"zzzzzzzzzzzz", ""},
		{"", ""}, // nothing is close to an empty key
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Suggest(tt.in, keys))
		})
	}
	assert.Equal(t, "", Suggest("host", nil))
	assert.Equal(t, "社工", Suggest("社 工", []string{"社工", "物业"}))
}

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Social Worker", "socialworker"},
		{"social-worker", "socialworker"},
		{"social_worker", "socialworker"},
		{"  SOCIAL worker ", "socialworker"},
		{"ＳＯＣＩＡＬ　ＷＯＲＫＥＲ", "socialworker"}, // full-width letters and space
		{"ＳＯＣＩＡＬ＿ＷＯＲＫＥＲ", "socialworker"}, // full-width underscore
		{"ｓｏｃｉａｌ－ｗｏｒｋｅｒ", "socialworker"}, // full-width hyphen
		{"社区·工作者", "社区工作者"},
		{"物业１", "物业1"},
		{"", ""},
		{" - ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, NormalizeName(tt.in))
		})
	}
}

func TestDiagnostics(t *testing.T) {
	var l Diagnostics
	assert.NoError(t, l.Err(), "the zero value holds no error")
	l.Warnf(Pos{File: "b.yaml", Line: 2, Col: 1}, "w %d", 1)
	assert.NoError(t, l.Err(), "warnings alone are not an error")
	assert.False(t, l.HasErrors())

	l.Errorf(Pos{File: "b.yaml", Line: 2, Col: 1}, "e")
	l.Errorf(Pos{File: "a.yaml", Line: 10, Col: 1}, "late")
	l.Errorf(Pos{File: "a.yaml", Line: 9, Col: 5}, "col 5")
	l.Errorf(Pos{File: "a.yaml", Line: 9, Col: 3}, "col 3")
	l.Errorf(Pos{File: "a.yaml"}, "whole file")
	l.Errorf(Pos{File: "a.yaml", Line: 9, Col: 3}, "col 3") // exact duplicate
	l.Errorf(Pos{File: "a.yaml", Line: 9, Col: 3}, "another at col 3")

	err := l.Err()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalid))
	var got Diagnostics
	require.True(t, errors.As(err, &got))
	assert.Equal(t, `a.yaml: whole file
a.yaml:9:3: another at col 3
a.yaml:9:3: col 3
a.yaml:9:5: col 5
a.yaml:10:1: late
b.yaml:2:1: e
b.yaml:2:1: warning: w 1`, err.Error())
	assert.Len(t, got.Errors(), 6)
	assert.Len(t, got.Warnings(), 1)
	assert.Equal(t, "warning", got.Warnings()[0].Severity.String())
	assert.Nil(t, got.Warnings().Unwrap(), "a list of warnings wraps nothing")
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "a.yaml", Line: 3, Col: 7}, "a.yaml:3:7"},
		{Pos{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{Pos{File: "a.yaml", Col: 7}, "a.yaml"},
		{Pos{File: "a.yaml"}, "a.yaml"},
		{Pos{Line: 3, Col: 7}, "-:3:7"},
		{Pos{}, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.pos.String())
		})
	}
}

// An alias to a mapping is charged once per use, and a document whose
// aliases expand past the node budget is refused with one message.
func TestDecodeBudget(t *testing.T) {
	type doc struct {
		Tags [][]string `yaml:"tags"`
	}
	src := "a: &a [x, x, x, x, x, x, x, x, x, x]\ntags: [" + repeatJoin("*a", 30000) + "]"
	var d doc
	diags := decodeYAML(t, src, &d)
	require.NotEmpty(t, diags)
	assert.Contains(t, diags.Error(), "document expands to more than 200000 values through its aliases (an alias bomb?); refusing to read it")
}

func repeatJoin(s string, n int) string {
	b := make([]byte, 0, n*(len(s)+2))
	for i := range n {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, s...)
	}
	return string(b)
}

// Keys are charged to the budget too: a mapping of many unknown keys
// aliased many times once took minutes and gigabytes, one message per key. The budget
// bounds the messages; the time limit is loose for slow machines.
func TestDecodeBudgetUnknownKeys(t *testing.T) {
	type doc struct {
		Roles []Role `yaml:"roles"`
	}
	keys := make([]string, 200)
	for i := range keys {
		keys[i] = "k" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": 1"
	}
	src := "r: &r {" + joinStrings(keys) + "}\nroles: [" + repeatJoin("*r", 20000) + "]"
	var d doc
	diags := decodeYAML(t, src, &d)
	assert.Len(t, diags, maxErrors+1, "decoding stops after maxErrors problems")
	assert.Contains(t, diags[len(diags)-1].Message, "too many problems (100); stopped here")
}

// Text mappings should be charged per language key as well.
func TestDecodeBudgetText(t *testing.T) {
	type doc struct {
		LookFor []Text `yaml:"look_for"`
	}
	keys := make([]string, 2000)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d: x", i)
	}
	src := "t: &t {" + joinStrings(keys) + "}\nlook_for: [" + repeatJoin("*t", 100000) + "]"
	var d doc
	diags := decodeYAML(t, src, &d)
	assert.LessOrEqual(t, len(diags), maxErrors+1, "the work is bounded")
	assert.Contains(t, diags.Error(), "too many problems (100); stopped here")
}

func joinStrings(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// YAML folds the lines of a `>` block with a space, which Chinese does not
// write: it is dropped between Chinese characters, and kept elsewhere.
func TestFoldedChineseLosesFoldingSpaces(t *testing.T) {
	type doc struct {
		Folded  string `yaml:"folded"`
		Plain   string `yaml:"plain"`
		Literal string `yaml:"literal"`
		Title   Text   `yaml:"title"`
	}
	src := "folded: >-\n  消防部门限期整改；\n  隔壁写字楼愿意共享，\n  “不行就取缔”。\n  Then English\n  words.\nplain: 新能源车主 小刘\nliteral: |-\n  第一行\n  第二行\ntitle:\n  zh: >-\n    停车\n    充电\n"
	var d doc
	require.Empty(t, decodeYAML(t, src, &d))
	assert.Equal(t, "消防部门限期整改；隔壁写字楼愿意共享，“不行就取缔”。 Then English words.", d.Folded)
	assert.Equal(t, "新能源车主 小刘", d.Plain, "a space typed on one line is kept")
	assert.Equal(t, "第一行\n第二行", d.Literal)
	assert.Equal(t, "停车充电", d.Title["zh"])
}

// A number too large for its field is reported, never wrapped round into
// another number; NaN and infinities are not numbers a person means.
func TestDecodeNumbers(t *testing.T) {
	type doc struct {
		Small int32   `yaml:"small"`
		Count uint    `yaml:"count"`
		W     float64 `yaml:"w"`
	}
	tests := []struct {
		src, diags string
	}{
		{"small: 2147483647", ""},
		{"small: 2147483648", "t.yaml:1:8: small: 2147483648 is more than a drill can use"},
		{"small: -2147483649", "t.yaml:1:8: small: -2147483649 is less than a drill can use"},
		{"count: 18446744073709551616", "t.yaml:1:8: count: 18446744073709551616 is more than a drill can use"},
		{"count: -1", `t.yaml:1:8: count: expected a whole number of zero or more, got "-1"`},
		{"w: 1e999", "t.yaml:1:4: w: 1e999 is more than a drill can use"},
		{"w: NaN", `t.yaml:1:4: w: expected a number, got "NaN"`},
		{"w: -Inf", `t.yaml:1:4: w: expected a number, got "-Inf"`},
		{"w: 2.5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var d doc
			assert.Equal(t, tt.diags, decodeYAML(t, tt.src, &d).Error())
		})
	}
}
