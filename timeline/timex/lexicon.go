package timex

import "dateline/timeline"

// months maps month names and their usual abbreviations to 1…12. The
// abbreviations "mar", "may", "jun", "jul" need extra evidence (a capital and
// a day or year, or a period) before they count; see monthAt.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps day names and abbreviations to ISO weekday numbers
// (Monday = 1 … Sunday = 7), the form TIMEX3 uses in "XXXX-WXX-1".
var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

// weekdayPlural maps "mondays" etc. for sets ("on Mondays").
var weekdayPlural = map[string]int{
	"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
}

// numberWords are the cardinal numbers written out in news text.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12,
}

// ordinals are the ordinal words used for quarters, halves and days.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30,
}

// unit is a calendar unit a duration or an offset counts in.
type unit struct {
	code string             // the TIMEX3 duration letter(s): Y, M, W, D, H, …
	p    timeline.Precision // the precision a date offset by it is known to
	time bool               // time-of-day unit (hours, minutes, seconds)
	qty  int                // how many of code make one unit (decade = 10 Y)
}

var units = map[string]unit{
	"second": {"S", timeline.Second, true, 1}, "seconds": {"S", timeline.Second, true, 1},
	"minute": {"M", timeline.Minute, true, 1}, "minutes": {"M", timeline.Minute, true, 1},
	"hour": {"H", timeline.Hour, true, 1}, "hours": {"H", timeline.Hour, true, 1},
	"day": {"D", timeline.Day, false, 1}, "days": {"D", timeline.Day, false, 1},
	"night": {"D", timeline.Day, false, 1}, "nights": {"D", timeline.Day, false, 1},
	"week": {"W", timeline.Week, false, 1}, "weeks": {"W", timeline.Week, false, 1},
	"fortnight": {"W", timeline.Week, false, 2},
	"month":     {"M", timeline.Month, false, 1}, "months": {"M", timeline.Month, false, 1},
	"quarter": {"Q", timeline.Quarter, false, 1}, "quarters": {"Q", timeline.Quarter, false, 1},
	"year": {"Y", timeline.Year, false, 1}, "years": {"Y", timeline.Year, false, 1},
	"decade": {"DE", timeline.Decade, false, 1}, "decades": {"DE", timeline.Decade, false, 1},
	"century": {"CE", timeline.Century, false, 1}, "centuries": {"CE", timeline.Century, false, 1},
}

// seasons maps season names to their TIMEX3 codes and first month.
var seasons = map[string]struct {
	code  string
	month int
}{
	"spring": {"SP", 3}, "summer": {"SU", 6}, "fall": {"FA", 9}, "autumn": {"FA", 9}, "winter": {"WI", 12},
}

// partsOfDay maps words for parts of a day to TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
	"overnight": "NI",
}

// zones are fixed UTC offsets, in hours, for the time zones news names.
// City times are the standard (winter) offsets; daylight saving is not
// modelled because the text rarely says which applies.
var zones = map[string]float64{
	"utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
	"ist": 5.5, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "aest": 10,
	"eastern": -5, "central": -6, "mountain": -7, "pacific": -8, "greenwich": 0,
	"moscow": 3, "kyiv": 2, "kiev": 2, "london": 0, "paris": 1, "berlin": 1, "brussels": 1,
	"washington": -5, "beijing": 8, "tokyo": 9, "baghdad": 3, "jerusalem": 2, "tehran": 3.5,
	"nairobi": 3, "local": 0,
}

// futureCues mark a clause as looking forward, which sends a bare weekday or
// month to its next occurrence instead of its last.
var futureCues = map[string]bool{
	"will": true, "would": true, "shall": true, "next": true, "tomorrow": true,
	"scheduled": true, "expected": true, "plans": true, "planning": true, "plan": true, "intends": true, "hopes": true,
	"upcoming": true, "due": true, "coming": true, "until": true, "till": true,
	"ll": true, "going": true, "starting": true, "reconvenes": true, "begins": true,
}

// pastCues mark a clause as reporting something that happened.
var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "last": true,
	"ago": true, "announced": true, "reported": true, "told": true, "yesterday": true,
}
