package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogInputs returns the bad and good test files by name.
func catalogInputs(t *testing.T) map[string][]byte {
	t.Helper()
	var files []string
	for _, pattern := range []string{"bad/*.yaml", "good/*.yaml", "rubrics/*.yaml"} {
		m, err := filepath.Glob(filepath.Join("testdata", pattern))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		out[filepath.ToSlash(f)] = data
	}
	return out
}

// decodeAndValidate returns the problems decoding finds in data, and those
// validation adds after it.
func decodeAndValidate(name string, data []byte) (decoded, validated Diagnostics) {
	var all Diagnostics
	if DetectKind(data) == KindRubric {
		_, decoded = decodeRubric(name, data)
		_, all = ParseRubric(name, data)
	} else {
		_, decoded = decodeScenario(name, data)
		_, all = ParseScenario(name, data, nil)
	}
	left := map[string]int{}
	for _, d := range decoded {
		left[d.String()]++
	}
	for _, d := range all {
		if left[d.String()] > 0 {
			left[d.String()]--
			continue
		}
		validated = append(validated, d)
	}
	return decoded, validated
}

// One problem, one message: where decoding reported a value, validation
// says nothing more at that place ("expected a whole number" is not
// followed by "needs a timebox" at the same spot).
func TestValidationAddsNothingWhereDecodingReported(t *testing.T) {
	for name, data := range catalogInputs(t) {
		t.Run(name, func(t *testing.T) {
			decoded, validated := decodeAndValidate(name, data)
			reported := map[Pos]string{}
			for _, d := range decoded {
				reported[d.Pos] = d.Message
			}
			for _, d := range validated {
				if first, ok := reported[d.Pos]; ok {
					t.Errorf("%s: %q follows the decoder's %q at the same place", d.Pos, d.Message, first)
				}
			}
		})
	}
}

