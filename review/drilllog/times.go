package drilllog

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// timeKind is what a time's text turned out to be.
type timeKind int

const (
	timeOK      timeKind = iota
	timeEmpty            // "": a template's line never filled in
	timeBad              // not a time
	timeNoDate           // a clock time, and no date to put it on
	timeBadDate          // a full time whose date is no date
)

var (
	clockRE = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$`)
	// A date and a clock time as a person or Excel writes them:
	// "2026-12-01 14:05", "2026/12/1 14:05:30".
	dateTimeRE = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](.+)$`)
	dateRE     = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$`)
	offsetRE   = regexp.MustCompile(`^([+-])(\d{2}):?(\d{2})$`)
)

// normal folds full-width digits and colons, as a Chinese input method
// types them, and trims space.
func normal(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(width.Fold.String(s), "：", ":"))
}

// parseDate reads "2026-12-01", or "2026/12/1" as Excel writes it back.
func parseDate(s string) (y, m, d int, ok bool) {
	g := dateRE.FindStringSubmatch(normal(s))
	if g == nil {
		return 0, 0, 0, false
	}
	y, _ = strconv.Atoi(g[1])
	m, _ = strconv.Atoi(g[2])
	d, _ = strconv.Atoi(g[3])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// parseOffset reads a UTC offset, "+08:00" (or "+0800", "Z"), as a zone.
func parseOffset(s string) (*time.Location, bool) {
	s = normal(s)
	if s == "Z" || s == "z" {
		return time.FixedZone("", 0), true
	}
	g := offsetRE.FindStringSubmatch(s)
	if g == nil {
		return nil, false
	}
	h, _ := strconv.Atoi(g[2])
	m, _ := strconv.Atoi(g[3])
	if h > 14 || m > 59 {
		return nil, false
	}
	sec := h*3600 + m*60
	if g[1] == "-" {
		sec = -sec
	}
	return time.FixedZone("", sec), true
}

// clock reads a clock time "14:05", "9:05", "14:05:30" as hours,
// minutes, seconds and nanoseconds.
func clock(s string) (h, m, sec, ns int, ok bool) {
	s, half := meridiem(strings.TrimSpace(s))
	g := clockRE.FindStringSubmatch(s)
	if g == nil {
		return 0, 0, 0, 0, false
	}
	h, _ = strconv.Atoi(g[1])
	m, _ = strconv.Atoi(g[2])
	if g[3] != "" {
		sec, _ = strconv.Atoi(g[3])
	}
	if g[4] != "" {
		frac := (g[4][1:] + "000000000")[:9]
		ns, _ = strconv.Atoi(frac)
	}
	if half != 0 {
		if h < 1 || h > 12 {
			return 0, 0, 0, 0, false
		}
		if half == pm && h < 12 {
			h += 12
		}
		if half == noon && h != 12 {
			// 中午 is midday: 中午12:30, 中午1:10, but 中午11:50 is
			// before it.
			if h <= 2 {
				h += 12
			}
		}
		if half == am && h == 12 {
			h = 0
		}
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, 0, false
	}
	return h, m, sec, ns, true
}

// The halves of a twelve-hour clock.
const (
	am   = 1
	pm   = 2
	noon = 3
)

// meridiem takes the half of the day off a twelve-hour time as Excel and
// phones write it, "9:31 AM", "2:05 pm", "上午9:33", "下午2:05", and says
// which half it was (0 for a 24-hour time).
func meridiem(s string) (string, int) {
	up := strings.ToUpper(s)
	for _, suffix := range []struct {
		text string
		half int
	}{{"AM", am}, {"A.M.", am}, {"PM", pm}, {"P.M.", pm}} {
		if strings.HasSuffix(up, suffix.text) {
			return strings.TrimSpace(s[:len(s)-len(suffix.text)]), suffix.half
		}
	}
	for _, prefix := range []struct {
		text string
		half int
	}{{"上午", am}, {"早上", am}, {"凌晨", am}, {"下午", pm}, {"中午", noon}, {"晚上", pm}} {
		if rest, ok := strings.CutPrefix(s, prefix.text); ok {
			return strings.TrimSpace(rest), prefix.half
		}
	}
	return s, 0
}

// parseTime reads an entry's time: RFC 3339, a date and a clock time
// ("2026-12-01 14:05", Excel's "2026/12/1 14:05") in loc, or a clock time
// on date in loc. date is "" when the log has none.
func parseTime(s, date string, loc *time.Location) (time.Time, timeKind) {
	s = normal(s)
	if s == "" {
		return time.Time{}, timeEmpty
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, timeOK
	}
	if g := dateTimeRE.FindStringSubmatch(s); g != nil {
		y, mo, d, ok := parseDate(g[1] + "-" + g[2] + "-" + g[3])
		h, mi, sec, ns, ok2 := clock(g[4])
		if !ok || !ok2 {
			return time.Time{}, timeBad
		}
		return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), timeOK
	}
	h, mi, sec, ns, ok := clock(s)
	if !ok {
		return time.Time{}, timeBad
	}
	if date == "" {
		return time.Time{}, timeNoDate
	}
	y, mo, d, ok := parseDate(date)
	if !ok {
		return time.Time{}, timeBadDate
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), timeOK
}

// formatTime writes a time as a log file does: a clock time when it falls
// on the log's date in the log's offset, else RFC 3339.
func formatTime(t time.Time, date string, loc *time.Location) string {
	if loc != nil && date != "" {
		if in := t.In(loc); in.Format(time.DateOnly) == date {
			return clockText(in)
		}
	}
	return t.Format(time.RFC3339Nano)
}

// clockText is a time's clock time: "14:05", or "14:05:30" with seconds.
func clockText(t time.Time) string {
	switch {
	case t.Nanosecond() != 0:
		return t.Format("15:04:05.999999999")
	case t.Second() != 0:
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// shown is a time in a message: its clock time as the log writes it.
func shown(t time.Time) string { return clockText(t) }

// dateText writes a date as a log does: "2026-12-01".
func dateText(y, m, d int) string {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// offsetText writes a zone's UTC offset as a log does: "+08:00".
func offsetText(loc *time.Location) string {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Format("-07:00")
}
