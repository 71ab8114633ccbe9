"""Population size N: the count of people a study enrolled, randomised or analysed, from the strongest of the
count patterns below (counts in words included), or two or more groups counted side by side and summed. Moved
from pico.py in session 12; `PEOPLE` (the words for people counted) is shared with arms.py."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.literature.model import Sentence
from medcore.literature.control_groups import NUM as _NUM, compared_next, controls_per_case, summed_groups
from medcore.literature.numwords import digits_for_words, lead_small, value
from medcore.literature.people_words import PEOPLE_WORDS, count_of
from medcore.literature.population_sex import SEX_FEMALE, SEX_PAIR

PEOPLE = _PEOPLE = PEOPLE_WORDS  # the words for people counted in a study (arms.py and others read them here too)
# a count: "1,250", "12 537" (a blank, or a thin space, between thousands, as many journals print it: session 23c),
# "40"; never a year, so that a year written before the count is passed over, not taken and then dropped with the
# count after it ("from 1990 to 1998 thirty patients were studied": the 30 is read)
# (session 25b) nor the end of a range ("18-64 year old farmers") nor an age ("64-year-old farmers")
# (session 30) a year-like count right before its people is a count ("We randomised 2088 women"), unless a word of
# time stands before it ("In 2005 patients were ...", "between 2009 and 2012 patients")
_YEAR_BEFORE = r"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=since\s)|(?<=during\s)|(?<=until\s)|(?<=from\s)|(?<=\bby\s)|(?<=after\s)|(?<=before\s)|(?<=\band\s)|(?<=\bto\s)|(?<=through\s))"
# (review s30) a year-like number before an event of that year is a year: "the 2016 survey participants"
_YEAR_EVENT = r"(?!(?:survey|census|cohort|wave|season|round|election|birth|national|annual|guidelines?|edition)\b)"
_YEAR = (r"(?:" + _YEAR_BEFORE + r"(?:19|20)\d\d(?!\d|,\d{3})|(?:19|20)\d\d(?!\d|,\d{3})(?!\s+(?:" + _YEAR_EVENT
         + r"[A-Za-z][\w\-]*\s+){0,2}?" + _PEOPLE + r"\b))")
_YEAR_AT = re.compile(_YEAR, re.I)
# (session 30) never an age or a span: "Men aged 55 to 80 years and women ... were assigned" counts no 55 or 80
# people ("40 Year 3 students", a school year, and "120 day case repairs" are counts)
_INT = (r"(?<![\w.\-\u2013])(?<!\baged\s)(?<!\bages\s)" + LATER_THOUSANDS_GROUP + r"(?!" + _YEAR + r")"
        r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?!\d|[.,]\d)|\d+)(?![\s\-]+years?[\s\-]+old)(?!\s+(?:years?|yrs|months?|weeks?|days?)\b(?!\s+\d|[\s\-]+(?:cases?|surgery|care|unit|hospital|procedures?)\b))")
# between a count of people and its verb: anything but another count of people ("313 children who had a scan,
# 130 children were studied" is about the 130); (session 30) up to 160 characters, a relative clause may stand there
# (review s30) nor a later count that is itself allocated ("Of the 4000 women who ..., 350 were randomized")
_GAP = (r"\b(?:(?!\d[\d,]*\s+(?:[\w\-]+\s+){0,2}" + _PEOPLE + r"|\d[\d,]*\s+(?:were|was)\s+(?:randomi|random|allocat|assign|"
        r"enrol|includ|recruit)).){0,160}?")
# (pattern, strength, a word the sentence must hold for it to be tried): a stronger pattern wins over a weaker
# one anywhere in the abstract; the guard skips hopeless patterns cheaply (hostile text of digits stays fast)
# (review s30) "120 of them responded to treatment" is a response, not those who answered a survey
_NOT_TREATED = (r"(?!\s+(?:well|poorly|partially|completely|fully)\b|\s+to\s+(?!(?:the|a|an|our)\s+(?:[\w\-]+\s+)?(?:survey|"
                r"questionnaire|invitation|letter|mailing|e-?mail|request|call|interview)))")
_N_PATTERNS = [
    (re.compile(r"\ba\s+total\s+of\s+" + _INT + r"\b", re.I), 5, "total"),
    # an aside in brackets right after the people may count a part of them: "79 infants (40 cases) were enrolled"
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,4}?" + _PEOPLE + r"(?:\s*\([^()]{0,40}\)\s*)?" + _GAP + r"\b(?:were|was)\s+(?:randomi[sz]ed|randomly|enrolled|included|recruited|studied|analy[sz]ed|evaluated|identified|assessed|examined|followed|surveyed|interviewed|treated|reviewed|allocated|assigned)", re.I), 5, ""),
    # (session 30) a series described ("We describe the first 41 patients"), a census's count ("counted 190 238 children")
    (re.compile(r"\b(?:we\s+)?(?:enrolled|included|recruited|randomi[sz]ed|randomly\s+(?:assigned|allocated)|studied|analy[sz]ed|identified|surveyed|followed|reviewed|examined|evaluated|assessed|investigated|"
                r"comprised|involved|held|contained|captured|yielded|describe|report|counted)\s+(?:the\s+(?:first\s+)?)?" + _INT + r"\s+(?:[\w\-]+\s+){0,4}?" + _PEOPLE, re.I), 4, ""),
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,4}?" + _PEOPLE + r"\b.{0,60}?\b(?:underwent|received|participated|completed|took\s+part|were\s+(?:included|enrolled|studied))", re.I), 5, ""),
    # session 28: a trial stopped early counts those randomised ("after 3141 of a planned 3600 children had been
    # randomised"), and a cohort those who answered its baseline questionnaire ("N women aged ... who had been invited
    # to screening filled in a questionnaire")
    # (session 28) the people named first and their count after "and": "Adults with X were eligible, and 530 were enrolled"
    (re.compile(r"\b" + _PEOPLE + r"\b[^.;]{0,160}?(?:\band|,)\s+" + _INT + r"\s+(?:were|was)\s+(?:enrolled|randomi[sz]ed|included|"
                r"recruited)\b", re.I), 5, ""),
    (re.compile(r"\b(?:after|when|once)\s+" + _INT + r"\s+(?:of\s+(?:a|the)\s+planned\s+\d[\d,]*\s+)?(?:[\w\-]+\s+){0,2}?" + _PEOPLE
                + r"\s+had\s+been\s+(?:randomi[sz]ed|enrolled|recruited)\b", re.I), 6, "had been"),
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE + r"\b[^.;]{0,120}?\b(?:filled\s+(?:in|out)|completed|returned|answered)\s+"
                r"(?:a|the|an)\s+(?:[\w\-]+\s+){0,2}?questionnaire\b", re.I), 4, "questionnaire"),
    # (session 30) those who answered a mailed questionnaire: "posted to 13,494 adults, and 9508 of them (70.5%) replied"
    (re.compile(_INT + r"\s+of\s+(?:them|these|those)\b.{0,20}?\b(?:(?:were|was)\s+(?:included|enrolled|analy[sz]ed|studied)|"
                r"replied|responded" + _NOT_TREATED + r"|answered|participated|took\s+part)", re.I), 6, " of "),
    # the later step of a recruitment funnel, CONSORT's flow (assessed -> enrolled -> randomised): "we enrolled 212
    # adults, of whom 180 were randomised", "Of these, 180 were randomly assigned" (session 16)
    (re.compile(r"\b(?:of|among)\s+(?:whom|them|these|those)(?:\s+[\w\-]+){0,2}?,?\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,3}?(?:were|was)\s+"
                r"(?:randomi[sz]ed|randomly|enrolled|included|allocated|assigned|eligible|recruited)\b", re.I), 6, ""),
    # a funnel in one clause: "Of 3,412 patients screened, 2,890 were enrolled", "Among 3,015 eligible women, 2,770
    # were randomised" (session 24b)
    (re.compile(r"\b(?:of|among)\s+(?:the\s+)?\d[\d,]*\s+(?:[\w\-]+\s+){0,3}?[\w\-]+,\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,2}?(?:were|was)\s+"
                r"(?:randomi[sz]ed|randomly|enrolled|included|allocated|assigned|recruited|analy[sz]ed)\b", re.I), 6, ", "),
    # session 25: the eligible group said by its criteria ("210 patients met the inclusion criteria"), a funnel's
    # remainder ("Of the remaining 180 women, ..."), a survey's answerers ("completed by 2,300 nurses") and the
    # analysed part of a series ("the analysis rests on 88 of 104 patients")
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,3}?(?:" + _PEOPLE + r"\s+)?(?:met|fulfilled|satisfied|fulfil?led)\s+(?:the\s+|our\s+|all\s+(?:the\s+)?)?"
                r"(?:inclusion|eligibility|entry|study)\s+criteria\b", re.I), 6, "criteria"),
    (re.compile(r"\b(?:of|among)\s+the\s+remaining\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE + r"\s*,", re.I), 6, "remaining"),
    (re.compile(r"\b(?:completed|returned|answered|filled\s+(?:in|out))\s+by\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b", re.I), 5, " by "),
    (re.compile(r"\b(?:based\s+on|included|analy[sz]ed|studied)\s+" + _INT + r"\s+of\s+(?:the\s+|all\s+)?\d[\d,]*\s+(?:[\w\-]+\s+){0,3}?"
                + _PEOPLE + r"\b", re.I), 6, " of "),
    (re.compile(r"\btotal\s+number\s+of\s+\w+(?:\s+\w+){0,4}?\s+(?:was|were)\s+" + _INT + r"\b", re.I), 5, "total"),
    (re.compile(r"\b(?:sample|cohort|population|study(?:\s+(?:group|population|sample|cohort))?)\s+(?:comprised|consisted\s+of|included|involved)\s+" + _INT + r"\b", re.I), 5, ""),
    # session 25b, the other ways abstracts state who was studied (own sentences in docs/evals/literature-s25b):
    # the sample named first ("Participants were 199 older adults", "The final sample was 390 caregivers",
    # "Participants: 177 adults"), the verb first ("Included were 126 patients"), the data's people ("data on 61
    # patients"), the place of the work ("conducted on 260 patients"), what was left after exclusions ("24 were
    # excluded, leaving 310") and who answered ("returned by 1500 of the 2100 nurses", "2,000 participated")
    (re.compile(r"\b(?:participants|subjects|respondents|sample|cohort|population)(?:\s+(?:were|was)\s+|\s*:\s*)" + _INT
                + r"\s+(?:[A-Za-z][\w\-]*\s+){0,4}?" + _PEOPLE + r"\b(?!\s+and\s+\d)", re.I), 5, ""),  # not "7 women and 4 men"
    (re.compile(r"\b(?:included|enrolled|studied|analy[sz]ed|recruited)\s+(?:in\s+(?:the|this)\s+(?:study|analysis)\s+)?(?:were|was)\s+"
                + _INT + r"\b", re.I), 5, ""),
    (re.compile(r"\b(?:data|records|charts|information)\s+(?:on|from|for|of)\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,4}?" + _PEOPLE, re.I), 4, ""),
    (re.compile(r"\b(?:conducted|carried\s+out|performed|done|undertaken)\s+(?:on|among|in|with)\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,4}?"
                + _PEOPLE, re.I), 5, ""),
    (re.compile(r"\b(?:leaving|left\s+with|remaining)\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,4}?" + _PEOPLE + r"\b", re.I), 6, ""),
    (re.compile(r"\b(?:leaving|left\s+with|remaining)\s+" + _INT + r"\s+(?:for|in)\s+(?:the\s+)?(?:final\s+)?(?:analysis|study|sample)\b", re.I), 6, ""),
    (re.compile(r"\b(?:returned|completed|answered)\s+by\s+" + _INT + r"\s+(?:\(\d[^()]{0,10}\)\s+)?of\s+(?:the\s+)?\d", re.I), 5, " by "),
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,3}?(?:participated|responded" + _NOT_TREATED + r"|took\s+part|agreed\s+to\s+(?:participate|take\s+part)|consented)\b", re.I), 5, ""),
    (re.compile(r"\b(?:sent|mailed|posted|e-?mailed|distributed|administered)\s+(?:[\w\-]+\s+){0,4}?to\s+(?:all\s+)?" + _INT
                + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 3, ""),
    (re.compile(r"\ba\s+(?:random\s+)?sample\s+of\s+" + _INT + r"\b", re.I), 5, "sample"),
    (re.compile(_INT + r"\s+(?:[\w\-]+\s+){0,4}?[\w\-]+\b.{0,60}?\b(?:that|who|which)\s+were\s+(?:randomi[sz]ed|randomly)", re.I), 5, "randomi"),
    (re.compile(r"\bthere\s+were\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 5, "there"),
    # (review fix) never a dose: "Patients on atorvastatin 80 mg were randomly assigned" is no N of 80
    (re.compile(_INT + r"(?!\s*(?:mg|g|µg|μg|mcg|ug|IU|units|ml|mL|mmol|Gy|cGy|kg|mmHg)\b)\s+(?:[\w\-]+\s+){0,3}?\w+\s+(?:were|was)\s+(?:included|enrolled|analy[sz]ed|studied|reviewed|"
                r"randomi[sz]ed|randomly|allocated|assigned|recruited)\b", re.I), 3, " w"),
    (re.compile(r"\b(?:of|among|in|from|for|with)\s+(?:the\s+)?" + _INT + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 2, ""),
    (re.compile(r"(?:^|[(\[,;]\s*)[Nn]\s*=\s*" + _INT + r"\b"), 1, "="),
    (re.compile(r"^" + _INT + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 4, ""),
    # "36 procedures in 34 children", "286 performed in 256 patients": the people, not the procedures (session 13)
    (re.compile(r"(?<![\w.])" + LATER_THOUSANDS_GROUP + r"\d[\d,]*\s+(?:[a-z][\w\-]*\s+)?(?:(?:were\s+)?performed\s+)?in\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,2}?"
                + _PEOPLE + r"\b", re.I), 6, " in "),
    # "data from 212 consecutive adults undergoing ...": a series' size, stated without a verb (session 12)
    (re.compile(_INT + r"\s+consecutive\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 4, "consecutive"),
    # session 27: measurements made on the people ("twelve measurements were collected on 52 individuals"), and a
    # series counted by its operations, one per patient ("a prospective study of 150 day-case cholecystectomies")
    (re.compile(r"\b(?:collected|performed|measured|recorded|obtained|conducted|carried\s+out)\s+(?:on|in|from)\s+" + _INT
                + r"\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE, re.I), 4, ""),
    # the people of a methods sentence counted in brackets after them: "data were collected from subjects screened
    # for a work evaluation (N = 3,955)" (weak: a group's own "(n = 40)" is summed by the group readers first)
    (re.compile(r"\b" + _PEOPLE + r"\b[^.;()]{0,80}?\(\s*N\s*=\s*" + _INT + r"\s*\)(?=[^()]{0,3}$)", re.I), 3, "="),
    (re.compile(r"\b(?:study|series|review|analysis|audit)\s+of\s+" + _INT + r"\s+(?:[\w\-]+\s+){0,4}?(?:[a-z]+(?:ectomies|otomies|"
                r"ostomies|plasties|scopies|pexies)|operations|procedures|resections|repairs|transplant(?:ation)?s|implantations)\b", re.I), 3, " of "),
]
_WE_ALLOCATE = re.compile(r"\bwe\s+(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed|enrolled|recruited|describe|report)\s+"
                          r"(?:the\s+(?:first\s+)?)?\d", re.I)
_EVENT_AFTER = re.compile(r"(?<!\s)\s+(?:had\s+|have\s+)?(?:died|developed|relapsed|experienced|suffered|deteriorated)\b", re.I)
_HAS_PEOPLE = re.compile(r"\b" + _PEOPLE + r"\b", re.I)
_LARGER = re.compile(r"(?<![\w.,])(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE + r"\b", re.I)


def _larger_before(text: str, words: str, total: int) -> bool:
    """A count of people larger than `total` stands before `words` in the sentence: the counted pair is a part."""
    at = text.find(words)
    return at > 0 and any(count_of(m.group("k")) > total for m in _LARGER.finditer(text, 0, at))


# two groups counted side by side make up the study: "compared between 1,200 rural and 3,400 urban infants",
# "started drug A (n = 80) or drug B (n = 95)"; their sum is N (exactly two counts, joined by and / or / versus)
_GROUP_PAIR = re.compile(r"(?:\b(?:between|of|in|among|comparing)\s+|^(?:[^,;]{0,60},\s+)?)(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?"
                         r"(?:and|or|vs\.?|versus)\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE + r"\b",
                         re.I)
# each group counted in its own clause: "the drug group had 45 patients and the placebo group 47", "45 (patients)
# (were) in the drug group and 47 in the placebo group"; summed over two or more named groups when the sentence
# allocates or enrols, or says the first count "were in" its group (else it may count events: "12 patients in
# the A group had nausea")
_GROUP_HAS = re.compile(r"\b(?:the|an?)\s+(?P<g>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s+(?:group|arm)\s+"
                        r"(?:had|included|comprised|consisted\s+of|contained|of|with|:|=|numbered)?\s*"
                        r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<who>\s+" + _PEOPLE + r")?\b", re.I)
_IN_GROUP = re.compile(r"(?<![\w.])" + LATER_THOUSANDS_GROUP + r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<who>\s+" + _PEOPLE + r")?\s+(?P<verb>were\s+|was\s+)?"
                       r"(?:in|into|to)\s+the\s+(?P<g>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s+(?:group|arm)\b", re.I)
# "compared 80 patients with the disease with 160 matched controls": the two compared groups make the study; the
# same said the other way round, "38 patients with X were compared with 38 healthy controls" (session 25b)
_COMPARED_AFTER = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b[^.;()]{0,60}?\b(?:were|was)\s+"
                             r"compared\s+(?:with|to)\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?(?:controls|" + _PEOPLE + r")\b", re.I)
_COMPARED_PAIR = re.compile(r"\bcompar(?:ed|ing)\s+(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,6}?(?:with|to|and|versus)\s+"
                            r"(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?(?:controls|" + _PEOPLE + r")\b", re.I)
_THERE_WERE = re.compile(r"^(?:overall,\s*|in\s+total,\s*)?there\s+were\s+\d", re.I)
_ENROLS = re.compile(r"randomi[sz]|allocat|assign|enrol|includ|recruit|divided|compris|consist", re.I)
_N_EQ = re.compile(r"[(\[]\s*n\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*[)\]]", re.I)
_PAIR_JOIN = re.compile(r"^[^()\[\]]{0,60}?\b(?:and|or|vs\.?|versus)\b[^()\[\]]{0,60}$", re.I)
# a count in brackets right after a count of people breaks those people down (by sex, arm, site): it is no N of
# its own (session 25); anchored at the end of the text before the inner count
_BREAKDOWN = re.compile(r"(?<![\w.,])\d[\d,]*\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\s*\([^()]{0,60}$", re.I)


_ROLE_N_WEIGHT = {"methods": 1.0, "results": 0.9, "objective": 0.5, "": 0.8, "background": 0.1, "conclusions": 0.3}


def pick_n(sentences: list[Sentence], small: bool = False, few_ok: bool = False) -> tuple[int | None, int, str]:
    """(N, sentence index, N as written): the count the strongest pattern gives, counts in words included.
    `small`: a capitalised small count opening a sentence is read too, only when nothing else is (session 27:
    "Two patients presented with X" is a part of a series counted elsewhere). `few_ok`: the study is a case report
    or case series, the only designs whose few cases are its people (review fix: "Two patients withdrew" in a trial
    is no N); the opening count is read then only in the objective or methods, or in an unheaded opening."""
    best = None
    # (session 28) an unheaded opening sentence that only the position rules called background or objective too
    sentences_read = [s for s in sentences if s.role in ("objective", "methods") or not s.role and s.idx < 3
                      or s.role_source == "rules" and s.role in ("background", "objective") and s.idx < 2] if small else sentences
    for s in sentences_read:
        w = _ROLE_N_WEIGHT.get(s.role, 0.5)
        if s.role_source == "rules" and s.role in ("background", "objective") and _WE_ALLOCATE.search(s.text):
            w = _ROLE_N_WEIGHT["methods"]  # session 30: the position guessed the role; "We randomly assigned N" is methods
        text, spans = digits_for_words(s.text)
        if small:  # "Two cases of X were identified" (session 27)
            text, spans = lead_small(text, spans, _PEOPLE)
        both = summed_groups(text)
        if both and _EVENT_AFTER.match(text, text.find(both[1]) + len(both[1])):
            both = None  # (review s30) "60 patients and 40 controls developed diabetes": events, as for the pairs below
        if both and (best is None or 5 * w > best[0]):
            best = (5 * w, both[0], s.idx, both[1] if text == s.text else spans[0][2])
        pair = _group_pair(text, s.role in ("methods", ""))
        if pair and _larger_before(text, pair[1], pair[0]):
            pair = None  # "We studied 500 patients; follow-up was completed in 208 men and 149 women": a part
        if pair and _EVENT_AFTER.match(text, text.find(pair[1]) + len(pair[1])):
            pair = None  # session 30: "129 controls and 101 treated subjects died" counts events, not the people
        if pair and (text == s.text or _listed_groups(text) or _LABELLED_GROUP.search(text) or _COMPARED_AFTER.search(text)) and (best is None or 5 * w > best[0]):
            # counts in words: the words as written are the first count's (the text read has digits)
            best = (5 * w, pair[0], s.idx, pair[1] if text == s.text else spans[0][2])
        split = _split_whole(text)
        if split and (best is None or 6.5 * w > best[0]):
            best = (6.5 * w, split[0], s.idx, split[1] if text == s.text else spans[0][2])
        people = _HAS_PEOPLE.search(text) is not None
        low = text.lower()
        for pattern, strength, guard in _N_PATTERNS:
            if guard not in low or (not people and _PEOPLE in pattern.pattern.replace(_INT, "")):
                continue  # a word the pattern needs is missing: it cannot match (and would be slow to fail)
            for m in pattern.finditer(text):
                n = count_of(m.group("n"))
                if n < 2 or (1900 <= n <= 2100 and m.group("n").isdigit() and _YEAR_AT.match(text, m.start("n"))):
                    continue  # a year, not a count
                if _BREAKDOWN.search(text, 0, m.start("n")):
                    continue  # a part of the people just counted: "2,400 patients (1,300 men and 1,100 women)"
                score = strength * w
                pair = SEX_PAIR.match(text, m.start("n"))
                if pair and (pair.group("sa").lower() in SEX_FEMALE) != (pair.group("sb").lower() in SEX_FEMALE) \
                        and not _larger_before(text, pair.group(0), count_of(pair.group("a")) + count_of(pair.group("b"))):
                    n = count_of(pair.group("a")) + count_of(pair.group("b"))  # "208 men and 149 women": both (session 27)
                if best is None or score > best[0]:
                    words = next((x[2] for x in spans if value(x[2]) == n), "")
                    best = (score, n, s.idx, words or m.group("n"))
    run = _groups_by_sentence(sentences)
    if run and (best is None or best[2] in run[2] and best[1] in run[3] or best[0] < 4 * _ROLE_N_WEIGHT["methods"]):
        # the count picked is one of several groups counted sentence by sentence (or nothing better was found):
        # the study's N is their sum, traced to the first group's sentence
        best = (best[0] if best else 4.0, run[0], run[2][0], run[1])
    if best is None:
        best = _counted_by_sex(sentences)
    if best is not None:
        more = compared_next(sentences, best[2])
        if more:  # "We studied 120 patients ... They were compared with 240 controls": both groups were studied
            best = (best[0], best[1] + more, best[2], best[3])
        per_case = controls_per_case(next((s.text for s in sentences if s.idx == best[2]), ""), best[1])
        if per_case:
            best = (best[0], best[1] * (1 + per_case), best[2], best[3])
    if best is None and not small and few_ok:
        return pick_n(sentences, True, True)
    return (best[1], best[2], best[3]) if best else (None, -1, "")


# session 30: "Of 8351 patients, 4174 were allocated X and 4177 Y", "Of 1054 participants, 527 were assigned to each
# route": the arms' counts make up the whole, so the whole is the N (a funnel's later step is a smaller count that
# the arms do not add up to: "Of 900 screened, 600 were randomised" keeps 600)
_OF_SPLIT = re.compile(r"\b(?:of|among)\s+(?:the\s+|all\s+)?(?P<n>" + _NUM + r")\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE + r"\s*,\s+"
                       r"(?P<a>" + _NUM + r")\s+(?:were|was)\s+(?:randomly\s+)?(?:allocated|assigned|randomi[sz]ed)\b"
                       r"(?P<rest>[^.;]{0,80})", re.I)
_EACH = re.compile(r"^\s+(?:to\s+)?each\b", re.I)
_AND_COUNT = re.compile(r"\band\s+(?P<b>" + _NUM + r")\b", re.I)


def _split_whole(text: str) -> tuple[int, str] | None:
    m = _OF_SPLIT.search(text)
    if not m:
        return None
    whole, part = count_of(m.group("n")), count_of(m.group("a"))
    other = _AND_COUNT.search(m.group("rest"))
    if (_EACH.match(m.group("rest")) and part and whole % part == 0 and 2 <= whole // part <= 4) or (
            other and part + count_of(other.group("b")) == whole):
        return whole, m.group("n")
    return None


def _counted_by_sex(sentences: list[Sentence]) -> tuple[float, int, int, str] | None:
    """Nothing else counts the people: a methods sentence's bracketed men and women ("Skiers (30 men, 12 women;
    ...)", "a sample of patients (9 females, 3 males)") make up the population, their sum is N (session 23c)."""
    for s in sentences:
        if s.role not in ("methods", ""):
            continue
        text = digits_for_words(s.text)[0]
        for m in SEX_PAIR.finditer(text):
            female_a, female_b = (m.group(k).lower() in SEX_FEMALE for k in ("sa", "sb"))
            if female_a != female_b and re.search(r"\(\s*$", text[max(0, m.start() - 3):m.start()]):
                return (1.0, int(m.group("a")) + int(m.group("b")), s.idx, m.group(0))
    return None


