//go:build race

package ingest

// raceEnabled is true under the race detector, which makes the pipeline
// several times slower: whole-corpus tests take a slice of it then.
const raceEnabled = true
