package semeval

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRead checks that Read never panics and that whatever it accepts is
// written back to a timeline that scores perfectly against it.
func FuzzRead(f *testing.F) {
	f.Add("Airbus\n0\tXXXX-XX-XX\t1173-12-owned\n3\t2005-01-18\t3307-0-launches\t3307-2-unveiled\n")
	f.Add("X\n1\t2003\t4764-11-out-sold\n1\t2003-09\t1-2-job_cuts\n")
	f.Add("X\n2\tXXX-XX-XX\t1-1-a\t\t2007-3-19\n")
	f.Fuzz(func(t *testing.T, in string) {
		tl, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := Write(&b, tl); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&b)
		if err != nil {
			t.Fatalf("written timeline does not read back: %v\n%s", err, b.String())
		}
		c := Score(tl, again)
		if c.SystemHit != c.System || c.GoldHit != c.Gold {
			t.Fatalf("read back scores %+v", c)
		}
	})
}
