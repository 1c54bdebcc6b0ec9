// Package headline writes a short line saying what an event was: who did
// what to whom and where ("Vladimir Putin and Emmanuel Macron met in
// Moscow", "General Motors cut 2,000 jobs"), from the event's category and
// the names of its participants by role. A timeline whose marks say only
// "Meeting" makes its reader open every one of them; a line built from the
// stored fields says it at a glance, and stays true to them because it
// adds nothing they do not hold.
//
// Of works on names; Stored reads them for a stored event, so that every
// view (the explorer's API, the TimelineJS export) labels an event the
// same way.
package headline

import (
	"regexp"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/store"
)

// Event is what a headline is made of: the names of the event's
// participants by role, as the store derives them, and the sentence of its
// first report for when the roles say too little.
type Event struct {
	Category string
	Actor    string // who acts, "" when unknown
	Target   string // who is acted on, "" when unknown
	Place    string // where it happened, "" when unknown
	// Others are the remaining participants, most reported first.
	Others []string
	// Future marks an event every report announces or schedules: "to
	// meet", not "met".
	Future bool
	// Sentence is the first report's sentence, the fallback when no
	// participant is known.
	Sentence string
}

// shape is how a category's verb takes its participants.
type shape int

const (
	// joint: all participants are the subject ("A and B met").
	joint shape = iota
	// transitive: the actor does it to the target ("A attacked B"); with
	// no actor, the headline passive ("B attacked").
	transitive
	// intransitive: only a subject ("A resigned"); a target joins with
	// the phrase's preposition ("A protested against B").
	intransitive
)

// verb is how one category reads: past and base forms of its verb phrase
// (the base for announced events: "to meet"), the participle for the
// headline passive, the preposition that brings in a target for
// intransitive phrases, the phrase for a single participant of a joint or
// transitive verb ("held talks", "launched an attack": "Putin met" says
// nothing), and the noun that names it with no participant.
type verb struct {
	shape              shape
	past, base, passed string
	prep               string
	one, oneBase       string
	noun               string
}

