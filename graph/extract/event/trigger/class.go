package trigger

// Class is the TimeML class of an event mention (TimeML 1.2 guidelines,
// section 2.1): what kind of happening or state the trigger names and how
// it relates to the events around it.
type Class uint8

// The classes; None is a token that names no event.
const (
	None       Class = iota
	Occurrence       // something that happens: "fell", "the takeover", "elections"
	Reporting        // someone tells of an event: "said", "reported", "told"
	State            // a circumstance that holds: "invincible", "is the owner", "crisis"
	IAction          // an action that introduces another event: "attempt", "promised", "called for"
	IState           // a state of mind about another event: "believe", "want", "fear"
	Aspectual        // the start, end or continuation of another event: "began", "stopped"
	Perception       // seeing or hearing of another event: "saw", "heard", "watched"
	numClasses
)

var classNames = [numClasses]string{"", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"}

// String returns the TimeML name of the class ("OCCURRENCE"), or "" for None.
func (c Class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return ""
}

// ParseClass maps a TimeML class name to a Class; unknown names give None
// and false.
func ParseClass(s string) (Class, bool) {
	for i, n := range classNames {
		if i > 0 && n == s {
			return Class(i), true
		}
	}
	return None, false
}
