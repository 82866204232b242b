package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/yishi-council/yishi/scenario"
)

// TreeOptions says what a [Writer.Tree] run is, which of the folder's
// earlier files it replaces, and which files it must never touch.
type TreeOptions struct {
	// Kind names the command whose files the run writes, such as "yishi
	// cards". The manifest records it, and a run of one kind never writes
	// into a folder that holds the files of another, force or not: they
	// may be its input, or another step's output.
	Kind string
	// What names what the run writes, and Instead a subfolder to suggest,
	// for the message that refuses another kind's folder: "the cards" and
	// "cards".
	What    scenario.Message
	Instead string
	// Force lets the run replace the earlier run's files.
	Force bool
	// Part, when set, says which of the earlier run's files (by path
	// relative to the folder, with slashes) this run replaces: those of
	// them it does not write are removed. The others stay, on disk and in
	// the manifest, and need no force. Unset, the run replaces them all.
	Part func(rel string) bool
	// Nested, when set, says which of the folder's subfolders may hold a
	// manifest of their own, which an earlier yishi kept there (`yishi
	// cards --round R` in round-R/). The files such a manifest lists count
	// as the earlier run's, and the manifest itself is removed.
	Nested func(name string) bool
	// KindOf, when set, tells the kind of a manifest written before
	// manifests named their kind, from the files it lists; "" when it
	// cannot tell, and such a manifest is taken to be of this run's kind.
	KindOf func(files []string) string
	// Inputs are files the run reads: it never overwrites nor removes
	// them.
	Inputs []Input
}

// Input is a file a run reads, and what it is, for messages: "the plan".
type Input struct {
	Path string
	What scenario.Message
}

// TreeResult is what a [Writer.Tree] run did besides writing its files.
type TreeResult struct {
	// Removed are the files of the earlier run that this run removed.
	Removed []string
}

// Tree writes files, all under dir, as [Writer.Files] does, and keeps
// dir's manifest. A folder that holds an earlier run's files is replaced
// only with force: then the files of the earlier run that this run does not
// write are removed, so no stale card (with another role's confidential
// brief) is left beside the new ones. Files yishi did not write are never
// removed, nor files of another kind of run (see [TreeOptions]), nor the
// run's own inputs.
//
// A run killed half-way leaves nothing a later run keeps: before any file
// is put in place the manifest lists the earlier run's files and this
// run's together, so the next run with force removes whichever it does not
// write, and the temporary files of killed runs are removed.
//
// One run at a time writes a folder: a second run that starts while the
// first is writing fails with [ErrBusy] instead of mixing two plans' cards.
func (w *Writer) Tree(dir string, files []File, opts TreeOptions) (TreeResult, error) {
	r := w.newRun()
	r.root = filepath.Clean(dir)
	if err := r.checkDir(dir, dir); err != nil {
		return TreeResult{}, err
	}
	if err := r.makeDir(dir, dir); err != nil {
		return TreeResult{}, err
	}
	unlock, err := w.lock(dir)
	if err != nil {
		r.removeCreated()
		return TreeResult{}, err
	}
	res, err := r.tree(dir, files, opts)
	unlock()
	if err != nil {
		r.removeCreated()
	}
	return res, err
}

