package cards

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yishi-council/yishi/scenario"
)

// Formats of role cards and the master sheet.
const (
	FormatHTML     = "html"
	FormatMarkdown = "md"
	FormatText     = "txt"
	FormatJSON     = "json"
)

// Formats lists the formats [RenderCard], [RenderCards], [RenderMaster]
// and [Files] write.
var Formats = []string{FormatHTML, FormatMarkdown, FormatText, FormatJSON}

// Paper sizes of HTML role cards.
const (
	PaperA5 = "a5"
	PaperA4 = "a4"
)

// MasterSheetName is the base name of the master sheet among the files
// [Files] returns; its extension is the format's.
const MasterSheetName = "master-sheet-TRAINER-ONLY"

// AllCardsName is the base name of the file of every trainee's card, for
// printing.
const AllCardsName = "all-cards"

// Options change how role cards are laid out.
type Options struct {
	// Paper is PaperA4 (the default when empty) or PaperA5; it sets the
	// page size of HTML cards. The master sheet is always A4. A4 is the
	// default because a long scenario's card shrinks its text to fit a page,
	// and on A5 that gets too small for many trainees to read.
	Paper string
	// Translate renders in the scenario's language a text the plan keeps
	// in English: a member's note, an unmet rule and its detail, a
	// warning. The master sheet shows them through it; nil shows them as
	// the plan has them. The CLI fills it from its catalogue, which this
	// package does not know.
	Translate func(english string) string
}

// File is a file to write: a path relative to the output directory, with
// '/' between its elements, and its contents.
type File struct {
	Path string
	Data []byte
}

// paper is the geometry of a printed card, in millimetres.
type paper struct {
	Name                            string
	Width, PageHeight               float64
	Margin, InnerWidth, InnerHeight float64
	CutOffset                       float64
	FontSize                        float64 // points
	// NoticeHeight is the height of the strip above the card, inside the
	// top margin and clear of the cut marks, that holds a page's notice.
	NoticeHeight float64
}

func paperFor(name string) (paper, error) {
	var p paper
	switch name {
	case PaperA5:
		p = paper{Name: "A5", Width: 148, PageHeight: 210, Margin: 9, FontSize: 8.5}
	case "", PaperA4:
		p = paper{Name: "A4", Width: 210, PageHeight: 297, Margin: 14, FontSize: 10.5}
	default:
		return p, scenario.Invalid(scenario.Msg("unknown paper %q (use a5 or a4)", name))
	}
	p.InnerWidth = p.Width - 2*p.Margin
	p.InnerHeight = p.PageHeight - 2*p.Margin
	p.CutOffset = p.Margin - 6 // marks end 1 mm short of the card's corner
	p.NoticeHeight = p.Margin - 1.5
	// A hair under the page, so rounding never spills a card onto a
	// second, blank page.
	p.PageHeight -= 0.5
	return p, nil
}

// ValidFormat reports whether format is one of [Formats].
func ValidFormat(format string) bool {
	for _, f := range Formats {
		if f == format {
			return true
		}
	}
	return false
}

// formatError refuses an unknown format, as a [*scenario.MessageError] whose message
// the CLI prints in the reader's language.
func formatError(format string) error {
	return scenario.Invalid(scenario.Msg("unknown format %q (use %s)", format, strings.Join(Formats, ", ")))
}

//go:embed templates/*.html.tmpl
var templateFS embed.FS

// pages are the HTML templates, parsed once when the package loads. Their
// fixed words come from the page they render ([page.L]), so one parse
// serves every language; html/template is safe for concurrent use.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"paras": paragraphs,
}).ParseFS(templateFS, "templates/*.html.tmpl"))

// page is what every HTML template is given: the language it speaks.
// Templates call {{$.L "role_card"}} for a fixed word and {{$.Join list}}
// for a list in that language.
type page struct{ lang string }

// Lang is the page's language as HTML names it.
func (p page) Lang() string { return htmlLang(p.lang) }

// L returns the fixed word key in the page's language.
func (p page) L(key string) string { return words.In(p.lang, key) }

// Join writes a list the way the page's language does.
func (p page) Join(items []string) string { return strings.Join(items, listSep(p.lang)) }

func listSep(lang string) string {
	if lang == "zh" {
		return "、"
	}
	return ", "
}

func htmlLang(lang string) string {
	if lang == "zh" {
		return "zh-Hans"
	}
	if lang == "" {
		return "en"
	}
	return lang
}

