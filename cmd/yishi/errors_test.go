package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/scenario"
)

const testRoster = `id,name,unit,background
T01,王淑芬,石庄社区,议事班成员
T02,李建华,石庄社区,物业
T03,张丽,东关村,社工
T04,刘强,东关村,居民代表
T05,陈静,北苑社区,社区干部
T06,杨帆,北苑社区,议事班成员
T07,赵敏,南口社区,社工
T08,黄伟,南口社区,居民代表
T09,周洁,西环村,物业
T10,吴磊,西环村,议事班成员
T11,徐慧,石庄社区,社工
T12,孙涛,东关村,居民代表
`

// Each exit code, reached by a whole command line: 0 ok, 1 invalid input,
// 2 misuse, 3 a file that cannot be written, 4 a bug.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	roster := write("roster.csv", testRoster)
	bad := write("bad.csv", "id,name,unit,background\nT01,王淑芬,石庄社区,议事班成员\nT01,李建华,石庄社区,物业\n")
	write("taken.yaml", "not a plan\n")
	file := write("file", "a file, not a folder\n")
	assign := func(out string) []string {
		return []string{"assign", "--scenario", "elevator-retrofit", "--roster", roster, "--groups", "2", "--out", out}
	}
	failOpen := func(errno syscall.Errno) failFS {
		return failFS{FS: output.OS, fail: func(op, name string) error {
			if op == "open" {
				return errno
			}
			return nil
		}}
	}
	tests := []struct {
		name   string
		argv   []string
		fsys   output.FS
		want   int
		stderr string
	}{
		{name: "ok", argv: []string{"version"}, want: exitOK},
		{name: "bad roster", argv: []string{"assign", "--scenario", "elevator-retrofit", "--roster", bad, "--dry-run"},
			want: exitInvalid, stderr: `bad.csv:3:1: row 3, column A (id), trainee 李建华: id "T01" is already used on row 2`},
		{name: "missing roster", argv: []string{"assign", "--scenario", "elevator-retrofit", "--roster", filepath.Join(dir, "nope.csv"), "--dry-run"},
			want: exitInvalid, stderr: "nope.csv: no such file"},
		{name: "unknown scenario", argv: []string{"scenarios", "show", "no-such-scenario"}, want: exitInvalid},
		{name: "plan exists", argv: assign(filepath.Join(dir, "taken.yaml")), want: exitInvalid, stderr: "use --force"},
		{name: "unknown flag", argv: []string{"scenarios", "list", "--nope"}, want: exitUsage, stderr: "unknown flag: --nope"},
		{name: "unknown command", argv: []string{"frobnicate"}, want: exitUsage},
		{name: "out is below a file", argv: assign(filepath.Join(file, "plan.yaml")), want: exitIO, stderr: "file is a file, not a folder"},
		{name: "out folder not writable", argv: assign(filepath.Join(dir, "ro", "plan.yaml")), fsys: failOpen(syscall.EACCES),
			want: exitIO, stderr: "permission denied"},
		{name: "disk full", argv: []string{"scenarios", "export", "elevator-retrofit", filepath.Join(dir, "full")}, fsys: failOpen(syscall.ENOSPC),
			want: exitIO, stderr: "no space left on device"},
		{name: "bug", argv: []string{"scenarios", "export", "elevator-retrofit", filepath.Join(dir, "bug")}, fsys: panicFS{output.OS},
			want: exitInternal, stderr: "This is a bug in yishi"},
	}
	if os.Geteuid() != 0 { // root writes into a read-only folder all the same
		ro := filepath.Join(dir, "read-only")
		require.NoError(t, os.Mkdir(ro, 0o555))
		tests = append(tests, struct {
			name   string
			argv   []string
			fsys   output.FS
			want   int
			stderr string
		}{name: "read-only folder", argv: assign(filepath.Join(ro, "plan.yaml")), want: exitIO, stderr: "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, stderr := testFactory(tt.fsys)
			assert.Equal(t, tt.want, execute(f, tt.argv), "stderr: %s", stderr)
			assert.Contains(t, stderr.String(), tt.stderr)
		})
	}
}

// panicFS is a file system with a bug: it panics when a file is opened.
type panicFS struct{ output.FS }

func (panicFS) OpenFile(name string, flag int, perm os.FileMode) (output.Handle, error) {
	panic("a bug in the file system")
}

// exitCode tells each kind of error apart; before, everything but misuse
// was 1, so no test of a code 1 could fail but through a usage error.
func TestExitCodeOfEachError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{name: "none", err: nil, want: exitOK},
		{name: "invalid input", err: fmt.Errorf("roster.csv: %w", scenario.ErrInvalid), want: exitInvalid},
		{name: "diagnostics", err: &reportedError{err: scenario.Diagnostics{{Message: "bad"}}}, want: exitInvalid},
		{name: "needs --force", err: fileError(&output.Error{Path: "p", Err: output.ErrExist}), want: exitInvalid},
		{name: "usage", err: usagef("no"), want: exitUsage},
		{name: "usage beats invalid", err: &usageError{err: scenario.ErrInvalid}, want: exitUsage},
		{name: "cannot write", err: &output.Error{Path: "p", Err: syscall.EACCES}, want: exitIO},
		{name: "busy", err: &output.Error{Path: "p", Err: output.ErrBusy}, want: exitIO},
		{name: "stdout closed", err: &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}, want: exitIO},
		{name: "a bug", err: errors.New("plan: cannot marshal"), want: exitInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, exitCode(tt.err))
		})
	}
}
