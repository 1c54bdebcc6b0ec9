// Package trigger finds the words that name events in news text, the way
// TimeML annotates them (TimeBank, AQUAINT, TempEval-3): verbs,
// nominalisations and the states that matter ("fell", "the takeover",
// "said", "crisis"), each with its TimeML class (OCCURRENCE, REPORTING,
// STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION) and the attributes of
// its verb group: tense, aspect, polarity and modality, so that "did not
// sell", "could sell" and "will sell" are told from "sold".
//
// # Model
//
// Two averaged perceptrons (Collins 2002), decoded greedily left to right,
// over hashed feature tables with quantised int16 weights:
//
//   - a part-of-speech tagger (31 Penn Treebank tags, punctuation folded)
//     in the style of Honnibal's greedy averaged perceptron: the word, its
//     suffixes and shape, the two words either side and the two tags
//     before; frequent unambiguous words come from a tag dictionary. It is
//     trained on GUM's openly licensed genres and CoNLL-2003 eng.train.
//   - an event classifier that labels each verb, common noun and
//     adjective with a class or None: the word, its stem ("closed",
//     "closing" → "clos"), suffixes and shape, the part of speech of the
//     five tokens around it, the neighbouring words, the governing verb,
//     the auxiliary or modal before it, a determiner before it, word
//     clusters learned from Reuters-21578 and the press releases
//     (package ner/cluster), and how often GUM annotates entities headed
//     by the word as events ("war", "visit", "election"). Its features do
//     not read the classes of other tokens, so a caller may classify a
//     single token (see Reading). It is trained on TimeBank and AQUAINT,
//     minus a held-out fifth, with a recall bias taken off "no event"
//     and three restarts averaged.
//
// Tense, aspect, polarity and modality are read by rules from the tagged
// verb group (attrs.go), following TimeBank's conventions: "would
// cut" has modality would and tense NONE, "will cut" tense FUTURE, "has
// cut" PRESENT PERFECTIVE, "to cut" INFINITIVE.
//
// The model is a compact file embedded with go:embed (model/trigger.model),
// rebuilt byte for byte by `dateline train events` (package build). Its
// measured quality, speed and the held-out rule are in the README.
package trigger
