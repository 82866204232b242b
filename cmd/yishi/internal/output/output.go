// Package output writes the files yishi's commands produce: every file of a
// command or none, each one atomically (a temporary file renamed into
// place), never over an existing file unless forced, and whole folders of
// files (role cards, the demo) replaced as one set through a manifest.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-council/yishi/scenario"
)

// File is one file a command is about to write.
type File struct {
	Path string
	Data []byte
}

// Reasons a [Writer] does not write, wrapped by the [Error] it returns.
var (
	// ErrExist: a file to write is there already and force was not given.
	ErrExist = errors.New("already exists")
	// ErrNotDir: a folder to write into is a file.
	ErrNotDir = errors.New("is a file, not a folder")
	// ErrIsDir: a file to write is a folder.
	ErrIsDir = errors.New("is a folder, not a file")
	// ErrLink: a folder inside the folder a Tree writes is a symbolic link
	// (or a junction), which would take its files somewhere else.
	ErrLink = errors.New("is a symbolic link")
	// ErrBusy: another run is writing the folder a Tree writes.
	ErrBusy = errors.New("another yishi run is writing this folder")
	// ErrOtherKind: the folder a Tree writes holds the files of another
	// command, which this run would overwrite or remove.
	ErrOtherKind = errors.New("holds the files of another command")
	// ErrInput: a file to write or to remove is one the run reads.
	ErrInput = errors.New("is a file this run reads")
)

// Error is a file or folder a [Writer] could not or would not write.
type Error struct {
	// Path is the file or folder concerned.
	Path string
	// Err says why: one of the reasons above, or the file system's error.
	Err  error
	text scenario.Message
}

func (e *Error) Error() string { return e.Message().String() }

// Message is the error's text, kept as a format and its arguments for the
// CLI's catalogue to print in the reader's language.
func (e *Error) Message() scenario.Message {
	if e.text.Format != "" {
		return e.text
	}
	return scenario.Msg("cannot write %s: %v", e.Path, cause(e.Err))
}

func (e *Error) Unwrap() error { return e.Err }

// cause is an error of the file system without the path and operation,
// which the message around it names already.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// ManifestName is the file in which a folder written by [Writer.Tree]
// lists what it holds, so that a later run with force can remove what it
// no longer writes.
const ManifestName = ".yishi-manifest"

