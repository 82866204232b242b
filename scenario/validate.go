package scenario

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// checker carries what validation needs to place a message.
type checker struct {
	posOf  func(path string) Pos
	diags  *Diagnostics
	prefix string // put before paths in messages, for a rubric inside a scenario
	// failed holds the paths whose values the decoder reported (a wrong
	// type, a misspelt key, a merge key): one problem gets one message, so
	// validation says nothing more of them or of what they hold.
	failed map[string]bool
	// badIDs holds, normalised, the ids [checker.id] reported (malformed,
	// twice over): a reference to one is the same problem, so [checker.ref]
	// says nothing more of it.
	badIDs map[string]bool
}

func (c checker) errorf(path, format string, args ...any) {
	if !c.reported(path) {
		c.diags.Errorf(c.posOf(path), format, args...)
	}
}

func (c checker) warnf(path, format string, args ...any) {
	if !c.reported(path) {
		c.diags.Warnf(c.posOf(path), format, args...)
	}
}

// reported tells whether the decoder reported the value at path or one
// that holds it.
func (c checker) reported(path string) bool {
	for p := c.prefix + path; ; {
		if c.failed[p] {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// required reports a missing or blank text value.
func (c checker) required(path, value string, what Message) bool {
	if c.reported(path) {
		return false
	}
	if strings.TrimSpace(value) == "" {
		c.errorf(path, "%s%s: missing %s", c.prefix, path, what)
		return false
	}
	return true
}

// id checks an identifier's form and that it is not a duplicate among seen.
func (c checker) id(path, value string, seen map[string]string) {
	if !c.required(path, value, Msg("id")) {
		return
	}
	if !idPattern.MatchString(value) {
		c.errorf(path, "%s%s: %q is not a valid id: use lower-case letters, digits, '-' and '_', such as resident-rep", c.prefix, path, value)
		c.badIDs[NormalizeName(value)] = true
	}
	if first, dup := seen[value]; dup {
		c.errorf(path, "%s%s: duplicate id %q (first used at %s)", c.prefix, path, value, first)
		c.badIDs[NormalizeName(value)] = true
		return
	}
	seen[value] = c.posOf(path).String()
}

// ref checks that value names one of known, suggesting the closest.
func (c checker) ref(path, value string, what Message, known []string) bool {
	if slices.Contains(known, value) {
		return true
	}
	if c.badIDs[NormalizeName(value)] {
		return false // the id it names is reported where it stands
	}
	if s := Suggest(value, known); s != "" {
		c.errorf(path, "%s%s: unknown %s %q (did you mean %q?)", c.prefix, path, what, value, s)
	} else if len(known) > 0 && len(known) <= 12 {
		c.errorf(path, "%s%s: unknown %s %q (known: %s)", c.prefix, path, what, value, strings.Join(known, ", "))
	} else {
		c.errorf(path, "%s%s: unknown %s %q", c.prefix, path, what, value)
	}
	return false
}

func validateScenario(s *Scenario, rubrics RubricSource, diags *Diagnostics) {
	c := checker{posOf: s.PosOf, diags: diags, failed: s.failed, badIDs: map[string]bool{}}
	validateHead(s, c)
	backgrounds := validateBackgrounds(s, c)
	rubric := resolveRubric(s, rubrics, c)
	var dims []string
	if rubric != nil {
		dims = rubric.DimensionIDs()
	}
	roleIDs := validateRoles(s, backgrounds, c)
	validateIssue(s, c)
	stakes := validateStakes(s, c)
	validateRoleStakes(s, stakes, dims, c)
	validateAgenda(s, roleIDs, dims, c)
	validateInjects(s, roleIDs, dims, c)
	validateGrouping(s, backgrounds, c)
	validateSchedule(s, c)
	validateTrainerNotes(s, c)
	validateLintSettings(s, dims, c)
}

// validateHead checks the scenario's own fields: kind, id, title, language,
// method and duration.
func validateHead(s *Scenario, c checker) {
	if s.Kind != "" && s.Kind != KindScenario {
		c.errorf("kind", "kind: expected %q, got %q", KindScenario, s.Kind)
	}
	c.id("id", s.ID, map[string]string{})
	c.required("title", s.Title, Msg("title"))
	if c.required("language", s.Language, Msg("language (en or zh)")) {
		c.ref("language", s.Language, Msg("language"), Languages)
	}
	if c.required("method", s.Method, Msg("method")) {
		c.ref("method", s.Method, Msg("method"), Methods)
	}
	if s.Level != "" {
		c.ref("level", s.Level, Msg("level"), Levels)
	}
	if s.Duration <= 0 {
		c.errorf("duration", "duration: missing or zero; give the drill's length, such as 60m")
	} else {
		c.drillTime("duration", s.Duration)
	}
}

func validateIssue(s *Scenario, c checker) {
	c.required("issue.background", s.Issue.Background, Msg("background of the issue"))
	c.required("issue.focus_question", s.Issue.FocusQuestion, Msg("focus question"))
	if len(s.Issue.PublicFacts) == 0 {
		c.warnf("issue.public_facts", "issue.public_facts: no public facts; trainees will argue without a shared basis")
	}
	for i, f := range s.Issue.PublicFacts {
		c.required(fmt.Sprintf("issue.public_facts[%d]", i), f, Msg("fact"))
	}
}

// validateAgenda checks the phases against the roles and the rubric's
// dimensions (nil when the rubric is unknown), and their total against the
// duration.
func validateAgenda(s *Scenario, roleIDs, dims []string, c checker) {
	if len(s.Agenda) == 0 {
		c.errorf("agenda", "agenda: no phases; a council needs at least one timeboxed phase")
	}
	phaseIDs := map[string]string{}
	timeboxes := true // every timebox is one a phase can have
	for i, p := range s.Agenda {
		path := fmt.Sprintf("agenda[%d]", i)
		c.id(path+".id", p.ID, phaseIDs)
		c.required(path+".title", p.Title, Msg("title"))
		if p.Minutes <= 0 {
			c.errorf(path+".minutes", "%s.minutes: a phase needs a timebox of at least 1 minute", path)
		} else if !c.atMost(path+".minutes", p.Minutes, MaxPhaseMinutes) {
			timeboxes = false
		}
		if p.LedBy != "" {
			c.ref(path+".led_by", p.LedBy, Msg("role"), roleIDs)
		}
		if p.Step != "" {
			c.ref(path+".step", p.Step, Msg("step"), Steps)
		}
		for j, r := range p.Involves {
			if !slices.Contains(Functions, r) {
				c.ref(fmt.Sprintf("%s.involves[%d]", path, j), r, Msg("role or function"), unique(slices.Concat(roleIDs, Functions)))
			}
		}
		for j, d := range p.Dimensions {
			if dims != nil {
				c.ref(fmt.Sprintf("%s.dimensions[%d]", path, j), d, Msg("rubric dimension"), dims)
			}
		}
	}
	if !timeboxes {
		return // a sum of timeboxes already reported says nothing new
	}
	total := s.AgendaMinutes()
	switch {
	case s.drillDuration() && total > s.Duration.Minutes():
		c.errorf("agenda", "agenda: phases add up to %d minutes, longer than the drill's duration of %s", total, s.Duration)
	case !s.drillDuration() && total > MaxDrillMinutes:
		c.errorf("agenda", "agenda: phases add up to %d minutes, more than a drill can use (at most %s)", total, drillLimitText)
	}
}

// unique is ids without repeats, in their order.
func unique(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// validateInjects checks each inject's time, recipients and text.
func validateInjects(s *Scenario, roleIDs, dims []string, c checker) {
	injectIDs := map[string]string{}
	for i, in := range s.Injects {
		path := fmt.Sprintf("injects[%d]", i)
		if in.ID != "" {
			c.id(path+".id", in.ID, injectIDs)
		}
		if s.drillDuration() {
			if in.At >= s.Duration {
				c.errorf(path+".at", "%s.at: %s is not before the end of the drill (%s)", path, in.At, s.Duration)
			}
		} else {
			c.drillTime(path+".at", in.At)
		}
		if len(in.To) == 0 {
			c.errorf(path+".to", "%s.to: name the roles who receive this inject", path)
		}
		for j, r := range in.To {
			c.ref(fmt.Sprintf("%s.to[%d]", path, j), r, Msg("role"), roleIDs)
		}
		warnOptionalRecipients(s, in, path+".to", c)
		c.required(path+".text", in.Text, Msg("text"))
		if in.Release != "" && in.Release != ReleaseManual && in.Release != ReleaseAuto {
			c.errorf(path+".release", "%s.release: %q is not a way to release an inject; write manual (the trainer's button) or auto", path, in.Release)
		}
		for j, d := range in.Exercises {
			if dims != nil {
				c.ref(fmt.Sprintf("%s.exercises[%d]", path, j), d, Msg("rubric dimension"), dims)
			}
		}
	}
}

// warnOptionalRecipients warns at path when the inject is aimed only at
// roles a group may lack: in a group without them it reaches nobody. An
// inject that also goes to a role every group has (the host, say) reaches
// every group, and a role with count 0 is an error of its own.
func warnOptionalRecipients(s *Scenario, in Inject, path string, c checker) {
	optional := s.OptionalRecipients(in)
	if len(optional) == 0 || len(optional) < len(in.To) {
		return
	}
	roles := make([]string, len(optional))
	for i, id := range optional {
		if r, _ := s.Role(id); r.Count != nil {
			return
		}
		roles[i] = strconv.Quote(id)
	}
	what := Msg("role %s", roles[0])
	if len(roles) > 1 {
		what = Msg("roles %s and %s", strings.Join(roles[:len(roles)-1], ", "), roles[len(roles)-1])
	}
	hint := Msg("")
	for _, r := range s.Roles {
		if r.Function == FunctionHost && r.MinPerGroup() > 0 {
			hint = Msg("; send it to %s too", r.ID)
			break
		}
	}
	c.warnf(path, "%s: %s may be missing from some groups (min 0 per group), which would not get this inject%s", path, what, hint)
}

// validateBackgrounds checks the vocabulary and returns its ids.
func validateBackgrounds(s *Scenario, c checker) []string {
	seen := map[string]string{}
	names := map[string]string{} // normalised id, label or alias -> background id
	var ids []string
	for i, b := range s.Backgrounds {
		path := fmt.Sprintf("backgrounds[%d]", i)
		c.id(path+".id", b.ID, seen)
		ids = append(ids, b.ID)
		if b.Label.IsZero() {
			c.errorf(path+".label", "%s.label: missing label", path)
		}
		claim := func(p, name string) {
			key := NormalizeName(name)
			if key == "" {
				return
			}
			if other, ok := names[key]; ok && other != b.ID {
				c.errorf(p, "%s: %q already names background %q", p, name, other)
				return
			}
			names[key] = b.ID
		}
		claim(path+".id", b.ID)
		for _, lang := range b.Label.Languages() {
			claim(path+".label", b.Label[lang])
		}
		for j, a := range b.Aliases {
			claim(fmt.Sprintf("%s.aliases[%d]", path, j), a)
		}
	}
	return ids
}

// NormalizeName folds case, width and separators so that "Social Worker",
// "social-worker" and "social_worker" compare equal.
func NormalizeName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '\u3000' || r == '·' || r == '－' || r == '＿':
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			b.WriteRune(r - 0xFEE0)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ResolveBackground maps a roster's background value (an id, a label in
// either language, or an alias) to the vocabulary's id.
func (s *Scenario) ResolveBackground(value string) (string, bool) {
	key := NormalizeName(value)
	if key == "" {
		return "", false
	}
	for _, b := range s.Backgrounds {
		if NormalizeName(b.ID) == key {
			return b.ID, true
		}
		for _, l := range b.Label {
			if NormalizeName(l) == key {
				return b.ID, true
			}
		}
		for _, a := range b.Aliases {
			if NormalizeName(a) == key {
				return b.ID, true
			}
		}
	}
	return "", false
}

func validateRoles(s *Scenario, backgrounds []string, c checker) []string {
	if len(s.Roles) == 0 {
		c.errorf("roles", "roles: none; a council needs at least a host")
		return nil
	}
	seen := map[string]string{}
	var ids []string
	hosts, recorders := 0, 0
	for i, r := range s.Roles {
		path := fmt.Sprintf("roles[%d]", i)
		c.id(path+".id", r.ID, seen)
		ids = append(ids, r.ID)
		c.required(path+".title", r.Title, Msg("title"))
		if c.required(path+".function", r.Function, Msg("function (host, recorder, stakeholder or observer)")) {
			c.ref(path+".function", r.Function, Msg("function"), Functions)
		}
		switch r.Function {
		case FunctionHost:
			hosts++
		case FunctionRecorder:
			recorders++
		}
		if r.Count != nil && (r.Min != nil || r.Max != nil) {
			c.errorf(path+".count", "%s: give either count or min/max, not both", path)
		}
		inRange := true
		for _, f := range []struct {
			key string
			v   *int
		}{{"count", r.Count}, {"min", r.Min}, {"max", r.Max}} {
			switch {
			case f.v == nil:
			case *f.v < 0:
				c.errorf(path+"."+f.key, "%s.%s: must not be negative", path, f.key)
				inRange = false
			case !c.atMost(path+"."+f.key, *f.v, MaxRoleCount):
				inRange = false
			}
		}
		if r.Count != nil && *r.Count == 0 {
			c.errorf(path+".count", "%s.count: 0 means nobody plays the role; remove the role or use min: 0", path)
		}
		if inRange && r.Min != nil && r.Max != nil && *r.Min > *r.Max {
			c.errorf(path+".min", "%s: min %d is above max %d", path, *r.Min, *r.Max)
		}
		c.required(path+".brief", r.Brief, Msg("public brief"))
		if r.Function == FunctionStakeholder && strings.TrimSpace(r.Confidential) == "" {
			c.warnf(path, "%s: stakeholder %q has no confidential brief; without private interests there is little to negotiate", path, r.ID)
		}
		for j, b := range r.AvoidBackground {
			p := fmt.Sprintf("%s.avoid_background[%d]", path, j)
			if c.ref(p, b, Msg("background"), backgrounds) && slices.Contains(r.PreferBackground, b) {
				c.errorf(p, "%s: background %q is both avoided and preferred", p, b)
			}
		}
		for j, b := range r.PreferBackground {
			c.ref(fmt.Sprintf("%s.prefer_background[%d]", path, j), b, Msg("background"), backgrounds)
		}
	}
	if hosts == 0 {
		c.errorf("roles", "roles: no role has function host; every council needs a host")
	}
	if recorders == 0 {
		c.warnf("roles", "roles: no role has function recorder; nobody will keep the record of results")
	}
	return ids
}

func validateGrouping(s *Scenario, backgrounds []string, c checker) {
	validateGroupSize(s, c)
	validateMix(s.Grouping.Mix, c)
	validateQuotas(s.Grouping, backgrounds, c)
}

// validateGroupSize checks the number and size of groups, and that the
// roles' places per group fit the size.
func validateGroupSize(s *Scenario, c checker) {
	g := s.Grouping
	if g.Groups < 0 {
		c.errorf("grouping.groups", "grouping.groups: must not be negative")
	} else {
		c.atMost("grouping.groups", g.Groups, MaxGroups)
	}
	if g.Size.Min < 0 || g.Size.Max < 0 {
		c.errorf("grouping.size", "grouping.size: must not be negative")
	}
	// Each bound is checked alone first: past the limit, comparing it with
	// the other bound or the roles would only say the same thing again.
	sizeOK := c.atMost("grouping.size.min", g.Size.Min, MaxGroupSize)
	sizeOK = c.atMost("grouping.size.max", g.Size.Max, MaxGroupSize) && sizeOK
	if g.Size.Min > 0 && g.Size.Min < 2 {
		c.errorf("grouping.size.min", "grouping.size.min: a council needs at least 2 members")
	}
	if !sizeOK {
		return
	}
	if g.Size.Max > 0 && g.Size.Min > g.Size.Max {
		c.errorf("grouping.size", "grouping.size: min %d is above max %d", g.Size.Min, g.Size.Max)
	}
	if !s.roleCountsInRange() || c.roleCountFailed(len(s.Roles)) {
		return // the roles' sums would only repeat a count already reported
	}
	minTotal, maxTotal := 0, 0
	for _, r := range s.Roles {
		minTotal = addCapped(minTotal, r.MinPerGroup())
		if m := r.MaxPerGroup(); m == Unlimited || maxTotal == Unlimited {
			maxTotal = Unlimited
		} else {
			maxTotal = addCapped(maxTotal, m)
		}
	}
	switch {
	case g.Size.Max > 0 && minTotal > g.Size.Max:
		c.errorf("grouping.size.max", "grouping.size.max: the roles need at least %d members per group, more than the largest group of %d", minTotal, g.Size.Max)
	case g.Size.Max == 0 && minTotal > MaxGroupSize:
		c.errorf("roles", "roles: the roles need at least %d members per group, more than a group can hold (at most %d)", minTotal, MaxGroupSize)
	}
	if g.Size.Min > 0 && maxTotal != Unlimited && maxTotal < g.Size.Min {
		c.errorf("grouping.size.min", "grouping.size.min: the roles have places for at most %d members per group, fewer than the smallest group of %d; raise a role's max or add a role with min but no max", maxTotal, g.Size.Min)
	}
}

// roleCountFailed tells whether the decoder reported a role's count, min or
// max: such a role counts as one per group, and sums over it would mislead.
func (c checker) roleCountFailed(roles int) bool {
	for i := range roles {
		for _, k := range []string{"count", "min", "max"} {
			if c.failed[fmt.Sprintf("roles[%d].%s", i, k)] {
				return true
			}
		}
	}
	return false
}

// validateMix checks the attributes to mix and their weights.
func validateMix(mix []MixRule, c checker) {
	attrs := map[string]string{}
	for i, m := range mix {
		path := fmt.Sprintf("grouping.mix[%d]", i)
		if c.required(path+".attribute", m.Attribute, Msg("attribute")) {
			if first, dup := attrs[m.Attribute]; dup {
				c.errorf(path+".attribute", "%s.attribute: %q is already mixed (at %s)", path, m.Attribute, first)
			}
			attrs[m.Attribute] = c.posOf(path + ".attribute").String()
		}
		c.weight(path+".weight", m.Weight)
	}
}

// validateQuotas checks each quota and that it fits the largest group.
func validateQuotas(g Grouping, backgrounds []string, c checker) {
	for i, q := range g.Require {
		path := fmt.Sprintf("grouping.require[%d]", i)
		c.required(path+".attribute", q.Attribute, Msg("attribute"))
		if c.required(path+".value", q.Value, Msg("value")) && q.Attribute == "background" {
			c.ref(path+".value", q.Value, Msg("background"), backgrounds)
		}
		if q.Min < 0 || q.Max < 0 {
			c.errorf(path, "%s: min and max must not be negative", path)
			continue
		}
		if q.Min == 0 && q.Max == 0 {
			// min: 0 is how a trainer lowers a quota to nothing: say so,
			// and stop nothing.
			c.warnf(path, "%s: asks nothing of a group (no min of 1 or more, no max), so it is ignored; remove it, or give a min or a max", path)
		}
		inRange := c.atMost(path+".min", q.Min, MaxGroupSize)
		inRange = c.atMost(path+".max", q.Max, MaxGroupSize) && inRange
		if !inRange {
			continue
		}
		if q.Max > 0 && q.Min > q.Max {
			c.errorf(path+".min", "%s: min %d is above max %d", path, q.Min, q.Max)
		}
		if g.Size.Max > 0 && g.Size.Max <= MaxGroupSize && q.Min > g.Size.Max {
			c.errorf(path+".min", "%s.min: %d members with %s %q cannot fit a group of at most %d", path, q.Min, q.Attribute, q.Value, g.Size.Max)
		}
	}
}

// resolveRubric finds the scenario's rubric and validates an inline one.
func resolveRubric(s *Scenario, rubrics RubricSource, c checker) *Rubric {
	ref := &s.Rubric
	if ref.inline {
		validateRubric(ref.Rubric, "rubric.", c.diags)
		return ref.Rubric
	}
	if strings.TrimSpace(ref.Name) == "" {
		c.errorf("rubric", "rubric: missing; name a rubric such as standard, or write one inline")
		return nil
	}
	if rubrics == nil {
		c.errorf("rubric", "rubric: %q cannot be looked up here; write the rubric inline", ref.Name)
		return nil
	}
	r, err := rubrics(ref.Name)
	if err != nil {
		c.errorf("rubric", "rubric: %v", err)
		return nil
	}
	ref.Rubric = r
	return r
}

func validateRubric(r *Rubric, prefix string, diags *Diagnostics) {
	c := checker{posOf: func(p string) Pos { return r.PosOf(prefix + p) }, diags: diags, prefix: prefix, failed: r.failed, badIDs: map[string]bool{}}
	c.id("id", r.ID, map[string]string{})
	if r.Title.IsZero() {
		c.errorf("title", "%stitle: missing title", prefix)
	}
	validateScale(r.Scale, c)
	if len(r.Dimensions) == 0 {
		c.errorf("dimensions", "%sdimensions: none; a rubric needs at least one dimension", prefix)
	}
	seen := map[string]string{}
	for i, d := range r.Dimensions {
		validateDimension(r, d, fmt.Sprintf("dimensions[%d]", i), seen, c)
	}
	var missing []string
	for _, id := range StandardDimensions {
		if _, ok := r.Dimension(id); !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 && len(r.Dimensions) > 0 {
		c.warnf("dimensions", "%sdimensions: no %s; the debrief of a council usually covers organization, rhythm, guidance, induction, recording and hosting", c.prefix, strings.Join(missing, ", "))
	}
}

// validateDimension checks one dimension of r at path, its id among seen,
// and its levels against the scale.
func validateDimension(r *Rubric, d Dimension, path string, seen map[string]string, c checker) {
	prefix := c.prefix
	c.id(path+".id", d.ID, seen)
	if d.Title.IsZero() {
		c.errorf(path+".title", "%s%s.title: missing title", prefix, path)
	}
	c.weight(path+".weight", d.Weight)
	if d.Owner != "" {
		c.ref(path+".owner", d.Owner, Msg("role function"), Functions)
	}
	for j, cue := range d.Cues {
		if strings.TrimSpace(cue) == "" {
			c.errorf(fmt.Sprintf("%s.cues[%d]", path, j), "%s%s.cues[%d]: empty cue", prefix, path, j)
		}
	}
	validateMeasureRefs(d, path, c)
	if len(d.Levels) == 0 {
		c.errorf(path+".levels", "%s%s.levels: no level descriptors; anchor at least the lowest and highest score", prefix, path)
		return
	}
	scaleOK := r.Scale.usable()
	scores := map[int]bool{}
	for j, l := range d.Levels {
		lp := fmt.Sprintf("%s.levels[%d]", path, j)
		if scaleOK && !r.Scale.Contains(l.Score) {
			c.errorf(lp+".score", "%s%s.score: %d is off the scale %d–%d", prefix, lp, l.Score, r.Scale.Min, r.Scale.Max)
		}
		if scores[l.Score] {
			c.errorf(lp+".score", "%s%s.score: score %d is described twice", prefix, lp, l.Score)
		}
		scores[l.Score] = true
		if l.Descriptor.IsZero() {
			c.errorf(lp+".descriptor", "%s%s.descriptor: missing descriptor", prefix, lp)
		}
	}
	if scaleOK {
		for _, end := range []int{r.Scale.Min, r.Scale.Max} {
			if !scores[end] {
				c.errorf(path+".levels", "%s%s.levels: score %d (an end of the scale) has no descriptor", prefix, path, end)
			}
		}
	}
}

// validateMeasureRefs checks a dimension's measures: known ids, each once,
// with a good and a poor value that differ and make sense for the measure.
func validateMeasureRefs(d Dimension, path string, c checker) {
	prefix := c.prefix
	seen := map[string]bool{}
	for j, m := range d.Measures {
		mp := fmt.Sprintf("%s.measures[%d]", path, j)
		if !c.ref(mp+".id", m.ID, Msg("measure"), Measures) {
			continue
		}
		if seen[m.ID] {
			c.errorf(mp+".id", "%s%s.id: measure %q is named twice in this dimension", prefix, mp, m.ID)
		}
		seen[m.ID] = true
		hi := float64(MaxMeasureValue)
		if slices.Contains(shareMeasures, m.ID) {
			hi = 1
		}
		bad := false
		for _, v := range []struct {
			key string
			val float64
		}{{"good", m.Good}, {"poor", m.Poor}} {
			if math.IsNaN(v.val) || v.val < 0 || v.val > hi {
				c.errorf(mp+"."+v.key, "%s%s.%s: %v is outside 0–%v for %s", prefix, mp, v.key, v.val, hi, m.ID)
				bad = true
			}
		}
		if !bad && m.Good == m.Poor {
			c.errorf(mp+".poor", "%s%s.poor: good and poor are both %v; give a poor value on the side that reads badly", prefix, mp, m.Poor)
		}
	}
}

// validateScale checks the ends of the scale, each alone and then one
// against the other.
func validateScale(sc Scale, c checker) {
	inRange := true
	if sc.Min < MinScore {
		c.errorf("scale.min", "%sscale.min: must not be negative", c.prefix)
		inRange = false
	} else if !c.atMost("scale.min", sc.Min, MaxScore-1) {
		inRange = false
	}
	inRange = c.atMost("scale.max", sc.Max, MaxScore) && inRange
	if inRange && sc.Max <= sc.Min {
		c.errorf("scale", "%sscale: max (%d) must be above min (%d), such as min: 1, max: 5", c.prefix, sc.Max, sc.Min)
	}
}
