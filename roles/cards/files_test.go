package cards

import (
	"path"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// invisible reports whether r shows nothing, or changes how the text
// around it shows, such as a direction override or a zero-width joiner.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// TestFilesPaths: whatever a roster holds in a trainee's id and name, the
// paths Files returns stay inside the output folder, are valid on Linux,
// macOS and Windows, differ from each other whatever the file system's
// case rules, and show no character that hides or reorders text.
func TestFilesPaths(t *testing.T) {
	data, name, err := scenarios.YAML("elevator-retrofit")
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	long := strings.Repeat("欧阳", 150) // 900 bytes
	members := []struct {
		id, name, role, want string
	}{
		{"T01", "Ann\u202Egpj.exe", "host", "T01-Anngpj.exe-Council_host.txt"},
		{"T02", "\u2066李\u2067雷\u2068\u2069", "recorder", "T02-李雷-Recorder.txt"},
		{"T03", "张\u200b三\u200c\u200d\u2060\ufeff", "top-floor-elder", "T03-张三-Mr_Zhao_flat_602_(retired_78).txt"},
		{"T04", "../../etc/passwd", "ground-floor-owner", "T04-.._.._etc_passwd-Ms_Sun_flat_101_(ground_floor).txt"},
		{"T05", "a/b\\c", "", "T05-a_b_c-unassigned.txt"},
		{"T06", "..", "host", "T06-..-Council_host.txt"},
		{"CON", "", "recorder", "CON--Recorder.txt"},
		{"..", "NUL", "", "_-NUL-unassigned.txt"},
		{"T09", long, "host", "T09-" + strings.Repeat("欧阳", 10) + "欧-Council_host.txt"},
		{"t09", long, "host", "t09-" + strings.Repeat("欧阳", 10) + "欧-Council_host-2.txt"},
		{"T10", "X", "", "T10-X-unassigned.txt"},
		{"T1\u200b0", "X", "", "T10-X-unassigned-2.txt"},
		{"T11", "\u3164\u115f", "", "T11--unassigned.txt"},
		{"T12", "Zoe\u0308\ufe0f", "", "T12-Zoë-unassigned.txt"},
	}
	var group []plan.Member
	for _, m := range members {
		group = append(group, plan.Member{ID: m.id, Name: m.name, Role: m.role})
	}
	p := &plan.Plan{Version: 1, Kind: plan.Kind, Rounds: []plan.Round{{Round: 1, Groups: []plan.Group{{Group: 3, Members: group}}}}}
	for _, format := range Formats {
		files, err := Files(p, s, 0, format, Options{})
		require.NoError(t, err)
		require.Len(t, files, len(members)+2)
		seen := map[string]string{}
		for i, f := range files {
			assert.Equal(t, path.Clean(f.Path), f.Path, "a clean path")
			assert.False(t, path.IsAbs(f.Path), f.Path)
			key := strings.ToLower(f.Path)
			assert.Empty(t, seen[key], "%s and %s are one file on macOS and Windows", seen[key], f.Path)
			seen[key] = f.Path
			for _, el := range strings.Split(f.Path, "/") {
				assert.NotContains(t, []string{"", ".", ".."}, el, f.Path)
				assert.LessOrEqual(t, len(el), 255, "%s: an element fits every file system", f.Path)
				assert.False(t, reservedName(el), "%s: %s is a Windows device", f.Path, el)
				assert.False(t, strings.ContainsAny(el, `<>:"/\|?*`), f.Path)
				for _, r := range el {
					assert.False(t, invisible(r) || unicode.IsControl(r), "%s: %U reaches the file name", f.Path, r)
				}
			}
			if i < len(members) {
				assert.Equal(t, "round-1/group-3/"+strings.TrimSuffix(members[i].want, ".txt")+"."+format, f.Path)
			}
		}
	}
}
