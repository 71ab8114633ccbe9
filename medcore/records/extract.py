"""Clinical entities with character offsets into the original note.

Problems (with ConText assertion) and procedures come from the knowledge layer's matcher
(`medcore.knowledge`: ICD-10-CM-coded conditions, procedures), medications and allergies from
records/meds.py and records/allergies.py, vitals and labs from records/measure.py, follow-up actions from here. Every
vocabulary is data under assets/kb/, and every flag cites the reference range's source."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.knowledge import assertions as ctx
from medcore.records.entities import (Allergy, Extraction, FollowUp, Measurement, Medication, Mention, Problem,
                                      Procedure, overlaps)
from medcore.records.kb import RecordsKB
from medcore.records.matchers import PROBLEM_TYPES, PROCEDURE_TYPES, Matchers, matchers, record_concepts  # noqa: F401
from medcore.records.measure import measurements
from medcore.records.allergies import allergies_in, allergy_kind, inline_allergies
from medcore.records.meds import dose_in_next_sentence, drug_hits_in, medication, not_taken, share_status
from medcore.records import (answer_marks, combination_codes, context_words, dialysis, empty_field, gestation, leaf_code, newborn, note_site, past_episode,
                             past_events, resolved_line, same_problem, shared_head, spread_sites)
from medcore.records.med_course import allergens_not_current, settle_course
from medcore.records.not_meds import not_a_medication
from medcore.records.text import Sentence

__all__ = ["Allergy", "Extraction", "FollowUp", "Measurement", "Medication", "Mention", "Problem", "Procedure",
           "extract", "matchers"]

# ---- helpers ----------------------------------------------------------------------------------
# an abnormal result told by its test's name ('abnormal EKG', 'EKG abnormalities'; ICD-10-CM R90-R94 name the test),
# or a procedure told as failed or difficult ('difficult intubation', T88.4): a problem term over it reads first
_ABNORMAL_BEFORE = re.compile(r"\b(?:abnormal|difficult|failed)\s+$", re.I)
_ABNORMAL_AFTER = re.compile(r"\s+abnormalit(?:y|ies)\b", re.I)
_WHEN = re.compile(r"\b(?:in|within|after)\s+(?:\d+|one|two|three|four|six|eight|twelve)(?:\s+to\s+\d+)?\s+"
                   r"(?:days?|weeks?|months?|years?|hours?)\b|\btomorrow(?:\s+morning)?\b|\bnext\s+(?:week|month|visit)\b|"
                   r"\b(?:daily|weekly)\b", re.I)

# "Allergies ...", or a short label ending in allergies and a colon ("Drug allergy: penicillin (rash)")
_ALLERGY_LINE = re.compile(r"\s*(?:allerg(?:y|ies)|adverse reactions)\b|\s*(?:[A-Za-z/]+\s+){1,3}(?:allerg(?:y|ies)|adverse "
                           r"(?:drug\s+)?reactions)\s*:", re.I)

# an allergy section that says only "None" (after its header, when the header is run into the line)
# (possessive blanks here and below: these are matched at a position, and blanks split every way between two
# starred parts made one .match quadratic under a long run; what follows each cannot start with a blank)
_NONE = re.compile(r"\s*+(?:[A-Za-z ]{0,20}allerg(?:y|ies)\s*:)?[\s,:]*+(?:none|nil)\s*+\.?[\s,]*+$", re.I)

# ---- the extractor ----------------------------------------------------------------------------
def extract(text: str, sentences: list[Sentence], kb: RecordsKB) -> Extraction:
    m = matchers(kb)
    out = Extraction()
    none_said = False  # the allergy section said "NKDA": what its later sentences name is not an allergen list
    for sent, heading in zip(sentences, context_words.headings(sentences)):
        said = _extract_sentence(text, sent, m, out, heading, none_said)
        none_said = sent.section == "allergies" and (none_said or said)
    out.problems = resolved_line.apply(text, sentences, out.problems)  # "1. UTI.  Resolved."
    out.problems = empty_field.apply(sentences, out.problems)  # "INFECTIONS:," then "None."
    out.problems = newborn.apply(text, out.problems, m.problems.newborn_codes, m.terminology, problem_name)  # P59.9
    out.problems = gestation.apply(text, sentences, out.problems, m.problems.gestation, m.terminology, problem_name)
    out.problems = past_events.settle(same_problem.drop_bracketed_repeats(text, note_site.apply(  # knee MRI "effusion"
        text, out.problems, m.problems.injuries, m.terminology, problem_name)), m.problems.past_events)  # "COPD (COPD)"
    out.problems = leaf_code.apply(out.problems, m.terminology)  # 'headache' R51 -> R51.9 'Headache, unspecified'
    out.problems = spread_sites.current_disease(sentences, out.problems, m.context)  # "history of X that has metastasized to"
    out.problems = dialysis.apply(sentences, out.problems, m.terminology, problem_name, m.context)  # "CKD 5. Started dialysis in May."
    for med in out.medications:
        dose_in_next_sentence(text, med, m)  # "Augmentin. 875 mg bid."
    settle_course(text, sentences, out.medications, m)  # "... Ampicillin was stopped": earlier mentions too
    allergens_not_current(out.medications, out.allergies, m)  # "allergic to penicillin" ... "took penicillin"
    return out


# the words of an allergy or side-effect story (what keeps a sentence after "NKDA" in the allergy reading: "NKDA.
# ACE inhibitor may have caused a cough" is an intolerance told there)
_SPEAKS_OF_ALLERGY = re.compile(r"\ballerg|\breaction|\bintoleran|\bsensitiv|\banaphyla|\bhives\b|\brash\b|\bcaus(?:ed|es|ing)\b|"
                                r"\bgave\s+(?:her|him|them)\b|\bside[- ]effects?\b|\bupsets?\b", re.I)


def _holds(spans, start: int, end: int, same_ok=()) -> bool:
    """Every span that overlaps [start, end) lies inside it and is shorter (or is one of `same_ok`, as long)."""
    return all(start <= s and e <= end and (e - s < end - start or (s, e) in same_ok)
               for s, e in spans if s < end and start < e)


# ICD-10-CM N18.6 End stage renal disease, inclusion term: chronic kidney disease requiring chronic dialysis. A stage 5
# told on dialysis is N18.6; one 'not yet on dialysis' or 'pre-dialysis' stays N18.5 (Index: Disease, kidney, chronic,
# stage 5). Checked after the problem, in the same sentence.
_ON_DIALYSIS = re.compile(r"[^.;]{0,30}?(?<!not )(?<!not yet )(?<!no longer )\b(?:on|requiring|needing|dependent on)\s+"
                          r"(?:chronic\s+|maintenance\s+|regular\s+)?(?:hemo|haemo|peritoneal\s+)?dialysis\b", re.I)


def _extract_sentence(text: str, sent: Sentence, m: Matchers, out: Extraction, heading: str = "",
                      after_none: bool = False) -> bool:
    """Reads one sentence into `out`; True when it is an allergy sentence that says "none" ("NKDA")."""
    s = sent.text
    base = sent.start
    sec = sent.section
    taken: list[tuple[int, int]] = []  # sentence-relative spans already used by an entity

    # allergies first: a drug named in the allergy section is an allergen, not a medication. Session 30: once the
    # section said "NKDA", a later sentence of it lists no allergen unless it speaks of one ("Allergies: NKDA.
    # Lisinopril 10 mg daily was started." runs on past the allergy line, flattened)
    allergy_sentence = (sec == "allergies" and not (after_none and not _SPEAKS_OF_ALLERGY.search(s))) \
        or _ALLERGY_LINE.match(s)
    if allergy_sentence:
        said_none = m.no_allergy.search(s) or (sec == "allergies" and _NONE.match(s))
        if said_none:
            out.no_known_allergies = True
        found = allergies_in(s, m)
        for a in found:
            out.allergies.append(Allergy(s[a[0]:a[1]], base + a[0], base + a[1], sent.index, a[2], a[3],
                                         allergy_kind(s, a[0], a[1], a[3], m)))
            taken.append((a[0], a[1]))
        # a sentence of the allergy section that names no substance and no "no known allergies" says something
        # else (a combined "Family, social and allergy history: she has asthma, ..."): read it as any other sentence
        if found or said_none:
            return bool(said_none)
    for a in inline_allergies(s, m):
        if not a[2]:
            taken.append((a[0], a[1]))
            continue
        out.allergies.append(Allergy(s[a[0]:a[1]], base + a[0], base + a[1], sent.index, a[2], a[3],
                                     allergy_kind(s, a[0], a[1], a[3], m)))
        taken.extend([] if a[5] else [(a[0], a[1])])  # a course stopped for its reaction is also a medicine
        if a[4]:
            taken.append(a[4])  # "allergic to penicillin (rash)": the reaction is not a current problem

    n_hard = len(taken)  # allergies and their reactions: nothing else reads these words
    # vitals and labs
    all_drug_hits = drug_hits_in(s, m, sec)
    drug_names = [(d.start(), d.end()) for d in all_drug_hits]
    read = {}  # a qualitative test's name and result ('hemoccult positive'): a problem term as long is read too
    for meas, kind in measurements(s, m, taken, drug_names):
        inner = s[meas.start:meas.end]  # the reading's span without the spaces it may end with (labs only: a vital
        if kind == "lab":  # read as 'heart rate 120' is the vital, not also a tachycardia problem)
            read[(meas.start, meas.end)] = (meas.start + len(inner) - len(inner.lstrip()),
                                            meas.end - len(inner) + len(inner.rstrip()))
        meas.sentence = sent.index
        meas.start += base
        meas.end += base
        (out.vitals if kind == "vital" else out.labs).append(meas)

    # medications
    drug_hits = [x for x in all_drug_hits if not overlaps(taken, x.start(), x.end()) and not not_a_medication(
        s, x.start(), x.end(), m.drug_lookup[x.group().lower()].name, sec, m.rules)]
    sentence_meds = []
    for i, d in enumerate(drug_hits):
        nxt = drug_hits[i + 1].start() if i + 1 < len(drug_hits) else len(s)
        sentence_meds.append(medication(s, d, nxt, m, sec))
        taken.append((d.start(), d.end()))
    share_status(s, drug_hits, sentence_meds)
    gone = not_taken(s, drug_hits, sentence_meds)
    sentence_meds = [med for i, med in enumerate(sentence_meds) if i not in gone]
    for med in sentence_meds:
        med.sentence = sent.index
        med.start += base
        med.end += base
        out.medications.append(med)
    n_soft = len(taken)

    # procedures, then problems (a procedure wins an overlap: 'post PCI' is the procedure PCI), both from the
    # knowledge layer's matcher
    term = m.terminology
    results = []  # a test said to be abnormal ('abnormal EKG'): the problem term that names its result reads first
    for c in term.match(s, types=PROCEDURE_TYPES, section=sec, only=m.concepts):
        if not overlaps(taken, c.start, c.end):
            proc = Procedure(c.text, base + c.start, base + c.end, sent.index, term.get(c.concept_id).name,
                             c.concept_id)
            if _ABNORMAL_BEFORE.search(s, max(0, c.start - 12), c.start) or _ABNORMAL_AFTER.match(s, c.end):
                results.append((c.start, c.end, proc))
                continue
            out.procedures.append(proc)
            taken.append((c.start, c.end))
    # a problem term that holds a drug or a lab name and says more ('cocaine abuse', 'elevated cholesterol') is the
    # problem; one inside a drug, lab, allergy or procedure span is not
    hard, soft = taken[:n_hard] + taken[n_soft:], taken[n_hard:n_soft]
    hits = [r for c in _match_quotes_folded(term, s, PROBLEM_TYPES, sec, m.concepts)
            if not overlaps(hard, c.start, c.end) and _holds([read.get(x, x) for x in soft], c.start, c.end, set(read.values())) for r in m.problems.reported(s, c)]
    # a bare word that names a problem beside its cue words ('frequency' beside dysuria), where nothing else was read
    hits += [r for r in m.problems.contextual(s, sec, heading) if not overlaps(taken, r[0].start, r[0].end)
             and not any(p.start < r[0].end and r[0].start < p.end for p, _, _ in hits)]

    # items that share the last one's head word ('no vision or hearing change': a vision change too)
    hits += [r for r in shared_head.shared(s, hits, term, PROBLEM_TYPES, sec, m.concepts, m.problems.reported)
             if not overlaps(taken, r[0].start, r[0].end)]
    for start, end, proc in results:  # the test is a procedure when no result problem was read over it
        if not any(p.start < end and start < p.end for p, _, _ in hits):
            out.procedures.append(proc)
            taken.append((start, end))
    hits.sort(key=lambda r: r[0].start)  # in the note's order
    hits = m.problems.with_nerve(s, hits)  # 'disc herniation with myelopathy': one problem, one code

    # a word that denies a problem by itself ('afebrile')
    for start, end, concept, code in m.problems.negated_mentions(s):
        if _holds([read.get(x, x) for x in taken], start, end, set(read.values())) and not any(p.start < end and start < p.end for p, _, _ in hits):
            out.problems.append(Problem(s[start:end], base + start, base + end, sent.index, problem_name(concept),
                                        "negated", sec, concept.id, code, icd10cm_title(term, code)))

    # problems with ConText assertion
    if hits:
        modifiers, terminators = ctx.find_modifiers(s, m.context)
        background = _background_window(s)
        asserted = []
        spans = [(p.start, p.end) for p, _, _ in hits]
        for p, concept, code in hits:
            if _not_a_finding(s, p.text, p.start, p.end):
                continue
            words = _with_lasting_word(s, p.start, p.text, m.context)
            assertion = _tobacco_not_current(s, p.text, p.start) or answer_marks.assertion(s, p.start, p.end, spans) \
                or ctx.assert_target(p.start, p.end, modifiers, terminators, sec, len(s), rules=m.context, text=words)
            if assertion == "historical" and (past_episode.listed_after_procedure(s, p.start, modifiers)
                                              or past_episode.quit_names_other(s, p.end, modifiers, code)):
                assertion = ctx.background(words, m.context)  # "cancer, s/p seed implant, COPD": the COPD stands
            if assertion == "present" and (background and background[0] <= p.start < background[1]
                                           or past_episode.told_as_past(s, sec) and not past_episode.lasting(code)):
                assertion = ctx.background(words, m.context)
            if assertion == "negated" and sec == "family_history" and not _PATIENT_SAID.search(s):
                continue  # "family history negative for colon cancer": the relatives' negative, not the patient's
            concept, code = m.problems.when_present(concept, code, p.text, assertion)
            if code == "N18.5" and _ON_DIALYSIS.match(s, p.end) and (esrd := m.terminology.get("condition:esrd")):
                concept, code = esrd, "N18.6"  # 'CKD stage 5 on hemodialysis': end stage renal disease
            asserted.append((p, concept, code, assertion))
        # two problems told together ('BPH with urinary retention': N40.1), after the assertions and only between two
        # stated alike (both present, or both past), so that a denied or doubted partner ('retention excluded by
        # bladder scan') changes nothing
        dropped = set()
        for stated in ("present", "historical"):
            alike = [i for i, r in enumerate(asserted) if r[3] == stated]
            combined, gone = combination_codes.apply(s, [asserted[i][:3] for i in alike], m.problems.term)
            for k, i in enumerate(alike):
                asserted[i] = (*combined[k], stated)
            dropped |= {alike[k] for k in gone}
        for i, (p, concept, code, assertion) in enumerate(asserted):
            if i not in dropped:
                out.problems.append(Problem(p.text, base + p.start, base + p.end, sent.index, problem_name(concept),
                                            assertion, sec, concept.id, code, icd10cm_title(term, code)))

    # follow-up actions: in the plan or follow-up sections, a cue plus (usually) a time
    header_only = re.fullmatch(r"[\w /&-]+:?", s.strip()) is not None and len(s.split()) <= 4
    if not header_only and (sec in ("follow_up", "assessment_and_plan", "hospital_course", "")
                            or re.match(r"\s*follow", s, re.I)):
        cue = m.follow.search(s)
        if cue and (sec == "follow_up" or _WHEN.search(s) or re.match(r"\s*(?:\d+[.)]\s*)?(follow|return|repeat|recheck|refer)",
                                                                        s, re.I)):
            when = _WHEN.search(s)
            out.follow_ups.append(FollowUp(s, base, base + len(s), sent.index, s.strip(), when.group() if when else ""))
    return False


_BACKGROUND = re.compile(r"\b\d{1,3}(?:[- ](?:year|yr)s?[- ]old\s+(?:\w+\s+){0,2}?(?:man|woman|male|female|patient|"
                         r"gentleman|lady|boy|girl|child)|\s?(?:yo|y/o|y\.o\.)\s+(?:[MF]|male|female|man|woman|lady|gentleman|boy|girl)|(?-i:[MF]))"
                         r"\s+with\b", re.I)  # "74-year-old woman with", "47 yo F with", "61M with"
_PRESENTS = re.compile(r"\b(?:who\s+)?(?:presents|presented|presenting|admitted|is admitted|was admitted|now with|here for|"
                       r"returns|comes|came|seen for|referred|brought|scheduled for|booked for|listed for|"
                       r"planned for|awaiting|undergoing|attends|attended|attending|transferred|sent in)\b", re.I)


_FOLLOW_UP_VISIT = re.compile(r"\s*+(?:(?:to|in)\s+(?:the\s+)?clinic\s+)?for\s+(?:a\s+|her\s+|his\s+|their\s+)?"
                              r"(?:routine\s+|scheduled\s+|regular\s+)?(?:follow[- ]?up|review|monitoring|check[- ]?up)\b"
                              r"(?!\s+(?:of|for)\b)", re.I)


def _background_window(s: str) -> tuple[int, int] | None:
    """'A 74-year-old woman with CKD and atrial fibrillation admitted with ...': the conditions
    between 'with' and the presentation verb are the patient's background (historical).

    Not when the visit is a follow-up of those conditions ('66-year-old woman with rheumatoid
    arthritis returns for follow-up'): then they are what this encounter is about (present)."""
    b = _BACKGROUND.search(s)
    if not b:
        return None
    p = _PRESENTS.search(s, b.end())
    if not p or _FOLLOW_UP_VISIT.match(s, p.end()):
        return None
    return (b.end(), p.start())


# a family-history sentence about the patient's own habits or findings ("the patient does not smoke"): its
# negatives are the patient's; any other negative there ("negative for colon cancer") is the relatives'
_PATIENT_SAID = re.compile(r"\b(?:the\s+patient|patient|pt|denies|denied)\b", re.I)
_ROOM_AIR = re.compile(r"%\s*(?:on\s+)?$")
# tobacco named with a word that says it is not current: given up ("quit smoking", "ex-smoker") is past tobacco use,
# never ("never smoker", "non-smoker") is none
_NOT_SMOKING = re.compile(r"\b(?:(?P<past>quit|stopped|gave up|ex|former)|never|non)[- ]?\s*$", re.I)
_SERVICE = re.compile(r"(?:\s++and\s++[A-Za-z]+)?\s++(?:education|educator|nurse|team|service|specialist|clinic|unit|"
                      r"diary|diaries|foot\s+care|diet|shoes|footwear|supplies|teaching|medications?|meds)\b", re.I)
# the general-appearance line of an examination ("in no apparent respiratory distress"): boilerplate, not a finding
_NO_APPARENT = re.compile(r"\bin\s+no\s+(?:apparent|acute|obvious)\s+$", re.I)
# a condition's name used for an operation, a device, a scale or a protocol ('cataract extraction',
# 'renal stone protocol', 'Glasgow coma scale'), or a state of a disease, not of the patient ('unresponsive to medical
# therapy'): not a finding of this note
_NAMES_SOMETHING_ELSE = re.compile(r"\s++(?:extraction|surgery|surgeries|removal|removed|implant|excision|"
                                   r"resection|protocol|scale|score)\b|\s++to\s++(?:\w+\s+)?(?:therapy|treatment|"
                                   r"management|medications?)\b", re.I)


# a template's heading in capitals that names a topic of the history form ("PELVIC PAIN HISTORY:", "CHEST PAIN /
# UNSPECIFIED ANGINA PECTORIS HISTORY:", "TETANUS STATUS:"): the questions asked about it follow; the heading is not
# a finding (what the answers report is read from them)
_FORM_HEADING = re.compile(r"[A-Z /,&-]{0,60}?\b(?:HISTORY|STATUS)\s*+:")


def problem_name(concept) -> str:
    """The clinical name (the problem list's), not the symptom chat's lay one."""
    return concept.attrs.get("clinical_name") or concept.name


def icd10cm_code(concept) -> str:
    return next(iter(concept.codes.get("icd10cm", ())), "")


def icd10cm_title(term, code: str) -> str:
    """The code's title in the ICD-10-CM tabular list (the display a FHIR coding carries)."""
    entry = term.get(f"icd10cm:{code}") if code else None
    return entry.name if entry is not None else ""


def _not_a_finding(s: str, text: str, start: int, end: int) -> bool:
    """Words from the problem vocabulary that do not report a problem here: 'RA' after a saturation
    ('SpO2 97% RA' is room air), a condition naming a service, clinic or diary ('diabetes educator', 'heart
    failure clinic', 'Headache and Epilepsy Service', 'headache diary'), an operation, scale or protocol ('cataract
    extraction', 'Glasgow coma scale'), a form's heading in capitals ('CHEST PAIN HISTORY:')."""
    if text == "RA" and _ROOM_AIR.search(s[max(0, start - 6):start]):
        return True
    if _NO_APPARENT.search(s[max(0, start - 30):start]):
        return True
    if text.isupper() and len(text) > 3 and _FORM_HEADING.match(s, end):
        return True
    return bool(_SERVICE.match(s, end) or _NAMES_SOMETHING_ELSE.match(s, end))


def _match_quotes_folded(term, s: str, types, section: str, only) -> list:
    """The matcher's mentions with a typographic apostrophe read as a plain one ("Down’s syndrome"), same offsets."""
    if "\u2019" not in s:
        return term.match(s, types=types, section=section, only=only)
    folded = s.replace("\u2019", "'")
    return [replace(c, text=s[c.start:c.end]) for c in term.match(folded, types=types, section=section, only=only)]


def _tobacco_not_current(s: str, text: str, start: int) -> str | None:
    """'historical' for tobacco given up ('ex-smoker', 'quit smoking'), 'negated' for none ('never smoker')."""
    if text.lower().startswith("ex-"):
        return "historical"
    if text.lower() not in ("smoking", "smoker", "cigarettes", "tobacco"):
        return None
    m = _NOT_SMOKING.search(s[max(0, start - 12):start])
    return None if m is None else "historical" if m.group("past") else "negated"


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _with_lasting_word(s: str, start: int, text: str, rules) -> str:
    """The mention with the words just before it when they make it chronic ('chronic low back pain', 'persistent
    bouts of otitis media'): the chronic check of a past-history mention reads them (rules: chronic modifiers)."""
    words = [w.group() for w in _WORD.finditer(s, max(0, start - 40), start)][-3:]
    if start > 0 and s[start - 1].isalnum():
        return text
    for i in range(len(words)):
        longer = " ".join(words[i:] + [text])
        if ctx.is_chronic(longer, rules):
            return longer
    return text