# the groups of a study listed as the subject of one verb: "In total, 31 A (aside) and 32 B were assessed",
# "40 A, 30 B and 70 C were tested" (session 13): their sum is N
_LISTED = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+|\([^()]{1,15}\)\s+){0,4}?" + _PEOPLE + r"\b")
_LISTED_VERB = re.compile(r"^(?:[^.;]|\.(?=\d)){0,80}?\b(?:were|was)\s+(?:\w+\s+)?(?:assessed|tested|included|enrolled|studied|recruited|"
                          r"examined|compared|evaluated|analy[sz]ed|interviewed)\b", re.I)


def _listed_groups(text: str) -> tuple[int, str] | None:
    """(sum, words) of two or more counted groups of people that open the sentence (or follow "In total,") and
    share one verb; None otherwise."""
    found = list(_LISTED.finditer(text))
    if len(found) < 2 or not re.match(r"^(?:in\s+total|overall|altogether)?[\s,]*$", text[:found[0].start()], re.I):
        return None
    run = [found[0]]
    for m in found[1:]:
        gap = text[run[-1].end():m.start()]
        if not re.search(r"(?:,|\band)\s*$", gap) or re.search(r"\b(?:were|was|had|of|with)\b", re.sub(r"\([^()]*\)", "", gap)):
            break
        run.append(m)
    if len(run) < 2 or not _LISTED_VERB.match(text[run[-1].end():]):
        return None
    return sum(int(m.group("n").replace(",", "")) for m in run), text[run[0].start():run[-1].end()]


