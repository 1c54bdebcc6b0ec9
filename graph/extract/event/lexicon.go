package event

import (
	"strings"

	"dateline/graph"
)

// Event categories. The first fifteen follow CAMEO's top-level codes
// (diplomacy and conflict); the others cover the rest of the news: the
// economy and business, law and courts, politics, disasters and accidents,
// and health. Each comment lists the triggers (with their inflections)
// that produce it; the lexicon below is the authority. Where a word serves
// several categories ("strike", "recall", "fire", "close"), the words
// around it decide (see entry.object and entry.subject).
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
	// referendum, ballot, primary, runoff.
	Election = "election"
	// Casualties: kill, die, wound, injure; nominal: casualties, death
	// toll, deaths.
	Casualties = "casualties"
	// Aid: supply or deliver weapons or arms; nominal: aid, assistance,
	// humanitarian corridor(s), military aid.
	Aid = "aid"

	// Results: report or post a profit, loss, earnings or revenue;
	// nominal: earnings, quarterly or annual results, net loss, net
	// profit, profit warning.
	Results = "results"
	// Sales: sell, deliver or order aircraft, vehicles and the like, win
	// or be awarded a contract; nominal: sales, deliveries, orders.
	Sales = "sales"
	// Market: shares, indexes, prices, currencies and economic figures
	// rising or falling (rose, fell, plunged, surged, closed at);
	// nominal: sell-off, rally, crash of a market, recession.
	Market = "market"
	// JobCuts: lay off, cut, shed, slash or eliminate jobs or workers;
	// nominal: layoffs, job cuts, job losses, redundancies.
	JobCuts = "job_cuts"
	// Closure: close or shut (down) a plant, factory, store, mine, site;
	// nominal: closure, shutdown.
	Closure = "closure"
	// Offer: offer to buy, bid; nominal: takeover bid, tender offer,
	// buyout offer.
	Offer = "offer"
	// Merger (mergers and acquisitions): merge, acquire, buy or take over
	// a company; nominal: merger, acquisition, takeover, buyout.
	Merger = "merger"
	// Bankruptcy: file for bankruptcy or Chapter 11, go bankrupt; nominal:
	// bankruptcy, insolvency.
	Bankruptcy = "bankruptcy"
	// Recall: recall vehicles, cars, products; nominal: recall.
	Recall = "recall"
	// Strike (labour): go on strike, walk out, workers striking; nominal:
	// walkout, general strike, industrial action.
	Strike = "strike"
	// Investment: invest; nominal: investment after a verb that makes or
	// announces it.
	Investment = "investment"
	// Launch (products): unveil, launch or release a product, phone,
	// model or service.
	Launch = "launch"
	// Lawsuit: sue; nominal: lawsuit, class action, suit or complaint
	// after a verb that files it, settlement.
	Lawsuit = "lawsuit"
	// Charge: charge with, indict, prosecute; nominal: indictment,
	// charges after a verb that brings them.
	Charge = "charge"
	// Trial: testify; nominal: trial, testimony, hearing.
	Trial = "trial"
	// Ruling: convict, acquit, sentence, fine, rule (a court), find or
	// plead guilty, overturn, uphold; nominal: verdict, conviction,
	// acquittal, ruling.
	Ruling = "ruling"
	// Investigation: investigate, probe; nominal: investigation, probe,
	// inquiry.
	Investigation = "investigation"
	// Legislation: pass, adopt, approve, enact or sign a law, bill,
	// decree or budget, veto; nominal: veto.
	Legislation = "legislation"
	// Appointment: appoint, nominate, name or hire as, swear in,
	// inaugurate; nominal: appointment, nomination, inauguration.
	Appointment = "appointment"
	// Resignation: resign, step down, quit; nominal: resignation.
	Resignation = "resignation"
	// Disaster (natural): earthquake, flood, hurricane, storm, wildfire,
	// eruption, tsunami, landslide, drought.
	Disaster = "disaster"
	// Accident: crash, collide, derail, explode, sink, capsize, collapse;
	// nominal: accident, crash, collision, explosion, fire, blaze.
	Accident = "accident"
	// Health: outbreak, epidemic, pandemic, infections, vaccination,
	// quarantine, lockdown, hospitalised.
	Health = "health"
)

