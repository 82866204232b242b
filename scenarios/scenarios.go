// Package scenarios is yishi's bundled library: ready-to-run scenarios in
// English and Chinese, the standard debrief rubric, and a sample roster for
// the demo. The files are embedded, so the yishi binary works offline.
package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

//go:embed library/*.yaml rubrics/*.yaml rosters/* templates/*
var files embed.FS

// FS returns the embedded files: library/ (scenarios), rubrics/ and rosters/.
func FS() fs.FS { return files }

// DefaultScenario is the id of the scenario the demo runs.
const DefaultScenario = "elevator-retrofit"

// DefaultChineseScenario is the id of the scenario the demo runs for a
// reader of Chinese, so that the cards and report are in Chinese too.
const DefaultChineseScenario = "shared-parking-charging"

// SampleRoster is the path in [FS] of the demo's roster.
const SampleRoster = "rosters/sample-roster.csv"

// SampleWalkIns is the path in [FS] of the demo's walk-ins: a trainee who
// came on the day without signing up, with the roster's columns.
const SampleWalkIns = "rosters/sample-walk-ins.csv"

// Entry describes one bundled scenario.
type Entry struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Language string `json:"language"`
	Method   string `json:"method"`
	Level    string `json:"level,omitempty"`
	Duration string `json:"duration"`
	// Length is the drill's length in words: short, medium or long
	// ([Lengths]).
	Length string `json:"length"`
	Roles  int    `json:"roles"`
	Path   string `json:"path"`
}

// Lengths are the words for a drill's length, each with the longest
// drill it names in minutes (0: no limit).
var Lengths = []struct {
	Name    string
	Minutes int
}{{"short", 60}, {"medium", 90}, {"long", 0}}

// LengthOf names the length of a drill of d: short up to an hour,
// medium up to an hour and a half, long beyond.
func LengthOf(d scenario.Duration) string {
	for _, l := range Lengths {
		if l.Minutes == 0 || d.Minutes() <= l.Minutes {
			return l.Name
		}
	}
	return ""
}

// Rubric returns the bundled rubric with the given name, such as "standard".
// It is a [scenario.RubricSource].
func Rubric(name string) (*scenario.Rubric, error) {
	file := path.Join("rubrics", name+".yaml")
	data, err := fs.ReadFile(files, file)
	if err != nil {
		return nil, fmt.Errorf("no bundled rubric %q (bundled: %s)", name, strings.Join(RubricNames(), ", "))
	}
	r, diags := scenario.ParseRubric(file, data)
	if err := diags.Err(); err != nil {
		return nil, fmt.Errorf("bundled rubric %q is invalid: %w", name, err)
	}
	return r, nil
}

// RubricNames lists the bundled rubrics.
func RubricNames() []string { return names("rubrics") }

// IDs lists the bundled scenarios' ids, sorted.
func IDs() []string { return names("library") }

func names(dir string) []string {
	entries, _ := fs.ReadDir(files, dir)
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// YAML returns the YAML of the bundled scenario with the given id, and its
// path in [FS].
func YAML(id string) ([]byte, string, error) {
	file := path.Join("library", id+".yaml")
	data, err := fs.ReadFile(files, file)
	if err != nil || strings.ContainsAny(id, `/\`) {
		if s := suggestID(id); s != "" {
			return nil, "", fmt.Errorf("no bundled scenario %q (did you mean %q?); `yishi scenarios list` shows the library", id, s)
		}
		return nil, "", fmt.Errorf("no bundled scenario %q; `yishi scenarios list` shows the library", id)
	}
	return data, file, nil
}

// suggestID is the bundled id a mistyped one most likely means: the one
// a few edits away, else the only one that starts with it or holds it
// ("shared-parking", "parking" for "shared-parking-charging").
func suggestID(id string) string {
	ids := IDs()
	if s := scenario.Suggest(id, ids); s != "" {
		return s
	}
	low := strings.ToLower(strings.TrimSpace(id))
	if len(low) < 3 {
		return ""
	}
	var found []string
	for _, c := range ids {
		if strings.Contains(c, low) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// Load parses the bundled scenario with the given id.
func Load(id string) (*scenario.Scenario, scenario.Diagnostics, error) {
	data, file, err := YAML(id)
	if err != nil {
		return nil, nil, err
	}
	s, diags := scenario.ParseScenario(file, data, Rubric)
	return s, diags, nil
}

// List describes every bundled scenario, sorted by language then id.
func List() ([]Entry, error) {
	var out []Entry
	for _, id := range IDs() {
		s, diags, err := Load(id)
		if err != nil {
			return nil, err
		}
		if err := diags.Err(); err != nil {
			return nil, err
		}
		out = append(out, Entry{
			ID: s.ID, Title: s.Title, Language: s.Language, Method: s.Method, Level: s.Level,
			Duration: s.Duration.String(), Length: LengthOf(s.Duration), Roles: len(s.Roles), Path: path.Join("library", id+".yaml"),
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Language != out[j].Language {
			return out[i].Language < out[j].Language
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Template returns a commented scenario template in lang ("en" or "zh",
// comments and sample text alike) with its id and title filled in. The
// result validates, so a trainer starts from a working file.
func Template(id, title, lang string) ([]byte, error) {
	name := "templates/scenario.yaml"
	if lang == "zh" {
		name = "templates/scenario-zh.yaml"
	} else if lang != "en" {
		return nil, fmt.Errorf("no template in language %q (use en or zh)", lang)
	}
	data, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, err
	}
	r := strings.NewReplacer("{{ID}}", id, "{{TITLE}}", yamlQuote(title))
	return []byte(r.Replace(string(data))), nil
}

// yamlQuote quotes s as a YAML double-quoted scalar.
// Go's quoting escapes control and invisible characters as \a, \x1b or
// \u202e, all of which YAML's double-quoted scalars read back the same, and
// keeps Chinese and other printable text as it is.
func yamlQuote(s string) string { return strconv.Quote(s) }
