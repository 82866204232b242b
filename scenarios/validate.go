package scenarios

import (
	"errors"
	"io/fs"

	"github.com/yishi-council/yishi/scenario"
)

// ValidateFile reads the file at path (or, when there is no such file, the
// bundled scenario of that id), tells a scenario from a rubric by
// its content ([scenario.DetectKind]) and validates it against the bundled
// rubrics. It returns the kind and every problem found; a kind yishi does
// not validate is an error at line 1.
func ValidateFile(path string) (kind string, diags scenario.Diagnostics) {
	kind, _, diags = ParseFile(path)
	return kind, diags
}

// ParseFile is [ValidateFile] that also returns the scenario, when the file
// is one that decodes (nil for a rubric), for the lint.
func ParseFile(path string) (kind string, s *scenario.Scenario, diags scenario.Diagnostics) {
	data, err := scenario.ReadFile(path)
	if err != nil && errors.Is(err, fs.ErrNotExist) && !IsFile(path) {
		// A bundled scenario's id, as `yishi scenarios list` shows it.
		if bundled, _, berr := YAML(path); berr == nil {
			data, err = bundled, nil
		}
	}
	if err != nil {
		diags.Errorf(scenario.Pos{File: path}, "%v", scenario.FileError(err))
		return scenario.KindScenario, nil, diags
	}
	kind = scenario.DetectKind(data)
	switch kind {
	case scenario.KindRubric:
		_, diags = scenario.ParseRubric(path, data)
	case scenario.KindScenario:
		s, diags = scenario.ParseScenario(path, data, Rubric)
	default:
		pos := scenario.Pos{File: path, Line: 1}
		if s := scenario.Suggest(kind, []string{scenario.KindScenario, scenario.KindRubric}); s != "" {
			diags.Errorf(pos, "kind: unknown kind %q (did you mean %q?)", kind, s)
		} else {
			diags.Errorf(pos, "kind: %q is not a kind yishi validates (scenario or rubric)", kind)
		}
	}
	return kind, s, diags
}
