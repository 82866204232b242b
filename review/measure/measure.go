// Package measure computes the debrief's objective measures from one
// group's drill log: rhythm (planned against actual time per phase,
// overrun, punctuality, how soon the group answered an inject), guidance
// and participation (speaking time and turns per member, the Gini
// coefficient of speaking time, silent members, the host's share of the
// talk, interruptions per ten minutes, how often the floor passes), and
// induction (host summaries per phase, the time of the first). It is
// pure: the same entries give the same measures, in whatever order
// entries that carry their own times arrive.
package measure

import (
	"time"

	"github.com/yishi-council/yishi/review/live"
)

// Input is one group's drill: its agenda, who was in it, who hosted, and
// its log entries (of this round and group; others are skipped).
type Input struct {
	Agenda live.Agenda
	// Team is who was in the group. Each member's Role is the id of the
	// role they play (as [live.TeamOf] gives it, not its title): the
	// injects' To name roles by id, and a turn by a member an inject is
	// aimed at answers it.
	Team live.Team
	// Hosts are the trainee ids of the members whose role is the host.
	Hosts   []string
	Entries []live.Entry
}

// Group is the measures of one group's drill.
type Group struct {
	Round int `json:"round"`
	Group int `json:"group"`
	// Started and Finished bound the drill, from the first phase start
	// to the end of the last phase (the last entry or turn end, when no
	// phase end closed it); for a log without a phase start, its
	// entries' span.
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	// Drill is the time between them less the pauses.
	Drill         time.Duration   `json:"drill"`
	Pauses        []live.Interval `json:"pauses,omitempty"`
	Rhythm        Rhythm          `json:"rhythm"`
	Participation Participation   `json:"participation"`
	Induction     Induction       `json:"induction"`
	// Values are the measures by their id ([scenario.Measures]), for the
	// rubric's mapping; a measure that cannot be computed from this log is
	// absent. Whether the log has a speaking turn by a member inside the
	// drill — whether an observer was logging the talk — decides what a
	// missing entry means:
	//   - gini, silent_members, host_share and floor_passes need a turn: a
	//     log of phase times alone gives no "all members silent";
	//   - interruptions_per_10 and summaries need a turn or an entry of
	//     their own kind, and first_summary a summary;
	//   - inject_response is the mean over the injects released; with
	//     turns, one never answered counts as answered at the drill's end
	//     (a lower bound on its time, so ignoring an inject reads slow);
	//     without, only the injects an entry answers count, and none
	//     answered gives no value.
	Values map[string]float64 `json:"values"`
	// Timeline is what the group's timeline chart draws.
	Timeline Timeline `json:"-"`
}

// Rhythm is how the group kept to its agenda.
type Rhythm struct {
	Phases []PhaseTime `json:"phases"`
	// Planned is the sum of the timeboxes, Actual of the phases' times,
	// and Over Actual less Planned (negative when under).
	Planned time.Duration `json:"planned"`
	Actual  time.Duration `json:"actual"`
	Over    time.Duration `json:"over"`
	Skipped int           `json:"skipped"`
	// Punctuality is 1 less the mean, over the agenda's phases, of each
	// phase's deviation from its timebox as a share of it, capped at 1
	// (a skipped phase deviates by 1): 1 when every phase kept its
	// timebox, 0 when none came near (and 0 for a log whose drill never
	// started).
	Punctuality float64          `json:"punctuality"`
	Injects     []InjectResponse `json:"injects,omitempty"`
}

// PhaseTime is one agenda phase, planned and as it ran.
type PhaseTime struct {
	Phase   int           `json:"phase"` // from 1
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	Planned time.Duration `json:"planned"`
	// Actual is the phase's time less pauses; 0 for a skipped phase.
	Actual time.Duration `json:"actual"`
	// Overrun is Actual less Planned as a share of Planned (negative
	// when under); 0 for a phase planned at no time.
	Overrun float64   `json:"overrun"`
	Skipped bool      `json:"skipped,omitempty"`
	Start   time.Time `json:"start,omitzero"`
	End     time.Time `json:"end,omitzero"`
}

// InjectResponse is one inject released to the group and, where the log
// shows it, how long after its release the group first answered it, in
// drill time: until the first later entry naming the inject or, with
// none, the first later turn by a member whose role the inject is aimed
// at (its To in the agenda). An inject never answered has Responded
// false and no After; the inject_response measure counts it as answered
// at the drill's end.
type InjectResponse struct {
	ID        string        `json:"id"`
	Released  time.Time     `json:"released"`
	Responded bool          `json:"responded"`
	After     time.Duration `json:"after,omitempty"`
}

// Participation is who spoke, and how the floor moved.
type Participation struct {
	// Members has every member of the team, in the team's order.
	Members []MemberTalk `json:"members"`
	// Speaking is the total speaking time of all members.
	Speaking time.Duration `json:"speaking"`
	// Gini is the Gini coefficient of the members' speaking times, silent
	// members counting as zero: 0 when all spoke equally, near 1 when one
	// member spoke alone.
	Gini float64 `json:"gini"`
	// Silent are the ids of members who never took a turn.
	Silent []string `json:"silent"`
	// HostShare is the hosts' share of the speaking time, 0..1; nil when
	// the group had no host or nobody spoke.
	HostShare     *float64 `json:"host_share"`
	Turns         int      `json:"turns"`
	Interruptions int      `json:"interruptions"`
	// InterruptionsPer10 is interruptions per ten minutes of drill.
	InterruptionsPer10 float64 `json:"interruptions_per_10"`
	// FloorPasses counts turns that went to another member than the one
	// before; PassRate is FloorPasses over the turns after the first.
	FloorPasses int     `json:"floor_passes"`
	PassRate    float64 `json:"pass_rate"`
}

// MemberTalk is one member's speaking.
type MemberTalk struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Role     string        `json:"role"`
	Speaking time.Duration `json:"speaking"`
	// Share is Speaking over the group's speaking time, 0..1.
	Share         float64 `json:"share"`
	Turns         int     `json:"turns"`
	Interruptions int     `json:"interruptions"`
}

// Induction is how the host summed up.
type Induction struct {
	// PerPhase counts the host summaries in each agenda phase, in agenda
	// order. A host summary is a summary entry naming no member or a
	// member in [Input.Hosts]; summaries by other members are left out
	// of PerPhase, Total, First and [Timeline.Summaries]. A summary logged at the moment a phase ends counts in that
	// phase; one logged between phases counts in the phase that starts at
	// the same moment, else only in Total.
	PerPhase []int `json:"per_phase"`
	Total    int   `json:"total"`
	// First is the drill time before the first summary; nil with none.
	First *time.Duration `json:"first,omitempty"`
}

// Timeline is what a group's timeline chart draws: the planned and the
// actual phases, pauses, injects released, and each member's turns.
type Timeline struct {
	Start   time.Time
	End     time.Time
	Phases  []PhaseTime
	Pauses  []live.Interval
	Injects []InjectResponse
	Turns   []Turn
	Members []MemberTalk
	// Summaries and Interruptions are when each happened.
	Summaries     []time.Time
	Interruptions []time.Time
}

// Turn is one speaking turn, from its start to its end.
type Turn struct {
	Member string
	From   time.Time
	To     time.Time
}
