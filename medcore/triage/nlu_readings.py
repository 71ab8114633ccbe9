"""The NLU's readers beyond phrase matches (nlu.py calls them after matching): vital-sign readings, travel,
pregnancy and birth, too little breath to talk, and an overdose. Each adds to or corrects the mentions of an
`Extraction`; moved here from nlu.py (review24) when it grew past 400 lines."""

from __future__ import annotations

import os
import re

from medcore.knowledge import assertions
from medcore.triage import vitals
from medcore.triage.drug_intake import OVERDOSE_FINDINGS, overdose_cue
from medcore.triage.extraction import Extraction, Mention
from medcore.triage.gestation import (
    LATE_WEEKS, OTHER_BLEEDING, TERM_WEEKS, blood_loss, blood_loss_affirmed, gave_birth, gestation_weeks, heavy_blood,
    in_pregnancy_context, regular_tightenings, says_painless,
)
from medcore.triage.tokens import tokens
from medcore.triage.travel import travel_findings

_NEW_STATEMENT = re.compile(r",\s*and\s+(?=(?:his|her|my|their|the)\s)|;\s*")


def read_vitals(kb, ex: Extraction, low: str, rules) -> None:
    """'my blood pressure is 230 over 130', 'temp 39.2', 'sats 88%': each reading's findings by the bands of
    vitals.yaml (vitals.py), with its assertion ('I think', 'not'); a relative's reading ('my dad's pulse is 35')
    describes the patient, as a relative's symptoms do. The reading
    replaces a synonym matched inside its own words ('temperature' in 'temperature 36.8' is no fever)."""
    table = vitals.load(os.path.dirname(kb.source_files[0])) if kb.source_files else ()
    if not table:
        return
    spans = assertions.clauses(low, rules)
    for r in vitals.readings(low, table):
        have = frozenset(m.finding_id for m in ex.mentions if m.present)  # 'known COPD, sats 89%' (vitals.yaml with)
        decided = {f: p for f, p in vitals.findings(r, table, ex.age, have).items() if f in kb.finding_index}
        if not decided:
            continue
        a, b = next(((ca, cb) for ca, cb in spans if ca <= r.start < cb), (r.start, r.end))
        # a reading after ', and' or ';' is a new statement ('not making any sense, and his meter says 2.1'): an
        # earlier 'not' in the clause does not deny it (session 24); a list after a negation ('no cough, fever or
        # temp over 38') has no ', and' before the reading and keeps its negation
        a = max([a] + [m.end() for m in _NEW_STATEMENT.finditer(low, a, r.start)])
        said = assertions.assert_spans(low[a:b], [(r.start - a, min(r.end, b) - a)], rules)[0]
        if said == "negated":
            continue  # 'my blood pressure is not 180/120' says no value
        words = set(tokens(low[r.start:r.end]))
        own = next(v.findings for v in table if v.name == r.vital)
        ex.mentions = [m for m in ex.mentions if not (m.finding_id in own and m.method in ("synonym", "embedding")
                                                      and set(m.phrase.split()) <= words)]
        phrase = low[r.start:r.end]
        for fid, present in decided.items():
            if said == "possible" and present:
                ex.uncertain.append(fid)
            elif said != "possible":  # a relative's reading stays, like a relative's symptoms: the chat's patient
                ex.mentions.append(Mention(fid, kb.finding(fid).name, present, phrase, "vital"))


def read_travel(kb, ex: Extraction, clause: str, rules) -> None:
    """'just back from Nigeria': a named tropical destination after a travel cue; 'flew back from Australia': a
    long-haul journey (travel.py, travel.yaml)."""
    if not kb.source_files:
        return
    for fid, span in travel_findings(clause, os.path.dirname(kb.source_files[0])):
        if fid not in kb.finding_index:
            continue
        said = assertions.assert_spans(clause, [span], rules)[0]
        if said == "possible":
            ex.uncertain.append(fid)
        elif said == "family":
            ex.family.append(fid)
        else:
            ex.mentions.append(Mention(fid, kb.finding(fid).name, said != "negated", clause[span[0]:span[1]],
                                       "travel"))


