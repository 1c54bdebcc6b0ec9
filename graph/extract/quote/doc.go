// Package quote finds attributed statements in news text: direct quotes in
// quotation marks and reported speech ("Macron said that…", "according to
// X, …", transcript lines "Vladimir Putin: …"), each with its cue, its
// content span, its speaker as written and the entity the speaker is (a
// name mention, a state institution, a country), and the day its words
// were said. README.md lists the patterns and their measured quality.
//
// The finder is a set of rules over the sentences and tokens of package
// segment and the names of package ner, not a trained model: attribution in
// news follows a small number of surface patterns, and rules keep every
// decision explainable to the user who opens the sentence behind a quote.
// Every look-up is a binary search or memoised, so the cost is linear in
// the length of the text.
//
// The reporting-verb lexicon embedded in lexicon/ is the quote verb list of
// the SFU Discourse Lab's Gender Gap Tracker
// (github.com/sfu-discourse-lab/GenderGapTracker, nlp/english/rules/
// quote_verb_list.txt), © 2018-2023 Maite Taboada, MIT licence (see
// lexicon/LICENSE.sfu-ggt.txt). A few speech verbs it lacks (stress,
// emphasise, ask, urge, vow…) are added in code.
package quote
