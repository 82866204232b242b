package plan

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// Load reads the plan file at path and the scenario it was made from (the
// bundled one, or its file, whose path the plan stores relative to itself),
// and checks that the scenario has not changed since and that every member's
// role is one of its roles: cards, scoresheets and the report must match the
// roles the plan gave out. The diagnostics hold the warnings and, when the
// plan is nil, the errors.
func Load(path string) (*Plan, *scenario.Scenario, scenario.Diagnostics) {
	p, diags := ReadFile(path)
	if diags.HasErrors() {
		return nil, nil, diags
	}
	name, data, sdiags := ScenarioText(p, path)
	diags = append(diags, sdiags...)
	if sdiags.HasErrors() {
		return nil, nil, diags
	}
	s, sdiags := WithScenario(p, name, data)
	diags = append(diags, sdiags...)
	diags.Sort()
	if diags.HasErrors() {
		return nil, nil, diags
	}
	return p, s, diags
}

// ScenarioText returns the name and text of the scenario p was made from,
// p having been read from path: the bundled scenario, or the file the plan
// names relative to its own folder. The room keeps this text beside the
// plan's, so that its database holds the whole drill.
func ScenarioText(p *Plan, path string) (string, []byte, scenario.Diagnostics) {
	var diags scenario.Diagnostics
	src := scenarios.Source{Origin: scenarios.Origin(p.Scenario.Source), Name: p.Scenario.Source}
	if src.Origin == scenarios.Bundled {
		data, name, err := scenarios.YAML(p.Scenario.ID)
		if err != nil {
			diags.Errorf(p.pos.Of("scenario.id"), "scenario.id: %v", err)
			return "", nil, diags
		}
		return name, data, nil
	}
	if !filepath.IsAbs(src.Name) {
		if rel := filepath.Join(filepath.Dir(path), src.Name); fileExists(rel) {
			src.Name = rel
		}
	}
	data, err := scenario.ReadFile(src.Name)
	if err != nil {
		diags.Errorf(p.pos.Of("scenario.source"), "scenario.source: the plan's scenario %s cannot be read: %v", src.Name, scenario.FileError(err))
		return "", nil, diags
	}
	return src.Name, data, nil
}

// WithScenario parses the text of p's scenario, named name, and checks
// that it is the scenario p was made from, unchanged since, and that every
// member's role is one of its roles: cards, scoresheets and the report must
// match the roles the plan gave out. The scenario is nil when the
// diagnostics hold errors.
func WithScenario(p *Plan, name string, data []byte) (*scenario.Scenario, scenario.Diagnostics) {
	s, sdiags := scenario.ParseScenario(name, data, scenarios.Rubric)
	diags := sdiags.Errors()
	if sdiags.HasErrors() {
		return nil, diags
	}
	if err := p.CheckScenario(s, data); err != nil {
		var me *scenario.MessageError
		if !errors.As(err, &me) {
			me = &scenario.MessageError{Text: scenario.Msg("%v", err)}
		}
		diags.Add(p.pos.Of("scenario.sha256"), scenario.SeverityError, me.Text)
		return nil, diags
	}
	diags = append(diags, p.CheckRoles(s)...)
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return s, diags
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ScenarioSource is how a plan written to planPath names the scenario it
// was made from: "bundled" stays as it is, and a file is named relative to
// the plan's folder, so that [Load] finds it wherever the pair is moved
// together. A path that cannot be made relative stays as given.
func ScenarioSource(origin, planPath string) string {
	if origin == string(scenarios.Bundled) || planPath == "" {
		return origin
	}
	absPlan, err1 := filepath.Abs(planPath)
	absScenario, err2 := filepath.Abs(origin)
	if err1 != nil || err2 != nil {
		return origin
	}
	rel, err := filepath.Rel(filepath.Dir(absPlan), absScenario)
	if err != nil {
		return origin
	}
	return filepath.ToSlash(rel)
}
