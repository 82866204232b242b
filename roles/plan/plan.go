// Package plan is the plan model: who plays what in each group of each round,
// as `yishi assign` makes it and everything downstream reads it. It parses
// and writes plan files, checks a plan against the scenario it was made
// from, and names who receives each inject. It imports neither the roster
// reader nor the grouping optimiser, so the review and the room can read
// plans without them.
package plan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/yishi-council/yishi/scenario"
)

// Kind is the kind of a plan file.
const Kind = "plan"

// Plan is the output of assignment: rounds → groups → trainees and their
// roles, with the seed, the digests of the inputs and the quality figures.
// Cards, scoresheets and the debrief report all read the plan.
type Plan struct {
	Version  int         `yaml:"version" json:"version"`
	Kind     string      `yaml:"kind" json:"kind"`
	Engine   string      `yaml:"engine" json:"engine"`
	Seed     uint64      `yaml:"seed" json:"seed"`
	Scenario ScenarioRef `yaml:"scenario" json:"scenario"`
	Roster   RosterRef   `yaml:"roster" json:"roster"`
	Settings Settings    `yaml:"settings" json:"settings"`
	Rounds   []Round     `yaml:"rounds" json:"rounds"`
	// Amendments are the changes on the day made to the plan by `yishi
	// amend`, oldest first; a plan made by `yishi assign` has none.
	Amendments []Amendment `yaml:"amendments,omitempty" json:"amendments,omitempty"`
	// Unmet lists every hard rule the plan could not keep, with the reason.
	Unmet []Unmet `yaml:"unmet,omitempty" json:"unmet,omitempty"`
	// Warnings are things a trainer should know, such as a background too
	// rare to reach every group.
	Warnings []string `yaml:"warnings,omitempty" json:"warnings,omitempty"`
	// WarningTexts are the same warnings as messages, one for each of
	// Warnings, for a catalogue to print in the reader's language; [Plan.Warn]
	// adds to both. A plan read from a file has only Warnings: see
	// [Plan.WarningMessages].
	WarningTexts []scenario.Message `yaml:"-" json:"-"`

	pos scenario.Positions // where each value stood, for a plan read from a file
	// edited is set for a plan read from a file whose closing digest line
	// does not match the text above it: someone changed it by hand.
	edited bool
}

// ScenarioRef names the scenario a plan was made from.
type ScenarioRef struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Language string `yaml:"language" json:"language"`
	// Source is "bundled" for a scenario of the library, else its file path.
	Source string `yaml:"source" json:"source"`
	SHA256 string `yaml:"sha256" json:"sha256"`
}

// RosterRef names the roster a plan was made from.
type RosterRef struct {
	File     string `yaml:"file" json:"file"`
	SHA256   string `yaml:"sha256" json:"sha256"`
	Trainees int    `yaml:"trainees" json:"trainees"`
}

// Settings are the choices that shaped the plan, so it can be made again.
type Settings struct {
	Groups     int      `yaml:"groups" json:"groups"`
	SizeMin    int      `yaml:"size_min" json:"size_min"`
	SizeMax    int      `yaml:"size_max" json:"size_max"`
	Rounds     int      `yaml:"rounds" json:"rounds"`
	Iterations int      `yaml:"iterations" json:"iterations"`
	Mix        []string `yaml:"mix,omitempty" json:"mix,omitempty"`
	// Start is the clock time the first round starts ("09:00"), and Break
	// the minutes between rounds; Start is empty for an untimed day.
	Start string `yaml:"start,omitempty" json:"start,omitempty"`
	Break int    `yaml:"break,omitempty" json:"break,omitempty"`
	// Tables are the rooms or tables groups sit at, group 1 at the first.
	Tables []string `yaml:"tables,omitempty" json:"tables,omitempty"`
	// History is the base name of the cohort file whose earlier days the
	// plan was made with (yishi assign --history); empty without one.
	History string `yaml:"history,omitempty" json:"history,omitempty"`
}

