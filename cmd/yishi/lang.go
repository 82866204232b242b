package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/yishi-council/yishi/cmd/yishi/internal/messages"
)

// chooseLanguage picks the language of the CLI's messages before the
// commands are built, since their help texts are in it: --lang from args,
// else the locale of the environment. A --lang value that is neither zh
// nor en is returned as bad, for a usage error.
func chooseLanguage(args []string, getenv func(string) string) (lang messages.Language, bad string, isBad bool) {
	v, given := messages.LangArg(args)
	if given {
		if _, ok := messages.Parse(v); !ok {
			return messages.Detect("", getenv), v, true
		}
	}
	return messages.Detect(v, getenv), "", false
}

// localize puts every help text of the command tree into the printer's
// language: each command's Short, Long and Example, each flag's usage,
// cobra's own help flag, help and completion commands, and the usage
// text cobra prints around them.
func localize(root *cobra.Command, p *messages.Printer) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = p.T("Help about any command")
			c.Long = p.Sprintf("Help shows the help of any command: type %s help [command] for its details.", root.Name())
		case "completion":
			localizeCompletion(c, p)
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Short = p.T(c.Short)
		c.Long = p.T(c.Long)
		c.Example = p.T(c.Example)
		c.InitDefaultHelpFlag()
		localizeFlags(c, c.LocalFlags(), p)
		localizeFlags(c, c.PersistentFlags(), p)
		c.SetUsageFunc(func(c *cobra.Command) error { return usage(c, p) })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func localizeFlags(c *cobra.Command, fs *pflag.FlagSet, p *messages.Printer) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Name == "help" {
			f.Usage = p.Sprintf("help for %s", c.Name())
			return
		}
		f.Usage = p.T(f.Usage)
	})
}

// localizeCompletion gives cobra's completion commands texts of yishi's
// catalogue. The scripts themselves are cobra's.
func localizeCompletion(c *cobra.Command, p *messages.Printer) {
	root := c.Root().Name()
	c.Short = p.T("Generate the autocompletion script for the specified shell")
	c.Long = p.Sprintf("Generate the autocompletion script for %s for the specified shell.\nSee each sub-command's help for how to use the script.", root)
	for _, sh := range c.Commands() {
		sh.Short = p.Sprintf("Generate the autocompletion script for %s", sh.Name())
		sh.Long = p.Sprintf("Generate the autocompletion script for the %[1]s shell. To load it in this shell:\n\n  source <(%[2]s completion %[1]s)\n\nTo load it in every new shell, write it where your shell reads completions, such as:\n\n  %[2]s completion %[1]s > ~/.%[2]s-completion.%[1]s", sh.Name(), root)
		if f := sh.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = p.T("disable completion descriptions")
		}
	}
}

// usage is cobra's usage text (cobra's defaultUsageFunc) with its
// headings in the printer's language.
func usage(c *cobra.Command, p *messages.Printer) error {
	var b strings.Builder
	b.WriteString(p.T("Usage:"))
	if c.Runnable() {
		fmt.Fprintf(&b, "\n  %s", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n  %s %s", c.CommandPath(), p.T("[command]"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\n\n%s\n  %s", p.T("Aliases:"), c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p.T("Examples:"), c.Example)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", p.T("Available Commands:"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %s %s", padRight(sub.Name(), sub.NamePadding()), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p.T("Flags:"), flagUsages(c.LocalFlags(), p))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p.T("Global Flags:"), flagUsages(c.InheritedFlags(), p))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n")
		b.WriteString(p.Sprintf("Use \"%s [command] --help\" for more information about a command.", c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := fmt.Fprint(c.OutOrStderr(), b.String())
	return err
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

var flagDefault = regexp.MustCompile(` \(default (.*)\)$`)

// flagUsages is pflag's flag list, its "(default x)" in the printer's
// language.
func flagUsages(fs *pflag.FlagSet, p *messages.Printer) string {
	lines := strings.Split(strings.TrimRight(fs.FlagUsages(), " \n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if m := flagDefault.FindStringSubmatchIndex(l); m != nil {
			l = l[:m[0]] + p.Sprintf(" (default %s)", l[m[2]:m[3]])
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// The errors of cobra and pflag, which they do not type, read back so
// that they can be printed in the reader's language.
var (
	reUnknownCommand = regexp.MustCompile(`(?s)^unknown command ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*")(?:\n\nDid you mean this\?\n(.*))?$`)
	reUnknownFlag    = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	reUnknownShort   = regexp.MustCompile(`^unknown shorthand flag: ('.+') in (-\S+)$`)
	reNeedsArg       = regexp.MustCompile(`^flag needs an argument: (.+)$`)
	reInvalidArg     = regexp.MustCompile(`(?s)^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*") flag: (.*)$`)
	reBadSyntax      = regexp.MustCompile(`^bad flag syntax: (.+)$`)
	reRequiredFlag   = regexp.MustCompile(`^required flag\(s\) (.+) not set$`)
)

// cobraError turns an error of cobra or pflag about the command line into
// one of the catalogue, keeping its English text.
func cobraError(err error) error {
	s := err.Error()
	if m := reUnknownCommand.FindStringSubmatch(s); m != nil {
		cmd, _ := strconv.Unquote(m[1])
		path, _ := strconv.Unquote(m[2])
		if m[3] != "" {
			return messages.Errorf("unknown command %q for %q\n\nDid you mean this?\n%s", cmd, path, m[3])
		}
		return messages.Errorf("unknown command %q for %q", cmd, path)
	}
	if m := reUnknownFlag.FindStringSubmatch(s); m != nil {
		return messages.Errorf("unknown flag: %s", m[1])
	}
	if m := reUnknownShort.FindStringSubmatch(s); m != nil {
		return messages.Errorf("unknown shorthand flag: %s in %s", m[1], m[2])
	}
	if m := reNeedsArg.FindStringSubmatch(s); m != nil {
		return messages.Errorf("flag needs an argument: %s", m[1])
	}
	if m := reInvalidArg.FindStringSubmatch(s); m != nil {
		val, _ := strconv.Unquote(m[1])
		flag, _ := strconv.Unquote(m[2])
		return messages.Errorf("invalid argument %q for %q flag: %s", val, flag, valueReason(m[3]))
	}
	if m := reBadSyntax.FindStringSubmatch(s); m != nil {
		return messages.Errorf("bad flag syntax: %s", m[1])
	}
	if m := reRequiredFlag.FindStringSubmatch(s); m != nil {
		return messages.Errorf("required flag(s) %s not set", m[1])
	}
	return err
}

// valueReason is why a flag's value did not parse, from strconv or
// time's messages.
func valueReason(s string) any {
	switch {
	case strings.Contains(s, "invalid syntax"), strings.Contains(s, "invalid duration"), strings.Contains(s, "unknown unit"), strings.Contains(s, "missing unit"):
		return messages.Errorf("not a value of this flag's type")
	case strings.Contains(s, "value out of range"):
		return messages.Errorf("out of range")
	}
	return s
}
