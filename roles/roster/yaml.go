package roster

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yishi-council/yishi/scenario"
	"go.yaml.in/yaml/v3"
)

// readYAML reads `version: 1` and a `trainees:` list of mappings keyed like
// CSV headers.
func readYAML(file string, data []byte, diags *scenario.Diagnostics) *table {
	filePos := scenario.Pos{File: file}
	at := func(n *yaml.Node) scenario.Pos { return scenario.Pos{File: file, Line: n.Line, Col: n.Column} }
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		diags.Errorf(yamlErrorPos(file, err), "YAML syntax: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	if len(doc.Content) == 0 {
		diags.Errorf(filePos, "file is empty; a YAML roster starts with `version: %d` and lists `trainees:`", scenario.Version)
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Errorf(at(root), "expected a roster: a mapping starting with `version: %d`", scenario.Version)
		return nil
	}
	var version, trainees *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			version = v
		case "trainees":
			trainees = v
		case "kind":
			if v.Value != "roster" {
				diags.Errorf(at(v), "kind: expected \"roster\", got %q", v.Value)
			}
		default:
			msg := fmt.Sprintf("unknown key %q at the top level", k.Value)
			if s := scenario.Suggest(k.Value, []string{"version", "kind", "trainees"}); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			diags.Errorf(at(k), "%s", msg)
		}
	}
	switch {
	case version == nil:
		diags.Errorf(at(root), "version: missing; a roster file starts with `version: %d`", scenario.Version)
		return nil
	case version.Kind != yaml.ScalarNode || version.Value != strconv.Itoa(scenario.Version):
		diags.Errorf(at(version), "version: this yishi reads version %d files, not %q", scenario.Version, version.Value)
		return nil
	case trainees == nil:
		diags.Errorf(at(root), "trainees: missing; list the trainees under `trainees:`")
		return nil
	case trainees.Kind != yaml.SequenceNode:
		if trainees.Tag == "!!null" {
			diags.Errorf(at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		} else {
			diags.Errorf(at(trainees), "trainees: expected a list of trainees")
		}
		return nil
	}
	t := &table{format: FormatYAML, rowWord: "line", headers: map[string]string{}}
	for i, item := range trainees.Content {
		path := fmt.Sprintf("trainees[%d]", i)
		if item.Kind != yaml.MappingNode {
			diags.Errorf(at(item), "%s: expected a mapping of keys (id, name, unit, background, ...) to values", path)
			continue
		}
		rec := record{pos: scenario.Pos{File: file, Line: item.Line}, row: item.Line, cells: map[string]cell{}, missing: cell{pos: at(item), label: path}}
		seen := map[string]string{}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			raw := clean(k.Value)
			if i := strings.IndexFunc(raw, isControl); i >= 0 {
				diags.Errorf(at(k), "%s: control character U+%04X in the key %q; remove it", path, []rune(raw[i:])[0], raw)
			}
			canon := AttributeName(raw)
			if first, dup := seen[canon]; dup {
				diags.Errorf(at(k), "%s: key %q names %s again (already named by %q)", path, raw, canon, first)
				continue
			}
			seen[canon] = raw
			if _, ok := t.headers[canon]; !ok {
				t.headers[canon] = headerLabel(raw)
				t.columns = append(t.columns, canon)
			}
			c := cell{pos: at(v), label: headerLabel(raw)}
			switch {
			case v.Kind == yaml.ScalarNode:
				if v.Tag != "!!null" {
					c.text = clean(v.Value)
				}
			case v.Kind == yaml.SequenceNode && (canon == ColumnAvoid || canon == ColumnTogether):
				for _, e := range v.Content {
					if e.Kind != yaml.ScalarNode {
						diags.Errorf(at(e), "%s: expected an id, got a %s", c.label, kindName(e))
						continue
					}
					c.list = append(c.list, clean(e.Value))
				}
			default:
				diags.Errorf(at(v), "%s: expected text, got a %s", c.label, kindName(v))
				continue
			}
			rec.cells[canon] = c
		}
		t.records = append(t.records, rec)
	}
	if len(trainees.Content) == 0 {
		diags.Errorf(at(trainees), "trainees: the list is empty; a roster needs at least one trainee")
		return nil
	}
	return t
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// yamlErrorPos pulls the line out of a yaml.v3 error ("yaml: line 7: ...").
func yamlErrorPos(file string, err error) scenario.Pos {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		j := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
		if j > 0 {
			if line, err := strconv.Atoi(rest[:j]); err == nil {
				return scenario.Pos{File: file, Line: line}
			}
		}
	}
	return scenario.Pos{File: file}
}
