package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// use is a format found in the code, with the first place it is used.
type use struct {
	format string
	pos    string
}

// extraction is what extract finds in the module's code.
type extraction struct {
	formats map[string]string // format → first place
	// nonLiteral are calls that pass a format that is not a string
	// literal, which no test could check.
	nonLiteral []string
}

// skipDirs are folders whose code prints nothing yishi's users read: the
// benchmark tool for developers, and test data.
var skipDirs = map[string]bool{"testdata": true, "yishi-bench": true, ".git": true}

// contentPrinters are printf-like functions that write a file's content in
// the scenario's language (from the scenario's word tables), not the CLI's
// messages: by package folder and name.
var contentPrinters = map[string]bool{
	"scenario.printf": true, // summaryWriter: the scenario summary, in the scenario's language
	"review.printf":   true, // mdReport: the Markdown report, in the scenario's language
}

// renderers are the functions that pass on a format they did not write:
// they print a message whose format was checked where it was made, or a
// help text checked by [TestHelpTexts], or they are not about messages.
var renderers = map[string]bool{
	"cmd/yishi/internal/messages/messages.go:Message":    true, // renders a scenario.Message
	"cmd/yishi/internal/messages/messages.go:Diagnostic": true, // renders a diagnostic's Message
	"scenario/message.go:Plural":                         true, // picks one of its two literal formats
	"cmd/yishi/iostreams.go:T":                           true, // passes its text on
	"cmd/yishi/root.go:exactArgs":                        true, // its what, checked at its calls
	"cmd/yishi/root.go:minArgs":                          true,
	"cmd/yishi/lang.go:localize":                         true, // cobra's texts, checked by TestHelpTexts
	"cmd/yishi/lang.go:localizeFlags":                    true, // flags' usage, checked by TestHelpTexts
	"roles/grouping/state.go:add":                        true, // catAttr.add: a count, not a message
	"roles/grouping/state.go:place":                      true,
}

// stdPackages are package names whose Errorf and Sprintf are not ours.
var stdPackages = map[string]bool{"fmt": true, "errors": true, "log": true, "t": true, "b": true, "tb": true}

func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

type parsedFile struct {
	rel  string // path from the module root
	pkg  string // the folder's last element
	file *ast.File
}

// extract parses every non-test Go file of the module and collects the
// formats passed to the catalogue's sinks.
func extract(t *testing.T) extraction {
	t.Helper()
	root := moduleRoot(t)
	fset := token.NewFileSet()
	var files []parsedFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, parsedFile{rel: filepath.ToSlash(rel), pkg: filepath.Base(filepath.Dir(p)), file: f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The printf-like functions of each package: a parameter "format
	// string" followed by "args ...any". Calls to them inside their
	// package pass a format.
	wrappers := map[string]map[string]int{} // folder → name → index of format
	for _, pf := range files {
		for _, decl := range pf.file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if i := formatParam(fd.Type); i >= 0 && !contentPrinters[pf.pkg+"."+fd.Name.Name] {
				dir := filepath.Dir(pf.rel)
				if wrappers[dir] == nil {
					wrappers[dir] = map[string]int{}
				}
				wrappers[dir][fd.Name.Name] = i
			}
		}
	}
	ex := extraction{formats: map[string]string{}}
	for _, pf := range files {
		dir := filepath.Dir(pf.rel)
		inCLI := strings.HasPrefix(pf.rel, "cmd/yishi/")
		check := func(call *ast.CallExpr, own, fn string) {
			for _, i := range sinkArgs(call, wrappers[dir], inCLI) {
				if i >= len(call.Args) {
					continue
				}
				where := pf.rel + ":" + strconv.Itoa(fset.Position(call.Pos()).Line)
				arg := call.Args[i]
				if id, ok := arg.(*ast.Ident); ok && own != "" && id.Name == own {
					continue // a wrapper passing its own format on
				}
				s, ok := literal(arg)
				if !ok {
					if !renderers[pf.rel+":"+fn] {
						ex.nonLiteral = append(ex.nonLiteral, where)
					}
					continue
				}
				if _, seen := ex.formats[s]; !seen {
					ex.formats[s] = where
				}
			}
		}
		ast.Inspect(pf.file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				check(call, "", "")
				return true
			}
			fd, ok := n.(*ast.FuncDecl)
			if !ok {
				return true
			}
			own := formatParamName(fd.Type)
			ast.Inspect(fd, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					check(call, own, fd.Name.Name)
				}
				return true
			})
			return false
		})
	}
	return ex
}

// formatParam is the index of a "format string" parameter followed by a
// variadic one, or -1.
func formatParam(ft *ast.FuncType) int {
	i := 0
	params := ft.Params.List
	for k, f := range params {
		for _, name := range f.Names {
			if name.Name == "format" && isIdent(f.Type, "string") && k+1 < len(params) {
				if _, ok := params[len(params)-1].Type.(*ast.Ellipsis); ok {
					return i
				}
			}
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	return -1
}

func formatParamName(ft *ast.FuncType) string {
	if formatParam(ft) >= 0 {
		return "format"
	}
	return ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// sinkArgs lists the arguments of call that are formats of the catalogue.
func sinkArgs(call *ast.CallExpr, wrappers map[string]int, inCLI bool) []int {
	var recv, name string
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		recv = "."
		if id, ok := fn.X.(*ast.Ident); ok {
			recv = id.Name
		}
	default:
		return nil
	}
	switch {
	case recv == "fmt" && name == "Errorf":
		return []int{0} // an error a user may read; FromEnglish prints it
	case recv == "errors" && name == "New":
		return []int{0} // a sentinel a user may read inside another message
	case stdPackages[recv]:
		return nil
	case name == "Errorf" || name == "Warnf":
		if recv == "messages" || recv == "" {
			return []int{0}
		}
		return []int{1} // Diagnostics.Errorf(pos, format, ...)
	case name == "Msg" && (recv == "scenario" || recv == ""):
		return []int{0}
	case name == "Plural" && (recv == "scenario" || recv == ""):
		return []int{1, 2}
	case inCLI && (name == "T" || name == "Sprintf"):
		return []int{0}
	case inCLI && (name == "exactArgs" || name == "minArgs"):
		return []int{1} // what the command takes, a text of the catalogue
	}
	if i, ok := wrappers[name]; ok && (recv == "" || !stdPackages[recv]) {
		return []int{i}
	}
	return nil
}

// literal is the value of a string literal, or of literals joined by +.
func literal(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(v.X)
		b, ok2 := literal(v.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(v.X)
	}
	return "", false
}

func sortedUses(m map[string]string) []use {
	var out []use
	for f, p := range m {
		out = append(out, use{f, p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}