def _group_pair(text: str, methods: bool = True) -> tuple[int, str] | None:
    """(sum, words) when the sentence counts two groups side by side, else None. Groups counted clause by clause
    are read only in the methods: a results sentence counts who was where at some point, not who was studied."""
    m = _GROUP_PAIR.search(text) or _COMPARED_PAIR.search(text) or _COMPARED_AFTER.search(text)
    if m:
        return int(m.group("a").replace(",", "")) + int(m.group("b").replace(",", "")), m.group(0)
    listed = _listed_groups(text)
    if listed:
        return listed
    groups: dict[str, tuple[int, re.Match]] = {}
    # "There were 190 recipients in the A group and 245 in the B group" counts the study's groups in any section
    # (session 17)
    for m in [*_GROUP_HAS.finditer(text), *_IN_GROUP.finditer(text)] if methods or _THERE_WERE.match(text) else []:
        groups.setdefault(m.group("g").lower(), (int(m.group("n").replace(",", "")), m))
    first = min((m for _, m in groups.values()), key=lambda m: m.start(), default=None)
    placed = first is not None and "verb" in first.re.groupindex and bool(first.group("verb"))  # "30 were in the A group"
    if len(groups) >= 2 and (_ENROLS.search(text) or placed or _THERE_WERE.match(text)):
        spans = sorted(m.span() for _, m in groups.values())
        return sum(n for n, _ in groups.values()), text[spans[0][0]:spans[-1][1]]
    eq = list(_N_EQ.finditer(text))
    if len(eq) == 2 and _PAIR_JOIN.match(text[eq[0].end():eq[1].start()]):
        return sum(int(e.group("n").replace(",", "")) for e in eq), text[eq[0].start():eq[1].end()]
    if len(eq) >= 3 and methods and _ENROLS.search(text) and _joined_list(text, eq):
        # three or more groups enrolled or allocated, each counted in brackets (session 17): "A (n = 55), B (n =
        # 13) and C (n = 13) were recruited"; a methods sentence that enrols, not a results list of findings
        return sum(int(e.group("n").replace(",", "")) for e in eq), text[eq[0].start():eq[-1].end()]
    labelled = list(_LABELLED_GROUP.finditer(text)) if methods else []
    if len(labelled) >= 2 and _joined_list(text, labelled):
        # counted groups each labelled in brackets: "14 patients had A (group I), 10 patients B (group II), and 22
        # patients C (group III)" (session 17)
        return sum(int(m.group("n").replace(",", "")) for m in labelled), text[labelled[0].start():labelled[-1].end()]
    return None


