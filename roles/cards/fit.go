package cards

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/yishi-council/yishi/scenario"
)

// A role card prints on one page: when its text is longer, the page's
// script (templates "fit") shrinks the type until it fits, down to 6px,
// which few trainees can read. [Overflows] tells the author beforehand, by
// laying the card out as the browser does: the blocks and margins of
// style.html.tmpl, the text broken into lines by the widths of the glyphs
// of Noto Sans CJK SC, the first font the cards ask for. The browser test
// (fit_browser_test.go) holds the estimate to Chromium's layout.

// defaultGroupSize is the group a card lists when the scenario does not
// bound the size of its groups.
const defaultGroupSize = 8

// Lint is the scenario's lint with the length of its cards: what
// `yishi validate --lint` and `yishi assign` warn of.
func Lint(s *scenario.Scenario) scenario.Diagnostics {
	return scenario.Lint(s, Overflows(s)...)
}

// MinCardPoints is the smallest type a card may shrink to and still be
// read at the table: 8 pt, a little under the A5 card's normal 8.5 pt.
// A card whose text fits one page only in smaller type is too long.
const MinCardPoints = 8

// Overflows returns a card-too-long finding for each role of s whose card
// would fit one page of the default paper only with its type shrunk below
// [MinCardPoints]: a card with the scenario's background, focus question,
// public facts and agenda, the role's briefs, goals and interests, and a
// group of the largest size the scenario allows, on a timed day.
// Observers hold a card too, and are checked like every role.
func Overflows(s *scenario.Scenario) []scenario.Finding { return OverflowsOn(s, "") }

// OverflowsOn is [Overflows] on the named paper, [PaperA4] or [PaperA5],
// for the cards command to say what it prints; nil for a paper yishi does
// not know.
func OverflowsOn(s *scenario.Scenario, paperName string) []scenario.Finding {
	p, err := paperFor(paperName)
	if err != nil {
		return nil
	}
	size := s.Grouping.Size.Max
	if size <= 0 {
		size = defaultGroupSize
	}
	floor := pt(MinCardPoints)
	var found []scenario.Finding
	for i, r := range s.Roles {
		c := sampleCard(s, r.ID, size)
		printed := printedSize(c, p)
		if printed >= floor {
			continue
		}
		path := fmt.Sprintf("roles[%d].confidential", i)
		if strings.TrimSpace(r.Confidential) == "" {
			path = fmt.Sprintf("roles[%d].brief", i)
		}
		need, room := cardHeightAt(c, p, floor), mm(p.InnerHeight)
		found = append(found, scenario.Finding{
			Check: scenario.LintCardTooLong, Target: r.ID, Path: path,
			Text: scenario.Msg("%s: role %q's card fits one printed %s page only in %.1f pt type, below the %d pt a trainee can read (%.1f pt is normal); shorten the role's briefs, or the scenario's background and facts, by about %d characters",
				path, r.ID, p.Name, printed*72/96, MinCardPoints, p.FontSize, cutChars(c, p, floor, need-room)),
		})
	}
	return found
}

// printedSize is the type size, in pixels, card c prints at on paper p:
// the paper's, or the size the page's fit script shrinks it to, a quarter
// pixel at a time down to 6 px, until it fits the page (or one pixel over,
// as the script allows).
func printedSize(c Card, p paper) float64 {
	room := mm(p.InnerHeight)
	size := pt(p.FontSize)
	for cardHeightAt(c, p, size) > room+1 && size > 6 {
		size -= 0.25
	}
	return size
}

