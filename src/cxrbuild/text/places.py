"""Places, facilities and employers in reports: from real-world place lists and context cues.

- A town, region or country on the place lists (GeoNames, US Census) is a
  place wherever it stands when it is no English or clinical word; one that
  is a word ("Reading", "Mobile") needs a place cue ("lives in", "returned
  from") and, in a mixed-case text, a capital.
- A facility is the run of name words before a facility word ("Maple Crest
  Manor", "riverside rehab") or after a saint's title ("St. Brigid's").
- After a place cue ("transferred from", "outside films from") the run of
  words that are not function words or clinical vocabulary is a place: every
  word of a multi-word place goes.
- After an employer cue ("works at", "former welder at") the run of words is
  an organization.
- Where capitals mean nothing, a word no list knows after someone and "from"
  ("PT FROM TULLAMERE,") closes its clause as a place; in any case, so does a
  listed place that is also a word after where someone lives, stays or sleeps
  ("LIVES IN READING WITH HIS WIFE", "staying at a shelter in normal").

Capitals are used only where the text has both cases (see
:func:`cxrbuild.text.spans.capitals_mean_nothing`). The cues and words are
data: ``text/data/place_cues.yaml``.
"""

from __future__ import annotations

import dataclasses
import itertools

from cxrbuild.text import stored_re as re
from cxrbuild.text.lexicon import FUNCTION_WORDS, WORD_PREFIXES, Lexicon, fold
from cxrbuild.text.names import (
    FIELD_LABEL,
    NUMBER_LABEL_WORDS,
    NUMBER_WORDS,
    PERSON_ROLE_WORDS,
    WHEN_WORDS,
    NameCues,
    alternation,
)
from cxrbuild.text.patterns import (
    COMPOUND_HOSPITAL_SUFFIX,
    FACILITY_LEAD_VERBS,
    FACILITY_LEAD_WORDS,
    SERVICE_WORD_RE,
    SERVICE_WORDS,
    compound_hospital_name,
    macro,
)
from cxrbuild.text.spans import (
    CALENDAR_WORDS,
    LETTERS,
    MONTH_WORDS,
    NUMBER_RE,
    TIME_OF_DAY_WORDS,
    WEEKDAY_WORDS,
    CuedRegex,
    RuleSpan,
    capitals_mean_nothing,
    data_yaml,
    guarded_compile,
    is_capitalised,
    sentence_initial,
    timestamp_label,
)

WORD_RE = re.compile(r"[" + LETTERS + r"](?:[" + LETTERS + r"'’\-]*[" + LETTERS + r"])?|[0-9]+[A-Za-z]?")
# "the" right before a place's name ("the Philippines", "lives in the north end")
THE_BEFORE_RE = re.compile(r"(?<![A-Za-z])the[ \t]+\Z", re.IGNORECASE)
# an explicit employment cue, then the employer's name up to the clause's end
EMPLOYER_RE = CuedRegex(re.compile(
    r"(?i)(?<![A-Za-z])(?:works?|worked|working|employed|volunteers?|volunteered|volunteering|retired|(?:my|his|her|their|a|the)[ \t]+job)"
    r"(?:[ \t]+as[ \t]+an?[ \t]+[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+)?|(?<=retired)[ \t]+(?!from\b|at\b|for\b|with\b)[A-Za-z\-]+)?"
    r"(?:[ \t]+(?:for[ \t]+)?[0-9]+[ \t]+(?:yrs?|years?))?"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:at|for|from|by|with)[ \t]+(?:the[ \t]+)?"
    r"(?P<value>[A-Za-z][A-Za-z'’&\- \t]{1,50}?)"
    r"(?=[ \t]*(?:[.;,:()\n]|$)|[ \t]+(?:in|on|since|until|till|for|as|x|where|when|while|who|which|but|then|after|before|"
    r"and[ \t]+(?:lives?|is|was|has|had|quit|smokes?|drinks?|denies|his|her|their|the|a|an|now|then|still|reports?|does|did|"
    r"visits?|visited|helps?|helped|comes?|came|checks?|checked|calls?|called|stays?|stayed|brings?|brought|drives?|drove))\b)"
))
# the clause's end after a cued place (or how someone lives there: "LIVES IN SURPRISE ALONE")
CUED_PLACE_END = (
    r"(?=[ \t]*(?:[.;,:()\n]|$)|[ \t]+(?:w/|[0-9]|(?:dated|dtd|on|in|at|to|from|for|with|after|before|since|until|and|where"
    r"|who|which|via|by|while|x|alone|independently)\b))"
)
# a decade's word: a value's, no place's ("at low nineties")
DECADE_RE = re.compile(r"(?:twen|thir|for|fif|six|seven|eigh|nine)ties")
# the words of a schedule: a note on a service, not its name ("speech therapy twice weekly")
SCHEDULE_WORDS = frozenset({
    "daily", "weekly", "monthly", "yearly", "nightly", "once", "twice", "thrice", "bid", "tid", "qid", "prn", "qd", "qhs", "times",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "since", "until", "pending",
})
# another item of a list in brackets after the first ("(asbestos, silica)")
BRACKET_ITEM_AFTER_RE = re.compile(r"[ \t]*,[ \t]*[A-Za-z][A-Za-z \t\-]*[,)]")
# a dash between blanks inside a cued place's value
VALUE_DASH_RE = re.compile(r"[ \t]+[-–—][ \t]+")
# procedures done somewhere: the place after them and "at" is where ("lobectomy at ...")
PROCEDURE_WORDS = (r"(?:ebus/)?biops(?:y|ies|ied)|resection|lobectomy|segmentectomy|pneumonectomy|thoracotomy|mediastinoscopy"
                   r"|bronchoscopy|ebus|vats|cabg|ablation|catheteri[sz]ation|cardioversion|implant(?:ed|ation)?"
                   r"|colonoscopy|endoscopy|mammogram")
# a cued place's name: words, a saint's or a mount's abbreviation first ("St. Quillan's Regional")
CUED_VALUE = r"(?P<value>(?:(?:st|mt|ft)\.[ \t]+)?[A-Za-z][A-Za-z'’&\- \t]{1,40}?)"
# an explicit place cue, then the place up to the clause's end (read where capitals mean nothing)
# what a saint's name with its possessive names when no place: a day, a disease, a herb ("St. Patrick's Day", "St.
# Vitus's dance", "St. John's wort")
SAINT_NO_PLACE_RE = re.compile(r"(?i)['’]s[ \t]+(?:day|eve|dance|fire|wort)\b")
# a word no list knows shorter than this is no town after "from" ("from rhb," is an abbreviation)
MIN_UNLISTED_PLACE = 5
# the letters of each of two words written as one ("nursinghome"; not "a" + "bridge")
MIN_GLUED_PART = 3
# the clause's end after a cued place, as a regex of its own
CUED_PLACE_END_RE = re.compile(CUED_PLACE_END, re.IGNORECASE)
# ... after a relative and "in": the clause's own end, or who else or where else follows ("UNCLE IN DORRANCEVILLE,
# COUSINS NEARBY", "aunt in tellwick and cousins nearby"); "in" is also a state's ("mother in labor at 38 weeks")
# a verb of speaking, messaging or interpreting: after it in the clause, "in" and a word after a relative is a language or
# a medium ("spoke with father in portuguese", "messaged mom in mychart", "called dad in facetime")
SPEAKING_RE = re.compile(
    r"(?<![A-Za-z])(?:spoke|speaks?|speaking|talk(?:s|ed|ing)?|messag(?:e|es|ed|ing)|text(?:s|ed|ing)?|call(?:s|ed|ing)?"
    r"|interpret(?:s|ed|ing|er)?|explain(?:s|ed|ing)?|translat(?:e|es|ed|ing|or)|counsel(?:s|l?ed|l?ing)?|video|phone[ds]?"
    r"|chatt?(?:s|ed|ing)?|communicat(?:e|es|ed|ing)|updated?)(?![A-Za-z])", re.IGNORECASE)
# a clause's start before a relative: what a verb of speaking must stand after
CLAUSE_START_RE = re.compile(r"[.;:\n!?]")
# a unit's or a hospital place's word ending a word no list knows: a unit written as one word ("msicu", "cathlab",
# "burnroom", "stepdownunit", "fasttrack"), no town
GLUED_UNIT_END_RE = re.compile(r"[a-z]{2,}(?:icu|lab|room|unit|ward|track)", re.IGNORECASE)
KIN_PLACE_END_RE = re.compile(r"(?=[ \t]*(?:[.;,:()\n]|$)|[ \t]+(?:w/|and|with|who|where)\b)", re.IGNORECASE)
# ... after where someone lives, but for a number, which makes it a thing ("lives in section 8 housing"), and before how
# often or since or till when ("sleeping in mobile most nights", "staying in normal currently", "in reading this week")
DWELLING_END_RE = re.compile(
    r"(?![ \t]+[0-9])(?:" + CUED_PLACE_END + r"|(?=[ \t]+(?:most|every|each|nightly|overnight|tonight|currently|now|temporarily"
    r"|lately|recently|during|over|through|this|these|last|next)\b))", re.IGNORECASE)
# a count in words, to ninety-nine ("two", "eleven", "eighty", "ninety-two"): how many live with someone, or how old
COUNT_WORDS = macro("NUM_W")
# the words of a list of those someone lives with, between "with" and "in" ("mom, stepdad and 2 sibs")
MAX_COMPANION_WORDS = 10
# ... the prefixes of a relative's word written with a hyphen ("step-grandmother", "great-aunt", "half-brother")
KIN_PREFIXES = r"(?:(?:step|half|great|foster|ex)-)*"
# ... what a bracket after one of them may say ("wife (62)", "father (71 y/o)", "mom (recently widowed)"), at most
MAX_COMPANION_BRACKET = 30
# ... and an age between commas after one ("daughter, 34,", "mom, aged 44,", "aunt, in her 80s,", "in his late seventies")
COMPANION_AGE = (r"(?:(?:aged?[ \t]+)?[0-9]{1,3}(?:[ \t]*(?:y/?o|yrs?|years?(?:[ \t]+old)?))?|in[ \t]+(?:her|his|their)[ \t]+"
                 r"(?:(?:early|mid|late)[ \t\-]+)?(?:[0-9]0['’]?s|" + DECADE_RE.pattern + r"))")
# the last word of what someone lives in that makes a word of how well before it a state, no place ("lives in good
# health", "in poor condition", "in fair spirits"; not "films from Red Health")
STATE_OF_HEALTH_WORDS = frozenset({"health", "condition", "spirits", "shape"})
STATE_OF_HEALTH_ADJECTIVES = frozenset({
    "good", "poor", "fair", "stable", "excellent", "reasonable", "great", "bad", "ill", "declining", "failing", "frail",
    "general", "fine", "ok", "okay", "normal", "decent", "usual", "robust", "satisfactory", "guarded", "critical",
    "serious", "high", "low", "better", "worse", "improving", "relatively", "generally", "overall", "reasonably", "very",
    "quite", "pretty", "deteriorating", "fragile", "perfect"})
# ... and the kinds of care someone lives in ("lives in foster care"; not "in Bath care home")
CARE_WORD = "care"
CARE_KINDS = frozenset({"foster", "kinship", "hospice", "respite", "residential", "nursing", "palliative", "supportive",
                        "custodial", "group", "supported", "assisted", "shared", "long-term", "day", "state", "local"})
# a hospital's compound suffix, the whole of what follows a name's one word ("general hospital", "regional medical center")
COMPOUND_HOSPITAL_RE = re.compile(COMPOUND_HOSPITAL_SUFFIX, re.IGNORECASE)
# the verbs of a stay, where someone sleeps or is put up ("staying", "slept", "housed")
STAY_VERBS = r"stays?|stayed|staying|sleeps?|slept|sleeping|housed|camping|camped"
# a stay's cue and nothing else: a clinical word after it is a state as often as a town ("staying in range"; "sleeping
# rough in", "couch surfing in" say someone has no home)
BARE_STAY_CUE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:" + STAY_VERBS + r")[ \t]+(?:in|at)[ \t]+\Z")
# what says someone has no home, earlier in the sentence ("homeless, sleeping in reading")
HOMELESS_BEFORE_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:homeless|unhoused|undomiciled|no[ \t]+fixed[ \t]+(?:abode|address)|nfa)(?![A-Za-z])"
    r"(?:[^.;\n]{0,40}[.;:][ \t]*(?:\r?\n[ \t]*)?)?[^.;\n]{0,40}\Z")
# ... or in the sentence before ("Homeless. Staying in Reading.", "homeless; stays in mobile"), as far back as this
HOMELESS_BEFORE_CHARS = 100
# a season after a stay's town, which makes it where someone stays, not how ("stays in bath during winter", "staying in
# mobile for the summer", "sleeps in normal over the holidays"; not "staying in range during exercise")
SEASON_AFTER_RE = re.compile(
    r"(?i)[ \t]+(?:(?:during|for|over|through|in)[ \t]+(?:the[ \t]+)?|each[ \t]+|every[ \t]+)?"
    r"(?:winters?|summers?|spring|autumn|fall|holidays|winter[ \t]+months|summer[ \t]+months)(?![A-Za-z])")
# "at" and a lodging's town before its kind ("housed at the eureka motel", "staying at concord shelter")
TOWN_LODGING_RE = re.compile(r"(?i)(?<![A-Za-z])(?:" + STAY_VERBS + r")[ \t]+at[ \t]+(?:the[ \t]+)?(?P<town>[A-Za-z][A-Za-z'’\-]+)[ \t]+(?P<kind>[A-Za-z]+)(?![A-Za-z])")
# a doctor named, then "of" and where the doctor works ("DR. BANKS OF RIVERSIDE.", "dr. emre mehta of north shore")
DOCTOR_OF_RE = re.compile(
    r"(?<![A-Za-z])(?:dr|doctor|prof)\.?[ \t]+(?:[" + LETTERS + r"][" + LETTERS + r"'’\-]*\.?[ \t]+){0,2}[" + LETTERS + r"]["
    + LETTERS + r"'’\-]*[ \t]+of[ \t]+(?:the[ \t]+)?",
    re.IGNORECASE,
)
CUED_PLACE_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:(?P<facility>(?:outside[ \t]+|prior[ \t]+|old[ \t]+|previous[ \t]+)?(?:films?|images?|imaging|studies|cd|dvd|dis[ck]|records?|reports?)"
    r"(?:[ \t]+of[ \t]+outside[ \t]+images)?(?:[ \t]+(?:sent|received|brought|obtained))?(?:[ \t]+on[ \t]+(?:cd|dvd|dis[ck]))?[ \t]+from"
    r"|transferred[ \t]+(?:here[ \t]+)?from|(?P<stay_at>hospitali[sz]ed[ \t]+at|born[ \t]+at)|presented[ \t]+from"
    # where a patient came from or went: "adm 5/6/97 from ...", "disposition: to ..."
    r"|adm(?:itted)?(?:[ \t]+[0-9]{1,2}[/\-][0-9]{1,2}(?:[/\-][0-9]{2,4})?)?[ \t]+from|disposition[ \t]*:?[ \t]*to"
    # a transport's destination or origin: "transported non-emergent to ...", "diverted from ..."
    # (up to three words of how: "transported priority 2 to", "transported by ALS unit to")
    r"|(?:transported|diverted)(?:[ \t]+(?!to\b|from\b)[A-Za-z0-9/\-]+){0,3}?[ \t]+(?:to|from)|sent[ \t]+(?:out[ \t]+)?to"
    r"|(?:nicu[ \t]+)?stay[ \t]+at|seen[ \t]+at|referred[ \t]+from|(?:performed|done|obtained)[ \t]+at"
    # where a procedure was done or a finding made, maybe with its accession in brackets: "ebus/biopsy (s02-1) at
    # twin rivers:", "lobectomy by dr x at evergreen", "mass found on ct 10/27 at rapid city"
    r"|(?P<done_at>(?:" + PROCEDURE_WORDS + r"|found[ \t]+on[ \t]+(?:ct|cxr|mri|pet(?:/ct)?|imaging)(?:[ \t]+[0-9]{1,2}[/\-][0-9]{1,2}(?:[/\-][0-9]{2,4})?)?)"
    r"(?:[ \t]*\([^()\n]{1,30}\))?(?:[ \t]+by[ \t]+dr\.?[ \t]+[A-Za-z'’\-]+)?[ \t]+at))"
    r"|moved[ \t]+(?:here[ \t]+)?(?:from|to)|relocated[ \t]+(?:from|to)|visiting[ \t]+from|lives[ \t]+in|living[ \t]+in|resides[ \t]+in"
    r"|grew[ \t]+up[ \t]+in|originally[ \t]+from|emigrated[ \t]+from|immigrated[ \t]+from)"
    r"[ \t]+(?:the[ \t]+)?" + CUED_VALUE + CUED_PLACE_END
)
# a stay somewhere up to a time: "was at Cedar Hollow until 4/2", "stayed at green acres since may"
STAY_PLACE_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:was|were|stayed|lived|resided|been)[ \t]+at[ \t]+(?:the[ \t]+)?" + CUED_VALUE + r"(?=[ \t]+(?:until|till|since)\b)"
)
# a field naming a clinician, who may be followed by their practice: "PCP: Iryna Bird, MD, North Shore, 207-555-0100"
# ("CC:" copies a letter to a doctor, or gives the chief complaint: only a doctor's title makes it the first)
CLINICIAN_FIELD_RE = re.compile(
    r"(?im)(?:^|(?<=[ \t][ \t])|(?<=\t))(?:pcp|primary[ \t]+care(?:[ \t]+(?:provider|physician|doctor))?|copy[ \t]+to|copies[ \t]+to|gp"
    r"|referring(?:[ \t]+(?:physician|provider|doctor|md))?|referred[ \t]+by|cc(?=[ \t]*:[ \t]*(?:dr\.?|doctor)[ \t]))"
    r"[ \t]*:[ \t]*(?P<value>[^\n\t]+?)(?=[ \t]{2,}|\t|[ \t]*$)"
)
# where a practice's name in such a field ends: a telephone, a bracket, a number
PRACTICE_END_RE = re.compile(r"(?i)[ \t]*(?:\b(?:ph|phone|tel|fax|pager|pgr|office)\b|[(0-9+|]|$)")
# a line's first column beside a department's or a report's heading: the institution ("HOLY CROSS      DEPARTMENT OF")
LETTERHEAD_COLUMN_RE = CuedRegex(re.compile(
    r"(?im)^[ \t]*(?P<value>[A-Za-z][A-Za-z'’&.\-]*(?:[ \t][A-Za-z][A-Za-z'’&.\-]*){0,4})[ \t]{3,}"
    r"(?:department[ \t]+of|dept\.?[ \t]+of|radiology[ \t]+report|diagnostic[ \t]+imaging|imaging[ \t]+report)\b"
))
# a preposition of place right before a place's name
PREPOSITION_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:in|from|near)[ \t]+\Z", re.IGNORECASE)
# "at" and "to" before a place close to it less often ("at rest", "to lower lobe"); "of" still less ("a total of
# five points")
LOOSE_PREPOSITION_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:at|to)[ \t]+\Z", re.IGNORECASE)
# a preposition of place right before a ward's name ("seen in Jensen 3")
PLACE_PREPOSITION_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:in|on|to|from|at)[ \t]+\Z")
# the last word of a phrase naming a score, a grade or a stage after an eponym ("Gleason score", "Killip class")
SCORE_HEAD_WORDS = frozenset({"score", "scores", "grade", "grading", "stage", "staging", "scale", "class", "classification",
                              "criteria"})
# the words of a place's name after a procedure and "at" ("at twin rivers"; a clause goes on longer)
MAX_DONE_AT_WORDS = 3
# the plain words that may name a facility between a cue and the facility's phrase ("at twin rivers medical center")
MAX_PLAIN_NAME_WORDS = 2
# the end of a clause after a word: a comma, a stop, a semicolon, a bracket or the line's end
CLAUSE_END_RE = re.compile(r"[ \t]*(?:[,.;:)]|\n|\Z)")
# the cues of a move, whose clause may name a second place after "to"
MOVE_CUE_RE = re.compile(r"(?i)moved|relocated|transferred")
ONWARD_PLACE_RE = re.compile(r"(?i)[ \t]+to[ \t]+(?:the[ \t]+)?" + CUED_VALUE + CUED_PLACE_END)
# the words of one name are separated by blanks, a hyphen, "&" or a dot after an abbreviation
NAME_GAP_RE = re.compile(r"[ \t]{1,2}|[ \t]*[&/][ \t]*|\.[ \t]|-")
MAX_RUN = 5
MAX_FACILITY_RUN = 7
FACILITY_TAIL_RE = re.compile(r"[ \t]+(?:for[ \t]+the|of(?:[ \t]+the)?)[ \t]+(?P<word>[A-Za-z][A-Za-z'’\-]+)(?:[ \t]+(?:[A-Z][A-Za-z'’\-]+))?", re.IGNORECASE)
# between the words of one facility phrase ("health department", "fire & rescue")
PHRASE_GAP_RE = re.compile(r"[ \t]{1,2}|[ \t]*&[ \t]*|-")
# a letterhead's line: the facility's name, then the line's end, a dash and a heading, or a wide gap
MAX_LETTERHEAD_WORDS = 4
# the little words a letterhead's name may hold ("Sisters of Mercy Hospice", "Lee & Sons Funeral Home")
LETTERHEAD_JOINERS = frozenset({"of", "and", "&", "the"})
# a ward's word is no sender's: "SBAR - shift handover - the short stay unit"
WARD_PHRASES = frozenset({("unit",), ("ward",), ("wing",), ("floor",), ("bay",)})
# the last " - " or " | " before a facility's word on its line: a heading's segments
SEGMENT_BREAK_RE = re.compile(r"[ \t]+[-–—|][ \t]+")
LETTERHEAD_END_RE = re.compile(r"[ \t]*(?:$|[ \t]+[-–—|][ \t]|[ \t]{3,})", re.MULTILINE)
# words inside a facility's name: "Hospice and Palliative Care", "Home for the Aged", "Sisters of Providence"
FACILITY_JOINERS = frozenset({"and", "&", "of", "for", "the"})
# words inside a facility's or a place's name ("Brigham and Women's", "St. Luke's", "Co. Tipperary")
# departments named after a facility ("Mercy Ridge Hospital ED"): the facility's name stands before them
DEPARTMENT_WORDS = frozenset({"ed", "er", "icu", "nicu", "picu", "ccu", "pacu", "or", "ep", "cath"})
JOINING_WORDS = frozenset({"st", "ste", "mt", "ft", "co", "and", "&"})
# the generic words that open a place's name or say where in it ("Mount ...", "north of"): they close none
OPENING_PLACE_WORDS = frozenset({
    "mount", "mt", "fort", "port", "state", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "new", "upper", "lower", "old", "great", "little", "saint", "san", "santa", "st", "ste",
})
# the word right before a position, as an opening word of a place's name ("EAST " of "EAST PELLHAM")
OPENING_PLACE_WORD_RE = re.compile(r"(?P<word>[" + LETTERS + r"]+)[ \t]+\Z")
# what stands before a place's name where capitals mean nothing: a comma, a line's start, a preposition of place
PLACE_OPENS_AFTER_RE = re.compile(r"(?i)(?:^|[,;:(]|(?<![A-Za-z])(?:in|from|near|to|at|of))[ \t]*\Z", re.MULTILINE)
# the generic words of places' names that are seldom a common noun for a kind of place ("hollow", not "park")
NAME_ONLY_PLACE_WORDS = frozenset({
    "hollow", "knoll", "creek", "ridge", "heights", "glen", "brook", "dale", "vale", "crest", "grove", "meadows", "springs",
    "corners", "mills", "heath", "moor", "ford", "junction", "crossing", "landing",
})
# one or two words and a place's generic word after a preposition of place, closing the clause ("in frog hollow,")
GENERIC_PLACE_AFTER_PREPOSITION_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:in|from|near|at)[ \t]+(?P<name>[A-Za-z]+(?:[ \t]+[A-Za-z]+)?)[ \t]+(?P<kind>[A-Za-z]+)"
    r"(?=[ \t]*(?:[,.;:)]|\n|\Z))")
