package event

import "strings"

// Event categories, in the spirit of CAMEO's top-level codes. Each comment
// lists the trigger words (with their inflections) that produce it; the
// lexicon below is the authority.
const (
	// Statement: say, stated, declare, announce, tell, inform, stress,
	// emphasise, note; nominal: statement, declaration, announcement,
	// address, speech. Only with a named speaker or addressee.
	Statement = "statement"
	// Meeting (consultation): meet, visit, talk with, discuss;
	// nominal: meeting, talks, summit, visit, negotiations, consultations,
	// telephone/phone conversation, telephone/phone/video call,
	// exchange of views.
	Meeting = "meeting"
	// Agreement: sign, agree, ratify; nominal: agreement, treaty, deal,
	// accord, memorandum.
	Agreement = "agreement"
	// Cooperation: cooperate, recognise (independence), establish
	// relations, join forces; nominal cooperation or partnership after a
	// verb that starts, deepens or strengthens it.
	Cooperation = "cooperation"
	// ReduceRelations (CAMEO "reduce relations"): sever or break off
	// relations, expel diplomats, recall an ambassador.
	ReduceRelations = "reduce_relations"
	// Demand: demand, urge, call on, call for, appeal to; nominal:
	// demand, ultimatum.
	Demand = "demand"
	// Threat: threaten, warn; nominal: threat(s) only after a verb that
	// issues them.
	Threat = "threat"
	// MilitaryPosture: deploy, redeploy, amass, mass troops, mobilise,
	// withdraw troops; nominal: deployment, build-up, mobilisation, drills,
	// (military) exercises.
	MilitaryPosture = "military_posture"
	// Force (use of conventional military force): attack, strike, shell,
	// bomb, invade, occupy, seize, capture, fire missiles; nominal:
	// invasion, attack, strike(s), shelling, bombing, bombardment, air
	// strike, missile strike, special military operation; "war",
	// "offensive", "aggression" and "military operation" only after a verb
	// that starts or wages them (launched, began, unleashed, waged,
	// carried out).
	Force = "force"
	// Sanctions: sanctioned, embargoed, freeze/froze assets; nominal:
	// sanctions, embargo, asset freeze.
	Sanctions = "sanctions"
	// Protest: protest, rally, demonstrate; nominal: protest, rally,
	// demonstration.
	Protest = "protest"
	// Arrest: arrest, detain, jail, imprison; nominal: arrest, detention.
	Arrest = "arrest"
	// Election: elect, re-elect, vote; nominal: election, vote,
	// referendum, ballot.
	Election = "election"
	// Casualties: kill, die, wound, injure; nominal: casualties, death
	// toll, deaths.
	Casualties = "casualties"
	// Aid: supply or deliver weapons or arms; nominal: aid, assistance,
	// humanitarian corridor(s), military aid.
	Aid = "aid"
)

// Categories lists the categories in display order.
var Categories = []string{Statement, Meeting, Agreement, Cooperation, ReduceRelations, Demand, Threat,
	MilitaryPosture, Force, Sanctions, Protest, Arrest, Election, Casualties, Aid}

// entry is one trigger of the lexicon: a phrase of one or more lower-case
// words, what it means and how it may be used.
type entry struct {
	words    []string // the phrase, lower case, matched token by token
	category string
	verb     bool // may be used as a verb
	noun     bool // may be used as a noun
	light    bool // a noun that is an event only after a light verb ("launched a war")
	strong   bool // names its event so clearly that it needs no clause participant
	object   map[string]bool
	// object, when set, is a word that must follow within a few tokens
	// ("amassed … troops", "supplied … weapons").
}

// lexicon maps the first word of every trigger to its entries, longest
// phrase first so that "special military operation" wins over nothing and
// "phone conversation" over "phone".
type lexicon map[string][]*entry

// triggers is the lexicon. It is built once from the table below and only
// read afterwards, so Find stays safe for concurrent use.
var triggers = buildLexicon()

