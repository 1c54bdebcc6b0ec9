// Package attribution is Dateline's own gold standard for "who said what,
// when" in journalism, and the scorer behind `dateline eval attribution`.
//
// PolNeAR scores whether a speaker span overlaps the annotated source;
// users see something else: the speaker entity a quote is credited to
// (a person, an organisation, a government) and the day it was said. The
// gold here annotates exactly that, by hand, on real news: PolNeAR train
// articles (extended with the canonical speaker entity, its kind and the
// said-on date), Wikinews documents of GUM and press releases of the
// Kremlin and the President of Ukraine. Every speech attribution of each
// chosen article is annotated, so precision is measured too.
//
// The gold is one JSON Lines file (gold/attributions.jsonl): an article
// line (Article) for every annotated article, followed by its attribution
// lines (Attribution), with content offsets in bytes of the article text
// as Dateline ingests it. Read parses and checks it; Verify checks it
// against the texts. The PolNeAR texts are not ours to publish, so the
// gold carries only offsets, the annotated strings and a hash of each
// text; Build reads the texts back from the shared corpora and refuses a
// text whose hash differs.
//
// ScoreArticle and Score match the system's quotes (Prediction) to the
// gold and count; Counts.Result turns the counts into the figures. The
// annotation rules, the speaker scheme and the measured figures are in
// README.md beside this file.
package attribution