// sampleCard is the card of role id as a group of size members holds it on
// a timed day at a table: the member's own name and unit, and the group's
// other members playing the scenario's other roles, the longest titles
// first.
func sampleCard(s *scenario.Scenario, id string, size int) Card {
	c := publicCard(s)
	c.Round, c.Group, c.Table = 1, 1, "A1"
	c.RoundName = s.RoundName(1)
	start := 9 * 60
	c.RoundStart, c.RoundEnd = scenario.TimeOfDay(start), scenario.TimeOfDay(start+s.Duration.Minutes())
	for i, slot := range s.Timetable() {
		c.Agenda[i].Clock = scenario.TimeOfDay(start+slot.Start) + "–" + scenario.TimeOfDay(start+slot.End)
	}
	// Names and units as a Chinese roster has them, on the long side.
	const name, unit = "欧阳淑芬", "石庄社区居委会"
	c.TraineeID, c.Name, c.Unit = "T01", name, unit
	c.Role = cardRole(s, id)
	others := slices.DeleteFunc(slices.Clone(s.Roles), func(r scenario.Role) bool { return r.ID == id })
	slices.SortStableFunc(others, func(a, b scenario.Role) int {
		return textWidth(b.DisplayTitle(), 1, false, s.Language) - textWidth(a.DisplayTitle(), 1, false, s.Language)
	})
	for i := range size {
		m := CardMember{ID: fmt.Sprintf("T%02d", i+1), Name: name, Unit: unit}
		switch {
		case i == 0:
			m.You = true
			if c.Role != nil {
				m.RoleTitle = c.Role.Title
			}
		case len(others) > 0:
			m.RoleTitle = others[(i-1)%len(others)].DisplayTitle()
		}
		c.Members = append(c.Members, m)
	}
	return c
}

// cutChars is about how many characters of the card's briefs come to
// excess pixels of height at type size fs: lines of the role box's
// width, as many characters a line as the role's text averages.
func cutChars(c Card, p paper, fs, excess float64) int {
	text := c.Background
	if c.Role != nil {
		text = c.Role.Brief + c.Role.Confidential + text
	}
	text = strings.Join(strings.Fields(text), " ")
	n := len([]rune(text))
	if n == 0 {
		return 0
	}
	perChar := float64(textWidth(text, fs, false, c.Language)) / 1000 / float64(n)
	perLine := (boxWidth(mm(p.InnerWidth), roleBox, fs)) / perChar
	chars := max(1, math.Ceil(excess/(lineHeight*fs))) * perLine // a card over by a hair is a line too long
	return int(math.Ceil(chars/10) * 10)
}

// Units: the layout works in CSS pixels, 96 to the inch, as the browser
// does; the paper's geometry is in millimetres and its type in points.
func mm(v float64) float64 { return v * 96 / 25.4 }
func pt(v float64) float64 { return v * 96 / 72 }

// border is the width the browser draws a border of v millimetres: in
// whole pixels, rounded down, and never thinner than one.
func border(v float64) float64 { return max(1, math.Floor(mm(v))) }

// lineHeight is the body's line-height in style.html.tmpl.
const lineHeight = 1.4

// glyphs are the advances of Noto Sans CJK SC's printable ASCII glyphs
// (from the space to the tilde), in thousandths of an em, regular and bold
// (600 and 700 look alike), as Chromium measures them.
var glyphs = [2][95]int{{
	224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392,
	555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474,
	946, 601, 657, 608, 688, 589, 552, 689, 728, 293, 492, 646, 543, 812, 723, 742,
	633, 742, 635, 582, 599, 721, 585, 878, 573, 531, 586, 338, 392, 338, 555, 559,
	606, 563, 618, 487, 620, 554, 321, 564, 607, 275, 275, 552, 284, 926, 610, 606,
	620, 620, 388, 468, 356, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
}, {
	227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387,
	590, 590, 590, 590, 590, 590, 590, 590, 590, 590, 325, 325, 590, 590, 590, 514,
	1007, 638, 681, 619, 714, 615, 585, 717, 757, 330, 525, 686, 578, 853, 749, 770,
	667, 770, 682, 606, 625, 748, 630, 915, 627, 580, 599, 378, 387, 378, 590, 567,
	626, 591, 644, 499, 644, 581, 360, 597, 640, 304, 306, 604, 315, 964, 641, 626,
	644, 644, 436, 495, 399, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
}}