// forms adds each comma-separated phrase of list with the given flags.
func (l lexicon) add(cat, flags, list string, object ...string) {
	var obj map[string]bool
	if len(object) > 0 {
		obj = map[string]bool{}
		for _, o := range object {
			obj[o] = true
		}
	}
	for _, p := range strings.Split(list, ",") {
		ws := strings.Fields(p)
		if len(ws) == 0 {
			continue
		}
		e := &entry{words: ws, category: cat, object: obj,
			verb:   strings.Contains(flags, "v"),
			noun:   strings.Contains(flags, "n"),
			light:  strings.Contains(flags, "l"),
			strong: strings.Contains(flags, "s")}
		es := append(l[ws[0]], e)
		// Longest phrase first.
		for i := len(es) - 1; i > 0 && len(es[i].words) > len(es[i-1].words); i-- {
			es[i], es[i-1] = es[i-1], es[i]
		}
		l[ws[0]] = es
	}
}

// buildLexicon writes down the triggers. Flags: v verb, n noun, l noun that
// needs a light verb, s strong (see entry).
func buildLexicon() lexicon {
	l := lexicon{}
	troops := []string{"troops", "forces", "soldiers", "servicemen", "units", "tanks", "troop", "military", "army", "equipment", "weapons", "missiles", "warships"}
	weapons := []string{"weapons", "arms", "ammunition", "weaponry", "missiles", "tanks", "equipment", "aid", "assistance", "javelins", "stingers", "drones", "artillery"}

	l.add(Statement, "v", "say, says, said, stated, declare, declares, declared, announce, announces, announced, "+
		"tell, tells, told, inform, informs, informed, stress, stresses, stressed, emphasise, emphasised, emphasises, "+
		"emphasize, emphasized, emphasizes, note, notes, noted, underline, underlined, underlines")
	l.add(Statement, "n", "statement, statements, declaration, announcement, speech, address, remarks")

	l.add(Meeting, "v", "meet, meets, met, visit, visits, visited, visiting, discuss, discusses, discussed, "+
		"talk with, talked with, talk to, talked to, spoke with, speak with, spoke to, speaks with, negotiate, negotiated")
	l.add(Meeting, "n", "meeting, meetings, talks, summit, visit, visits, negotiations, consultations, "+
		"telephone conversation, phone conversation, telephone call, phone call, video call, video conference, "+
		"videoconference, exchange of views, phone talks, telephone talks")

	l.add(Agreement, "v", "sign, signs, signed, agree, agrees, agreed, ratify, ratifies, ratified")
	l.add(Agreement, "n", "agreement, agreements, treaty, treaties, deal, accord, accords, memorandum, signing")

	l.add(Cooperation, "v", "cooperate, cooperates, cooperated, co-operate, co-operated, recognise, recognised, recognises, "+
		"recognize, recognized, recognizes, join forces, joined forces")
	l.add(Cooperation, "nl", "cooperation, partnership, diplomatic relations")

	l.add(ReduceRelations, "v", "sever, severs, severed, break off, broke off, expel, expels, expelled, recall, recalled")

	l.add(Demand, "v", "demands, demanded, urge, urges, urged, call on, calls on, called on, call upon, called upon, "+
		"call for, calls for, called for, appeal to, appealed to, appeals to")
	l.add(Demand, "n", "ultimatum, demands")

	l.add(Threat, "v", "threaten, threatens, threatened, warn, warns, warned")
	l.add(Threat, "nl", "threat, threats")

	l.add(MilitaryPosture, "v", "deploy, deploys, deployed, redeploy, redeployed, amass, amasses, amassed, amassing, "+
		"mobilise, mobilised, mobilises, mobilize, mobilized, mobilizes")
	l.add(MilitaryPosture, "v", "mass, massed, massing, withdraw, withdraws, withdrew, withdrawn, pulled back, pull back, moved", troops...)
	l.add(MilitaryPosture, "n", "deployment, deployments, build-up, buildup, mobilisation, mobilization, drills, "+
		"military exercises, military drills, naval drills, joint exercises, war games, troop build-up, troop withdrawal, "+
		"withdrawal of troops, military build-up")
	l.add(MilitaryPosture, "nl", "exercises, exercise")

	l.add(Force, "v", "attack, attacks, attacked, attacking, shelled, bombed, bombing, "+
		"invade, invades, invaded, invading, occupy, occupies, occupied, seize, seized, seizes, capture, captured, captures, "+
		"struck, strike, strikes, striking, shoot down, shot down, fired on, opened fire, besiege, besieged, storm, stormed")
	l.add(Force, "v", "fire, fires, fired, launch, launches, launched", "missiles", "missile", "rockets", "rocket", "shells", "artillery")
	l.add(Force, "n", "invasion, attack, attacks, strike, strikes, airstrike, airstrikes, air strike, air strikes, missile strike, "+
		"missile strikes, missile attack, missile attacks, rocket attack, rocket attacks, shelling, shellings, bombing, bombings, "+
		"bombardment, air raid, air raids, assault, incursion, airstrike")
	l.add(Force, "ns", "special military operation, full-scale invasion")
	l.add(Force, "nl", "war, offensive, aggression, military operation, military aggression, operation, hostilities, fire")

	l.add(Sanctions, "v", "sanctioned, embargoed")
	l.add(Sanctions, "v", "freeze, freezes, froze, frozen", "assets", "reserves", "accounts")
	l.add(Sanctions, "n", "sanctions, embargo, sanctions package, asset freeze")

	l.add(Protest, "v", "protest, protests, protested, rally, rallied, rallies, demonstrate, demonstrated, demonstrates")
	l.add(Protest, "n", "protest, protests, rally, rallies, demonstration, demonstrations")

	l.add(Arrest, "v", "arrest, arrests, arrested, detain, detains, detained, jail, jailed, imprison, imprisoned")
	l.add(Arrest, "n", "arrest, arrests, detention")

	l.add(Election, "v", "elect, elects, elected, re-elect, re-elected, vote, votes, voted")
	l.add(Election, "n", "election, elections, vote, referendum, ballot, presidential election, parliamentary elections")

	l.add(Casualties, "v", "kill, kills, killed, die, dies, died, wound, wounded, injure, injured")
	l.add(Casualties, "n", "casualties, death toll, deaths")

	l.add(Aid, "v", "supply, supplies, supplied, supplying, deliver, delivers, delivered, send, sends, sent, provide, provides, provided", weapons...)
	l.add(Aid, "n", "aid, assistance, humanitarian corridor, humanitarian corridors, military aid, military assistance, humanitarian aid")
	return l
}

