package drilllog

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/review/live"
)

var cst = time.FixedZone("", 8*3600)

func at(hm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", "2026-12-01 "+hm, cst)
	if err != nil {
		panic(err)
	}
	return t
}

// A log typed by hand reads with every entry placed: clock times on the
// log's date at +08:00, phases by id turned into numbers by Check, round
// and group filled from the top, Seq the place in the file.
func TestParseGood(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	data, err := os.ReadFile("testdata/good.yaml")
	require.NoError(t, err)
	l, diags := Parse("good.yaml", data)
	require.NoError(t, diags.Err())
	require.Empty(t, diags)
	require.Empty(t, Check(l, p, s))
	assert.Equal(t, Version, l.Version)
	assert.Equal(t, Kind, l.Kind)
	assert.Equal(t, 1, l.Round)
	assert.Equal(t, 2, l.Group)
	assert.Equal(t, "2026-12-01", l.Date)
	assert.Equal(t, FormatYAML, l.Format())
	require.Len(t, l.Entries, 14)
	for i, e := range l.Entries {
		assert.Equal(t, int64(i+1), e.Seq)
		assert.Equal(t, 1, e.Round)
		assert.Equal(t, 2, e.Group)
	}
	assert.Equal(t, live.Entry{Seq: 1, At: at("09:00:00"), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1}, l.Entries[0])
	assert.Equal(t, 2, l.Entries[3].Phase, "phase: context is the second phase")
	assert.Equal(t, at("09:09:00"), l.Entries[4].End)
	assert.True(t, at("09:25:30").Equal(l.Entries[10].At))
	assert.Equal(t, "王芳总结得好, \"很清楚\"", l.Entries[12].Text)
	assert.Equal(t, "value-rumour", l.Entries[8].Inject)
	assert.Equal(t, "good.yaml:9:5", l.Pos(0).String())
	assert.Equal(t, "good.yaml:16:5", l.Pos(7).String(), "a block mapping entry")

	sorted := l.Sorted()
	require.Len(t, sorted, 14)
	var seqs []int64
	for i, e := range sorted {
		seqs = append(seqs, e.Seq)
		if i > 0 {
			assert.False(t, e.At.Before(sorted[i-1].At))
		}
	}
	// 09:06 holds the end of phase 1 (line 2) and the start of phase 2
	// (line 4): file order keeps the end first.
	assert.Equal(t, []int64{1, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, seqs)
	assert.Equal(t, l.Entries, func() []live.Entry { c := append([]live.Entry(nil), l.Entries...); return c }(), "Sorted leaves the file order alone")
}

// Excel turns 14:05 into 14:05 and 2026-12-01 14:05 into 2026/12/1 14:05,
// true into TRUE, and saves Chinese headers; a CSV so saved reads as the
// log it was, whether UTF-8 with a BOM or GB18030.
func TestParseCSVAsExcelSavesIt(t *testing.T) {
	p, s := fixture(t, "testdata/plan.yaml")
	text := "轮次,组,日期,时间 [at],结束时间,类型,环节,情景注入,成员,内容,自动\r\n" +
		"1,2,2026/12/1,9:00,,phase_start,opening,,,,\r\n" +
		"1,2,2026/12/1,9:01,9:03:30,turn,,,T4,,\r\n" +
		"1,2,,2026/12/1 9:05,,inject,,value-rumour,,,TRUE\r\n" +
		"1,2,2026/12/1,9:06,,turn,,value-rumour,T5,\"她说：\"\"不同意\"\"\",FALSE\r\n" +
		"1,2,2026/12/1,9:10,,phase_end,1,,,,\r\n"
	want := []live.Entry{
		{Seq: 1, At: at("09:00:00"), Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1},
		{Seq: 2, At: at("09:01:00"), End: at("09:03:30"), Round: 1, Group: 2, Kind: live.KindTurn, Member: "T4"},
		{Seq: 3, At: at("09:05:00"), Round: 1, Group: 2, Kind: live.KindInject, Inject: "value-rumour", Auto: true},
		{Seq: 4, At: at("09:06:00"), Round: 1, Group: 2, Kind: live.KindTurn, Inject: "value-rumour", Member: "T5", Text: "她说：\"不同意\""},
		{Seq: 5, At: at("09:10:00"), Round: 1, Group: 2, Kind: live.KindPhaseEnd, Phase: 1},
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), text...)},
		{"gb18030", gb18030(t, text)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, diags := Parse("log.csv", tt.data)
			require.Empty(t, lines(diags))
			require.Empty(t, lines(Check(l, p, s)))
			assert.Equal(t, FormatCSV, l.Format())
			assert.Equal(t, Version, l.Version)
			assert.Equal(t, 1, l.Round)
			assert.Equal(t, 2, l.Group)
			assert.Equal(t, "2026-12-01", l.Date)
			require.Len(t, l.Entries, len(want))
			for i := range want {
				assert.True(t, want[i].At.Equal(l.Entries[i].At), "entry %d at %v", i, l.Entries[i].At)
				assert.True(t, want[i].End.Equal(l.Entries[i].End), "entry %d end", i)
				got := l.Entries[i]
				got.At, got.End = want[i].At, want[i].End
				assert.Equal(t, want[i], got)
			}
			assert.Equal(t, "log.csv:3:1", l.Pos(1).String())
		})
	}
}

