package scenario_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// compileSchema compiles the embedded schema of kind as draft-07. Compiling
// checks the schema against the draft-07 metaschema.
func compileSchema(t *testing.T, kind string) *jsonschema.Schema {
	t.Helper()
	data, err := scenario.Schema(kind)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err, "%s schema is JSON", kind)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	url := scenario.SchemaURL(kind)
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err, "%s schema compiles as draft-07", kind)
	return sch
}

// yamlToJSON converts a YAML document to the values a JSON decoder would
// give, as an editor's YAML language server sees it.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	j, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	require.NoError(t, err)
	return out
}

func TestSchema(t *testing.T) {
	assert.Equal(t, []string{scenario.KindScenario, scenario.KindRubric}, scenario.SchemaKinds)
	for _, kind := range scenario.SchemaKinds {
		t.Run(kind, func(t *testing.T) {
			compileSchema(t, kind)
			data, err := scenario.Schema(kind)
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(data, &doc))
			assert.Equal(t, "http://json-schema.org/draft-07/schema#", doc["$schema"])
			assert.Equal(t, scenario.SchemaURL(kind), doc["$id"])
			assert.Equal(t, "https://yishi.dev/schema/"+kind+"-v1.json", doc["$id"])
			checkHints(t, doc, "#")
		})
	}
	_, err := scenario.Schema("scoresheet")
	assert.EqualError(t, err, `no schema for kind "scoresheet" (known kinds: scenario, rubric)`)
}

// checkHints walks a schema: every object with properties forbids others,
// and every property carries a title and a description for editors.
func checkHints(t *testing.T, v any, where string) {
	switch v := v.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			assert.Equal(t, false, v["additionalProperties"], "%s: additionalProperties is false", where)
			for name, p := range props {
				pm, _ := p.(map[string]any)
				assert.NotEmpty(t, pm["title"], "%s/properties/%s has a title", where, name)
				assert.NotEmpty(t, pm["description"], "%s/properties/%s has a description", where, name)
			}
		}
		for k, sub := range v {
			checkHints(t, sub, where+"/"+k)
		}
	case []any:
		for i, sub := range v {
			checkHints(t, sub, where+"/"+strings.Repeat("*", i+1))
		}
	}
}

// The scenario schema carries its own copy of the rubric's definitions, so
// that each schema stands alone in an editor; the copies must not drift.
func TestSchemaRubricDefinitionsAgree(t *testing.T) {
	defs := func(kind string) map[string]any {
		data, err := scenario.Schema(kind)
		require.NoError(t, err)
		var doc struct {
			Definitions map[string]any `json:"definitions"`
		}
		require.NoError(t, json.Unmarshal(data, &doc))
		return doc.Definitions
	}
	sc, ru := defs(scenario.KindScenario), defs(scenario.KindRubric)
	require.NotEmpty(t, ru)
	for name, def := range ru {
		assert.Equal(t, def, sc[name], "definitions/%s is the same in both schemas", name)
	}
}

// schemaFiles lists the YAML files the schemas must accept: every bundled
// scenario and rubric, and the good test files. (templates/ holds Go
// templates, which are YAML only once filled in.)
func schemaFiles(t *testing.T) map[string]struct {
	kind string
	data []byte
} {
	out := map[string]struct {
		kind string
		data []byte
	}{}
	bundled := 0
	for dir, kind := range map[string]string{"library": scenario.KindScenario, "rubrics": scenario.KindRubric} {
		names, err := fs.Glob(scenarios.FS(), dir+"/*.yaml")
		require.NoError(t, err)
		for _, name := range names {
			data, err := fs.ReadFile(scenarios.FS(), name)
			require.NoError(t, err)
			out["scenarios/"+name] = struct {
				kind string
				data []byte
			}{kind, data}
			bundled++
		}
	}
	require.NotZero(t, bundled, "the library holds at least one file")
	for dir, kind := range map[string]string{"good": scenario.KindScenario, "rubrics": scenario.KindRubric} {
		names, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		require.NoError(t, err)
		for _, name := range names {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			out[filepath.ToSlash(name)] = struct {
				kind string
				data []byte
			}{kind, data}
		}
	}
	return out
}

