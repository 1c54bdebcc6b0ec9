package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reutersBody is the body of a Reuters-21578 story (reut2-000.sgm,
// "Hong Kong Firm Ups Wrather Stake To 11 Pct"), wrapped as the corpus
// has it.
const reutersBody = `Hong Kong Firm Ups Wrather<Wco> Stake To 11 Pct

Industrial Equity (Pacific) Ltd, a
Hong Kong investment firm, said it raised its stake in Wrather
Corp to 816,000 shares, or 11.3 pct of the total outstanding
common stock, from 453,300 shares, or 6.3 pct.
    In a filing with the Securities and Exchange Commission,
Industrial Equity, which is principally owned by Brierley
Investments Ltd, a publicly held New Zealand company, said it
bought 362,700 Wrather common shares between Feb 13 and 24 for
6.6 mln dlrs.
    When it first disclosed its stake in Wrather earlier this
month, it said it bought the stock for investment purposes.
 Reuter
`

func TestUnwrap(t *testing.T) {
	got := unwrap(reutersBody)
	want := []string{
		"Hong Kong Firm Ups Wrather<Wco> Stake To 11 Pct",
		"",
		"Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, said it raised its stake in Wrather Corp to 816,000 shares, or 11.3 pct of the total outstanding common stock, from 453,300 shares, or 6.3 pct.",
		"    In a filing with the Securities and Exchange Commission, Industrial Equity, which is principally owned by Brierley Investments Ltd, a publicly held New Zealand company, said it bought 362,700 Wrather common shares between Feb 13 and 24 for 6.6 mln dlrs.",
		"    When it first disclosed its stake in Wrather earlier this month, it said it bought the stock for investment purposes.",
		" Reuter",
		"",
	}
	if g := strings.Split(got, "\n"); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("unwrap gave\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	// One paragraph a line (the team's sample article), and a short list
	// whose lines are near one width, are left as they are.
	sample, err := os.ReadFile(filepath.Join("..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	list := "What was agreed:\n- a ceasefire along the line of contact from Monday\n- the exchange of all prisoners of war by Friday\n- talks in Minsk on the status of the Donbas\n- a monitoring mission of the OSCE in both regions\n"
	for _, s := range []string{string(sample), list} {
		if got := unwrap(s); got != s {
			t.Errorf("unwrap changed a text that is not wrapped:\n%s\n→\n%s", s, got)
		}
	}
}
