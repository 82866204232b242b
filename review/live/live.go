// Package live is the drill as it happens: the log of one round's groups
// (phases started and ended, pauses, injects released, notes, speaking
// turns) and the state of each group's clock folded from it. It is pure:
// the caller passes the time, the log is the only state, and the same log
// always folds to the same state, so a page that reconnects, or a server
// restarted from its database, sees what everyone else sees.
//
// Pauses are intervals, not a flag: every planned time after a pause is
// shifted by the pauses before it, so an inject due ten minutes into the
// drill comes ten minutes of drill after the start, however long the
// group was paused.
package live

import (
	"time"
)

// Kind is what a log entry records.
type Kind string

// The kinds of log entry.
const (
	// KindPhaseStart starts agenda phase Phase (from 1); the first one
	// starts the group's drill.
	KindPhaseStart Kind = "phase_start"
	// KindPhaseEnd ends agenda phase Phase; ending the last one finishes
	// the group's drill.
	KindPhaseEnd Kind = "phase_end"
	// KindPause stops the group's clock; KindResume starts it again.
	KindPause  Kind = "pause"
	KindResume Kind = "resume"
	// KindInject releases inject Inject to the roles it is aimed at; Auto
	// marks a release made by the scenario's rule rather than the trainer.
	KindInject Kind = "inject"
	// KindNote is a note the trainer typed, in Text.
	KindNote Kind = "note"
	// KindTurn starts a speaking turn by Member, ending the one before.
	KindTurn Kind = "turn"
	// KindSilence ends the current turn with nobody speaking.
	KindSilence Kind = "silence"
	// KindInterruption marks an interruption, by Member if the observer
	// said who.
	KindInterruption Kind = "interruption"
	// KindSummary marks a summary by the host.
	KindSummary Kind = "summary"
)

// Entry is one line of the drill log.
type Entry struct {
	// Seq is the entry's place in the log, from 1, given by the store.
	Seq   int64     `yaml:"seq" json:"seq"`
	At    time.Time `yaml:"at" json:"at"`
	Round int       `yaml:"round" json:"round"`
	Group int       `yaml:"group" json:"group"`
	Kind  Kind      `yaml:"kind" json:"kind"`
	// Phase is the agenda phase, from 1, of a phase entry.
	Phase  int    `yaml:"phase,omitempty" json:"phase,omitempty"`
	Inject string `yaml:"inject,omitempty" json:"inject,omitempty"`
	// Member is the trainee id of a turn, interruption or summary.
	Member string `yaml:"member,omitempty" json:"member,omitempty"`
	Text   string `yaml:"text,omitempty" json:"text,omitempty"`
	// End is when a turn ended, when the log says so; a turn without it
	// lasts until the next turn or silence. Written by hand on a paper
	// log; the room leaves it out.
	End time.Time `yaml:"end,omitempty" json:"end,omitzero"`
	// By is who made the entry: "trainer", "reviewer:NAME",
	// "trainee:ID" (an observer), or "server" (an automatic release, an
	// outage counted as a pause).
	By   string `yaml:"by,omitempty" json:"by,omitempty"`
	Auto bool   `yaml:"auto,omitempty" json:"auto,omitempty"`
}
