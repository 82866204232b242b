package drilllog

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// compileSchema compiles the embedded schema as draft-07, which checks it
// against the draft-07 metaschema, as the scenario's schema tests do.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	require.NoError(t, c.AddResource(SchemaURL, doc))
	sch, err := c.Compile(SchemaURL)
	require.NoError(t, err)
	return sch
}

// yamlToJSON converts a YAML document to what a YAML language server
// gives the schema. YAML 1.2, which it reads, has no timestamps: yaml.v3's
// dates become the text they were.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	j, err := json.Marshal(untime(v))
	require.NoError(t, err)
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	require.NoError(t, err)
	return out
}

func TestSchemaAccepts(t *testing.T) {
	sch := compileSchema(t)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Schema, &doc))
	assert.Equal(t, SchemaURL, doc["$id"])
	for _, file := range []string{"testdata/golden.yaml", "testdata/good.yaml", "testdata/template-r1g2.yaml", "testdata/template-zh.yaml", "testdata/v1-export.yaml"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.NoError(t, sch.Validate(yamlToJSON(t, data)))
		})
	}
}

// The schema can fail: what Parse refuses for its shape, it refuses too.
func TestSchemaRefuses(t *testing.T) {
	sch := compileSchema(t)
	for _, tt := range badLogs {
		if tt.file != "bad.yaml" {
			continue
		}
		switch tt.name {
		case "unknown kind", "no kind", "no time", "a time that is none", "another version", "no version",
			"another kind, unknown keys", "a bad date and offset", "not a mapping", "entries not a list, no entries",
			"no round or group", "round 0 and a group that is no number", "a note too long, auto not a boolean":
		default:
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if yaml.Unmarshal([]byte(tt.data), &v) != nil {
				t.Skip("not YAML a language server reads")
			}
			assert.Error(t, sch.Validate(yamlToJSON(t, []byte(tt.data))))
		})
	}
}

func untime(v any) any {
	switch v := v.(type) {
	case time.Time:
		if v.Equal(v.Truncate(24*time.Hour)) && v.Location() == time.UTC {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339Nano)
	case map[string]any:
		for k, x := range v {
			v[k] = untime(x)
		}
	case []any:
		for i, x := range v {
			v[i] = untime(x)
		}
	}
	return v
}
