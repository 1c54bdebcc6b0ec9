package main

import (
	"testing"

	"dateline/graph/extract/ner"
)

func TestParseFeatures(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want ner.FeatureSet
		ok   bool
	}{
		{"", 0, true},
		{"none", 0, true},
		{"orgrun", ner.FeatOrgRun, true},
		{"orgrun, runshape", ner.FeatOrgRun | ner.FeatRunShape, true},
		{"orgrun,bogus", 0, false},
		{"orgrun,casevocab,runname,classes", ner.FeatOrgRun | ner.FeatCaseVocab | ner.FeatRunName | ner.FeatClasses, true},
	} {
		got, err := parseFeatures(tc.in)
		if (err == nil) != tc.ok || tc.ok && got != tc.want {
			t.Errorf("parseFeatures(%q) = %v, %v; want %v (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestTrainNERUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train", "ner", "--features", "bogus"},
		{"train", "ner", "--classes", "many"},
		{"train", "ner", "--cv", "1", "--corpora", t.TempDir()},
	} {
		if r := runCLI(t, nil, args...); r.code == 0 {
			t.Errorf("%v: exit 0, want an error", args)
		}
	}
}