# a count of people, what they had, then the group's label in brackets: "10 patients had X (group II)"
_LABELLED_GROUP = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?" + _PEOPLE
                             + r"\b[^()\[\];]{0,120}?[(\[]\s*group\s+(?:[IVX]{1,4}|\d|[A-D])\s*[)\]]", re.I)


def _joined_list(text: str, found: list[re.Match]) -> bool:
    """The matches form one list: between each two only a short stretch without brackets, and the last joined by
    and / or (the others may be joined by a comma)."""
    gaps = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    if any(len(g) > 60 or re.search(r"[()\[\].;]", g) for g in gaps):
        return False
    return bool(re.search(r"\b(?:and|or)\b", gaps[-1])) and all(re.search(r",|\b(?:and|or)\b", g) for g in gaps)


# one group counted per sentence, sentence after sentence, in the methods (session 16): "The exercise group comprised
# 64 adults. The usual-care group comprised 59 adults.", "Forty-one children received zinc. Thirty-nine children
# received placebo." The groups' sum is the study's N (CONSORT: the numbers allocated to each group make up the
# number randomised). Results sentences are left out: there a count per sentence is more often an event.
_ONE_GROUP = re.compile(r"^(?:(?:in|for)\s+the\s+[\w\- ]{1,40}?\s+(?:group|arm),\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?"
                        + _PEOPLE + r"\s+(?:were\s+(?:given|assigned\s+to|allocated\s+to|randomi[sz]ed\s+to|treated\s+with)|"
                        r"received|underwent|took)\s+(?P<g>[^,;.]{1,40})", re.I)
