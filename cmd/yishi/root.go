package main

import (
	"errors"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
	"github.com/yishi-council/yishi/scenario"
)

// run is the whole command line behind main: it parses args, runs the
// command and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return execute(newFactory(stdin, stdout, stderr), args)
}

// execute runs the command line args with what f gives and returns the
// exit code.
func execute(f *factory, args []string) (code int) {
	defer recoverInternal(f, &code)
	lang, bad, isBad := chooseLanguage(args, f.Getenv)
	f.IO.P = messages.For(lang)
	if isBad {
		// The reader's language is not known: say it in both.
		for _, l := range messages.Languages {
			p := messages.For(l)
			f.IO.eprintf("%s", trusted(p.Sprintf("yishi: --lang must be zh or en, not %q", bad)+"\n"))
		}
		return exitUsage
	}
	cmd := newRootCmd(f)
	cmd.SetArgs(args)
	cmd.SetIn(f.IO.In)
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	err := cmd.Execute()
	if err == nil {
		return exitOK
	}
	cobraUsage := isCobraUsageError(err)
	if cobraUsage {
		err = cobraError(err)
	}
	var reported *reportedError
	if !errors.As(err, &reported) {
		f.IO.eprintf("%s%s\n", f.IO.paint(ansiRed, "yishi: "), err)
	}
	var u *usageError
	if errors.As(err, &u) || cobraUsage {
		f.IO.eprintf("Run 'yishi --help' for usage.\n")
		return exitUsage
	}
	code = exitCode(err)
	if code == exitInternal {
		f.IO.eprintf("This is a bug in yishi (an internal error): please report it with the command you ran.\n")
	}
	return code
}

// recoverInternal turns a panic in a command into an internal error,
// with the stack for the bug report.
func recoverInternal(f *factory, code *int) {
	r := recover()
	if r == nil {
		return
	}
	f.IO.eprintf("%s%v\n%s\n", f.IO.paint(ansiRed, "yishi: internal error: "), r, trusted(debug.Stack()))
	f.IO.eprintf("This is a bug in yishi (an internal error): please report it with the command you ran.\n")
	*code = exitInternal
}

// isCobraUsageError recognises the errors cobra returns for unknown
// commands, which it does not type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag") || strings.HasPrefix(msg, "required flag(s)")
}

func newRootCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "yishi",
		Short: "Role-play drills for community negotiation councils (议事会模拟演练)",
		Long: `yishi runs role-play drills of community negotiation councils (协商议事会).

A training day with yishi:
  1. pick or write a scenario         yishi scenarios list | yishi new scenario NAME
  2. check it                         yishi validate FILE
  3. form mixed groups, give roles    yishi assign --scenario ID --roster FILE --out plan.yaml
  4. print role cards                 yishi cards plan.yaml --out cards/
     on the day: absent, walk-ins     yishi amend plan.yaml --absent ID --add FILE --out plan-2.yaml
  5. hand reviewers scoresheets       yishi scoresheets plan.yaml --reviewer NAME --format xlsx --out sheets/
  6. write the debrief report         yishi review plan.yaml sheets/*.xlsx --out report.html
  or run the drill live from a laptop  yishi serve plan.yaml --reviewer NAME   (then review --db, export --db)

Try it all on bundled data with: yishi demo

Exit codes: 0 ok, 1 invalid input, 2 misuse of the command line, 3 a file or
folder could not be written (permissions, a full disk, --out names a file,
another yishi run is writing there), 4 internal error (a bug in yishi).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch f.IO.Output {
			case "text", "json":
				return nil
			}
			return usagef("--output must be text or json, not %q", f.IO.Output)
		},
	}
	cmd.PersistentFlags().StringVarP(&f.IO.Output, "output", "o", "text", "output format for the terminal: text or json")
	// execute has read --lang already; the flag is here for help and parsing.
	cmd.PersistentFlags().String("lang", "", "language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES or LANG, else en)")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{err: cobraError(err)} })
	cmd.AddCommand(
		newVersionCmd(f),
		newScenariosCmd(f),
		newValidateCmd(f),
		newSchemaCmd(f),
		newNewCmd(f),
		newAssignCmd(f),
		newAmendCmd(f),
		newCardsCmd(f),
		newDemoCmd(f),
		newScoresheetsCmd(f),
		newReviewCmd(f),
		newServeCmd(f),
		newExportCmd(f),
		newHistoryCmd(f),
	)
	localize(cmd, f.IO.printer())
	return cmd
}

// exactArgs is cobra.ExactArgs with a usage error that says what is
// wanted. what is a text of the catalogue, a literal at the call.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %s (got %d arguments)", cmd.CommandPath(), scenario.Msg(what), len(args))
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs with a usage error that says what is
// wanted, as exactArgs.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s takes %s", cmd.CommandPath(), scenario.Msg(what))
		}
		return nil
	}
}
