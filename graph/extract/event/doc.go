// Package event finds the events an article reports, one sentence at a
// time: a trigger word or phrase mapped to a category in the spirit of
// CAMEO (statement, meeting, agreement, force, sanctions, …), the people,
// organisations and states taking part, who acts and who is acted on, where
// it happened and the date expression that governs it.
//
// It is rule-based and deliberately precise rather than exhaustive, because
// journalists read its output on a timeline: a wrong event costs more than
// a missed one, and the same happening is usually reported many times.
//
// # Triggers
//
// A lexicon (lexicon.go) maps verbs, their inflections and nominalisations
// to categories; the category constants list them. A noun after a "light"
// verb becomes one trigger with the verb ("authorised the deployment",
// "held talks", "launched a new military operation"), which gives it a
// subject. Some nouns are events only after such a verb ("launched a war",
// "unleashed aggression"): "the war in Ukraine" names a state of affairs,
// not a happening.
//
// A trigger makes no event when its clause is negated, modal, conditional
// or an intention ("could act on invading", "no plans to attack", "deny …
// invading", "if they attack", "plans to invade"), when it is an
// infinitive not governed by a decision or a start ("decision to launch"
// and "began to shell" count, "wants to meet" does not), when a participle
// is used as an adjective ("the occupied Crimea"), or when the sentence is
// a question. A future ("will meet on Monday") keeps meetings, agreements,
// elections, statements, aid, sanctions and cooperation, which are
// scheduled or promised, and drops the rest (force, casualties, …), which
// are predictions. These events are dropped rather than marked. Signing
// anything but a decree or a law is an agreement ("signed a joint
// declaration").
//
// A capitalised word inside a sentence is never a trigger ("Head of
// State"), nor is a noun trigger that modifies another noun ("attack
// helicopters", "sanctions lists").
//
// # Roles
//
// Clauses are cut at punctuation, complementisers, relatives and
// subordinators, and at "and" before a verb. Participants are the
// eligible names of the trigger's clause (before a verb, only its subject
// and the names coordinated with it): people, organisations, places
// standing for their state ("Russia", "Moscow has amassed") but not places
// after a locative preposition or before a title ("US President Joe
// Biden"), and nationality words before a collective noun ("Russian
// troops"). The actor is the subject (the nearest such name before the
// verb with only auxiliaries, adverbs, dates, titles or an aspect verb
// between, not inside a prepositional phrase, or the noun an appositive
// or a relative pronoun stands for), the possessor or modifier of a noun
// ("Russia's invasion", "Russian aggression"), or the agent after "by";
// passives swap subject and agent. The target is the object of force,
// sanctions, threats, demands, aid, arrests and broken relations ("Russia
// attacked Ukraine", "sanctions against Russia"). The place is a PLACE
// after a locative preposition that follows the trigger ("talks in
// Moscow", "deployment of 3,000 troops to Eastern Europe"), or a city
// modifying a noun trigger ("Minsk agreements"), or the object of "visit"
// when it is a place. The date is the anchored
// DATE or TIME expression nearest the trigger in its clause, or in a
// sentence-opening phrase ("On Monday, …"); a time of day takes the day
// written next to it ("at 5 am on February 24"); durations, sets and
// unanchored expressions never date an event. Relations between parties
// (statements, meetings, agreements, cooperation, demands, threats,
// sanctions, aid, broken relations) need a named participant; happenings
// (force, military posture, casualties, protests, arrests, elections)
// need a participant, a place or a date.
//
// Events of one sentence with the same category and no conflicting roles
// are merged into one.
package event
