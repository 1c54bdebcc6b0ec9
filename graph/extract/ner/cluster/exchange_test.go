package cluster

import (
	"context"
	"fmt"
	"testing"
)

func TestExchangeGroupsWordsByContext(t *testing.T) {
	c := NewCounter(Options{})
	for _, s := range corpus() {
		c.Add(s)
	}
	classes, vocab, err := c.Exchange(context.Background(), ExchangeOptions{Classes: 4, MinCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(vocab) != len(classes) {
		t.Fatalf("%d words, %d classes", len(vocab), len(classes))
	}
	for _, g := range [][]string{{"Moscow", "Kyiv", "Paris", "Berlin", "Warsaw"}, {"Monday", "Tuesday", "Friday", "Sunday", "Thursday"}} {
		for _, w := range g[1:] {
			if classes[w] != classes[g[0]] {
				t.Errorf("%s in class %d, %s in %d: want one class", w, classes[w], g[0], classes[g[0]])
			}
		}
	}
	if classes["Moscow"] == classes["Monday"] {
		t.Errorf("cities and days share class %d", classes["Moscow"])
	}
}

func TestExchangeDeterministic(t *testing.T) {
	run := func() string {
		c := NewCounter(Options{})
		for _, s := range corpus() {
			c.Add(s)
		}
		classes, vocab, err := c.Exchange(context.Background(), ExchangeOptions{Classes: 3, MinCount: 2})
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, w := range vocab {
			out += fmt.Sprintf("%s=%d ", w, classes[w])
		}
		return out
	}
	if a, b := run(), run(); a != b {
		t.Errorf("two runs differ:\n%s\n%s", a, b)
	}
}

func TestExchangeTooFewWords(t *testing.T) {
	c := NewCounter(Options{})
	c.Add([]string{"a", "b", "a", "b"})
	if _, _, err := c.Exchange(context.Background(), ExchangeOptions{Classes: 4, MinCount: 2}); err == nil {
		t.Error("want an error for 2 words and 4 classes")
	}
}
