package live

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// CommandKind is what a [Command] asks of a group.
type CommandKind string

// The commands of the console and of an observer's phone.
const (
	// CommandStart starts the group's drill with the first agenda phase.
	CommandStart CommandKind = "start"
	// CommandNext ends the current phase and starts the next one; after
	// the last phase it finishes the drill.
	CommandNext CommandKind = "next"
	// CommandPause stops the group's clock; CommandResume starts it again.
	CommandPause  CommandKind = "pause"
	CommandResume CommandKind = "resume"
	// CommandRelease releases the inject Inject.
	CommandRelease CommandKind = "release"
	// CommandNote adds the trainer's note Text to the log.
	CommandNote CommandKind = "note"
	// CommandTurn starts a speaking turn by Member.
	CommandTurn CommandKind = "turn"
	// CommandSilence ends the current turn with nobody speaking.
	CommandSilence CommandKind = "silence"
	// CommandInterruption marks an interruption, by Member if given.
	CommandInterruption CommandKind = "interruption"
	// CommandSummary marks a summary, by Member if given.
	CommandSummary CommandKind = "summary"
)

// Command is one action on a group, from the trainer's console or an
// observer's phone. Inject names the inject to release, Member the
// trainee of a turn, interruption or summary, and Text a note.
type Command struct {
	Kind   CommandKind `json:"kind"`
	Inject string      `json:"inject,omitempty"`
	Member string      `json:"member,omitempty"`
	Text   string      `json:"text,omitempty"`
}

// MaxNote is the most characters a note may have.
const MaxNote = 2000

// The reasons a command is refused. [State.Apply] wraps them with the
// round and group.
var (
	// ErrNotStarted refuses what needs a started group: next, pause,
	// resume, release and the observers' marks.
	ErrNotStarted = errors.New("the group has not started: start it first")
	// ErrRunning refuses a start of a group already running.
	ErrRunning = errors.New("the group is already running")
	// ErrPaused refuses a start, next phase or pause of a paused group.
	ErrPaused = errors.New("the group is paused: resume it first")
	// ErrNotPaused refuses a resume of a running group.
	ErrNotPaused = errors.New("the group is not paused: there is nothing to resume")
	// ErrFinished refuses what needs a group still in its drill.
	ErrFinished = errors.New("the group has finished its drill")
	// ErrNoPhases refuses a start when the agenda has no phases.
	ErrNoPhases = errors.New("the agenda has no phases: add one to the scenario")
	// ErrUnknownInject refuses a release of an inject the agenda lacks.
	ErrUnknownInject = errors.New("the scenario has no such inject: pick one of its injects")
	// ErrReleased refuses a second release of an inject.
	ErrReleased = errors.New("the inject is already released")
	// ErrEmptyNote refuses a note with no text.
	ErrEmptyNote = errors.New("the note is empty: type some text")
	// ErrTooLong refuses a note of more than [MaxNote] characters.
	ErrTooLong = errors.New("the note is too long: keep it to 2000 characters")
	// ErrNotMember refuses a turn, interruption or summary by someone not
	// in the group, and a turn by nobody.
	ErrNotMember = errors.New("not a member of this group: pick one of the group's members")
	// ErrUnknownKind refuses a command of no known kind.
	ErrUnknownKind = errors.New("unknown command: use start, next, pause, resume, release, note, turn, silence, interruption or summary")
)

// Apply checks the command against the group's state at now and returns
// the entries to append to the log, made by by (see [Entry.By]); their
// Seq is left 0 for the store to number. A turn by the member already
// speaking, and silence when nobody speaks, change nothing: no entries
// and no error. A refused command returns an error that wraps one of the
// Err values.
func (s State) Apply(a Agenda, c Command, now time.Time, by string) ([]Entry, error) {
	entry := func(k Kind) Entry {
		return Entry{At: now, Round: s.Team.Round, Group: s.Team.Group, Kind: k, By: by}
	}
	refuse := func(err error) ([]Entry, error) {
		return nil, fmt.Errorf("round %d, group %d: %w", s.Team.Round, s.Team.Group, err)
	}
	switch c.Kind {
	case CommandStart:
		if err := s.need(StatusWaiting); err != nil {
			return refuse(err)
		}
		if len(a.Phases) == 0 {
			return refuse(ErrNoPhases)
		}
		e := entry(KindPhaseStart)
		e.Phase = 1
		return []Entry{e}, nil
	case CommandNext:
		if err := s.need(StatusRunning); err != nil {
			return refuse(err)
		}
		end := entry(KindPhaseEnd)
		end.Phase = s.Phase
		if s.Phase >= len(a.Phases) {
			return []Entry{end}, nil
		}
		start := entry(KindPhaseStart)
		start.Phase = s.Phase + 1
		return []Entry{end, start}, nil
	case CommandPause:
		if err := s.need(StatusRunning); err != nil {
			return refuse(err)
		}
		return []Entry{entry(KindPause)}, nil
	case CommandResume:
		if s.Status == StatusRunning {
			return refuse(ErrNotPaused)
		}
		if err := s.need(StatusPaused); err != nil {
			return refuse(err)
		}
		return []Entry{entry(KindResume)}, nil
	case CommandRelease:
		if s.Status == StatusWaiting {
			return refuse(ErrNotStarted)
		}
		if _, ok := a.Inject(c.Inject); !ok {
			return refuse(fmt.Errorf("inject %q: %w", c.Inject, ErrUnknownInject))
		}
		for _, in := range s.Injects {
			if in.ID == c.Inject && in.Released {
				return refuse(fmt.Errorf("inject %q: %w", c.Inject, ErrReleased))
			}
		}
		e := entry(KindInject)
		e.Inject = c.Inject
		return []Entry{e}, nil
	case CommandNote:
		text := strings.TrimSpace(c.Text)
		if text == "" {
			return refuse(ErrEmptyNote)
		}
		if n := utf8.RuneCountInString(text); n > MaxNote {
			return refuse(fmt.Errorf("%d characters: %w", n, ErrTooLong))
		}
		e := entry(KindNote)
		e.Text = text
		return []Entry{e}, nil
	case CommandSilence:
		if s.Speaker == "" {
			return nil, nil
		}
		return []Entry{entry(KindSilence)}, nil
	case CommandTurn, CommandInterruption, CommandSummary:
		if err := s.need(StatusRunning, StatusPaused); err != nil {
			return refuse(err)
		}
		if (c.Member != "" || c.Kind == CommandTurn) && !s.isMember(c.Member) {
			return refuse(fmt.Errorf("member %q: %w", c.Member, ErrNotMember))
		}
		if c.Kind == CommandTurn && c.Member == s.Speaker {
			return nil, nil
		}
		e := entry(observed[c.Kind])
		e.Member = c.Member
		return []Entry{e}, nil
	}
	return refuse(fmt.Errorf("%q: %w", c.Kind, ErrUnknownKind))
}

// observed is the kind of entry an observer's command makes.
var observed = map[CommandKind]Kind{CommandTurn: KindTurn, CommandInterruption: KindInterruption, CommandSummary: KindSummary}

// need returns nil when the group's status is one of want, or else the
// reason it is not.
func (s State) need(want ...Status) error {
	for _, w := range want {
		if s.Status == w {
			return nil
		}
	}
	switch s.Status {
	case StatusWaiting:
		return ErrNotStarted
	case StatusRunning:
		return ErrRunning
	case StatusPaused:
		return ErrPaused
	case StatusFinished:
		return ErrFinished
	}
	return ErrNotStarted
}

func (s State) isMember(id string) bool {
	_, ok := s.Team.Member(id)
	return ok
}
