"""Gestation phrases: '37 weeks gestation', '30 weeks pregnant', 'G2P1 at 12 weeks', '32+4 weeks', '36/40',
'8 months pregnant', "I'm 36 weeks". They say the patient is pregnant and how far along, and are never a
symptom duration (durations.py drops the spans found here). In pregnancy, a bare 'bleeding' is vaginal."""

from __future__ import annotations

import re

from medcore.knowledge import assertions

_N = r"(\d{1,2}(?:\.\d)?)"
_PLUS = r"(?:\s*\+\s*\d)?"
_WEEKS = r"\s*(?:weeks?|wks?)"
_MONTH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# explicit: the phrase itself says pregnancy
EXPLICIT = [
    re.compile(rf"\b{_N}{_PLUS}{_WEEKS}\s+(?:pregnant|gestation(?:al)?|along|of\s+pregnancy|into\s+(?:my|the|her)\s+pregnancy)\b"),
    re.compile(rf"\b{_N}{_PLUS}\s*/\s*40\b"),
    re.compile(rf"\bgestation(?:al\s+age)?\s+(?:of\s+)?{_N}{_PLUS}{_WEEKS}\b"),
    # "38 weeks with my second", "30 weeks gone", "12 weeks with twins": lay ways of saying how far along
    re.compile(rf"\b{_N}{_PLUS}{_WEEKS}\s+(?:gone|with\s+(?:my|our|her|the)\s+(?:first|second|third|fourth|fifth|"
               r"1st|2nd|3rd|4th|5th|baby|twins|bump|little\s+one)|with\s+twins)\b"),
]
MONTHS = re.compile(r"\b(\d|one|two|three|four|five|six|seven|eight|nine)\s+months?\s+(?:pregnant|gone|along)\b")
# "I'm 36 weeks" / "she is 28 weeks" (no 'old', 'ago', 'post-op', ...): people state gestation this way
# session 24: a partner telling it ("my wife is 38 weeks", "my girlfriend's 30 weeks"); not a daughter or a son,
# whose 'N weeks' is as often the baby's age
STATED = re.compile(rf"\b(?:i'm|i\s+am|im|she's|she\s+is|she\s+was|i\s+was|now"
                    rf"|(?:wife|partner|girlfriend|fianc[eé]e?)(?:'s|\s+is|\s+was)){_PLUS}\s+{_N}{_PLUS}{_WEEKS}\b"
                    r"(?!\s*(?:old|ago|post|after|since|out|off|of\s+age|later|now\b))(?![- ]old)")
# "at 12 weeks" only with pregnancy words elsewhere in the text (G2P1, midwife, bump, waters, ...)
AT_WEEKS = re.compile(rf"\bat\s+{_N}{_PLUS}{_WEEKS}\b(?!\s*(?:old|of\s+age))(?![- ]old)")
CONTEXT = re.compile(r"pregnan|gravida|\bg\d+\s*p\d+\b|midwi|antenatal|\bbump\b|\bwaters\b|contraction|fetal|foetal"
                     r"|gestation|maternity|\bscan\b|tightening"
                     # session 28 review: the baby's movements are felt only in pregnancy ('41 weeks and baby moving
                     # less' read 41 weeks as a duration); not 'moving' alone ('6 weeks, baby not moving his arm')
                     r"|\bbaby(?:'s)?\s+(?:is\s+)?(?:moving\s+less|kicking\s+less|movements)|fewer\s+kicks")
# session 27: a bare 'N weeks' opening a sentence or list item ('33 weeks, tightenings every 5 minutes', 'Now 34
# weeks.') with pregnancy words elsewhere is how far along she is; 'for 3 weeks', '3 weeks ago', '6 weeks old' are not
BARE_WEEKS = re.compile(rf"(?:^|(?<=[.,;:\n]))\s{{0,3}}{_N}{_PLUS}{_WEEKS}\b(?!\s*(?:old|ago|post|after|since|of\s+age|later))"
                        r"(?![- ]old)")
LATE_WEEKS = 20  # late_pregnancy: 'Over 20 weeks pregnant'
TERM_WEEKS = 37  # term_pregnancy: 37+0 weeks or more (NICE NG25: preterm is before 37 weeks; session 28)
# a bare 'bleeding' in pregnancy means vaginal bleeding, unless another bleeding site is named
BARE_BLEEDING = re.compile(r"\b(?:bleeding|bleed|bled)\b")
OTHER_BLEEDING = ("vaginal_bleeding", "rectal_bleeding", "nosebleed", "nosebleed_prolonged", "vomit_blood",
                  "cough_blood", "blood_urine", "bleeding_gums", "black_stool", "bloody_diarrhoea",
                  "heavy_bleeding_soaking", "postmenopausal_bleeding", "bleeding_after_sex", "wound")


