package main

import (
	"runtime/debug"

	"github.com/spf13/cobra"
)

type versionOptions struct {
	IO        *streams
	BuildInfo func() (*debug.BuildInfo, bool)
}

// versionInfo is what `yishi version` reports.
type versionInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit,omitempty"`
	Modified  bool   `json:"modified,omitempty"`
	GoVersion string `json:"go"`
}

func newVersionCmd(f *factory) *cobra.Command {
	opts := &versionOptions{IO: f.IO, BuildInfo: debug.ReadBuildInfo}
	return &cobra.Command{
		Use:   "version",
		Short: "Print yishi's version and the commit it was built from",
		Args:  exactArgs(0, "no arguments"),
		RunE:  func(cmd *cobra.Command, args []string) error { return runVersion(opts) },
	}
}

func runVersion(opts *versionOptions) error {
	v := versionInfo{Version: "(devel)"}
	if bi, ok := opts.BuildInfo(); ok {
		v.GoVersion = bi.GoVersion
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if opts.IO.JSON() {
		return opts.IO.printJSON(v)
	}
	switch {
	case v.Commit != "" && v.Modified:
		opts.IO.printf("yishi %s (commit %s, modified) %s\n", v.Version, shortCommit(v.Commit), v.GoVersion)
	case v.Commit != "":
		opts.IO.printf("yishi %s (commit %s) %s\n", v.Version, shortCommit(v.Commit), v.GoVersion)
	default:
		opts.IO.printf("yishi %s %s\n", v.Version, v.GoVersion)
	}
	return nil
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}