CLOSING_PLACE_WORD_RE = re.compile(r"[ \t](?P<word>[" + LETTERS + r"]+)\b")
# words that say which part of a place, no name of one ("main campus", "central building")
PART_WORDS = frozenset({"main", "central", "middle"})
# the little words inside a place's hyphenated name ("Port-au-Prince", "Castellón-de-la-Plana"); "in", "to" and "by"
# join English compounds ("mother-in-law", "end-to-end")
COMPOUND_JOINERS = frozenset({
    "au", "aux", "sur", "sous", "en", "le", "la", "les", "de", "du", "des", "del", "della", "el", "al", "der", "den", "di",
    "da", "dos", "das", "aan", "sul", "lès",
})
# little words that join English words too ("tube-on-suction", "end-on-side"): a place's name only when a word they
# join is no common word ("Stoke-on-Trent", "Mazar-i-Sharif")
ENGLISH_COMPOUND_JOINERS = frozenset({"on", "upon", "an", "am", "do", "op", "i", "y", "e"})
# the initials of a national health service before a facility's own name ("VA Bath Healthcare System")
SERVICE_PREFIXES = frozenset({"va", "nhs", "ihs"})
# single-word places shorter than this are taken only after a place cue
MIN_BARE_PLACE = 4


# "Ellison 11", "YAWKEY 5", "Tagore 9B": a ward or building named after a person or a place, with a number
WARD_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9])(?P<name>[" + LETTERS + r"][" + LETTERS + r"'’\-]{2,})[ \t]+(?P<number>[0-9]{1,2}[A-Za-z]?)(?![0-9A-Za-z]|[.,:/\-][0-9])")
# in a place field, a word and a room's or a bed's number: "Bed: Gold 13-19", "Loc: Baker 12W"
FIELD_WARD_RE = re.compile(r"(?<![A-Za-z0-9])[" + LETTERS + r"][" + LETTERS + r"'’\-]{2,}[ \t]+[0-9]{1,3}[A-Za-z]?(?:-[0-9]{1,3}[A-Za-z]?)?(?![0-9A-Za-z]|[.,:/\-][0-9])")
# ... the whole first clause of such a field, one or two words and the number ("Location: Gold 3, bed 4", "LOC: ROSE GARDEN 2")
FIELD_WARD_VALUE_RE = re.compile(r"(?:[" + LETTERS + r"][" + LETTERS + r"'’\-]{2,}[ \t]+)?" + FIELD_WARD_RE.pattern)
# "accepted to Blake 7", "transferred to WHITE 12": after a move, any word with a number is a ward
WARD_AFTER_MOVE_RE = CuedRegex(guarded_compile(
    r"(?i:\b(?:accepted|admitted|transferred|transported|moved|returned|sent|brought|taken|wheeled|transfer|admit|bed\s+assigned)\s+(?:back\s+)?(?:up\s+)?(?:to|on)\s+(?:the\s+)?)"
    r"(?P<name>[A-Za-z][A-Za-z'’\-]{2,})[ \t]+[0-9]{1,2}[A-Za-z]?(?![0-9A-Za-z]|[.,:/\-][0-9])"
))
# a hospital's units, the one list the regexes beside a ward's name read ("MICU: Cox 13B", "Cabot 5 ICU"), and a wing's
# side ("Ellison 8 North")
UNIT_WORDS = r"icu|micu|sicu|ccu|cvicu|picu|nicu|pacu|hdu|step-?down|floor|unit"
COMPASS_WORDS = r"north|south|east|west"
# what follows a ward's name and number: "the Thayer 10 step-down unit", "Cabot 5 ICU", "Baker 4 PACU"
WARD_UNIT_AFTER_RE = re.compile(r"[ \t]+(?:" + UNIT_WORDS + "|ward|pod|" + COMPASS_WORDS + r")\b", re.IGNORECASE)
WARD_COMPASS_AFTER_RE = re.compile(r"[ \t]+(?:" + COMPASS_WORDS + r")(?![A-Za-z])", re.IGNORECASE)
# ... or a unit's word and a comma, a colon, a slash, a dash or a bracket before its name ("MICU: Cox 13B", "the MICU
# (Blake 7 rm 12)"), or "in" after an appointment's time ("at 2:45 PM in Corrigan 2", "at noon in Baker 3")
WARD_UNIT_BEFORE_RE = re.compile(
    r"(?:(?:" + UNIT_WORDS + r")[ \t]*(?:[,:/-]|\()|(?:[ap]\.?m\.?|[0-9]:[0-5][0-9]|noon|midnight)[ \t]+in[ \t])[ \t]*$",
    re.IGNORECASE,
)
# a bracket opened right before a ward's name after a unit's word or a ward's code: a bed space or a score there is no
# ward ("MICU (Bay 3)", "CCU (Killip 2)"); a colour, or a name after a ward's code, is one when the bracket closes
# after the number or a bed's number follows ("admitted to the CCU (Blue 4)", "moved to 6N (Orchid 2)", "SICU (Red 7
# bed 2)"; not "CCU (red 3 mm)")
WARD_BRACKET_BEFORE_RE = re.compile(r"(?:(?:" + UNIT_WORDS + r")|(?<![0-9A-Za-z])[0-9]{1,2}[nsew])[ \t]*\([ \t]*$", re.IGNORECASE)
WARD_BRACKET_CLOSE_RE = re.compile(r"[ \t]*[),;]")
WARD_PART_AFTER_RE = re.compile(r"[ \t]+(?P<part>[A-Za-z]+)\.?[ \t]*#?[ \t]*[0-9]")
# a bracket or a dash after a service: "Service: Medicine (Hale 9)", "Infusion - Baker 4" (an eponym of a score there
# is the score: "Pediatrics (Tanner 3)", "Imaging - BIRADS 4")
# (or the word "service" itself: "admitted to hospitalist service (Silver 2)")
WARD_SERVICE_BEFORE_RE = re.compile(r"(?:" + SERVICE_WORDS + r"|service)[ \t]*(?:\(|[-–][ \t])[ \t]*$", re.IGNORECASE)
# a service's field label before the bracket on its line ("Service: Medicine (")
SERVICE_FIELD_BRACKET_RE = re.compile(r"(?i)(?<![A-Za-z])service[ \t]*:[^\n:()]{0,40}\([ \t]*\Z")
# ... the bracket shut right after the ward's number, or its bed after it ("(gold 3)", "(Gold 3, bed 4)"; not "(GOLD 4,
# on home O2)")
WARD_BRACKET_SHUT_RE = re.compile(r"(?i)[ \t]*(?:\)|[,;][ \t]*(?:bed|bay|rm|room|pod)(?![A-Za-z]))")
# a colour in capitals in a mixed-case note that grades COPD ("GOLD 4")
COPD_GRADE_WORDS = frozenset({"gold"})
# a word that labels, counts or grades the number after it (patterns.yaml's NUMBERED_WORD): in a unit's or a service's
# bracket no ward's name ("Medicine (step 2)", "Obstetrics (para 2)", "Medicine (pager 4)")
NUMBERED_WORD_RE = re.compile(macro("NUMBERED_WORD"), re.IGNORECASE)
OPENING_BRACKET_RE = re.compile(r"[ \t]*\(")
# the labels of a ward's or a location's field, the ones that may follow another field after
# one blank (PLACE_FIELD_RE) and that open a building's name (BUILDING_FIELD_BEFORE_RE)
WARD_FIELD_LABELS = r"ward|unit|location|loc"
# what opens the name of a hospital's building (place_cues.yaml's building_words): a location's, a ward's or a unit's
# field ("LOC: O'Donnelly Building", "Unit: Emerson House"), or "in" or "at" in a sentence of an appointment, a visit or a
# clock time ("your scan is at 2:30 PM in Thornbury House", "clinic visit 5/3 at Sullivan Pavilion"); a service's bracket
# or dash is the other (above)
BUILDING_FIELD_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:" + WARD_FIELD_LABELS + r")[ \t]*[:#][ \t]*\Z")
APPOINTMENT_WORDS = r"(?<![A-Za-z])(?:appointments?|appts?|visits?|follow[ \-]?up|f/u|scans?|scheduled|booked|clinic)(?![A-Za-z])"
BEFORE_BUILDING_NAME = r"[^.!?;\n]{0,60}?(?<![A-Za-z])(?:in|at)[ \t]+(?:the[ \t]+)?\Z"
APPOINTMENT_BEFORE_RE = re.compile(
    r"(?i)(?:" + APPOINTMENT_WORDS + r"|[0-9]:[0-5][0-9]|(?<![A-Za-z])(?:[ap]\.?m\.?|noon)(?![A-Za-z]))" + BEFORE_BUILDING_NAME)
# ... an appointment's or a visit's word, not a clock time alone ("Fell at 9 am at bingo hall" names no building)
APPOINTMENT_WORD_BEFORE_RE = re.compile(r"(?i)" + APPOINTMENT_WORDS + BEFORE_BUILDING_NAME)
BUILDING_CONTEXT_CHARS = 100  # characters before a building's name searched for what opens it
# a location field's value that is a building's name and its word alone: at most these words before the building's word,
# then the value's end (a comma, a stop, a bracket, the line's end, or the next field after two blanks)
MAX_FIELD_BUILDING_WORDS = 2
FIELD_VALUE_END_RE = re.compile(r"[ \t]*(?:[,.;:()|]|\n|\Z)|[ \t]{2}|\t")
# a name written with an elided "O'", "D'" or "L'" ("O'Donnelly", "D'Arcy", "L'Esperance"; not "o'clock")
ELIDED_NAME_RE = re.compile(r"(?i)(?:o|d|l)['’](?P<rest>[a-z]{2,})")
# a word of how something went: a participle or an adverb ("pending", "declined", "technically")
STATUS_WORD_RE = re.compile(r"(?i)[a-z]{3,}(?:ed|ing|ly)")
# a table's cell naming a service, a dash and where it is, closing the cell: "| Echo Lab - Oak Knoll", "| ONC - TWIN RIVERS"
SERVICE_CELL_PLACE_RE = re.compile(
    r"(?im)\|[ \t]*(?:[A-Za-z]+[ \t]+)?" + SERVICE_WORDS + r"[ \t]*[-–][ \t]*"
    r"(?P<value>[A-Za-z][A-Za-z'’\-]*(?:[ \t]+[A-Za-z][A-Za-z'’\-]*){0,2})[ \t]*(?=\||$)"
)
# the fields of a place: where someone lives or comes from; a facility or an employer; the others
# where someone was born or is a citizen, and where someone has been ("Travel in last 12 months: Cape Verde, Peru")
BIRTH_FIELDS = r"country\s+of\s+(?:birth|residence|origin|citizenship)|place\s+of\s+birth|birthplace"
TRAVEL_FIELD = r"(?:recent\s+)?travel(?:\s+history)?"
TRAVEL_SPAN = r"\s+(?:in|within)\s+(?:the\s+)?(?:last|past)\s+[0-9]+\s+(?:months?|years?|weeks?)"
GEOGRAPHY_FIELDS = (r"residence|current\s+residence|lives|home|home\s*town|county|town|city|suburb|country|born|"
                    + BIRTH_FIELDS + "|" + TRAVEL_FIELD + "(?:" + TRAVEL_SPAN + ")?")
# geography fields that name only places, whatever sentence they follow ("Home:", "Born:", "Travel:" may hold
# equipment, a gestation or a kind of trip)
INLINE_GEOGRAPHY_FIELDS = BIRTH_FIELDS + "|" + TRAVEL_FIELD + TRAVEL_SPAN
FACILITY_FIELDS = (r"facility|institution|hospital|outside\s+hospital|referring\s+hospital|sending\s+facility|receiving\s+facility|"
                   r"practice|gp\s+practice|pharmacy|employer|company|school|church|parish")
OTHER_PLACE_FIELDS = (WARD_FIELD_LABELS + r"|patient\s+location|pt\s+location|bed|room|floor|site|from|to|clinic|centre|center|"
                      r"employed|workplace|work|"
                      # correctional, occupational, emergency-medical and migration forms
                      r"housing|housing\s+unit|cell|camp|location\s+of\s+care|job\s+site|work\s*site|pick-?up(?:\s+location)?|scene|"
                      r"incident\s+location")
# a place field's first clause longer than this, with a quantity in it, is a sentence, not a place
CLAUSE_BREAK_RE = re.compile(r"[,;]|\.(?:[ \t]|$)")
# ... and its first part up to a comma or a semicolon
FIELD_CLAUSE_RE = re.compile(r"[^,;]*")
PLACE_FIELD_MAX_WORDS = 6
# (a unit of two letters or more: "4 L" may be a ward's side)
MEASURE_UNIT_RE = re.compile(r"[ \t]*(?=[A-Za-zµ/]{2})(?:" + macro("UNIT") + r")(?![A-Za-z])", re.IGNORECASE)
# the value of a field that holds a place: "Ward: Lister Ward", "LOC: TISCH 4", "Location:\tHodgkin Unit"
PLACE_FIELD_RE = re.compile(
    # (a line's start or a blank or a bar opens every match: tested first, it rejects most positions at once)
    r"(?im)(?:^|(?=[ \t|]))(?:^|[ \t]{2}|\t|\||(?<=[A-Za-z0-9.)])(?P<caps_after>[ \t])(?=(?-i:" + WARD_FIELD_LABELS.upper() + r")[ \t]*[:#])"
    r"|(?<=[A-Za-z0-9.)])(?P<after_field>[ \t])(?=(?:" + WARD_FIELD_LABELS + r")[ \t]*[:#])"
    r"|(?<=[.!?)])(?P<inline>[ \t])(?=(?:" + INLINE_GEOGRAPHY_FIELDS + r")[ \t]*:))"
    # (a ward's or a location's field in capitals may follow the last field after one blank: "EZE, NP LOCATION:
    # MCGREGOR 5", "SEX: M LOC: EDWARDS WING"; in any case, where another field's label and value stand before it on its
    # line (EARLIER_FIELD_RE): "ordering: dr. x location: pemberton 4", "sex: f loc: gray 2"; its value must name a place;
    # a field of where someone was born or has travelled in a span of time may follow a sentence's end: "Exposure at
    # work. Travel in last 6 months: Chad, Peru.")
    r"[ \t]*(?:(?:pt|patient)[ \t]+)?(?P<field>" + OTHER_PLACE_FIELDS + "|" + FACILITY_FIELDS + "|" + GEOGRAPHY_FIELDS + r")"
    r"[ \t]*[:#][ \t]*(?P<value>[^\n\t|]+?)(?=[ \t]{2}|\t|\||[ \t]*$|[ \t]*\n)"
)
FACILITY_FIELD_RE = re.compile(r"(?i)(?:" + FACILITY_FIELDS + r")\Z")
# a word of a finding's phrase right before a location's label, whose attribute the label is, no form's field ("tip
# location: 4 cm above the carina", "Nodule location: RUL", "Tube location:", "Biopsy location: station 7")
FINDING_ATTRIBUTE_HEADS = frozenset({
    "tip", "tube", "nodule", "nodules", "lesion", "lesions", "biopsy", "mass", "tumor", "tumour", "cyst", "catheter", "line",
    "lead", "leads", "port", "stent", "clip", "clips", "marker", "sample", "specimen", "pain", "injury", "fracture", "wound",
    "incision", "drain", "needle", "electrode", "probe", "device", "implant", "seed", "coil", "filter", "pacemaker", "ett",
    "ngt", "ogt", "picc", "cvc", "effusion", "opacity", "consolidation", "abnormality", "finding", "bleed", "hemorrhage",
    "haemorrhage", "infarct", "stone", "calculus", "polyp", "ulcer", "abscess", "collection", "aneurysm", "thrombus", "clot",
    "injection", "puncture", "target", "insertion", "entry", "rash", "swelling", "tenderness", "anatomic", "anatomical"})
# the words of another field's value before a location's label after one blank, at most ("Ordering: Dr. Mary Pryce")
MAX_EARLIER_FIELD_WORDS = 3
# a housing unit's word after its name in a place field ("Housing: Echo Unit, bunk 4"), beside place_cues.yaml's building_words
HOUSING_UNIT_WORDS = frozenset({"unit", "block", "dorm", "pod", "tier"})
# ... and the words before such a word that make it no one building's name ("Location: outpatient building")
GENERIC_BUILDING_WORDS = frozenset({"same", "other", "new", "old", "main", "body", "control", "outpatient", "inpatient"})
# another field's label and its value, earlier on the line before a field that follows it after one blank ("Sex: F")
EARLIER_FIELD_RE = re.compile(r"(?:^|(?<=[ \t]))" + FIELD_LABEL + r"[ \t]*[^ \t\n]", re.MULTILINE)
# "LOC" heads a location's field, or a loss of consciousness's ("LOC: brief, < 1 min", "LOC: yes, ~2 minutes")
LOSS_OF_CONSCIOUSNESS_FIELD = "loc"
# the words, numbers and signs of a "LOC:" field's value ("< 1 min" is "<", "1", "min"; "x2" is "x", "2")
ANSWER_TOKEN_RE = re.compile(r"[" + LETTERS + r"]+|[0-9]+(?:\.[0-9]+)?|[^\s0-9" + LETTERS + r"]")
EMPLOYER_FIELD_RE = re.compile(r"(?i)(?:employer|company|school|church|parish|employed|workplace|work)\Z")
# a room's number after a facility's name ("Stonebridge Nursing Home, Rm 291")
ROOM_AFTER_FACILITY_RE = re.compile(r"[ \t]*,?[ \t]*(?i:rm|room)\.?[ \t]*#?[ \t]*(?P<room>[0-9]{1,4}[A-Za-z]?)(?![0-9A-Za-z])")
# a comma or a dash after a facility's name, before the town that closes its line ("... Medicine - Eureka")
TOWN_CLOSING_LINE_RE = re.compile(r"(?:[ \t]*,|[ \t]+[-–])[ \t]+(?=[A-Za-z])")
CLOSES_LINE_RE = re.compile(r"[ \t.]*(?:$|\n)", re.MULTILINE)  # (a full stop may close it)
# "in" after a facility's name, before its town ("... Rehab Center in Pemberton Springs")
IN_AFTER_FACILITY_RE = re.compile(r"[ \t]+(?:in|IN|In)[ \t]+(?=[A-Za-z])")
POSSESSIVE_END_RE = re.compile(r"['’]s\Z", re.IGNORECASE)
# between the parts of a place field's value
# (a slash between two words with no blank is one name's: "OB/GYN Associates")
FIELD_PART_BREAK_RE = re.compile(r"[ \t]*[,;][ \t]*|[ \t]+/[ \t]*|[ \t]*/[ \t]+")
# the end of a sentence inside a line: a stop after a word of three letters or more or a number ("St." goes on)
SENTENCE_END_RE = re.compile(r"(?:(?<=[A-Za-z]{3})|(?<=[0-9]))[.!?](?=[ \t]|$)", re.MULTILINE)
# another field after a sentence's end on the same line ends a field's value: "Travel: Peru. HIV: negative"
NEXT_FIELD_RE = re.compile(r"\.[ \t]+(?=" + FIELD_LABEL + r")")
# the words that, after a place's cue, name no place ("outside films, none available")
NO_VALUE_WORDS = frozenset({"none", "nil", "no", "denies", "denied", "declined", "unknown", "n/a", "na", "nkda", "not"})
# a field's whole value that names nothing ("Travel: none")
NO_VALUE_RE = re.compile(r"(?i)(?:none|nil|n/?a|nkda|denies|denied|declined|unknown|not\s+(?:known|applicable))(?:\s+(?:known|reported|available))?\.?")
GEOGRAPHY_FIELD_RE = re.compile(r"(?i)(?:" + GEOGRAPHY_FIELDS + r")\Z")
# a place then a comma right before a word: a list of places ("Portugal, Turkey")
PLACE_LIST_BEFORE_RE = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’\-]*),[ \t]*\Z")
# a line that opens with a street address ("4448 Sycamore Lane")
STREET_LINE = r"[0-9]{1,6}[A-Za-z]?[ \t]+(?:[A-Za-z][A-Za-z'’\-]*[ \t]+){1,3}" + macro("STREET_TYPE") + r"(?![A-Za-z])"
# a letterhead: one to six words opening a line (another column may follow a wide gap), above a street
# address or a telephone line
LETTERHEAD_RE = re.compile(
    r"(?im)^[ \t]*(?P<value>[A-Za-z][A-Za-z'’&.\-]*(?:[ \t][A-Za-z][A-Za-z'’&.\-]*){0,5})(?:[ \t]{2,}[^\n]*)?[ \t]*\n[ \t]*"
    r"(?:(?P<street>" + STREET_LINE + r")|(?:tel|telephone|phone|ph)\b\.?[ \t]*[:.]?[ \t]*\(?\+?[0-9])"
)
# an address: a field, or a house number and street, and the lines that follow it while they end in a comma
ADDRESS_FIELD_RE = CuedRegex(guarded_compile(r"(?im)\b(?:address|addr|home\s+address|residence|mailing\s+address)[ \t]*[:#\-][ \t]*"))
# "Beverly, MA", "SALEM, NY", "tulsa, ok": a town and a US state's code
CITY_STATE_RE = re.compile(
    r"(?P<city>[" + LETTERS + r"][" + LETTERS + r"'’\-]+(?:[ \t][" + LETTERS + r"][" + LETTERS + r"'’\-]+){0,2}),[ \t]*(?P<state>[A-Za-z]{2})(?![A-Za-z0-9])"
)
# a comma between a town and its region ("Kothapur, Karnataka"), and what may follow the region: the line's or the
# clause's end, a postcode or a dash before it, or a word going on
TOWN_REGION_COMMA_RE = re.compile(r"(?<=[" + LETTERS + r"]),[ \t]*(?=[" + LETTERS + r"])")
REGION_END_RE = re.compile(r"[ \t]*(?:[,.;:)(\n]|\Z|[-–][ \t]*[0-9]|[0-9]|(?:and|with|for|since|until|where|in)\b)", re.IGNORECASE)
MAX_REGION_WORDS = 4
# how far before the comma a town's words are looked for (three words of a town's name)
TOWN_BEFORE_REGION_CHARS = 80
# state codes that are also credentials after a name ("Jane Roe, MD", "Kim Vale, MS", "Ana Ruiz, MA")
CREDENTIAL_STATES = frozenset({"MD", "PA", "DO", "NP", "MS", "MA"})
# a state's code after a place, a comma or one blank between, then the end of the phrase: a clause's end (a mark or a dash
# between blanks), who or when after it, a ZIP code, the line's end ("lives in Las Cruces NM with", "Millbrook, PA.",
# "OSTRANDER MS WITH", "Portland ME in 2019", "in bend or; works", "in bend or - works"); which of them follows is read in
# _code_closes_address
STATE_AFTER_RE = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t])(?P<state>[A-Za-z]{2})(?=(?P<mark>[ \t]*[,.;:)\]!?]|[ \t]+[-–—](?=[ \t]))|[ \t]+(?P<follower>(?i:with|and|since|for|where|until))\b"
    r"|[ \t]+(?P<when>(?i:in[ \t]+(?:(?:19|20)[0-9]{2}|(?:the[ \t]+)?(?:spring|summer|fall|autumn|winter)|"
    + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")))(?![A-Za-z0-9])"
    r"|[ \t]*(?P<zip>[0-9]{5}(?:-[0-9]{4})?)(?![0-9])|(?P<line_end>[ \t]*(?:\r?\n|\Z)))"
)
# a state's name shortened with a full stop, in the old style or the post's, after a town in a text with both cases
# ("Harrisburg, Pa.", "Bangor Me.", "Jackson, Miss.", "Eugene, Ore.", "Hammond, Ind.")
DOTTED_STATES = ("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
                 "Md", "Mass", "Me", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Oreg", "Pa",
                 "Penn", "Penna", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wisc", "Wyo")
DOTTED_STATE_AFTER_RE = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t])(?P<state>(?:" + "|".join(sorted(DOTTED_STATES, key=len, reverse=True))
    + r"|N\.[ \t]?[HJMYCD]|R\.[ \t]?I|S\.[ \t]?[CD]|W\.[ \t]?Va)\.)(?![A-Za-z0-9])"
)
# ... a name after one that is also a title ("Miss. Jones")
NAME_AFTER_TITLE_RE = re.compile(r"[ \t]+[A-Z][a-z]")
# ... those that are a credential's too, after a person's name ("Jones, Md.", "Roe, Pa.")
DOTTED_CREDENTIAL_STATES = frozenset({"Md.", "Pa.", "Ma."})
# ... a word's code at the line's end needs the text to end or a blank line after it, or a new field or sentence on the
# next line: a wrapped line may end in it ("flew to paris on\nfriday"; not "from portland me\nsocial: no etoh")
BLANK_LINE_RE = re.compile(r"[ \t]*(?:\Z|\r?\n[ \t]*(?:\r?\n|\Z))")
NEXT_LINE_FIELD_RE = re.compile(r"[ \t]*\r?\n[ \t]*(?:" + FIELD_LABEL + r"|(?:[-*•]|[0-9]{1,2}[.)])[ \t])")
WORD_AFTER_MARK_RE = re.compile(r"[ \t]*(?P<word>[A-Za-z][A-Za-z'’\-/&]*)")
NEXT_LINE_WORD_RE = re.compile(r"[ \t]*\r?\n[ \t]*(?P<word>[A-Za-z][A-Za-z'’\-/]*)")
# the words that open a new sentence on a line, where capitals mean nothing ("lives in gary in\npt denies etoh")
SENTENCE_OPENERS = frozenset({"pt", "pts", "patient", "he", "she", "they", "we", "i", "denies", "no", "hx", "history"})
# the words after a state's code that is also a clinical abbreviation or a word, which make it the abbreviation going on
# ("to Dover OR for I&D", "back to Bangor OR and re-explored", "OR today", "OR, then PACU")
CODE_GOES_ON_WORDS = frozenset({"for", "and", "at", "to", "on", "today", "tonight", "tomorrow", "yesterday", "now", "then",
                                "again", "emergently", "urgently", "stat", "later", "this", "next", "asap"})
# the marks after a state's code that a clause may go on after, with the abbreviation the code is too ("Dover OR, then
# PACU", "Dover OR - I&D"): the word after them decides
GOING_ON_MARKS = frozenset({",", "-", "–", "—"})
# the marks after a state's code that close an address only where the code is no word and no abbreviation ("in
# tarnby nj! works"; not "Bangor OR - found bleeding", "Dover OR! Washout", "[from Bangor OR]", "in bend or ?")
LOOSE_CLOSING_MARKS = frozenset({"!", "?", "]", "-", "–", "—"})
# the words after a code that say who or when: an address's, though the code abbreviates something too
CODE_ADDRESS_FOLLOWERS = frozenset({"with", "since", "where", "until"})
# a preposition of place later in the clause after a word's code and what follows it: the word is a conjunction there
# ("lives alone in dover or with her daughter in salem")
LATER_PLACE_RE = re.compile(r"(?i)[^.;\n]*?(?<![A-Za-z])(?:in|at|near|from)[ \t]+[A-Za-z]")
# how far before a town a cue of where someone lives is looked for ("lives with her daughter and son-in-law in")
DWELLING_CUE_CHARS = 60
# what stands right before a town that makes it where someone is, not who ("in", "from", "to", "at", "near")
TOWN_PREPOSITION_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:in|from|near|to|at)[ \t]+\Z")
# the place rules that found a town by a cue of where someone is, lives, comes from or was sent
CUED_PLACE_SOURCES = frozenset({"place_cue", "place_cued", "place_city_state", "place_dwelling", "place_from",
                                "place_from_unlisted", "place_after_facility"})
