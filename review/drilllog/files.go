package drilllog

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// ReadFiles reads, parses and checks the drill logs at paths against the
// plan and the scenario, each file refused when larger than
// [scenario.MaxFileSize]. A version 1 file of several groups gives a log
// per group. A file given twice, and two logs of the same round and
// group, are errors naming both. The logs come in round and group order;
// they are nil when any file has an error, every problem of every file
// reported at once.
func ReadFiles(paths []string, p *plan.Plan, s *scenario.Scenario) ([]*Log, scenario.Diagnostics) {
	var (
		diags scenario.Diagnostics
		out   []*Log
		read  []string
		infos []os.FileInfo
	)
	for _, path := range paths {
		info, _ := os.Stat(path)
		if j := sameFile(path, info, read, infos); j >= 0 {
			if filepath.Clean(read[j]) == filepath.Clean(path) {
				diags.Errorf(scenario.Pos{File: path}, "%s is given twice; give each drill log once", path)
			} else {
				diags.Errorf(scenario.Pos{File: path}, "the same file as %s; give each drill log once", read[j])
			}
			continue
		}
		read, infos = append(read, path), append(infos, info)
		data, err := scenario.ReadFile(path)
		if err != nil {
			diags.Errorf(scenario.Pos{File: path}, "%v", scenario.FileError(err))
			continue
		}
		l, d := Parse(path, data)
		diags = append(diags, d...)
		if l == nil {
			continue
		}
		// A version 1 file holds several groups: each is checked as the
		// log of one group, as a version 2 file is.
		for _, piece := range l.Split() {
			diags = append(diags, Check(piece, p, s)...)
			out = append(out, piece)
		}
	}
	slices.SortStableFunc(out, func(a, b *Log) int { return cmp.Or(cmp.Compare(a.Round, b.Round), cmp.Compare(a.Group, b.Group)) })
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], out[i]
		if a.Round == 0 || a.Round != b.Round || a.Group != b.Group {
			continue
		}
		f := b.topAt("round")
		if b.Version < 2 && len(b.places) > 0 {
			f = b.at(0, "round")
		}
		if a.file == b.file {
			diags.Errorf(f.pos, "round %d, group %d: the file holds its log twice", b.Round, b.Group)
		} else {
			diags.Errorf(f.pos, "round %d, group %d: %s is a log of it too; give one drill log per round and group", b.Round, b.Group, a.file)
		}
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return out, diags
}

// sameFile is the index of the file of read that path is, or -1.
func sameFile(path string, info os.FileInfo, read []string, infos []os.FileInfo) int {
	for j, r := range read {
		if filepath.Clean(r) == filepath.Clean(path) || (info != nil && infos[j] != nil && os.SameFile(info, infos[j])) {
			return j
		}
	}
	return -1
}