# session 29 (issue 12): a cold told as the illness one has now ('39 weeks pregnant with a cold', 'I've got a bad cold'):
# nothing was read, so the pregnancy alone ranked its complications first. Read here and not as a synonym, which takes
# its words from the phrases around it: 'a cold sweat', 'a cold sore', 'a cold, pale leg' (a blocked artery) keep them
_COLD_ILLNESS = re.compile(
    r"\b(?:with|have|has|got|caught|having|getting)\s+(?:got\s+|caught\s+)?a\s+"
    r"(?:(?:bad|heavy|stinking|streaming|horrible|nasty|little|slight|head)\s+)?cold\b"
    r"(?!\s*,?\s*(?:and\s+)?(?:sore|sores|sweat|sweats|compress|pale|white|blue|grey|mottled|clammy|sweaty|numb|"
    r"hand|hands|foot|feet|leg|legs|arm|arms|toe|toes|finger|fingers|skin|spell|snap|shower|bath|drink|water|"
    r"feeling|sensation|patch|weather|room|house)\b)")


def read_cold_illness(kb, ex: Extraction, low: str, rules) -> None:
    """'I have a cold' is recent_cold (the common cold lists it), with its assertion; a finding already read is kept."""
    fid = "recent_cold"
    if fid not in kb.finding_index or any(m.finding_id == fid for m in ex.mentions):
        return
    for a, b in assertions.clauses(low, rules):
        clause = low[a:b]
        m = _COLD_ILLNESS.search(clause)
        if m is None:
            continue
        said = assertions.assert_spans(clause, [m.span()], rules)[0]
        if said == "possible":
            ex.uncertain.append(fid)
        elif said == "family":
            ex.family.append(fid)
        else:
            ex.mentions.append(Mention(fid, kb.finding(fid).name, said != "negated", m.group(0), "cold"))
        return


def _said_of_relative(low: str, start: int, end: int) -> bool:
    """Whether the assertion engine reads the words at [start, end) of a lower-case text as said of a relative."""
    rules = assertions.load_rules("lay")
    a, b = next(((ca, cb) for ca, cb in assertions.clauses(low, rules) if ca <= start < cb), (start, end))
    return assertions.assert_spans(low[a:b], [(start - a, min(end, b) - a)], rules)[0] == "family"


_PREGNANCY_STATES = ("pregnant", "late_pregnancy", "term_pregnancy", "early_pregnancy_weeks")


