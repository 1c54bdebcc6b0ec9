// Package resolve decides which names, across all the articles of a store,
// are one entity. It is its own stage between extraction and the store:
// the store persists what this package decides, it does not decide.
//
// # Identity is a function of the set
//
// Extraction leaves each article with its own local entities ("Emmanuel
// Macron" = "Macron" within one article). Resolution reduces each local
// entity to a Signature: its kind as tagged, the normalised names the
// article uses for it, its gazetteer link and the forms of address written
// with it. Two local entities with the same signature are indistinguishable
// to resolution, so the store keeps one Record per signature with the
// number of articles and mentions that use it; resolution works on these
// records, and its cost grows with the number of distinct spellings of a
// name, not with the number of articles.
//
// Records are connected through block keys (a surname's transliteration
// skeleton, a full name, an acronym, a gazetteer ID). When an article is
// added or taken out, Apply recomputes the connected block components its
// signatures touch, from all the records in them, and partitions them into
// entities with Cluster. Cluster depends only on the records, never on the
// order in which articles arrived, so the same set of articles gives the
// same entities in any order, batch size or number of workers. Apply then
// keeps entity IDs stable (each new cluster takes the ID most of its
// articles had) and reports the signatures whose entity changed, so that
// the store can restate the articles that use them.
//
// # The rules
//
// Cluster joins records, strongest evidence first, and never joins two
// groups that would put different people under one name (a shared surname
// with first names that cannot be the same person's: Joe and Jill Biden):
//
//  1. the user's merges (constraints, below);
//  2. the same gazetteer place;
//  3. the same full name of several words, whatever the tagger's kind for
//     it in one article (a person tagged as an organisation once stays the
//     person), but never a person with a gazetteer place;
//  4. spelling variants of a person's full name: surnames with one
//     transliteration skeleton (Zelensky, Zelenskiy, Zelenskyy; Haidai,
//     Gaidai) and first names that can be one person's (equal, an initial,
//     a hypocorism such as Fritz for Frederick, a Ukrainian and Russian
//     form such as Volodymyr and Vladimir, a one-letter typo); and one
//     written-out given name with a surname in its feminine and its
//     masculine form (Olena Zelenska, Olena Zelenskyy), which husband
//     and wife never share;
//  5. an organisation's name with and without its corporate suffix
//     ("General Motors Corporation"), or with a one-letter slip in a long
//     name ("General Motor");
//  6. one word named the same way as an organisation or place, whatever the
//     tagger's kind ("GM" tagged as a place once), and spelling variants of
//     long one-word names (Donbas, Donbass); a person is never a
//     gazetteer place, not through a third record either, and a record
//     of neither kind goes with the reading most articles give the word
//     ("Obama" the organisation with the person, not Obama, Japan);
//  7. organisations whose articles write the same acronym beside full
//     names it abbreviates and that start with the same word, however
//     they are spelt ("European Aeronautic Defence & Space NV (EADS)",
//     "European Aeronautic Defense & Space Company (EADS)"); then an
//     acronym and the one organisation or place it abbreviates ("UAW",
//     "United Auto Workers"), learned from the names' initials (three
//     letters or more: two initials fit too many names, "TV" is also
//     "Tobolskoye Vremya"), a table of known acronyms (RF, EU, GM), and
//     articles that give both ("… (UAW)"); a name's own last word ("TV"
//     of "Nika TV") abbreviates nothing else;
//  8. a surname alone ("Biden") and the one person known by it: the only
//     person with that surname, or the one the articles call by the surname
//     alone at least three times as often as the next (or, without such
//     evidence, mentioned five times as often), filtered by the forms of
//     address ("Mr", "Mrs") and the first given names when they tell
//     people apart; failing that, a first name alone ("Hillary") and the
//     person the articles call by it alone in two articles or more, three
//     times as often as anyone else, who is also mentioned five times as
//     often as anyone else called by it alone.
//
// Every join keeps its rule and evidence in words, shown to the user with
// the entity. The entity's kind is the kind most of its articles give it;
// its name is the user's, else a gazetteer place's common English name,
// else the most common full form among its articles.
//
// # Corrections
//
// A user's merge, split, rename, retype or "not an entity" is a Constraint
// on names, not on entity IDs, so it survives re-ingest and rebuilds;
// Cluster honours it like any other evidence, and before all of it.
package resolve
