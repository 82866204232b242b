package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/yishi-council/yishi/scenario"
)

// outFile is one file a command is about to write.
type outFile struct {
	Path string
	Data []byte
}

// writeFiles writes every file or none: it first checks that no target
// exists (unless force) and that each directory can be made, then writes
// each file atomically through a temporary file and a rename, so a reader
// never sees half a file. On failure it removes what it had written.
func writeFiles(files []outFile, force bool) error {
	var clash []string
	for _, f := range files {
		if _, err := os.Lstat(f.Path); err == nil && !force {
			clash = append(clash, f.Path)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(clash) > 0 {
		more := ""
		if len(clash) > 3 {
			more = fmt.Sprintf(" and %d more", len(clash)-3)
			clash = clash[:3]
		}
		return fmt.Errorf("%w: %s%s already exist; use --force to overwrite", scenario.ErrInvalid, strings.Join(clash, ", "), more)
	}
	var written []string
	for _, f := range files {
		if err := writeAtomic(f.Path, f.Data); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, f.Path)
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// cleanFileError turns an os error into a message without repeating the
// file name the caller puts in front.
func cleanFileError(err error, file string) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimPrefix(err.Error(), file+": ")
}
