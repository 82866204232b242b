package plan

import "github.com/yishi-council/yishi/scenario"

// Error is [scenario.MessageError], by its old name.
//
// Deprecated: use [scenario.MessageError].
type Error = scenario.MessageError

// Invalid is [scenario.Invalid], by its old name.
//
// Deprecated: use [scenario.Invalid].
func Invalid(m scenario.Message) error { return scenario.Invalid(m) }
