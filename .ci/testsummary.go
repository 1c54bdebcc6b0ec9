//go:build ignore

// Command testsummary reads `go test -json` on standard input and prints
// what a person running `make test` needs: one line a package (ok, FAIL,
// no tests), the whole output of every failed test or package, and at the
// end the tests skipped for want of ../shared, each with its reason, so a
// fresh clone without the shared corpora shows what it did not run. It
// exits 1 when anything failed.
//
// Run as `go test -json ./... | go run .ci/testsummary.go` (the Makefile's
// test target).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	output := map[string][]string{} // package or package/test → its output lines
	var skipped []string
	failed, results := false, 0
	for in.Scan() {
		var e event
		if err := json.Unmarshal(in.Bytes(), &e); err != nil {
			// Not JSON: a build error printed before the stream starts.
			fmt.Println(in.Text())
			failed = true
			continue
		}
		key := e.Package
		if e.Test != "" {
			key += "/" + e.Test
		}
		switch e.Action {
		case "output":
			output[key] = append(output[key], e.Output)
		case "skip":
			if e.Test == "" {
				results++
				fmt.Printf("?   \t%s\t[no test files]\n", e.Package)
				break
			}
			for _, l := range output[key] {
				if i := strings.Index(l, "skipped: needs ../shared"); i >= 0 {
					skipped = append(skipped, fmt.Sprintf("%s %s: %s", e.Package, e.Test, strings.TrimSpace(l[i+len("skipped: "):])))
					break
				}
			}
			delete(output, key)
		case "pass":
			if e.Test == "" {
				results++
				fmt.Printf("ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
			}
			delete(output, key)
		case "fail":
			failed = true
			if e.Test == "" {
				results++
				out := strings.Join(output[key], "")
				fmt.Print(out)
				if !strings.Contains(out, "FAIL\t"+e.Package) {
					fmt.Printf("FAIL\t%s\t%.3fs\n", e.Package, e.Elapsed)
				}
			} else {
				fmt.Print(strings.Join(output[key], ""))
			}
			delete(output, key)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(1)
	}
	if len(skipped) > 0 {
		sort.Strings(skipped)
		fmt.Printf("\n%d tests skipped because ../shared is not beside the checkout (CI=true makes them fail instead):\n", len(skipped))
		for _, s := range skipped {
			fmt.Println("  " + s)
		}
	}
	if failed || results == 0 {
		if results == 0 {
			fmt.Println("testsummary: no test results read")
		}
		os.Exit(1)
	}
}