// tree is Tree once the folder is there and locked.
func (r *run) tree(dir string, files []File, opts TreeOptions) (TreeResult, error) {
	manifest := filepath.Join(dir, ManifestName)
	old, oldData, err := r.earlierRun(dir, opts)
	if err != nil {
		return TreeResult{}, err
	}
	keep, names, err := relativeNames(dir, files)
	if err != nil {
		return TreeResult{}, err
	}
	var replaced, kept, stale, oldPaths []string
	for _, rel := range old {
		if opts.Part != nil && !opts.Part(rel) {
			kept = append(kept, rel)
			continue
		}
		replaced = append(replaced, rel)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := r.checkDir(filepath.Dir(p), p); err != nil {
			return TreeResult{}, err
		}
		oldPaths = append(oldPaths, p)
		if !keep[rel] {
			stale = append(stale, p)
		}
	}
	all := append(files[:len(files):len(files)], File{Path: manifest})
	if err := r.checkInputs(all, stale, opts); err != nil {
		return TreeResult{}, err
	}
	if err := r.checkForce(dir, replaced, opts.Force); err != nil {
		return TreeResult{}, err
	}
	if err := r.check(files, opts.Force); err != nil {
		return TreeResult{}, err
	}
	if err := r.check([]File{{Path: manifest}}, true); err != nil {
		return TreeResult{}, err
	}
	if err := r.cleanTemps(all, oldPaths, 0); err != nil {
		return TreeResult{}, err
	}
	if err := r.putInPlace(manifest, opts.Kind, old, oldData, names, files); err != nil {
		return TreeResult{}, err
	}
	removed, err := r.removeStale(stale)
	if err != nil {
		return TreeResult{}, err
	}
	final := File{Path: manifest, Data: manifestData(opts.Kind, append(names, kept...))}
	if err := r.write([]File{final}); err != nil {
		return TreeResult{}, err
	}
	return TreeResult{Removed: removed}, nil
}

// earlierRun lists the files an earlier run wrote under dir, as its
// manifest and those opts.Nested finds say, and returns the manifest as it
// was. It refuses a folder that holds the files of another kind of run.
func (r *run) earlierRun(dir string, opts TreeOptions) (old []string, data []byte, err error) {
	if !r.dirs[r.root] {
		return nil, nil, nil
	}
	m, err := r.w.readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	if kind := m.kindOf(opts); kind != "" && kind != opts.Kind {
		if r.present(dir, m.files) > 0 {
			text := scenario.Msg("%s holds the files of `%s`; write %s to another folder, such as %s", dir, kind, opts.What, filepath.Join(dir, opts.Instead))
			return nil, nil, &Error{Path: dir, Err: ErrOtherKind, text: text}
		}
		m.files = nil // none of its files is left: nothing to keep or remove
	}
	old = m.files
	if opts.Nested != nil {
		entries, err := r.w.FS.ReadDir(dir)
		if err != nil {
			return nil, nil, &Error{Path: dir, Err: err, text: scenario.Msg("cannot look for the files of earlier runs in %s: %s", dir, cause(err))}
		}
		for _, e := range entries {
			if !e.IsDir() || !opts.Nested(e.Name()) {
				continue // a link is not a folder here: nothing is read through it
			}
			nm, err := r.w.readManifest(filepath.Join(dir, e.Name()))
			if err != nil {
				return nil, nil, err
			}
			if kind := nm.kindOf(opts); nm.data == nil || kind != "" && kind != opts.Kind {
				continue
			}
			for _, rel := range nm.files {
				old = append(old, e.Name()+"/"+rel)
			}
			old = append(old, e.Name()+"/"+ManifestName)
		}
	}
	return unique(old), m.data, nil
}

// present counts the files of rels, relative to dir, that are there, but
// for manifests.
func (r *run) present(dir string, rels []string) int {
	n := 0
	for _, rel := range rels {
		if path.Base(rel) == ManifestName {
			continue
		}
		if _, err := r.w.FS.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
			n++
		}
	}
	return n
}

// checkForce refuses to go on without force while any of the earlier
// run's files this run replaces is still there.
func (r *run) checkForce(dir string, replaced []string, force bool) error {
	if force {
		return nil
	}
	if n := r.present(dir, replaced); n > 0 {
		return &Error{Path: dir, Err: ErrExist, text: scenario.Msg("%s holds %d files of an earlier run; use --force to overwrite them (those this run does not write are removed, so no stale card stays behind)", dir, n)}
	}
	return nil
}

