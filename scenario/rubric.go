package scenario

// StandardDimensions are the dimensions every debrief of a council drill
// looks at; a rubric that leaves one out gets a warning.
var StandardDimensions = []string{"organization", "rhythm", "guidance", "induction", "recording", "hosting"}

// Rubric is the set of dimensions reviewers score a group on, each with
// level descriptors anchored on a common scale.
type Rubric struct {
	Version     int         `yaml:"version,omitempty" json:"version,omitempty"`
	Kind        string      `yaml:"kind,omitempty" json:"kind,omitempty"`
	ID          string      `yaml:"id" json:"id"`
	Title       Text        `yaml:"title" json:"title"`
	Description Text        `yaml:"description,omitempty" json:"description,omitempty"`
	Scale       Scale       `yaml:"scale" json:"scale"`
	Dimensions  []Dimension `yaml:"dimensions" json:"dimensions"`

	// Pos is where the rubric starts.
	Pos    Pos `yaml:"-" json:"-"`
	pos    map[string]Pos
	failed map[string]bool
}

// Scale is the range of whole-number scores, such as 1 to 5.
type Scale struct {
	Min int `yaml:"min" json:"min"`
	Max int `yaml:"max" json:"max"`
}

// Contains reports whether score lies on the scale.
func (s Scale) Contains(score int) bool { return score >= s.Min && score <= s.Max }

// Dimension is one thing reviewers score, such as the rhythm of the meeting.
type Dimension struct {
	ID          string  `yaml:"id" json:"id"`
	Title       Text    `yaml:"title" json:"title"`
	Description Text    `yaml:"description,omitempty" json:"description,omitempty"`
	Weight      float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
	LookFor     []Text  `yaml:"look_for,omitempty" json:"look_for,omitempty"`
	// Owner is the role function answerable for the dimension in the
	// debrief ([FunctionHost] for rhythm, [FunctionRecorder] for recording):
	// the improvement plan names whoever played it. Empty means the whole
	// group.
	Owner string `yaml:"owner,omitempty" json:"owner,omitempty"`
	// Cues are words, in any language, that point a reviewer's improvement
	// at this dimension when it names none ("timer", "超时" for rhythm).
	Cues []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	// Measures are the measures of the drill log that bear on the
	// dimension, each with the values the report reads as good and poor;
	// the report shows them beside the dimension's scores and flags a
	// group whose scores and measures disagree.
	Measures []MeasureRef `yaml:"measures,omitempty" json:"measures,omitempty"`
	Levels   []Level      `yaml:"levels" json:"levels"`

	Pos Pos `yaml:"-" json:"-"`
}

// EffectiveWeight is the dimension's weight in a weighted total: 1 when
// the rubric leaves it out.
func (d Dimension) EffectiveWeight() float64 {
	if d.Weight == 0 {
		return 1
	}
	return d.Weight
}

// Level anchors one score of a dimension with a descriptor of what a group
// at that level does.
type Level struct {
	Score      int  `yaml:"score" json:"score"`
	Descriptor Text `yaml:"descriptor" json:"descriptor"`
}

// Dimension returns the dimension with the given id.
func (r *Rubric) Dimension(id string) (Dimension, bool) {
	for _, d := range r.Dimensions {
		if d.ID == id {
			return d, true
		}
	}
	return Dimension{}, false
}

// DimensionIDs lists the ids of the rubric's dimensions in order.
func (r *Rubric) DimensionIDs() []string {
	out := make([]string, len(r.Dimensions))
	for i, d := range r.Dimensions {
		out[i] = d.ID
	}
	return out
}

// PosOf returns where the value at path stood in the file.
func (r *Rubric) PosOf(path string) Pos { return posOf(r.pos, r.Pos, path) }

// MeasureRef ties a rubric dimension to one measure of the drill log
// ([Measures] lists their ids). A value at Good or beyond it (away from
// Poor) reads as good, one at Poor or beyond as poor; Good above Poor
// means higher is better. The report flags a group scored near the top
// of the scale whose measure is poor, and one scored near the bottom
// whose measure is good.
type MeasureRef struct {
	ID   string  `yaml:"id" json:"id"`
	Good float64 `yaml:"good" json:"good"`
	Poor float64 `yaml:"poor" json:"poor"`
}

// Reads says how a measure's value reads against the reference: 1 for
// good, -1 for poor, 0 for in between.
func (m MeasureRef) Reads(v float64) int {
	higher := m.Good > m.Poor
	switch {
	case higher && v >= m.Good, !higher && v <= m.Good:
		return 1
	case higher && v <= m.Poor, !higher && v >= m.Poor:
		return -1
	}
	return 0
}

// The ids of the drill log's measures a rubric may name (see
// [MeasureRef]); the review/measure package computes each.
const (
	MeasurePunctuality        = "punctuality"          // 0..1, 1 is every phase on its timebox
	MeasureOverrun            = "overrun"              // share of the planned time the drill ran over, 0 if under
	MeasurePhasesSkipped      = "phases_skipped"       // agenda phases never started
	MeasureInjectResponse     = "inject_response"      // mean minutes from an inject's release to the first response
	MeasureGini               = "gini"                 // Gini coefficient of speaking time, 0 equal .. 1 one speaker
	MeasureSilentMembers      = "silent_members"       // members with no speaking turn
	MeasureHostShare          = "host_share"           // the host's share of the speaking time, 0..1
	MeasureInterruptionsPer10 = "interruptions_per_10" // interruptions per 10 minutes of drill
	MeasureFloorPasses        = "floor_passes"         // share of turns that pass the floor to another member
	MeasureSummaries          = "summaries"            // host summaries in the drill
	MeasureFirstSummary       = "first_summary"        // minutes of drill before the first summary
)

// shareMeasures are the measures whose value is a share from 0 to 1.
var shareMeasures = []string{MeasurePunctuality, MeasureGini, MeasureHostShare, MeasureFloorPasses}

// MaxMeasureValue bounds the good and poor values of every other measure:
// no count, minute or rate of one drill comes near it.
const MaxMeasureValue = 1000

// Measures lists the ids of every measure, in the order reports show them.
var Measures = []string{
	MeasurePunctuality, MeasureOverrun, MeasurePhasesSkipped, MeasureInjectResponse,
	MeasureGini, MeasureSilentMembers, MeasureHostShare, MeasureInterruptionsPer10, MeasureFloorPasses,
	MeasureSummaries, MeasureFirstSummary,
}