// lightVerbs turn a following noun trigger into an event with a subject:
// "authorised the deployment", "held talks", "launched a war".
var lightVerbs = set("hold, holds, held, holding, host, hosts, hosted, have, has, had, having, conduct, conducts, conducted, conducting, " +
	"launch, launches, launched, launching, begin, begins, began, begun, start, starts, started, " +
	"authorise, authorised, authorises, authorize, authorized, authorizes, order, orders, ordered, approve, approves, approved, " +
	"announce, announces, announced, impose, imposes, imposed, introduce, introduced, introduces, declare, declares, declared, " +
	"stage, staged, stages, organise, organised, organize, organized, make, makes, made, give, gives, gave, " +
	"unleash, unleashed, wage, waged, wages, waging, mount, mounted, open, opened, develop, developing, developed, " +
	"carry, carried, carries, carrying, continue, continues, continued, resume, resumed, issue, issued, issues, " +
	"deliver, delivered, delivers, provide, provided, provides, send, sent, sends, " +
	"strengthen, strengthened, deepen, deepened, expand, expanded, establish, established, commit, committed, " +
	"escalate, escalated, step, stepped, intensify, intensified, join, joined, sign, signed, signs, reach, reached")

// compound are the nouns that, after a noun trigger, make it a modifier
// rather than an event: "attack weapons", "meeting places".
var compound = set("systems, system, weapons, helicopters, helicopter, aircraft, drones, drone, capabilities, capability, " +
	"groups, group, potential, plans, plan, attempts, attempt, places, place, room, rooms, format, participants, " +
	"forces, force, units, unit, zone, zones, lists, list, regime, regimes, policy, pressure, mechanism, mechanisms, " +
	"document, documents, materials, rhetoric, threat, threats, risk, risks, campaign, hall, capacity")

