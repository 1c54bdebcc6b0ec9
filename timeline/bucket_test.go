package timeline

import (
	"fmt"
	"strings"
	"testing"
)

func mustParse(t *testing.T, s string) Date {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBuckets(t *testing.T) {
	// Days out of order, across a month and an ISO week boundary
	// (2022-02-27 is a Sunday, 2022-02-28 a Monday).
	days := []string{"2022-03-01", "2022-02-27", "2022-02-24", "2022-02-28", "2022-02-24"}
	tests := []struct {
		p    Precision
		want string
	}{
		{Day, "2022-02-24:2 2022-02-27:1 2022-02-28:1 2022-03-01:1"},
		{Week, "2022-W08:3 2022-W09:2"},
		{Month, "2022-02:4 2022-03:1"},
	}
	for _, tt := range tests {
		b := NewBuckets(tt.p)
		for _, s := range days {
			b.At(mustParse(t, s).Day()).Events++
		}
		b.At(mustParse(t, "2022-02-24").Day()).Quotes++
		var got []string
		quotes := int64(0)
		for _, bk := range b.List() {
			if bk.Date.Precision != tt.p {
				t.Errorf("%s: bucket %s has precision %s", tt.p, bk.Date, bk.Date.Precision)
			}
			got = append(got, fmt.Sprintf("%s:%d", bk.Date, bk.Events))
			quotes += bk.Quotes
		}
		if strings.Join(got, " ") != tt.want || quotes != 1 {
			t.Errorf("%s buckets = %v (%d quotes), want %s (1 quote)", tt.p, got, quotes, tt.want)
		}
	}
}

func TestBucketsAtNoDayPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("At(NoDay) did not panic")
		}
	}()
	NewBuckets(Day).At(NoDay)
}

func TestParseBucket(t *testing.T) {
	for name, want := range map[string]Precision{"day": Day, "week": Week, "month": Month} {
		if got, err := ParseBucket(name); got != want || err != nil {
			t.Errorf("ParseBucket(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
	for _, name := range []string{"", "year", "Day", "quarter"} {
		if _, err := ParseBucket(name); err == nil {
			t.Errorf("ParseBucket(%q) succeeded", name)
		}
	}
}

func TestKnownAt(t *testing.T) {
	feb8 := mustParse(t, "2022-02-08")
	tests := []struct {
		pub, at Date
		want    bool
	}{
		{feb8, Date{}, true},
		{Date{}, Date{}, true},
		{Date{}, feb8, false},
		{mustParse(t, "2022-02-08T23:59Z"), feb8, true},
		{mustParse(t, "2022-02-09"), feb8, false},
		{mustParse(t, "2022-02-28"), mustParse(t, "2022-02"), true},
		{mustParse(t, "2022-02-08T10:00Z"), mustParse(t, "2022-02-08T09:30Z"), false},
	}
	for _, tt := range tests {
		if got := KnownAt(tt.pub, tt.at); got != tt.want {
			t.Errorf("KnownAt(%s, %s) = %v, want %v", tt.pub, tt.at, got, tt.want)
		}
	}
}

func TestRangeUntil(t *testing.T) {
	tests := []struct {
		r    Range
		at   string
		want string // the resulting To
	}{
		{Range{}, "", ""},
		{Range{}, "2022-02-10", "2022-02-10"},
		{Range{To: mustParse(t, "2022-03")}, "2022-02-10", "2022-02-10"},
		{Range{To: mustParse(t, "2022-02")}, "2022-02-10", "2022-02-10"}, // at ends inside To's month
		{Range{To: mustParse(t, "2022-02-05")}, "2022-02-10", "2022-02-05"},
		{Range{To: mustParse(t, "2022-02")}, "2022", "2022-02"},
	}
	for _, tt := range tests {
		var at Date
		if tt.at != "" {
			at = mustParse(t, tt.at)
		}
		if got := tt.r.Until(at).To.String(); got != tt.want {
			t.Errorf("%+v.Until(%s).To = %s, want %s", tt.r, tt.at, got, tt.want)
		}
	}
}
