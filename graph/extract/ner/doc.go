// Package ner finds the names of people, places, organisations and other
// named things (CoNLL-2003's PER, LOC, ORG and MISC) in news text.
//
// The tagger is a first-order structured perceptron (Collins 2002) with
// averaged weights, decoded with Viterbi under BIO constraints (an I-X tag
// may only follow B-X or I-X). A perceptron rather than a CRF: it trains in
// seconds per epoch without gradients or line searches, its averaged weights
// match CRF accuracy on CoNLL-style tagging when the features are rich, and
// decoding is a handful of table look-ups per token. Features are hashed
// (no feature strings are built at run time) into a fixed table of 2^18
// rows (TrainOptions.Bits) of one weight per label, which keeps tagging
// allocation-free per token and the model small; the collisions at that
// size cost nothing measurable on dev.
//
// The features follow Ratinov & Roth (2009), "Design Challenges and
// Misconceptions in Named Entity Recognition": the word and its neighbours
// (±2), shapes, prefixes and suffixes, sentence position and ALL-CAPS
// headlines; gazetteer matches (countries, demonyms, cities and regions
// from package gazetteer, given names, organisations); word clusters
// learned without labels from raw news text (package ner/cluster), as
// bit-path prefixes of several lengths, and flat exchange classes learned
// from the same text's word pairs (the objective of Brown clustering; the
// optional FeatClasses template); and document-level context:
// label-free statistics of the same word elsewhere in the article and the
// words around its other occurrences ("context aggregation"), and a
// second stage that sees how the first stage tagged the word's other
// occurrences ("extended prediction history"). The second stage is trained
// on jackknifed first-stage output so that it learns how far to trust it.
// Each final stage is the average of a few perceptrons trained with
// different shuffles, which removes most of the variance the shuffle order
// causes. A tag dictionary keeps very frequent words to the labels they had
// in training ("the" never begins a person's name).
//
// Optional templates (FeatureSet, recorded in the model file) add
// capitalised-run features: the run's length and the token's place in it,
// and whether the run holds an organisation keyword ("Co", "Bank",
// "Ministry", "Wanderers") before, at or after the token; whether a
// capitalised word's lower-case form is a common word of the raw text;
// flat exchange word classes; acronyms linked to the run they abbreviate;
// the share of numbers in a results table; and every type a word's other
// occurrences received. README.md records which of them cross-validation
// kept.
//
// Training data may leave some labels open (TagUnknown, TagNotName): GUM,
// annotated with another scheme, has no MISC, so its capitalised words
// outside person, place and organisation names may be O or MISC. The
// perceptron then updates towards the best-scoring labelling that agrees
// with the settled labels (a latent-variable perceptron, as in Sun et al.
// 2009, "Latent Variable Perceptron Algorithm for Structured
// Classification"), never towards a guessed label.
//
// Which templates and settings the committed model uses was chosen by
// cross-validation over the training documents (package ner/build), never
// by the dev set; see README.md.
//
// One decision is policy rather than learning: seats of government named
// for their building ("the Kremlin", "the White House") are reported as
// organisations (see gazetteer.Institution), although CoNLL-2003 annotates
// them as locations.
//
// The trained model is embedded (model/ner.model) and loaded once by
// Default; Train and the "dateline train ner" command rebuild it.
package ner