_GROUP_SIZE = re.compile(r"^(?:the\s+)?(?P<g>[\w\-]+(?:\s+[\w\-]+){0,3}?)\s+(?:group|arm)\s+(?:comprised|included|consisted\s+of|"
                         r"contained|had|numbered|was\s+made\s+up\s+of)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b", re.I)


def _groups_by_sentence(sentences: list[Sentence]) -> tuple[int, str, list[int], list[int]] | None:
    """(sum, first count as written, sentence indices, counts) of two or more consecutive methods sentences that
    each count one different group of the study; None when there is no such run."""
    run: list[tuple[int, int, str, str]] = []  # (sentence idx, n, as written, group)
    best = None
    for s in sentences:
        found = None
        if s.role in ("methods", ""):
            text, spans = digits_for_words(s.text)
            m = _ONE_GROUP.match(text) or _GROUP_SIZE.match(text)
            # one count before the group's name ("received 10 mg zinc" names a dose, not a second group)
            head = text[:m.start("g") if m and m.re is _ONE_GROUP else m.end() if m else 0]
            if m and len(re.findall(r"(?<![\w.])\d", head)) == 1:
                n = int(m.group("n").replace(",", ""))
                written = next((x[2] for x in spans if value(x[2]) == n), m.group("n"))
                found = (s.idx, n, written, m.group("g").strip().lower())
        if found and (not run or run[-1][0] == found[0] - 1) and all(g != found[3] for *_, g in run):
            run.append(found)
        else:
            if len(run) >= 2 and best is None:
                best = run
            run = [found] if found else []
    if len(run) >= 2 and best is None:
        best = run
    if best is None:
        return None
    return sum(x[1] for x in best), best[0][2], [x[0] for x in best], [x[1] for x in best]
