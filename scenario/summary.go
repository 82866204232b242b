package scenario

import (
	"fmt"
	"io"
	"strings"
)

// SummaryOptions choose what [WriteSummary] includes.
type SummaryOptions struct {
	// Confidential includes every role's confidential brief, the stakes
	// with the roles' bottom lines, and the trainer's notes (the zone of
	// agreement, a possible agreement, tips): for the trainer's eyes only.
	Confidential bool
}

// WriteSummary writes a readable summary of the scenario for a trainer on a
// terminal, with headings in the scenario's language. The author's text is
// shown through [TerminalSafe]: an escape sequence in it is printed, not
// obeyed.
func WriteSummary(w io.Writer, s *Scenario, opts SummaryOptions) error {
	sw := summaryWriter{s: s, lang: s.Language}
	sw.head()
	sw.issue()
	sw.agenda()
	sw.roles(opts.Confidential)
	sw.injects(opts.Confidential)
	if opts.Confidential {
		sw.stakes()
		sw.trainer()
	}
	sw.grouping()
	// Every string in the summary but the fixed words comes from the
	// scenario's author, so the whole of it goes through TerminalSafe: no
	// field can be forgotten.
	_, err := io.WriteString(w, TerminalSafe(sw.b.String()))
	return err
}

// summaryWriter writes the parts of a scenario's summary.
type summaryWriter struct {
	b    strings.Builder
	s    *Scenario
	lang string
}

// L is the fixed word key in the scenario's language.
func (sw *summaryWriter) L(key string) string { return Label(sw.lang, key) }

// label is the fixed word key followed by the language's colon: "Method: ",
// "方法：".
func (sw *summaryWriter) label(key string) string { return sw.L(key) + sw.L("colon") }

func (sw *summaryWriter) printf(format string, args ...any) { fmt.Fprintf(&sw.b, format, args...) }

// head writes the title, summary, method, duration, language and rubric.
func (sw *summaryWriter) head() {
	s, L := sw.s, sw.L
	sw.printf("%s  (%s)\n", s.Title, s.ID)
	if s.Summary != "" {
		sw.printf("%s\n", strings.TrimSpace(s.Summary))
	}
	sw.printf("\n%s%s", sw.label("method"), L(s.Method))
	if s.Level != "" {
		sw.printf(" · %s%s", sw.label("level"), L(s.Level))
	}
	sw.printf(" · %s%s · %s%s", sw.label("duration"), MinutesText(s.Duration.Minutes(), sw.lang), sw.label("language"), s.Language)
	if s.Rubric.Rubric != nil {
		sw.printf(" · %s%s", sw.label("rubric"), s.Rubric.Rubric.Title.In(sw.lang))
	} else if s.Rubric.Name != "" {
		sw.printf(" · %s%s", sw.label("rubric"), s.Rubric.Name)
	}
	sw.printf("\n\n")
}

// issue writes the background, focus question and public facts.
func (sw *summaryWriter) issue() {
	s, L := sw.s, sw.L
	sw.printf("%s\n%s\n\n", L("background"), indent(s.Issue.Background))
	sw.printf("%s%s\n\n", sw.label("focus_question"), strings.TrimSpace(s.Issue.FocusQuestion))
	if len(s.Issue.PublicFacts) > 0 {
		sw.printf("%s\n", L("public_facts"))
		for _, f := range s.Issue.PublicFacts {
			sw.printf("  - %s\n", strings.TrimSpace(f))
		}
		sw.printf("\n")
	}
}

// agenda writes the timetable of the phases.
func (sw *summaryWriter) agenda() {
	s, L := sw.s, sw.L
	sw.printf("%s (%d/%d %s)\n", L("agenda"), s.AgendaMinutes(), s.Duration.Minutes(), L("minutes"))
	for _, slot := range s.Timetable() {
		p := slot.Phase
		sw.printf("  %s–%s  %s (%d %s)", Clock(slot.Start), Clock(slot.End), p.Title, p.Minutes, L("minutes"))
		if p.LedBy != "" {
			sw.printf(", %s %s", L("led_by"), s.RoleTitle(p.LedBy))
		}
		sw.printf("\n")
	}
	sw.printf("\n")
}