# ... but "to", where a person is spoken or sent to as often as a place
WHERE_SOMEONE_IS_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:in|from|near|at)[ \t]+\Z")
# a comma right before a town, after another place or a facility ("Larkhaven Rehab, Millbrook, PA")
COMMA_BEFORE_RE = re.compile(r",[ \t]*\Z")
# (not one of two abbreviations with a slash: "mo/di twins", "di/di")
STATE_CODE_RE = re.compile(r",[ \t]*(?P<state>[A-Za-z]{2})(?![A-Za-z0-9]|/[A-Za-z])")
# a number and a unit, a count's or a time's word right before a comma: a quantity, no town before a state's code ("at
# 35 2/7 wks, mo/di", "for 2 wks, or", "2 mg, in"; patterns.yaml's NOT_STREET_START: the words after a number that
# make it no house's)
QUANTITY_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z0-9])[0-9][0-9./]*[ \t]*(?:" + macro("NOT_STREET_START") + r")\Z")
STATE_CODES = frozenset(
    ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
     # Canadian provinces and territories ("Brampton, ON  L6T 4B3")
     "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
)
# "in Savannah", "near Kettering Falls", "from Redmarsh": a capitalised run after a locative word, its words maybe joined
# by "of the", "on the" or "upon" ("from Norton on the Moor", "in Heart of the Valley")
LOCATIVE_RE = re.compile(
    r"(?<![A-Za-z])(?:in|at|near|from|to|of|around|outside|towards?|via)[ \t]+"
    r"(?P<run>[A-Z][a-zà-öø-ÿā-ſ'’\-]+(?:(?:[ \t](?:of[ \t]the|on[ \t]the|upon))?[ \t][A-Z][a-zà-öø-ÿā-ſ'’\-]+){0,2})"
)
AREA_WORDS = ("neighborhood", "neighbourhood", "district", "suburb", "section", "quarter", "barrio", "estate")
# "the South End neighborhood", "the Centralville area": a name before a word for a part of a town
AREA_RE = re.compile(
    r"(?P<run>(?:[" + LETTERS + r"][" + LETTERS + r"'’\-]+[ \t]+){1,3})(?:neighbou?rhood|district|suburb|section|quarter|barrio|estate)s?\b",
    re.IGNORECASE,
)
# "Kingfisher Ward", "OSPREY UNIT": a name, then the word for a ward (the name is vetted in code)
NAMED_WARD_RE = CuedRegex(re.compile(
    r"(?<![A-Za-z'’\-])(?P<name>[" + LETTERS + r"][" + LETTERS + r"'’\-]+)[ \t]+(?P<kind>ward|unit|wing)(?![A-Za-z])", re.IGNORECASE
))
# a number in words ("one", "twenty two")
NUMBER_WORD_RE = re.compile(macro("NUM_W"))
# after a ward's word, what makes it the label of a field: a colon, a dash, a number's sign or word
WARD_WORD_LABELS_RE = re.compile(r"(?i)[ \t]*(?:[:#\-–]|no\b|number\b|num\b)")
NAMED_WARD_WORD_WINDOW = 80  # characters before a ward's name searched for the word before it
NAMED_WARD_BEFORE_RE = re.compile(r"(?<![A-Za-z'’\-])(?P<word>[" + LETTERS + r"][" + LETTERS + r"'’\-]+)[ \t]+\Z")
# a unit of a quantity after a number ("Lasix 40 mg"): such a pair is no ward
QUANTITY_RE = re.compile(
    r"[ \t]*(?:%|/|\+|(?:" + macro("UNIT") + r"|min|mins|minutes|hours?|hrs?|days?|weeks?|months?|years?|yrs?|times|x)(?![A-Za-z]))",
    re.IGNORECASE,
)
# facility words that, in a text without capitals, name a facility only after a rare word or a name
WEAK_FACILITY_WORDS = frozenset(
    {"home", "house", "place", "center", "centre", "unit", "residence", "residences", "living", "health", "care", "terrace",
     "gardens", "ward", "wing", "building", "tower", "block", "practice", "surgery", "partners", "associates", "physicians",
     "group", "services", "service", "trust", "x-ray", "mri", "imaging", "radiology", "diagnostics", "institute", "network"}
)


class PlaceCues:
    def __init__(self, spec: dict) -> None:
        self.version = str(spec["version"])
        self.facility_words = frozenset(fold(w) for w in spec["facility_words"])
        self.generic_facility_phrases = frozenset(" ".join(fold(w) for w in p.split()) for p in spec["generic_facility_phrases"])
        self.facility_cue_words = frozenset(fold(w) for w in spec["facility_cue_words"])
        self.country_cue_re = re.compile(r"(?i)(?<![A-Za-z])(?:" + alternation(spec["country_cues"]) + r")[ \t:]+\Z")
        # first word -> the facility and organization words it begins; each such phrase's label
        self.facility_first: dict[str, set[tuple[str, ...]]] = {}
        self.suffix_label: dict[tuple[str, ...], str] = {}
        for key, label in (("facility_words", "HOSPITAL"), ("organization_suffixes", "ORGANIZATION")):
            for phrase in spec[key]:
                # the words as the text's words are read: "women & infants" is (women, infants)
                words = tuple(fold(w) for w in WORD_RE.findall(phrase))
                self.facility_first.setdefault(words[0], set()).add(words)
                self.suffix_label.setdefault(words, label)
        self.place_words = frozenset(fold(w) for w in spec["place_words"])
        self.the_places = frozenset(" ".join(fold(w) for w in place.split()) for place in spec["the_places"])
        self.plain_places = frozenset(fold(w) for w in spec["plain_places"])
        self.plain_workplaces = frozenset(fold(w) for w in spec["plain_workplaces"])
        self.ward_types = frozenset(fold(w) for w in spec["ward_types"])
        self.living_conditions = frozenset(fold(w) for w in spec["living_conditions"])
        self.ward_colours = frozenset(fold(w) for w in spec["ward_colours"])
        self.building_words = frozenset(fold(w) for w in spec["building_words"])
        # one or two words and a street's word closing the clause right after where someone lives: a street though its
        # words are words of the language ("lives with grandparents⏎in copper lane.", "lives in birch row, flat 2")
        self.street_after_dwelling_re = re.compile(
            r"(?P<name>[A-Za-z][A-Za-z'’\-]*(?:[ \t]+[A-Za-z][A-Za-z'’\-]*)?)[ \t]+(?:" + alternation(spec["street_words"])
            + r")(?![A-Za-z])(?=\.?[ \t]*(?:[,.;:)]|\n|\Z))", re.IGNORECASE)
        # one to three words, then a building's word: "Fenwick House", "O'DONNELLY BUILDING", "Whitford Bldg."
        self.building_re = re.compile(
            r"(?<![" + LETTERS + r"'’\-])(?P<name>[" + LETTERS + r"][" + LETTERS + r"'’\-]*(?:[ \t]+[" + LETTERS + r"]["
            + LETTERS + r"'’\-]*){0,2})[ \t]+(?P<kind>" + alternation(spec["building_words"]) + r")\.?(?![" + LETTERS + r"])",
            re.IGNORECASE,
        )
        # a bed space's words: those that label a number ("bed", "bay", "room") and the ward's own parts ("pod")
        self.ward_parts = NUMBER_LABEL_WORDS | frozenset(fold(w) for w in spec["ward_parts"])
        self.loss_of_consciousness_answers = frozenset(fold(w) for w in spec["loss_of_consciousness_answers"])
        self.organization_words = frozenset(
            fold(w) for w in (*spec["organization_words"], *spec["organization_suffixes"]) if " " not in w
        )
        # "lives alone in", "lived with her daughter in", "lives with us in": who lives there may stand between
        # ... or stays or sleeps, with a lodging between: "staying at a shelter in", "sleeping in his car in", "housed at the
        # lakeview motel in"
        # (after a stay only a lodging or what someone with no home sleeps in, never where someone rests: "sleeping in his
        # car in", "staying on a friend's couch in"; not "sleeping in bed at rest", "staying in the ICU at")
        self.lodgings = frozenset(fold(w) for w in spec["lodgings"])
        home = alternation([*spec["lodgings"], *spec["plain_places"], *spec["living_conditions"]])
        stay_lodging = alternation([*spec["lodgings"], *spec["stay_lodgings"]])
        lodging_words = r"(?:(?:a|an|the|his|her|their|my|our|your)[ \t]+)?(?:[A-Za-z'’\-]+[ \t]+){0,2}?"
        # ... or a list of those they live with, counted or aged, within the clause ("lives with mom, stepdad and 2 sibs
        # in", "LIVES WITH MOTHER AND EIGHTY-YEAR-OLD GRANDPA IN", "living with wife, two dogs & a cat in")
        # (a relative's word with a hyphenated prefix or a possessive, and the relative's name after it: "step-grandmother
        # Olu", "great-aunt Edwina", "daughter's family"; an age in brackets or between commas after either, or how long
        # together: "wife (62)", "daughter Priya, 34,", "aunt, in her 80s,", "wife of 40 years"; one companion so described
        # stands as a list does: "lives with her daughter Priya, 34, in")
        who = alternation([*spec["kin_leads"], *spec["companions"]])
        companion = (
            r"(?:(?:[0-9]{1,3}|" + COUNT_WORDS + r")(?:[ \t]*-?[ \t]*(?:years?|yrs?)[ \t]*-?[ \t]*old|[ \t]*(?:yo|y/o))?"
            r"|" + KIN_PREFIXES + r"(?:" + who + r")(?:-in-law|s-in-law)?(?:['’]s)?"
            r"(?:[ \t]+(?!(?:" + who + r"|in|at|and|with|plus|w|of)(?![A-Za-z'’\-]))[A-Za-z][A-Za-z'’\-]*)?)(?![A-Za-z0-9\-])"
            r"(?:[ \t]*\([^()\n]{1," + str(MAX_COMPANION_BRACKET) + r"}\)|[ \t]*,[ \t]*" + COMPANION_AGE + r"[ \t]*,"
            r"|[ \t]+of[ \t]+(?:[0-9]{1,2}|" + COUNT_WORDS + r")[ \t]*(?:years?|yrs?))?"
        )
        companions = (
            companion + r"(?:(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&|plus|w/)[ \t]+|[ \t]*&[ \t]*|[ \t]+)"
            + companion + r"){0," + str(MAX_COMPANION_WORDS - 1) + r"}"
        )
        # ... or at a relative's or a friend's home, named by the possessive, maybe with the home's word ("staying at her
        # aunt's in", "sleeping at grandma's house in", "staying at his parents' in", "at a friend's place in")
        kin_home = (
            r"(?:(?:a|an|the|his|her|their|my|our|your)[ \t]+)?(?:" + alternation(spec["kin_leads"]) + r")(?:-in-law)?"
            r"(?:['’]s|(?<=s)['’])(?:[ \t]+(?:place|" + home + r"))?(?![A-Za-z])"
        )
        living = (
            r"(?:(?:lives?|lived|living|resides?|resided|residing|" + STAY_VERBS + r")[ \t]+(?:alone|together|independently|"
            r"(?:with|w/)[ \t]*(?<=[ \t/])(?:us|them|family|friends|(?:her|his|their|our|a|the)[ \t]+[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+)?|"
            r"[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+)?|" + companions + r"))"
            r"|(?:lives?|lived|living|resides?|resided|residing)[ \t]+(?:at|in)[ \t]+" + lodging_words + home + r"(?![A-Za-z])"
            r"|(?:" + STAY_VERBS + r")[ \t]+(?:at|in|on)[ \t]+" + lodging_words + stay_lodging + r"(?![A-Za-z])"
            r"|(?:" + STAY_VERBS + r")[ \t]+(?:at|in)[ \t]+" + kin_home + r")(?:[ \t]+(?:in|at)|[ \t]*\r?\n[ \t]*(?-i:in|at|IN|AT)(?![ \t]+[A-Za-z'’\-]+[ \t]*[:,]))"
            # ("lives with grandparents⏎in Reading": a wrapped line may break before "in", written small or in
            # capitals, not a line's opener: "⏎At Rest: SpO2 92%", "⏎In Addition,", "⏎At Night uses CPAP")
            # (a relative's "in law" is no place: "lives with wife and son in law")
            r"(?![ \t]+laws?(?![A-Za-z]))"
        )
        # (where someone lives is a residence too: "lives in", "grew up in")
        self.residence_cue_re = guarded_compile(
            r"(?<![A-Za-z])(?:" + living + "|" + alternation([*spec["dwelling_cues"], *spec["residence_cues"]])
            + r")[ \t]*[:,]?[ \t]*(?:the[ \t]+)?", re.IGNORECASE
        )
        self.place_cue_re = guarded_compile(
            r"(?<![A-Za-z])(?:" + living + "|" + alternation(spec["place_cues"]) + r")[ \t]*[:,]?[ \t]*(?:the[ \t]+)?", re.IGNORECASE
        )
        # a person's origin: "he is from", "family was from", "hails from"
        self.from_place_re = guarded_compile(
            r"(?<![A-Za-z])(?:" + alternation(spec["origin_verbs"]) + r")[ \t]+from[ \t]+", re.IGNORECASE
        )
        # who or what comes, then "from", right before where from ("PT FROM", "comes from", "72 yo from", "is from")
        self.origin_re = guarded_compile(
            r"(?<![A-Za-z])(?:" + alternation([*spec["origin_leads"], *spec["origin_verbs"], *spec["kin_leads"]])
            + r")[ \t]+from[ \t]+", re.IGNORECASE
        )
        # a relative or who supports someone, then "in", right before where they live ("grandmother in", "UNCLE IN",
        # "sister-in-law in")
        self.kin_in_re = guarded_compile(
            r"(?<![A-Za-z\-])(?:" + alternation(spec["kin_leads"]) + r")(?:-in-law)?[ \t]+in[ \t]+", re.IGNORECASE
        )
        # where someone lives, right before the place's word ("lives in", "lives alone in", "grew up in")
        self.dwelling_cue_re = guarded_compile(
            r"(?<![A-Za-z])(?:" + living + "|" + alternation(spec["dwelling_cues"]) + r")[ \t]+", re.IGNORECASE
        )
        self.organization_cue_re = re.compile(
            # the longer forms first: "worked for 12 years at", "worked as a welder at", "former bus driver at"
            r"(?<![A-Za-z])(?:(?:work(?:s|ed|ing)?|employed|retired|volunteer(?:s|ed)?)[ \t]+(?:as[ \t]+(?:a|an)[ \t]+[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+)?[ \t]+)?"
            r"(?:(?:for|over)[ \t]+(?:[0-9]+|[a-z]+)[ \t]+years?[ \t]+)?(?:at|for|with|by)(?=[ \t])"
            r"|(?:former|retired|ex-?|previously\s+(?:a|an))[ \t]+[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+){0,2}[ \t]+(?:at|for|with)"
            # an occupation, then "at": "machinist at", "bus driver at", "shipyard worker at" (the lookahead
            # first: only a word followed by "at" or "for" is read for an occupation's ending)
            r"|(?=[A-Za-z]+[ \t]+(?:at|for)(?=[ \t]))(?!(?:after|later|other|under|never|ever|over|either|neither|rather|together|whether|another|former|latter|"
            r"her|their|our|your|water|daughter|mother|father|brother|sister|monitor|ventilator|floor|door|doctor|order|center|"
            r"emergency|primary|ordinary)\b)"
            r"[A-Za-z]{3,}(?:er|or|ist|ian|man|woman|worker|driver|hand|smith|wright|keeper|maker|clerk|cook|chef|agent|guard|"
            r"officer|assistant|aide|technician|operator|teacher|nurse)s?[ \t]+(?:at|for)(?=[ \t])"
            # a job of one short word after "a" or "an": "was a nurse at", "as a cook at"
            r"|(?:(?<=\ba[ \t])|(?<=\ban[ \t]))(?:nurse|cook|chef|clerk|agent|guard|aide|cashier|pilot|medic|paramedic|nanny|"
            r"maid|mechanic|surgeon|attorney|secretary|tutor|coach)[ \t]+(?:at|for)(?=[ \t])"
            # "retired welder (Ocean Spray)": the employer in brackets after the occupation
            r"|(?:former|retired|ex-?)[ \t]+[A-Za-z\-]+(?:[ \t]+[A-Za-z\-]+)?[ \t]*\((?=[A-Za-z])"
            r"|(?:" + alternation(spec["organization_cues"]) + r"))"
            r"[ \t]*[:,]?[ \t]*(?:the[ \t]+)?",
            re.IGNORECASE,
        )
        # "Early Intervention (Quill Bridges)", "at work (Harrow Freight)": an agency or an employer in brackets after its kind
        self.bracket_organization_re = re.compile(
            r"(?<![A-Za-z])(?:(?P<outside>" + alternation(spec["bracket_organization_cues"]["outside_studies"]) + r")|(?P<programme>"
            + alternation(spec["bracket_organization_cues"]["programmes"]) + r")|"
            + alternation(spec["bracket_organization_cues"]["kinds"])
            + r")[ \t]*\([ \t]*(?P<value>[A-Za-z][A-Za-z'’&.\- \t]{1,60}?)[ \t]*[),]",
            re.IGNORECASE,
        )
        self.media_words = frozenset(fold(w) for w in spec["media_words"])
        self.hospital_kind_words = frozenset(fold(w) for w in spec["hospital_kind_words"])
        self.saint_re = guarded_compile(r"(?<![A-Za-z])(?:st\.|st(?=[ \t]+[A-Z])|saint|ste\.|sainte|san|santa|sao|são)[ \t]+", re.IGNORECASE)