// vetoes are words that, shortly after a trigger, show it means something
// else: signing a decree or a law is not an agreement.
var vetoes = map[string]map[string]bool{
	Agreement: set("decree, decrees, law, laws, bill, bills, order, orders, resolution, resolutions, book, condolence, petition, edict"),
	Election:  set("confidence"),
}

// hardCompound are the nouns that make even a verb-looking trigger a
// modifier: "attack helicopters", "strike systems".
var hardCompound = set("systems, system, weapons, helicopters, helicopter, aircraft, drones, drone, capabilities, " +
	"capability, potential, plans, attempts, places, rhetoric, vehicles, submarines, craft")

// bridges are the words that may stand between a subject and its verb.
var bridges = set("has, have, had, is, are, was, were, be, been, being, will, would, shall, also, already, then, " +
	"further, again, now, today, yesterday, tonight, reportedly, jointly, personally, 's, ’s, -, and, once, just, " +
	"still, even, first, finally, recently, previously, earlier, later, soon, together, both, all, subsequently")

// signs are the light verbs that make any document signed an agreement.
var signs = set("sign, signs, signed, signing")

// be are the auxiliaries that make a following participle passive.
var be = set("is, are, was, were, be, been, being, get, got, gets")

// hypothetical words before a trigger in its clause make it not an event:
// negation, modality, denial, intention ("could act", "no plans to",
// "deny … invading", "avoid a war").
var hypothetical = set("not, n't, never, no, neither, nor, could, would, might, may, should, must, can, cannot, " +
	"deny, denies, denied, denying, refuse, refuses, refused, avoid, avoided, avoiding, prevent, prevented, " +
	"plan, plans, planning, intend, intends, intention, ready, readiness, willing, want, wants, hope, hopes, hoped, " +
	"possible, possibility, potential, likely, unlikely, risk, prepare, preparations, threat, fear, fears, feared, " +
	"allegedly, rumours, rumors, prospect, whether, if, unless, lest, any")

// future words block only the categories that are predictions rather than
// schedules: "will meet on Monday" is on the calendar, "will invade" is not.
var future = set("will, shall, 'll, going")

// scheduled are the categories a future clause may still announce: plans
// and commitments rather than predictions.
var scheduled = set(Meeting + ", " + Agreement + ", " + Election + ", " + Statement + ", " + Aid + ", " + Sanctions + ", " + Cooperation)

// infinitiveOK are the words that, before "to", make the infinitive
// a report of something done: "began to shell", "decision to launch",
// "went on to say".
var infinitiveOK = set("began, begun, begin, begins, started, start, starts, continue, continued, continues, proceeded, " +
	"managed, on, decision, decided, decides, ordered, order, orders, went")

// clauseWords start a new clause: complementisers, relatives,
// subordinators and coordinators. "and"/"or" are handled apart.
var clauseWords = set("that, which, who, whom, whose, where, when, while, whereas, because, although, though, " +
	"if, unless, whether, as, but, how, why, what, after, before, since, until, despite, lest, so, yet, however, " +
	"meanwhile, whereby")

// relatives are the clause words that stand for the noun before them
// ("the Russian Federation, which attacked"), making it the subject.
var relatives = set("which, who, that")

// determiners and other words that may sit between a light verb or a
// preposition and the noun it governs.
var determiners = set("the, a, an, this, that, these, those, its, their, his, her, our, my, your, new, " +
	"another, any, some, several, first, second, third, latest, fresh, further, large-scale, massive, " +
	"full-scale, major, joint, brutal, unprovoked, treacherous, urgent, two, three, all")

// adjectival marks a participle used as an adjective when it follows one
// of these: "the occupied Crimea", "its attacked cities".
var adjectival = set("the, a, an, this, these, those, its, their, his, her, our, my, your, temporarily, newly, illegally")

// locative prepositions introduce where something happened.
var locative = set("in, at, to, near, from, into, across, along, around, throughout, inside, within, outside, " +
	"towards, toward, over, off, onto, through, via, of, under, beyond, behind")

