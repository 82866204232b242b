package scenario

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kinds of file yishi validates.
const (
	KindScenario = "scenario"
	KindRubric   = "rubric"
)

// RubricSource looks up a rubric by name, such as "standard". The bundled
// library in package scenarios provides one.
type RubricSource func(name string) (*Rubric, error)

// ReadFile reads a user's file, refusing one larger than [MaxFileSize]
// before reading it whole.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: file is larger than the %d bytes yishi reads", ErrInvalid, MaxFileSize)}
	}
	return data, nil
}

// DetectKind tells a rubric file from a scenario file: by its `kind` key
// when it has one, else by a top-level `dimensions` key without `roles`.
func DetectKind(data []byte) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return KindScenario
	}
	root := doc.Content[0]
	keys := map[string]string{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		keys[root.Content[i].Value] = root.Content[i+1].Value
	}
	if k, ok := keys["kind"]; ok && k != "" {
		return k
	}
	_, dims := keys["dimensions"]
	_, roles := keys["roles"]
	if dims && !roles {
		return KindRubric
	}
	return KindScenario
}

// ParseScenario decodes and validates a scenario. The name is used in
// messages. It returns the scenario (nil when it cannot be decoded at all)
// and every problem found; the scenario is usable when the diagnostics hold
// no error. rubrics resolves a rubric named by the scenario; nil means only
// inline rubrics can be used.
func ParseScenario(name string, data []byte, rubrics RubricSource) (*Scenario, Diagnostics) {
	s, diags := decodeScenario(name, data)
	if s == nil {
		return nil, diags
	}
	validateScenario(s, rubrics, &diags)
	diags.Sort()
	return s, diags
}

// decodeScenario decodes a scenario without validating it. It returns nil
// when there is nothing to validate: the file is not YAML, not of this
// version, or decoding stopped.
func decodeScenario(name string, data []byte) (*Scenario, Diagnostics) {
	var diags Diagnostics
	root := parseDocument(name, data, &diags)
	if root == nil || !checkVersion(name, root, KindScenario, &diags) {
		diags.Sort()
		return nil, diags
	}
	s := &Scenario{}
	d := newDecoder(name, &diags)
	d.decode(root, reflect.ValueOf(s).Elem(), "")
	s.pos, s.failed = d.pos, d.failed
	if s.Rubric.Rubric != nil {
		s.Rubric.Rubric.pos, s.Rubric.Rubric.failed = d.pos, d.failed
		s.Rubric.Rubric.Pos = s.PosOf("rubric")
	}
	if d.bombed {
		d.finish()
		return nil, diags
	}
	return s, diags
}

// ParseRubric decodes and validates a rubric file.
func ParseRubric(name string, data []byte) (*Rubric, Diagnostics) {
	r, diags := decodeRubric(name, data)
	if r == nil {
		return nil, diags
	}
	if r.Kind != "" && r.Kind != KindRubric {
		diags.Errorf(r.PosOf("kind"), "kind: expected %q, got %q", KindRubric, r.Kind)
	}
	validateRubric(r, "", &diags)
	diags.Sort()
	return r, diags
}

// decodeRubric decodes a rubric without validating it, as [decodeScenario]
// does a scenario.
func decodeRubric(name string, data []byte) (*Rubric, Diagnostics) {
	var diags Diagnostics
	root := parseDocument(name, data, &diags)
	if root == nil || !checkVersion(name, root, KindRubric, &diags) {
		diags.Sort()
		return nil, diags
	}
	r := &Rubric{}
	d := newDecoder(name, &diags)
	d.decode(root, reflect.ValueOf(r).Elem(), "")
	r.pos, r.failed = d.pos, d.failed
	if d.bombed {
		d.finish()
		return nil, diags
	}
	return r, diags
}

// LoadScenario reads and parses the scenario file at path.
func LoadScenario(path string, rubrics RubricSource) (*Scenario, Diagnostics) {
	data, err := ReadFile(path)
	if err != nil {
		var diags Diagnostics
		diags.Errorf(Pos{File: path}, "%v", FileError(err))
		return nil, diags
	}
	return ParseScenario(path, data, rubrics)
}

// LoadRubric reads and parses the rubric file at path.
func LoadRubric(path string) (*Rubric, Diagnostics) {
	data, err := ReadFile(path)
	if err != nil {
		var diags Diagnostics
		diags.Errorf(Pos{File: path}, "%v", FileError(err))
		return nil, diags
	}
	return ParseRubric(path, data)
}

// checkVersion looks at the version key before anything else: a file of
// another version is not read further, since its keys may mean other things.
func checkVersion(file string, root *yaml.Node, kind string, diags *Diagnostics) bool {
	pos := Pos{File: file, Line: root.Line, Col: root.Column}
	if root.Kind != yaml.MappingNode {
		diags.Errorf(pos, "expected a %s: a mapping of keys to values starting with `version: %d`", kindWord(kind), Version)
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "version" {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Value != fmt.Sprint(Version) {
			diags.Errorf(Pos{File: file, Line: v.Line, Col: v.Column}, "version: this yishi reads version %d files, not %q", Version, v.Value)
			return false
		}
		return true
	}
	diags.Errorf(pos, "version: missing; a %s file starts with `version: %d`", kindWord(kind), Version)
	return false
}

// kindWord names a kind of file in words, for messages.
func kindWord(kind string) Message {
	switch kind {
	case KindScenario:
		return Msg("scenario")
	case KindRubric:
		return Msg("rubric")
	}
	return Msg("%s", kind)
}

func posOf(m map[string]Pos, fallback Pos, path string) Pos {
	for p := path; ; {
		if pos, ok := m[p]; ok {
			return pos
		}
		if pos, ok := m[p+"@key"]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			if pos, ok := m[""]; ok {
				return pos
			}
			return fallback
		}
		p = p[:i]
	}
}

func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// Positions maps the path of each decoded value, such as "groups[1].scores",
// to where it stood in its file.
type Positions struct {
	file string
	m    map[string]Pos
}

// Of returns where the value at path stood, falling back to its closest
// enclosing value and then to the file itself.
func (p Positions) Of(path string) Pos { return posOf(p.m, Pos{File: p.file}, path) }

// DecodeYAML decodes a versioned yishi file of the given kind (such as a
// plan or a scoresheet) into v, a pointer to a struct, with the same strict
// rules as scenarios: the version is checked first, unknown keys and wrong
// types are reported with line and column, every problem at once, and alias
// bombs and oversized files are refused. Validation of the values is left to
// the caller, who can place its messages with the returned Positions.
func DecodeYAML(name string, data []byte, kind string, v any) (Positions, Diagnostics) {
	var diags Diagnostics
	pos := Positions{file: name, m: map[string]Pos{}}
	root := parseDocument(name, data, &diags)
	if root == nil || !checkVersion(name, root, kind, &diags) {
		diags.Sort()
		return pos, diags
	}
	d := newDecoder(name, &diags)
	d.decode(root, reflect.ValueOf(v).Elem(), "")
	pos.m = d.pos
	d.finish()
	return pos, diags
}
