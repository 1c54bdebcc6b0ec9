package trigger

import "strings"

// stem reduces an inflected English word (lower case) to a "lemma-ish"
// key shared by its forms: irregular verbs and nouns go to their base
// form through a table, then the inflectional ending, a doubled final
// consonant and a final "e" are cut, so that close, closes, closed and
// closing all give "clos", and sold, sells and selling give "sell". The
// key is a feature, not a word to show: it only has to agree across forms.
func stem(w string) string {
	if b, ok := irregular[w]; ok {
		w = b
	}
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies")):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && strings.ContainsRune("sxzh", rune(w[n-3])):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' && w[n-2] != '\'':
		w = w[:n-1]
	}
	n = len(w)
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	} else if n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// irregular maps the irregular forms of common English verbs and nouns to
// their base form.
var irregular = func() map[string]string {
	m := map[string]string{}
	// base, past, past participle (and further forms), space-separated.
	for _, l := range strings.Split(`arise arose arisen
awake awoke awoken
be was were been am is are 're 'm
bear bore borne born
beat beat beaten
become became
begin began begun
bend bent
bet bet
bid bid
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
burst burst
buy bought
cast cast
catch caught
choose chose chosen
cling clung
come came
cost cost
creep crept
cut cut
deal dealt
dig dug
do did done does
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fly flew flown
forbid forbade forbidden
forecast forecast
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone goes
grind ground
grow grew grown
hang hung
have had has 've
hear heard
hide hid hidden
hit hit
hold held
hurt hurt
keep kept
kneel knelt
know knew known
lay laid
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
let let
lie lain
light lit
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
overcome overcame
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
prove proven
put put
quit quit
read read
rebuild rebuilt
repay repaid
rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran
say said says
see saw seen
seek sought
sell sold
send sent
set set
shake shook shaken
shed shed
shine shone
shoot shot
show shown
shrink shrank shrunk
shut shut
sing sang sung
sink sank sunk
sit sat
slay slew slain
sleep slept
slide slid
speak spoke spoken
speed sped
spend spent
spin spun
split split
spread spread
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
strike struck stricken
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
thrust thrust
undergo underwent undergone
understand understood
undertake undertook undertaken
upset upset
uphold upheld
wake woke woken
wear wore worn
weep wept
win won
wind wound
withdraw withdrew withdrawn
withhold withheld
withstand withstood
write wrote written
child children
man men
woman women
person people
foot feet
tooth teeth
mouse mice
crisis crises
analysis analyses
thesis theses`, "\n") {
		fs := strings.Fields(l)
		for _, f := range fs[1:] {
			if _, ok := m[f]; !ok {
				m[f] = fs[0]
			}
		}
	}
	return m
}()
