package scenario_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// addSeeds adds every bundled scenario and rubric and every file of the
// test catalog to the fuzz corpus.
func addSeeds(f *testing.F) {
	n := 0
	for _, pattern := range []string{"library/*.yaml", "rubrics/*.yaml"} {
		names, err := fs.Glob(scenarios.FS(), pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			data, err := fs.ReadFile(scenarios.FS(), name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			n++
		}
	}
	for _, pattern := range []string{"bad/*.yaml", "good/*.yaml", "rubrics/*.yaml"} {
		names, err := filepath.Glob(filepath.Join("testdata", pattern))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			if filepath.Base(name) == "alias-bomb.yaml" {
				// Its mutations spend the whole node budget, and with it
				// seconds an exec, which starves the fuzzer; TestCatalog
				// checks the bomb is refused quickly.
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			n++
		}
	}
	if n == 0 {
		f.Fatal("no seed files")
	}
}

// positionless lists the messages that may come without a line although
// the input has some. Only messages about the whole file ("file is empty",
// "file is N bytes") have none.
var positionless = []string{
	"file is ",
}

// checkDiagnostics holds the properties every parse must have.
func checkDiagnostics(t *testing.T, name string, data []byte, diags scenario.Diagnostics) {
	t.Helper()
	hasLines := len(bytes.TrimSpace(data)) > 0
	for _, d := range diags {
		if d.Pos.File != name {
			t.Errorf("diagnostic without the file name: %s", d)
		}
		if d.Message == "" {
			t.Errorf("diagnostic without a message: %s", d)
		}
		if hasLines && d.Pos.Line < 1 && !hasPrefixAny(d.Message, positionless) {
			t.Errorf("diagnostic without a line for input with lines: %s", d)
		}
	}
	sorted := append(scenario.Diagnostics(nil), diags...)
	sorted.Sort()
	if sorted.Error() != diags.Error() {
		t.Errorf("diagnostics not sorted:\n%s", diags.Error())
	}
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func FuzzParseScenario(f *testing.F) {
	addSeeds(f)
	rubrics := testRubrics(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, diags := scenario.ParseScenario("fuzz.yaml", data, rubrics)
		checkDiagnostics(t, "fuzz.yaml", data, diags)
		if diags.Err() == nil && s == nil {
			t.Errorf("no errors but no scenario")
		}
		if s != nil && diags.Err() == nil {
			// A valid scenario holds what validation promised.
			if len(s.Roles) == 0 || len(s.Agenda) == 0 || s.Duration <= 0 {
				t.Errorf("valid scenario without roles, agenda or duration")
			}
			if s.Rubric.Rubric == nil {
				t.Errorf("valid scenario without a resolved rubric")
			}
		}
		// Parsing is deterministic.
		_, again := scenario.ParseScenario("fuzz.yaml", data, rubrics)
		if again.Error() != diags.Error() {
			t.Errorf("second parse differs:\n%s\n---\n%s", diags.Error(), again.Error())
		}
		_ = scenario.DetectKind(data)
	})
}

func FuzzParseRubric(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, diags := scenario.ParseRubric("fuzz.yaml", data)
		checkDiagnostics(t, "fuzz.yaml", data, diags)
		if diags.Err() == nil {
			if r == nil {
				t.Fatalf("no errors but no rubric")
			}
			if r.Scale.Max <= r.Scale.Min || len(r.Dimensions) == 0 {
				t.Errorf("valid rubric with an empty scale or no dimensions")
			}
			for _, d := range r.Dimensions {
				for _, l := range d.Levels {
					if !r.Scale.Contains(l.Score) {
						t.Errorf("valid rubric with a level off the scale")
					}
				}
			}
		}
	})
}
