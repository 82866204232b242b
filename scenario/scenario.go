// Package scenario holds the model of a yishi drill: the scenario a trainer
// writes (the community issue, agenda, injects, roles and grouping rules)
// and the rubric reviewers score with. It decodes both from YAML with one
// strict path, validates them, and reports every problem at once with its
// file, line and column.
package scenario

import (
	"go.yaml.in/yaml/v3"
)

// Version is the file-format version this build reads and writes.
const Version = 1

// Methods are the meeting methods a scenario may name.
var Methods = []string{"consensus-workshop", "open-space", "orid", "world-cafe", "free"}

// Levels are the levels of community life a scenario may be set at: a
// whole street's affairs, one residential community's, or one building's
// or courtyard's.
var Levels = []string{LevelStreet, LevelCommunity, LevelBuilding}

// Scenario levels.
const (
	LevelStreet    = "street"
	LevelCommunity = "community"
	LevelBuilding  = "building"
)

// Functions are the functions a role may have in a group.
var Functions = []string{FunctionHost, FunctionRecorder, FunctionStakeholder, FunctionObserver}

// Role functions.
const (
	FunctionHost        = "host"
	FunctionRecorder    = "recorder"
	FunctionStakeholder = "stakeholder"
	FunctionObserver    = "observer"
)

// Scenario is one drill: the community issue, its public facts, the
// method and agenda, the injects, the roles, the grouping rules and the
// rubric.
type Scenario struct {
	Version     int          `yaml:"version" json:"version"`
	Kind        string       `yaml:"kind,omitempty" json:"kind,omitempty"`
	ID          string       `yaml:"id" json:"id"`
	Title       string       `yaml:"title" json:"title"`
	Summary     string       `yaml:"summary,omitempty" json:"summary,omitempty"`
	Language    string       `yaml:"language" json:"language"`
	Method      string       `yaml:"method" json:"method"`
	Level       string       `yaml:"level,omitempty" json:"level,omitempty"`
	Duration    Duration     `yaml:"duration" json:"duration"`
	Tags        []string     `yaml:"tags,omitempty" json:"tags,omitempty"`
	Backgrounds []Background `yaml:"backgrounds,omitempty" json:"backgrounds,omitempty"`
	Issue       Issue        `yaml:"issue" json:"issue"`
	Agenda      []Phase      `yaml:"agenda" json:"agenda"`
	Injects     []Inject     `yaml:"injects,omitempty" json:"injects,omitempty"`
	Roles       []Role       `yaml:"roles" json:"roles"`
	Grouping    Grouping     `yaml:"grouping" json:"grouping"`
	Schedule    Schedule     `yaml:"schedule,omitempty" json:"schedule,omitempty"`
	Rubric      RubricRef    `yaml:"rubric" json:"rubric"`
	// Stakes are what the parties can trade, which roles' bottom lines
	// are written against.
	Stakes []Stake `yaml:"stakes,omitempty" json:"stakes,omitempty"`
	// Trainer holds the trainer's notes: the zone of agreement, a
	// possible agreement and tips. They are never on a trainee's card.
	Trainer TrainerNotes `yaml:"trainer,omitempty" json:"trainer,omitzero"`
	// Lint lists the lint's warnings the author has judged and accepted.
	Lint LintSettings `yaml:"lint,omitempty" json:"lint,omitzero"`

	// Pos is where the scenario starts; File names the file it came from.
	Pos    Pos `yaml:"-" json:"-"`
	pos    map[string]Pos
	failed map[string]bool
}

// Background is one entry of the scenario's background vocabulary: the
// professions or standings a roster's `background` column is mapped to.
// Aliases let "社工", "social worker" and "social-worker" name one background.
type Background struct {
	ID      string   `yaml:"id" json:"id"`
	Label   Text     `yaml:"label" json:"label"`
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
}

// Stake is something the parties can trade: the compensation for the
// ground floor, the monthly fee, the hours of a square. Min and Max, when
// given, are the range the public facts allow (Fact names that fact, the
// first being 1), in Unit.
type Stake struct {
	ID    string   `yaml:"id" json:"id"`
	Title string   `yaml:"title" json:"title"`
	Unit  string   `yaml:"unit,omitempty" json:"unit,omitempty"`
	Min   *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max   *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Fact  int      `yaml:"fact,omitempty" json:"fact,omitempty"`
}

// RoleStake is a role's interest in a stake and, when it has one, its
// bottom line there: the least it accepts (Min) or the most (Max).
type RoleStake struct {
	Stake string   `yaml:"stake" json:"stake"`
	Min   *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max   *float64 `yaml:"max,omitempty" json:"max,omitempty"`
}