var verbs = map[string]verb{
	"statement":        {shape: intransitive, past: "spoke", base: "speak", prep: "about", noun: "Statement"},
	"meeting":          {shape: joint, one: "held talks", oneBase: "hold talks", past: "met", base: "meet", noun: "Meeting"},
	"agreement":        {shape: joint, one: "signed an agreement", oneBase: "sign an agreement", past: "reached an agreement", base: "reach an agreement", noun: "Agreement"},
	"cooperation":      {shape: joint, one: "agreed to cooperate", oneBase: "cooperate", past: "agreed to cooperate", base: "cooperate", noun: "Cooperation"},
	"reduce_relations": {shape: intransitive, past: "cut ties", base: "cut ties", prep: "with", noun: "Relations cut"},
	"demand":           {shape: intransitive, past: "made demands", base: "make demands", prep: "of", noun: "Demands"},
	"threat":           {shape: transitive, one: "made threats", oneBase: "make threats", past: "threatened", base: "threaten", passed: "threatened", noun: "Threat"},
	"military_posture": {shape: intransitive, past: "moved troops", base: "move troops", prep: "against", noun: "Military build-up"},
	"force":            {shape: transitive, one: "launched an attack", oneBase: "launch an attack", past: "attacked", base: "attack", passed: "attacked", noun: "Attack"},
	"sanctions":        {shape: transitive, one: "imposed sanctions", oneBase: "impose sanctions", past: "sanctioned", base: "sanction", passed: "sanctioned", noun: "Sanctions"},
	"protest":          {shape: intransitive, past: "protested", base: "protest", prep: "against", noun: "Protest"},
	"arrest":           {shape: transitive, one: "made arrests", oneBase: "make arrests", past: "arrested", base: "arrest", passed: "arrested", noun: "Arrest"},
	"election":         {shape: intransitive, past: "stood in an election", base: "stand in an election", prep: "against", noun: "Election"},
	"casualties":       {shape: intransitive, past: "suffered casualties", base: "suffer casualties", prep: "from", noun: "Casualties"},
	"aid":              {shape: intransitive, past: "sent aid", base: "send aid", prep: "to", noun: "Aid"},
	"results":          {shape: intransitive, past: "reported results", base: "report results", noun: "Results"},
	"sales":            {shape: intransitive, past: "reported sales", base: "report sales", noun: "Sales figures"},
	"market":           {shape: intransitive, past: "moved the markets", base: "move the markets", noun: "Market move"},
	"job_cuts":         {shape: intransitive, past: "cut jobs", base: "cut jobs", prep: "at", noun: "Job cuts"},
	"closure":          {shape: intransitive, past: "closed a site", base: "close a site", noun: "Closure"},
	"offer":            {shape: intransitive, past: "made an offer", base: "make an offer", prep: "for", noun: "Offer"},
	"merger":           {shape: joint, one: "agreed a merger", oneBase: "agree a merger", past: "agreed to merge", base: "merge", noun: "Merger"},
	"bankruptcy":       {shape: intransitive, past: "filed for bankruptcy", base: "file for bankruptcy", noun: "Bankruptcy"},
	"recall":           {shape: intransitive, past: "issued a recall", base: "issue a recall", noun: "Recall"},
	"strike":           {shape: intransitive, past: "went on strike", base: "go on strike", prep: "against", noun: "Strike"},
	"investment":       {shape: intransitive, past: "invested", base: "invest", prep: "in", noun: "Investment"},
	"launch":           {shape: transitive, one: "launched a product", oneBase: "launch a product", past: "launched", base: "launch", passed: "launched", noun: "Launch"},
	"lawsuit":          {shape: transitive, one: "filed a lawsuit", oneBase: "file a lawsuit", past: "sued", base: "sue", passed: "sued", noun: "Lawsuit"},
	"charge":           {shape: transitive, one: "brought charges", oneBase: "bring charges", past: "charged", base: "charge", passed: "charged", noun: "Charges"},
	"trial":            {shape: intransitive, past: "went on trial", base: "go on trial", noun: "Trial"},
	"ruling":           {shape: intransitive, past: "ruled", base: "rule", prep: "on", noun: "Ruling"},
	"investigation":    {shape: transitive, one: "opened an investigation", oneBase: "open an investigation", past: "investigated", base: "investigate", passed: "investigated", noun: "Investigation"},
	"legislation":      {shape: intransitive, past: "passed legislation", base: "pass legislation", prep: "on", noun: "Legislation"},
	"appointment":      {shape: transitive, one: "made an appointment", oneBase: "make an appointment", past: "appointed", base: "appoint", passed: "appointed", noun: "Appointment"},
	"resignation":      {shape: intransitive, past: "resigned", base: "resign", noun: "Resignation"},
	"disaster":         {shape: intransitive, past: "was hit by a disaster", base: "be hit by a disaster", noun: "Disaster"},
	"accident":         {shape: intransitive, past: "was involved in an accident", base: "be involved in an accident", noun: "Accident"},
	"health":           {shape: intransitive, past: "faced a health emergency", base: "face a health emergency", noun: "Health emergency"},
}

// maxNames is how many participants a headline names before it counts the
// rest ("A, B and 3 others").
const maxNames = 3

// maxSentence is how long, in runes, the sentence fallback may be.
const maxSentence = 90

// Of writes the headline of e. It names the participants the roles give,
// the place unless a participant already is it, and, with no participant
// at all, falls back to the category's noun and place ("Attack in Kyiv")
// or, lacking a place too, to the shortened sentence. It returns "" only
// when e holds nothing at all.
func Of(e Event) string {
	v, ok := verbs[e.Category]
	if !ok {
		v = verb{shape: intransitive, past: "was in the news", base: "be in the news", noun: nounOf(e.Category)}
	}
	named := map[string]bool{}
	var others []string
	for i, n := range append([]string{e.Actor, e.Target}, e.Others...) {
		// The place is where it happened, said once at the end, unless
		// a role makes it a party ("Russia attacked Ukraine").
		if i >= 2 && n == e.Place {
			continue
		}
		if n != "" && !named[n] {
			named[n] = true
			if n != e.Actor && n != e.Target {
				others = append(others, n)
			}
		}
	}
	past := v.past
	if e.Category == "job_cuts" {
		if n := jobCount(e.Sentence); n != "" {
			past = "cut " + n
		}
	}
	var line string
	joined := append(nonEmpty(e.Actor, e.Target), others...)
	switch {
	case len(named) == 0:
		if e.Place == "" {
			if s := shorten(e.Sentence); s != "" {
				return s
			}
			return v.noun
		}
		line = v.noun
		if e.Future {
			line = "Planned: " + strings.ToLower(line[:1]) + line[1:]
		}
	case v.shape == joint && len(joined) > 1:
		// Who met whom is symmetric: roles or not, all are the subject.
		line = list(joined) + verbPhrase(v.base, past, e.Future, "", true)
	case e.Actor != "" && e.Target != "" && v.shape == transitive:
		line = e.Actor + verbPhrase(v.base, past, e.Future, e.Target, false)
	case e.Actor != "":
		base := v.base
		if v.shape != intransitive {
			past, base = v.one, v.oneBase
		}
		line = e.Actor + verbPhrase(base, past, e.Future, "", false)
		if e.Target != "" && v.prep != "" {
			line += " " + v.prep + " " + e.Target
		}
	case e.Target != "" && v.shape == transitive:
		// The headline passive: "Russia sanctioned". The other
		// participants have no role, so none is named as the agent.
		line = e.Target + " " + v.passed
		if e.Future {
			line = e.Target + " to be " + v.passed
		}
	case v.shape == joint:
		// One party to a meeting or an agreement, role or not, held it.
		line = joined[0] + verbPhrase(v.oneBase, v.one, e.Future, "", false)
	default:
		// Participants without roles: who took part, not who did what.
		line = v.noun + " involving " + list(joined)
		if e.Future {
			line = "Planned: " + strings.ToLower(line[:1]) + line[1:]
		}
	}
	if e.Place != "" && !named[e.Place] {
		line += " in " + e.Place
	}
	return line
}

