package scenarios

import (
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// Origin is where a loaded scenario came from: [Bundled], or the path of
// its file.
type Origin string

// Bundled is the [Origin] of a scenario from the library.
const Bundled Origin = "bundled"

// Source is a loaded scenario's bytes and where they came from; a plan
// records their digest.
type Source struct {
	Data   []byte
	Origin Origin
	// Name is how messages name the file: its path, or its path in [FS].
	Name string
}

// IsFile reports whether ref names a scenario file rather than a bundled id:
// it holds a path separator or ends in .yaml or .yml.
func IsFile(ref string) bool {
	return strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
}

// Open loads a scenario by bundled id or by file path (see [IsFile]) and
// returns it with its source. The diagnostics hold its warnings and, when
// the scenario is nil, why it could not be loaded, at file:line:col.
func Open(ref string) (*scenario.Scenario, Source, scenario.Diagnostics) {
	src := Source{Origin: Bundled, Name: ref}
	if IsFile(ref) {
		src.Origin = Origin(ref)
		data, err := scenario.ReadFile(ref)
		if err != nil {
			var diags scenario.Diagnostics
			diags.Errorf(scenario.Pos{File: ref}, "%v", scenario.FileError(err))
			return nil, src, diags
		}
		src.Data = data
	} else {
		data, name, err := YAML(ref)
		if err != nil {
			var diags scenario.Diagnostics
			diags.Errorf(scenario.Pos{File: ref}, "%v", err)
			return nil, src, diags
		}
		src.Data, src.Name = data, name
	}
	s, diags := scenario.ParseScenario(src.Name, src.Data, Rubric)
	if diags.HasErrors() {
		return nil, src, diags
	}
	return s, src, diags
}
