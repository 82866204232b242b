package scenario_test

import (
	"testing"

	"github.com/yishi-council/yishi/scenario"
)

// BenchmarkLint measures the scenario's own lint checks on the lint's
// test scenario, parsed once.
func BenchmarkLint(b *testing.B) {
	data := []byte(lintClean(b))
	s, diags := scenario.ParseScenario("s.yaml", data, testRubrics(b))
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	for b.Loop() {
		scenario.Lint(s)
	}
}
