package cluster

import (
	"context"
	"fmt"
	"testing"
)

// corpus builds sentences in which city names and weekday names fill
// different slots, so that each group shares contexts.
func corpus() [][]string {
	cities := []string{"Moscow", "Kyiv", "Paris", "Berlin", "Warsaw"}
	days := []string{"Monday", "Tuesday", "Friday", "Sunday", "Thursday"}
	var out [][]string
	for i := 0; i < 200; i++ {
		c := cities[i%len(cities)]
		d := days[(i/3)%len(days)]
		out = append(out,
			[]string{"officials", "in", c, "said", "on", d, "that", "talks", "went", "well"},
			[]string{"the", "mayor", "of", c, "arrived", "late", "."},
			[]string{"see", "you", "on", d, "morning", "at", "nine", "."},
		)
	}
	return out
}

func TestLearnGroupsWordsByContext(t *testing.T) {
	c := NewCounter(Options{MinCount: 5, Depth: 8})
	for _, s := range corpus() {
		c.Add(s)
	}
	paths, vocab, err := c.Learn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(vocab) != len(paths) || vocab[0] != "." && vocab[0] != "on" {
		t.Errorf("vocab starts %v, want the most frequent word first", vocab[:3])
	}
	// Length of the common prefix of two paths.
	common := func(a, b string) int {
		pa, pb := paths[a], paths[b]
		n := min(pa.Len, pb.Len)
		for k := 0; k < n; k++ {
			if (pa.Bits>>(pa.Len-1-k))&1 != (pb.Bits>>(pb.Len-1-k))&1 {
				return k
			}
		}
		return n
	}
	if within, across := common("Moscow", "Paris"), common("Moscow", "Monday"); within <= across {
		t.Errorf("Moscow/Paris share %d bits, Moscow/Monday %d: cities should be closer", within, across)
	}
	if within, across := common("Monday", "Friday"), common("Friday", "Berlin"); within <= across {
		t.Errorf("Monday/Friday share %d bits, Friday/Berlin %d: days should be closer", within, across)
	}
}

func TestLearnDeterministic(t *testing.T) {
	run := func() string {
		c := NewCounter(Options{MinCount: 2, Depth: 6})
		for _, s := range corpus() {
			c.Add(s)
		}
		paths, vocab, err := c.Learn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, w := range vocab {
			out += fmt.Sprintf("%s:%b/%d ", w, paths[w].Bits, paths[w].Len)
		}
		return out
	}
	if a, b := run(), run(); a != b {
		t.Errorf("two runs differ:\n%s\n%s", a, b)
	}
}

func TestLearnTooLittle(t *testing.T) {
	c := NewCounter(Options{})
	c.Add([]string{"one", "word"})
	if _, _, err := c.Learn(context.Background()); err == nil {
		t.Error("Learn on two words seen once: want error")
	}
}
