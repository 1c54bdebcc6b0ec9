package names

import "testing"

func TestStripCorporate(t *testing.T) {
	tests := []struct{ in, base, suffix string }{
		{Key("General Motors Corporation"), "general motors", "corporation"},
		{Key("General Motors Corp."), "general motors", "corp"},
		{Key("Apple Inc."), "apple", "inc"},
		{Key("Apple Computer, Incorporated"), "apple computer", "incorporated"},
		{Key("Ford Motor Company"), "ford motor", "company"},
		{Key("Samsung Electronics Co., Ltd."), "samsung electronics", "co ltd"},
		{Key("Yamato Life Insurance Company"), "yamato life insurance", "company"},
		{Key("BAE Systems plc"), "bae systems", "plc"},
		{Key("Volkswagen AG"), "volkswagen", "ag"},
		{Key("Airbus SE"), "airbus", "se"},
		{Key("EADS N.V."), "eads", "nv"},
		{Key("Banco Santander, S.A."), "banco santander", "sa"},
		{Key("Robert Bosch GmbH"), "robert bosch", "gmbh"},
		{Key("Wagner Group"), "wagner group", ""},
		{Key("Adani Holdings"), "adani holdings", ""},
		{Key("Procter & Gamble & Co."), "procter & gamble", "co"},
		{Key("Johnson & Johnson"), "johnson & johnson", ""},
		{Key("Merrill Lynch and Co Inc"), "merrill lynch", "co inc"},
		{Key("Smith and Co"), "smith", "co"},
		{Key("Gazprom PJSC"), "gazprom", "pjsc"},
		{"company", "company", ""},
		{"co ltd", "co ltd", ""},
		{"", "", ""},
		{"mexico", "mexico", ""},
	}
	for _, tt := range tests {
		base, suffix := StripCorporate(tt.in)
		if base != tt.base || suffix != tt.suffix {
			t.Errorf("StripCorporate(%q) = (%q, %q), want (%q, %q)", tt.in, base, suffix, tt.base, tt.suffix)
		}
	}
}

func TestAcronym(t *testing.T) {
	tests := []struct{ in, want string }{
		{"united auto workers", "uaw"},
		{"european union", "eu"},
		{"north atlantic treaty organization", "nato"},
		{"associated press", "ap"},
		{"general motors", "gm"},
		{"institute for the study of war", "isw"},
		{"organization for security and co-operation in europe", "osce"},
		{"international atomic energy agency", "iaea"},
		{"bank of england", "be"},
		{"nato", ""},
		{"the", ""},
		{"of the", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Acronym(tt.in); got != tt.want {
			t.Errorf("Acronym(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsAcronymOf(t *testing.T) {
	yes := [][2]string{
		{"nato", "north atlantic treaty organization"},
		{"eu", "european union"},
		{"un", "united nations"},
		{"us", "united states"},
		{"ap", "associated press"},
		{"afp", "agence france-presse"},
		{"gm", "general motors corporation"},
		{"gm", "general motors"},
		{"uaw", "united auto workers"},
		{"boe", "bank of england"},
		{"sbu", "security service of ukraine"},
		{"fsb", "federal security service"},
		{"isw", "institute for the study of war"},
		{"osce", "organization for security and co-operation in europe"},
		{"who", "world health organization"},
		{"usaf", "united states air force"},
		{"eads", "european aeronautic defence and space company"},
		{"msf", "doctors without borders"},
		{"imf", "international monetary fund"},
	}
	for _, p := range yes {
		if !IsAcronymOf(p[0], p[1]) {
			t.Errorf("IsAcronymOf(%q, %q) = false, want true", p[0], p[1])
		}
	}
	no := [][2]string{
		{"un", "european union"},
		{"nato", "nato"},
		{"gm", "general electric"},
		{"afp", "associated press"},
		{"a", "apple"},
		{"ap", "apple"},
		{"united nations", "united nations"},
		{"", "united nations"},
		{"us", "union"},
	}
	for _, p := range no {
		if IsAcronymOf(p[0], p[1]) {
			t.Errorf("IsAcronymOf(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

// TestAcronymTable checks the embedded table's form: every line a
// one-word acronym and an expansion in Key form.
func TestAcronymTable(t *testing.T) {
	m := knownAcronyms()
	if len(m) < 50 {
		t.Fatalf("table has %d acronyms, want at least 50", len(m))
	}
	for short, exps := range m {
		if Key(short) != short || len(Words(short)) != 1 {
			t.Errorf("acronym %q is not a one-word key", short)
		}
		for _, e := range exps {
			if Key(e) != e || len(Words(e)) < 1 {
				t.Errorf("expansion %q of %q is not in Key form (%q)", e, short, Key(e))
			}
		}
	}
	if got := Expansions("afp"); len(got) == 0 || got[0] != "agence france-presse" {
		t.Errorf("Expansions(afp) = %q", got)
	}
}

func BenchmarkIsAcronymOf(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		IsAcronymOf("nato", "north atlantic treaty organization")
		IsAcronymOf("gm", "general motors corporation")
	}
}
