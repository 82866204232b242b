package roster

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
	"go.yaml.in/yaml/v3"
)

// readYAML reads `version: 1` and a `trainees:` list of mappings keyed like
// CSV headers.
func readYAML(file string, data []byte, diags *scenario.Diagnostics) *table {
	y := yamlReader{file: file, diags: diags}
	trainees := y.trainees(data)
	if trainees == nil {
		return nil
	}
	if len(trainees.Content) == 0 {
		diags.Errorf(y.at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		return nil
	}
	t := &table{format: FormatYAML, lines: true, headers: map[string]string{}}
	for i, item := range trainees.Content {
		if rec, ok := y.record(t, i, item); ok {
			t.records = append(t.records, rec)
		}
	}
	return t
}

// yamlReader reads one YAML roster file.
type yamlReader struct {
	file  string
	diags *scenario.Diagnostics
}

func (y yamlReader) at(n *yaml.Node) scenario.Pos {
	return scenario.Pos{File: y.file, Line: n.Line, Col: n.Column}
}

// trainees parses the file and checks its top level: a mapping with
// `version: 1`, maybe `kind: roster`, and `trainees:`, whose list it
// returns. It returns nil when the file cannot be read as a roster.
func (y yamlReader) trainees(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		y.diags.Errorf(scenario.Pos{File: y.file}, "file is empty; a YAML roster starts with `version: %d` and lists `trainees:`", scenario.Version)
		return nil
	}
	root := scenario.ParseYAML(y.file, data, y.diags)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		y.diags.Errorf(y.at(root), "expected a roster: a mapping starting with `version: %d`", scenario.Version)
		return nil
	}
	version, trainees := y.topLevel(root)
	switch {
	case version == nil:
		y.diags.Errorf(y.at(root), "version: missing; a roster file starts with `version: %d`", scenario.Version)
		return nil
	case version.Kind != yaml.ScalarNode || version.Value != strconv.Itoa(scenario.Version):
		y.diags.Errorf(y.at(version), "version: this yishi reads version %d files, not %q", scenario.Version, version.Value)
		return nil
	case trainees == nil:
		y.diags.Errorf(y.at(root), "trainees: missing; list the trainees under `trainees:`")
		return nil
	case trainees.Kind != yaml.SequenceNode:
		if trainees.Tag == "!!null" {
			y.diags.Errorf(y.at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		} else {
			y.diags.Errorf(y.at(trainees), "trainees: expected a list of trainees")
		}
		return nil
	}
	return trainees
}

// topLevel returns the values of the version and trainees keys of the
// root mapping, nil when absent, and reports a wrong kind and unknown keys.
func (y yamlReader) topLevel(root *yaml.Node) (version, trainees *yaml.Node) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			version = v
		case "trainees":
			trainees = v
		case "kind":
			if v.Value != "roster" {
				y.diags.Errorf(y.at(v), "kind: expected \"roster\", got %q", v.Value)
			}
		default:
			if s := suggest(k.Value, []string{"version", "kind", "trainees"}); s != "" {
				y.diags.Errorf(y.at(k), "unknown key %q at the top level (did you mean %q?)", k.Value, s)
			} else {
				y.diags.Errorf(y.at(k), "unknown key %q at the top level", k.Value)
			}
		}
	}
	return version, trainees
}

// record reads the i-th trainee, a mapping of keys to values, into a
// record, and adds the keys it names for the first time to t's columns.
func (y yamlReader) record(t *table, i int, item *yaml.Node) (record, bool) {
	path := fmt.Sprintf("trainees[%d]", i)
	if item.Kind != yaml.MappingNode {
		y.diags.Errorf(y.at(item), "%s: expected a mapping of keys (id, name, unit, background, ...) to values", path)
		return record{}, false
	}
	rec := record{pos: scenario.Pos{File: y.file, Line: item.Line}, row: item.Line, cells: map[string]cell{}, missing: cell{pos: y.at(item), where: scenario.Msg("%s", path)}}
	seen := map[string]string{}
	for j := 0; j+1 < len(item.Content); j += 2 {
		k, v := item.Content[j], item.Content[j+1]
		raw := clean(k.Value)
		if n := strings.IndexFunc(raw, isControl); n >= 0 {
			r, _ := utf8.DecodeRuneInString(raw[n:])
			y.diags.Errorf(y.at(k), "%s: control character U+%04X in the key %q; remove it", path, r, raw)
		}
		canon := AttributeName(raw)
		if first, dup := seen[canon]; dup {
			y.diags.Errorf(y.at(k), "%s: key %q names %s again (already named by %q)", path, raw, canon, first)
			continue
		}
		seen[canon] = raw
		if _, ok := t.headers[canon]; !ok {
			t.headers[canon] = headerLabel(raw)
			t.columns = append(t.columns, canon)
		}
		if c, ok := y.value(v, canon, headerLabel(raw)); ok {
			rec.cells[canon] = c
		}
	}
	rec.name()
	return rec, true
}

// value reads the value v of a trainee's key: text, or for avoid and
// together also a list of ids, and for rounds a list of rounds.
func (y yamlReader) value(v *yaml.Node, canon, label string) (cell, bool) {
	c := cell{pos: y.at(v), where: scenario.Msg("%s", label)}
	switch {
	case v.Kind == yaml.ScalarNode:
		if v.Tag != "!!null" {
			c.text = clean(v.Value)
		}
	case v.Kind == yaml.SequenceNode && (canon == ColumnAvoid || canon == ColumnTogether || canon == ColumnRounds):
		c.list = []string{}
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode {
				if canon == ColumnRounds {
					y.diags.Errorf(y.at(e), "%s: expected a round, got %s", label, kindName(e))
				} else {
					y.diags.Errorf(y.at(e), "%s: expected an id, got %s", label, kindName(e))
				}
				continue
			}
			if e.Tag != "!!null" {
				c.list = append(c.list, clean(e.Value))
			}
		}
	default:
		y.diags.Errorf(y.at(v), "%s: expected text, got %s", label, kindName(v))
		return cell{}, false
	}
	return c, true
}

func kindName(n *yaml.Node) scenario.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return scenario.Msg("a mapping")
	case yaml.SequenceNode:
		return scenario.Msg("a list")
	case yaml.AliasNode:
		return scenario.Msg("an alias")
	}
	return scenario.Msg("a value")
}