// RenderCard renders one trainee's own card as html (an A4 page), md, txt
// or json.
func RenderCard(c Card, format string) ([]byte, error) {
	return renderCards([]Card{c}, format, Options{}, false)
}

// RenderCards renders a set of role cards as one document to print: in
// HTML one card a page; in text one card a page separated by form feeds;
// in Markdown separated by rules; in JSON an array. Each page or card says
// that the document holds every trainee's confidential brief and is for
// printing only, not to hand out or send (in HTML in the page's margin,
// which is cut off with the card); [RenderCard] makes a trainee's own card,
// without that notice. Every string from users is escaped for the format.
func RenderCards(cards []Card, format string, opts Options) ([]byte, error) {
	return renderCards(cards, format, opts, true)
}

// renderCards renders cards; forPrint adds the notice of a document that
// holds several trainees' briefs to each card.
func renderCards(cards []Card, format string, opts Options, forPrint bool) ([]byte, error) {
	notice := func(c Card) string {
		if !forPrint {
			return ""
		}
		return words.In(c.Language, "print_notice")
	}
	switch format {
	case FormatHTML:
		return cardsHTML(cards, opts, forPrint)
	case FormatJSON:
		return cardsJSON(cards, notice)
	case FormatMarkdown:
		return joinCards(cards, func(c Card) string { return mdNotice(notice(c)) + cardMarkdown(c) }, "\n---\n\n"), nil
	case FormatText:
		return joinCards(cards, func(c Card) string { return txtNotice(notice(c)) + cardText(c) }, "\f\n"), nil
	}
	return nil, formatError(format)
}

// cardsJSON writes one card as an object and several as an array; with a
// notice each card carries it first.
func cardsJSON(cards []Card, notice func(Card) string) ([]byte, error) {
	type noticed struct {
		Notice string `json:"notice,omitempty"`
		Card
	}
	out := make([]noticed, len(cards))
	for i, c := range cards {
		out[i] = noticed{notice(c), c}
	}
	if len(out) == 1 {
		return marshalJSON(out[0])
	}
	return marshalJSON(out)
}

func mdNotice(notice string) string {
	if notice == "" {
		return ""
	}
	return "> **" + scenario.EscapeMarkdown(notice) + "**\n\n"
}

func txtNotice(notice string) string {
	if notice == "" {
		return ""
	}
	return "!!! " + notice + " !!!\n\n"
}

// cardsHTML lays the cards out one a page on opts' paper.
func cardsHTML(cards []Card, opts Options, forPrint bool) ([]byte, error) {
	p, err := paperFor(opts.Paper)
	if err != nil {
		return nil, err
	}
	lang := "en"
	if len(cards) > 0 {
		lang = cards[0].Language
	}
	title := words.In(lang, "role_card")
	if len(cards) == 1 {
		title = fmt.Sprintf("%s — %s", title, cards[0].Name)
	} else if len(cards) > 1 {
		title = fmt.Sprintf("%s — %s", title, cards[0].ScenarioTitle)
	}
	notice := ""
	if forPrint {
		notice = words.In(lang, "print_notice")
	}
	var buf bytes.Buffer
	err = pages.ExecuteTemplate(&buf, "cards.html.tmpl", struct {
		page
		Title  string
		Paper  paper
		Cards  []Card
		Notice string // on every page, in its margin; empty on a trainee's own card
	}{page{lang}, title, p, cards, notice})
	return buf.Bytes(), err
}

// joinCards renders each card with render and joins them with sep.
func joinCards(cards []Card, render func(Card) string, sep string) []byte {
	parts := make([]string, len(cards))
	for i, c := range cards {
		parts[i] = render(c)
	}
	return []byte(strings.Join(parts, sep))
}

// cardMarkdown writes one card in Markdown, its sections in the order of
// the printed card.
func cardMarkdown(c Card) string {
	L := func(k string) string { return words.In(c.Language, k) }
	var b strings.Builder
	mdCardHead(&b, c, L)
	mdCardRole(&b, c, L)
	mdCardGroup(&b, c, L)
	mdCardAgenda(&b, c, L)
	mdCardIssue(&b, c, L)
	fmt.Fprintf(&b, "*%s*\n", scenario.EscapeMarkdown(L("keep_private")))
	return b.String()
}