// latin1 are the advances of the glyphs from U+00A0 to U+00FF, regular;
// the font draws some signs (§ ± · ×) full width.
var latin1 = [96]int{
	224, 323, 555, 555, 555, 555, 270, 1000, 606, 832, 386, 479, 555, 0, 473, 606,
	370, 1000, 411, 411, 606, 628, 1000, 1000, 606, 411, 407, 479, 873, 903, 889, 435,
	634, 634, 634, 634, 634, 634, 918, 638, 589, 589, 589, 589, 293, 293, 293, 293,
	712, 723, 742, 742, 742, 742, 742, 1000, 742, 717, 717, 717, 717, 429, 652, 643,
	563, 563, 563, 563, 563, 563, 861, 499, 538, 538, 538, 538, 275, 275, 275, 275,
	608, 610, 590, 590, 590, 590, 590, 1000, 590, 607, 607, 607, 607, 499, 604, 499,
}

// punctuation are the advances of the general punctuation and signs the
// font draws narrower than an em (in English; Chinese text sets the dash
// and the ellipsis an em wide).
var punctuation = map[rune]int{
	'‑': 347, '‒': 536, '–': 536, '—': 894, '‚': 278, '„': 474, '…': 1059,
	'′': 278, '″': 474, '‹': 302, '›': 302, '€': 555, '™': 711,
}

// advance is the width of r in thousandths of an em. Chinese characters
// and punctuation, and every other glyph the font draws full width (the
// middle dot, curly quotes, the arrows), are an em; Latin letters and
// most signs are about half of one.
func advance(r rune, bold bool, lang string) int {
	if r >= ' ' && r <= '~' {
		if bold {
			return glyphs[1][r-' ']
		}
		return glyphs[0][r-' ']
	}
	w := 1000
	switch {
	case r >= 0xa0 && r <= 0xff:
		w = latin1[r-0xa0]
	case r >= 0x100 && r < 0x250:
		w = 620
	case punctuation[r] > 0 && !(lang == "zh" && (r == '—' || r == '…')):
		w = punctuation[r]
	}
	if bold && w < 1000 {
		w = w * 105 / 100
	}
	return w
}

// textWidth is the width of s at font size fs, in thousandths of a pixel.
func textWidth(s string, fs float64, bold bool, lang string) int {
	total := 0
	for _, r := range s {
		total += advance(r, bold, lang)
	}
	return int(float64(total) * fs)
}

// run is a piece of text in one style, as one element of a line sets it.
type run struct {
	text string
	fs   float64 // font size, px
	bold bool
}

// noBreakBefore are the marks a line may not start with, and noBreakAfter
// those it may not end with, as the browser keeps them (kinsoku).
const (
	noBreakBefore = "，。、；：！？）」』】》〉”’…·%),.;:!?"
	noBreakAfter  = "（「『【《〈“‘(¥$£€"
)

// piece is a stretch of text no line breaks inside: a word, or one Chinese
// character with the marks that cling to it; space is the width of the
// spaces before it, which a line that breaks there drops.
type piece struct{ width, space float64 }

// pieces cuts runs into the stretches a line can break between, with
// their widths in pixels: at spaces, around each wide character (keeping
// the marks of noBreakBefore and noBreakAfter to their neighbours) and
// after a hyphen or dash before a letter.
func pieces(runs []run, lang string) []piece {
	var out []piece
	var cur piece
	open := false     // cur holds text
	glue := false     // the next character joins cur whatever it is
	prevWide := false // the last character of cur is wide
	dash := false     // the last character of cur is a hyphen or dash
	space := 0.0
	flush := func() {
		if open {
			out = append(out, cur)
		}
		cur, open = piece{}, false
	}
	for _, rn := range runs {
		for _, r := range rn.text {
			adv := advance(r, rn.bold, lang)
			w := float64(adv) * rn.fs / 1000
			if unicode.IsSpace(r) && r != '\u00a0' {
				flush()
				space += w
				glue, prevWide, dash = false, false, false
				continue
			}
			wide := adv >= 1000 || scenario.IsWide(r)
			clings := strings.ContainsRune(noBreakBefore, r)
			if open && !glue && !clings && (wide || prevWide || dash && unicode.IsLetter(r)) {
				flush()
			}
			if !open {
				cur = piece{space: space}
				space, open = 0, true
			}
			cur.width += w
			glue = strings.ContainsRune(noBreakAfter, r)
			prevWide = wide
			dash = r == '-' || r == '–' || r == '—'
		}
	}
	flush()
	return out
}