// Every bundled file, and every good test file, passes its schema: an
// editor must never underline an example the Go validator accepts.
func TestSchemaAcceptsBundledFiles(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	for _, kind := range scenario.SchemaKinds {
		schemas[kind] = compileSchema(t, kind)
	}
	for name, f := range schemaFiles(t) {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, f.kind, scenario.DetectKind(f.data), "kind detected")
			err := schemas[f.kind].Validate(yamlToJSON(t, f.data))
			assert.NoError(t, err, "%s passes the %s schema", name, f.kind)
		})
	}
}

// A bundled file's `# yaml-language-server: $schema=...` line names the
// schema of its kind: either its $id or, relative to the file, the schema
// file in this package.
func TestBundledSchemaLines(t *testing.T) {
	for name, f := range schemaFiles(t) {
		rel, ok := strings.CutPrefix(name, "scenarios/")
		if !ok {
			continue
		}
		first, _, _ := strings.Cut(string(f.data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !assert.True(t, ok, "%s starts with a schema line", name) {
			continue
		}
		ref = strings.TrimSpace(ref)
		if strings.Contains(ref, "://") {
			assert.Equal(t, scenario.SchemaURL(f.kind), ref, name)
			continue
		}
		// Resolve against the file's place in the repository, from this package.
		got := path.Clean(path.Join("..", "scenarios", path.Dir(rel), ref))
		assert.Equal(t, "schema/"+f.kind+".schema.json", strings.TrimPrefix(got, "../scenario/"), "%s names %s", name, ref)
	}
}

// Small documents the Go validator rejects for an unknown key are rejected
// by the schema too, so that editors underline the same mistakes.
func TestSchemaRejectsUnknownKeys(t *testing.T) {
	rubrics := testRubrics(t)
	good, err := os.ReadFile(filepath.Join("testdata", "good", "minimal.yaml"))
	require.NoError(t, err)
	goodRubric, err := os.ReadFile(filepath.Join("testdata", "rubrics", "standard.yaml"))
	require.NoError(t, err)
	tests := []struct {
		name, kind, find, replace string
	}{
		{"top level", scenario.KindScenario, "title:", "titel:"},
		{"issue", scenario.KindScenario, "public_facts:", "public_fact:"},
		{"phase", scenario.KindScenario, "led_by: host}", "leader: host}"},
		{"inject", scenario.KindScenario, "exercises: [guidance]}\nroles", "exercise: [guidance]}\nroles"},
		{"role", scenario.KindScenario, "brief: You run the meeting.", "breif: You run the meeting."},
		{"background", scenario.KindScenario, "aliases: [物业]", "alias: [物业]"},
		{"grouping", scenario.KindScenario, "grouping:\n", "grouping:\n  shuffle: true\n"},
		{"size", scenario.KindScenario, "{min: 3, max: 5}", "{min: 3, most: 5}"},
		{"mix", scenario.KindScenario, "{attribute: unit, weight: 3}", "{attribute: unit, wieght: 3}"},
		{"quota", scenario.KindScenario, "value: social-worker, min: 1", "value: social-worker, least: 1"},
		{"text language", scenario.KindScenario, "zh: 社工}", "zh: 社工, fr: Travailleur social}"},
		{"inline rubric", scenario.KindScenario, "rubric: standard", "rubric:\n  id: r\n  title: R\n  scale: {min: 1, max: 2}\n  dimensions:\n    - {id: hosting, title: H, levels: [{score: 1, descriptor: D}], colour: red}"},
		{"rubric top level", scenario.KindRubric, "scale:", "scael:"},
		{"rubric scale", scenario.KindRubric, "{min: 1, max: 5}", "{min: 1, max: 5, step: 1}"},
		{"dimension", scenario.KindRubric, "  - id: rhythm\n", "  - id: rhythm\n    note: x\n"},
		{"level", scenario.KindRubric, "{score: 1, descriptor: No record.}", "{score: 1, descriptor: No record., label: low}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := good
			if tt.kind == scenario.KindRubric {
				src = goodRubric
			}
			require.Contains(t, string(src), tt.find)
			data := []byte(strings.Replace(string(src), tt.find, tt.replace, 1))

			var diags scenario.Diagnostics
			if tt.kind == scenario.KindRubric {
				_, diags = scenario.ParseRubric("x.yaml", data)
			} else {
				_, diags = scenario.ParseScenario("x.yaml", data, rubrics)
			}
			require.Error(t, diags.Err(), "the Go validator rejects it")
			assert.Regexp(t, `unknown (key|language)`, diags.Error())

			err := compileSchema(t, tt.kind).Validate(yamlToJSON(t, data))
			assert.Error(t, err, "the schema rejects it")
		})
	}
}

// The schema's Duration pattern accepts what ParseDuration accepts.
func TestSchemaDuration(t *testing.T) {
	sch := compileSchema(t, scenario.KindScenario)
	good, err := os.ReadFile(filepath.Join("testdata", "good", "minimal.yaml"))
	require.NoError(t, err)
	for _, d := range []string{"60m", "1h30m", "90min", "90 mins", "90分钟", "90", `"90"`, "1.5h", "45m30s"} {
		_, perr := scenario.ParseDuration(strings.Trim(d, `"`))
		require.NoError(t, perr, d)
		data := strings.Replace(string(good), "duration: 60m", "duration: "+d, 1)
		assert.NoError(t, sch.Validate(yamlToJSON(t, []byte(data))), "schema accepts duration %s", d)
	}
	for _, d := range []string{"ten", "60 minutes", "1h 30m", "-5m", "[60m]"} {
		data := strings.Replace(string(good), "duration: 60m", "duration: "+d, 1)
		assert.Error(t, sch.Validate(yamlToJSON(t, []byte(data))), "schema rejects duration %s", d)
		_, diags := scenario.ParseScenario("x.yaml", []byte(data), testRubrics(t))
		assert.Error(t, diags.Err(), "Go rejects duration %s", d)
	}
}

// The schemas bound the numbers a person types as the Go validator does,
// so that an editor underlines the same absurd value.
func TestSchemaLimitsAgree(t *testing.T) {
	tests := []struct {
		kind, pointer string
		min, max      float64
	}{
		{scenario.KindScenario, "definitions/duration/oneOf/1", 0, scenario.MaxDrillMinutes},
		{scenario.KindScenario, "definitions/phase/properties/minutes", 1, scenario.MaxPhaseMinutes},
		{scenario.KindScenario, "definitions/role/properties/count", 1, scenario.MaxRoleCount},
		{scenario.KindScenario, "definitions/role/properties/min", 0, scenario.MaxRoleCount},
		{scenario.KindScenario, "definitions/role/properties/max", 0, scenario.MaxRoleCount},
		{scenario.KindScenario, "properties/grouping/properties/groups", 0, scenario.MaxGroups},
		{scenario.KindScenario, "properties/grouping/properties/size/properties/min", 0, scenario.MaxGroupSize},
		{scenario.KindScenario, "properties/grouping/properties/size/properties/max", 0, scenario.MaxGroupSize},
		{scenario.KindScenario, "definitions/mix/properties/weight", 0, scenario.MaxWeight},
		{scenario.KindScenario, "definitions/quota/properties/min", 0, scenario.MaxGroupSize},
		{scenario.KindScenario, "definitions/quota/properties/max", 0, scenario.MaxGroupSize},
		{scenario.KindRubric, "definitions/rubric/properties/scale/properties/min", scenario.MinScore, scenario.MaxScore - 1},
		{scenario.KindRubric, "definitions/rubric/properties/scale/properties/max", scenario.MinScore + 1, scenario.MaxScore},
		{scenario.KindRubric, "definitions/dimension/properties/weight", 0, scenario.MaxWeight},
		{scenario.KindRubric, "definitions/level/properties/score", scenario.MinScore, scenario.MaxScore},
	}
	docs := map[string]any{}
	for _, kind := range scenario.SchemaKinds {
		data, err := scenario.Schema(kind)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(data, &doc))
		docs[kind] = doc
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.pointer, func(t *testing.T) {
			v := docs[tt.kind]
			for _, step := range strings.Split(tt.pointer, "/") {
				switch node := v.(type) {
				case map[string]any:
					v = node[step]
				case []any:
					i := int(step[0] - '0')
					require.Less(t, i, len(node), "%s: no item %s", tt.pointer, step)
					v = node[i]
				default:
					t.Fatalf("%s: nothing at %s", tt.pointer, step)
				}
			}
			node, ok := v.(map[string]any)
			require.True(t, ok, "%s is a schema", tt.pointer)
			assert.Equal(t, tt.min, node["minimum"], "%s minimum", tt.pointer)
			assert.Equal(t, tt.max, node["maximum"], "%s maximum", tt.pointer)
		})
	}
}

