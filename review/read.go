package review

import (
	"os"
	"path/filepath"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// ReadScoresheets reads and checks the scoresheet files at paths for the
// plan: each is parsed with [ParseScoresheets], and all the sheets read are
// checked together with [CheckScoresheets], so every problem of every file
// is reported at once. A file named twice (as given, or as the same file
// under another path) is one error, not a duplicate of each of its rows.
func ReadScoresheets(paths []string, p *plan.Plan, r *scenario.Rubric, opts ParseOptions) ([]Scoresheet, scenario.Diagnostics) {
	var (
		sheets []Scoresheet
		diags  scenario.Diagnostics
		seen   = map[string]string{} // cleaned path → the name first given
		files  []namedFile
	)
	for _, name := range paths {
		if first, dup := seen[filepath.Clean(name)]; dup {
			diags.Errorf(scenario.Pos{File: name}, "%s is given twice; give each scoresheet once", first)
			continue
		}
		seen[filepath.Clean(name)] = name
		if info, err := os.Stat(name); err == nil {
			if first := sameFile(files, info); first != "" {
				diags.Errorf(scenario.Pos{File: name}, "%s is given twice; give each scoresheet once", first)
				continue
			}
			files = append(files, namedFile{name, info})
		}
		data, err := scenario.ReadFile(name)
		if err != nil {
			diags.Errorf(scenario.Pos{File: name}, "%v", scenario.FileError(err))
			continue
		}
		got, d := ParseScoresheets(name, data, p, r, opts)
		diags = append(diags, d...)
		sheets = append(sheets, got...)
	}
	diags = append(diags, CheckScoresheets(sheets)...)
	diags.Sort()
	return sheets, diags
}

type namedFile struct {
	name string
	info os.FileInfo
}

// sameFile returns the name of the file in files that info is, if any.
func sameFile(files []namedFile, info os.FileInfo) string {
	for _, f := range files {
		if os.SameFile(f.info, info) {
			return f.name
		}
	}
	return ""
}