// The file `yishi export` wrote before version 2 (issue 11) reads: every
// entry carries its round and group, and Split cuts it by group.
func TestParseVersion1(t *testing.T) {
	for _, file := range []string{"testdata/v1-export.yaml", "testdata/v1-export.csv"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			l, diags := Parse(file, data)
			require.Empty(t, lines(diags))
			require.Empty(t, lines(Check(l, nil, nil)))
			logs := l.Split()
			require.Len(t, logs, 1)
			g := logs[0]
			assert.Equal(t, 1, g.Round)
			assert.Equal(t, 2, g.Group)
			require.Len(t, g.Entries, 14)
			assert.Equal(t, `=HYPERLINK("http://evil.example","click")`, g.Entries[2].Text, "the CSV's apostrophe is undone")
			assert.Equal(t, "王芳总结得好, \"很清楚\"\n第二行", g.Entries[10].Text)
			assert.True(t, g.Entries[13].Auto)
			assert.Equal(t, "server", g.Entries[13].By)
			assert.True(t, time.Date(2026, 12, 1, 1, 12, 30, 0, time.UTC).Equal(g.Entries[12].At))
		})
	}
	// A day's log of several groups is cut into one log per group, in
	// round and group order, each keeping where its entries stand.
	data := []byte(`version: 1
kind: drill-log
plan: p
scenario: elevator-retrofit
entries:
  - {seq: 1, at: "2026-12-01T09:00:00+08:00", round: 1, group: 3, kind: phase_start, phase: 1}
  - {seq: 2, at: "2026-12-01T09:00:00+08:00", round: 1, group: 1, kind: phase_start, phase: 1}
  - {seq: 3, at: "2026-12-01T09:01:00+08:00", round: 1, group: 3, kind: turn, member: T7}
`)
	l, diags := Parse("day.yaml", data)
	require.Empty(t, lines(diags))
	assert.Equal(t, 1, l.Version)
	assert.Zero(t, l.Round)
	logs := l.Split()
	require.Len(t, logs, 2)
	assert.Equal(t, []int{1, 1}, []int{logs[0].Round, logs[0].Group})
	assert.Equal(t, []int{1, 3}, []int{logs[1].Round, logs[1].Group})
	require.Len(t, logs[1].Entries, 2)
	assert.Equal(t, "day.yaml:8:5", logs[1].Pos(1).String())
	assert.Equal(t, "T7", logs[1].Entries[1].Member)
}