// A misspelt key or a merge key is one problem: the fields it would have
// given are not also reported missing.
func TestOneMessagePerProblem(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "good", "minimal.yaml"))
	require.NoError(t, err)
	tests := []struct {
		name, find, replace string
		want                []string // every diagnostic, in order
	}{
		{
			name: "misspelt required key", find: "title: Where the bicycle shed goes", replace: "titel: Where the bicycle shed goes",
			want: []string{`x.yaml:3:1: unknown key "titel" at the top level (did you mean "title"?)`},
		},
		{
			name: "misspelt role brief", find: "brief: You run the meeting.", replace: "breif: You run the meeting.",
			want: []string{`x.yaml:26:5: unknown key "breif" in roles[0] (did you mean "brief"?)`},
		},
		{
			name: "misspelt public facts", find: "public_facts:", replace: "public_fact:",
			want: []string{`x.yaml:14:3: unknown key "public_fact" in issue (did you mean "public_facts"?)`},
		},
		{
			name: "misspelt key beside the right one", find: "title: Where the bicycle shed goes", replace: "title: Where the bicycle shed goes\ntitel: Again",
			want: []string{`x.yaml:4:1: unknown key "titel" at the top level (did you mean "title"?)`},
		},
		{
			name: "public facts of the wrong type", find: "public_facts:\n    - The street office pays for the shed.", replace: "public_facts: The street office pays for the shed.",
			want: []string{`x.yaml:14:17: issue.public_facts: expected a list, got "The street office pays for the shed."`},
		},
		{
			name: "merge key", find: "  - {id: options, title: Options and agreement, minutes: 30}", replace: "  - <<: {title: Options, minutes: 30}\n    id: options",
			want: []string{`x.yaml:19:5: agenda[2]: YAML merge keys (<<) are not supported; write the keys out`},
		},
		{
			name: "minutes not a number", find: "minutes: 30}", replace: "minutes: thirty}",
			want: []string{`x.yaml:19:58: agenda[2].minutes: expected a whole number, got "thirty"`},
		},
		{
			name: "to not a list", find: "to: [ground-floor]", replace: "to: ground-floor",
			want: []string{`x.yaml:21:19: injects[0].to: expected a list, got "ground-floor"`},
		},
		{
			name: "rubric a list", find: "rubric: standard", replace: "rubric: [standard]",
			want: []string{`x.yaml:43:9: rubric: expected a rubric name such as standard, or a rubric, got a list`},
		},
		{
			name: "label in a language not text", find: "label: {en: Social worker, zh: 社工}", replace: "label: {en: [Social worker]}",
			want: []string{`x.yaml:8:37: backgrounds[0].label.en: expected text, got a list`},
		},
		{
			// A wrong count falls back to one per group, and must not make
			// the roles' places per group look too few for the groups.
			name:    "role count not a number",
			find:    "    min: 1\n    max: 3\n    brief: You live on the ground floor.\n    confidential: You fear losing light.\ngrouping:\n  size: {min: 3, max: 5}",
			replace: "    count: many\n    brief: You live on the ground floor.\n    confidential: You fear losing light.\ngrouping:\n  size: {min: 4, max: 5}",
			want:    []string{`x.yaml:35:12: roles[2].count: expected a whole number, got "many"`},
		},
		{
			name: "label in an unknown language only", find: "label: {en: Social worker, zh: 社工}", replace: "label: {fr: Travailleur social}",
			want: []string{`x.yaml:8:33: backgrounds[0].label: unknown language "fr" (use en or zh)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, string(good), tt.find)
			data := []byte(strings.Replace(string(good), tt.find, tt.replace, 1))
			_, diags := ParseScenario("x.yaml", data, standardRubric(t))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// standardRubric is a RubricSource holding testdata/rubrics/standard.yaml.
func standardRubric(t *testing.T) RubricSource {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "rubrics", "standard.yaml"))
	require.NoError(t, err)
	r, diags := ParseRubric("standard.yaml", data)
	require.NoError(t, diags.Err())
	return func(string) (*Rubric, error) { return r, nil }
}

// An inject aimed only at roles a group may lack reaches nobody in such a
// group: validate warns at the inject's `to`. Sent to a role every group
// has as well, it reaches every group, and nothing is said.
func TestInjectToOptionalRole(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "good", "minimal.yaml"))
	require.NoError(t, err)
	const inject = "  - {at: 25m, to: [ground-floor], text: Your window faces the proposed site., exercises: [guidance]}\n"
	observer := edit{"grouping:\n", "  - {id: observer, title: Observer, function: observer, max: 1, brief: You watch.}\ngrouping:\n"}
	tests := []struct {
		name string
		edit edit
		want []string
	}{
		{name: "role with min 1", edit: edit{}},
		{
			name: "role with min 0", edit: edit{"min: 1\n", "min: 0\n"},
			want: []string{`x.yaml:21:19: warning: injects[0].to: role "ground-floor" may be missing from some groups (min 0 per group), which would not get this inject; send it to host too`},
		},
		{
			name: "role with only a max", edit: edit{"    min: 1\n", ""},
			want: []string{`x.yaml:21:19: warning: injects[0].to: role "ground-floor" may be missing from some groups (min 0 per group), which would not get this inject; send it to host too`},
		},
		{
			name: "optional roles with and without a role every group has",
			edit: append(edit{"min: 1\n", "min: 0\n", inject, "  - {at: 25m, to: [host, ground-floor, observer], text: News.}\n  - {at: 30m, to: [ground-floor, observer], text: Watch.}\n"}, observer...),
			want: []string{
				`x.yaml:22:19: warning: injects[1].to: roles "ground-floor" and "observer" may be missing from some groups (min 0 per group), which would not get this inject; send it to host too`,
			},
		},
		{
			name: "count 0 is reported once, as an error", edit: edit{"    min: 1\n    max: 3\n", "    count: 0\n", "{min: 3, max: 5}", "{min: 2, max: 5}"},
			want: []string{`x.yaml:35:12: roles[2].count: 0 means nobody plays the role; remove the role or use min: 0`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.edit.apply(t, good)
			_, diags := ParseScenario("x.yaml", data, standardRubric(t))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// edit is one change to a good file: each find is replaced, once, by the
// replace that follows it.
type edit []string

func (e edit) apply(t *testing.T, src []byte) []byte {
	t.Helper()
	s := string(src)
	for i := 0; i+1 < len(e); i += 2 {
		require.Contains(t, s, e[i])
		s = strings.Replace(s, e[i], e[i+1], 1)
	}
	return []byte(s)
}
