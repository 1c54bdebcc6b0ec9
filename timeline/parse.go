package timeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Parse reads a publication date as news data writes it and keeps the
// precision that was written: "2022" is a Year, "2022-02" and "February
// 2022" are Months, "2022-02-08" and "Feb. 8, 2022" are Days, and a date with
// a time of day is an instant of Minute or Second precision, converted to
// UTC. A time written without a zone is taken to be UTC, because a feed that
// omits the zone gives nothing better to go on.
//
// Accepted forms (surrounding space ignored, month names and zones in any
// case):
//
//	2022 | 2022-02 | 2022-02-08 | 2022/02/08
//	2022-02-08T01:05Z | 2022-02-08T01:05:00.5+03:00 | 2022-02-08 01:05:00 +0300
//	Tue, 08 Feb 2022 10:00:00 GMT (RFC 1123, 1123Z, 822 with a two-digit year)
//	Tuesday, 08-Feb-22 10:00:00 UTC (RFC 850)
//	26-FEB-1987 15:01:01.79 (Reuters-21578)
//	Tue Feb  8 10:00:00 2022 (ANSI C and Unix date)
//	February 8, 2022 | Feb 8, 2022 | Feb. 8th, 2022 | 8 Feb 2022 | 8 February 2022
//	February 2022 | 08.02.2022 (dotted, always day first)
//
// A time may follow the textual forms ("Feb 8, 2022 10:05 AM EST"). Slashed
// dates that do not start with the year ("8/2/2022") are rejected: the
// same text means 8 February in Europe and 2 August in the United States, and
// a wrong date is worse than none. Named zones are limited to the RFC 822
// names and a few common unambiguous ones; "IST" and the like are rejected.
//
// The error names the input.
func Parse(s string) (Date, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return Date{}, fmt.Errorf("timeline: parse date: empty string")
	}
	if len(in) > maxDateLen {
		return Date{}, fmt.Errorf("timeline: parse date %.40q…: longer than %d bytes", in, maxDateLen)
	}
	d, err := parse(in)
	if err != nil {
		return Date{}, fmt.Errorf("timeline: parse date %q: %w", in, err)
	}
	return d, nil
}

// maxDateLen bounds the input: no date form above comes close, and the bound
// keeps a garbage field (a whole article in a date column) cheap to reject.
const maxDateLen = 80

// fields of a date being assembled; -1 marks a part that was not written.
type parts struct {
	year, month, day        int
	hour, min, sec          int
	nsec                    int
	zone                    int // offset east of UTC in seconds
	hasTime, hasSec, hasDay bool
	hasMonth                bool
}

const (
	timePat = `(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`
	ampmPat = `(?:\s*(am|pm|a\.m\.|p\.m\.))?`
	zonePat = `(?:\s*(z|[a-z]{2,5}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?))?`
	// tailPat is an optional time of day after a textual date.
	tailPat = `(?:,?\s+(?:at\s+)?` + timePat + ampmPat + zonePat + `)?`
)

var (
	isoRE = regexp.MustCompile(`(?i)^(\d{4})(?:([-/])(\d{2})(?:[-/](\d{2})(?:(?:t|\s+)` + timePat + zonePat + `)?)?)?$`)
	// ambiguous slashed dates: day and month order unknown.
	slashRE = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4}\b`)
	dotRE   = regexp.MustCompile(`(?i)^(\d{1,2})\.(\d{1,2})\.(\d{4})` + tailPat + `$`)
	weekRE  = regexp.MustCompile(`(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
	dmyRE   = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})` + tailPat + `$`)
	mdyRE   = regexp.MustCompile(`(?i)^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + tailPat + `$`)
	myRE    = regexp.MustCompile(`(?i)^([a-z]{3,9})\.?,?\s+(\d{4})$`)
	ansiRE  = regexp.MustCompile(`(?i)^([a-z]{3,9})\s+(\d{1,2})\s+` + timePat + zonePat + `\s+(\d{4})$`)
)

