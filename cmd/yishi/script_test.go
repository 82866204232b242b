package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestMain lets testscript run this binary as the `yishi` command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"yishi": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the whole CLI on the txtar scripts in testdata/script,
// the way the Go team tests the go command.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: false,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			// The scripts assert English: the machine's locale stays out.
			for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
				env.Setenv(v, "")
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
			"glob":     cmdGlob,
			"age":      cmdAge,
			"xlsx":     cmdXLSX,
		},
	})
}

// cmdExitCode runs a command and checks its exit code:
//
//	exitcode 2 yishi frobnicate
//
// since testscript's own `! exec` only tells zero from non-zero, and yishi
// promises 1 for invalid input and 2 for misuse.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdXLSX reads or changes a workbook as a reviewer's Excel would:
//
//	xlsx set FILE SHEET CELL VALUE [CELL VALUE...]   a whole number is typed as a number, anything else as text
//	xlsx cell FILE SHEET CELL REGEXP                 the cell's value matches
//	xlsx sheets FILE NAME...                         the workbook's sheets, in order
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: xlsx set|cell|sheets FILE ...")
	}
	file := ts.MkAbs(args[1])
	f, err := excelize.OpenFile(file)
	ts.Check(err)
	defer f.Close()
	switch op, rest := args[0], args[2:]; {
	case op == "set" && !neg && len(rest) >= 3 && len(rest)%2 == 1:
		for i := 1; i < len(rest); i += 2 {
			var v any = rest[i+1]
			if n, err := strconv.Atoi(rest[i+1]); err == nil {
				v = n
			}
			ts.Check(f.SetCellValue(rest[0], rest[i], v))
		}
		ts.Check(f.Save())
	case op == "cell" && len(rest) == 3:
		v, err := f.GetCellValue(rest[0], rest[1])
		ts.Check(err)
		if ok := regexp.MustCompile(rest[2]).MatchString(v); ok == neg {
			ts.Fatalf("%s!%s is %q", rest[0], rest[1], v)
		}
	case op == "sheets" && !neg:
		if got := f.GetSheetList(); strings.Join(got, "\n") != strings.Join(rest, "\n") {
			ts.Fatalf("sheets %q, want %q", got, rest)
		}
	default:
		ts.Fatalf("usage: xlsx set FILE SHEET CELL VALUE... | xlsx cell FILE SHEET CELL REGEXP | xlsx sheets FILE NAME...")
	}
}

// cmdAge sets the modification time of files to a duration ago:
// `age 11m FILE...`, as a file left by a run killed that long ago.
func cmdAge(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: age DURATION FILE...")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	at := time.Now().Add(-d)
	for _, f := range args[1:] {
		ts.Check(os.Chtimes(ts.MkAbs(f), at, at))
	}
}

// cmdGlob checks that each pattern names at least one file, or with !
// that none names any:
//
//	! glob cards/**/.*.tmp-*
//
// A "**/" matches any number of folders. testscript's own `! exists` takes
// one exact name, so it cannot say that no temporary file of any name (they
// end in random digits) is left behind.
func cmdGlob(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: glob PATTERN...")
	}
	for _, pattern := range args {
		matches, err := globFiles(ts.MkAbs(pattern))
		if err != nil {
			ts.Fatalf("glob %s: %v", pattern, err)
		}
		if neg && len(matches) > 0 {
			ts.Fatalf("%s matches %s", pattern, strings.Join(matches, ", "))
		}
		if !neg && len(matches) == 0 {
			ts.Fatalf("%s matches no file", pattern)
		}
	}
}

// globFiles is filepath.Glob with "**/" for any number of folders.
func globFiles(pattern string) ([]string, error) {
	root, rest, deep := strings.Cut(filepath.ToSlash(pattern), "/**/")
	if !deep {
		return filepath.Glob(pattern)
	}
	var out []string
	err := filepath.WalkDir(filepath.FromSlash(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == filepath.FromSlash(root) {
				return filepath.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		m, err := filepath.Glob(filepath.Join(p, filepath.FromSlash(rest)))
		out = append(out, m...)
		return err
	})
	return out, err
}

// The glob command finds temporary files at any depth, so that `! glob`
// can fail.
func TestGlobFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".plan.yaml.tmp-2871035561", "cards/round-1/group-1/.a.html.tmp-17", "cards/all-cards.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		pattern string
		want    int
	}{
		{".plan.yaml.tmp-*", 1},
		{".*.tmp-*", 1},
		{"cards/**/.*.tmp-*", 1},
		{"cards/**/*.html", 1},
		{"**/.*.tmp-*", 2},
		{"cards/.*.tmp-*", 0},
		{"nowhere/**/.*.tmp-*", 0},
	}
	for _, tt := range tests {
		got, err := globFiles(filepath.Join(dir, filepath.FromSlash(tt.pattern)))
		if err != nil || len(got) != tt.want {
			t.Errorf("globFiles(%s) = %v, %v; want %d files", tt.pattern, got, err, tt.want)
		}
	}
}