// Categories lists the categories in display order. The list is the
// vocabulary's (graph.EventCategories), so that the views, which may not
// import extraction, accept exactly these; a test checks that every
// category of the lexicon is on it.
var Categories = graph.EventCategories

// Domains groups the categories by the kind of news they belong to, for
// views that filter by it.
var Domains = map[string][]string{
	"diplomacy": {Statement, Meeting, Agreement, Cooperation, ReduceRelations, Demand, Threat, Sanctions, Aid},
	"conflict":  {MilitaryPosture, Force, Casualties, Protest},
	"business":  {Results, Sales, Market, JobCuts, Closure, Offer, Merger, Bankruptcy, Recall, Strike, Investment, Launch},
	"law":       {Arrest, Lawsuit, Charge, Trial, Ruling, Investigation, Legislation},
	"politics":  {Election, Appointment, Resignation},
	"disasters": {Disaster, Accident},
	"health":    {Health},
}

// entry is one trigger of the lexicon: a phrase of one or more lower-case
// words, what it means and how it may be used.
type entry struct {
	words    []string // the phrase, lower case, matched token by token
	category string
	verb     bool // may be used as a verb
	noun     bool // may be used as a noun
	light    bool // a noun that is an event only after a light verb ("launched a war")
	strong   bool // names its event so clearly that it needs no clause participant
	// sure marks a phrase that names an event wherever the lexicon
	// finds it ("shelling", "earthquake"): the tagger, trained on other
	// news, is not asked. Phrases of several words are all sure, and so
	// is a constrained entry whose words were found ("cut … jobs").
	sure bool
	// object, when set, is a word of which one must follow within four
	// tokens of the clause ("amassed … troops", "supplied … weapons");
	// "<org>" stands for the name of an organisation ("acquired Chrysler").
	object map[string]bool
	// subject, when set, is a word of which one must come within five
	// tokens before, in the clause ("shares fell", "workers went on
	// strike").
	subject map[string]bool
}

// constrained reports whether e's use depends on the words around it:
// such an entry, when it matches, wins over an unconstrained one of the
// same length ("recalled 1,000 cars" is a recall, not a diplomatic
// recall).
func (e *entry) constrained() bool { return e.object != nil || e.subject != nil }

// lexicon maps the first word of every trigger to its entries, longest
// phrase first so that "special military operation" wins over nothing and
// "phone conversation" over "phone".
type lexicon map[string][]*entry

// triggers is the lexicon. It is built once from the table below and only
// read afterwards, so Find stays safe for concurrent use.
var triggers = buildLexicon()

// add adds each comma-separated phrase of list with the given flags and,
// when given, the words one of which must follow it (see entry.object).
func (l lexicon) add(cat, flags, list string, object ...string) {
	l.addWith(cat, flags, list, object, nil)
}

// addAfter adds each phrase of list, usable only after one of subject
// (see entry.subject).
func (l lexicon) addAfter(cat, flags, list string, subject []string) {
	l.addWith(cat, flags, list, nil, subject)
}

func (l lexicon) addWith(cat, flags, list string, object, subject []string) {
	words := func(ws []string) map[string]bool {
		if len(ws) == 0 {
			return nil
		}
		m := map[string]bool{}
		for _, o := range ws {
			m[o] = true
		}
		return m
	}
	obj, subj := words(object), words(subject)
	for _, p := range strings.Split(list, ",") {
		ws := strings.Fields(p)
		if len(ws) == 0 {
			continue
		}
		e := &entry{words: ws, category: cat, object: obj, subject: subj,
			verb:   strings.Contains(flags, "v"),
			noun:   strings.Contains(flags, "n"),
			light:  strings.Contains(flags, "l"),
			strong: strings.Contains(flags, "s"),
			sure:   strings.Contains(flags, "u") || len(ws) > 1}
		es := append(l[ws[0]], e)
		// Longest phrase first.
		for i := len(es) - 1; i > 0 && len(es[i].words) > len(es[i-1].words); i-- {
			es[i], es[i-1] = es[i-1], es[i]
		}
		l[ws[0]] = es
	}
}