// checkInputs refuses to write any of files, or to remove any of stale,
// that is one of the run's inputs, under whatever name.
func (r *run) checkInputs(files []File, stale []string, opts TreeOptions) error {
	type input struct {
		fi   fs.FileInfo
		what scenario.Message
	}
	var inputs []input
	for _, in := range opts.Inputs {
		if fi, err := r.w.FS.Stat(in.Path); err == nil {
			inputs = append(inputs, input{fi, in.What})
		}
	}
	if len(inputs) == 0 {
		return nil
	}
	// Lstat, not Stat: a link in the folder is replaced or removed, not
	// the file it points to.
	isInput := func(p string) (scenario.Message, bool) {
		fi, err := r.w.FS.Lstat(p)
		if err != nil {
			return scenario.Message{}, false
		}
		for _, in := range inputs {
			if os.SameFile(fi, in.fi) {
				return in.what, true
			}
		}
		return scenario.Message{}, false
	}
	for _, f := range files {
		if what, ok := isInput(f.Path); ok {
			return &Error{Path: f.Path, Err: ErrInput, text: scenario.Msg("cannot overwrite %s: it is %s this run reads; write %s to another folder", f.Path, what, opts.What)}
		}
	}
	for _, p := range stale {
		if what, ok := isInput(p); ok {
			return &Error{Path: p, Err: ErrInput, text: scenario.Msg("cannot remove %s, a file of the earlier run: it is %s this run reads; write %s to another folder", p, what, opts.What)}
		}
	}
	return nil
}

// unique is names without repeats, in order.
func unique(names []string) []string {
	seen := map[string]bool{}
	out := names[:0:0]
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// relativeNames returns the paths of files relative to dir, with slashes,
// as a set and in order.
func relativeNames(dir string, files []File) (map[string]bool, []string, error) {
	keep := map[string]bool{}
	var names []string
	for _, f := range files {
		rel, err := filepath.Rel(dir, f.Path)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, nil, fmt.Errorf("internal error: %s is not under %s", f.Path, dir)
		}
		rel = filepath.ToSlash(rel)
		keep[rel] = true
		names = append(names, rel)
	}
	return keep, names, nil
}

// putInPlace writes the journal, then the files. Until the new manifest is
// in place the manifest names every file that may be there, the earlier
// run's and this one's; if the files cannot be written and no earlier file
// was touched, the folder is left as it was.
func (r *run) putInPlace(manifest, kind string, old []string, oldData []byte, names []string, files []File) error {
	oldManifest, err := r.exists(manifest)
	if err != nil {
		return err
	}
	journal := File{Path: manifest, Data: manifestData(kind, append(append([]string(nil), old...), names...))}
	if err := r.write([]File{journal}); err != nil {
		r.undo()
		return err
	}
	r.renamed = nil // the journal stays unless nothing else changes
	before := r.replaced
	if err := r.write(files); err != nil {
		r.undo()
		if r.replaced == before {
			if oldManifest {
				r.write([]File{{Path: manifest, Data: oldData}})
			} else {
				r.w.FS.Remove(manifest)
			}
		}
		return err
	}
	return nil
}

// removeStale removes the earlier run's files this run does not write, and
// the folders they leave empty, and returns those it removed but for
// manifests. It runs before the manifest stops naming them, so that a
// failure here leaves them for the next run to remove.
func (r *run) removeStale(stale []string) ([]string, error) {
	var removed []string
	for _, p := range stale {
		err := r.w.FS.Remove(p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Path: p, Err: err, text: scenario.Msg("cannot remove %s, a file of the earlier run: %s", p, cause(err))}
		}
		if err == nil && filepath.Base(p) != ManifestName {
			removed = append(removed, p)
		}
		for d := filepath.Dir(p); r.below(d); d = filepath.Dir(d) {
			if r.w.FS.Remove(d) != nil {
				break
			}
		}
	}
	return removed, nil
}

// manifestPrefix starts the first line of a manifest, which names the kind
// of run that wrote it: "# yishi cards".
const manifestPrefix = "# "