// Round is one drill of the day.
type Round struct {
	Round int `yaml:"round" json:"round"`
	// Name is the scenario's name of the round (上午), if it has one.
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	// Start and End are the round's clock times ("09:00", "10:00") on a
	// timed day; see [Round.Clock].
	Start string `yaml:"start,omitempty" json:"start,omitempty"`
	End   string `yaml:"end,omitempty" json:"end,omitempty"`
	// Diversity is the sum, over pairs in the same group, of their weighted
	// distance; Bound is an upper bound on it, so Percent = 100·Diversity/Bound
	// says how close to the best possible the grouping is.
	Diversity float64 `yaml:"diversity" json:"diversity"`
	Bound     float64 `yaml:"bound,omitempty" json:"bound,omitempty"`
	Percent   float64 `yaml:"percent,omitempty" json:"percent,omitempty"`
	// Repeats counts pairs who already shared a group in an earlier round;
	// MinRepeats is how many no grouping can avoid, since a group larger
	// than the previous round's number of groups must take two members of
	// one of them.
	Repeats    int     `yaml:"repeats" json:"repeats"`
	MinRepeats int     `yaml:"min_repeats,omitempty" json:"min_repeats,omitempty"`
	Groups     []Group `yaml:"groups" json:"groups"`
	// Out are the trainees who sit this round out: absent on the day, or
	// not attending it by the roster's availability column.
	Out []Out `yaml:"out,omitempty" json:"out,omitempty"`
}

// Out is a trainee who sits a round out, and why.
type Out struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Reason is [OutAbsent] or [OutUnavailable].
	Reason string `yaml:"reason" json:"reason"`
}

// The reasons a trainee sits a round out.
const (
	// OutAbsent is a trainee who did not come (`yishi amend --absent`).
	OutAbsent = "absent"
	// OutUnavailable is a trainee whose availability leaves the round out.
	OutUnavailable = "unavailable"
)

// Amendment is one change on the day: who was absent, who walked in,
// who swapped or moved, from which round, and how many seats it moved
// against the fewest any amendment could.
type Amendment struct {
	// From is the id of the plan amended (see [Plan.ID]).
	From string `yaml:"from" json:"from"`
	// FromRound is the first round changed; earlier rounds are history.
	FromRound int        `yaml:"from_round" json:"from_round"`
	Absent    []string   `yaml:"absent,omitempty" json:"absent,omitempty"`
	Added     *RosterRef `yaml:"added,omitempty" json:"added,omitempty"`
	// Swaps are pairs "A,B" of ids, Moves "ID:GROUP", as asked for.
	Swaps []string `yaml:"swaps,omitempty" json:"swaps,omitempty"`
	Moves []string `yaml:"moves,omitempty" json:"moves,omitempty"`
	// Moved counts the trainees of the amended plan, over the rounds
	// changed, who sit in another group than before; LowerBound is the
	// fewest any amendment keeping the hard rules could move.
	Moved      int `yaml:"moved" json:"moved"`
	LowerBound int `yaml:"lower_bound" json:"lower_bound"`
}

// Group is the trainees who run one council together in a round.
type Group struct {
	Group int `yaml:"group" json:"group"`
	// Table is the room or table the group sits at, if the day has them.
	Table   string   `yaml:"table,omitempty" json:"table,omitempty"`
	Members []Member `yaml:"members" json:"members"`
}

