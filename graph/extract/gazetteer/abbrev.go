package gazetteer

import "strings"

// apStates are the abbreviations American news writes for the states
// after a town ("ORLANDO, Fla.", "Cambridge, Mass."), the AP style, with
// their periods: without them several are words ("Miss", "Wash", "Ore").
// Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are written
// out. Georgia, Washington and New York are left out: the table gives
// their names to the country, the capital and the city.
var apStates = map[string]string{
	"Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
	"Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
	"Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
	"Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
	"Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
	"Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
	"Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
	"N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
	"Ore.": "Oregon", "Pa.": "Pennsylvania", "Penn.": "Pennsylvania", "R.I.": "Rhode Island",
	"S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas",
	"Vt.": "Vermont", "Va.": "Virginia", "W.Va.": "West Virginia",
	"Wis.": "Wisconsin", "Wyo.": "Wyoming",
}

// Abbreviation reports whether a name is one of the abbreviations Entry
// reads as a US state ("Fla."): the state's own name is the one to show.
func Abbreviation(name string) bool {
	_, ok := apStates[strings.TrimSpace(name)]
	return ok
}
