package graph_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// The house rules of Dateline's layout (see README, "Layout"):
// dependencies point down, each third-party library is confined to the one
// package made for it, the date grammar and the text packages stand on
// their own, and the views read what the store keeps instead of running
// extraction again. The test asks the go command for every package's
// imports, so a rule broken anywhere in the module fails here, naming the
// package and the import.

// pkg is what `go list -json` says of one package.
type pkg struct {
	ImportPath   string
	Imports      []string // direct imports of the package's non-test files
	Deps         []string // every package the non-test files depend on, transitively
	TestImports  []string // direct imports of its _test.go files in the package
	XTestImports []string // direct imports of its external _test package
}

// rule forbids some packages some imports.
type rule struct {
	name string
	// of selects the packages the rule is about.
	of func(path string) bool
	// bans reports whether an import breaks the rule.
	bans func(imp string) bool
	// deep checks every dependency, not only direct imports.
	deep bool
	// tests also checks the direct imports of the package's tests.
	tests bool
}

// under reports whether path is root or inside it.
func under(root string) func(string) bool {
	return func(path string) bool { return path == root || strings.HasPrefix(path, root+"/") }
}

func not(f func(string) bool) func(string) bool { return func(s string) bool { return !f(s) } }

func either(fs ...func(string) bool) func(string) bool {
	return func(s string) bool {
		for _, f := range fs {
			if f(s) {
				return true
			}
		}
		return false
	}
}

// ours reports whether an import path is one of Dateline's packages.
var ours = under("dateline")

var rules = []rule{
	{name: "Badger only in graph/store", of: not(under("dateline/graph/store")),
		bans: under("github.com/dgraph-io/badger"), tests: true},
	{name: "Gin and gin-contrib only in webui", of: not(under("dateline/webui")),
		bans: either(under("github.com/gin-gonic"), under("github.com/gin-contrib")), tests: true},
	{name: "gonum only in graph/query", of: not(under("dateline/graph/query")),
		bans: under("gonum.org/v1/gonum"), tests: true},
	{name: "timeline's root imports nothing of ours", of: func(p string) bool { return p == "dateline/timeline" },
		bans: ours, deep: true, tests: true},
	{name: "graph's root imports only timeline of ours", of: func(p string) bool { return p == "dateline/graph" },
		bans: func(imp string) bool { return ours(imp) && imp != "dateline/timeline" }, deep: true},
	{name: "no timeline package depends on graph", of: under("dateline/timeline"),
		bans: under("dateline/graph"), deep: true, tests: true},
	{name: "the text packages depend on neither the store nor the views", of: under("dateline/graph/extract"),
		bans: either(under("dateline/graph/store"), under("dateline/webui")), deep: true, tests: true},
	{name: "webui reads the store and never runs extraction", of: under("dateline/webui"),
		bans: either(under("dateline/graph/extract"), under("dateline/timeline/timex")), deep: true},
	{name: "resolution decides without the store", of: func(p string) bool { return p == "dateline/graph/resolve" },
		bans: either(under("dateline/graph/store"), under("dateline/webui")), deep: true, tests: true},
}

func TestArchitecture(t *testing.T) {
	pkgs := listPackages(t)
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			checked := 0
			for _, p := range pkgs {
				if !r.of(p.ImportPath) {
					continue
				}
				checked++
				for _, imp := range r.imports(p) {
					if r.bans(imp) {
						t.Errorf("%s imports %s", p.ImportPath, imp)
					}
				}
			}
			if checked == 0 {
				t.Errorf("the rule is about no package: the layout has changed, update the rule")
			}
		})
	}
}

// imports returns what the rule looks at in p.
func (r rule) imports(p pkg) []string {
	out := p.Imports
	if r.deep {
		out = p.Deps
	}
	if r.tests {
		out = append(append(append([]string(nil), out...), p.TestImports...), p.XTestImports...)
	}
	return out
}

// listPackages asks the go command for every package of the module.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the architecture test runs the go command: %v", err)
	}
	cmd := exec.Command(gobin, "list", "-json=ImportPath,Imports,Deps,TestImports,XTestImports", "dateline/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages; run the test inside the module", len(pkgs))
	}
	return pkgs
}

// TestArchitectureRulesBite checks the checker on made-up packages: each
// rule must catch the import it is there to forbid.
func TestArchitectureRulesBite(t *testing.T) {
	breaks := map[string]pkg{
		"Badger only in graph/store":        {ImportPath: "dateline/graph/query", Imports: []string{"github.com/dgraph-io/badger/v4"}},
		"Gin and gin-contrib only in webui": {ImportPath: "dateline/cmd/dateline", TestImports: []string{"github.com/gin-contrib/gzip"}},
		"gonum only in graph/query":         {ImportPath: "dateline/graph/export", Imports: []string{"gonum.org/v1/gonum/graph/simple"}},
		"timeline's root imports nothing of ours": {ImportPath: "dateline/timeline",
			Deps: []string{"dateline/timeline/timex"}},
		"graph's root imports only timeline of ours": {ImportPath: "dateline/graph",
			Deps: []string{"dateline/timeline", "dateline/graph/names"}},
		"no timeline package depends on graph": {ImportPath: "dateline/timeline/timex",
			Deps: []string{"dateline/timeline", "dateline/graph"}},
		"the text packages depend on neither the store nor the views": {ImportPath: "dateline/graph/extract/quote",
			Deps: []string{"dateline/graph", "dateline/graph/store"}},
		"webui reads the store and never runs extraction": {ImportPath: "dateline/webui",
			Deps: []string{"dateline/graph/store", "dateline/timeline/timex"}},
		"resolution decides without the store": {ImportPath: "dateline/graph/resolve",
			Deps: []string{"dateline/graph/names", "dateline/graph/store"}},
	}
	for _, r := range rules {
		p, ok := breaks[r.name]
		if !ok {
			t.Errorf("rule %q has no breaking example here", r.name)
			continue
		}
		caught := false
		for _, imp := range r.imports(p) {
			caught = caught || (r.of(p.ImportPath) && r.bans(imp))
		}
		if !caught {
			t.Errorf("rule %q lets %s import %v", r.name, p.ImportPath, r.imports(p))
		}
	}
}