// The schema's lists of steps, levels and lint checks, and its bounds on
// stakes, are the Go validator's.
func TestSchemaNewFieldsAgree(t *testing.T) {
	data, err := scenario.Schema(scenario.KindScenario)
	require.NoError(t, err)
	var doc struct {
		Properties struct {
			Level struct {
				Enum []string `json:"enum"`
			} `json:"level"`
			Lint struct {
				Properties struct {
					Ignore struct {
						Items struct {
							Properties struct {
								Check struct {
									Enum []string `json:"enum"`
								} `json:"check"`
							} `json:"properties"`
						} `json:"items"`
					} `json:"ignore"`
				} `json:"properties"`
			} `json:"lint"`
		} `json:"properties"`
		Definitions struct {
			Phase struct {
				Properties struct {
					Step struct {
						Enum []string `json:"enum"`
					} `json:"step"`
				} `json:"properties"`
			} `json:"phase"`
			Stake struct {
				Properties map[string]struct {
					Minimum *float64 `json:"minimum"`
					Maximum *float64 `json:"maximum"`
				} `json:"properties"`
			} `json:"stake"`
		} `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, scenario.Levels, doc.Properties.Level.Enum)
	assert.Equal(t, scenario.Steps, doc.Definitions.Phase.Properties.Step.Enum)
	assert.Equal(t, scenario.LintChecks, doc.Properties.Lint.Properties.Ignore.Items.Properties.Check.Enum)
	for _, k := range []string{"min", "max"} {
		b := doc.Definitions.Stake.Properties[k]
		require.NotNil(t, b.Maximum, k)
		assert.Equal(t, float64(scenario.MaxStakeValue), *b.Maximum, "stakes.%s", k)
		assert.Equal(t, -float64(scenario.MaxStakeValue), *b.Minimum, "stakes.%s", k)
	}
}

// A misspelt key in the new parts of a scenario is refused by both the Go
// validator and the schema, and the lint's test scenario passes both.
func TestSchemaNewFieldsRejectUnknownKeys(t *testing.T) {
	rubrics := testRubrics(t)
	good, err := os.ReadFile(filepath.Join("testdata", "lint", "clean.yaml"))
	require.NoError(t, err)
	sch := compileSchema(t, scenario.KindScenario)
	require.NoError(t, sch.Validate(yamlToJSON(t, good)), "the schema accepts the lint's test scenario")
	src := string(good) + "trainer:\n  zone_of_agreement: Five to seven metres.\n  tips: [Watch the host.]\nlint:\n  ignore:\n    - {check: passenger, target: observer, reason: Watches.}\n"
	tests := []struct{ name, find, replace string }{
		{"stake", "unit: m, min: 0", "units: m, min: 0"},
		{"role stake", "{stake: distance, min: 5}", "{stake: distance, least: 5}"},
		{"phase", "step: brainstorm,", "stage: brainstorm,"},
		{"trainer", "zone_of_agreement:", "zone:"},
		{"lint ignore", "reason: Watches.}", "because: Watches.}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, src, tt.find)
			data := []byte(strings.Replace(src, tt.find, tt.replace, 1))
			_, diags := scenario.ParseScenario("x.yaml", data, rubrics)
			require.Error(t, diags.Err(), "the Go validator rejects it")
			assert.Regexp(t, `unknown key`, diags.Error())
			assert.Error(t, sch.Validate(yamlToJSON(t, data)), "the schema rejects it")
		})
	}
}

// A tip or a reason of nothing but spaces, full-width or no-break ones
// included, is refused by the schema as by the Go validator.
func TestSchemaBlankText(t *testing.T) {
	sch := compileSchema(t, scenario.KindScenario)
	good, err := os.ReadFile(filepath.Join("testdata", "lint", "clean.yaml"))
	require.NoError(t, err)
	for _, blank := range []string{" ", "\t", "\u3000", "\u00a0", "\u3000\u3000"} {
		for _, tail := range []string{
			"trainer:\n  tips: [\"" + blank + "\"]\n",
			"lint:\n  ignore:\n    - {check: passenger, reason: \"" + blank + "\"}\n",
		} {
			data := append(append([]byte{}, good...), tail...)
			_, diags := scenario.ParseScenario("x.yaml", data, testRubrics(t))
			assert.Error(t, diags.Err(), "Go refuses %q in %s", blank, tail)
			assert.Error(t, sch.Validate(yamlToJSON(t, data)), "the schema refuses %q in %s", blank, tail)
		}
	}
}