func mdCardHead(b *strings.Builder, c Card, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "# %s — %s\n\n", e(L("role_card")), e(c.Name))
	fmt.Fprintf(b, "%s", e(fmt.Sprintf(L("round_group"), c.Round, c.Group)))
	if c.Table != "" {
		fmt.Fprintf(b, " · **%s**", e(fmt.Sprintf(L("table"), c.Table)))
	}
	if w := c.When(); w != "" {
		fmt.Fprintf(b, " · %s", e(w))
	}
	fmt.Fprintf(b, " · %s · %s", e(c.ScenarioTitle), e(c.TraineeID))
	if c.Unit != "" {
		fmt.Fprintf(b, " · %s", e(c.Unit))
	}
	fmt.Fprintf(b, "\n\n**%s**%s%s\n\n", e(L("focus_question")), L("colon"), e(c.FocusQuestion))
}

func mdCardRole(b *strings.Builder, c Card, L func(string) string) {
	e := scenario.EscapeMarkdown
	r := c.Role
	if r == nil {
		fmt.Fprintf(b, "## %s\n\n**%s**\n\n", e(L("your_role")), e(L("unassigned")))
		return
	}
	fmt.Fprintf(b, "## %s%s%s · %s\n\n", e(L("your_role")), L("colon"), e(r.Title), e(r.Function))
	for _, p := range paragraphs(r.Brief) {
		fmt.Fprintf(b, "%s\n\n", e(p))
	}
	if len(r.Goals) > 0 {
		fmt.Fprintf(b, "**%s**\n\n", e(L("goals")))
		for _, g := range r.Goals {
			fmt.Fprintf(b, "- %s\n", e(g))
		}
		b.WriteString("\n")
	}
	if len(r.Interests) > 0 {
		fmt.Fprintf(b, "**%s**%s%s\n\n", e(L("interests")), L("colon"), e(strings.Join(r.Interests, listSep(c.Language))))
	}
	if r.Confidential != "" {
		fmt.Fprintf(b, "> **%s**\n", e(L("confidential_mark")))
		for _, p := range paragraphs(r.Confidential) {
			fmt.Fprintf(b, ">\n> %s\n", e(p))
		}
		b.WriteString("\n")
	}
}

func mdCardGroup(b *strings.Builder, c Card, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "## %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n", e(L("your_group")), e(L("name")), e(L("unit")), e(L("role")))
	for _, m := range c.Members {
		name := e(m.Name)
		if m.You {
			name = fmt.Sprintf("**%s%s**", name, L("you")) // a fixed word, with its space
		}
		role := e(m.RoleTitle)
		if m.RoleTitle == "" {
			role = "*" + e(L("unassigned_short")) + "*"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", name, e(m.Unit), role)
	}
}

func mdCardAgenda(b *strings.Builder, c Card, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "\n## %s %s\n\n| %s | %s |\n| --- | --- |\n", e(L("agenda")), e(fmt.Sprintf(L("method_duration"), c.Method, c.Duration)), e(L("time")), e(L("phase")))
	for _, ph := range c.Agenda {
		fmt.Fprintf(b, "| %s | %s", ph.Time(), e(ph.Title))
		if ph.LedBy != "" {
			fmt.Fprintf(b, " %s", e(fmt.Sprintf(L("led_by_fmt"), ph.LedBy)))
		}
		b.WriteString(" |\n")
	}
}

func mdCardIssue(b *strings.Builder, c Card, L func(string) string) {
	e := scenario.EscapeMarkdown
	fmt.Fprintf(b, "\n## %s\n\n", e(L("background")))
	for _, p := range paragraphs(c.Background) {
		fmt.Fprintf(b, "%s\n\n", e(p))
	}
	if len(c.PublicFacts) > 0 {
		fmt.Fprintf(b, "## %s\n\n", e(L("public_facts")))
		for _, f := range c.PublicFacts {
			fmt.Fprintf(b, "- %s\n", e(f))
		}
		b.WriteString("\n")
	}
}

// cardText writes one card as plain text, its sections in the order of the
// printed card.
func cardText(c Card) string {
	L := func(k string) string { return words.In(c.Language, k) }
	var b strings.Builder
	txtCardHead(&b, c, L)
	txtCardRole(&b, c, L)
	txtCardGroup(&b, c, L)
	txtCardAgenda(&b, c, L)
	txtCardIssue(&b, c, L)
	fmt.Fprintf(&b, "\n%s\n", L("keep_private"))
	return b.String()
}