func parse(in string) (Date, error) {
	if m := isoRE.FindStringSubmatch(in); m != nil {
		return isoDate(m)
	}
	if slashRE.MatchString(in) {
		return Date{}, fmt.Errorf("ambiguous day and month order; write the year first (2022-02-08)")
	}
	if m := dotRE.FindStringSubmatch(in); m != nil {
		p := parts{year: atoi(m[3]), month: atoi(m[2]), day: atoi(m[1]), hasMonth: true, hasDay: true}
		if err := p.tail(m[4:]); err != nil {
			return Date{}, err
		}
		return p.date()
	}
	rest := weekRE.ReplaceAllString(in, "")
	if m := dmyRE.FindStringSubmatch(rest); m != nil {
		mon, ok := monthOf(m[2])
		if !ok {
			return Date{}, fmt.Errorf("unknown month %q", m[2])
		}
		y := atoi(m[3])
		if len(m[3]) == 2 {
			if m[4] == "" {
				return Date{}, fmt.Errorf("two-digit year without a time of day")
			}
			y = twoDigitYear(y)
		}
		p := parts{year: y, month: mon, day: atoi(m[1]), hasMonth: true, hasDay: true}
		if err := p.tail(m[4:]); err != nil {
			return Date{}, err
		}
		return p.date()
	}
	if m := mdyRE.FindStringSubmatch(rest); m != nil {
		mon, ok := monthOf(m[1])
		if !ok {
			return Date{}, fmt.Errorf("unknown month %q", m[1])
		}
		p := parts{year: atoi(m[3]), month: mon, day: atoi(m[2]), hasMonth: true, hasDay: true}
		if err := p.tail(m[4:]); err != nil {
			return Date{}, err
		}
		return p.date()
	}
	if m := myRE.FindStringSubmatch(rest); m != nil {
		mon, ok := monthOf(m[1])
		if !ok {
			return Date{}, fmt.Errorf("unknown month %q", m[1])
		}
		p := parts{year: atoi(m[2]), month: mon, hasMonth: true}
		return p.date()
	}
	if m := ansiRE.FindStringSubmatch(rest); m != nil {
		mon, ok := monthOf(m[1])
		if !ok {
			return Date{}, fmt.Errorf("unknown month %q", m[1])
		}
		p := parts{year: atoi(m[8]), month: mon, day: atoi(m[2]), hasMonth: true, hasDay: true}
		if err := p.tail([]string{m[3], m[4], m[5], m[6], "", m[7]}); err != nil {
			return Date{}, err
		}
		return p.date()
	}
	return Date{}, fmt.Errorf("not a date form Dateline knows (try 2022-02-08 or Feb 8, 2022)")
}

// isoDate assembles a match of isoRE: year, separator, month, day, hour,
// minute, second, fraction, zone.
func isoDate(m []string) (Date, error) {
	p := parts{year: atoi(m[1])}
	if m[3] != "" {
		p.month, p.hasMonth = atoi(m[3]), true
	}
	if m[2] == "/" && m[4] == "" {
		return Date{}, fmt.Errorf("year and month with a slash is not a date form Dateline knows")
	}
	if m[4] != "" {
		p.day, p.hasDay = atoi(m[4]), true
	}
	if m[5] != "" {
		if err := p.tail([]string{m[5], m[6], m[7], m[8], "", m[9]}); err != nil {
			return Date{}, err
		}
	}
	return p.date()
}

// tail fills the time of day from the submatches of timePat, ampmPat and
// zonePat: hour, minute, second, fraction, am/pm, zone.
func (p *parts) tail(m []string) error {
	if len(m) < 6 || m[0] == "" {
		return nil
	}
	p.hasTime = true
	p.hour, p.min = atoi(m[0]), atoi(m[1])
	if m[2] != "" {
		p.sec, p.hasSec = atoi(m[2]), true
	}
	if m[3] != "" {
		frac := m[3] + strings.Repeat("0", 9-len(m[3]))
		p.nsec = atoi(frac)
	}
	if ap := strings.ToLower(strings.ReplaceAll(m[4], ".", "")); ap != "" {
		if p.hour < 1 || p.hour > 12 {
			return fmt.Errorf("hour %d with %s", p.hour, m[4])
		}
		p.hour %= 12
		if ap == "pm" {
			p.hour += 12
		}
	}
	off, err := zoneOffset(m[5])
	if err != nil {
		return err
	}
	p.zone = off
	return nil
}