// Member is one trainee in a group, with the role they play.
type Member struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Unit string `yaml:"unit" json:"unit"`
	// Background is the id of the trainee's background in the scenario's
	// vocabulary or, for a background the scenario did not foresee, its
	// label as the roster wrote it (see roster.BackgroundLabel), which
	// cards and sheets print as it is.
	Background string `yaml:"background" json:"background"`
	Role       string `yaml:"role" json:"role"`
	// Note says why a preference could not be met, when it could not.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// NoteText is Note as a message, for a catalogue; it is empty in a plan
	// read from a file (see [Member.NoteMessage]).
	NoteText scenario.Message `yaml:"-" json:"-"`
	// Remarks is the trainee's cell of the roster's remarks column (备注),
	// for the trainer's master sheet; cards never show it.
	Remarks string `yaml:"remarks,omitempty" json:"remarks,omitempty"`
}

// Unmet is a hard rule a plan could not keep, and why.
type Unmet struct {
	Round  int    `yaml:"round" json:"round"`
	Group  int    `yaml:"group,omitempty" json:"group,omitempty"`
	Rule   string `yaml:"rule" json:"rule"`
	Detail string `yaml:"detail" json:"detail"`
	// Text is Detail as a message, for a catalogue; it is empty in a plan
	// read from a file (see [Unmet.DetailMessage]).
	Text scenario.Message `yaml:"-" json:"-"`
}

// Warn adds a warning: its English to Warnings, which the plan file
// keeps, and the message to WarningTexts.
func (p *Plan) Warn(m scenario.Message) {
	p.Warnings = append(p.Warnings, m.String())
	p.WarningTexts = append(p.WarningTexts, m)
}

// WarningMessages returns the warnings as messages: each warning's entry
// of WarningTexts while it still says what Warnings says (as [Plan.Warn]
// leaves them), else the English text as it is (a plan read from a file,
// or a warning added to Warnings alone).
func (p *Plan) WarningMessages() []scenario.Message {
	out := make([]scenario.Message, len(p.Warnings))
	for i, w := range p.Warnings {
		var m scenario.Message
		if i < len(p.WarningTexts) {
			m = p.WarningTexts[i]
		}
		out[i] = textOr(m, w)
	}
	return out
}

// NoteMessage returns the note as a message: NoteText, or the English of
// Note as it is when the plan was read from a file.
func (m Member) NoteMessage() scenario.Message { return textOr(m.NoteText, m.Note) }

// RuleMessage names the rule for a message: Rule is an id the plan file
// keeps ("keep-apart", "quota", "role"), and the message is the same id as
// a word of the catalogue, so that it is printed in the reader's language.
func (u Unmet) RuleMessage() scenario.Message {
	switch u.Rule {
	case "size":
		return scenario.Msg("size")
	case "keep-apart":
		return scenario.Msg("keep-apart")
	case "keep-together":
		return scenario.Msg("keep-together")
	case "quota":
		return scenario.Msg("quota")
	case "need":
		return scenario.Msg("need")
	case "role":
		return scenario.Msg("role")
	}
	return scenario.Msg("%s", u.Rule)
}

// DetailMessage returns the detail as a message: Text, or the English of
// Detail as it is when the plan was read from a file.
func (u Unmet) DetailMessage() scenario.Message { return textOr(u.Text, u.Detail) }

func textOr(m scenario.Message, english string) scenario.Message {
	if m.Format == "" || m.String() != english {
		if english == "" {
			return scenario.Message{}
		}
		return scenario.Msg("%s", english)
	}
	return m
}

// Digest returns the hex SHA-256 of data, as plans record their inputs.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Round returns round r (1-based).
func (p *Plan) Round(r int) (*Round, bool) {
	for i := range p.Rounds {
		if p.Rounds[i].Round == r {
			return &p.Rounds[i], true
		}
	}
	return nil, false
}

// Group returns group g of round r (both 1-based).
func (p *Plan) Group(r, g int) (*Group, bool) {
	rd, ok := p.Round(r)
	if !ok {
		return nil, false
	}
	return rd.Group(g)
}

// Group returns group g (1-based) of the round.
func (r *Round) Group(g int) (*Group, bool) {
	for i := range r.Groups {
		if r.Groups[i].Group == g {
			return &r.Groups[i], true
		}
	}
	return nil, false
}

