package plan_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/yishi-council/yishi"

// goList runs `go list` in the module and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestLeanDependencies: the plan model and the review are read by the room
// and the report without the roster reader (and excelize) or the optimiser;
// the sheet reader leaves workbooks to scenario/sheet/xlsx.
func TestLeanDependencies(t *testing.T) {
	heavy := []string{"github.com/xuri/excelize", module + "/roles/grouping", module + "/roles/roster", "net/http", "database/sql"}
	for _, pkg := range []string{"./roles/plan", "./review", "./scenario/sheet"} {
		for _, dep := range goList(t, "-deps", pkg) {
			for _, h := range heavy {
				assert.False(t, strings.HasPrefix(dep, h), "%s depends on %s", pkg, dep)
			}
		}
	}
}

// TestLayers: arrows point one way, cmd → review → roles → scenario, with
// scenarios as data; no package imports cmd; nothing below cmd imports a
// server or a database.
func TestLayers(t *testing.T) {
	rank := func(pkg string) int {
		rest := strings.TrimPrefix(pkg, module+"/")
		switch {
		case strings.HasPrefix(rest, "cmd/"):
			return 4
		case strings.HasPrefix(rest, "review"):
			return 3
		case strings.HasPrefix(rest, "roles"):
			return 2
		case strings.HasPrefix(rest, "scenarios"):
			return 1 // the bundled library: data, read by roles and up
		case strings.HasPrefix(rest, "scenario"):
			return 0
		}
		return -1
	}
	lines := goList(t, "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
	require.NotEmpty(t, lines)
	for _, l := range lines {
		f := strings.Fields(l)
		pkg, imports := f[0], f[1:]
		for _, imp := range imports {
			if rank(pkg) < 4 {
				assert.NotContains(t, []string{"net/http", "database/sql"}, imp, "%s imports %s; only the faces under cmd/ may", pkg, imp)
			}
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			assert.False(t, strings.HasPrefix(imp, module+"/cmd/") && !strings.HasPrefix(pkg, module+"/cmd/"), "%s imports %s", pkg, imp)
			assert.LessOrEqual(t, rank(imp), rank(pkg), "%s (layer %d) imports %s (layer %d): arrows must point down", pkg, rank(pkg), imp, rank(imp))
		}
	}
}