// verbPhrase is " met" or " to meet", with the object when there is one.
// plural picks "were"/"are" over "was" for the joint subjects of the
// phrases that use "be".
func verbPhrase(base, past string, future bool, object string, plural bool) string {
	p := past
	if future {
		p = "to " + base
	} else if plural {
		p = strings.Replace(p, "was ", "were ", 1)
	}
	if object != "" {
		p += " " + object
	}
	return " " + p
}

// list joins names as a headline does: "A", "A and B", "A, B and C", "A,
// B, C and 2 others".
func list(names []string) string {
	switch {
	case len(names) == 0:
		return ""
	case len(names) == 1:
		return names[0]
	case len(names) <= maxNames:
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	rest := len(names) - maxNames
	other := " others"
	if rest == 1 {
		other = " other"
	}
	return strings.Join(names[:maxNames], ", ") + " and " + itoa(rest) + other
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// nounOf names a category the views do not know ("job_cuts" → "Job
// cuts"): a new category still reads as words.
func nounOf(c string) string {
	c = strings.ReplaceAll(c, "_", " ")
	if c == "" {
		return "Event"
	}
	return strings.ToUpper(c[:1]) + c[1:]
}

// jobsRe finds how many jobs a sentence says were cut: "2,000 jobs",
// "1.5 million workers", "about 300 positions".
var jobsRe = regexp.MustCompile(`\b(\d[\d,.]*(?:\s+(?:thousand|million))?)\s+(?:\w+\s+)?(jobs|workers|positions|employees|staff|posts)\b`)

func jobCount(sentence string) string {
	m := jobsRe.FindStringSubmatch(sentence)
	if m == nil {
		return ""
	}
	return m[1] + " " + m[2]
}

// shorten turns a report sentence into a line: spaces folded, the
// attribution tail ("…, officials said.") and the final stop dropped,
// cut at a word boundary near maxSentence runes.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, "\"“”' ")
	s = strings.TrimRight(s, ".!? ")
	if s == "" {
		return ""
	}
	r := []rune(s)
	if len(r) <= maxSentence {
		return s
	}
	cut := maxSentence
	for i := maxSentence; i > maxSentence/2; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), ",;: ") + "…"
}

// Stored writes the headline of a stored event: its roles and
// participants named by name (an entity name cannot name is left out),
// and sentence, its first report's sentence, for the fallback. Every view
// that labels events goes through here, so they all say the same.
func Stored(ev *store.StoredEvent, name func(graph.ID) string, sentence string) string {
	nameOf := func(id graph.ID) string {
		if id == 0 {
			return ""
		}
		return name(id)
	}
	h := Event{Category: ev.Category, Actor: nameOf(ev.Actor), Target: nameOf(ev.Target), Place: nameOf(ev.Place),
		Future: ev.Mode == "future", Sentence: sentence}
	for _, id := range ev.ParticipantIDs() {
		if n := nameOf(id); n != "" {
			h.Others = append(h.Others, n)
		}
	}
	return Of(h)
}