// Marshal encodes the plan as YAML. The encoding is deterministic: the
// same plan gives the same bytes. The last line is the digest of the text
// above it, by which [Plan.EditedByHand] tells a plan someone changed.
func Marshal(p *Plan) ([]byte, error) {
	body, err := marshalBody(p)
	if err != nil {
		return nil, err
	}
	return append(body, digestLine(body)...), nil
}

// marshalBody is the plan's YAML without its digest line.
func marshalBody(p *Plan) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# yishi plan: rounds, groups and roles. Made by `yishi assign`; read by\n# `yishi cards`, `yishi scoresheets` and `yishi review`. Trainer only: do not hand out.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// digestKey starts the plan file's last line.
const digestKey = "digest: "

func digestLine(body []byte) string {
	return digestComment + ": a plan changed by hand no longer matches it\n" + digestKey + Digest(body) + "\n"
}

// digestComment starts the comment line above the digest line.
const digestComment = "# the digest of everything above"

// splitDigest finds a plan file's digest line: the last line that starts
// with "digest:". It returns the file for decoding, with that line and the
// comment above it blanked (so every other line keeps its number), the
// text the digest is of (everything above the comment, line ends made
// LF, since a Windows editor or git may turn them into CRLF without
// changing a word), the digest, and whether anything but blank lines and
// comments follows the line. A file without a digest line (written before
// plans had one) comes back whole, with digest "".
func splitDigest(data []byte) (decode, body []byte, digest string, trailing bool) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	at := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if bytes.HasPrefix(lines[i], []byte(digestKey)) {
			at = i
			break
		}
	}
	if at < 0 {
		return data, data, "", false
	}
	digest = strings.TrimSpace(string(lines[at][len(digestKey):]))
	top := at
	if at > 0 && bytes.HasPrefix(lines[at-1], []byte(digestComment)) {
		top = at - 1
	}
	for _, l := range lines[at+1:] {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
			trailing = true
		}
	}
	body = bytes.ReplaceAll(bytes.Join(lines[:top], nil), []byte("\r\n"), []byte("\n"))
	decode = make([]byte, 0, len(data))
	for i, l := range lines {
		if i == top || i == at {
			decode = append(decode, '\n')
			continue
		}
		decode = append(decode, l...)
	}
	return decode, body, digest, trailing
}

// EditedByHand reports whether the plan, as read from its file, was
// changed after yishi wrote it: its text no longer matches its digest.
func (p *Plan) EditedByHand() bool { return p.edited }

