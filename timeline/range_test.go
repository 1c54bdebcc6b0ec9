package timeline

import (
	"testing"
	"time"
)

func TestRangeContains(t *testing.T) {
	day := func(s string) int64 { return mustParse(t, s).Day() }
	date := func(s string) Date { return mustParse(t, s) }
	tests := []struct {
		name string
		r    Range
		in   []int64
		out  []int64
	}{
		{"zero: every dated day", Range{}, []int64{day("1900-01-01"), day("2022-02-08"), day("2999-12-31")}, []int64{NoDay}},
		{"undated admitted", Range{Undated: true}, []int64{NoDay, day("2022-02-08")}, nil},
		{"months, both inclusive", Range{From: date("2022-02"), To: date("2022-03")},
			[]int64{day("2022-02-01"), day("2022-03-31")}, []int64{day("2022-01-31"), day("2022-04-01"), NoDay}},
		{"a single day", Range{From: date("2022-02-24"), To: date("2022-02-24")},
			[]int64{day("2022-02-24")}, []int64{day("2022-02-23"), day("2022-02-25")}},
		{"open start", Range{To: date("2022")}, []int64{day("1066-10-14"), day("2022-12-31")}, []int64{day("2023-01-01"), NoDay}},
		{"open end", Range{From: date("2022-02-24T10:00Z")}, []int64{day("2022-02-24"), day("2400-01-01")}, []int64{day("2022-02-23")}},
		{"from and undated", Range{From: date("2022"), Undated: true}, []int64{day("2022-01-01")}, []int64{NoDay, day("2021-12-31")}},
	}
	for _, tt := range tests {
		for _, d := range tt.in {
			if !tt.r.Contains(d) {
				t.Errorf("%s: %+v does not contain %v", tt.name, tt.r, FromDay(d))
			}
		}
		for _, d := range tt.out {
			if tt.r.Contains(d) {
				t.Errorf("%s: %+v contains day %d", tt.name, tt.r, d)
			}
		}
	}
}

func TestRangeDays(t *testing.T) {
	feb := At(time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Month)
	first, last := Range{From: feb, To: feb}.Days()
	if FromDay(first).Format("2006-01-02") != "2022-02-01" || FromDay(last).Format("2006-01-02") != "2022-02-28" {
		t.Errorf("February = %v … %v", FromDay(first), FromDay(last))
	}
	if first, _ := (Range{Undated: true}).Days(); first != NoDay {
		t.Errorf("undated range starts at %d, want NoDay", first)
	}
	// NoDay sorts before every real day, the earliest a Date can hold included.
	if first, _ := (Range{}).Days(); first <= NoDay || DayOf(time.Time{}) <= NoDay {
		t.Errorf("NoDay does not sort first")
	}
}