// TrainerNotes are the trainer's notes on a scenario: where the parties'
// interests meet (the zone of agreement), one agreement a group could
// reach, and tips for running the drill. They are for the trainer alone.
type TrainerNotes struct {
	ZoneOfAgreement   string   `yaml:"zone_of_agreement,omitempty" json:"zone_of_agreement,omitempty"`
	PossibleAgreement string   `yaml:"possible_agreement,omitempty" json:"possible_agreement,omitempty"`
	Tips              []string `yaml:"tips,omitempty" json:"tips,omitempty"`
}

// IsZero reports whether there are no notes.
func (t TrainerNotes) IsZero() bool {
	return t.ZoneOfAgreement == "" && t.PossibleAgreement == "" && len(t.Tips) == 0
}

// LintSettings holds the lint warnings an author accepts, each with why.
type LintSettings struct {
	Ignore []LintIgnore `yaml:"ignore,omitempty" json:"ignore,omitempty"`
}

// IsZero reports whether nothing is set.
func (l LintSettings) IsZero() bool { return len(l.Ignore) == 0 }

// LintIgnore accepts the warnings of one lint check, on one target (the
// id of a role, phase, inject, stake or rubric dimension) or, with no
// target, on all; Reason says why the drill is better so.
type LintIgnore struct {
	Check  string `yaml:"check" json:"check"`
	Target string `yaml:"target,omitempty" json:"target,omitempty"`
	Reason string `yaml:"reason" json:"reason"`
}

// Issue is the community issue the council deliberates.
type Issue struct {
	Background    string   `yaml:"background" json:"background"`
	FocusQuestion string   `yaml:"focus_question" json:"focus_question"`
	PublicFacts   []string `yaml:"public_facts" json:"public_facts"`
}

// Phase is one step of the meeting with its timebox: the agenda's phases
// set the meeting's rhythm.
type Phase struct {
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title"`
	Minutes    int      `yaml:"minutes" json:"minutes"`
	LedBy      string   `yaml:"led_by,omitempty" json:"led_by,omitempty"`
	Purpose    string   `yaml:"purpose,omitempty" json:"purpose,omitempty"`
	Expect     []string `yaml:"expect,omitempty" json:"expect,omitempty"`
	Dimensions []string `yaml:"dimensions,omitempty" json:"dimensions,omitempty"`
	// Step is the method's step the phase carries out, one of [Steps],
	// such as brainstorm or marketplace.
	Step string `yaml:"step,omitempty" json:"step,omitempty"`
	// Involves names the roles (by id, or all of a function such as
	// stakeholder) the phase needs besides its leader. A phase that
	// names them is theirs: others do not act in it.
	Involves []string `yaml:"involves,omitempty" json:"involves,omitempty"`
}

// Inject is a timed event the trainer hands to some roles during the drill.
type Inject struct {
	ID          string   `yaml:"id,omitempty" json:"id,omitempty"`
	At          Duration `yaml:"at" json:"at"`
	To          []string `yaml:"to" json:"to"`
	Text        string   `yaml:"text" json:"text"`
	Exercises   []string `yaml:"exercises,omitempty" json:"exercises,omitempty"`
	TrainerNote string   `yaml:"trainer_note,omitempty" json:"trainer_note,omitempty"`
	// Release says how the room releases the inject: [ReleaseManual] (the
	// default) waits for the trainer's button, [ReleaseAuto] releases it
	// by itself when it is due.
	Release string `yaml:"release,omitempty" json:"release,omitempty"`
}

// How an inject is released in the room.
const (
	ReleaseManual = "manual"
	ReleaseAuto   = "auto"
)

// Role is a part to play in each group. Count fixes how many members of a
// group play it; Min and Max give a range instead (Max left out means no
// upper limit). With none of the three a group has exactly one.
type Role struct {
	ID               string   `yaml:"id" json:"id"`
	Title            string   `yaml:"title" json:"title"`
	Function         string   `yaml:"function" json:"function"`
	Count            *int     `yaml:"count,omitempty" json:"count,omitempty"`
	Min              *int     `yaml:"min,omitempty" json:"min,omitempty"`
	Max              *int     `yaml:"max,omitempty" json:"max,omitempty"`
	Brief            string   `yaml:"brief" json:"brief"`
	Confidential     string   `yaml:"confidential,omitempty" json:"confidential,omitempty"`
	Goals            []string `yaml:"goals,omitempty" json:"goals,omitempty"`
	Interests        []string `yaml:"interests,omitempty" json:"interests,omitempty"`
	AvoidBackground  []string `yaml:"avoid_background,omitempty" json:"avoid_background,omitempty"`
	PreferBackground []string `yaml:"prefer_background,omitempty" json:"prefer_background,omitempty"`
	// Stakes are the stakes the role's interests bear on, with its bottom
	// lines; they are confidential, like the brief.
	Stakes []RoleStake `yaml:"stakes,omitempty" json:"stakes,omitempty"`
	// Exercises are the rubric dimensions the role's goals exercise.
	Exercises []string `yaml:"exercises,omitempty" json:"exercises,omitempty"`

	Pos Pos `yaml:"-" json:"-"`
}