// Parse decodes and checks a plan file.
func Parse(name string, data []byte) (*Plan, scenario.Diagnostics) {
	p := &Plan{}
	decode, body, digest, trailing := splitDigest(data)
	pos, diags := scenario.DecodeYAML(name, decode, Kind, p)
	if diags.HasErrors() {
		return nil, diags
	}
	p.pos = pos
	// A plan without a digest line was written before plans had one,
	// unless it has amendments, which came with the digest: then the
	// line was taken off.
	p.edited = (digest == "" && len(p.Amendments) > 0) || (digest != "" && (digest != Digest(body) || trailing))
	if p.Kind != Kind {
		diags.Errorf(pos.Of("kind"), "kind: expected %q, got %q; is this a plan made by `yishi assign`?", Kind, p.Kind)
	}
	if len(p.Rounds) == 0 {
		diags.Errorf(pos.Of("rounds"), "rounds: the plan has no rounds")
	}
	ids := map[string]string{}
	for ri, r := range p.Rounds {
		if r.Round != ri+1 {
			diags.Errorf(pos.Of(fmt.Sprintf("rounds[%d].round", ri)), "rounds[%d].round: expected round %d, got %d", ri, ri+1, r.Round)
		}
		seen := map[string]int{}
		for gi, g := range r.Groups {
			if g.Group != gi+1 {
				diags.Errorf(pos.Of(fmt.Sprintf("rounds[%d].groups[%d].group", ri, gi)), "rounds[%d].groups[%d].group: expected group %d, got %d", ri, gi, gi+1, g.Group)
			}
			for mi, m := range g.Members {
				path := fmt.Sprintf("rounds[%d].groups[%d].members[%d]", ri, gi, mi)
				if m.ID == "" {
					diags.Errorf(pos.Of(path), "%s: missing id", path)
					continue
				}
				if other, dup := seen[m.ID]; dup {
					diags.Errorf(pos.Of(path+".id"), "%s.id: trainee %q is in group %d and group %d of round %d", path, m.ID, other, g.Group, r.Round)
				}
				seen[m.ID] = g.Group
				checkText(m, path, pos, &diags)
				if name, ok := ids[m.ID]; ok && name != m.Name {
					diags.Errorf(pos.Of(path+".name"), "%s.name: trainee %q is called %q here and %q elsewhere", path, m.ID, m.Name, name)
				}
				ids[m.ID] = m.Name
			}
		}
		checkRoundTimes(r, ri, pos, &diags)
		for oi, o := range r.Out {
			path := fmt.Sprintf("rounds[%d].out[%d]", ri, oi)
			if g, in := seen[o.ID]; in {
				diags.Errorf(pos.Of(path+".id"), "%s.id: trainee %q sits round %d out and is in its group %d too", path, o.ID, r.Round, g)
			}
			if o.Reason != OutAbsent && o.Reason != OutUnavailable {
				diags.Errorf(pos.Of(path+".reason"), "%s.reason: expected %q or %q, got %q", path, OutAbsent, OutUnavailable, o.Reason)
			}
		}
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return p, diags
}

// ReadFile reads and parses the plan file at path, without its scenario;
// [Load] reads both.
func ReadFile(path string) (*Plan, scenario.Diagnostics) {
	data, err := scenario.ReadFile(path)
	if err != nil {
		var diags scenario.Diagnostics
		diags.Errorf(scenario.Pos{File: path}, "%v", scenario.FileError(err))
		return nil, diags
	}
	return Parse(path, data)
}

// CheckScenario reports an error when s is not the scenario the plan was
// made from (another id, or the file changed since).
func (p *Plan) CheckScenario(s *scenario.Scenario, source []byte) error {
	if s.ID != p.Scenario.ID {
		return scenario.Invalid(scenario.Msg("the plan was made for scenario %q, not %q", p.Scenario.ID, s.ID))
	}
	if d := Digest(source); p.Scenario.SHA256 != "" && d != p.Scenario.SHA256 {
		return scenario.Invalid(scenario.Msg("scenario %q has changed since the plan was made (sha256 %s…, plan has %s…), so its cards could disagree with the plan; run `yishi assign` again with the same roster, groups and --seed (%d) — if the change left the roles and grouping rules alone, the groups come out the same", s.ID, d[:12], shortDigest(p.Scenario.SHA256), p.Seed))
	}
	return nil
}

// CheckRoles reports members whose role the scenario does not have, and
// groups with more or fewer players of a role than the scenario allows: a
// hand-edited plan must not print a card for a role nobody wrote, nor leave
// a group without its host.
func (p *Plan) CheckRoles(s *scenario.Scenario) scenario.Diagnostics {
	var diags scenario.Diagnostics
	var ids []string
	for _, r := range s.Roles {
		ids = append(ids, r.ID)
	}
	for ri, rd := range p.Rounds {
		for gi, g := range rd.Groups {
			count := map[string]int{}
			for mi, m := range g.Members {
				if m.Role == "" {
					continue // listed under unmet when the plan was made
				}
				if _, ok := s.Role(m.Role); !ok {
					path := fmt.Sprintf("rounds[%d].groups[%d].members[%d].role", ri, gi, mi)
					if sug := scenario.Suggest(m.Role, ids); sug != "" {
						diags.Errorf(p.pos.Of(path), "%s: scenario %q has no role %q (did you mean %q?)", path, s.ID, m.Role, sug)
					} else {
						diags.Errorf(p.pos.Of(path), "%s: scenario %q has no role %q", path, s.ID, m.Role)
					}
				}
				count[m.Role]++
			}
			path := fmt.Sprintf("rounds[%d].groups[%d]", ri, gi)
			for _, r := range s.Roles {
				lo, hi := r.MinPerGroup(), r.MaxPerGroup()
				n := count[r.ID]
				if n < lo && !p.unmetRole(rd.Round, g.Group) {
					diags.Errorf(p.pos.Of(path), "%s: round %d, group %d has %d %s, the scenario needs %d", path, rd.Round, g.Group, n, r.ID, lo)
				}
				if hi != scenario.Unlimited && n > hi {
					diags.Errorf(p.pos.Of(path), "%s: round %d, group %d has %d %s, the scenario allows %d", path, rd.Round, g.Group, n, r.ID, hi)
				}
			}
		}
	}
	diags.Sort()
	return diags
}

// unmetRole reports whether the plan already lists an unfilled role for the
// group (made with --allow-unmet).
func (p *Plan) unmetRole(round, group int) bool {
	for _, u := range p.Unmet {
		if u.Round == round && u.Group == group && u.Rule == "role" {
			return true
		}
	}
	return false
}

func shortDigest(d string) string {
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

// CheckRound reports an error wrapping [scenario.ErrInvalid] when round is
// neither 0 (every round) nor a round of the plan.
func (p *Plan) CheckRound(round int) error {
	if round == 0 {
		return nil
	}
	if _, ok := p.Round(round); ok {
		return nil
	}
	n := len(p.Rounds)
	switch n {
	case 0:
		return scenario.Invalid(scenario.Msg("round %d: the plan has no rounds", round))
	case 1:
		return scenario.Invalid(scenario.Msg("round %d: the plan has only round 1", round))
	}
	return scenario.Invalid(scenario.Msg("round %d: the plan has rounds 1–%d", round, n))
}

// ID identifies a plan: the first 12 hex digits of the SHA-256 of the plan
// as [Marshal] writes it. It is the same for a plan read back from its
// file, and differs when anyone is in another group or role. Scoresheets
// carry it so that a sheet made from another plan can be refused.
func (p *Plan) ID() string {
	data, err := marshalBody(p)
	if err != nil {
		return ""
	}
	return Digest(data)[:12]
}

// checkRoundTimes refuses a round's clock time that is not one, as a
// plan edited by hand might have.
func checkRoundTimes(r Round, ri int, pos scenario.Positions, diags *scenario.Diagnostics) {
	for _, f := range []struct{ key, value string }{{"start", r.Start}, {"end", r.End}} {
		if f.value == "" {
			continue
		}
		if _, ok := scenario.ParseTimeOfDay(f.value); !ok {
			path := fmt.Sprintf("rounds[%d].%s", ri, f.key)
			diags.Errorf(pos.Of(path), "%s: %q is not a clock time such as 09:00", path, f.value)
		}
	}
}

// checkText refuses control characters, line breaks and direction marks in
// a member's id, name and unit: a plan edited by hand must not put them on
// cards and tables, as the roster reader never does.
func checkText(m Member, path string, pos scenario.Positions, diags *scenario.Diagnostics) {
	for _, f := range []struct{ key, value string }{{"id", m.ID}, {"name", m.Name}, {"unit", m.Unit}} {
		i := strings.IndexFunc(f.value, func(r rune) bool { return unicode.IsControl(r) || scenario.IsBidi(r) })
		if i < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f.value[i:])
		diags.Errorf(pos.Of(path+"."+f.key), "%s.%s: character U+%04X in %q would break the printed cards and tables; remove it", path, f.key, r, f.value)
	}
}