// Writer writes files to FS.
type Writer struct {
	FS FS
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// now reads the Writer's clock.
func (w *Writer) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// New returns a Writer on fsys.
func New(fsys FS, now func() time.Time) *Writer { return &Writer{FS: fsys, Now: now} }

// Files writes every file or none: it first checks that every folder can
// be made and that no target exists (unless force), then writes every file
// to a temporary file beside it and only then renames each into place, so
// a reader never sees half a file and a full disk changes nothing. On
// failure it removes what it had written and the folders it had made.
// Temporary files an earlier, killed run left beside the targets are
// removed.
func (w *Writer) Files(files []File, force bool) error {
	r := w.newRun()
	if err := r.check(files, force); err != nil {
		return err
	}
	// Files takes no lock, so a temporary file may be another run's at
	// work: only one old enough to be left by a killed run is removed.
	if err := r.cleanTemps(files, nil, liveTempAge); err != nil {
		return err
	}
	if err := r.write(files); err != nil {
		r.undo()
		return err
	}
	return nil
}

// Check tells whether [Writer.Files] would write files, without writing:
// that every folder can be made and no target exists (unless force). A
// command that writes files and a folder checks the one before writing
// the other, so that a refusal leaves nothing half-written.
func (w *Writer) Check(files []File, force bool) error { return w.newRun().check(files, force) }

// run is one call of Files or Tree: what it found and what it changed, so
// that a failure can take the changes back.
type run struct {
	w *Writer
	// root is the folder a Tree writes, cleaned; empty for Files.
	root string
	// dirs records, for each folder looked at, whether it exists.
	dirs map[string]bool
	// created are the folders this run made, outermost first.
	created []string
	// temps are this run's temporary files not yet renamed into place.
	temps map[string]bool
	// renamed are the files this run put in place where none was;
	// replaced counts those it put in place of an earlier file.
	renamed  []string
	replaced int
}

func (w *Writer) newRun() *run { return &run{w: w, dirs: map[string]bool{}, temps: map[string]bool{}} }

// check finds every reason not to write files before anything is written.
func (r *run) check(files []File, force bool) error {
	var clash []string
	for _, f := range files {
		if err := r.checkDir(filepath.Dir(f.Path), f.Path); err != nil {
			return err
		}
		fi, err := r.w.FS.Lstat(f.Path)
		switch {
		case err == nil && fi.IsDir():
			return &Error{Path: f.Path, Err: ErrIsDir, text: scenario.Msg("cannot write %s: it is a folder; name a file", f.Path)}
		case err == nil && !force:
			clash = append(clash, f.Path)
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return &Error{Path: f.Path, Err: err}
		}
	}
	if len(clash) > 0 {
		return existError(clash)
	}
	return nil
}

// checkDir checks that dir is a folder or can be made one: no part of it
// may be a file. target is what the caller is about to write, for the
// message.
func (r *run) checkDir(dir, target string) error {
	dir = filepath.Clean(dir)
	if _, seen := r.dirs[dir]; seen {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := r.checkDir(parent, target); err != nil {
			return err
		}
		if !r.dirs[parent] {
			r.dirs[dir] = false
			return nil
		}
	}
	// The folders the user named, and those above them, may be links;
	// inside a Tree's folder yishi follows none, or two runs could write
	// each other's cards, or a stale card be removed somewhere else.
	stat := r.w.FS.Stat
	if r.below(dir) {
		stat = r.w.FS.Lstat
	}
	fi, err := stat(dir)
	switch {
	case err == nil && (fi.Mode()&fs.ModeSymlink != 0 || fi.Mode()&fs.ModeIrregular != 0):
		return &Error{Path: dir, Err: ErrLink, text: scenario.Msg("cannot write %s: %s is a symbolic link, and yishi writes nothing through a link inside %s; remove the link, or write to another folder", target, dir, r.root)}
	case err == nil && fi.IsDir():
		r.dirs[dir] = true
		return nil
	case err == nil:
		what := scenario.Msg("cannot write %s", target)
		if filepath.Clean(target) == r.root {
			what = scenario.Msg("cannot write into %s", target)
		}
		if dir == filepath.Clean(target) {
			return &Error{Path: dir, Err: ErrNotDir, text: scenario.Msg("%s: it is a file, not a folder", what)}
		}
		return &Error{Path: dir, Err: ErrNotDir, text: scenario.Msg("%s: %s is a file, not a folder", what, dir)}
	case errors.Is(err, fs.ErrNotExist):
		r.dirs[dir] = false
		return nil
	}
	return &Error{Path: target, Err: err}
}

// below reports whether dir is inside the Tree's folder, not the folder
// itself.
func (r *run) below(dir string) bool {
	if r.root == "" {
		return false
	}
	rel, err := filepath.Rel(r.root, dir)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// makeDir makes dir and the folders above it that check found missing.
func (r *run) makeDir(dir, target string) error {
	dir = filepath.Clean(dir)
	exists, seen := r.dirs[dir]
	if !seen {
		return fmt.Errorf("internal error: folder %s was not checked", dir)
	}
	if exists {
		return nil
	}
	if err := r.makeDir(filepath.Dir(dir), target); err != nil {
		return err
	}
	if err := r.w.FS.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
		// Made since it was checked, by another run: look again.
		delete(r.dirs, dir)
		if err := r.checkDir(dir, target); err != nil {
			return err
		}
		if r.dirs[dir] {
			return nil
		}
		return &Error{Path: target, Err: err}
	} else if err != nil {
		return &Error{Path: target, Err: err}
	}
	r.dirs[dir] = true
	r.created = append(r.created, dir)
	return nil
}

// write writes files in two steps: every file to a temporary file beside
// it, then each temporary file renamed into place.
func (r *run) write(files []File) error {
	temps := make([]string, len(files))
	for i, f := range files {
		tmp, err := r.writeTemp(f.Path, f.Data)
		if err != nil {
			return err
		}
		temps[i] = tmp
	}
	for i, f := range files {
		existed, err := r.exists(f.Path)
		if err != nil {
			return err
		}
		if err := r.w.FS.Rename(temps[i], f.Path); err != nil {
			return &Error{Path: f.Path, Err: err}
		}
		delete(r.temps, temps[i])
		if existed {
			r.replaced++
		} else {
			r.renamed = append(r.renamed, f.Path)
		}
	}
	return nil
}

func (r *run) exists(path string) (bool, error) {
	_, err := r.w.FS.Lstat(path)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, &Error{Path: path, Err: err}
}

// undo takes back a failed run's files and folders: its temporary files,
// the files it put where none was, and the folders it made, if empty.
func (r *run) undo() {
	for tmp := range r.temps {
		r.w.FS.Remove(tmp)
	}
	for _, p := range r.renamed {
		r.w.FS.Remove(p)
	}
	r.renamed = nil
	r.removeCreated()
}

// removeCreated removes the folders this run made, if they are empty.
func (r *run) removeCreated() {
	for i := len(r.created) - 1; i >= 0; i-- {
		r.w.FS.Remove(r.created[i]) // fails, as it should, unless empty
	}
}

// tempSuffix starts the suffix of a temporary file's name:
// ".NAME.tmp-DIGITS" beside NAME.
const tempSuffix = ".tmp-"

func tempName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tempSuffix+strconv.FormatUint(uint64(rand.Uint32()), 10))
}