// lines is how many lines runs fill in width pixels, breaking greedily as
// the browser does; a word longer than a line overflows it, on one line.
func lines(runs []run, width float64, lang string) int {
	ps := pieces(runs, lang)
	if len(ps) == 0 {
		return 0
	}
	n, x := 1, 0.0
	for i, p := range ps {
		if i > 0 && x+p.space+p.width > width+0.01 {
			n++
			x = p.width
			continue
		}
		if i > 0 {
			x += p.space
		}
		x += p.width
	}
	return n
}

// width is the width of runs set on one line, in pixels.
func width(runs []run, lang string) float64 {
	w := 0.0
	for _, rn := range runs {
		w += float64(textWidth(rn.text, rn.fs, rn.bold, lang)) / 1000
	}
	return w
}

// minWidth is the widest piece of runs: the narrowest a table column of
// it can be.
func minWidth(runs []run, lang string) float64 {
	w := 0.0
	for _, p := range pieces(runs, lang) {
		w = max(w, p.width)
	}
	return w
}

// flow stacks blocks as a block container does: the margins between two
// blocks collapse into the larger, and a box's own margins stay outside it.
type flow struct {
	height float64
	margin float64 // the margin pending below the last block
}

// gap adds a margin, which collapses with the one pending.
func (f *flow) gap(m float64) { f.margin = max(f.margin, m) }

// block adds a block of height h between margins top and bottom.
func (f *flow) block(top, h, bottom float64) {
	f.gap(top)
	f.height += f.margin + h
	f.margin = bottom
}

// end is the flow's height with its last margin, as a box with padding
// holds it.
func (f *flow) end() float64 { return f.height + f.margin }

// box is a bordered, padded block of style.html.tmpl: its border and its
// padding in ems, each side.
type box struct {
	border  float64 // px
	padV    float64 // em
	padH    float64 // em
	borderH bool    // the border is on the left and right too
}

var (
	roleBox         = box{border: border(.4), padV: .4, padH: .6, borderH: true}
	confidentialBox = box{border: border(.6), padV: .4, padH: .6, borderH: true}
)

// boxWidth is the width inside a box of outer width w at font size fs.
func boxWidth(w float64, b box, fs float64) float64 {
	inner := w - 2*b.padH*fs
	if b.borderH {
		inner -= 2 * b.border
	}
	return inner
}

// cardHeight lays card c out on paper p as the page's style does, and
// returns the height of its sheet's content in pixels, which is what the
// fit script compares with the sheet's height.
func cardHeight(c Card, p paper) float64 { return cardHeightAt(c, p, pt(p.FontSize)) }