// date checks the ranges and builds the Date of the written precision.
func (p parts) date() (Date, error) {
	if p.hasMonth && (p.month < 1 || p.month > 12) {
		return Date{}, fmt.Errorf("month %d out of range", p.month)
	}
	if !p.hasMonth {
		return At(time.Date(p.year, 1, 1, 0, 0, 0, 0, time.UTC), Year), nil
	}
	if !p.hasDay {
		return At(time.Date(p.year, time.Month(p.month), 1, 0, 0, 0, 0, time.UTC), Month), nil
	}
	day := time.Date(p.year, time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)
	if p.day < 1 || day.Day() != p.day {
		return Date{}, fmt.Errorf("day %d out of range for %04d-%02d", p.day, p.year, p.month)
	}
	if !p.hasTime {
		return At(day, Day), nil
	}
	if p.hour > 23 || p.min > 59 || p.sec > 59 {
		return Date{}, fmt.Errorf("time %02d:%02d:%02d out of range", p.hour, p.min, p.sec)
	}
	t := time.Date(p.year, time.Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, time.UTC)
	t = t.Add(-time.Duration(p.zone) * time.Second)
	if p.hasSec {
		return At(t, Second), nil
	}
	return At(t, Minute), nil
}

// zones maps the zone names Parse accepts to their offsets in hours. They
// are the RFC 822 names plus common names that mean one offset only.
var zones = map[string]float64{
	"z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
	"akst": -9, "akdt": -8, "hst": -10,
	"bst": 1, "cet": 1, "cest": 2, "west": 1, "eet": 2, "eest": 3, "msk": 3,
	"hkt": 8, "sgt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "acst": 9.5, "awst": 8,
	"nzst": 12, "nzdt": 13,
}

// zoneOffset reads a zone written as a name ("GMT"), a name with an offset
// ("GMT+3", "UTC+03:00") or a bare offset ("+0300", "-05:00", "+03").
func zoneOffset(z string) (int, error) {
	z = strings.ToLower(strings.TrimSpace(z))
	if z == "" {
		return 0, nil
	}
	name := z
	off := ""
	if i := strings.IndexAny(z, "+-"); i >= 0 {
		name, off = strings.TrimSpace(z[:i]), z[i:]
	}
	base := 0
	if name != "" {
		h, ok := zones[name]
		if !ok {
			return 0, fmt.Errorf("unknown time zone %q", name)
		}
		if off != "" && name != "utc" && name != "gmt" && name != "ut" {
			return 0, fmt.Errorf("offset after zone %q", name)
		}
		base = int(h * 3600)
	}
	if off == "" {
		return base, nil
	}
	sign := 1
	if off[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(off[1:], ":", "")
	var h, m int
	switch len(digits) {
	case 1, 2:
		h = atoi(digits)
	case 3, 4:
		h, m = atoi(digits[:len(digits)-2]), atoi(digits[len(digits)-2:])
	default:
		return 0, fmt.Errorf("bad zone offset %q", off)
	}
	if h > 14 || m > 59 {
		return 0, fmt.Errorf("zone offset %q out of range", off)
	}
	return base + sign*(h*3600+m*60), nil
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthOf reads a full month name, its three-letter abbreviation or "Sept".
func monthOf(s string) (int, bool) {
	m, ok := monthNames[strings.ToLower(s)]
	return m, ok
}

// twoDigitYear follows Go's time package and RFC 822 practice: 69–99 are
// 1969–1999, 00–68 are 2000–2068.
func twoDigitYear(y int) int {
	if y >= 69 {
		return 1900 + y
	}
	return 2000 + y
}

// atoi converts a string the regular expressions have already checked to be
// at most nine digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
