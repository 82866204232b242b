package scenario

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed schema/*.json
var schemaFiles embed.FS

// SchemaKinds are the kinds of file [Schema] has a JSON Schema for.
var SchemaKinds = []string{KindScenario, KindRubric}

// SchemaURL returns the $id of the JSON Schema for kind, such as
// https://yishi.dev/schema/scenario-v1.json, for a
// `# yaml-language-server: $schema=...` line at the top of a file.
func SchemaURL(kind string) string {
	return fmt.Sprintf("https://yishi.dev/schema/%s-v%d.json", kind, Version)
}

// Schema returns the draft-07 JSON Schema of version [Version] files of the
// given kind, one of [SchemaKinds]. Editors use it to complete keys and show
// their descriptions; the Go validator behind ParseScenario and ParseRubric
// remains the authority and checks more, such as references between ids.
func Schema(kind string) ([]byte, error) {
	for _, k := range SchemaKinds {
		if k == kind {
			return schemaFiles.ReadFile("schema/" + kind + ".schema.json")
		}
	}
	return nil, fmt.Errorf("no schema for kind %q (known kinds: %s)", kind, strings.Join(SchemaKinds, ", "))
}
