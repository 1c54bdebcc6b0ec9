package timeline

import (
	"fmt"
	"sort"
)

// Bucket is one period of a timeline and what happened in it: the counts a
// timeline view draws as bars. Mentions and articles are counted on the
// day they were published, events and quotes on the day they are placed
// on.
type Bucket struct {
	Date     Date // the period, at the precision of its Buckets
	Mentions int64
	Articles int64
	Events   int64
	Quotes   int64
}

// Buckets gathers counts into the periods of one precision (days, weeks or
// months), whatever order the days come in. It is the one place the CLI's
// timeline, the explorer's timelines and their lanes count by period.
type Buckets struct {
	prec Precision
	by   map[int64]*Bucket // by the first day of the period
}

// NewBuckets returns empty buckets of precision p.
func NewBuckets(p Precision) *Buckets {
	return &Buckets{prec: p, by: map[int64]*Bucket{}}
}

// At returns the bucket of the period day falls in (a day number, see
// DayOf), adding it empty the first time. It panics on NoDay: an undated
// fact has no period, and callers leave undated facts out of a timeline.
func (b *Buckets) At(day int64) *Bucket {
	if day == NoDay {
		panic("timeline: Buckets.At(NoDay): an undated fact has no period")
	}
	d := At(FromDay(day), b.prec)
	k := d.Day()
	bk := b.by[k]
	if bk == nil {
		bk = &Bucket{Date: d}
		b.by[k] = bk
	}
	return bk
}

// List returns the buckets that were touched, in date order.
func (b *Buckets) List() []Bucket {
	out := make([]Bucket, 0, len(b.by))
	for _, bk := range b.by {
		out = append(out, *bk)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// ParseBucket reads the name of a bucket size a timeline counts by: "day",
// "week" or "month".
func ParseBucket(name string) (Precision, error) {
	switch name {
	case "day":
		return Day, nil
	case "week":
		return Week, nil
	case "month":
		return Month, nil
	}
	return Unknown, fmt.Errorf("timeline: bucket %q: want day, week or month", name)
}

// KnownAt reports whether something published on published had been
// published by at, that is before at's period ends. With a zero at
// everything is known; with a non-zero at nothing undated is.
func KnownAt(published, at Date) bool {
	return at.IsZero() || (!published.IsZero() && published.Start.Before(at.End()))
}
