package drilllog

import _ "embed"

// SchemaURL is the $id of [Schema], for a
// `# yaml-language-server: $schema=...` line.
const SchemaURL = "https://yishi.dev/schema/drill-log-v2.json"

// Schema is the JSON Schema (draft-07, as the scenario's) of a drill log
// file written as YAML, version 1 or 2. Editors use it to complete keys
// and explain them; [Parse] and [Check] remain the authority and check
// more: the times, and the members, phases and injects against the plan
// and the scenario.
//
//go:embed schema/drill-log.schema.json
var Schema []byte