// Unlimited is the MaxPerGroup of a role with no upper limit.
const Unlimited = -1

// MinPerGroup is the fewest members of each group who must play the role.
func (r Role) MinPerGroup() int {
	switch {
	case r.Count != nil:
		return *r.Count
	case r.Min != nil:
		return *r.Min
	case r.Max != nil:
		return 0
	}
	return 1
}

// MaxPerGroup is the most members of a group who may play the role, or
// [Unlimited].
func (r Role) MaxPerGroup() int {
	switch {
	case r.Count != nil:
		return *r.Count
	case r.Max != nil:
		return *r.Max
	case r.Min != nil:
		return Unlimited
	}
	return 1
}

// Grouping holds the rules for forming groups: their number or size, the
// attributes to mix, and quotas every group must meet.
type Grouping struct {
	Groups  int       `yaml:"groups,omitempty" json:"groups,omitempty"`
	Size    SizeRange `yaml:"size,omitempty" json:"size,omitempty"`
	Mix     []MixRule `yaml:"mix,omitempty" json:"mix,omitempty"`
	Require []Quota   `yaml:"require,omitempty" json:"require,omitempty"`
}

// SizeRange bounds the number of members of a group.
type SizeRange struct {
	Min int `yaml:"min,omitempty" json:"min,omitempty"`
	Max int `yaml:"max,omitempty" json:"max,omitempty"`
}

// MixRule names a roster attribute whose values should be spread across
// groups, and how much that matters relative to the other rules.
type MixRule struct {
	Attribute string  `yaml:"attribute" json:"attribute"`
	Weight    float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
}

// Quota asks that every group hold at least Min (and, when Max is above
// zero, at most Max) trainees whose Attribute has Value.
type Quota struct {
	Attribute string `yaml:"attribute" json:"attribute"`
	Value     string `yaml:"value" json:"value"`
	Min       int    `yaml:"min,omitempty" json:"min,omitempty"`
	Max       int    `yaml:"max,omitempty" json:"max,omitempty"`
}

// RubricRef is the scenario's rubric: the name of a bundled rubric such as
// "standard", or a rubric written inline. After loading, Rubric holds the
// resolved rubric either way.
type RubricRef struct {
	Name   string  `json:"name,omitempty"`
	Rubric *Rubric `json:"rubric,omitempty"`
	inline bool
}

// MarshalYAML writes the reference as it was read: a name or the rubric.
func (r RubricRef) MarshalYAML() (any, error) {
	if r.inline {
		return r.Rubric, nil
	}
	return r.Name, nil
}

func (r *RubricRef) decodeNode(d *decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		r.Name = n.Value
	case yaml.MappingNode:
		r.inline = true
		r.Rubric = &Rubric{}
		d.decodeStruct(n, reflectValue(r.Rubric), path)
		r.Name = r.Rubric.ID
	default:
		d.typeErrorf(n, path, "%s: expected a rubric name such as standard, or a rubric, got %s", displayPath(path), describe(n))
	}
}

// Inline reports whether the rubric was written inside the scenario.
func (r RubricRef) Inline() bool { return r.inline }

// PosOf returns where the value at path (such as "roles[2].count") stood in
// the file, falling back to its closest enclosing value.
func (s *Scenario) PosOf(path string) Pos { return posOf(s.pos, s.Pos, path) }

// Role returns the role with the given id.
func (s *Scenario) Role(id string) (Role, bool) {
	for _, r := range s.Roles {
		if r.ID == id {
			return r, true
		}
	}
	return Role{}, false
}

// Background returns the vocabulary entry with the given id.
func (s *Scenario) Background(id string) (Background, bool) {
	for _, b := range s.Backgrounds {
		if b.ID == id {
			return b, true
		}
	}
	return Background{}, false
}

// WithoutConfidential returns a copy of s whose roles carry no confidential
// brief nor bottom lines, and without the trainer's notes (the scenario's
// and each inject's) or the lint's accepted warnings (whose reasons may
// quote either), for showing a scenario to someone who is not its trainer. s itself
// is left as it is.
func (s *Scenario) WithoutConfidential() *Scenario {
	c := *s
	c.Roles = make([]Role, len(s.Roles))
	for i, r := range s.Roles {
		r.Confidential = ""
		r.Stakes = nil
		c.Roles[i] = r
	}
	c.Injects = make([]Inject, len(s.Injects))
	for i, in := range s.Injects {
		in.TrainerNote = ""
		c.Injects[i] = in
	}
	c.Trainer = TrainerNotes{}
	c.Lint = LintSettings{} // an ignore's reason may quote a bottom line
	return &c
}