// roles writes each role with its brief, and its confidential brief when
// asked.
func (sw *summaryWriter) roles(confidential bool) {
	s, L := sw.s, sw.L
	sw.printf("%s\n", L("roles"))
	for _, r := range s.Roles {
		sw.printf("  %s [%s] · %s · %s\n", r.Title, r.ID, L(r.Function), CountText(r, sw.lang))
		sw.printf("%s\n", indentBy(r.Brief, "      "))
		if len(r.AvoidBackground) > 0 {
			sw.printf("      %s%s\n", sw.label("avoid"), s.BackgroundLabels(r.AvoidBackground))
		}
		if len(r.PreferBackground) > 0 {
			sw.printf("      %s%s\n", sw.label("prefer"), s.BackgroundLabels(r.PreferBackground))
		}
		if confidential && r.Confidential != "" {
			sw.printf("      [%s]\n%s\n", L("confidential"), indentBy(r.Confidential, "      "))
		}
	}
	sw.printf("\n")
}

// injects writes the injects, for the trainer, with what to watch for
// when asked for the confidential view.
func (sw *summaryWriter) injects(confidential bool) {
	s, L := sw.s, sw.L
	if len(s.Injects) == 0 {
		return
	}
	sw.printf("%s\n", L("injects"))
	for _, in := range s.Injects {
		to := make([]string, len(in.To))
		for i, r := range in.To {
			to[i] = s.RoleTitle(r)
		}
		sw.printf("  %s  %s %s%s%s", Clock(in.At.Minutes()), L("to"), strings.Join(to, L("list_sep")), L("colon"), OneLine(in.Text))
		if len(in.Exercises) > 0 {
			sw.printf(" [%s%s]", sw.label("exercises"), strings.Join(s.DimensionTitles(in.Exercises), L("list_sep")))
		}
		sw.printf("\n")
		if confidential && in.TrainerNote != "" {
			sw.printf("        %s%s\n", sw.label("trainer_note"), OneLine(in.TrainerNote))
		}
	}
	sw.printf("\n")
}

// stakes writes what the parties can trade, with each role's bottom line
// there, for the trainer.
func (sw *summaryWriter) stakes() {
	s, L := sw.s, sw.L
	if len(s.Stakes) == 0 {
		return
	}
	sw.printf("%s\n", L("stakes"))
	for _, st := range s.Stakes {
		sw.printf("  %s [%s]", st.Title, st.ID)
		if r := sw.bounds(st.Min, st.Max, st.Unit); r != "" {
			sw.printf("%s%s", L("colon"), r)
			if st.Fact > 0 {
				sw.printf(L("paren_v"), fmt.Sprintf(L("public_fact_n"), st.Fact))
			}
		}
		sw.printf("\n")
		for _, r := range s.Roles {
			for _, rs := range r.Stakes {
				if rs.Stake != st.ID {
					continue
				}
				sw.printf("      %s", r.Title)
				if b := sw.bounds(rs.Min, rs.Max, st.Unit); b != "" {
					sw.printf("%s%s", L("colon"), b)
				} else {
					sw.printf("%s%s", L("colon"), L("no_bottom_line"))
				}
				sw.printf("\n")
			}
		}
	}
	sw.printf("\n")
}

// bounds says a range in words: "at least 30000 ¥", "0 to 40000 ¥", or ""
// when neither end is given.
func (sw *summaryWriter) bounds(lo, hi *float64, unit string) string {
	switch {
	case lo != nil && hi != nil:
		// The unit once, at the end, and a currency sign on both ends:
		// "¥0 to ¥40,000 per flat", "6 to 9 h".
		first := amount(*lo, currencyOf(unit))
		return fmt.Sprintf(sw.L("range_v"), first, amount(*hi, unit))
	case lo != nil:
		return fmt.Sprintf(sw.L("at_least_v"), amount(*lo, unit))
	case hi != nil:
		return fmt.Sprintf(sw.L("at_most_v"), amount(*hi, unit))
	}
	return ""
}