// prepositions make the noun that follows an oblique rather than a
// subject or object.
var prepositions = set("in, at, to, near, from, into, across, along, around, throughout, inside, within, outside, " +
	"towards, toward, over, off, onto, through, via, of, under, beyond, behind, with, for, by, on, against, " +
	"about, between, among, amid, during, after, before, following, like, than, without, per, upon, despite")

// passPP are the prepositions whose phrase may stand between a trigger and
// its place: "deployment of 3,000 troops to Eastern Europe", "meeting with
// Macron in Moscow".
var passPP = set("of, with, between, by, against, and")

// collective nouns after a nationality word make it stand for its state:
// "Russian troops", "the French side".
var collective = set("troops, forces, army, military, government, side, authorities, officials, delegation, " +
	"soldiers, servicemen, navy, aircraft, leadership, diplomats, parliament, invaders, occupiers, military's, " +
	"air, jets, warplanes, artillery, units, police, prosecutors, court, armed, federation")

// roleWords are nouns that make a preceding name a modifier of a person
// ("Kremlin leader", "Ukrainian counterpart").
var roleWords = set("leader, leaders, counterpart, counterparts, colleague, colleagues, head, foreign, defence, defense, " +
	"president's, ambassador, envoy, spokesperson, spokesman, official")

// targetPreps are the prepositions that introduce what a trigger of each
// category acts on ("attack on Kyiv", "sanctions against Russia").
var targetPreps = map[string]map[string]bool{
	Force:           set("on, against, of"),
	Sanctions:       set("on, against"),
	Threat:          set("against"),
	Demand:          set("on, upon"),
	Aid:             set("to, for"),
	Arrest:          set("of"),
	ReduceRelations: set("with"),
	MilitaryPosture: set("against"),
}

// actsOn are the categories whose object is a Target; for others the
// object is just a participant ("met Macron").
var actsOn = set(Force + ", " + Sanctions + ", " + Threat + ", " + Demand + ", " + Aid + ", " + Arrest + ", " + ReduceRelations)

// placeOK are the categories of happenings, which may be events with no
// named participant when a place or a date says where or when: shelling
// in Kharkiv, protests on Sunday. The other categories are relations
// between parties and need one.
var placeOK = set(Force + ", " + Protest + ", " + Casualties + ", " + MilitaryPosture + ", " + Arrest + ", " + Election)

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(list, ",") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	return m
}

// Word classes, one bit each, so that load looks a token up once and the
// rules test bits.
const (
	cTrigger uint32 = 1 << iota
	cClause
	cDeterminer
	cBe
	cFuture
	cHypothetical
	cPreposition
	cLocative
	cAdjectival
	cLight
	cInfinitiveOK
	cBridge
	cCollective
	cRole
)

// classes maps every word of the lists above to its class bits.
var classes = buildClasses()

// listed is a filter over classes' words by length and first and last
// byte: a word it rejects is in no list, and most content words are
// rejected without hashing them.
var listed = func() (b [1 << 12]bool) {
	for w := range classes {
		b[listedKey(w)] = true
	}
	return b
}()

func listedKey(w string) int {
	return (len(w)*131 + int(w[0])*31 + int(w[len(w)-1])) & (1<<12 - 1)
}

// maybeListed reports whether w may be a key of classes.
func maybeListed(w string) bool { return w != "" && listed[listedKey(w)] }

func buildClasses() map[string]uint32 {
	m := map[string]uint32{}
	for w := range triggers {
		m[w] |= cTrigger
	}
	for _, l := range []struct {
		words map[string]bool
		class uint32
	}{
		{clauseWords, cClause}, {determiners, cDeterminer}, {be, cBe}, {future, cFuture},
		{hypothetical, cHypothetical}, {prepositions, cPreposition}, {locative, cLocative},
		{adjectival, cAdjectival}, {lightVerbs, cLight}, {infinitiveOK, cInfinitiveOK},
		{bridges, cBridge}, {collective, cCollective}, {roleWords, cRole},
	} {
		for w := range l.words {
			m[w] |= l.class
		}
	}
	return m
}
