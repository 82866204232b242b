package cards

import (
	"fmt"
	"path"
	"strings"

	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/scenario"
)

// Files returns the files `yishi cards` writes for the plan, or for one
// round of it when round is above zero: one card per trainee per round at
// round-R/group-G/ID-NAME-ROLE.EXT (ROLE the role's title in the
// scenario's language), every card in one file (all-cards.EXT,
// for printing), and the trainer's master sheet. With a round the two
// collected files go under round-R/, so several rounds can share a folder.
// Paths are relative and safe to join to any directory: every element
// made from user data goes through [SafeFileName].
func Files(p *plan.Plan, s *scenario.Scenario, round int, format string, opts Options) ([]File, error) {
	if !ValidFormat(format) {
		return nil, formatError(format)
	}
	if _, err := paperFor(opts.Paper); err != nil {
		return nil, err
	}
	if err := p.CheckRound(round); err != nil {
		return nil, err
	}
	cards := Build(p, s, round)
	files, err := traineeFiles(cards, format, opts)
	if err != nil {
		return nil, err
	}
	day, err := collected(p, s, round, cards, format, opts)
	if err != nil {
		return nil, err
	}
	return append(files, day...), nil
}

// collectedPrefix is the folder of a run's collected files: the top for
// the whole day, round-R/ for one round.
func collectedPrefix(round int) string {
	if round > 0 {
		return fmt.Sprintf("round-%d/", round)
	}
	return ""
}

// collected renders the two files that close a run of cards: every card
// of the plan (or of the round) in one file for printing, and the
// trainer's master sheet.
func collected(p *plan.Plan, s *scenario.Scenario, round int, cards []Card, format string, opts Options) ([]File, error) {
	prefix := collectedPrefix(round)
	all, err := RenderCards(cards, format, opts)
	if err != nil {
		return nil, err
	}
	m := Master(p, s, round)
	m.translate(opts.Translate, format == FormatJSON)
	master, err := RenderMaster(m, format)
	if err != nil {
		return nil, err
	}
	return []File{{Path: prefix + AllCardsName + "." + format, Data: all}, {Path: prefix + MasterSheetName + "." + format, Data: master}}, nil
}

// traineeFiles renders each card on its own, a file for its trainee.
func traineeFiles(cards []Card, format string, opts Options) ([]File, error) {
	files := make([]File, 0, len(cards)+2)
	taken := map[string]bool{}
	for _, c := range cards {
		data, err := renderCards([]Card{c}, format, opts, false)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: cardPath(c, format, taken), Data: data})
	}
	return files, nil
}

// cardPath is where c's file goes: round-R/group-G/ID-NAME-ROLE.EXT, ROLE
// being the role's title in the scenario's language (3-王秀英-老住户车主),
// as the trainer reads it on the card, with a number added when a path in
// taken is the same but for case, which macOS and Windows see as one file
// (T01 and t01), or when two titles make one safe name. It adds the path to
// taken. A long name is cut, not the role after it, so the trainer can
// still tell whose card is whose and which role it is.
func cardPath(c Card, format string, taken map[string]bool) string {
	role := words.In(c.Language, "unassigned_file")
	if c.Role != nil {
		role = c.Role.Title
	}
	dir := fmt.Sprintf("round-%d/group-%d", c.Round, c.Group)
	base := SafeFileName(c.TraineeID + "-" + c.Name + "-" + role)
	if suffix := "-" + SafeFileName(role); !strings.HasSuffix(base, suffix) {
		head := safeName(c.TraineeID+"-"+c.Name, max(MaxFileNameBytes-len(suffix), MaxFileNameBytes/2))
		base = SafeFileName(head + suffix)
	}
	name := path.Join(dir, base+"."+format)
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = path.Join(dir, fmt.Sprintf("%s-%d.%s", base, n, format))
	}
	taken[strings.ToLower(name)] = true
	return name
}

// CardPaths returns where [Files] puts each trainee's card of the plan (or
// of one round of it): the path by round and trainee id. A run that
// replaces only changed cards in a folder of an earlier plan's cards uses
// it to remove the old plan's card of a trainee whose card moved or
// became void.
func CardPaths(p *plan.Plan, s *scenario.Scenario, round int, format string) map[CardKey]string {
	out := map[CardKey]string{}
	taken := map[string]bool{}
	for _, c := range Build(p, s, round) {
		out[CardKey{Round: c.Round, TraineeID: c.TraineeID}] = cardPath(c, format, taken)
	}
	return out
}

// CardKey names a trainee's card of a round.
type CardKey struct {
	Round     int
	TraineeID string
}