func TestIsCSV(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"yaml", "version: 2\nkind: drill-log\n", false},
		{"yaml with a comment", "# at, kind\nversion: 2\n", false},
		{"csv", "\xef\xbb\xbfseq,at,kind\n", true},
		{"csv, chinese headers", "时间,类型\n", true},
		{"csv, semicolons", "at;kind\n", true},
		{"csv without kind", "at,member\n", false},
		{"blank lines first", "\n\nat,kind\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, isCSV([]byte(tt.data)))
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		name, in, date string
		want           time.Time
		kind           timeKind
	}{
		{"clock", "14:05", "2026-12-01", at("14:05:00"), timeOK},
		{"one-digit hour", "9:05", "2026-12-01", at("09:05:00"), timeOK},
		{"seconds", "14:05:30", "2026-12-01", at("14:05:30"), timeOK},
		{"fraction", "14:05:30.25", "2026-12-01", at("14:05:30").Add(250 * time.Millisecond), timeOK},
		{"full-width", "１４：０５", "2026-12-01", at("14:05:00"), timeOK},
		{"rfc 3339", "2026-12-01T06:05:00Z", "", at("14:05:00"), timeOK},
		{"excel date and time", "2026/12/1 14:05", "", at("14:05:00"), timeOK},
		{"date and time", "2026-12-01 14:05:30", "", at("14:05:30"), timeOK},
		{"empty", " ", "2026-12-01", time.Time{}, timeEmpty},
		{"no date", "14:05", "", time.Time{}, timeNoDate},
		{"hour 24", "24:00", "2026-12-01", time.Time{}, timeBad},
		{"minute 60", "14:60", "2026-12-01", time.Time{}, timeBad},
		{"words", "after lunch", "2026-12-01", time.Time{}, timeBad},
		{"bad day", "2026/2/30 14:05", "", time.Time{}, timeBad},
		{"am", "9:31 AM", "2026-12-01", at("09:31:00"), timeOK},
		{"pm", "2:05 pm", "2026-12-01", at("14:05:00"), timeOK},
		{"12 am is midnight", "12:10 AM", "2026-12-01", at("00:10:00"), timeOK},
		{"12 pm is noon", "12:10 PM", "2026-12-01", at("12:10:00"), timeOK},
		{"excel date and pm", "2026/12/1 2:05:30 PM", "", at("14:05:30"), timeOK},
		{"上午", "上午9:33", "2026-12-01", at("09:33:00"), timeOK},
		{"下午", "下午2:05", "2026-12-01", at("14:05:00"), timeOK},
		{"中午 before noon", "中午11:50", "2026-12-01", at("11:50:00"), timeOK},
		{"中午 after noon", "中午1:10", "2026-12-01", at("13:10:00"), timeOK},
		{"中午 twelve", "中午12:30", "2026-12-01", at("12:30:00"), timeOK},
		{"pm past 12", "14:05 PM", "2026-12-01", time.Time{}, timeBad},
		{"下午 in words", "下午2点", "2026-12-01", time.Time{}, timeBad},
		{"date and words", "2026/12/1 after lunch", "", time.Time{}, timeBad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, kind := parseTime(tt.in, tt.date, cst)
			assert.Equal(t, tt.kind, kind)
			assert.True(t, tt.want.Equal(got), "got %v", got)
		})
	}
}

func TestFormatTime(t *testing.T) {
	assert.Equal(t, "14:05", formatTime(at("14:05:00"), "2026-12-01", cst))
	assert.Equal(t, "14:05:30", formatTime(at("14:05:30"), "2026-12-01", cst))
	assert.Equal(t, "14:05:30.25", formatTime(at("14:05:30").Add(250*time.Millisecond), "2026-12-01", cst))
	assert.Equal(t, "14:05", formatTime(at("14:05:00").UTC(), "2026-12-01", cst), "in the log's offset")
	assert.Equal(t, "2026-12-02T00:30:00+08:00", formatTime(at("23:30:00").Add(time.Hour), "2026-12-01", cst), "the next day")
	assert.Equal(t, "2026-12-01T14:05:00+08:00", formatTime(at("14:05:00"), "", nil))
}

func TestColumnOf(t *testing.T) {
	for in, want := range map[string]string{
		"at": "at", "AT": "at", " Kind ": "kind", "时间": "at", "时间 [at]": "at", "内容 [text]": "text",
		"UTC offset": "utc_offset", "\ufeffseq": "seq", "发言人": "member", "whatever": "", "备注 [nope]": "",
	} {
		assert.Equal(t, want, columnOf(in), "%q", in)
	}
	assert.True(t, strings.Contains(kindList(), "phase_start, phase_end"))
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"yaml log", "version: 2\nkind: drill-log\nround: 1\n", true},
		{"csv log", "\xef\xbb\xbfround,group,at,kind,member\n1,1,09:00,turn,t1\n", true},
		{"csv log, chinese headers", "轮次,组,时间,类型\n1,1,09:00,turn\n", true},
		{"yaml scoresheet", "version: 1\nkind: scoresheet\nreviewer: Li\n", false},
		{"yaml log with a key twice", "version: 2\nkind: drill-log\nkind: drill-log\nround: 1\n", true},
		{"yaml log that does not parse", "version: 2\r\nkind: 'drill-log'  # a log\r\nentries: [\n", true},
		{"drill-log further down", "version: 1\nkind: scoresheet\nnotes:\n  kind: drill-log\n", false},
		{"csv scoresheet", "plan,round,group,members,organization\nx,1,1,a,3\n", false},
		{"a list", "- a\n- b\n", false},
		{"binary", "PK\x03\x04\x00\x00", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Detect([]byte(tt.data)))
		})
	}
}