def load_place_cues() -> PlaceCues:
    return PlaceCues(data_yaml("place_cues.yaml"))


class PlaceFinder:
    """LOCATION, HOSPITAL and ORGANIZATION spans from the place lists and the place cues."""

    def __init__(self, lexicon: Lexicon, cues: PlaceCues, name_cues: NameCues, allowed_word) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.name_cues = name_cues
        self.allowed_word = allowed_word
        # eponyms that name a score, a grade or a stage ("Gleason score", "Tanner stage"): with a number, a score
        self.scoring_eponyms = frozenset(
            phrase.split()[0] for phrase in lexicon.safe_phrases
            if phrase.split()[-1] in SCORE_HEAD_WORDS and phrase.split()[0] in lexicon.eponyms)

    def find(self, text: str) -> list[RuleSpan]:
        caseless = capitals_mean_nothing(text)
        words = list(WORD_RE.finditer(text))
        folded = [fold(m.group(0)) for m in words]  # the words folded once, for the lists and the facility words
        spans: list[RuleSpan] = []
        spans.extend(self._listed_places(text, words, folded, caseless))
        spans.extend(self._facilities(text, words, folded, caseless))
        for match in self.cues.saint_re.finditer(text):
            spans.extend(span for span in self._run_after(text, match.start(), match.end(), caseless, "HOSPITAL", "place_saint",
                                                         min_words=1)
                         if not SAINT_NO_PLACE_RE.search(text, span.start, min(len(text), span.end + 8)))
        residence_ends: set[int] | None = None  # read only when a place's cue is found: most reports have none
        for match in self.cues.place_cue_re.finditer(text):
            if residence_ends is None:
                residence_ends = {cue.end() for cue in self.cues.residence_cue_re.finditer(text)}
            spans.extend(self._run_after(text, match.end(), match.end(), caseless, "LOCATION", "place_cue",
                                         residence=match.end() in residence_ends))
        spans.extend(self._service_cells(text))
        spans.extend(self._bracketed_organizations(text, caseless))
        spans.extend(self._practices(text))
        for match in self.cues.organization_cue_re.finditer(text):
            spans.extend(self._run_after(text, match.end(), match.end(), caseless, "ORGANIZATION", "organization_cue", organization=True))
        for match in self.name_cues.credential_at_re.finditer(text):
            spans.extend(self._workplace(text, match.end(), caseless))
        spans.extend(self._employers(text, caseless))
        for match in self.cues.from_place_re.finditer(text):
            # "is from" names where someone comes from, or when and who a note is from: only a listed place or a long
            # word no list knows, closing the clause ("He is from Quellbury."; not "The note is from Cardiology.")
            spans.extend(span for span in self._run_after(text, match.end(), match.end(), caseless, "LOCATION", "place_from",
                                                         residence=True)
                         if CLAUSE_END_RE.match(text, span.end) and all(
                             (self.lexicon.is_place(w) or (self._rare(w) and len(w) >= MIN_UNLISTED_PLACE)) and not self._stop(w)
                             and fold(w) not in self.cues.plain_places for w in WORD_RE.findall(text, span.start, span.end)))
        if caseless:
            spans.extend(self._cued_places(text))
            spans.extend(self._unlisted_origins(text))
            for match in DOCTOR_OF_RE.finditer(text):
                # where capitals mean nothing, a place closing the clause after a doctor's name and "of" (with capitals,
                # the locatives read it)
                spans.extend(span for span in self._run_after(text, match.end(), match.end(), caseless, "LOCATION", "place_of_doctor",
                                                             residence=True) if CLAUSE_END_RE.match(text, span.end))
        spans.extend(self._wards(text, caseless))
        spans.extend(self._named_wards(text, caseless))
        spans.extend(self._dwellings_that_are_words(text, caseless))
        spans.extend(self._named_buildings(text, caseless))
        spans.extend(self._city_states(text, caseless))
        spans.extend(self._towns_before_regions(text, caseless))
        spans.extend(self._areas(text, caseless))
        if not caseless:
            spans.extend(self._locatives(text))
        spans.extend(self._place_fields(text))
        spans.extend(self._addresses(text))
        spans.extend(self._letterheads(text))
        spans.extend(self._towns_after_facilities(text, spans, caseless))
        spans.extend(self._states_after(text, spans, caseless))
        spans.extend(self._hollows(text) if caseless else ())
        return self._with_article(text, [self._with_opening_place_word(text, self._with_closing_place_word(text, span, caseless),
                                                                       caseless) for span in spans])

    def _unlisted_origins(self, text: str) -> list[RuleSpan]:
        """Where capitals mean nothing, a word no list knows after someone and "from", closing its clause: where they
        come from ("PT FROM TULLAMERE, INS: ...", "comes from brackenvale with his wife"; not "booster from moderna,"); not
        a word of any vocabulary or a listed name ("pt from dyspnea", "pt from nursing", "came from kessler,"), a word
        one slip from a dictionary's ("pt from nrusing home"), two words written as one ("pt from nursinghome,"), or a
        short abbreviation. After a relative or who supports someone and "in", the same word is where they live, where it
        closes the clause itself or before who else ("grandmother in tellwick.", "UNCLE IN DORRANCEVILLE, COUSINS NEARBY";
        not "mother in labor.", "sister in law", "grandmother in NICU", "aunt in denial"). Neither after "in" nor after
        "from" a language, a medium or a programme, a unit written as one word ("mom in tigrinya", "messaged mom in
        mychart", "dad in medicaid", "dad from msicu"), nor a word after a verb of speaking earlier in the clause ("spoke
        with father in kriolu")."""
        spans = []
        cued = [(match, CUED_PLACE_END_RE) for match in self.cues.origin_re.finditer(text)]
        cued.extend((match, KIN_PLACE_END_RE) for match in self.cues.kin_in_re.finditer(text))
        for match, end_re in cued:
            word = WORD_RE.match(text, match.end())
            if word is None:
                continue
            value = word.group(0)
            if (len(value) < MIN_UNLISTED_PLACE or not self._rare(value) or self.lexicon.is_vocabulary(value)
                    or self.lexicon.is_name(value) or self.name_cues.is_cue_word(fold(value))
                    or self.lexicon.misspelling_of(value) or self._glued_words(value)
                    or not end_re.match(text, word.end())):
                continue
            if (self.lexicon.is_language(value) or fold(value) in self.cues.media_words or GLUED_UNIT_END_RE.fullmatch(value)
                    or self._spoken_before(text, match.start())):
                continue  # "mom in tigrinya", "messaged mom in mychart", "dad in msicu", "spoke with father in kriolu"
            spans.append(RuleSpan(word.start(), word.end(), "LOCATION", "place_from_unlisted", strong=True))
        return spans

    def _spoken_before(self, text: str, start: int) -> bool:
        """A verb of speaking, messaging or interpreting earlier in the clause than ``start``: a word after a relative and
        "in" there is the language or the medium ("spoke with father in portuguese", "texted mom in whatsapp")."""
        clause = max((m.end() for m in CLAUSE_START_RE.finditer(text, max(0, start - 80), start)), default=max(0, start - 80))
        return SPEAKING_RE.search(text, clause, start) is not None

    def _glued_words(self, word: str) -> bool:
        """Two words of a vocabulary written as one, one of them a kind of home, of shelter or of care: a setting
        ("nursinghome", "grouphome", "homecare"), no town's name ("brackenvale" ends in a place's word; "oakheart",
        "eastwater" are two words with no home in them)."""
        folded = fold(word)
        settings = self.cues.plain_places | self.cues.living_conditions
        return any(self.lexicon.is_vocabulary(folded[:cut]) and self.lexicon.is_vocabulary(folded[cut:])
                   and folded[cut:] not in self.cues.place_words and (folded[:cut] in settings or folded[cut:] in settings)
                   for cut in range(MIN_GLUED_PART, len(folded) - MIN_GLUED_PART + 1))

    def _dwellings_that_are_words(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A listed place that is also an English or a clinical word right after a cue of where someone lives, stays or
        sleeps, closing its clause or before who lives there ("LIVES IN READING WITH HIS WIFE", "lives in mobile w/
        daughter", "LIVES IN SURPRISE ALONE", "staying at a shelter in Reading.", "sleeping in his car in normal"),
        written with a capital where capitals mean something; not a kind of home or a state of life ("LIVES IN HOUSE",
        "lives in fear", "lives in peace.", "staying in bed"), nor a word a noun follows ("lives in mobile home"). After a
        stay's cue alone a clinical word is a place only where the sentence or the one before says someone has no home
        ("homeless, sleeping in reading", "Homeless. Staying in Reading.") or a season follows it ("stays in Bath during
        winter"; not "INR staying in range."); a lodging between the stay and the town is one someone with no home sleeps
        in, no bed nor ward ("sleeping in his car in normal"; not "sleeping in bed at rest"). After "at" and a stay, a
        listed place before a lodging's word names it ("housed at the eureka motel")."""
        spans = []
        for match in self.cues.dwelling_cue_re.finditer(text):
            word = WORD_RE.match(text, match.end())
            if word is None:
                continue
            street = self.cues.street_after_dwelling_re.match(text, match.end())
            if street and all(self._street_name_word(w, caseless) for w in street.group("name").split()):
                spans.append(RuleSpan(street.start(), street.end(), "LOCATION", "place_dwelling", strong=True))
                continue
            folded = fold(word.group(0))
            if (not self.lexicon.is_place(folded) or folded in FUNCTION_WORDS or folded in NUMBER_WORDS
                    or folded in OPENING_PLACE_WORDS or folded in PART_WORDS  # "grew up in south,"
                    or folded in self.cues.plain_places or folded in self.cues.living_conditions
                    or (not caseless and not is_capitalised(word.group(0)))
                    or not DWELLING_END_RE.match(text, word.end())):
                continue
            if (self.lexicon.is_safe(folded) and BARE_STAY_CUE_RE.search(text, match.start(), match.end())
                    and not HOMELESS_BEFORE_RE.search(text, max(0, match.start() - HOMELESS_BEFORE_CHARS), match.start())
                    and not SEASON_AFTER_RE.match(text, word.end())):
                continue  # "INR staying in range.", "sats staying at rest."
            spans.append(RuleSpan(word.start(), word.end(), "LOCATION", "place_dwelling", strong=True))
        for match in TOWN_LODGING_RE.finditer(text):
            town = match.group("town")
            if (fold(match.group("kind")) in self.cues.lodgings and self.lexicon.is_place(town) and (caseless or is_capitalised(town))
                    and fold(town) not in FUNCTION_WORDS | NUMBER_WORDS | self.cues.plain_places | self.cues.living_conditions):
                spans.append(RuleSpan(match.start("town"), match.end("town"), "LOCATION", "place_dwelling", strong=True))
        return spans

    def _state_of_care(self, words: list[str], after: str = "") -> bool:
        """Words of how well and a word of health, or a kind of care and "care" (not before a home's or a facility's
        word ``after``): a state someone lives in, no place ("good health", "poor condition", "foster care", "hospice
        care"; not "Red Health", "Quillby Care", "Bath care home", "Reading care facility")."""
        if len(words) < 2:
            return False
        last = fold(words[-1])
        if last in STATE_OF_HEALTH_WORDS:
            return all(fold(w) in STATE_OF_HEALTH_ADJECTIVES for w in words[:-1])
        folded_after = fold(after)
        return (last == CARE_WORD and len(words) == 2 and fold(words[0]) in CARE_KINDS
                and folded_after not in self.cues.facility_words and folded_after not in self.cues.plain_places
                and folded_after not in self.cues.building_words)

    def _street_name_word(self, word: str, caseless: bool) -> bool:
        """A word of a street's name right after where someone lives: no little, number or opening word, no kind of home or
        state of life ("in the same lane", "in his own way", "in assisted living"), written with a capital where capitals
        mean something."""
        folded = fold(word)
        return (folded not in FUNCTION_WORDS and folded not in NUMBER_WORDS and folded not in self.cues.plain_places
                and folded not in self.cues.living_conditions and folded not in PART_WORDS
                and (caseless or is_capitalised(word)))

    def _hollows(self, text: str) -> list[RuleSpan]:
        """Where capitals mean nothing, one or two words and a place's generic word that is seldom a common noun,
        closing a clause after "in", "from", "near" or "at" ("DIRECTIONS: IN FROG HOLLOW, BLUE HOUSE", "in oak
        knoll,"); no clinical, function or number word among them ("at iliac crest,", "at dog park,")."""
        spans = []
        for match in GENERIC_PLACE_AFTER_PREPOSITION_RE.finditer(text):
            words = match.group("name").split()
            kind = fold(match.group("kind"))
            if kind not in NAME_ONLY_PLACE_WORDS:
                continue  # ("at dog park,", "in senior village", "in early spring;": a kind of place or a season)
            if any(self._stop(w) or fold(w) in NUMBER_WORDS | self.cues.place_words | PART_WORDS or len(w) < 3 for w in words):
                continue
            spans.append(RuleSpan(match.start("name"), match.end("kind"), "LOCATION", "place_generic_name", strong=True))
        return spans

    def _with_opening_place_word(self, text: str, span: RuleSpan, caseless: bool) -> RuleSpan:
        """A place found without the word that opens its name ("Pellham" of "EAST PELLHAM", "Falls" of "Upper Falls")
        takes it in, the word written as a name or, where capitals mean nothing, after a comma, a line's start or a
        preposition of place."""
        if span.label != "LOCATION":
            return span
        before = OPENING_PLACE_WORD_RE.search(text, max(0, span.start - 40), span.start)
        if before is None or fold(before.group("word")) not in OPENING_PLACE_WORDS - {"state"}:
            return span
        if caseless:
            if not PLACE_OPENS_AFTER_RE.search(text, max(0, before.start("word") - 12), before.start("word")):
                return span
        elif not is_capitalised(before.group("word")) or sentence_initial(text, before.start("word")):
            return span
        return dataclasses.replace(span, start=before.start("word"))

    def _with_closing_place_word(self, text: str, span: RuleSpan, caseless: bool) -> RuleSpan:
        """A place found without the generic word that closes its name ("Ashby" of "Ashby Falls", "Maple Shade" of
        "Maple Shade Junction") takes it in."""
        if span.label != "LOCATION" or span.source == "place_named_ward":
            return span  # ("PRIMROSE WARD BAY 1": a ward's name is closed by its ward's word)
        after = CLOSING_PLACE_WORD_RE.match(text, span.end)
        if (after and fold(after.group("word")) in self.cues.place_words and fold(after.group("word")) not in OPENING_PLACE_WORDS
                and ((is_capitalised(after.group("word")) and not caseless)
                     or not self._content_word_after(text, after.end("word")))):
            # (written as a name, or where capitals mean nothing no content word after it: not "Fresno valley fever",
            # "Reno falls frequently", "DENVER PARK AVENUE")
            return dataclasses.replace(span, end=after.end("word"))
        return span

    def _workplace(self, text: str, position: int, caseless: bool) -> list[RuleSpan]:
        """Where a clinician works, after "NP at": a run that holds a name, a long word no list knows or a listed
        proper word, or a listed place or name, no clinical word, before a place's or facility's word ("Nguyen, NP at
        Bluefork", "SEEN BY NP AT CEDAR HOLLOW"; not "Nguyen, NP at Morning Rounds", "RT at Rest Sats 94%": when and
        how, not where; nor "RN AT RECEIVING FACILITY", "np at chest clinic"). Where capitals mean nothing, a clinical
        word or a listed place, then a listed place ("PA-C AT RED BUTTE", "CNM AT WILLOW BEND")."""
        found = []
        for span in self._run_after(text, position, position, caseless, "HOSPITAL", "place_workplace", organization=True):
            words = WORD_RE.findall(text, span.start, span.end)
            if all(len(w) < 3 or fold(w) in WORD_PREFIXES for w in words):
                continue  # "NP AT PRE OP VISIT": a prefix, no name
            if any((self._rare(w) and len(w) >= 5) or self.lexicon.is_listed_proper(w) for w in words) or (
                    (fold(words[-1]) in self.cues.place_words or fold(words[-1]) in self.cues.facility_words)
                    and any((self.lexicon.is_place(w) or self.lexicon.is_name(w)) and not self.lexicon.is_safe(w)
                            and fold(w) not in self.cues.place_words | PART_WORDS for w in words[:-1])):
                # (not "MAIN CAMPUS", "NORTH CAMPUS": which part of it, no name)
                found.append(span)
        first = WORD_RE.match(text, position)
        if not found and caseless and first and fold(first.group(0)) not in FUNCTION_WORDS | self.cues.place_words | PART_WORDS and (
                self.lexicon.is_safe(first.group(0)) or (self.lexicon.is_place(first.group(0)) and not self._stop(first.group(0)))):
            second = WORD_RE.match(text, first.end() + 1) if text[first.end():first.end() + 1] == " " else None
            kinds = self.cues.place_words | self.cues.facility_words  # ("np at chest clinic": a kind of place, no name)
            if (second and self.lexicon.is_place(second.group(0)) and not self._stop(second.group(0))
                    and fold(second.group(0)) not in kinds | WHEN_WORDS):
                found.append(RuleSpan(first.start(), second.end(), "HOSPITAL", "place_workplace", strong=True))
        return found

    def _content_word_after(self, text: str, position: int) -> bool:
        """A word of two letters or more and no function word right after ``position`` ("valley fever", not "VALLEY
        M/W/F", "VILLAGE IN MACON", "VALLEY - DEPARTMENT")."""
        after = CLOSING_PLACE_WORD_RE.match(text, position)
        return after is not None and len(after.group("word")) > 1 and fold(after.group("word")) not in FUNCTION_WORDS

    def _names_a_town(self, value: str) -> bool:
        """Words that may be a town's name: no clinical word, and a listed place or a word no list knows
        ("Eureka", "Quincey Ridge"; not "Imaging Services", "Interdisciplinary Team")."""
        words = [POSSESSIVE_END_RE.sub("", w) for w in WORD_RE.findall(value)]  # "Sutter's Crossing"
        return not any(self.lexicon.is_safe(w) for w in words) and any(self.lexicon.is_place(w) or self._rare(w) for w in words)

    def _towns_after_facilities(self, text: str, spans: list[RuleSpan], caseless: bool) -> list[RuleSpan]:
        """What a facility's name is followed by: its town after "in" ("Maple Crest Rehab Center in Pemberton
        Springs") or after a comma or a dash closing the line ("Red Mesa Occupational Medicine - Eureka"), and a
        room's number ("Stonebridge Nursing Home, Rm 291")."""
        found = []
        for span in spans:
            if span.label not in {"HOSPITAL", "ORGANIZATION"}:
                continue
            room = ROOM_AFTER_FACILITY_RE.match(text, span.end)
            if room:
                found.append(RuleSpan(room.start("room"), room.end("room"), "LOCATION", "place_after_facility"))
            town = IN_AFTER_FACILITY_RE.match(text, span.end)
            if town:
                found.extend(self._run_after(text, town.end(), town.end(), caseless, "LOCATION", "place_after_facility",
                                             residence=True))
            town = TOWN_CLOSING_LINE_RE.match(text, span.end)
            if town:
                run = self._run_after(text, town.end(), town.end(), caseless, "LOCATION", "place_after_facility", residence=True)
                found.extend(r for r in run if CLOSES_LINE_RE.match(text, r.end) and self._names_a_town(text[r.start:r.end]))
        return found

    def _with_article(self, text: str, spans: list[RuleSpan]) -> list[RuleSpan]:
        """A place named with "the" ("the Philippines") keeps its article in the span."""
        widened = []
        for span in spans:
            if span.label == "LOCATION" and fold(text[span.start:span.end]) in self.cues.the_places:
                article = THE_BEFORE_RE.search(text, max(0, span.start - 5), span.start)
                if article:
                    span = dataclasses.replace(span, start=article.start())
            widened.append(span)
        return widened

    def _cued_places(self, text: str) -> list[RuleSpan]:
        """Where capitals mean nothing: the place after an explicit place cue, up to the clause's end,
        even when its words are plain words ("outside films from sacred heart dated ...", "moved from
        five points to ...", "lives in the north end w/ ...").

        A run of name words needs a word no list knows or a listed place; after these cues the
        clause names a place whatever its words are, when it is a name of two to four words (one
        word: a listed place or a word no list knows) and not a kind of place ("the floor",
        "a nursing home", "rehab") or clinical words ("physical therapy").
        """
        spans = []
        cued = [(match, bool(match.group("facility")), False) for match in CUED_PLACE_RE.finditer(text)]
        cued += [(match, True, True) for match in STAY_PLACE_RE.finditer(text)]
        for match, _, _ in list(cued):
            # "moved from five points to hollisburg": the second place of a move
            onward = ONWARD_PLACE_RE.match(text, match.end("value")) if MOVE_CUE_RE.match(match.group(0)) else None
            if onward:
                cued.append((onward, False, False))
        for match, facility, stay in cued:
            value = match.group("value")
            dash = VALUE_DASH_RE.search(value)
            if dash:
                after = WORD_RE.match(value, dash.end())
                if after and self.lexicon.is_common(after.group(0)) and not (
                        self.lexicon.is_place(after.group(0)) or after.group(0).upper() in STATE_CODES):
                    value = value[:dash.start()]  # "to Grey Rock - diverted from ...": the clause goes on after the dash
            words = WORD_RE.findall(value)
            if not words or len(words) > 4 or any(w[:1].isdigit() for w in words):
                continue
            folded = [fold(w) for w in words]
            if folded[0] in FUNCTION_WORDS or folded[0] in FACILITY_LEAD_WORDS or folded[0] in self.cues.plain_places:
                continue
            if folded[0] in self.cues.living_conditions and (len(folded) == 1 or folded[1] in FUNCTION_WORDS):
                continue  # "lives in fear of falling", "lives in denial about her smoking": how, not where (not "peace river")
            if not facility and self._state_of_care(words):
                continue  # "lives in good health", "lives in foster care"
            if "upon" in folded[:-1] and not any(
                    self._rare(w) or self.lexicon.is_place(w) for w in words[folded.index("upon") + 1:]):
                continue  # "moved from bed to chair upon arrival": a plain word after "upon" ends no place's name
            if folded[0] in PERSON_ROLE_WORDS or any(f in self.name_cues.title_words for f in folded):
                continue  # "sent to Dr. Caruso", "sent to NP Choi", "seen at the request of Dr. ...": a person (the names'
                # rules read them)
            if all(f in self.cues.plain_places or f in FUNCTION_WORDS or self._clinical(w)
                   or f in self.cues.facility_words for f, w in zip(folded, words, strict=True)):
                continue  # ("sent out to Summit Health": a device's name is a facility's too)
            if len(words) > 1 and folded[-1] in self.cues.facility_words and all(
                    f in self.cues.hospital_kind_words or f in self.cues.facility_words for f in folded):
                continue  # "born at term community hospital", "to adult general hospital": what kind of hospital, no name
            # one plain word where a patient stayed or was born is a place's name ("hospitalized at meadowlark in january")
            named_stay = match.groupdict().get("stay_at") and self._plain_name_word(words[0]) and (
                folded[0] not in CALENDAR_WORDS and folded[0] not in TIME_OF_DAY_WORDS)
            if len(words) == 1 and not (self._rare(words[0]) or self.lexicon.is_place(words[0]) or named_stay):
                continue
            if match.groupdict().get("done_at") and (len(words) > MAX_DONE_AT_WORDS or self._clinical(words[-1]) or not any(
                    self._rare(w) or self.lexicon.is_place(w) or self.lexicon.is_name(w) for w in words)):
                continue  # "ablation at cavotricuspid isthmus", "catheterization at rest showed ...": where in the body
            if stay and (any(DECADE_RE.fullmatch(f) for f in folded) or not any(
                    self._rare(w) or self.lexicon.is_place(w) or self.lexicon.is_name(w) or f in self.cues.place_words
                    or f in self.cues.facility_words for f, w in zip(folded, words, strict=True))):
                continue  # "sats were at low nineties until 2 pm": a stay needs a word that names a place
            end = match.start("value") + len(value.rstrip())
            if len(words) > 1 and folded[-1] in DEPARTMENT_WORDS:
                # "... to Eastgate ED": the facility's department is no part of its name
                last = list(WORD_RE.finditer(value))[-1]
                end = match.start("value") + len(value[:last.start()].rstrip())
                folded = folded[:-1]
            label = "HOSPITAL" if facility or folded[-1] in self.cues.facility_words else "LOCATION"
            start = match.start("value")
            article = THE_BEFORE_RE.search(text, max(0, start - 5), start)
            if label == "LOCATION" and article:
                start = article.start()  # "lives in the north end": a district named with its article
            spans.append(RuleSpan(start, end, label, "place_cued", strong=True))
        return spans

    def _practices(self, text: str) -> list[RuleSpan]:
        """The practice after a clinician in a PCP, cc or referring field: every part after the person's name and
        credentials, up to a telephone ("PCP: Iryna Bird, MD, North Shore, 207-555-0100", "cc: Dr. M. Asante,
        Mount Auburn"), unless it is clinical words only ("cc: Dr. Roe, Cardiology")."""
        spans = []
        for match in CLINICIAN_FIELD_RE.finditer(text):
            start = match.start("value")
            pieces = list(re.finditer(r"[^,;]+", match.group("value")))
            for piece in pieces[1:]:
                piece_start = start + piece.start()
                stop = PRACTICE_END_RE.search(text, piece_start, start + piece.end())
                piece_end = stop.start() if stop else start + piece.end()
                words = WORD_RE.findall(text, piece_start, piece_end)
                if not words:
                    if stop and stop.group(0).strip():
                        break  # the telephone: the practice's name is over
                    continue
                if any(fold(w).rstrip(".") in self.name_cues.suffix_folded for w in words) or all(len(w) == 1 for w in words):
                    continue  # the person's given name or credentials ("Rostami, Sunny L MD", "Roe, Jo, M.D.")
                if all(self._clinical(w) or fold(w) in FUNCTION_WORDS or fold(w) in self.cues.facility_words for w in words):
                    continue
                value_start = piece_start + len(text[piece_start:piece_end]) - len(text[piece_start:piece_end].lstrip())
                spans.append(RuleSpan(value_start, piece_start + len(text[piece_start:piece_end].rstrip()), "HOSPITAL", "place_practice"))
                if stop and stop.group(0).strip():
                    break
        return spans

    def _bracketed_organizations(self, text: str, caseless: bool) -> list[RuleSpan]:
        """The whole name in brackets after an agency's or a workplace's kind ("Early Intervention (Harbor Kin
        Partners)", "pharmacy (Quillmart)"), unless it is clinical words, a plain workplace or a kind of service
        ("early intervention (PT/OT)", "home health (VNA)", "at work (office)")."""
        spans = []
        for match in self.cues.bracket_organization_re.finditer(text):
            words = WORD_RE.findall(match.group("value"))
            if not words or len(words) > 6 or NO_VALUE_RE.fullmatch(match.group("value").strip()) or (
                    len(words) == 1 and fold(words[0]) in self.lexicon.english and not self.lexicon.is_place(words[0])
                    and not match.group("outside")):
                continue  # ("church (weekly)": one plain word is no name; "outside study (none available)")
            if BRACKET_ITEM_AFTER_RE.match(text, match.end("value")):
                continue  # "at work (asbestos, silica)": a list of things, not a name
            if match.group("outside") and any(fold(w) in FUNCTION_WORDS and fold(w) not in FACILITY_JOINERS for w in words):
                continue  # "outside report (not available at this time)"
            if all(self._clinical(w) or self.allowed_word(w) or fold(w) in FUNCTION_WORDS or fold(w) in self.cues.plain_workplaces
                   or fold(w) in self.cues.plain_places or (len(w) <= 4 and w.isupper()) for w in words):
                continue
            # after a programme's kind the bracket holds a name: written with capitals where the text has both cases;
            # where it has not, no little word or word of a schedule ("at work (fell off ladder)", "early intervention
            # (speech therapy twice weekly)" are notes)
            if match.group("programme") and not match.group("outside") and (
                    not all(is_capitalised(w) or fold(w) in FACILITY_JOINERS for w in words) if not caseless
                    else any((fold(w) in FUNCTION_WORDS and fold(w) not in FACILITY_JOINERS) or fold(w) in SCHEDULE_WORDS for w in words)):
                continue
            if not (match.group("programme") or match.group("outside")) and not any(
                self._rare(w) or fold(w) in self.cues.organization_words or fold(w) in self.cues.facility_words
                or self.lexicon.is_listed_proper(w) for w in words
            ):
                continue  # "Maple Street Pharmacy (fill history)": a note on a facility named before its kind
            spans.append(RuleSpan(match.start("value"), match.end("value"), "ORGANIZATION", "organization_bracketed", strong=True))
        return spans

    def _employers(self, text: str, caseless: bool) -> list[RuleSpan]:
        """The whole name after an employment cue, up to the clause's end: "works at Tri-State Auto Parts",
        "RETIRED FROM STOP & SHOP IN '81", "volunteers at marrow & finch bakery".

        The run of proper-name words stops at a clinical or common word; after an explicit employment
        cue the employer's name is everything up to the clause's end, when it reads as a name: a
        capitalised word (in a text with capitals), a word no list knows, a listed name or place, an
        organization word, or words joined by "&" or a hyphen; never a plain object ("works at home",
        "works for the city", "retired from teaching").
        """
        spans = []
        for match in EMPLOYER_RE.finditer(text):
            value = match.group("value")
            words = WORD_RE.findall(value)
            if not words or not words[0][:1].isalpha() or fold(words[0]) in FUNCTION_WORDS or fold(words[0]) in self.cues.plain_workplaces:
                continue
            if any(w[:1].isdigit() for w in words):
                continue
            joined = "&" in value or any("-" in w and not self.lexicon.is_safe(w) for w in words)
            named = any(
                self._rare(w) or fold(w) in self.cues.organization_words
                or self.lexicon.is_listed_proper(w)
                or (not caseless and is_capitalised(w) and not self.lexicon.is_safe(w))
                for w in words
            )
            # where case tells nothing, two words or more that are no plain place of work name one ("works at orchid nails"),
            # though one of them be clinical ("general dynamics")
            # (a joining word or a kind of workplace may stand inside or at the end: "elm tool and die", "sharp post office")
            several = caseless and len(words) >= 2 and fold(words[0]) not in self.cues.plain_workplaces and not all(
                self.lexicon.is_safe(w) for w in words) and sum(
                fold(w) not in self.cues.plain_workplaces and fold(w) not in FUNCTION_WORDS for w in words) >= 1
            if not (named or joined or several) or all(fold(w) in self.cues.plain_workplaces or fold(w) in FUNCTION_WORDS for w in words):
                continue
            if not caseless and not joined and not any(is_capitalised(w) or w.isupper() for w in words):
                continue  # where capitals mean something, an employer's name has one (or an "&": "summit stone & tile")
            spans.append(RuleSpan(match.start("value"), match.end("value"), "ORGANIZATION", "organization_employer", strong=True))
        return spans

    def _states_after(self, text: str, spans: list[RuleSpan], caseless: bool) -> list[RuleSpan]:
        """A US state's code right after a place the rules found, after a comma or one blank, closing its phrase ("lives
        in Las Cruces NM with", "staying in Dunmore, OR.", "LIVES IN OSTRANDER MS WITH"): part of the place, in capitals,
        or in any case where capitals mean nothing. A code that is also a credential ("MD", "PA", "MS") or, where capitals
        mean nothing, a word ("in", "or", "me") only after a town that a cue, a preposition of place or another place
        before it makes where someone is (see _placed_town), and never after a person's given name or initial ("Ellery
        Boston MD"; a town of several words a cue places may hold one: "in Holly Springs, MS"), and so a code in small
        letters ("coxsackie ab,"); a code that is also a clinical abbreviation or a word only where what follows closes
        the address (see _code_closes_address: not "to Dover OR for I&D"). With both cases, a state's name shortened with a
        full stop after a town a cue places is one too ("in Harrisburg, Pa.", "from Eugene, Ore.")."""
        found = []
        for span in spans:
            if span.label != "LOCATION":
                continue
            dotted = [] if caseless else self._dotted_state_after(text, span, spans)
            if dotted:
                found.extend(dotted)
                continue
            match = STATE_AFTER_RE.match(text, span.end)
            if not match:
                continue
            state = match.group("state")
            code = state.upper()
            if code not in STATE_CODES or not (state.isupper() or caseless):
                continue
            word = caseless and fold(state) in FUNCTION_WORDS
            placed = self._placed_town(text, span, spans)
            if (code in CREDENTIAL_STATES or word or state.islower()) and not placed:
                continue  # "seen by Kettering, PA", "Boston MD": a credential after a person; "coxsackie ab,": a test
            if code in CREDENTIAL_STATES and self._person_before_town(text, span.start, WORD_RE.findall(text, span.start, span.end)) \
                    and not self._placed_town_of_words(text, span):
                continue
            abbreviation = word or code in CREDENTIAL_STATES or self.lexicon.is_safe(code) or (caseless and self.lexicon.is_common(code))
            if not self._code_closes_address(text, match, span, word, abbreviation):
                continue  # "to Dover OR for I&D", "in dover or with her daughter in salem", "PARIS ON⏎FRIDAY"
            # (strong where the town is where someone is: "OR" is on the allow-list as a room)
            # (the ZIP code after it too, in any case: "moved from pellsworth pa 18512")
            end = match.end("zip") if match.group("zip") else match.end("state")
            found.append(RuleSpan(match.start("state"), end, "LOCATION", "place_state_after", strong=placed))
        return found

    def _code_closes_address(self, text: str, match: re.Match[str], span: RuleSpan, word: bool, abbreviation: bool) -> bool:
        """Whether what follows a state's code after a town shows the address closing there, where the code is also a
        clinical abbreviation or a word ("OR", "MS", "PA", where capitals mean nothing "or", "in", "me"):
        - a ZIP code, or when: "in" a year, a season or a month, "since" ("Portland ME in 2019");
        - the sentence's end or a closing mark, or a comma or a dash and no word that goes on with the abbreviation
          ("Dunmore, OR.", "in bend or; works", "Bend, OR, with wife", "in bend or - works"; not "Dover OR, then PACU",
          "Dover OR, wound washed out", "Dover OR - then PACU");
        - who or when: "with", "since", "where", "until"; but a word's code is a conjunction where another place follows in
          its clause ("in dover or with her daughter in salem");
        - "and", "for" only after where someone lives ("lives in Bend OR and works", not "to Dover OR for I&D");
        - the line's end where a blank line, a field's label, a list's item or a new sentence follows, or the next line's
          first word would close it as above ("FROM PORTLAND ME⏎SOCIAL: NO ETOH"; not "PARIS ON⏎FRIDAY")."""
        if match.group("zip") or match.group("when"):
            return True
        dwelling = self._dwelling_before(text, span)
        if match.group("mark"):
            if match.group("mark").strip() in LOOSE_CLOSING_MARKS and (word or abbreviation):
                return False  # "Back to Bangor OR - found bleeding", "Bangor OR ? abscess", "[from Bangor OR]": the room
            if match.group("mark").strip() not in GOING_ON_MARKS:
                return True
            after = WORD_AFTER_MARK_RE.match(text, match.end("mark"))
            return not abbreviation or after is None or not self._goes_on_after_code(after.group("word"), dwelling)
        if match.group("follower"):
            follower = fold(match.group("follower"))
            if follower in CODE_ADDRESS_FOLLOWERS:
                return not (word and LATER_PLACE_RE.match(text, match.end("follower")))
            return not abbreviation or dwelling
        # the line's end
        if BLANK_LINE_RE.match(text, match.end("state")) or NEXT_LINE_FIELD_RE.match(text, match.end("state")):
            return True
        nxt = NEXT_LINE_WORD_RE.match(text, match.end("state"))
        if nxt is None:
            return not word
        after = fold(nxt.group("word"))
        if after in CODE_ADDRESS_FOLLOWERS or (word and after in SENTENCE_OPENERS):
            return True
        if word:
            return after in self.name_cues.heading_words  # "lives in gary in⏎history: htn"
        # (a clinical word opening the next line is a new item as often: "LIVES IN AUSTIN TX⏎HTN, DM")
        return not abbreviation or dwelling or after not in CODE_GOES_ON_WORDS

    def _goes_on_after_code(self, word: str, dwelling: bool) -> bool:
        """Whether the word after a state's code that is also an abbreviation and a comma goes on with the abbreviation
        ("OR, then", "OR, wound washed out"): a word of a clinical phrase's going on, or a clinical word that names no
        place; never after where someone lives ("lives in Bend, OR, retired")."""
        if dwelling:
            return False
        return fold(word) in CODE_GOES_ON_WORDS or (
            self._clinical(word) and not self.lexicon.is_place(word) and not self.lexicon.is_country(word))

    def _dwelling_before(self, text: str, span: RuleSpan) -> bool:
        """Whether a cue of where someone lives stands right before a town ("lives in", "grew up in", "lives alone in")."""
        if span.source == "place_dwelling":
            return True
        before = text[max(0, span.start - DWELLING_CUE_CHARS):span.start]
        return any(cue.end() == len(before) for cue in self.cues.dwelling_cue_re.finditer(before))

    def _placed_town_of_words(self, text: str, span: RuleSpan) -> bool:
        """Whether a place the rules found is a listed place of several words that a cue, a preposition of place or a
        place's field makes where someone is: its words are the town's, though one is a given name ("Lives in Holly
        Springs, MS", "Pt from Olive Branch MS", "Hometown: Bay St. Louis, MS")."""
        words = [fold(w) for w in WORD_RE.findall(text, span.start, span.end)]
        if len(words) < 2 or " ".join(words) not in self.lexicon.place_phrase_names:
            return False
        if span.source in CUED_PLACE_SOURCES or span.source == "place_field":
            return True
        # (not after "to", where a person is spoken or sent to as often: "spoke to Holly Springs, MA")
        before = text[max(0, span.start - 12):span.start]
        return WHERE_SOMEONE_IS_BEFORE_RE.search(before) is not None

    def _dotted_state_after(self, text: str, span: RuleSpan, spans: list[RuleSpan]) -> list[RuleSpan]:
        """A state's name shortened with a full stop after a town that a cue or a preposition of place makes where
        someone is ("lives in Harrisburg, Pa. with", "from Eugene, Ore."), in a text with both cases; a credential's
        shortening ("Md.", "Pa.") never after a person's name ("Dr. Jones, Md.")."""
        match = DOTTED_STATE_AFTER_RE.match(text, span.end)
        if match is None or not self._placed_town(text, span, spans):
            return []
        if fold(match.group("state").rstrip(".")) in self.name_cues.title_words and NAME_AFTER_TITLE_RE.match(text, match.end()):
            return []  # "lives in Dover, Miss. Jones her aide": a title before a name
        if match.group("state") in DOTTED_CREDENTIAL_STATES and self._person_before_town(
                text, span.start, WORD_RE.findall(text, span.start, span.end)) and not self._placed_town_of_words(text, span):
            return []
        # (the full stop is the state's; the sentence's end too, where one closes it)
        return [RuleSpan(match.start("state"), match.end("state") - 1, "LOCATION", "place_state_after", strong=True)]

    def _placed_town(self, text: str, span: RuleSpan, spans: list[RuleSpan]) -> bool:
        """Whether a place the rules found is where someone is: found by a cue ("lives in", "discharged to"), or right after
        a preposition of place ("in", "from", "to", "at", "near"), or after a comma that closes another place or a
        facility ("Larkhaven Rehab, Millbrook"); a word that opens a place's name may stand between ("at home in east
        marlow, pa;": the state's code after it is the address's)."""
        if span.source in CUED_PLACE_SOURCES:
            return True
        before = text[max(0, span.start - 12):span.start]
        if TOWN_PREPOSITION_BEFORE_RE.search(before):
            return True
        opening = OPENING_PLACE_WORD_RE.search(text, max(0, span.start - 12), span.start)
        if (opening and fold(opening.group("word")) in OPENING_PLACE_WORDS
                and TOWN_PREPOSITION_BEFORE_RE.search(text, max(0, opening.start() - 12), opening.start())):
            return True
        comma = COMMA_BEFORE_RE.search(before)
        if comma is None:
            return False
        comma_at = span.start - len(before) + comma.start()
        return any(other.end == comma_at and other.label in {"LOCATION", "HOSPITAL", "ORGANIZATION"} for other in spans)

    def _person_before_town(self, text: str, start: int, town_words: list[str]) -> bool:
        """Whether the word before a town's last word reads as a person's: a given name, an initial, a title or a role, or
        a word no list knows before a listed surname ("Jane Smith, MD", "J. Roe, PA", "Dr. Kettering, MD", "Ysolde
        Carter, MD")."""
        if len(town_words) > 1:
            before = town_words[-2]
        else:
            previous = re.search(r"([A-Za-z]+\.?)[ \t]+\Z", text[max(0, start - 30):start])
            before = previous.group(1) if previous else ""
        # (a word that opens a place's name is the town's, though a list holds it as a given name: "in East Marlow, PA")
        return bool((self.lexicon.is_given(before) and fold(before) not in FUNCTION_WORDS and fold(before) not in OPENING_PLACE_WORDS)
                    or re.fullmatch(r"[A-Za-z]\.?", before)
                    or fold(before.rstrip(".")) in self.name_cues.title_words or fold(before) in self.name_cues.role_words
                    or (self._rare(before) and self.lexicon.is_surname(town_words[-1])))

    def _wards(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A ward or building named by a proper name and a number ("Ellison 11", "yawkey 5")."""
        spans = []
        lexicon = self.lexicon
        for match in WARD_NUMBER_RE.finditer(text):
            name = match.group("name")
            folded = fold(name)
            before = text[max(0, match.start() - 16):match.start()]
            compass = WARD_COMPASS_AFTER_RE.match(text, match.end())  # "Ellison 8 North": the wing is the ward's name too
            end = compass.end() if compass else match.end()
            in_bracket = WARD_BRACKET_BEFORE_RE.search(before) is not None
            # (a service's bracket only after a service's field label: "Service: Medicine (gold 3)"; not "Pulmonary clinic
            # (GOLD 4)", "Labs drawn (gold 2, lavender 1)")
            service_bracket = (not in_bracket and WARD_SERVICE_BEFORE_RE.search(before) is not None and before.rstrip().endswith("(")
                               and SERVICE_FIELD_BRACKET_RE.search(text, text.rfind("\n", 0, match.start()) + 1, match.start()) is not None)
            # (in a service field's bracket that shuts right after the number, a score's eponym is a ward's name too:
            # "Service: Surgery (Tanner 4)" names the team's ward, a score has no place there)
            ward_shut = service_bracket and WARD_BRACKET_SHUT_RE.match(text, end) is not None
            if (in_bracket or service_bracket) and (
                    folded in self.cues.ward_parts or folded in SCORE_HEAD_WORDS
                    or (folded in self.scoring_eponyms and not ward_shut) or NUMBERED_WORD_RE.fullmatch(name)):
                continue  # "MICU (Bay 3)", "CCU (class 3)", "CCU (Killip 2)", "Medicine (step 2)": a bed space, a score or a
                # count, no ward's name
            part_after = WARD_PART_AFTER_RE.match(text, end)
            bracketed = (in_bracket or service_bracket) and (WARD_BRACKET_CLOSE_RE.match(text, end) is not None or (
                part_after is not None and fold(part_after.group("part")) in self.cues.ward_parts))
            if service_bracket and folded in self.cues.ward_colours and (
                    (WARD_BRACKET_SHUT_RE.match(text, end) is None and not (
                        part_after is not None and fold(part_after.group("part")) in self.cues.ward_parts))
                    or (not caseless and name.isupper() and folded in COPD_GRADE_WORDS)):
                continue  # "Service: Pulmonary (GOLD 4, on home O2)": a grade or a clinical phrase in the bracket, no team
            if bracketed and folded in self.cues.ward_colours:
                # "TRANSFER TO SICU (RED 7)", "Service: Medicine (gold 3)": a ward or a team called by its colour, though
                # the colour is a clinical word (strong after a service, whose bracket says which team or ward, though the
                # colour is an eponym there: "GOLD" grades COPD after the disease, "COPD (GOLD 3)")
                spans.append(RuleSpan(match.start(), end, "LOCATION", "place_ward", strong=service_bracket))
                continue
            # (after a unit's bracket the ward's name goes whatever follows its number: "the MICU (Blake 7 rm 12)")
            unit_word = WARD_UNIT_AFTER_RE.match(text, match.end()) or WARD_UNIT_BEFORE_RE.search(before) or bracketed
            service = not unit_word and WARD_SERVICE_BEFORE_RE.search(before)
            unit_after = unit_word or service
            # an eponym that names no score is a ward's name after a unit's word or a service ("Cardiology - Corrigan 6");
            # one that names a score is the score there ("Hospitalist (Gleason 7)", "Pediatrics (Tanner 3)")
            ward_eponym = lexicon.is_eponym(name) and (unit_word or (service and folded not in self.scoring_eponyms))
            if folded in CALENDAR_WORDS or (self._stop(name) and not ward_eponym):
                continue  # ("Mallampati 2" is a score; "the Thayer 10 step-down unit" a ward)
            if (lexicon.is_clinical_eponym(name) and not ward_eponym) or (
                    folded in self.scoring_eponyms and not unit_after and not PLACE_PREPOSITION_BEFORE_RE.search(before)):
                continue  # ("Hips stable. Tanner 1.": with no unit, service or "in" before it, a score's name and its value)
            # (a word no list knows after a unit's bracket only where the bracket holds the ward alone or with its bed:
            # "CCU (Quillby 2)"; not "PACU (Aldrete 9 at discharge)", "SICU (Blakemore 3 lumens)")
            rare_ward = unit_word and (not in_bracket or bracketed)
            listed = lexicon.is_name(name) or lexicon.is_place(name) or (rare_ward and self._rare(name))  # ("in Quillby 2")
            if lexicon.is_common(name) and not listed:
                continue
            if caseless and not (listed and (folded not in lexicon.english or unit_after)):
                continue  # "EPAP 5", "SMOKES 1": in capitals, a word and a number are no ward without a unit's word
            if not caseless and not name[:1].isupper() and not unit_after:
                continue  # "atorvastatin 80 mg take 1 daily": in a mixed-case text a ward's name has a capital
            if not caseless and not listed and not (name[:1].isupper() and name[1:].islower()):
                continue  # "VASc 4", "EPAP 5": a ward's name is written as a name
            if QUANTITY_RE.match(text, match.end()):
                continue
            spans.append(RuleSpan(match.start(), end, "LOCATION", "place_ward"))
        for match in WARD_AFTER_MOVE_RE.finditer(text):
            if fold(match.group("name")) in FUNCTION_WORDS or QUANTITY_RE.match(text, match.end()):
                continue  # "moved to the 4 ..."
            spans.append(RuleSpan(match.start("name"), match.end(), "LOCATION", "place_ward"))
        return spans

    def _named_wards(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A ward or unit called by a name ("Kingfisher Ward", "the Nightingale ward"), not by its use ("Surgical Ward")."""
        spans = []
        lexicon = self.lexicon
        for match in NAMED_WARD_RE.finditer(text):
            name, kind = match.group("name"), match.group("kind")
            folded = fold(name)
            if folded in self.cues.ward_types or folded in FUNCTION_WORDS or folded in CALENDAR_WORDS or NUMBER_WORD_RE.fullmatch(folded):
                continue  # (nor a count: "transfused one unit")
            if folded in self.name_cues.heading_words:
                continue  # "HEALTH SERVICES UNIT": a word of an organisation's structure, not a ward's name
            if caseless:
                if lexicon.is_safe(name) or not (self._rare(name) or lexicon.is_name(name) or lexicon.is_place(name) or lexicon.is_common(name)):
                    continue
            elif not (is_capitalised(name) and kind[:1].isupper()):
                continue  # "the medical ward", "a bed on the ward": in a mixed-case text a named ward has capitals
            elif lexicon.is_safe(name) and fold(kind) != "ward":
                continue  # "Spinal Injuries Unit", "Clinical Decision Unit": units are named for their use
            start = match.start("name")
            previous = NAMED_WARD_BEFORE_RE.search(text, max(0, start - NAMED_WARD_WORD_WINDOW), start)
            if previous and fold(previous.group("word")) not in self.cues.ward_types and fold(previous.group("word")) not in FUNCTION_WORDS \
                    and (is_capitalised(previous.group("word")) or caseless) and not lexicon.is_safe(previous.group("word")):
                start = previous.start("word")  # "Blue Heron Ward": every word of the name
            # the ward's word is the name's too ("WREN WARD"), unless it labels the next field ("ALISTAIR   UNIT NO: 4886594")
            end = match.end("name") if WARD_WORD_LABELS_RE.match(text, match.end()) else match.end()
            spans.append(RuleSpan(start, end, "LOCATION", "place_named_ward"))
        return spans

    def _named_buildings(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A hospital's building called by a name ("Fenwick House", "O'DONNELLY BUILDING", "kettering hall") after a
        location's field, after "in" or "at" in a sentence of an appointment or a clock time, or in brackets or after a
        dash following a service ("Cardiology (Fenwick House)"): the words right before the building's word that may
        name it (see _building_name_word; not "LOC: chest wall", "at 2 pm in the treatment building", "appointment in
        the main building")."""
        spans = []
        for match in self.cues.building_re.finditer(text):
            words = list(WORD_RE.finditer(text, match.start("name"), match.end("name")))
            # the whole value of a location's field, one or two words and the building's word: a building, though its
            # words are words of the language ("LOC: LANTERN BUILDING", "loc: copper tower, 2nd floor")
            whole_value = (len(words) <= MAX_FIELD_BUILDING_WORDS and FIELD_VALUE_END_RE.match(text, match.end()) is not None
                           and BUILDING_FIELD_BEFORE_RE.search(text, max(0, words[0].start() - BUILDING_CONTEXT_CHARS),
                                                               words[0].start()) is not None)
            named = []
            for word in reversed(words):
                if not self._building_name_word(word.group(0), caseless, any_word=whole_value):
                    break
                named.append(word)
            if not named:
                continue
            start = named[-1].start()
            before = text[max(0, start - BUILDING_CONTEXT_CHARS):start]
            if (BUILDING_FIELD_BEFORE_RE.search(before) or WARD_SERVICE_BEFORE_RE.search(before)
                    or APPOINTMENT_WORD_BEFORE_RE.search(before)):
                opened = True
            elif APPOINTMENT_BEFORE_RE.search(before):
                # after a clock time alone, where capitals mean nothing, no word of the language names a building, a
                # person's name though it is ("FELL AT 9 AM AT BINGO HALL", "at 2 pm at music hall", "mess hall")
                opened = not caseless or not any(self.lexicon.is_common(POSSESSIVE_END_RE.sub("", w.group(0)) or w.group(0))
                                                 for w in named)
            else:
                opened = False
            if opened:
                spans.append(RuleSpan(start, match.end("kind"), "LOCATION", "place_building"))
        return spans

    def _building_name_word(self, word: str, caseless: bool, any_word: bool = False) -> bool:
        """A word of a building's name: no little, number, clinical, generic or structural word ("the", "main", "east",
        "chest", "group", "nursing"); where capitals mean something one written with a capital, and where they mean
        nothing a name, a place no common word names, or a word no list knows ("BAKER", "o'donnelly", "fenwick"; not
        "dining"); a word of the language there only where it is a given name and a surname both ("HOPE TOWER"; not
        "BINGO HALL", "dance hall"), and, after a clock time alone, never (see _named_buildings). ``any_word``: the name
        is a location field's whole value, where a word of the language names the building too ("loc: lantern
        building")."""
        bare = POSSESSIVE_END_RE.sub("", word) or word
        folded = fold(bare)
        if (len(bare) < 3 or not bare[:1].isalpha() or folded in FUNCTION_WORDS or folded in NUMBER_WORDS
                or folded in OPENING_PLACE_WORDS or folded in PART_WORDS or folded in self.cues.building_words
                or folded in self.cues.facility_words or folded in self.cues.place_words or folded in self.cues.plain_places
                or folded in self.cues.living_conditions or folded in self.cues.ward_types
                or folded in self.cues.organization_words or folded in self.name_cues.heading_words
                or self.name_cues.is_cue_word(folded)
                or (self._clinical(bare) and not (any_word and self.lexicon.is_name(bare)))):  # ("loc: grace pavilion")
            return False
        if any_word:
            return True
        if not caseless:
            return is_capitalised(word)
        if self.lexicon.is_common(bare):
            # a word of the language names a building only where it is a person's given name and surname both ("BAKER",
            # "hope", "ROSE"; not "bingo", "dance", "pool", "mess", "town", "guest", "group", "bat": surnames as rare)
            return self.lexicon.is_given(bare) and self.lexicon.is_surname(bare)
        return self._rare(bare) or self.lexicon.is_name(bare) or self.lexicon.is_place(bare)

    def _locatives(self, text: str) -> list[RuleSpan]:
        """A capitalised place after a locative word, in a mixed-case text: a listed place that is no
        clinical word, a run ending in a place word ("Kettering Falls"), or a word no list knows, no language's name."""
        spans = []
        lexicon = self.lexicon
        for match in LOCATIVE_RE.finditer(text):
            words = match.group("run").split()
            while words and (self._stop(words[-1]) or fold(words[-1]) in FUNCTION_WORDS):
                words.pop()
            named = [w for w in words if is_capitalised(w)]  # (not the little words that join them)
            if not named or any(self._stop(w) and fold(w) not in self.cues.place_words for w in named):
                continue
            if any(fold(w) in MONTH_WORDS or fold(w) in WEEKDAY_WORDS for w in named):
                continue
            listed = lexicon.is_place(" ".join(words)) or any(lexicon.is_place(w) and not lexicon.is_safe(w) for w in named)
            placeish = len(named) > 1 and fold(words[-1]) in self.cues.place_words
            # (a language no list of words holds is what is spoken: "spoke with grandmother in Cantonese")
            unknown = all(self._rare(w) and not lexicon.is_name(w) and not lexicon.is_language(w) for w in named)
            if not (listed or placeish or unknown):
                continue
            start = match.start("run")
            end = start + len(" ".join(words))
            if text[start:end] != " ".join(words):
                end = start + len(match.group("run").rstrip())
            spans.append(RuleSpan(start, end, "LOCATION", "place_locative"))
        return spans

    def _areas(self, text: str, caseless: bool) -> list[RuleSpan]:
        """The name of a neighbourhood or district ("the South End neighborhood")."""
        spans = []
        lowered = text.lower()
        if not any(word in lowered for word in AREA_WORDS):
            return spans
        for match in AREA_RE.finditer(text):
            words = list(WORD_RE.finditer(match.group("run")))
            kept = []
            for word in reversed(words):
                value = word.group(0)
                if fold(value) in FUNCTION_WORDS or self._stop(value) or (not caseless and not is_capitalised(value)):
                    break
                kept.append(word)
            if not kept:
                continue
            kept.reverse()
            start = match.start("run") + kept[0].start()
            end = match.start("run") + kept[-1].end()
            spans.append(RuleSpan(start, end, "LOCATION", "place_area"))
        return spans

    def _city_states(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A town before a US state's code: both are places ("Beverly, MA")."""
        spans = []
        for state_match in STATE_CODE_RE.finditer(text):
            if state_match.group("state").upper() not in STATE_CODES:
                continue
            window_start = text.rfind("\n", 0, state_match.start()) + 1
            match = next((m for m in CITY_STATE_RE.finditer(text, max(window_start, state_match.start() - 80), state_match.end())
                          if m.end() == state_match.end()), None)
            if match is None:
                continue
            state = match.group("state")
            if state.upper() not in STATE_CODES or not (state.isupper() or caseless):
                continue
            if re.match(r"[ \t]*(?:#|no\.?\b|num(?:ber)?\b|:)", text[match.end("state"):], re.IGNORECASE):
                continue  # "Interpreter used, ID # 4471": an identifier's cue, not Idaho
            if QUANTITY_BEFORE_RE.search(text, max(window_start, match.start("city") - TOWN_BEFORE_REGION_CHARS), match.end("city")):
                continue  # "at 35 2/7 wks, mo/di twins", "for 2 wks, or until seen": a quantity's unit, no town
            town_words = match.group("city").split()
            if state.upper() in CREDENTIAL_STATES and (
                not self.lexicon.is_place(town_words[-1]) or self._person_before_town(text, match.start("city"), town_words)
            ):
                continue  # "Jane Smith, MD", "J. Roe, PA", "Ysolde Carter, MD": a credential, not Maryland
            words = list(WORD_RE.finditer(match.group("city")))
            # the town is the run of place words that ends at the comma
            start = None
            for word in reversed(words):
                value = word.group(0)
                if fold(value) in FUNCTION_WORDS or (self.lexicon.is_safe(value) and not self.lexicon.is_place(value)):
                    break
                start = match.start("city") + word.start()
            if start is None:
                continue
            town = text[start:match.end("city")]
            if not any(self.lexicon.is_place(w) or self._rare(w) for w in WORD_RE.findall(town)):
                continue
            spans.append(RuleSpan(start, match.end("state"), "LOCATION", "place_city_state"))
        return spans

    def _towns_before_regions(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A town before its comma and a listed region or country whose name is no word of the language: both are places
        ("Kothapur, Karnataka - 560 417", "brindle cross, saskatchewan."; not "pain, central", "Lupus, Georgia")."""
        spans = []
        for comma in TOWN_REGION_COMMA_RE.finditer(text):
            line_end = text.find("\n", comma.end())
            after = list(itertools.islice(WORD_RE.finditer(text, comma.end(), len(text) if line_end < 0 else line_end), MAX_REGION_WORDS))
            region_end = -1
            for size in range(len(after), 0, -1):
                words = after[:size]
                if any(text[a.end():b.start()] not in {" ", "\t"} for a, b in itertools.pairwise(words)):
                    continue
                name = text[words[0].start():words[-1].end()]
                if self.lexicon.is_region(name) and not all(self.lexicon.is_common(w) for w in name.split()):
                    region_end = words[-1].end()
                    break
            if region_end < 0 or not REGION_END_RE.match(text, region_end):
                continue
            start = None
            line_start = max(text.rfind("\n", 0, comma.start()) + 1, comma.start() - TOWN_BEFORE_REGION_CHARS)
            for word in reversed(list(WORD_RE.finditer(text, line_start, comma.start()))[-3:]):
                value = word.group(0)
                if (text[word.end():comma.start() if start is None else start].strip() not in {""}
                        or fold(value) in FUNCTION_WORDS or not value[:1].isalpha()
                        or (self.lexicon.is_safe(value) and not self.lexicon.is_place(value))
                        or not (caseless or is_capitalised(value)) or self.name_cues.is_cue_word(fold(value))):
                    break
                start = word.start()
            if start is None or not any(self._rare(w) or self.lexicon.is_place(w) for w in WORD_RE.findall(text, start, comma.start())):
                continue
            spans.append(RuleSpan(start, region_end, "LOCATION", "place_town_region"))
        return spans

    def _place_fields(self, text: str) -> list[RuleSpan]:
        """The value of a place field, when it holds a proper name ("Ward: Lister Ward", "LOC: TISCH 4")."""
        spans = []
        for match in PLACE_FIELD_RE.finditer(text):
            one_blank = bool(match.group("after_field") or match.group("caps_after"))
            if one_blank and not self._opens_field(text, match.start("field"), need_earlier=bool(match.group("after_field"))):
                continue  # "pt had loc: brief", "with tip location: 4 cm", "Nodule location: RUL": no field of a form
            value = match.group("value")
            next_field = NEXT_FIELD_RE.search(value)
            value_end = match.start("value") + (next_field.start() if next_field else len(value))
            if match.group("inline") or one_blank:
                # a field inside a sentence's run, or after another field on its line, ends with its own sentence
                sentence_end = SENTENCE_END_RE.search(text, match.start("value"), value_end)
                value_end = sentence_end.start() if sentence_end else value_end
            value_start = match.start("value")
            if not GEOGRAPHY_FIELD_RE.match(match.group("field")) and not FACILITY_FIELD_RE.match(match.group("field")):
                # each clause judged on its own: a clinical first clause skips itself, not what follows ("Location: ED,
                # Mercy West", "Loc: ICU 4, Mercy West")
                value_start, building_end = self._first_place_clause(text, value_start, value_end)
                if value_start is None:
                    continue
                if building_end:
                    # a name and a building's or a unit's word: a place whatever its words ("Location: Level 2, Summit
                    # Tower", "HOUSING: CARDIO UNIT, BUNK 12")
                    spans.append(RuleSpan(value_start, building_end, "LOCATION", "place_field", strong=True))
            value = text[value_start:value_end]
            words = WORD_RE.findall(value)
            if NO_VALUE_RE.fullmatch(value.strip()):
                continue  # "Travel: none", "Country of birth: unknown" (not "unknown (possibly Quellbrook)")
            first_clause = CLAUSE_BREAK_RE.split(value, maxsplit=1)[0]
            if (len(WORD_RE.findall(first_clause)) > PLACE_FIELD_MAX_WORDS and not GEOGRAPHY_FIELD_RE.match(match.group("field"))
                    and not FACILITY_FIELD_RE.match(match.group("field"))
                    and any(MEASURE_UNIT_RE.match(first_clause, n.end()) for n in NUMBER_RE.finditer(first_clause))):
                continue  # "Delivery⏎room: intubated ... given Curosurf 2.5 mL/kg": a sentence with its doses, no place
            named = [w for w in words if self._names_place(w)]
            if not named and FACILITY_FIELD_RE.match(match.group("field")):
                # the field names a facility or an employer: its value is a name, whatever words it uses
                # ("Facility: SUMMIT", "Receiving facility: Bayberry Health"), unless it is only a kind of place
                named = [w for w in words if w[:1].isalpha() and len(w) > 1 and fold(w) not in FUNCTION_WORDS
                         and not ((self.lexicon.is_safe(w) or self.allowed_word(w)) and len(w) <= 4)  # "Facility: ICU"
                         and fold(w) not in self.cues.facility_words and fold(w) not in self.cues.plain_places]
            if not named:
                named = self._named_facility_value(words)  # "Location of care: summit assisted living"
            numbered = FIELD_WARD_RE.search(value) is not None
            if not named and not numbered:
                continue  # "Unit: MICU", "Location: Emergency Department"
            if fold(match.group("field")) == LOSS_OF_CONSCIOUSNESS_FIELD and self._answers_loss_of_consciousness(first_clause):
                continue  # "HEAD INJURY. LOC: NONE. VOMITING.", "LOC: brief, < 1 min": a loss of consciousness, no location
            if any(fold(w) in self.name_cues.heading_words for w in words) and not numbered:
                continue  # "From: CCU team"
            # a field of where someone lives or comes from, or of a facility, names a place whatever the allow-list
            # says ("Residence: Glasgow", "Facility: Summit"); a ward's or a unit's field may hold a clinical unit ("LOC: PACU")
            field = match.group("field")
            # (and a ward's name and number, whatever the allow-list says: "Location: Gold 3")
            strong = ((GEOGRAPHY_FIELD_RE.match(field) is not None or FACILITY_FIELD_RE.match(field) is not None) and any(
                self.lexicon.is_place(w) or not self.allowed_word(w) for w in named
            )) or self._ward_value(first_clause)
            every_part = FACILITY_FIELD_RE.match(field) is not None or GEOGRAPHY_FIELD_RE.match(field) is not None
            # an employer's or a school's own name keeps its clinical words ("Employer: Delmarva Packing")
            employer = EMPLOYER_FIELD_RE.match(field) is not None
            for start, end in self._field_parts(text, value_start, value_end, every_part, employer):
                # a state's code after a town is the address's, whatever else it abbreviates ("PA")
                state = text[start:end].upper() in STATE_CODES
                spans.append(RuleSpan(start, end, "LOCATION", "place_field", strong=strong or state))
        return spans

    def _opens_field(self, text: str, label_start: int, need_earlier: bool) -> bool:
        """Whether a ward's or a location's label one blank after other words opens a field of a form: another field's
        label and a short value before it on its line where ``need_earlier`` ("Sex: F Loc: Gray 2", "Ordering: Dr. Pryce
        Location: Thistlewood 4"), and no word of a finding's phrase right before it, whose attribute the label is ("tip
        location: 4 cm above the carina", "Nodule location: RUL", "Biopsy location: station 7")."""
        line_start = text.rfind("\n", 0, label_start) + 1
        before = WORD_RE.findall(text, line_start, label_start)
        if before and fold(before[-1]) in FINDING_ATTRIBUTE_HEADS:
            return False
        earlier = None
        for earlier in EARLIER_FIELD_RE.finditer(text, line_start, label_start):  # noqa: B007 (the last one)
            continue
        if earlier is None:
            return not need_earlier
        # (the earlier field's value: "fall from ladder" after "Mechanism:" is a sentence's words, no form's value)
        colon = text.rfind(":", earlier.start(), label_start)
        return len(WORD_RE.findall(text, colon + 1, label_start)) <= MAX_EARLIER_FIELD_WORDS

    def _first_place_clause(self, text: str, start: int, end: int) -> tuple[int | None, int]:
        """Where the first clause of a ward's or a location's field value that may name a place starts, past clauses
        that are where in the body, a measurement, a score, a level or a unit's bed ("Location: ED, Mercy West", "LOC:
        ICU 4, Mercy West", "Nodule location: RUL, 4 mm"), None when every clause is such; and where that clause ends when
        it is a name and a building's or a unit's word, a place whatever its words ("Housing: Echo Unit"), else 0."""
        cursor = start
        while cursor < end:
            clause_end = min(FIELD_CLAUSE_RE.match(text, cursor, end).end(), end)
            clause = text[cursor:clause_end]
            words = WORD_RE.findall(clause)
            building = (len(words) >= 2 and (fold(words[-1]) in self.cues.building_words or fold(words[-1]) in HOUSING_UNIT_WORDS)
                        and not any(fold(w) in FUNCTION_WORDS or fold(w) in GENERIC_BUILDING_WORDS or fold(w) in self.cues.ward_types
                                    or fold(w) in self.cues.facility_words or NUMBERED_WORD_RE.fullmatch(w) for w in words[:-1]))
            body = bool(words) and all(w[:1].isalpha() and (self._clinical(w) or fold(w) in FUNCTION_WORDS) for w in words)
            measured = any(MEASURE_UNIT_RE.match(clause, n.end()) for n in NUMBER_RE.finditer(clause))
            # a letter before a word names a company, a wing or a block by its letter ("UNIT: B CO, 3/118TH MP BN", "C
            # Wing"), not where in the body: the letter alone is no clinical word, though "a" is a word of the language
            lettered = len(words) >= 2 and len(words[0]) == 1 and words[0].isalpha()
            if building:
                return cursor, cursor + len(clause.rstrip())
            if lettered:
                return cursor, 0
            if not ((body and not self._ward_value(clause)) or measured or self._counted_value(clause)):
                return (cursor if words else None), 0
            cursor = clause_end + 1
            while cursor < end and text[cursor] in " \t":
                cursor += 1
        return None, 0

    def _ward_value(self, clause: str) -> bool:
        """Whether a place field's first clause is a ward's name and number alone: one or two words that are a ward's
        colour, a name or no clinical word, and no word that labels a number ("Location: Gold 3", "Loc: White 9, bed
        2", "LOC: BAKER 4": a ward, though the allow-list holds the word as an eponym; not "LOC: GCS 15", "Location:
        Level 2")."""
        if FIELD_WARD_VALUE_RE.fullmatch(clause.strip()) is None:
            return False
        return all(NUMBERED_WORD_RE.fullmatch(w) is None and (
            fold(w) in self.cues.ward_colours or self.lexicon.is_name(w) or not self._clinical(w))
            for w in WORD_RE.findall(clause) if w[:1].isalpha())

    def _counted_value(self, clause: str) -> bool:
        """Whether a place field's first clause is one word that labels a number, or a clinical abbreviation, and the
        number: a score, a level or a unit's bed ("LOC: GCS 15", "Location: Level 2", "Loc: MICU 4"; not "Location:
        Gold 3")."""
        words = WORD_RE.findall(clause)
        if len(words) != 2 or FIELD_WARD_VALUE_RE.fullmatch(clause.strip()) is None:
            return False
        word = words[0]
        return NUMBERED_WORD_RE.fullmatch(word) is not None or (
            self.lexicon.is_abbreviation(word) and fold(word) not in self.cues.ward_colours and not self.lexicon.is_name(word))

    def _answers_loss_of_consciousness(self, clause: str) -> bool:
        """Whether a "LOC:" field's first clause answers on a loss of consciousness: only words of that answer, numbers
        and signs ("LOC: brief, < 1 min", "LOC: yes, ~2 minutes", "LOC: unwitnessed", "LOC: ?"); not a location ("LOC:
        Oak Park", "LOC: PROVIDENCE", "LOC: Tisch 4")."""
        tokens = ANSWER_TOKEN_RE.findall(clause)
        answers = self.cues.loss_of_consciousness_answers
        if tokens and all(not token[:1].isalpha() or fold(token) in answers for token in tokens):
            return True
        # an answer's word first, and no name of a place after it ("LOC: None reported by EMS", "LOC: witnessed by
        # daughter"; not "LOC: none - Oak Park Manor")
        words = [token for token in tokens if token[:1].isalpha()]
        return bool(words) and fold(words[0]) in answers and not any(
            fold(w) not in answers and not self.lexicon.is_safe(w)
            and (self.lexicon.is_listed_proper(w) or (self._rare(w) and len(w) >= MIN_UNLISTED_PLACE)) for w in words[1:])

    def _names_place(self, word: str) -> bool:
        """A word of a place field's value that names the place: a name, a place, an eponym or a word no list
        knows, not a facility's kind ("Lister" in "Ward: Lister Ward")."""
        return (word[:1].isalpha() and (not self._stop(word) or self.lexicon.is_eponym(word))
                and fold(word) not in self.cues.facility_words
                and (self._rare(word) or self.lexicon.is_name(word) or self.lexicon.is_place(word) or self.lexicon.is_eponym(word)))

    def _field_parts(self, text: str, start: int, end: int, every_part: bool, employer: bool = False) -> list[tuple[int, int]]:
        """The parts of a place field's value, between commas, slashes and semicolons, that name a place or hold a
        number or a letter's code ("Cell 31", "D-Pod"), each without the words at its ends that name none ("Location:
        Dunleavy Pavilion, floor 12 conference room / virtual": the pavilion and its floor); the whole value when no
        part does. A facility's or a residence's field names a place in every part ("Home: Mobile, Alabama")."""
        parts = []
        cursor = start
        for separator in [*FIELD_PART_BREAK_RE.finditer(text, start, end), None]:
            part_end = separator.start() if separator else end
            words = [POSSESSIVE_END_RE.sub("", w) for w in WORD_RE.findall(text, cursor, part_end)]
            kinds = [w for w in words if fold(w) in self.cues.facility_words or fold(w) in self.cues.place_words]
            names = every_part or any(self._names_place(w) for w in words) or any(w.upper() in STATE_CODES and (w.isupper() or len(words) == 1) for w in words) or (
                # a kind of place after a word of its own name ("Bravo Unit", "Sutter's Crossing")
                kinds and len(words) > len(kinds) and not all(fold(w) in FUNCTION_WORDS for w in words if w not in kinds))
            coded = any(any(c.isdigit() for c in w) or len(w) == 1 or any(len(piece) == 1 for piece in w.split("-")) for w in words)
            if len(words) == 1 and words[0].upper() in STATE_CODES:
                parts.append((cursor, part_end))  # "..., Sutter's Crossing, PA": the state, though "PA" is a role too
            elif words and (names or coded or WARD_NUMBER_RE.search(text, cursor, part_end)):
                trimmed = self._trim_field_value(text, cursor, part_end, employer)
                if trimmed[1] > trimmed[0]:
                    parts.append(trimmed)
            cursor = separator.end() if separator else end
        return parts or [self._trim_field_value(text, start, end, employer)]

    def _trim_field_value(self, text: str, start: int, end: int, employer: bool = False) -> tuple[int, int]:
        """A place field's value without the words at its ends that name no place: a title, a role, a clinical
        or department word, and a room's number after such a word ("To: Dr. Vance", "Maple Crest Associates
        Cath Lab 1", "Outpatient, Haverly"), but a ward's number after its name stays ("Haverly 2"); the whole
        value when nothing else is left. ``employer``: an employer's clinical words are its name's ("Delmarva Packing")."""
        tokens = list(WORD_RE.finditer(text, start, end))

        def loose(token: re.Match[str]) -> bool:
            word = token.group(0)
            if not word[:1].isalpha() or len(word) == 1:
                return False  # a number, a letter ("Unit: A Co, 3/189th")
            folded = fold(word)
            if (text[token.end():token.end() + 1] == ")" or text[token.start() - 1:token.start()] == "(") and not (
                    self.name_cues.is_cue_word(folded) or folded in self.name_cues.heading_words or folded in FUNCTION_WORDS):
                return False  # "at work (Delmarva Packing)": a name in brackets keeps its words ("(proxy)" is a role)
            if word.upper() in STATE_CODES and not self.name_cues.is_cue_word(folded):
                return False  # "Santa Fe, NM": a state, though "nm" is a unit too
            if SERVICE_WORD_RE.fullmatch(word) and OPENING_BRACKET_RE.match(text, token.end()):
                return True  # "Location: Cardiology (Fenwick House)": the service, then where it is in brackets
            if folded in DEPARTMENT_WORDS:
                return True  # "St. Vincent's Hospital NICU": the facility's department, though "Nicu" is a name too
            if (folded in self.cues.facility_words or folded in self.cues.place_words or self.lexicon.is_place(word)
                    or self.lexicon.is_name(word) or self.lexicon.is_eponym(word)):
                return False
            return (folded in FUNCTION_WORDS
                    or (self._clinical(word) and not employer)  # "Trilogy Quellbrook": a name's
                    or self.name_cues.is_cue_word(folded) or folded in self.name_cues.heading_words)

        first, last = 0, len(tokens) - 1
        while first <= last and loose(tokens[first]):
            first += 1
        while last >= first and (loose(tokens[last]) or (
                tokens[last].group(0).isdigit() and len(tokens[last].group(0)) <= 2 and last > first and loose(tokens[last - 1]))):
            last -= 1
        if not any(token.group(0)[:1].isalpha() for token in tokens[first:last + 1]):
            return start, end  # "Housing: Medical Observation 5": the unit's whole name, no number alone
        return tokens[first].start(), tokens[last].end()

    def _letterheads(self, text: str) -> list[RuleSpan]:
        """A short line right above a street address or a telephone line: the sender's name on a letterhead
        ("Good Shepherd\n4150 Franklin Avenue", "Mount Auburn\nTel: (471) 936-1504")."""
        spans = []
        for match in LETTERHEAD_RE.finditer(text):
            words = WORD_RE.findall(match.group("value"))
            proper = any(w[:1].isalpha() and len(w) > 1 and not self._stop(w) and fold(w) not in self.cues.facility_words
                         and (self._rare(w) or self.lexicon.is_name(w) or self.lexicon.is_place(w)) for w in words)
            heading = any(fold(w) in self.name_cues.heading_words for w in words)  # "Progress Note\n12 Main St"
            # a name made of plain words ("Sagamore Point Chest Medicine"), not of clinical, heading, kind or function
            # words only ("Radiology Report", "A&E", "Department of Radiology")
            plain_name = not all(len(w) < 3 or self.lexicon.is_safe(w) or fold(w) in FUNCTION_WORDS or fold(w) in self.name_cues.heading_words
                                 or fold(w) in self.cues.facility_words or fold(w) in self.cues.organization_words for w in words)
            if (proper and not heading) or (plain_name and match.group("street")):
                spans.append(RuleSpan(match.start("value"), match.end("value"), "HOSPITAL", "place_letterhead"))
        for match in LETTERHEAD_COLUMN_RE.finditer(text):
            # "HOLY CROSS            DEPARTMENT OF RADIOLOGY": the institution beside its department's heading
            words = WORD_RE.findall(match.group("value"))
            if not any(self.name_cues.is_cue_word(fold(w)) or fold(w) in self.name_cues.heading_words for w in words) and not all(
                    self._clinical(w) or fold(w) in FUNCTION_WORDS for w in words):
                spans.append(RuleSpan(match.start("value"), match.end("value"), "HOSPITAL", "place_letterhead"))
        return spans

    def _addresses(self, text: str) -> list[RuleSpan]:
        """An address field's lines: the rest of its line, and the next ones while a line ends in a comma."""
        spans = []
        for match in ADDRESS_FIELD_RE.finditer(text):
            cursor = match.end()
            for _ in range(3):
                line_end = text.find("\n", cursor)
                line_end = len(text) if line_end < 0 else line_end
                line = text[cursor:line_end]
                stop = re.search(r"[ \t]{2}|\t|\b(?:ph|tel|phone|fax|email|e-mail|mob)\b", line, re.IGNORECASE)
                value_end = cursor + (stop.start() if stop else len(line))
                value = text[cursor:value_end].rstrip(" \t,")
                if value.strip():
                    spans.append(RuleSpan(cursor + len(text[cursor:value_end]) - len(text[cursor:value_end].lstrip()), cursor + len(value), "LOCATION", "place_address"))
                if not text[cursor:value_end].rstrip(" \t").endswith(",") or line_end >= len(text):
                    break
                cursor = line_end + 1
                cursor += len(text[cursor:]) - len(text[cursor:].lstrip(" \t"))
        return spans

    # -- word classes ------------------------------------------------------
    def _stop(self, word: str) -> bool:
        """A word that ends a run of name words (a facility's or place's own words never do)."""
        folded = fold(word)
        if folded in self.cues.facility_words or folded in self.cues.place_words or folded in JOINING_WORDS:
            return False
        return (
            folded in FUNCTION_WORDS
            or folded in MONTH_WORDS
            or folded in WEEKDAY_WORDS
            or self.name_cues.is_cue_word(folded)
            or self.lexicon.is_safe(word)
            or self.allowed_word(word)
        )

    def _back_to_cue(self, text: str, words: list[re.Match[str]], folded: list[str], start_index: int, index: int) -> int:
        """Where case tells nothing, the words between a preposition of place and a facility's word are its name
        when one of them is no clinical or common word ("dropped at bayberry family practice", "sent to copper
        beech health"), though plain or clinical words stopped the run ("at the pain clinic" names nothing)."""
        cursor = start_index
        for _ in range(3):
            if cursor == 0:
                return start_index
            gap = text[words[cursor - 1].end():words[cursor].start()]
            if gap not in {" ", "-"}:
                return start_index  # one name: words one blank apart, never across a sentence's end
            if folded[cursor - 1] in self.cues.facility_cue_words:
                run = [m.group(0) for m in words[cursor:index]]
                proper = any((not self.lexicon.is_safe(w) and not self.lexicon.is_common(w)) or self.lexicon.is_place(w) for w in run)
                # one or two plain words before a facility's phrase of several words are its name ("at summit diagnostic
                # imaging", "at twin rivers medical center"; not "at the pain clinic", "at local urgent care")
                plain_name = 0 < start_index - cursor <= MAX_PLAIN_NAME_WORDS and all(
                    self._plain_name_word(w) for w in run[:start_index - cursor]) and any(
                    index - start_index + len(phrase) > 1 for phrase in self._phrases_at(folded, index))
                return cursor if (proper or plain_name) and cursor < start_index else start_index
            previous = words[cursor - 1].group(0)
            if fold(previous) in FUNCTION_WORDS or not previous[:1].isalpha() or self.name_cues.is_cue_word(fold(previous)):
                return start_index  # "phoned to cnm menzies on bishop house": the run crosses a sentence's words
            cursor -= 1
        return start_index

    def _service_cells(self, text: str) -> list[RuleSpan]:
        """Where a service is, in a table's cell after its name and a dash ("| Echo Lab - Oak Knoll"): the words, unless
        all are clinical, little or plain place words ("| Lab - fasting", "| Clinic - main")."""
        spans = []
        for match in SERVICE_CELL_PLACE_RE.finditer(text):
            words = WORD_RE.findall(match.group("value"))
            if any(STATUS_WORD_RE.fullmatch(w) and not (self.lexicon.is_place(w) or self.lexicon.is_name(w)) for w in words) or all(
                    self.lexicon.is_safe(w) or fold(w) in FUNCTION_WORDS or fold(w) in self.cues.plain_places
                    or fold(w) in self.cues.facility_words for w in words):
                continue  # "| Lab - hemolyzed |", "| Echo - technically difficult |": how it went, not where
            spans.append(RuleSpan(match.start("value"), match.end("value"), "LOCATION", "place_service_cell"))
        return spans

    def _plain_name_word(self, word: str) -> bool:
        """A word that may name a facility though it is an English word or a device's trade name ("summit"): no clinical,
        little or lead word."""
        folded = fold(word)
        return (word[:1].isalpha() and len(word) > 2 and (not self.lexicon.is_safe(word) or self.lexicon.is_trade_name(word))
                and folded not in FUNCTION_WORDS
                and folded not in FACILITY_LEAD_WORDS and folded not in FACILITY_LEAD_VERBS
                and folded not in self.cues.facility_words and not self.name_cues.is_cue_word(folded))

    def _named_facility_value(self, words: list[str]) -> list[str]:
        """The words of a field's value that name a facility before its phrase of several words ("summit assisted
        living"), where no word of it is a name or a place on any list."""
        folded = [fold(w) for w in words]
        for size in (3, 2):
            if len(words) > size and tuple(folded[-size:]) in self.cues.suffix_label:
                rest = words[:-size]
                if rest and all(self._plain_name_word(w) or fold(w) in FACILITY_JOINERS for w in rest):
                    return [w for w in rest if fold(w) not in FACILITY_JOINERS]
        return []

    def _opens_a_name(self, words: list[re.Match[str]], first: int, facility: int, caseless: bool) -> bool:
        """The word at ``first`` is an English word written as a name, and a name or place no clinical list knows
        follows it: the name's first word, not a department's ("Red Mesa Health", not "Pain Clinic")."""
        word = words[first].group(0)
        folded = fold(word)
        if len(word) < 3 or folded not in self.lexicon.english or (not caseless and (not is_capitalised(word) or word.isupper())):
            return False
        if self.name_cues.is_cue_word(folded) or folded in self.cues.facility_words or folded in self.cues.organization_words:
            return False  # "Pharmacy Harborview ...", "Partner Oleksandr ...": a cue or a kind of place, not a name's word
        if first + 1 >= facility:
            return False
        following = words[first + 1].group(0)
        return not self.lexicon.is_safe(following) and fold(following) not in FUNCTION_WORDS and (
            self._rare(following) or self.lexicon.is_name(following) or self.lexicon.is_place(following)
        )

    def _clinical(self, word: str) -> bool:
        """A clinical word that is no drug's or device's trade name ("Summit", "Trilogy" name facilities too)."""
        return self.lexicon.is_safe(word) and not self.lexicon.is_trade_name(word)

    def _rare(self, word: str) -> bool:
        """No English word, no clinical word: a proper name of some kind (hyphenated: one of its parts is one, and
        none is a prefix: "Medi-Mart", not "non-tender"; or two words joined by a place name's little words)."""
        if "-" in word:
            parts = word.split("-")
            inner = {fold(part) for part in parts[1:-1]}
            if (len(parts) >= 3 and all(part.isalpha() for part in parts) and min(len(parts[0]), len(parts[-1])) >= 3
                    and fold(parts[0]) != fold(parts[-1]) and inner <= COMPOUND_JOINERS | ENGLISH_COMPOUND_JOINERS
                    and (inner <= COMPOUND_JOINERS or not (self.lexicon.is_common(parts[0]) and self.lexicon.is_common(parts[-1])))
                    and not self.lexicon.is_common(word) and not self.allowed_word(word)):
                return True  # "port-au-prince", "MAZAR-I-SHARIF": a place's name joined by its little words (not "one-on-one")
            return (all(part.isalpha() and len(part) >= 2 for part in parts) and not self.lexicon.is_common(word)
                    and not self.allowed_word(word) and not any(fold(part) in WORD_PREFIXES for part in parts[:-1])
                    and any(self._rare(part) for part in parts))
        elided = ELIDED_NAME_RE.fullmatch(word)
        if elided:
            # "O'Donnelly", "D'Arcy": a name, unless the word after the apostrophe is a common one ("o'clock")
            return not self.lexicon.is_common(word) and (
                self.lexicon.is_name(word.replace("'", "").replace("’", "")) or not self.lexicon.is_common(elided.group("rest")))
        return word.isalpha() and len(word) >= 2 and not self.lexicon.is_common(word) and not self.allowed_word(word)

    def _name_word(self, word: str, caseless: bool) -> bool:
        """A word that may be part of a place's or organization's proper name."""
        if self._stop(word) or not word[:1].isalpha():
            return False
        if caseless:
            return True
        return is_capitalised(word)

    def _ends_in_place_word(self, text: str, match: re.Match[str]) -> bool:
        """A run of two or three words that ends in a place word ("MAPLE CREST", "prospect hill")."""
        words = [match.group(0)]
        cursor = match.end()
        for _ in range(2):
            gap = re.match(r"[ \t]+", text[cursor:])
            nxt = WORD_RE.match(text, cursor + gap.end()) if gap else None
            if not nxt or fold(nxt.group(0)) in FUNCTION_WORDS:
                break
            words.append(nxt.group(0))
            cursor = nxt.end()
            if fold(nxt.group(0)) in self.cues.place_words:
                return not self.lexicon.is_safe(words[0]) and fold(words[0]) not in FUNCTION_WORDS
        return False

    def _name_goes_on(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A clinical word inside a name that goes on to an organization's or facility's word
        ("Harrow Valve Company", "Mercy Heart Institute")."""
        cursor = match.start()
        for _ in range(4):
            word_match = WORD_RE.match(text, cursor)
            if not word_match:
                return False
            word = word_match.group(0)
            folded = fold(word)
            if folded in FUNCTION_WORDS or (not caseless and not is_capitalised(word)):
                return False
            if folded in self.cues.organization_words or folded in self.cues.facility_words:
                return True
            gap = NAME_GAP_RE.match(text, word_match.end())
            if not gap or "\n" in gap.group(0):
                return False
            cursor = gap.end()
        return False

    # -- places on the lists -------------------------------------------------
    def _listed_places(self, text: str, words: list[re.Match[str]], folded: list[str], caseless: bool) -> list[RuleSpan]:
        lexicon = self.lexicon
        spans = []
        index = 0
        phrase_starts = lexicon.place_phrases
        places, countries = lexicon.places, lexicon.countries
        while index < len(words):
            size = lexicon.place_phrase_at(folded, index) if folded[index] in phrase_starts else 0
            if size:
                phrase = words[index:index + size]
                contiguous = all(
                    NAME_GAP_RE.fullmatch(text[a.end():b.start()]) for a, b in itertools.pairwise(phrase)
                )
                if contiguous and (self._phrase_is_place(text, phrase, caseless) or self._phrase_after_preposition(text, phrase, caseless)):
                    spans.append(RuleSpan(phrase[0].start(), phrase[-1].end(), "LOCATION", "place_list"))
                    index += size
                    continue
            if folded[index] not in places and folded[index] not in countries:
                index += 1  # most words: neither a listed place nor a country, so neither test below holds
                continue
            word = words[index].group(0)
            if (
                len(word) >= MIN_BARE_PLACE
                and lexicon.is_place(word)
                and self._rare(word)
                and not self._stop(word)
                and (caseless or is_capitalised(word))
                and not self.name_cues.clinical_use(lexicon, text, words[index].start(), words[index].end(), caseless, eponyms=False)
                and not timestamp_label(text, words[index].start(), words[index].end(), lexicon.is_name)  # "TRAN 0854"
            ):
                spans.append(RuleSpan(words[index].start(), words[index].end(), "LOCATION", "place_list"))
            elif caseless and self._place_closing_after_preposition(text, words[index]):
                # strong: an eponym on the allow-list ("huntington") closing a clause after "in" is the place
                spans.append(RuleSpan(words[index].start(), words[index].end(), "LOCATION", "place_list", strong=True))
            elif self._country_here(text, words[index], caseless):
                # strong: the allow-list's eponyms ("Poland syndrome") are ruled out by the clinical word after them
                spans.append(RuleSpan(words[index].start(), words[index].end(), "LOCATION", "place_country", strong=True))
            index += 1
        return spans

    def _place_closing_after_preposition(self, text: str, match: re.Match[str]) -> bool:
        """Where capitals mean nothing, a listed place that is no English word, though an eponym or a name, right after
        "in", "from" or "near" and closing its clause ("staying at a shelter in huntington."; not "in huntington's")."""
        word = match.group(0)
        lexicon = self.lexicon
        return (len(word) >= MIN_BARE_PLACE and lexicon.is_place(word) and fold(word) not in lexicon.english
                and not (lexicon.is_safe(word) and not lexicon.is_eponym(word))
                and PREPOSITION_BEFORE_RE.search(text, max(0, match.start() - 8), match.start()) is not None
                and CLAUSE_END_RE.match(text, match.end()) is not None)

    def _country_here(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A country's name that is also a word ("Turkey", "Chad", "Poland"): written as a name mid-sentence, or,
        where case tells nothing, after a preposition of place or in a list ("left turkey", "poland, liberia");
        not before clinical words ("Sudan stain")."""
        word = match.group(0)
        if not self.lexicon.is_country(word) or len(word) < MIN_BARE_PLACE:
            return False
        if self.name_cues.clinical_use(self.lexicon, text, match.start(), match.end(), caseless):
            return False
        if self.cues.country_cue_re.search(text, max(0, match.start() - 24), match.start()):
            return True
        listed = PLACE_LIST_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        if listed and (self.lexicon.is_place(listed.group("word")) or self.lexicon.is_country(listed.group("word"))):
            return True
        return not caseless and is_capitalised(word) and not word.isupper() and not sentence_initial(text, match.start())

    def _phrase_after_preposition(self, text: str, phrase: list[re.Match[str]], caseless: bool) -> bool:
        """A listed place of several words right after "in", "from" or "near", where capitals tell nothing, though one
        of its words is clinical ("lives in fall river"), or all of them where the place closes its clause ("in upper
        falls, blue house"; not "increase in upper lobe opacity"); after "at" or "to", one with no clinical word
        closing its clause."""
        if not caseless:
            return False
        before = PREPOSITION_BEFORE_RE.search(text, max(0, phrase[0].start() - 8), phrase[0].start())
        if before is None:
            # after "at" or "to": a place closing its clause, no clinical, function or number word in it ("resides at
            # cedar rapids."; not "at rest.", "to upper lobe.", "to the river.", "dropped to five points.")
            return (LOOSE_PREPOSITION_BEFORE_RE.search(text, max(0, phrase[0].start() - 8), phrase[0].start()) is not None
                    and CLAUSE_END_RE.match(text, phrase[-1].end()) is not None
                    and not any(self._clinical(m.group(0)) or fold(m.group(0)) in FUNCTION_WORDS | NUMBER_WORDS for m in phrase))
        return not all(self._clinical(m.group(0)) or fold(m.group(0)) in FUNCTION_WORDS for m in phrase) or (
            CLAUSE_END_RE.match(text, phrase[-1].end()) is not None)

    def _phrase_is_place(self, text: str, phrase: list[re.Match[str]], caseless: bool) -> bool:
        """A multi-word place: written as a name, and not made only of common words."""
        joining = {"of", "de", "la", "le", "del", "the", "du", "des", "on", "upon", "in", "sur", "am", "an", "y"}
        if any(fold(m.group(0)) in FUNCTION_WORDS and fold(m.group(0)) not in joining for m in phrase):
            return False
        # a country's name of several words, or a place's of three words or more, is no clinical phrase in any case
        # ("democratic republic of the congo", "ho chi minh city")
        if self.lexicon.is_country(" ".join(fold(m.group(0)) for m in phrase)) or sum(
                fold(m.group(0)) not in joining for m in phrase) >= 3:
            return True
        if caseless and any(self._stop(m.group(0)) and fold(m.group(0)) not in joining for m in phrase):
            return False  # "fall river" in a lower-case note: a clinical word, no capital to tell
        if not caseless and not all(is_capitalised(m.group(0)) or fold(m.group(0)) in FUNCTION_WORDS | {"de", "la", "del"} for m in phrase):
            return False
        rare = any(self._rare(m.group(0)) for m in phrase)
        if rare:
            return True
        # "New York", "Grand Rapids": common words together; written with capitals, not at a sentence start
        return not caseless and not sentence_initial(text, phrase[0].start())

    # -- facilities ------------------------------------------------------------
    def _facilities(self, text: str, words: list[re.Match[str]], folded: list[str], caseless: bool) -> list[RuleSpan]:
        """The name words before a facility word: "Maple Crest Manor", "riverside rehab" (``folded``: the words folded)."""
        spans = []
        phrase_starts = self.cues.facility_first
        for index, word in enumerate(folded):
            if word not in phrase_starts:
                continue  # most words open no phrase
            for phrase in self._phrases_at(folded, index):
                end_index = index + len(phrase)
                if any(not PHRASE_GAP_RE.fullmatch(text[a.end():b.start()]) for a, b in itertools.pairwise(words[index:end_index])):
                    continue  # "Sturbridge Health - Department of Radiology": one phrase's words stand together
                start_index = index
                works_at = False  # the name follows "Dr. X of": where a person works
                while start_index > 0 and index - start_index < MAX_FACILITY_RUN:
                    previous = words[start_index - 1]
                    gap = text[previous.end():words[start_index].start()]
                    if not NAME_GAP_RE.fullmatch(gap) and gap not in {"'s ", "’s "}:
                        break
                    if gap.startswith(".") and fold(previous.group(0)) not in JOINING_WORDS and len(previous.group(0)) > 1:
                        break  # "...to enter. Attends": a sentence ends there
                    value = previous.group(0)
                    if fold(value) in self.cues.facility_cue_words or fold(value) == "for":
                        break  # "Attends Hollis Valley Methodist", "drives for Tri-County Sheriff's Office": no part of the name
                    if fold(value) == "of" and self._person_before_of(words, folded, start_index - 1, caseless):
                        works_at = True
                        break  # "referred by Dr. Vlachos of Chinle Family Practice": a person, then where they work
                    inside = fold(value) in FACILITY_JOINERS or (
                        self.lexicon.is_safe(value) and (caseless or is_capitalised(value)) and fold(value) not in FUNCTION_WORDS
                    )  # "Keene Internal Medicine Specialists", "Silver Lake Rehabilitation and Nursing"
                    named_for = self.lexicon.is_eponym(value) and (caseless or is_capitalised(value))  # "Cabot Pavilion"
                    if not self._name_word(value, caseless) and not inside and not named_for:
                        break
                    start_index -= 1
                if caseless:
                    start_index = self._back_to_cue(text, words, folded, start_index, index)
                organization = self.cues.suffix_label[phrase] == "ORGANIZATION"
                letterhead = None if phrase in WARD_PHRASES else self._letterhead(text, words, folded, index, end_index, organization)
                if letterhead is not None:
                    # a line that is a facility's name and nothing else, or before " - " and a heading:
                    # every word of it ("High Plains Hospice House - Team Note", "BLUE HERON EMPLOYEE HEALTH")
                    spans.append(RuleSpan(letterhead[0], letterhead[1], self.cues.suffix_label[phrase], "facility"))
                    continue
                # a name does not begin with a joining or clinical word, nor a lead word ("the", "outside")
                while start_index < index and (
                    folded[start_index] in FACILITY_JOINERS
                    # the letters after a number's digits ("3RD FLOOR OF KESSLER PAVILION" is read "3R", "D", ...)
                    or text[words[start_index].start() - 1:words[start_index].start()].isalnum()
                    or folded[start_index] in FACILITY_LEAD_WORDS
                    or (folded[start_index] in FACILITY_LEAD_VERBS and (
                        caseless or not is_capitalised(words[start_index].group(0)) or sentence_initial(text, words[start_index].start())))
                    or (self.lexicon.is_safe(words[start_index].group(0)) and folded[start_index] not in self.cues.place_words
                        # a national service's initials open its facilities' names ("VA Quillon Healthcare System")
                        and folded[start_index] not in SERVICE_PREFIXES
                        # a place's own name before its kind ("Apache County Health Dept")
                        and folded[start_index + 1] not in self.cues.place_words
                        # an employer or agency named with a clinical word, written as a name ("Cataract Fire & Rescue")
                        and not (organization and not caseless and is_capitalised(words[start_index].group(0))
                                 and not words[start_index].group(0).isupper())
                        # ... or right after a facility's cue where capitals tell nothing ("via cataract fire & rescue"), as
                        # a device's trade name may name a facility too ("at summit diagnostic imaging"; a device's letters do
                        # not: "referred to biv clinic")
                        and not ((organization or (caseless and self.lexicon.is_trade_name(words[start_index].group(0))
                                                   and not self.lexicon.is_abbreviation(words[start_index].group(0))))
                                 and start_index > 0 and folded[start_index - 1] in self.cues.facility_cue_words)
                        # a plain word that opens a name with a proper word after it ("Red Mesa", "Copper Beech Health")
                        and not self._opens_a_name(words, start_index, index, caseless)
                        # one word between a preposition of place and a hospital's compound suffix is its name ("born
                        # at bursa general hospital", "from patella regional medical center"; not "cardiology clinic")
                        and not self._names_compound_hospital(text, words, folded, start_index, end_index))
                ):
                    start_index += 1
                if start_index == index:
                    continue  # a facility word alone ("the hospital") names nothing
                name_words = [m.group(0) for m in words[start_index:index]]
                if all(fold(w) in self.cues.organization_words or fold(w) in self.cues.facility_words for w in name_words):
                    continue  # "SCHOOL/DAYCARE NOTE": kinds of places, no name
                if " ".join(folded[start_index:end_index]) in self.cues.generic_facility_phrases:
                    continue  # "country of residence", "current residence": no facility
                if not any(self._rare(w) or caseless or (not caseless and is_capitalised(w) and (
                        (organization and not w.isupper()) or not self._clinical(w)))
                           for w in name_words):  # ("Summit Health": a device's name written as a name)
                    continue
                proper = any(
                    self._rare(w) or self.lexicon.is_listed_proper(w)
                    for w in name_words
                )
                following = words[end_index] if end_index < len(words) else None
                # where case tells nothing, a name right after a preposition of place ("dropped at bayberry family
                # practice lab", "sent to copper beech health") is taken whole, unless all of it is clinical
                # (or a clinical word alone before a hospital's compound suffix: "from patella regional medical center")
                cue_anchored = (caseless and start_index > 0 and (
                    folded[start_index - 1] in self.cues.facility_cue_words or works_at) and not all(
                    self.lexicon.is_safe(w) or fold(w) in FUNCTION_WORDS for w in name_words
                )) or self._names_compound_hospital(text, words, folded, start_index, end_index)
                # in a text with capitals, capitalised words that are no clinical words name the facility
                # whatever follows it ("Golden Pond Associates PFT Lab", "Silver Birch Health Structural Heart")
                named_in_capitals = not caseless and all(
                    is_capitalised(w) and not self._clinical(w) and fold(w) not in FUNCTION_WORDS for w in name_words
                ) and not (len(name_words) == 1 and sentence_initial(text, words[start_index].start()))
                if (following is not None and not proper and not named_in_capitals and not cue_anchored
                        and text[words[end_index - 1].end():following.start()] == " "
                        and self.lexicon.is_safe(following.group(0)) and folded[end_index] not in self.cues.facility_words
                        and folded[end_index] not in self.cues.place_words
                        # a sentence going on ("... hospital on 1/2", "... imaging dated", "... hospital ED") is no modifier
                        and folded[end_index] not in FUNCTION_WORDS and folded[end_index] not in DEPARTMENT_WORDS
                        and not (len(folded[end_index]) > 3 and folded[end_index].endswith("ed"))):
                    continue  # "TUNNELED DIALYSIS CATHETER", "home oxygen": a facility's word used as a clinical modifier
                weak = " ".join(phrase) in WEAK_FACILITY_WORDS
                named_with_article = start_index > 0 and folded[start_index - 1] == "the" and not any(
                    self.lexicon.is_safe(w) for w in name_words
                )  # "the sycamore surgery"
                if caseless and weak and not named_with_article and not cue_anchored and not any(
                    self._rare(w) or fold(w) in self.cues.place_words
                    or self.lexicon.is_listed_proper(w)
                    for w in name_words
                ):
                    continue  # "the group home", "her own house": ordinary words before a facility word
                if (not caseless and sentence_initial(text, words[start_index].start()) and len(name_words) == 1
                        and self.lexicon.is_common(name_words[0])
                        and not (self.lexicon.is_place(name_words[0]) or self.lexicon.is_name(name_words[0]))):
                    continue  # "Home health ..." at the start of a sentence ("Riverside Health" is a name)
                if start_index > 0 and words[start_index - 1].group(0) == "The" and not sentence_initial(text, words[start_index - 1].start()):
                    start_index -= 1  # "cc: Dr Desai, The Jacaranda Surgery": the article is part of the name
                end = words[self._facility_words_after(text, words, folded, end_index) - 1].end()  # "Dunmore & Sons Funeral Home"
                # "Hillcrest Home for the Aged", "Sisters of Providence Rehab": a facility's name may go on
                tail = FACILITY_TAIL_RE.match(text, end)
                if tail and not self._stop(tail.group("word")):
                    end = tail.end()
                spans.append(RuleSpan(words[start_index].start(), end, self.cues.suffix_label[phrase], "facility"))
        return spans

    def _names_compound_hospital(self, text: str, words: list[re.Match[str]], folded: list[str], first: int, end_index: int) -> bool:
        """The word at ``first`` right after a preposition of place ("at", "to", "from", "via"), with all that follows it
        to the facility's phrase's end a hospital's compound suffix: the hospital's one-word name, clinical though it is,
        where it is a listed place or name and no word of a hospital's kind or a service (``compound_hospital_name``:
        "born at bursa general hospital", "TRANSFERRED FROM PATELLA REGIONAL MEDICAL CENTER"; not "at cardiology
        clinic", "at lung regional center", "the general hospital", "to adult general hospital", "to Medicine General
        Hospital service")."""
        return (0 < first < end_index - 1 and folded[first - 1] in self.cues.facility_cue_words
                and folded[first - 1] not in FACILITY_LEAD_VERBS and text[words[first - 1].end():words[first].start()] == " "
                and COMPOUND_HOSPITAL_RE.fullmatch(text, words[first + 1].start(), words[end_index - 1].end()) is not None
                and compound_hospital_name(self.lexicon, words[first].group(0)))

    def _person_before_of(self, words: list[re.Match[str]], folded: list[str], of_index: int, caseless: bool) -> bool:
        """A title or a role, then one or two words that read as a person's name, right before "of" ("Dr. Vlachos of",
        "NP Ana Quillon of"; not "RN re: Brotherhood of", "rn at sisters of")."""
        for size in (1, 2):
            cue = of_index - size - 1
            if cue < 0 or not (folded[cue] in self.name_cues.title_words or folded[cue] in self.name_cues.role_words):
                continue
            name = [words[i].group(0) for i in range(cue + 1, of_index)]
            if all(fold(w) not in FUNCTION_WORDS and not self.name_cues.is_cue_word(fold(w)) and (
                    (not caseless and is_capitalised(w))
                    or any(self._rare(part) or self.lexicon.is_name(part) for part in w.split("-") if part))  # "Bishop-Beaulieu"
                   for w in name):
                return True
        return False

    def _letterhead(self, text: str, words: list[re.Match[str]], folded: list[str], index: int, end_index: int,
                    organization: bool) -> tuple[int, int] | None:
        """Where a line that is a facility's name and nothing else starts and ends: one to four
        words, then the facility's word (and more of them), then the line's end, " - " and a heading, or a wide
        gap; its words are the name whatever they are, unless they are only clinical or department words
        ("Skilled Nursing Facility", a "Pain Clinic" heading), though a clinical word may name an organization
        ("Cataract Fire & Rescue"), and a trade name a practice ("Summit Cardiology Associates"); the line's last
        segment after " - " counts as a line ("Triage Call - Summit Cardiology Associates")."""
        line_start = text.rfind("\n", 0, words[index].start()) + 1
        for segment in SEGMENT_BREAK_RE.finditer(text, line_start, words[index].start()):
            line_start = segment.end()  # "Triage Call - Summit Cardiology Associates": the line's last segment
        first = index
        while first > 0 and words[first - 1].start() >= line_start:
            first -= 1
        if first == index or index - first > MAX_LETTERHEAD_WORDS or text[line_start:words[first].start()].strip():
            return None
        for a, b in itertools.pairwise(words[first:index + 1]):
            gap = text[a.end():b.start()]
            if (not NAME_GAP_RE.fullmatch(gap) and gap not in {"'s ", "’s "}) or (gap.startswith(".") and len(a.group(0)) > 2):
                return None  # punctuation inside: a sentence, not a name ("St. Piran's" is one)
        if any(not m.group(0)[:1].isalpha() or (fold(m.group(0)) in FUNCTION_WORDS and fold(m.group(0)) not in LETTERHEAD_JOINERS)
               or fold(m.group(0)) in self.name_cues.heading_words for m in words[first:index]):
            return None  # "Transported emergent to Sunrise Hospital", "Total time 39 min. VA", "Note for Child Care": a sentence
        end = words[self._facility_words_after(text, words, folded, end_index) - 1].end()  # "... Medicine Associates"
        if not LETTERHEAD_END_RE.match(text, end):
            return None
        if any(tuple(folded[k:k + len(longer)]) == longer and k + len(longer) > index
               for k in range(first, index) for longer in self.cues.facility_first.get(folded[k], ())):
            return None  # "Skilled Nursing Facility": a longer facility's word, no name before it
        name_words = [m.group(0) for m in words[first:index]]
        if all(fold(w) in FUNCTION_WORDS or fold(w) in self.cues.facility_words or fold(w) in self.cues.organization_words
               or (not organization and (self._clinical(w) or fold(w) in DEPARTMENT_WORDS))
               for w in name_words):
            return None
        return words[first].start(), end

    def _phrases_at(self, folded: list[str], index: int) -> list[tuple[str, ...]]:
        """The facility's and organization's phrases that the words at ``index`` spell, longest first."""
        first = self.cues.facility_first.get(folded[index])
        if not first:
            return []  # (most words open no phrase)
        return sorted((phrase for phrase in first if tuple(folded[index:index + len(phrase)]) == phrase),
                      key=lambda phrase: (-len(phrase), phrase))

    def _facility_words_after(self, text: str, words: list[re.Match[str]], folded: list[str], end_index: int) -> int:
        """Past the facility's words and the facility's or organization's phrases that follow on its line ("... Internal
        Medicine Associates", "Dunmore & Sons Funeral Home")."""
        while end_index < len(words) and PHRASE_GAP_RE.fullmatch(text[words[end_index - 1].end():words[end_index].start()]):
            if folded[end_index] in self.cues.facility_words:
                end_index += 1
                continue
            phrases = self._phrases_at(folded, end_index)
            if not phrases:
                break
            end_index += len(phrases[0])
        return end_index

    # -- runs after a cue ------------------------------------------------------
    def _run_after(
        self,
        text: str,
        span_start: int,
        position: int,
        caseless: bool,
        label: str,
        source: str,
        organization: bool = False,
        min_words: int = 1,
        residence: bool = False,
    ) -> list[RuleSpan]:
        """The run of proper-name words starting at ``position`` (up to five, on one line)."""
        run: list[re.Match[str]] = []
        cursor = position
        while len(run) < MAX_RUN:
            match = WORD_RE.match(text, cursor)
            if not match:
                break
            word = match.group(0)
            if word[:1].isdigit() or (not run and fold(word) in NO_VALUE_WORDS):
                break  # "outside films, none available": no place named
            if fold(word) in {"of", "and", "&", "de", "la", "del", "on", "upon", "in"} and run:
                # "Hospital of Saint Anne", "Stratford upon Avon": a joining word needs a name after it
                nxt = WORD_RE.match(text, match.end() + 1) if text[match.end():match.end() + 1] == " " else None
                if not caseless and nxt is not None and nxt.group(0) == "the" and fold(word) in {"of", "on"}:
                    # "Heart of the Valley", "Newton on the Moor": "of the", "on the" inside a name written with capitals
                    after = WORD_RE.match(text, nxt.end() + 1) if text[nxt.end():nxt.end() + 1] == " " else None
                    if after is not None and self._name_word(after.group(0), caseless):
                        cursor = nxt.end() + 1
                        continue
                    break
                joined = nxt is not None and self._name_word(nxt.group(0), caseless) and (
                    not caseless  # where capitals mean nothing, "marlow creek and refuses": a name word must follow
                    or self._rare(nxt.group(0)) or fold(nxt.group(0)) in self.cues.place_words
                    or fold(nxt.group(0)) in self.cues.facility_words
                    or fold(nxt.group(0)).endswith(("'s", "’s"))  # "BRIGHAM AND WOMEN'S"
                    or self.lexicon.is_listed_proper(nxt.group(0))
                )
                if joined and fold(word) not in {"in", "on"}:
                    cursor = match.end() + 1
                    continue
                break
            capital_name = fold(word) not in FUNCTION_WORDS and (
                (not caseless and is_capitalised(word) and (self.lexicon.is_place(word) or self.lexicon.is_name(word)))
                or (label == "LOCATION" and self.lexicon.is_place(word) and fold(word) not in self.lexicon.english)
            )
            if not self._name_word(word, caseless) and not capital_name and not (
                (run or organization) and self._name_goes_on(text, match, caseless)
            ):
                break  # ("lives in Bursa", "films from Villa Rosa": a place or a name, though also a clinical word)
            if caseless and run and not organization and fold(word) in self.lexicon.english and not (
                fold(word) in self.cues.place_words or fold(word) in self.cues.facility_words or fold(word) in JOINING_WORDS
                or self.lexicon.is_place(word) or self.lexicon.is_name(word)
            ):
                break  # "returned from the congo visiting family": where capitals mean nothing, a plain word ends the place
            if not caseless and not run and word.isupper() and len(word) <= 3 and not self.lexicon.is_place(word):
                break  # "near the GE junction": an abbreviation, not a name
            bare = POSSESSIVE_END_RE.sub("", word) or word  # "AT ST. COLUMBA'S": the name without its possessive
            if caseless and not run and not (
                self._rare(bare)
                or (residence and self.lexicon.is_place(bare))  # "EMIGRATED FROM MOROCCO", "FILMS FROM RIVERSIDE"
                or self._ends_in_place_word(text, match)
                or self.lexicon.is_listed_proper(bare)
                or ((organization or not self.lexicon.is_safe(word)) and self._name_goes_on(text, match, caseless))
            ):
                break  # "moved to rehab", "works at home": the first word of a name in a caseless text must be a name
            run.append(match)
            cursor = match.end()
            gap = re.match(r"'s|’s", text[cursor:])
            if gap:
                cursor += gap.end()
            after = NAME_GAP_RE.match(text, cursor)
            if not after or "\n" in after.group(0):
                break
            if after.group(0).startswith(".") and fold(word) not in JOINING_WORDS and len(word) > 1:
                break  # "Edgewood Montessori. Lives in": the sentence ends
            cursor = after.end()
        if len(run) < min_words:
            return []
        words = [POSSESSIVE_END_RE.sub("", m.group(0)) or m.group(0) for m in run]
        if not organization and all(fold(w) in self.cues.plain_places or fold(w) in self.cues.living_conditions for w in words):
            return []  # "comes from shelter", "LIVES IN HOUSE WITH WIFE", "lives in peace,": a kind of place or of life, no name
        following = WORD_RE.match(text, run[-1].end() + 1) if text[run[-1].end():run[-1].end() + 1] == " " else None
        beyond = WORD_RE.match(text, following.end() + 1) if following is not None and text[following.end():following.end() + 1] == " " else None
        if residence and not organization and (
                self._state_of_care(words, following.group(0) if following else "")
                or (following is not None and self._state_of_care([*words, following.group(0)], beyond.group(0) if beyond else ""))):
            return []  # "lives with husband in good health", "lives in foster care" (the run stops before "care")
        if not any(self._rare(w) or self.lexicon.is_place(w) or self.lexicon.is_name(w) or (not caseless and is_capitalised(w)) for w in words):
            return []
        if caseless and organization and not any(self._rare(w) or fold(w) in self.cues.organization_words or self.lexicon.is_name(w) for w in words):
            return []
        kinds = self.cues.organization_words | self.cues.facility_words
        if organization and any(fold(w) in kinds for w in words):
            # the name ends with its last organization word ("Hawthorne High School", not "... church weekly")
            last = max(i for i, w in enumerate(words) if fold(w) in kinds)
            while len(run) > last + 1 and not self._rare(words[-1]) and (
                fold(words[-1]) in self.lexicon.english or not (self.lexicon.is_name(words[-1]) or self.lexicon.is_place(words[-1]))
            ):
                run.pop()
                words.pop()
        if organization and all(fold(w) in kinds for w in words):
            return []  # "attends church", "works at the hospital": a kind of place, no name
        end = run[-1].end()
        tail = re.match(r"'s|’s", text[end:])
        if tail:
            end += tail.end()
        if source == "place_saint":
            return [RuleSpan(span_start, end, label, source)]
        # the cue is explicit context: the span stands even on an eponym ("born in Poland")
        return [RuleSpan(run[0].start(), end, label, source, strong=True)]
