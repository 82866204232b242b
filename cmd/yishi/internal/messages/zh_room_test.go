package messages_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/cmd/yishi/internal/store"
	"github.com/yishi-council/yishi/review/live"
	"github.com/yishi-council/yishi/scenario"
)

// The room's errors are made by packages that know no Chinese (the
// console's state machine, the database) and wrapped on their way up; the
// console and the CLI print them read back from their English, every part
// of the chain in Chinese.
func TestRoomErrorsInChinese(t *testing.T) {
	agenda := live.Agenda{
		Phases:  []live.Phase{{ID: "open", Title: "Opening", Planned: 5 * time.Minute}},
		Injects: []live.Inject{{ID: "rain", At: time.Minute, To: []string{"host"}, Text: "It rains."}},
	}
	team := live.Team{Round: 1, Group: 2, Members: []live.Member{{ID: "T01", Name: "王芳", Role: "host"}}}
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	waiting := live.Fold(agenda, team, nil)
	running := live.Fold(agenda, team, []live.Entry{{Seq: 1, At: at, Round: 1, Group: 2, Kind: live.KindPhaseStart, Phase: 1}})
	apply := func(s live.State, c live.Command) error {
		_, err := s.Apply(agenda, c, at.Add(time.Minute), "trainer")
		require.Error(t, err)
		return err
	}

	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(notDB, []byte("not a database, just some notes typed by hand\n"), 0o644))
	open := func(path string) error {
		db, err := store.Open(path)
		if db != nil {
			db.Close()
		}
		require.Error(t, err)
		return err
	}

	// A database opened for one plan and then started with another, as
	// serve words it.
	dbPath := filepath.Join(dir, "drill.db")
	db, err := store.Open(dbPath)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.Init(store.Plan{ID: "a26eab88aa8d", Path: "/day/plan.yaml", Created: at}))
	otherPlan := db.Init(store.Plan{ID: "80a51e95ea84", Path: "/day/other.yaml", Created: at})
	require.ErrorIs(t, otherPlan, store.ErrOtherPlan)

	tests := []struct {
		name string
		err  error
		want string
	}{
		{"pause before the start", apply(waiting, live.Command{Kind: live.CommandPause}),
			"第 1 轮第 2 组：该组尚未开始：请先开始"},
		{"start twice", apply(running, live.Command{Kind: live.CommandStart}),
			"第 1 轮第 2 组：该组已在进行中"},
		{"resume while running", apply(running, live.Command{Kind: live.CommandResume}),
			"第 1 轮第 2 组：该组没有暂停：无需继续"},
		{"an inject the scenario lacks", apply(running, live.Command{Kind: live.CommandRelease, Inject: "flood"}),
			`第 1 轮第 2 组：情景注入 "flood"：情景中没有这条情景注入：请选择情景中已有的一条`},
		{"an empty note", apply(running, live.Command{Kind: live.CommandNote, Text: "  "}),
			"第 1 轮第 2 组：备注是空的：请输入内容"},
		{"a note too long", apply(running, live.Command{Kind: live.CommandNote, Text: strings.Repeat("长", live.MaxNote+1)}),
			"第 1 轮第 2 组：2001 个字：备注太长：请不要超过 2000 字"},
		{"a turn by a stranger", apply(running, live.Command{Kind: live.CommandTurn, Member: "T99"}),
			`第 1 轮第 2 组：成员 "T99"：不是本组成员：请从本组成员中选择`},
		{"a file that is not a database", open(notDB),
			notDB + " 不是 yishi 演练室数据库：请给 --db 一个新文件名，或演练室自己的数据库"},
		{"a folder", open(dir),
			dir + " 是文件夹，不是 yishi 演练室数据库：请给 --db 一个文件"},
		{"another plan", messages.Errorf("%w: %s: %v", scenario.ErrInvalid, "drill.db", otherPlan),
			"输入有误：drill.db：演练室数据库属于另一个分组方案：" + dbPath + " 中存的是方案 a26eab88aa8d（来自 /day/plan.yaml），不是方案 80a51e95ea84；请换一个 --db，或运行 serve /day/plan.yaml"},
	}
	zh, en := messages.For(messages.Chinese), messages.For(messages.English)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, zh.Error(tt.err))
			assert.Equal(t, tt.err.Error(), en.Error(tt.err))
		})
	}
}