def gestation_spans(low: str) -> list[tuple[int, int, float]]:
    """(start, end, weeks) of every gestation phrase in lower-case text."""
    out = [(m.start(), m.end(), float(m.group(1))) for pat in EXPLICIT for m in pat.finditer(low)]
    out += [(m.start(), m.end(), 4.35 * float(_MONTH_WORDS.get(m.group(1), m.group(1)))) for m in MONTHS.finditer(low)]
    out += [(m.start(1), m.end(), float(m.group(1))) for m in STATED.finditer(low) if 4 <= float(m.group(1)) <= 42]
    if CONTEXT.search(low) or labour_pains(low):
        out += [(m.start(), m.end(), float(m.group(1))) for m in AT_WEEKS.finditer(low) if 4 <= float(m.group(1)) <= 42]
        out += [(m.start(1), m.end(), float(m.group(1))) for m in BARE_WEEKS.finditer(low) if 4 <= float(m.group(1)) <= 42]
    # session 29: a simile of a bloated tummy is no pregnancy ('by the evening I look 6 months gone', 'looks like
    # I'm 9 months pregnant'): with the late-pregnancy tummy-pain rule it had made a bloated bowel an emergency
    return [g for g in out if 0 < g[2] <= 44 and not _SIMILE.search(low[max(0, g[0] - 24):g[0]])]


_SIMILE = re.compile(r"\b(?:look|looks|looking|looked|like|as\s+if|as\s+though)\s+(?:i'm\s+|im\s+|i\s+am\s+|i\s+was\s+|"
                     r"she's\s+|she\s+is\s+|a\s+woman\s+)?(?:about\s+|nearly\s+|almost\s+)?$")


# session 27 review: period-type pains or cramps coming at a regular interval are how labour is told ('32 weeks.
# Period-type pains every 6 minutes'; NHS.uk 'Signs that labour has begun': contractions feel like period pains);
# with a bare 'N weeks' they say pregnancy, as the pregnancy words of CONTEXT do. Period pains told without an
# interval ('period-type pains for 6 weeks') say nothing of pregnancy.
PERIOD_TYPE = re.compile(r"\bperiod[- ]?(?:type|like|ish)?\s+(?:pains?|cramps?|cramping|aches?)\b")


def labour_pains(low: str) -> bool:
    return bool(PERIOD_TYPE.search(low)) and bool(REGULAR_TIGHTENING.search(low))


def gestation_weeks(low: str, skip=None) -> float | None:
    """The most weeks told; `skip(low, start, end)`: a span to leave out (a relative's pregnancy, session 30)."""
    spans = [g for g in gestation_spans(low) if skip is None or not skip(low, g[0], g[1])]
    return max(w for _, _, w in spans) if spans else None


def in_pregnancy_context(low: str) -> bool:
    return bool(CONTEXT.search(low)) or bool(gestation_spans(low))


def bare_bleeding(low: str) -> bool:
    return bool(BARE_BLEEDING.search(low))


# A birth the speaker went through: "I had my baby 5 days ago", "since my baby was born", "I gave birth last week".
# Said of a baby who is the patient ("my baby was born 3 days ago and she is yellow") it is the baby's birth: the
# speaker must talk of herself (I, me) and not of the baby as he or she.
BIRTH = re.compile(r"\b(?:(?:i|i've|we)\s+(?:just\s+)?(?:had|have\s+had|delivered)\s+(?:my|the|our|a)\s+baby"
                   r"|(?:my|our|the)\s+baby\s+(?:was|got)\s+(?:born|delivered)|gave\s+birth|given\s+birth"
                   r"|since\s+(?:the|my)\s+(?:birth|delivery|c-?section|caesarean)|days?\s+post\s*-?(?:partum|natal))\b")
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|im|ive|me)\b")
BABY_AS_SUBJECT = re.compile(r"\b(?:she|he|she's|he's|her|his)\b")
# heavy bleeding in words, in pregnancy or after a birth: "losing a lot of blood", "pouring with blood"
HEAVY_BLOOD = re.compile(r"\b(?:(?:lots|loads|a\s+lot|plenty)\s+of\s+(?:\w+\s+){0,2}blood|pouring\s+(?:with\s+)?blood"
                         r"|gushing\s+(?:\w+\s+)?blood|bleeding\s+(?:very\s+|really\s+|so\s+)?(?:heavily|a\s+lot)"
                         r"|heavy\s+bleeding|bleeding\s+(?:is\s+)?(?:much\s+)?heavier"
                         # "blood is pouring out", "blood was gushing", "blood running down my legs"
                         r"|blood\s+(?:is\s+|was\s+|keeps\s+)?(?:pouring|gushing|streaming|pumping|running\s+down)"
                         # "soaked 2 pads", "soaked through a pad in minutes", "soaking through pads"
                         r"|soak(?:ed|ing)(?:\s+right)?(?:\s+through)?(?:\s+(?:a|one|two|three|\d+|several|my|the))?"
                         r"\s+(?:pads?|towels?|sanitary\s+towels?))\b")