// regular returns the forms of regular verbs ("close" → close, closes,
// closed, closing), comma-separated, for the lexicon's lists. Irregular
// forms are written out where the verbs are listed.
func regular(bases ...string) string {
	var out []string
	for _, b := range bases {
		stem := b
		switch {
		case strings.HasSuffix(b, "e"):
			stem = b[:len(b)-1]
			out = append(out, b, b+"s", b+"d", stem+"ing")
			continue
		case strings.HasSuffix(b, "y") && !strings.ContainsAny(b[len(b)-2:len(b)-1], "aeiou"):
			out = append(out, b, b[:len(b)-1]+"ies", b[:len(b)-1]+"ied", b+"ing")
			continue
		case strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "ss") || strings.HasSuffix(b, "x"):
			out = append(out, b, b+"es", b+"ed", b+"ing")
			continue
		}
		out = append(out, b, b+"s", b+"ed", b+"ing")
	}
	return strings.Join(out, ", ")
}

// buildLexicon writes down the triggers. Flags: v verb, n noun, l noun that
// needs a light verb, s strong, u sure (see entry).
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
		"videoconference, exchange of views, phone talks, telephone talks, conference, press conference, news conference")

	l.add(Agreement, "v", "sign, signs, signed, agreed, ratify, ratifies, ratified")
	l.add(Agreement, "n", "agreement, agreements, treaty, treaties, deal, accord, accords, memorandum, signing")

	l.add(Cooperation, "v", "cooperate, cooperates, cooperated, co-operate, co-operated, recognise, recognised, recognises, "+
		"recognize, recognized, recognizes, join forces, joined forces")
	l.add(Cooperation, "nl", "cooperation, partnership, diplomatic relations")

	l.add(ReduceRelations, "v", "sever, severs, severed, break off, broke off, expel, expels, expelled")
	l.add(ReduceRelations, "v", "recall, recalls, recalled", "ambassador", "ambassadors", "envoy", "envoys", "diplomats", "diplomat")

	l.add(Demand, "v", "demands, demanded, urge, urges, urged, call on, calls on, called on, call upon, called upon, "+
		"call for, calls for, called for, appeal to, appealed to, appeals to")
	l.add(Demand, "n", "ultimatum, demands")

	l.add(Threat, "v", "threaten, threatens, threatened, warn, warns, warned")
	l.add(Threat, "nl", "threat, threats")

	l.add(MilitaryPosture, "v", "deploy, deploys, deployed, redeploy, redeployed, amass, amasses, amassed, amassing, "+
		"mobilise, mobilised, mobilises, mobilize, mobilized, mobilizes")
	l.add(MilitaryPosture, "v", "mass, massed, massing, withdraw, withdraws, withdrew, withdrawn, pulled back, pull back, moved", troops...)
	l.add(MilitaryPosture, "nu", "deployment, deployments, build-up, buildup, mobilisation, mobilization, drills, "+
		"military exercises, military drills, naval drills, joint exercises, war games, troop build-up, troop withdrawal, "+
		"withdrawal of troops, military build-up")
	l.add(MilitaryPosture, "nl", "exercises, exercise")

	l.add(Force, "v", "attack, attacks, attacked, attacking, shelled, bombed, bombing, "+
		"invade, invades, invaded, invading, occupy, occupies, occupied, seize, seized, seizes, capture, captured, captures, "+
		"struck, strike, strikes, striking, shoot down, shot down, fired on, opened fire, besiege, besieged, storm, stormed")
	l.add(Force, "v", "fire, fires, fired, launch, launches, launched", "missiles", "missile", "rockets", "rocket", "shells", "artillery")
	l.add(Force, "n", "attack, attacks, strike, strikes, assault")
	l.add(Force, "nu", "invasion, airstrike, airstrikes, air strike, air strikes, missile strike, "+
		"missile strikes, missile attack, missile attacks, rocket attack, rocket attacks, shelling, shellings, bombing, bombings, "+
		"bombardment, bombardments, air raid, air raids, incursion")
	l.add(Force, "ns", "special military operation, full-scale invasion")
	l.add(Force, "nl", "war, offensive, aggression, military operation, military aggression, operation, hostilities, fire")

	l.add(Sanctions, "v", "sanctioned, embargoed")
	l.add(Sanctions, "v", "freeze, freezes, froze, frozen", "assets", "reserves", "accounts")
	l.add(Sanctions, "nu", "sanctions, embargo, sanctions package, asset freeze")

	l.add(Protest, "v", "protest, protests, protested, rally, rallied, rallies, demonstrate, demonstrated, demonstrates")
	l.add(Protest, "n", "protest, protests, rally, rallies, demonstration, demonstrations")

	l.add(Arrest, "v", "arrest, arrests, arrested, detain, detains, detained, jail, jailed, imprison, imprisoned")
	l.add(Arrest, "n", "arrest, arrests, detention")

	l.add(Election, "v", "elect, elects, elected, re-elect, re-elected, vote, votes, voted")
	l.add(Election, "n", "vote")
	l.add(Election, "n", "elections")
	l.add(Election, "nu", "election, referendum, ballot, presidential election, parliamentary elections, "+
		"primary election, runoff, run-off, general election, midterm elections, by-election")

	l.add(Casualties, "v", "kill, kills, killed, die, dies, died, wound, wounded, injure, injured")
	l.add(Casualties, "n", "casualties, death toll, deaths")

	l.add(Aid, "v", "supply, supplies, supplied, supplying, deliver, delivers, delivered, send, sends, sent, provide, provides, provided", weapons...)
	l.add(Aid, "n", "aid, assistance, humanitarian corridor, humanitarian corridors, military aid, military assistance, humanitarian aid")

	// The economy and business.
	money := []string{"profit", "profits", "loss", "losses", "earnings", "revenue", "revenues", "income", "results", "deficit", "surplus"}
	products := []string{"aircraft", "airliners", "airliner", "planes", "jets", "jetliners", "cars", "vehicles", "trucks", "units", "copies",
		"phones", "devices", "computers", "tablets", "products", "tickets", "helicopters", "ships", "engines", "airbuses", "boeings"}
	l.add(Results, "v", regular("report", "post", "announce", "record", "forecast")+", forecast", money...)
	l.add(Results, "v", "earned, earns, lost", "$", "€", "£", "million", "billion", "cents", "per")
	l.add(Results, "n", "loss, losses, profit, profits", "$", "€", "£", "million", "billion")
	l.add(Results, "n", "earnings, quarterly results, annual results, full-year results, net loss, net profit, net income, "+
		"operating profit, pre-tax profit, profit warning, quarterly loss, quarterly profit, annual loss, annual profit")
	l.add(Sales, "v", "sell, sells, sold, selling, ship, ships, shipped, shipping, buy, buys, bought, buying, "+regular("deliver", "order", "purchase"), products...)
	l.addAfter(Sales, "v", "delivered, shipped, sold, ordered, purchased, bought", products)
	l.add(Sales, "n", "sales, deliveries")
	l.add(Sales, "n", "order, orders, pre-orders", "for", "worth")
	l.add(Sales, "nl", "contract, contracts")
	market := []string{"shares", "share", "stock", "stocks", "index", "indexes", "indices", "market", "markets", "prices", "price",
		"oil", "gold", "dollar", "euro", "yen", "pound", "sterling", "rouble", "ruble", "hryvnia", "bonds", "yields", "futures",
		"dow", "nasdaq", "ftse", "dax", "cac", "nikkei", "s&p", "sensex", "inflation", "unemployment", "gdp", "output", "exports",
		"imports", "economy", "growth", "currency", "bitcoin", "trading", "sales", "earnings", "profit", "profits", "revenue"}
	l.addAfter(Market, "v", "rise, rises, rose, risen, rising, fall, falls, fell, fallen, falling, "+
		regular("plunge", "plummet", "slump", "surge", "soar", "jump", "climb", "tumble", "decline", "gain", "rebound", "close", "end", "finish", "recover")+
		", drop, drops, dropped, dropping, dip, dips, dipped, dipping, slip, slips, slipped, slipping, sink, sinks, sank, sunk, "+
		"slid, slide, slides, sliding, lost, lose, loses, losing", market)
	l.add(Market, "v", "rose, risen, rising, fell, fallen, falling, dropped, plunged, plummeted, slumped, surged, soared, jumped, "+
		"climbed, tumbled, declined, gained, lost, slid, sank, slipped, dipped, rebounded", "%", "percent", "points", "cents", "pence", "per")
	l.add(Market, "n", "drop, fall, rise, decline, plunge, slump, surge, gain, gains, losses, slide, rally, crash, rebound", market...)
	l.add(Market, "nu", "sell-off, selloff, recession, stock market crash, market crash, financial crisis, bear market, bull market")
	staff := []string{"jobs", "job", "workers", "employees", "staff", "positions", "posts", "workforce", "roles", "staffers"}
	l.add(JobCuts, "v", "cut, cuts, cutting, "+regular("eliminate", "slash", "axe")+", trim, trims, trimmed, trimming, "+
		"shed, sheds, shedding, fired, fire, fires, firing", staff...)
	l.add(JobCuts, "v", "lay off, lays off, laid off, laying off")
	l.add(JobCuts, "nu", "layoffs, layoff, lay-offs, job cuts, job losses, redundancies, job reductions")
	sites := []string{"plant", "plants", "factory", "factories", "store", "stores", "mine", "mines", "site", "sites", "office", "offices",
		"branch", "branches", "shop", "shops", "operations", "facility", "facilities", "mill", "refinery", "hospital", "schools",
		"school", "airport", "restaurants", "outlets", "line", "division", "unit", "subsidiary", "plants"}
	l.add(Closure, "v", regular("close")+", shut, shuts, shutting, shut down, shuts down, shutting down, closed down, close down", sites...)
	l.add(Closure, "n", "closure, closures, shutdown, shutdowns, plant closure, plant closures")
	bid := []string{"buy", "acquire", "purchase", "pay", "per", "billion", "million", "$", "€", "£", "bid", "price", "takeover"}
	l.add(Offer, "v", regular("offer")+", bid, bids, bidding", bid...)
	l.add(Offer, "n", "takeover bid, tender offer, buyout offer, takeover offer, hostile bid, bid, bids")
	l.add(Offer, "n", "offer, offers", "for", "billion", "million", "$", "€", "£", "per")
	firms := []string{"<org>", "company", "firm", "business", "stake", "rival", "maker", "unit", "division", "group", "bank",
		"carrier", "airline", "startup", "start-up", "operator", "brand", "subsidiary", "assets", "chain", "majority", "control"}
	l.add(Merger, "v", regular("acquire", "merge", "purchase")+", buy, buys, bought, buying, take over, took over, taken over, takes over, taking over", firms...)
	l.add(Merger, "v", "merge, merged, merges, merging")
	l.add(Merger, "nu", "merger, mergers, acquisition, acquisitions, takeover, takeovers, buyout, buyouts, merger agreement, merger deal")
	l.add(Merger, "n", "purchase, sale", "of")
	l.add(Bankruptcy, "v", "filed for bankruptcy, files for bankruptcy, file for bankruptcy, filing for bankruptcy, "+
		"filed for insolvency, files for insolvency, file for insolvency, filed for chapter, files for chapter, "+
		"went bankrupt, go bankrupt, goes bankrupt, gone bankrupt, going bankrupt, went into administration, "+
		"collapsed into administration, entered administration")
	l.add(Bankruptcy, "nu", "bankruptcy, bankruptcies, insolvency, bankruptcy filing, bankruptcy protection")
	l.add(Recall, "v", regular("recall"), "vehicles", "cars", "trucks", "units", "models", "products", "suvs", "pickups", "airbags",
		"toys", "batches", "drugs", "devices", "phones", "laptops", "batteries", "food", "meat", "vans", "buses", "motorcycles")
	l.add(Recall, "n", "recall, recalls", "of")
	l.add(Recall, "n", "product recall, safety recall, vehicle recall")
	workers := []string{"workers", "employees", "union", "unions", "staff", "miners", "drivers", "pilots", "teachers", "nurses",
		"doctors", "dockers", "members", "staffers", "crews", "controllers", "attendants", "students"}
	l.addAfter(Strike, "v", "strike, strikes, struck, striking, walk out, walked out, walks out, went on strike, go on strike, "+
		"gone on strike, are on strike, were on strike", workers)
	l.add(Strike, "v", "went on strike, go on strike, goes on strike, going on strike, walked off the job")
	l.add(Strike, "n", "walkout, walkouts, general strike, strike action, industrial action, hunger strike, strikers")
	l.add(Investment, "v", "invest, invests, invested, investing")
	l.add(Investment, "nl", "investment, investments")
	gadgets := []string{"product", "products", "phone", "phones", "smartphone", "model", "models", "version", "service", "app",
		"device", "devices", "computer", "laptop", "tablet", "car", "vehicle", "aircraft", "plane", "software", "iphone", "ipad",
		"ipod", "mac", "macbook", "os", "ios", "album", "game", "console"}
	l.add(Launch, "v", regular("unveil"))
	l.add(Launch, "v", regular("launch", "release", "introduce", "debut")+", rolled out, rolls out, rolling out", gadgets...)
	l.add(Launch, "n", "unveiling, product launch, keynote")

	// Law and courts.
	l.add(Lawsuit, "v", "sue, sues, sued, suing")
	l.add(Lawsuit, "n", "lawsuit, lawsuits, class action, class-action lawsuit, legal action, court case, settlement")
	l.add(Lawsuit, "nl", "suit, complaint, complaints")
	l.add(Charge, "v", regular("charge", "accuse"), "with", "of")
	l.add(Charge, "v", regular("indict", "prosecute"))
	l.add(Charge, "n", "indictment, indictments, prosecution")
	l.add(Charge, "nl", "charges, charge")
	l.add(Trial, "v", "testify, testifies, testified, testifying, stand trial, stood trial, went on trial, go on trial")
	l.add(Trial, "n", "trial, trials, testimony, court hearing, hearing, hearings")
	l.add(Ruling, "v", regular("convict", "sentence", "overturn")+", acquit, acquits, acquitted, acquitting, fined, fining, upheld, uphold, upholds, "+
		"found guilty, found not guilty, pleaded guilty, pleads guilty, plead guilty, pled guilty, pleaded not guilty")
	l.add(Ruling, "v", "ruled", "that", "against", "in", "unconstitutional", "illegal")
	l.add(Ruling, "n", "verdict, verdicts, acquittal, rulings, judgment, judgement, sentence")
	l.add(Ruling, "n", "ruling", "that", "against", "on", "in", "by")
	l.add(Ruling, "n", "conviction, convictions", "of", "for", "on")
	l.add(Investigation, "v", regular("investigate", "probe"))
	l.add(Investigation, "n", "investigation, investigations, probe, probes, inquiry, inquiries, criminal investigation")
	laws := []string{"law", "laws", "bill", "bills", "legislation", "decree", "decrees", "amendment", "amendments", "budget",
		"resolution", "act", "measure", "reform", "constitution", "ordinance", "statute"}
	l.add(Legislation, "v", regular("pass", "adopt", "approve", "enact", "sign", "introduce", "reject", "repeal")+
		", veto, vetoes, vetoed, vetoing, pushed through, push through, pushes through", laws...)
	l.add(Legislation, "v", "signed into law, signs into law, sign into law")
	l.add(Legislation, "n", "veto")

	// Politics.
	posts := []string{"as", "chief", "ceo", "president", "director", "head", "minister", "chairman", "chairwoman", "chair",
		"coach", "manager", "executive", "ambassador", "governor", "secretary", "judge", "commander", "officer", "successor", "new"}
	l.add(Appointment, "v", regular("appoint", "nominate", "inaugurate")+", sworn in, swore in, swear in, sworn into office")
	l.add(Appointment, "v", "named, names, hired, hires, tapped, picked, chosen, chose, elevated, promoted", posts...)
	l.add(Appointment, "n", "appointment, appointments, nomination, nominations, inauguration, swearing-in")
	l.add(Resignation, "v", regular("resign")+", step down, steps down, stepped down, stepping down")
	l.add(Resignation, "v", "quit, quits, quitting", "as", "post", "job", "office", "position", "government", "board", "party", "cabinet")
	l.add(Resignation, "n", "resignation, resignations")

	// Disasters and accidents.
	l.add(Disaster, "nu", "earthquake, earthquakes, quake, quakes, flood, floods, flooding, hurricane, hurricanes, typhoon, cyclone, "+
		"tornado, tornadoes, storm, storms, wildfire, wildfires, bushfire, bushfires, forest fire, forest fires, eruption, "+
		"tsunami, landslide, landslides, mudslide, drought, avalanche, heatwave, heat wave, blizzard, natural disaster")
	l.add(Disaster, "v", "erupted, erupts, flooded")
	l.add(Accident, "v", regular("crash", "collide", "derail", "explode", "capsize")+", ran aground, caught fire")
	l.addAfter(Accident, "v", regular("collapse")+", sank, sunk, sink, sinks", []string{"building", "bridge", "roof", "mine", "tower",
		"dam", "house", "houses", "structure", "wall", "stadium", "tunnel", "block", "floor", "ship", "ferry", "boat", "vessel", "crane", "scaffolding"})
	l.add(Accident, "n", "accident, accidents, crash, crashes, collision, collisions, derailment, explosion, explosions, "+
		"fire, fires, blaze, shipwreck, plane crash, car crash, train crash, road accident, traffic accident, collapse, leak, spill, oil spill")

	// Health.
	l.add(Health, "v", "infected, vaccinated, quarantined, hospitalised, hospitalized, diagnosed")
	l.add(Health, "n", "outbreak, outbreaks, epidemic, epidemics, pandemic, infections, infection, vaccination, vaccinations, "+
		"quarantine, lockdown, lockdowns, vaccination campaign")
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
	"escalate, escalated, step, stepped, intensify, intensified, join, joined, sign, signed, signs, reach, reached, " +
	"file, files, filed, filing, bring, brings, brought, bringing, press, pressed, presses, level, levelled, leveled, " +
	"win, wins, won, winning, award, awarded, awards, secure, secured, land, landed, settle, settled, " +
	"pay, pays, paid, paying")