// cardHeightAt is [cardHeight] with the sheet's type at fs pixels, as the
// fit script sets it.
func cardHeightAt(c Card, p paper, fs float64) float64 {
	lang := c.Language
	L := func(k string) string { return words.In(lang, k) }
	W := mm(p.InnerWidth)
	lh := func(size float64) float64 { return lineHeight * size }
	para := func(f *flow, runs []run, w, size, top, bottom float64) {
		if n := lines(runs, w, lang); n > 0 {
			f.block(top*size, float64(n)*lh(size), bottom*size)
		}
	}
	list := func(f *flow, items []string, w, size float64) {
		// ul { margin: 0 0 .35em; padding-left: 1.3em } li { margin: 0 0 .1em }
		for _, it := range items {
			para(f, []run{{it, size, false}}, w-1.3*size, size, 0, .1)
		}
		f.gap(.35 * size)
	}
	h2 := func(f *flow, runs []run, size float64) {
		// h2 { font-size: 1.02em; margin: .7em 0 .25em; padding-bottom: .1em; border-bottom: .3mm }
		hs := 1.02 * size
		for i := range runs {
			runs[i].fs *= 1.02
			runs[i].bold = runs[i].bold || i == 0
		}
		n := max(1, lines(runs, W, lang))
		f.block(.7*hs, float64(n)*lh(hs)+.1*hs+border(.3), .25*hs)
	}
	var sheet flow

	// .top { font-size: .85em; display: flex; gap: 1em; padding-bottom: .2em;
	// border-bottom: .5mm; margin-bottom: .4em }
	ts := .85 * fs
	left := []run{{L("role_card") + " · " + fmt.Sprintf(L("round_group"), c.Round, c.Group), ts, false}}
	if c.Table != "" {
		left = append(left, run{" · ", ts, false}, run{fmt.Sprintf(L("table"), c.Table), ts, true})
	}
	right := c.ScenarioTitle
	if w := c.When(); w != "" {
		right += " · " + w
	}
	sheet.block(0, float64(flexLines(left, []run{{right, ts, false}}, W, ts, lang))*lh(ts)+.2*ts+border(.5), .4*ts)

	// .who { font-size: 1.15em; margin: .1em 0 .3em } .who strong { font-size: 1.2em }
	ws := 1.15 * fs
	who := c.TraineeID
	if c.Unit != "" {
		who += " · " + c.Unit
	}
	n := lines([]run{{c.Name, 1.2 * ws, true}, {" " + who, ws, false}}, W, lang)
	sheet.block(.1*ws, float64(n)*lh(1.2*ws), .3*ws)

	// .focus { border-left: 1mm; padding: .2em .6em; margin: .3em 0 .4em; font-weight: 600 }
	n = lines([]run{{L("focus_question") + L("colon") + c.FocusQuestion, fs, true}}, W-border(1)-1.2*fs, lang)
	sheet.block(.3*fs, float64(n)*lh(fs)+.4*fs, .4*fs)

	if r := c.Role; r != nil {
		// .role { border: .4mm; padding: .4em .6em; margin: .4em 0 }
		w := boxWidth(W, roleBox, fs)
		var in flow
		head := []run{{L("your_role") + L("colon"), fs, false}, {r.Title, 1.15 * fs, true}, {" · " + r.Function, fs, false}}
		in.block(0, float64(lines(head, w, lang))*lh(1.15*fs), 0)
		for _, pg := range paragraphs(r.Brief) {
			para(&in, []run{{pg, fs, false}}, w, fs, 0, .35)
		}
		if len(r.Goals) > 0 {
			// h3 { margin: .5em 0 .2em }
			para(&in, []run{{L("goals"), fs, true}}, w, fs, .5, .2)
			list(&in, r.Goals, w, fs)
		}
		if len(r.Interests) > 0 {
			para(&in, []run{{L("interests") + L("colon"), fs, true}, {strings.Join(r.Interests, listSep(lang)), fs, false}}, w, fs, 0, .35)
		}
		sheet.block(.4*fs, in.end()+2*roleBox.padV*fs+2*roleBox.border, .4*fs)

		if r.Confidential != "" {
			w := boxWidth(W, confidentialBox, fs)
			var in flow
			// .mark { display: inline-block; padding: .05em .5em; margin-bottom: .3em }
			in.block(0, float64(lines([]run{{L("confidential_mark"), fs, true}}, w-fs, lang))*lh(fs)+.4*fs, 0)
			for _, pg := range paragraphs(r.Confidential) {
				para(&in, []run{{pg, fs, false}}, w, fs, 0, .35)
			}
			sheet.block(.4*fs, in.end()+2*confidentialBox.padV*fs+2*confidentialBox.border, .4*fs)
		}
	} else {
		// .unassigned { border: .4mm dashed; padding: .5em .6em; margin: .4em 0; font-weight: 600 }
		n := lines([]run{{L("unassigned"), fs, true}}, W-2*border(.4)-1.2*fs, lang)
		sheet.block(.4*fs, float64(n)*lh(fs)+fs+2*border(.4), .4*fs)
	}

	// The group, in a table { margin: 0 0 .35em } of td { padding: .12em .4em .12em 0;
	// border-bottom: .2mm }.
	h2(&sheet, []run{{L("your_group"), fs, true}}, fs)
	var rows [][][]run
	for _, m := range c.Members {
		name := m.Name
		if m.You {
			name += L("you")
		}
		role := m.RoleTitle
		if role == "" {
			role = L("unassigned_short")
		}
		rows = append(rows, [][]run{{{name, fs, m.You}}, {{m.Unit, fs, m.You}}, {{role, fs, m.You}}})
	}
	sheet.block(0, tableHeight(rows, nil, W, fs, lang), .35*fs)

	h2(&sheet, []run{{L("agenda") + " ", fs, true}, {fmt.Sprintf(L("method_duration"), c.Method, c.Duration), .92 * fs, false}}, fs)
	rows = rows[:0]
	for _, ph := range c.Agenda {
		time := ph.Start + "–" + ph.End
		if ph.Clock != "" {
			time = ph.Clock + " (" + time + ")"
		}
		title := ph.Title
		if ph.LedBy != "" {
			title += " " + fmt.Sprintf(L("led_by_fmt"), ph.LedBy)
		}
		rows = append(rows, [][]run{{{time, fs, false}}, {{title, fs, false}}})
	}
	sheet.block(0, tableHeight(rows, []bool{true, false}, W, fs, lang), .35*fs)

	// .small { font-size: .92em }: no border nor padding, so its children's
	// margins collapse with the sheet's.
	ss := .92 * fs
	h2(&sheet, []run{{L("background"), ss, true}}, ss)
	for _, pg := range paragraphs(c.Background) {
		para(&sheet, []run{{pg, ss, false}}, W, ss, 0, .35)
	}
	if len(c.PublicFacts) > 0 {
		h2(&sheet, []run{{L("public_facts"), ss, true}}, ss)
		list(&sheet, c.PublicFacts, W, ss)
	}

	// .foot { margin-top: .5em; font-size: .8em }
	fts := .8 * fs
	para(&sheet, []run{{L("keep_private"), fts, false}}, W, fts, .5, 0)
	return sheet.height
}