LOSING_BLOOD = re.compile(r"\b(?:losing|lost|passing)\s+(?:\w+\s+){0,3}blood\b"
                          # session 27: blood seen on wiping or on a pad, told with no bleeding word ('some light red
                          # blood when I wiped', 'blood on my pad', 'brown blood in my knickers'): in pregnancy it is
                          # vaginal bleeding (NHS.uk 'Vaginal bleeding in pregnancy'; NICE NG126)
                          r"|\bblood\s+(?:when|after)\s+(?:i|she)\s+wipe[ds]?\b|\bblood\s+on\s+(?:my|her|the)\s+"
                          r"(?:pad|pants|knickers|underwear|toilet\s+paper|tissue|liner|panty\s+liner)\b"
                          r"|\bblood\s+in\s+(?:my|her)\s+(?:pants|knickers|underwear)\b")
# session 27: tightenings or contractions that come at a regular interval ('tightenings every 5 minutes', 'my bump
# goes hard every few minutes', 'contractions 4 minutes apart', 'coming regularly') are regular contractions: before
# 37 weeks a suspected preterm labour (NICE NG25 Preterm labour and birth: regular contractions, assess at once)
REGULAR_TIGHTENING = re.compile(
    r"\b(?:tighten\w{0,4}|contractions?|(?:goes|going|gets|getting|went)\s+(?:rock\s+)?hard|cramps?|pains?)\b"
    r"[^.;!?]{0,40}?\b(?:every\s+(?:\d{1,2}(?:\s*(?:-|to)\s*\d{1,2})?|few|couple\s+of|two|three|four|five|six|seven|"
    r"eight|nine|ten|fifteen|twenty)\s*(?:min|mins|minutes)\b|\d{1,2}\s*(?:min|mins|minutes)\s+apart\b|coming\s+regularly"
    r"|regular\s+as\s+clockwork|closer\s+(?:and\s+closer\s+)?together)"
    r"|\bevery\s+(?:\d{1,2}|few|couple\s+of)\s*(?:min|mins|minutes)\b[^.;!?]{0,30}?\b(?:tighten\w{0,4}|contractions?)\b")


def gave_birth(low: str) -> bool:
    """Whether the speaker says she has given birth (not a parent speaking of the baby as the patient)."""
    return bool(BIRTH.search(low)) and bool(FIRST_PERSON.search(low)) and not BABY_AS_SUBJECT.search(low)


def heavy_blood(low: str) -> bool:
    return bool(HEAVY_BLOOD.search(low))


def blood_loss_spans(low: str) -> list[tuple[int, int]]:
    """Where blood loss is spoken of with no site named (for the caller to check each for a denial)."""
    return [(m.start(), m.end()) for pat in (BARE_BLEEDING, LOSING_BLOOD, HEAVY_BLOOD) for m in pat.finditer(low)]


def blood_loss_affirmed(low: str) -> bool:
    """Whether blood loss with no site named is said without a denial in its clause (the assertion engine decides):
    'no pain or bleeding' is no bleeding."""
    spans = blood_loss_spans(low)
    if not spans:
        return False
    rules = assertions.load_rules("lay")
    clauses = assertions.clauses(low, rules)
    for s, e in spans:
        a, b = next(((ca, cb) for ca, cb in clauses if ca <= s < cb), (s, e))
        if assertions.assert_spans(low[a:b], [(s - a, min(e, b) - a)], rules)[0] != "negated":
            return True
    return False


def blood_loss(low: str) -> bool:
    """A bare 'bleeding', 'losing blood' or 'pouring with blood' with no site named."""
    return bare_bleeding(low) or bool(LOSING_BLOOD.search(low)) or heavy_blood(low)


# "at my 20 week scan", "the 12-week scan": when a scan was, which is neither how far along she is now nor how long
# the complaint has lasted (durations.py drops these spans too)
SCAN_WEEKS = re.compile(rf"\b{_N}{_PLUS}[- ]?(?:weeks?|wks?)\s+(?:anomaly\s+|dating\s+|growth\s+)?scan\b")
# "no pain at all", "painless", "it doesn't hurt": in a pregnancy bleed, said of the womb. RCOG Green-top 63 sorts
# antepartum haemorrhage by it (painless: placenta praevia; painful: abruption, labour)
# session 27: 'no pain up in my shoulder' denies a pain of one site, not of the womb
PAINLESS = re.compile(r"\b(?:painless|pain[- ]free|no\s+pain(?:\s+at\s+all)?(?!\s+(?:up\s+|down\s+)?(?:in|on|around|at|under|over|behind|across)\b)|without\s+(?:any\s+)?pain"
                      r"|(?:it\s+)?(?:doesn't|does\s+not|didn't|did\s+not)\s+hurt|not\s+painful)\b")


def scan_spans(low: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SCAN_WEEKS.finditer(low)]


def regular_tightenings(low: str) -> bool:
    return bool(REGULAR_TIGHTENING.search(low))


def says_painless(low: str) -> bool:
    return bool(PAINLESS.search(low))