// quantities are the nouns of "a series of meetings", which stand between
// a light verb and its noun.
var quantities = set("series, number, round, wave, couple, string, spate, flurry, set, lot, host, batch, package, range")

// compound are the nouns that, after a noun trigger, make it a modifier
// rather than an event: "attack weapons", "meeting places".
var compound = set("systems, system, weapons, helicopters, helicopter, aircraft, drones, drone, capabilities, capability, " +
	"groups, group, potential, plans, plan, attempts, attempt, places, place, room, rooms, format, participants, " +
	"forces, force, units, unit, zone, zones, lists, list, regime, regimes, policy, pressure, mechanism, mechanisms, " +
	"document, documents, materials, rhetoric, threat, threats, risk, risks, campaign, hall, capacity")

// vetoes are words that, shortly after a trigger, show it means something
// else: signing a decree or a law is not an agreement.
var vetoes = map[string]map[string]bool{
	Accident:  set("fighters"),
	Agreement: set("decree, decrees, law, laws, bill, bills, order, orders, resolution, resolutions, book, condolence, petition, edict"),
	Election:  set("confidence"),
	// "struck the Bell of Dignity", "struck a deal", "captured the mood",
	// "occupied the post of", "occupied the positions of": no force.
	Force: set("bell, bells, deal, deals, chord, note, tone, balance, pose, bargain, compromise, mood, " +
		"imagination, attention, hearts, post, posts, seat, seats, position, positions, office, offices, chair, throne"),
}