// flexLines is how many lines the .top strip takes: its two spans side by
// side a gap of one em apart, each shrunk in proportion to its width when
// together they are wider than the strip.
func flexLines(a, b []run, w, fs float64, lang string) int {
	wa, wb := width(a, lang), width(b, lang)
	if wa+wb+fs <= w {
		return 1
	}
	room := w - fs
	ca := max(minWidth(a, lang), room*wa/(wa+wb))
	cb := max(minWidth(b, lang), room-ca)
	return max(lines(a, ca, lang), lines(b, cb, lang))
}

// tableHeight is the height of a table of rows of cells, laid out as an
// automatic table of full width: each column as wide as its widest cell
// when they all fit, else narrowed towards its longest word in proportion
// to what it would lose. nowrap marks the columns that never wrap.
func tableHeight(rows [][][]run, nowrap []bool, w, fs float64, lang string) float64 {
	if len(rows) == 0 {
		return 0
	}
	pad := .4 * fs // each cell's right padding
	cols := len(rows[0])
	maxW, minW := make([]float64, cols), make([]float64, cols)
	for _, row := range rows {
		for j, cell := range row {
			mx := width(cell, lang) + pad
			mn := minWidth(cell, lang) + pad
			if j < len(nowrap) && nowrap[j] {
				mn = mx
			}
			maxW[j], minW[j] = max(maxW[j], mx), max(minW[j], mn)
		}
	}
	colW := slices.Clone(maxW)
	sumMax, sumMin := 0.0, 0.0
	for j := range cols {
		sumMax += maxW[j]
		sumMin += minW[j]
	}
	if sumMax > w {
		for j := range cols {
			colW[j] = minW[j]
			if sumMax > sumMin {
				colW[j] += (maxW[j] - minW[j]) * max(0, w-sumMin) / (sumMax - sumMin)
			}
		}
	}
	h := 0.0
	for _, row := range rows {
		n := 1
		for j, cell := range row {
			n = max(n, lines(cell, colW[j]-pad+0.01, lang))
		}
		h += float64(n)*lineHeight*fs + .24*fs + border(.2)
	}
	return h
}
