package cards

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

// TestOverflows: a scenario cut short fits on every card; one role's
// confidential brief made too long is flagged at that brief, in English
// and in Chinese, and so is a long brief of a role with no confidential
// one (the host), and an observer's; the lint places the warning.
func TestOverflows(t *testing.T) {
	for _, tc := range longCases {
		t.Run(tc.lang, func(t *testing.T) {
			s := shortened(t, tc.id)
			require.Empty(t, Overflows(s), "the shortened scenario's cards fit")

			i := roleIndex(s, tc.role)
			require.GreaterOrEqual(t, i, 0)
			s.Roles[i].Confidential += "\n\n" + tc.extra
			found := Overflows(s)
			require.Len(t, found, 1, "only the lengthened role's card is too long")
			f := found[0]
			path := fmt.Sprintf("roles[%d].confidential", i)
			assert.Equal(t, scenario.LintCardTooLong, f.Check)
			assert.Equal(t, tc.role, f.Target)
			assert.Equal(t, path, f.Path)
			assert.True(t, strings.HasPrefix(f.Text.String(), path+": "), "the message starts with its path: %s", f.Text)
			assert.Regexp(t, `card fits one printed A4 page only in [67]\.[0-9] pt type, below the 8 pt a trainee can read \(10\.5 pt is normal\)`, f.Text.String())
			assert.Regexp(t, `by about [1-9][0-9]+0 characters`, f.Text.String())

			diags := scenario.Lint(s, found...)
			var checks []string
			for _, d := range diags {
				checks = append(checks, d.Check)
			}
			assert.Contains(t, checks, scenario.LintCardTooLong, "the lint reports the finding")

			// A host has no confidential brief: the warning points at its brief.
			s = shortened(t, tc.id)
			s.Roles[0].Brief += " " + tc.extra + tc.extra
			found = Overflows(s)
			require.Len(t, found, 1)
			assert.Equal(t, s.Roles[0].ID, found[0].Target)
			assert.Equal(t, "roles[0].brief", found[0].Path)

			// An observer holds a card too.
			s = shortened(t, tc.id)
			obs := slices.IndexFunc(s.Roles, func(r scenario.Role) bool { return r.Function == scenario.FunctionObserver })
			require.GreaterOrEqual(t, obs, 0)
			s.Roles[obs].Brief += " " + tc.extra + tc.extra
			found = Overflows(s)
			require.Len(t, found, 1)
			assert.Equal(t, fmt.Sprintf("roles[%d].brief", obs), found[0].Path)
		})
	}
}

// TestOverflowsGroupSize: the card lists the scenario's largest group, or
// eight members when it sets none; a larger group makes a longer card.
func TestOverflowsGroupSize(t *testing.T) {
	s := shortened(t, "shared-parking-charging")
	p, err := paperFor("")
	require.NoError(t, err)
	id := s.Roles[0].ID
	six := cardHeight(sampleCard(s, id, 6), p)
	eight := cardHeight(sampleCard(s, id, 8), p)
	assert.Greater(t, eight, six, "two more rows")
	s.Grouping.Size.Max = 0
	assert.Len(t, sampleCard(s, id, defaultGroupSize).Members, 8)
}

// TestLines checks the line breaking on a few cases worked by hand: words
// wrap whole, Chinese wraps between characters but keeps its closing
// marks off the start of a line.
func TestLines(t *testing.T) {
	fs := 10.0
	em := func(n float64) float64 { return n * fs }
	one := func(s string) []run { return []run{{s, fs, false}} }
	assert.Equal(t, 1, lines(one("中文中文"), em(4), "zh"))
	assert.Equal(t, 2, lines(one("中文中文中"), em(4), "zh"))
	// The comma may not start a line, so 文 goes down with it.
	assert.Equal(t, 2, lines(one("中文中文，"), em(4), "zh"))
	assert.Equal(t, 0, lines(one(""), em(4), "zh"))
	// "aaaa aaaa": each word 4 × .563 em, with a space of .224 em.
	assert.Equal(t, 1, lines(one("aaaa aaaa"), em(4*.563*2+.224), "en"))
	assert.Equal(t, 2, lines(one("aaaa aaaa"), em(4*.563*2+.2), "en"))
	// A word longer than the line overflows it rather than breaking.
	assert.Equal(t, 1, lines(one("aaaaaaaaaaaa"), em(2), "en"))
	// After a hyphen a line may break before a letter.
	assert.Equal(t, 2, lines(one("ground-floor"), em(4), "en"))
}

// shortened is bundled scenario id cut to what fits a card: groups of at
// most six, the first sentences of its background and of each brief, up
// to a line or two each, three public facts and two goals a role.
func shortened(t *testing.T, id string) *scenario.Scenario {
	t.Helper()
	s := parsedBundled(t, id)
	// Latin text takes about twice the characters a line that Chinese does.
	scale := 1
	if s.Language != "zh" {
		scale = 2
	}
	first := func(text string, limit int) string {
		var b strings.Builder
		for _, part := range sentenceRE.FindAllString(strings.Join(paragraphs(text), " "), -1) {
			if utf8.RuneCountInString(b.String()+part) > limit*scale {
				break
			}
			b.WriteString(part)
		}
		return strings.TrimSpace(b.String())
	}
	s.Grouping.Size.Max = 6
	s.Issue.Background = first(s.Issue.Background, 90)
	s.Issue.PublicFacts = s.Issue.PublicFacts[:min(3, len(s.Issue.PublicFacts))]
	for i := range s.Roles {
		r := &s.Roles[i]
		r.Brief, r.Confidential = first(r.Brief, 50), first(r.Confidential, 90)
		r.Goals = r.Goals[:min(2, len(r.Goals))]
	}
	return s
}

// sentenceRE matches a sentence with the spaces after it.
var sentenceRE = regexp.MustCompile(`[^。！？.!?]+[。！？.!?]*\s*`)

// longCases lengthen one role's confidential brief of a bundled scenario
// by a paragraph repeated, past a page.
var longCases = []struct {
	lang, id, role, extra string
}{
	{"en", "elevator-retrofit", "ground-floor-owner", strings.Repeat("You have kept every letter the housing office ever sent about the block, and you will bring the folder to the meeting if anyone doubts your figures. ", 30)},
	{"zh", "shared-parking-charging", "ev-owner", strings.Repeat("你把这两年物业发的通知都收在一个文件夹里，谁要是不信你说的数字，你就当场翻给他看。", 60)},
}

func parsedBundled(t testing.TB, id string) *scenario.Scenario {
	t.Helper()
	data, name, err := scenarios.YAML(id)
	require.NoError(t, err)
	s, diags := scenario.ParseScenario(name, data, scenarios.Rubric)
	require.NoError(t, diags.Err())
	return s
}

func roleIndex(s *scenario.Scenario, id string) int {
	for i, r := range s.Roles {
		if r.ID == id {
			return i
		}
	}
	return -1
}