// subjectVetoes are words that, shortly before a verb trigger in its
// clause, show that no one acted: "an earthquake struck Turkey" is no
// attack.
var subjectVetoes = map[string]map[string]bool{
	Force: set("earthquake, quake, storm, hurricane, tornado, typhoon, cyclone, tsunami, flood, floods, lightning, " +
		"disaster, heatwave, fire, blaze, explosion, crisis, pandemic, virus, epidemic, recession, drought, strike, workers, union"),
}

// preVetoes are words that, right before a trigger, show it means
// something else: "cease fire" and "opened fire" are no accident.
var preVetoes = map[string]map[string]bool{
	Accident: set("cease, open, opened, opening, opens, return, returned, under, friendly, heavy, artillery, mortar, rocket, enemy"),
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

// negation words before a trigger in its clause deny the event: "did
// not meet", "never attacked", "no plans to attack".
var negation = set("not, n't, never, no, neither, nor, cannot")

// hypothetical words before a trigger in its clause make it something
// that may happen or is claimed, not something that happened: modality,
// denial, intention, possibility ("could act", "deny … invading", "plans
// to attack", "avoid a war", "allegedly").
var hypothetical = set("could, would, might, may, should, must, can, " +
	"deny, denies, denied, denying, refuse, refuses, refused, avoid, avoided, avoiding, prevent, prevented, " +
	"plan, plans, planning, intend, intends, intention, ready, readiness, willing, want, wants, hope, hopes, hoped, " +
	"possible, possibility, potential, likely, unlikely, risk, prepare, preparations, threat, fear, fears, feared, " +
	"allegedly, rumours, rumors, prospect, whether, if, unless, lest, any")

// future words before a trigger in its clause put it ahead of the time of
// writing: "will meet on Monday", "is going to invade", "the upcoming
// summit".
var future = set("will, shall, 'll, going, upcoming, forthcoming, scheduled, planned")

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
	Offer:           set("for"),
	Merger:          set("of"),
	Lawsuit:         set("against"),
	Charge:          set("against"),
	Investigation:   set("into, of"),
}