// manifestData is a manifest of a run of kind listing names, sorted, once
// each.
func manifestData(kind string, names []string) []byte {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var b strings.Builder
	if kind != "" {
		b.WriteString(manifestPrefix + kind + "\n")
	}
	for i, n := range sorted {
		if i > 0 && n == sorted[i-1] {
			continue
		}
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// manifest is a folder's manifest as read.
type manifest struct {
	// kind is the kind of run that wrote it; "" if it does not say.
	kind string
	// files are the files it lists, relative to its folder, with slashes.
	files []string
	// data is the manifest as it was; nil when there is none.
	data []byte
}

// kindOf is the kind of run that wrote m, as it says or as opts.KindOf
// tells from its files; "" when neither can tell.
func (m manifest) kindOf(opts TreeOptions) string {
	if m.kind == "" && opts.KindOf != nil && len(m.files) > 0 {
		return opts.KindOf(m.files)
	}
	return m.kind
}

// readManifest reads the manifest of dir: the kind of run that wrote it,
// and the files it wrote under dir (or may have, if it was killed),
// ignoring any entry that would leave dir. A manifest written before
// manifests named their kind is read as before.
func (w *Writer) readManifest(dir string) (manifest, error) {
	name := filepath.Join(dir, ManifestName)
	data, err := w.FS.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, nil
	}
	if err != nil {
		return manifest{}, &Error{Path: name, Err: err, text: scenario.Msg("cannot read %s, the list of files an earlier run wrote: %s", name, cause(err))}
	}
	m := manifest{data: data}
	if m.data == nil {
		m.data = []byte{}
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			if i == 0 {
				m.kind = strings.TrimSpace(strings.TrimPrefix(line, "#"))
			}
			continue
		}
		if line == "" || !filepath.IsLocal(filepath.FromSlash(line)) || line == ManifestName {
			continue
		}
		m.files = append(m.files, line)
	}
	return m, nil
}

// LockName is the file in a folder that a [Writer.Tree] is writing which
// holds the lock and says who holds it.
const LockName = ".yishi-lock"

// lock locks dir for one Tree run, writing who holds the lock into the
// lock file so that another run can say so.
func (w *Writer) lock(dir string) (unlock func(), err error) {
	name := filepath.Join(dir, LockName)
	h, err := w.FS.Lock(name)
	if errors.Is(err, ErrBusy) {
		return nil, &Error{Path: dir, Err: ErrBusy, text: w.busyMessage(dir, name)}
	}
	if err != nil {
		return nil, &Error{Path: dir, Err: err, text: scenario.Msg("cannot lock %s for writing: %s", dir, cause(err))}
	}
	host, _ := os.Hostname()
	// Who holds the lock is for people; failing to say it stops nothing.
	fmt.Fprintf(h, "pid %d\nhost %s\nsince %s\n", os.Getpid(), host, w.now().Format(time.RFC3339))
	return func() { h.Close() }, nil
}

// busyMessage says that another run is writing dir, and which, as far as
// its lock file tells.
func (w *Writer) busyMessage(dir, lockFile string) scenario.Message {
	who := scenario.Msg("another yishi run")
	if data, err := w.FS.ReadFile(lockFile); err == nil {
		var pid, host, since string
		for _, line := range strings.Split(string(data), "\n") {
			k, v, _ := strings.Cut(line, " ")
			switch k {
			case "pid":
				pid = v
			case "host":
				host = v
			case "since":
				since = v
			}
		}
		at, otherHost := "", false
		if t, err := time.Parse(time.RFC3339, since); err == nil {
			at = t.Local().Format("15:04:05")
		}
		if myHost, _ := os.Hostname(); host != "" && host != myHost {
			otherHost = true
		}
		switch {
		case pid != "" && otherHost && at != "":
			who = scenario.Msg("another yishi run (pid %s on %s, since %s)", pid, host, at)
		case pid != "" && otherHost:
			who = scenario.Msg("another yishi run (pid %s on %s)", pid, host)
		case pid != "" && at != "":
			who = scenario.Msg("another yishi run (pid %s, since %s)", pid, at)
		case pid != "":
			who = scenario.Msg("another yishi run (pid %s)", pid)
		case at != "":
			who = scenario.Msg("another yishi run (since %s)", at)
		}
	}
	if !lockSurvivesKill {
		return scenario.Msg("%s is writing into %s; wait for it to finish, or write to another folder (if no yishi is running, remove %s)", who, dir, lockFile)
	}
	return scenario.Msg("%s is writing into %s; wait for it to finish, or write to another folder", who, dir)
}