// trainer writes the trainer's notes.
func (sw *summaryWriter) trainer() {
	t, L := sw.s.Trainer, sw.L
	if t.IsZero() {
		return
	}
	sw.printf("%s\n", L("trainer_notes"))
	if t.ZoneOfAgreement != "" {
		sw.printf("  %s\n%s\n", L("zone_of_agreement"), indentBy(t.ZoneOfAgreement, "      "))
	}
	if t.PossibleAgreement != "" {
		sw.printf("  %s\n%s\n", L("possible_agreement"), indentBy(t.PossibleAgreement, "      "))
	}
	if len(t.Tips) > 0 {
		sw.printf("  %s\n", L("tips"))
		for _, tip := range t.Tips {
			sw.printf("    - %s\n", OneLine(tip))
		}
	}
	sw.printf("\n")
}

// grouping writes the grouping rules on one line.
func (sw *summaryWriter) grouping() {
	s, L, lang := sw.s, sw.L, sw.lang
	g := s.Grouping
	sw.printf("%s", sw.label("grouping"))
	var parts []string
	if g.Groups > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", L("groups"), g.Groups))
	}
	if g.Size.Min > 0 || g.Size.Max > 0 {
		parts = append(parts, fmt.Sprintf("%s %d–%d", L("size"), g.Size.Min, g.Size.Max))
	}
	for _, m := range g.Mix {
		parts = append(parts, fmt.Sprintf("%s %s×%g", L("mix"), attrLabel(lang, m.Attribute), m.Weight))
	}
	for _, q := range g.Require {
		value := q.Value
		if b, ok := s.Background(q.Value); ok && q.Attribute == "background" {
			value = b.Label.In(lang)
		}
		parts = append(parts, fmt.Sprintf("%s %s = %s ≥ %d", L("require"), attrLabel(lang, q.Attribute), value, q.Min))
	}
	sw.printf("%s\n", strings.Join(parts, " · "))
}

// CountText says how many members of a group play the role, in lang:
// "1 per group", "0–2 per group", "每组 1 人", "每组不限人数".
func CountText(r Role, lang string) string {
	lo, hi := r.MinPerGroup(), r.MaxPerGroup()
	var n string
	switch {
	case lo == hi:
		n = fmt.Sprint(lo)
	case hi == Unlimited && lo == 0:
		n = ""
	case hi == Unlimited:
		n = fmt.Sprintf("%s %d", Label(lang, "at_least"), lo)
	default:
		n = fmt.Sprintf("%d–%d", lo, hi)
	}
	if lang == "zh" {
		if n == "" {
			return "每组不限人数"
		}
		return "每组 " + n + " 人"
	}
	if n == "" {
		return "any number per group"
	}
	return n + " per group"
}

// MinutesText writes a number of minutes in lang: "70 min", "70 分钟".
func MinutesText(min int, lang string) string {
	return fmt.Sprintf("%d %s", min, Label(lang, "minutes"))
}

// DimensionTitles turns rubric dimension ids into their titles in the
// scenario's language, for people to read.
func (s *Scenario) DimensionTitles(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if s.Rubric.Rubric != nil {
			if d, ok := s.Rubric.Rubric.Dimension(id); ok {
				out[i] = d.Title.In(s.Language)
			}
		}
	}
	return out
}

// BackgroundLabels names backgrounds by their labels in the scenario's
// language, joined with commas; an id the vocabulary lacks stays as it is.
func (s *Scenario) BackgroundLabels(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if b, ok := s.Background(id); ok {
			out[i] = b.Label.In(s.Language)
		}
	}
	return strings.Join(out, Label(s.Language, "list_sep"))
}

func indent(s string) string { return indentBy(s, "  ") }

func indentBy(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	for i, l := range lines {
		lines[i] = prefix + strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// attrLabel names a roster attribute in lang: the known ones translated,
// others as written.
func attrLabel(lang, attr string) string {
	if l := Label(lang, "attr_"+attr); l != "attr_"+attr {
		return l
	}
	return attr
}
