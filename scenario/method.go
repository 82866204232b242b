package scenario

// Steps are the steps of a meeting a phase may carry out ([Phase.Step]):
// those any council has, and those of each method.
var Steps = []string{
	// Any method.
	StepOpening, StepDiscussion, StepSummingUp, StepDecision, StepReadBack, StepClosing,
	// Consensus workshop (ICA's Technology of Participation).
	"context", "brainstorm", "cluster", "name", "resolve",
	// Open space technology.
	"theme", "marketplace", "breakout", "news", "convergence",
	// ORID, the focused conversation.
	"objective", "reflective", "interpretive", "decisional",
	// World café.
	"cafe-round", "harvest",
}

// Steps every method shares.
const (
	StepOpening    = "opening"
	StepDiscussion = "discussion"
	StepSummingUp  = "summing-up"
	StepDecision   = "decision"
	StepReadBack   = "read-back"
	StepClosing    = "closing"
)

// MethodSteps are the steps that make a method what it is, in their order:
// an agenda of the method that lacks one is not that method. A step
// named twice must come at least twice (a world café has rounds). Free
// discussion has none.
var MethodSteps = map[string][]string{
	"consensus-workshop": {"brainstorm", "cluster", "name", "resolve"},
	"open-space":         {"theme", "marketplace", "breakout", "convergence"},
	"orid":               {"objective", "reflective", "interpretive", "decisional"},
	"world-cafe":         {"cafe-round", "cafe-round", "harvest"},
	"free":               nil,
}

// summingUpSteps are the steps in which a council sums up what it has
// heard: a phase of one of them is the agenda's induction.
var summingUpSteps = []string{StepSummingUp, "name", "interpretive", "harvest", "convergence"}