// tempOf returns the NAME a temporary file ".NAME.tmp-DIGITS" was
// written for, or "" when name is not such a file.
func tempOf(name string) string {
	i := strings.LastIndex(name, tempSuffix)
	if !strings.HasPrefix(name, ".") || i < 2 {
		return ""
	}
	digits := name[i+len(tempSuffix):]
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return ""
	}
	return name[1:i]
}

// writeTemp writes data to a new temporary file beside path, flushed to
// the disk, and returns its name.
func (r *run) writeTemp(path string, data []byte) (string, error) {
	if err := r.makeDir(filepath.Dir(path), path); err != nil {
		return "", err
	}
	var (
		tmp Handle
		err error
	)
	for range 10000 {
		tmp, err = r.w.FS.OpenFile(tempName(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", &Error{Path: path, Err: err}
	}
	r.temps[tmp.Name()] = true
	_, err = tmp.Write(data)
	if err == nil {
		// A rename can reach the disk before the data it names: without
		// this, a power cut could leave an empty card in place.
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", &Error{Path: path, Err: err}
	}
	return tmp.Name(), nil
}

// liveTempAge is how recent a temporary file may be and still belong to a
// run at work: one run writes its files in well under this.
const liveTempAge = 10 * time.Minute

// cleanTemps removes the temporary files that earlier runs, killed before
// they could rename them, left beside files, and beside the files named in
// old (the paths a Tree's manifest lists). Only names of the form
// ".NAME.tmp-DIGITS" whose NAME is such a file are touched, and only those
// last written at least minAge ago (0: all, under a lock).
func (r *run) cleanTemps(files []File, old []string, minAge time.Duration) error {
	names := map[string]map[string]bool{} // folder → base names
	add := func(p string) {
		dir, base := filepath.Dir(p), filepath.Base(p)
		if names[dir] == nil {
			names[dir] = map[string]bool{}
		}
		names[dir][base] = true
	}
	for _, f := range files {
		add(f.Path)
	}
	for _, p := range old {
		add(p)
	}
	dirs := make([]string, 0, len(names))
	for d := range names {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if !r.dirs[filepath.Clean(dir)] {
			continue // not there, or not checked: nothing to clean
		}
		entries, err := r.w.FS.ReadDir(dir)
		if err != nil {
			return &Error{Path: dir, Err: err, text: scenario.Msg("cannot look for the temporary files of earlier runs in %s: %s", dir, cause(err))}
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !names[dir][tempOf(e.Name())] {
				continue
			}
			if minAge > 0 {
				if info, err := e.Info(); err != nil || r.w.now().Sub(info.ModTime()) < minAge {
					continue
				}
			}
			p := filepath.Join(dir, e.Name())
			if err := r.w.FS.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &Error{Path: p, Err: err, text: scenario.Msg("cannot remove %s, left by an earlier run: %s", p, cause(err))}
			}
		}
	}
	return nil
}

func existError(clash []string) error {
	text := scenario.Msg("%s already exists; use --force to overwrite", clash[0])
	switch {
	case len(clash) > 3:
		text = scenario.Msg("%s and %d more already exist; use --force to overwrite", strings.Join(clash[:3], ", "), len(clash)-3)
	case len(clash) > 1:
		text = scenario.Msg("%s already exist; use --force to overwrite", strings.Join(clash, ", "))
	}
	return &Error{Path: clash[0], Err: ErrExist, text: text}
}