// actsOn are the categories whose object is a Target; for others the
// object is just a participant ("met Macron").
var actsOn = set(Force + ", " + Sanctions + ", " + Threat + ", " + Demand + ", " + Aid + ", " + Arrest + ", " + ReduceRelations + ", " +
	Merger + ", " + Offer + ", " + Lawsuit + ", " + Charge + ", " + Ruling + ", " + Investigation + ", " + Appointment)

// placeOK are the categories of happenings, which may be events with no
// named participant when a place or a date says where or when: shelling
// in Kharkiv, protests on Sunday. The other categories are relations
// between parties and need one.
var placeOK = set(Force + ", " + Protest + ", " + Casualties + ", " + MilitaryPosture + ", " + Arrest + ", " + Election + ", " +
	Market + ", " + JobCuts + ", " + Closure + ", " + Strike + ", " + Recall + ", " + Legislation + ", " + Ruling + ", " +
	Trial + ", " + Investigation + ", " + Disaster + ", " + Accident + ", " + Health)

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
	cNegation
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
		{hypothetical, cHypothetical}, {negation, cNegation}, {prepositions, cPreposition}, {locative, cLocative},
		{adjectival, cAdjectival}, {lightVerbs, cLight}, {infinitiveOK, cInfinitiveOK},
		{bridges, cBridge}, {collective, cCollective}, {roleWords, cRole},
	} {
		for w := range l.words {
			m[w] |= l.class
		}
	}
	return m
}