func txtCardHead(b *strings.Builder, c Card, L func(string) string) {
	fmt.Fprintf(b, "%s — %s", strings.ToUpper(L("role_card")), fmt.Sprintf(L("round_group"), c.Round, c.Group))
	if c.Table != "" {
		fmt.Fprintf(b, " · %s", fmt.Sprintf(L("table"), c.Table))
	}
	if w := c.When(); w != "" {
		fmt.Fprintf(b, " · %s", w)
	}
	fmt.Fprintf(b, "\n%s\n%s (%s)", c.ScenarioTitle, c.Name, c.TraineeID)
	if c.Unit != "" {
		fmt.Fprintf(b, " · %s", c.Unit)
	}
	fmt.Fprintf(b, "\n\n%s%s%s\n", strings.ToUpper(L("focus_question")), L("colon"), c.FocusQuestion)
}

func txtCardRole(b *strings.Builder, c Card, L func(string) string) {
	r := c.Role
	if r == nil {
		fmt.Fprintf(b, "\n%s%s%s\n", strings.ToUpper(L("your_role")), L("colon"), L("unassigned"))
		return
	}
	fmt.Fprintf(b, "\n%s%s%s · %s\n", strings.ToUpper(L("your_role")), L("colon"), r.Title, r.Function)
	writeParas(b, r.Brief, "  ")
	if len(r.Goals) > 0 {
		fmt.Fprintf(b, "  %s%s\n", L("goals"), strings.TrimSpace(L("colon")))
		for _, g := range r.Goals {
			fmt.Fprintf(b, "    - %s\n", g)
		}
	}
	if len(r.Interests) > 0 {
		fmt.Fprintf(b, "  %s%s%s\n", L("interests"), L("colon"), strings.Join(r.Interests, listSep(c.Language)))
	}
	if r.Confidential != "" {
		fmt.Fprintf(b, "\n*** %s ***\n", L("confidential_mark"))
		writeParas(b, r.Confidential, "  ")
		fmt.Fprintf(b, "*** %s ***\n", L("confidential_mark"))
	}
}

func txtCardGroup(b *strings.Builder, c Card, L func(string) string) {
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("your_group")))
	for _, m := range c.Members {
		role := m.RoleTitle
		if role == "" {
			role = L("unassigned_short")
		}
		you := ""
		if m.You {
			you = L("you")
		}
		unit := ""
		if m.Unit != "" {
			unit = ", " + m.Unit
		}
		fmt.Fprintf(b, "  - %s%s%s — %s\n", m.Name, you, unit, role)
	}
}

func txtCardAgenda(b *strings.Builder, c Card, L func(string) string) {
	fmt.Fprintf(b, "\n%s %s\n", strings.ToUpper(L("agenda")), fmt.Sprintf(L("method_duration"), c.Method, c.Duration))
	for _, ph := range c.Agenda {
		fmt.Fprintf(b, "  %s  %s", ph.Time(), ph.Title)
		if ph.LedBy != "" {
			fmt.Fprintf(b, " %s", fmt.Sprintf(L("led_by_fmt"), ph.LedBy))
		}
		b.WriteString("\n")
	}
}

func txtCardIssue(b *strings.Builder, c Card, L func(string) string) {
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("background")))
	writeParas(b, c.Background, "  ")
	if len(c.PublicFacts) > 0 {
		fmt.Fprintf(b, "\n%s\n", strings.ToUpper(L("public_facts")))
		for _, f := range c.PublicFacts {
			fmt.Fprintf(b, "  - %s\n", f)
		}
	}
}

func writeParas(b *strings.Builder, s, indent string) {
	for i, p := range paragraphs(s) {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%s%s\n", indent, p)
	}
}

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// paragraphs splits text at blank lines and joins the lines of each
// paragraph, with a space between words but none between Chinese
// characters.
// Paragraphs splits a text of the scenario into its paragraphs at blank
// lines and joins each paragraph's lines as they read: with a space, but
// none between two Chinese characters (a Chinese line wrapped in YAML
// reads on). Every page that shows a scenario's text uses it.
func Paragraphs(s string) []string { return paragraphs(s) }

func paragraphs(s string) []string {
	var out []string
	for _, block := range blankLine.Split(strings.TrimSpace(s), -1) {
		var p strings.Builder
		for _, line := range strings.Split(block, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if p.Len() > 0 {
				last, _ := utf8.DecodeLastRuneInString(p.String())
				first, _ := utf8.DecodeRuneInString(line)
				if !(scenario.IsWide(last) && scenario.IsWide(first)) {
					p.WriteByte(' ')
				}
			}
			p.WriteString(line)
		}
		if p.Len() > 0 {
			out = append(out, p.String())
		}
	}
	return out
}
