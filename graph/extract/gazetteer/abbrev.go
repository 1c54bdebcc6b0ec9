package gazetteer

import (
	"strings"

	"dateline/graph/names"
)

// usStateList is the fifty states, each with its postal code and its AP
// style abbreviation ("" where the AP writes the name in full).
var usStateList = [...][3]string{
	{"Alabama", "AL", "Ala."}, {"Alaska", "AK", ""}, {"Arizona", "AZ", "Ariz."}, {"Arkansas", "AR", "Ark."},
	{"California", "CA", "Calif."}, {"Colorado", "CO", "Colo."}, {"Connecticut", "CT", "Conn."}, {"Delaware", "DE", "Del."},
	{"Florida", "FL", "Fla."}, {"Georgia", "GA", "Ga."}, {"Hawaii", "HI", ""}, {"Idaho", "ID", ""}, {"Illinois", "IL", "Ill."},
	{"Indiana", "IN", "Ind."}, {"Iowa", "IA", ""}, {"Kansas", "KS", "Kan."}, {"Kentucky", "KY", "Ky."}, {"Louisiana", "LA", "La."},
	{"Maine", "ME", ""}, {"Maryland", "MD", "Md."}, {"Massachusetts", "MA", "Mass."}, {"Michigan", "MI", "Mich."},
	{"Minnesota", "MN", "Minn."}, {"Mississippi", "MS", "Miss."}, {"Missouri", "MO", "Mo."}, {"Montana", "MT", "Mont."},
	{"Nebraska", "NE", "Neb."}, {"Nevada", "NV", "Nev."}, {"New Hampshire", "NH", "N.H."}, {"New Jersey", "NJ", "N.J."},
	{"New Mexico", "NM", "N.M."}, {"New York", "NY", "N.Y."}, {"North Carolina", "NC", "N.C."}, {"North Dakota", "ND", "N.D."},
	{"Ohio", "OH", ""}, {"Oklahoma", "OK", "Okla."}, {"Oregon", "OR", "Ore."}, {"Pennsylvania", "PA", "Pa."},
	{"Rhode Island", "RI", "R.I."}, {"South Carolina", "SC", "S.C."}, {"South Dakota", "SD", "S.D."}, {"Tennessee", "TN", "Tenn."},
	{"Texas", "TX", ""}, {"Utah", "UT", ""}, {"Vermont", "VT", "Vt."}, {"Virginia", "VA", "Va."}, {"Washington", "WA", "Wash."},
	{"West Virginia", "WV", "W.Va."}, {"Wisconsin", "WI", "Wis."}, {"Wyoming", "WY", "Wyo."},
}

// apStates maps the AP's abbreviations of the states, and the older forms
// news still writes, to the states' names. They keep their periods:
// without them several are words ("Miss", "Wash", "Ore").
var apStates = func() map[string]string {
	out := map[string]string{"Cal.": "California", "Tex.": "Texas", "Kans.": "Kansas", "Nebr.": "Nebraska", "Penn.": "Pennsylvania"}
	for _, st := range usStateList {
		if st[2] != "" {
			out[st[2]] = st[0]
		}
	}
	return out
}()

// usStateShort maps the states' postal codes and abbreviations to their
// names.
var usStateShort = func() map[string]string {
	out := map[string]string{}
	for k, v := range apStates {
		out[k] = v
	}
	for _, st := range usStateList {
		out[st[1]] = st[0]
	}
	return out
}()

// usStates holds the states' name keys.
var usStates = func() map[string]bool {
	out := map[string]bool{}
	for _, st := range usStateList {
		out[names.Key(st[0])] = true
	}
	return out
}()

// USState returns the state a postal code or an abbreviation stands for,
// as datelines write them after a town ("Durham, N.C.", "Vinita, OK").
// Codes count only in capitals: "OK" is a word too.
func USState(short string) (string, bool) {
	name, ok := usStateShort[short]
	return name, ok
}

// IsUSState reports whether a name is a US state's: "Georgia" after a
// town in the US is the state, not the country.
func IsUSState(name string) bool { return usStates[names.Key(name)] }

// Abbreviation reports whether a name is one of the abbreviations Entry
// reads as a US state ("Fla."): the state's own name is the one to show.
func Abbreviation(name string) bool {
	_, ok := apStates[strings.TrimSpace(name)]
	return ok
}

// apStatesUpper is apStates keyed by the abbreviations in capitals.
var apStatesUpper = func() map[string]string {
	out := make(map[string]string, len(apStates))
	for abbr, full := range apStates {
		out[strings.ToUpper(abbr)] = full
	}
	return out
}()

// apState returns the state an AP abbreviation names, also where the
// table gives the state's bare name to another place ("Georgia" to the
// country, "Washington" to the capital and "New York" to the city: "Ga.",
// "Wash." and "N.Y." are still the states).
func (t *Table) apState(w string) (Entry, bool) {
	full, ok := apStates[w]
	if !ok && len(w) > 2 && strings.HasSuffix(w, ".") && w == strings.ToUpper(w) {
		// A dateline in capitals: "MYSTIC, CONN.", "BOSTON, MASS."
		full, ok = apStatesUpper[w]
	}
	if !ok {
		return Entry{}, false
	}
	return t.usState(full)
}

// usState returns the US state of a name, the first-level region,
// whatever place the table gives the bare name to.
func (t *Table) usState(name string) (Entry, bool) {
	k := normalise(name)
	if i, ok := t.byName[k]; ok && t.entries[i].Kind == Region && t.entries[i].Geo.Country == "US" {
		return t.entries[i], true
	}
	for _, i := range t.towns[k] {
		if e := t.entries[i]; e.Kind == Region && e.Geo.Country == "US" {
			return e, true
		}
	}
	return Entry{}, false
}
