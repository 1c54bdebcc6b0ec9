// Package event finds the events an article reports, one sentence at a
// time: a trigger word or phrase mapped to a category (diplomacy and
// conflict in the spirit of CAMEO — statement, meeting, agreement, force,
// sanctions, … — and the rest of the news: the economy and business, law
// and courts, politics, disasters and accidents, health), its TimeML class
// and attributes, whether the text says it happened, the people,
// organisations and states taking part, who acts and who is acted on,
// where it happened and when.
//
// It is deliberately precise rather than exhaustive, because journalists
// read its output on a timeline: a wrong event costs more than a missed
// one, and the same happening is usually reported many times.
//
// # Triggers
//
// A lexicon (lexicon.go) maps verbs, their inflections and nominalisations
// to categories; the category constants list them and Domains groups them.
// A phrase of the lexicon is a trigger when the trained tagger of package
// trigger reads one of its words as a TimeML event mention, or nearly so
// (a lexicon match is evidence of its own, worth lexiconPrior of the
// tagger's score); phrases of several words, words that name an event
// wherever they stand ("shelling", "earthquake"; flag u) and entries whose
// context words were required and found ("cut … jobs", "shares … fell")
// are taken without asking. The tagger also gives the trigger its class
// (OCCURRENCE, REPORTING, …) and, from its verb group, its tense, aspect,
// polarity and modality. A word of several categories goes by the words
// around it: "recalled 1.1 million cars" is a recall, "recalled its
// ambassador" reduced relations; "workers went on strike" a strike, "air
// strikes" force; "an earthquake struck" no attack.
//
// A noun after a "light" verb becomes one trigger with the verb ("authorised
// the deployment", "held talks", "filed a lawsuit", "paid a visit"), which
// gives it a subject. Some nouns are events only after such a verb
// ("launched a war", "announced an investment"): "the war in Ukraine"
// names a state of affairs, not a happening. Signing anything but a law,
// bill or decree is an agreement ("signed a joint declaration"); signing
// those is legislation. A participle used as an adjective ("the occupied
// Crimea"), a capitalised word inside a sentence ("Head of State") and a
// noun trigger that modifies another noun ("attack helicopters", "sanctions
// lists") are never triggers.
//
// # Modes
//
// Triggers in negated, hypothetical or future clauses make events marked by
// their Mode, not events asserted as having happened: Negated ("did not
// meet", "never attacked"), Hypothetical (a modal, "if", "unless",
// denial, intention, fear or possibility: "could act on invading", "plans
// to attack", "deny … invading"; an infinitive not governed by a decision
// or a start: "wants to meet", where "decision to launch" and "began to
// shell" count; a question), Future ("will meet on Monday", "is going to
// sign", "the upcoming summit"). Negation wins over hypothesis, hypothesis
// over the future.
//
// # Roles
//
// Clauses are cut at punctuation, complementisers, relatives and
// subordinators, and at "and" before a verb. Participants are the
// trigger's arguments, not every name of its sentence: before a verb, its
// subject and the names coordinated with it; before a noun, its modifiers
// and possessors ("the Putin–Macron talks", "Russia's invasion"); after the
// trigger, its direct object and the names in the phrases of argument
// prepositions ("with", "between", "against", "of", "to", "for", "by", …)
// up to the next verb, whose names are its own. Names in other phrases
// ("at a table next to Saudi Arabia", "talks about Ukraine") and the
// complement of "said" ("said Putin had assured him") take no part; an
// offer or agreement takes the object of its infinitive ("offered to buy
// Yahoo"). Eligible names are people, organisations, places standing for
// their state ("Russia", "Moscow has amassed") but not places after a
// locative preposition or before a title ("US President Joe Biden"), and
// nationality words before a collective noun ("Russian troops"). The
// actor is the subject (the nearest such name before the verb with only
// auxiliaries, adverbs, dates, titles or an aspect verb between, not inside
// a prepositional phrase, or the noun an appositive or a relative pronoun
// stands for), the possessor or modifier of a noun, or the agent after
// "by"; passives swap subject and agent. The target is the object of the
// categories that act on someone (force, sanctions, threats, demands, aid,
// arrests, broken relations, mergers, offers, lawsuits, charges, rulings,
// investigations, appointments). The place is a PLACE after a locative
// preposition that follows the trigger ("talks in Moscow"), a city
// modifying a noun trigger ("Minsk agreements"), or the object of "visit"
// when it is a place.
//
// Relations between parties (statements, meetings, agreements, sales,
// results, …) need a named participant; happenings (force, military
// posture, casualties, protests, arrests, elections, markets, job cuts,
// closures, strikes, recalls, legislation, rulings, trials,
// investigations, disasters, accidents, health) need a participant, a
// place or a date, or context words that make them specific ("the index
// fell 5 %").
//
// # Dates
//
// An event's date is, in order: the anchored DATE or TIME nearest the
// trigger in its clause, or in a sentence-opening phrase ("On Monday, …"),
// a time of day taking the day written next to it ("at 5 am on February
// 24") (DateText); a date counted from a related event of the article,
// given earlier or right after it ("a day before the announcement", "two
// weeks after the election on 6 March") (DateRelated); for a simple-past
// event, the date of the events of the sentence before in the same
// paragraph ("Ford said on Tuesday it would close a plant. Ford also cut
// 1,000 jobs.") (DateContext). Durations, sets and unanchored expressions
// never date an event, and dates keep the precision the text gives (a
// day, a week, a month). A past event is never dated after the article's
// publication: a weekday read as the next one goes back a week, a month or
// day without a year goes back a year, other such dates are dropped; dates
// written with their year stand. An event with no date is left undated
// (DateFrom ""), for the caller to date with the publication day, marked
// as such.
//
// Events of one sentence with the same category, the same mode and no
// conflicting roles are merged into one.
package event