def read_pregnancy(kb, ex: Extraction, low: str) -> None:
    """A gestation phrase says pregnant and how far along; 'I had my baby 5 days ago' says a recent birth. In
    pregnancy or after a birth a bleeding with no site named is vaginal, and 'losing a lot of blood' is heavy;
    outside them such words are not obstetric (gestation.py)."""
    # session 30: 'my sister is 36 weeks pregnant and I have a headache': the weeks are the sister's when her
    # pregnancy was read as hers (nlu.py, relatives.STATES); the speaker's own gestation still counts
    # (session 30 review: any pregnancy state of hers: '34 weeks pregnant' is a late_pregnancy phrase, not 'pregnant')
    relative = (any(i in _PREGNANCY_STATES for i in ex.family)
                and not any(m.present and m.finding_id in _PREGNANCY_STATES for m in ex.mentions))
    ex.gestation_weeks = gestation_weeks(low, skip=_said_of_relative if relative else None)
    pregnant = ex.gestation_weeks is not None or any(m.present and m.finding_id in ("pregnant", "late_pregnancy")
                                                     for m in ex.mentions)
    postnatal = gave_birth(low)
    obstetric = (pregnant and in_pregnancy_context(low)) or postnatal
    lost = blood_loss_affirmed(low)  # 'no pain or bleeding' is no bleeding
    if obstetric and lost:
        # the precise reading beats an embedding guess at the same words ('some bleeding' was 'soaking a pad')
        ex.mentions = [m for m in ex.mentions if not (m.method == "embedding" and m.finding_id in OTHER_BLEEDING
                                                      and blood_loss(m.phrase))]
    if not obstetric:  # 'my nose is bleeding heavily': heavy, but not a pad soaked in pregnancy
        ex.mentions = [m for m in ex.mentions if not (m.finding_id == "heavy_bleeding_soaking" and heavy_blood(m.phrase))]
    said = {m.finding_id for m in ex.mentions if m.present}
    add = {}
    if ex.gestation_weeks is not None:
        late = ex.gestation_weeks >= LATE_WEEKS
        add.update({"pregnant": True, "late_pregnancy": late, "early_pregnancy_weeks": not late,
                    "term_pregnancy": ex.gestation_weeks >= TERM_WEEKS})
        if ex.sex is None:
            ex.sex = "female"
    if postnatal:
        add["recently_given_birth"] = True
    other_sites = set(OTHER_BLEEDING) - {"heavy_bleeding_soaking"}
    # a pad soaked in pregnancy is vaginal bleeding even when no bleeding word is used ('blood running down')
    if obstetric and (lost or "heavy_bleeding_soaking" in said) and not said & other_sites:
        add["vaginal_bleeding"] = True
    if obstetric and lost and heavy_blood(low):
        add["heavy_bleeding_soaking"] = True
    if pregnant and regular_tightenings(low):  # 'tightenings every 5 minutes': regular, whatever the index guessed
        ex.mentions = [m for m in ex.mentions if not (m.method == "embedding" and m.finding_id == "irregular_tightenings")]
        add["regular_contractions"] = True
    bleeding = "vaginal_bleeding" in said or add.get("vaginal_bleeding")
    if pregnant and bleeding and says_painless(low) and "abdominal_pain" not in {m.finding_id for m in ex.mentions}:
        add["abdominal_pain"] = False  # 'painless bleeding' in pregnancy: no tummy pain (RCOG Green-top 63)
    for fid, present in add.items():
        if fid in kb.finding_index and (fid not in said or not present):
            phrase = f"{ex.gestation_weeks:g} weeks" if fid in ("pregnant", "late_pregnancy", "early_pregnancy_weeks", "term_pregnancy") \
                else {"recently_given_birth": "birth", "abdominal_pain": "painless",
                                                   "regular_contractions": "tightenings at a regular interval"}.get(
                    fid, "bleeding (pregnancy or after a birth)")
            ex.mentions.append(Mention(fid, kb.finding(fid).name, present, phrase, "gestation"))


# 'can't get his words out' while wheezing or breathless is too little breath to talk, not the stroke sign: BTS/SIGN
# 158 asthma (cannot complete sentences in one breath: acute severe) and NHS.uk "Shortness of breath"
_BREATHING = ("wheeze", "breathless", "breathless_severe", "fast_breathing")
_WORDS_OUT = ("word out", "words out", "speak", "talk", "finish")


def read_breath_for_words(kb, ex: Extraction) -> None:
    words = [m for m in ex.mentions if m.finding_id == "speech_difficulty" and m.present
             and any(w in m.phrase for w in _WORDS_OUT)]
    if not words or not any(m.present and m.finding_id in _BREATHING for m in ex.mentions):
        return
    ex.mentions = [m for m in ex.mentions if m not in words]
    if "breathless_severe" in kb.finding_index:
        ex.mentions.append(Mention("breathless_severe", kb.finding("breathless_severe").name, True, words[0].phrase,
                                   "breath"))


def read_drug_intake(kb, ex: Extraction, low: str) -> None:
    """Taking a medicine is not an overdose; an amount, a whole pack, 'too many' or intent is (drug_intake.py)."""
    said = [m for m in ex.mentions if m.finding_id in OVERDOSE_FINDINGS and m.present]
    if not said:
        return
    if not overdose_cue(low):
        ex.mentions = [m for m in ex.mentions if m not in said]
        return
    if not any(m.finding_id == "overdose_taken" for m in said) and "overdose_taken" in kb.finding_index:
        ex.mentions.append(Mention("overdose_taken", kb.finding("overdose_taken").name, True, said[0].phrase,
                                   "amount"))
