package main

import (
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/yishi-council/yishi/cmd/yishi/internal/output"
	"github.com/yishi-council/yishi/scenario"
	"github.com/yishi-council/yishi/scenarios"
)

type newScenarioOptions struct {
	IO       *streams
	Writer   *output.Writer
	FS       output.FS
	Name     string
	Title    string
	Language string
	Dir      string
	Force    bool
}

func newNewScenarioCmd(f *factory) *cobra.Command {
	opts := &newScenarioOptions{IO: f.IO, Writer: f.writer(), FS: f.FS}
	cmd := &cobra.Command{
		Use:     "scenario NAME",
		Short:   "Write NAME.yaml: a commented scenario template that validates",
		Example: "  yishi new scenario garden-plots --title \"Shared garden plots\"\n  yishi new scenario garden-plots --language zh --title 共享菜园",
		Args:    exactArgs(1, "the new scenario's id, such as garden-plots"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			return runNewScenario(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Title, "title", "", "the scenario's title (default: the name)")
	// A reader of Chinese gets the Chinese template unless they ask.
	fl.StringVar(&opts.Language, "language", string(f.IO.P.Language()), "language of the template and of the cards and reports: en or zh")
	fl.StringVar(&opts.Dir, "dir", ".", "directory to write into")
	fl.BoolVar(&opts.Force, "force", false, "overwrite a file that exists")
	return cmd
}

func runNewScenario(opts *newScenarioOptions) error {
	if !scenario.ValidID(opts.Name) {
		return usagef("%q is not a valid scenario id: use lower-case letters, digits, '-' and '_', such as garden-plots", opts.Name)
	}
	title := opts.Title
	if title == "" {
		title = opts.Name
	}
	if opts.Language != "en" && opts.Language != "zh" {
		return usagef("--language must be en or zh, not %q", opts.Language)
	}
	data, err := scenarios.Template(opts.Name, title, opts.Language)
	if err != nil {
		return err
	}
	schema, err := scenario.Schema(scenario.KindScenario)
	if err != nil {
		return err
	}
	files := []output.File{{Path: filepath.Join(opts.Dir, opts.Name+".yaml"), Data: data}}
	// The template points at scenario.schema.json beside it; write it unless
	// one is there already.
	schemaPath := filepath.Join(opts.Dir, "scenario.schema.json")
	if _, err := opts.FS.Lstat(schemaPath); err != nil {
		files = append(files, output.File{Path: schemaPath, Data: schema})
	}
	if err := writeFiles(opts.Writer, files, opts.Force); err != nil {
		return err
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(map[string]string{"scenario": files[0].Path})
	}
	opts.IO.printf("wrote %s\nnext: edit it, then run: yishi validate --lint %s\n", files[0].Path, files[0].Path)
	return nil
}
