"""Clinical entities with character offsets into the original note.

Problems (with ConText assertion), medications (name, dose, unit, route, frequency, status),
allergies with reactions, vitals and labs (flagged against the shipped reference ranges),
procedures and follow-up actions. Dictionary and pattern based: every vocabulary is a file in
assets/kb/records/, and every flag cites the reference range's source."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from medcore.knowledge import assertions as ctx
from medcore.records.kb import Drug, Range, RecordsKB, phrase_regex
from medcore.records.text import Sentence


@dataclass
class Mention:
    text: str
    start: int
    end: int
    sentence: int  # index of the source sentence

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Problem(Mention):
    name: str = ""
    assertion: str = "present"
    section: str = ""


@dataclass
class Medication(Mention):
    name: str = ""  # normalised (generic) name
    mention: str = ""  # as written
    dose: str = ""
    unit: str = ""
    route: str = ""
    frequency: str = ""
    prn: bool = False
    status: str = ""  # started | stopped | changed | continued | "" (not stated)
    drug_class: str = ""
    section: str = ""


@dataclass
class Allergy(Mention):
    substance: str = ""
    reaction: str = ""


@dataclass
class Measurement(Mention):
    name: str = ""
    value: str = ""
    unit: str = ""
    flag: str = ""  # high | low | normal | "" (no range or unit mismatch)
    reference: str = ""  # "136-145 mmol/L"
    source: str = ""


@dataclass
class Procedure(Mention):
    name: str = ""


@dataclass
class FollowUp(Mention):
    action: str = ""
    when: str = ""


@dataclass
class Extraction:
    problems: list[Problem] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    allergies: list[Allergy] = field(default_factory=list)
    no_known_allergies: bool = False
    vitals: list[Measurement] = field(default_factory=list)
    labs: list[Measurement] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


# ---- compiled vocabularies (built once per knowledge base) -------------------------------------
@dataclass
class Matchers:
    problem: re.Pattern
    problem_upper: re.Pattern | None
    procedure: re.Pattern
    drug: re.Pattern
    drug_lookup: dict[str, Drug]
    allergen: re.Pattern
    reaction: re.Pattern
    no_allergy: re.Pattern
    route: list[tuple[str, re.Pattern]]
    frequency: list[tuple[str, re.Pattern]]
    status: list[tuple[str, re.Pattern]]
    lab: re.Pattern
    lab_lookup: dict[str, Range]
    vital: re.Pattern
    vital_lookup: dict[str, Range]
    follow: re.Pattern
    context: ctx.Rules
    problem_canon: dict[str, str]
    procedure_canon: dict[str, str]


_matchers: dict[int, Matchers] = {}


def matchers(kb: RecordsKB) -> Matchers:
    key = id(kb)
    if key not in _matchers:
        _matchers[key] = _build(kb)
    return _matchers[key]


def _split_short(forms) -> tuple[list[str], list[str]]:
    """Forms of 3 characters or fewer ('MI', 'PE', 'RA') only match in upper case."""
    longer = [f for f in forms if len(f) > 3]
    short = [f.upper() for f in forms if len(f) <= 3]
    return longer, short


def _build(kb: RecordsKB) -> Matchers:
    plong, pshort = _split_short(kb.problems)
    drug_lookup = {}
    for d in kb.drugs:
        for form in (d.name, *d.aliases):
            drug_lookup.setdefault(form.lower(), d)
    rules = kb.rules
    lab_lookup = {k.lower(): r for r in kb.labs for k in (r.name, *r.aliases)}
    vital_lookup = {k.lower(): r for r in kb.vitals for k in (r.name, *r.aliases)}
    lab_forms = {k for r in kb.labs for k in (r.name, *r.aliases)}
    lab_long = [k for k in lab_forms if len(k) > 2]
    lab_short = [k for k in lab_forms if len(k) <= 2]
    return Matchers(
        problem=phrase_regex(plong),
        problem_upper=phrase_regex(pshort, 0) if pshort else None,
        procedure=phrase_regex(kb.procedures),
        drug=phrase_regex(drug_lookup),
        drug_lookup=drug_lookup,
        allergen=phrase_regex(list(drug_lookup) + list(rules.get("allergens", []))),
        reaction=phrase_regex(rules.get("reactions", [])),
        no_allergy=phrase_regex(rules.get("no_allergy", [])),
        route=[(k, phrase_regex(v)) for k, v in rules["routes"].items()],
        frequency=[(k, phrase_regex(v)) for k, v in rules["frequencies"].items()],
        status=[(k, phrase_regex(v)) for k, v in rules["status"].items()],
        lab=_case_mixed(lab_long, lab_short),
        lab_lookup=lab_lookup,
        vital=_case_mixed([k for k in vital_lookup if len(k) > 3], [k for k in vital_lookup if len(k) <= 3]),
        vital_lookup=vital_lookup,
        follow=phrase_regex(rules.get("follow_up_cues", [])),
        context=ctx.load_rules("clinical"),
        problem_canon=kb.problems,
        procedure_canon=kb.procedures,
    )


def _case_mixed(longer: list[str], short: list[str]) -> re.Pattern:
    """Long names case-insensitive; short abbreviations ('K', 'Na', 'BP', 'T') as written in upper
    case or title case only, so 'bp' inside a word or the article 'a' never matches."""
    parts = []
    if longer:
        parts.append("(?i:" + phrase_regex(longer).pattern + ")")
    forms = set()
    for s in short:
        forms.update({s.upper(), s.capitalize()})
        if s != s.lower():
            forms.add(s)  # as the KB writes it, when it has capitals: 'pH'

    if forms:
        parts.append(phrase_regex(sorted(forms), 0).pattern)
    return re.compile("|".join(parts))


# ---- helpers ----------------------------------------------------------------------------------
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_DOSE = re.compile(rf"(?<![\w.])({_NUM}(?:\s*(?:-|to)\s*{_NUM})?)\s*(mg/kg|mcg/kg/min|units/kg/h|units/min|mg/h|mcg/min|"
                   r"mg|mcg|µg|ug|g|grams?|units?|iu|meq|mmol|ml|l|puffs?|tablets?|tabs?|drops?)(?![\w/])", re.I)
_PAREN_STATUS = re.compile(r"\((new|continued|changed|stopped|started|increased|decreased|reduced|held|unchanged)\b",
                           re.I)
_WHEN = re.compile(r"\b(?:in|within|after)\s+(?:\d+|one|two|three|four|six|eight|twelve)(?:\s+to\s+\d+)?\s+"
                   r"(?:days?|weeks?|months?|years?|hours?)\b|\btomorrow(?:\s+morning)?\b|\bnext\s+(?:week|month|visit)\b|"
                   r"\b(?:daily|weekly)\b", re.I)
_STATUS_MAP = {"new": "started", "increased": "changed", "decreased": "changed", "reduced": "changed",
               "held": "stopped", "unchanged": "continued"}


def _overlaps(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)


# ---- the extractor ----------------------------------------------------------------------------
def extract(text: str, sentences: list[Sentence], kb: RecordsKB) -> Extraction:
    m = matchers(kb)
    out = Extraction()
    for sent in sentences:
        _extract_sentence(text, sent, m, out)
    return out


def _extract_sentence(text: str, sent: Sentence, m: Matchers, out: Extraction) -> None:
    s = sent.text
    base = sent.start
    sec = sent.section
    taken: list[tuple[int, int]] = []  # sentence-relative spans already used by an entity

    # allergies first: a drug named in the allergy section is an allergen, not a medication
    allergy_sentence = sec == "allergies" or re.match(r"\s*(?:allerg(?:y|ies)|adverse reactions)\b", s, re.I)
    if allergy_sentence:
        if m.no_allergy.search(s):
            out.no_known_allergies = True
        for a in _allergies_in(s, m):
            out.allergies.append(Allergy(s[a[0]:a[1]], base + a[0], base + a[1], sent.index, a[2], a[3]))
            taken.append((a[0], a[1]))
        if sec == "allergies" or allergy_sentence:
            return
    for a in _inline_allergies(s, m):
        out.allergies.append(Allergy(s[a[0]:a[1]], base + a[0], base + a[1], sent.index, a[2], a[3]))
        taken.append((a[0], a[1]))
        if a[4]:
            taken.append(a[4])  # "allergic to penicillin (rash)": the reaction is not a current problem

    # vitals and labs
    drug_names = [(d.start(), d.end()) for d in m.drug.finditer(s)]
    for meas, kind in _measurements(s, m, taken, drug_names):
        meas.sentence = sent.index
        meas.start += base
        meas.end += base
        (out.vitals if kind == "vital" else out.labs).append(meas)

    # medications
    drug_hits = [x for x in m.drug.finditer(s) if not _overlaps(taken, x.start(), x.end())]
    for i, d in enumerate(drug_hits):
        nxt = drug_hits[i + 1].start() if i + 1 < len(drug_hits) else len(s)
        med = _medication(s, d, nxt, m, sec)
        med.sentence = sent.index
        med.start += base
        med.end += base
        out.medications.append(med)
        taken.append((d.start(), d.end()))
    med_spans = [(d.start(), d.end()) for d in drug_hits]

    # procedures
    for p in m.procedure.finditer(s):
        if _overlaps(taken, p.start(), p.end()):
            continue
        name = m.procedure_canon.get(p.group().lower(), p.group())
        out.procedures.append(Procedure(p.group(), base + p.start(), base + p.end(), sent.index, name))
        taken.append((p.start(), p.end()))

    # problems with ConText assertion
    hits = list(m.problem.finditer(s))
    if m.problem_upper:
        hits += list(m.problem_upper.finditer(s))
    hits.sort(key=lambda x: (x.start(), -(x.end() - x.start())))
    if hits:
        modifiers, terminators = ctx.find_modifiers(s, m.context)
        background = _background_window(s)
        last_end = -1
        for p in hits:
            if p.start() < last_end or _overlaps(taken, p.start(), p.end()):
                continue
            if med_spans and _indication_of_drug(s, p.start(), med_spans):
                continue  # "as needed for nausea": an indication, not a finding of this note
            if _not_a_finding(s, p):
                continue
            last_end = p.end()
            assertion = ctx.assert_target(p.start(), p.end(), modifiers, terminators, sec, len(s), rules=m.context,
                                          text=p.group())
            if assertion == "present" and background and background[0] <= p.start() < background[1]:
                assertion = ctx.background(p.group(), m.context)
            out.problems.append(Problem(p.group(), base + p.start(), base + p.end(), sent.index,
                                        m.problem_canon.get(p.group().lower(), p.group()), assertion, sec))

    # follow-up actions: in the plan or follow-up sections, a cue plus (usually) a time
    header_only = re.fullmatch(r"[\w /&-]+:?", s.strip()) is not None and len(s.split()) <= 4
    if not header_only and (sec in ("follow_up", "assessment_and_plan", "hospital_course", "")
                            or re.match(r"\s*follow", s, re.I)):
        cue = m.follow.search(s)
        if cue and (sec == "follow_up" or _WHEN.search(s) or re.match(r"\s*(?:\d+[.)]\s*)?(follow|return|repeat|recheck|refer)",
                                                                        s, re.I)):
            when = _WHEN.search(s)
            out.follow_ups.append(FollowUp(s, base, base + len(s), sent.index, s.strip(), when.group() if when else ""))


_BACKGROUND = re.compile(r"\b\d{1,3}(?:[- ](?:year|yr)s?[- ]old\s+(?:\w+\s+){0,2}?(?:man|woman|male|female|patient|"
                         r"gentleman|lady|boy|girl|child)|\s?(?:yo|y/o|y\.o\.)\s+(?:[MF]|male|female|man|woman|lady|gentleman|boy|girl)|(?-i:[MF]))"
                         r"\s+with\b", re.I)  # "74-year-old woman with", "47 yo F with", "61M with"
_PRESENTS = re.compile(r"\b(?:who\s+)?(?:presents|presented|presenting|admitted|is admitted|was admitted|now with|here for|"
                       r"returns|comes|came|seen for|referred|brought|scheduled for|booked for|listed for|"
                       r"planned for|awaiting|undergoing|attends|attended|attending|transferred|sent in)\b", re.I)


_FOLLOW_UP_VISIT = re.compile(r"\s*(?:(?:to|in)\s+(?:the\s+)?clinic\s+)?for\s+(?:a\s+|her\s+|his\s+|their\s+)?"
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


_ROOM_AIR = re.compile(r"%\s*(?:on\s+)?$")
# tobacco named with a word that says it is not current ("quit smoking", "never smoker", "ex-smoker") is social
# history, not a problem of this note
_NOT_SMOKING = re.compile(r"\b(?:quit|stopped|gave up|never|ex|former|non)[- ]?\s*$", re.I)
_SERVICE = re.compile(r"(?:\s+and\s+[A-Za-z]+)?\s+(?:education|educator|nurse|team|service|specialist|clinic|unit|"
                      r"diary|diaries)\b", re.I)


def _not_a_finding(s: str, p: re.Match) -> bool:
    """Words from the problem vocabulary that do not report a problem here: 'RA' after a saturation
    ('SpO2 97% RA' is room air), a condition naming a service, clinic or diary ('diabetes educator', 'heart
    failure clinic', 'Headache and Epilepsy Service', 'headache diary') and tobacco that is not current."""
    if p.group() == "RA" and _ROOM_AIR.search(s[max(0, p.start() - 6):p.start()]):
        return True
    if p.group().lower() in ("smoking", "smoker") and _NOT_SMOKING.search(s[max(0, p.start() - 12):p.start()]):
        return True
    return bool(_SERVICE.match(s, p.end()))


def _indication_of_drug(s: str, start: int, med_spans) -> bool:
    before = s[max(0, start - 22):start].lower()
    return bool(re.search(r"(?:as needed|prn|if needed)\s+for\s+(?:\w+\s+)?(?:or\s+)?$", before)) and \
        any(e <= start for _, e in med_spans)


def _medication(s: str, d: re.Match, stop: int, m: Matchers, section: str) -> Medication:
    drug = m.drug_lookup[d.group().lower()]
    # attributes live between this drug and the next one (or the end of the sentence)
    window_end = stop
    for sep in (";",):
        k = s.find(sep, d.end(), stop)
        if k != -1:
            window_end = k
    window = s[d.end():window_end]
    med = Medication(d.group(), d.start(), d.end(), 0, drug.name if not drug.is_class else drug.name, d.group(),
                     drug_class=drug.drug_class, section=section)
    last = d.end()
    dose = _DOSE.search(window)
    if dose and dose.start() < 40:
        med.dose, med.unit = dose.group(1), dose.group(2)
        last = max(last, d.end() + dose.end())
    for name, pat in m.route:
        r = pat.search(window)
        if r and r.start() < 60:
            med.route = name
            last = max(last, d.end() + r.end())
            break
    freqs = []
    for name, pat in m.frequency:
        f = pat.search(window)
        if f and f.start() < 80:
            freqs.append((f.start(), name, f.end()))
    for _, name, end in sorted(freqs):
        if name == "as needed":
            med.prn = True
        if name == "once" and med.frequency:
            continue
        if not med.frequency or (med.frequency == "as needed" and name != "as needed"):
            med.frequency = name if name != "as needed" or not med.frequency else med.frequency
        last = max(last, d.end() + end)
    if med.prn and med.frequency and med.frequency != "as needed":
        med.frequency += " as needed"
    med.status = _med_status(s, d, window, m, section)
    med.end = last
    med.text = s[med.start:med.end]
    return med


def _med_status(s: str, d: re.Match, window: str, m: Matchers, section: str) -> str:
    p = _PAREN_STATUS.search(window)
    if p:
        word = p.group(1).lower()
        return _STATUS_MAP.get(word, word)
    # a status verb shortly before the drug ("Stop amlodipine", "increase atorvastatin to 40 mg"),
    # or right after it ("Ibuprofen discontinued")
    before = s[max(0, d.start() - 30):d.start()]
    after = window[:25]
    best = None
    for name, pat in m.status:
        for hit in pat.finditer(before):
            dist = len(before) - hit.end()
            if best is None or dist < best[0]:
                best = (dist, name)
        hit = pat.match(after.lstrip())
        if hit and (best is None or best[0] > 0):
            best = (0, name)
    if best:
        return best[1]
    if re.search(r"\b(?:to|from)\s+" + _NUM + r"\s*\w+", window[:40]) and re.search(r"\b(increase|decrease|reduce|change)",
                                                                                      s, re.I):
        return "changed"
    return ""


def _allergies_in(s: str, m: Matchers):
    """Allergy-section sentence: every allergen with the reaction that follows it."""
    hits = [a for a in m.allergen.finditer(s)]
    # a capitalised unknown word before '(' in an allergy list is an allergen too ("Sulfasalazine (rash)")
    for u in re.finditer(r"\b([A-Z][a-z]{3,})\b(?=\s*(?:\(|-|caused|causes))", s):
        if not any(h.start() <= u.start() < h.end() for h in hits) and not m.reaction.fullmatch(u.group(1).lower()) \
                and u.group(1).lower() not in ("allergy", "allergies", "known"):
            hits.append(u)
    hits.sort(key=lambda x: x.start())
    out = []
    for i, a in enumerate(hits):
        if m.reaction.fullmatch(a.group()):
            continue
        nxt = hits[i + 1].start() if i + 1 < len(hits) else len(s)
        r = m.reaction.search(s, a.end(), nxt)
        reaction = r.group() if r else ""
        name = m.drug_lookup[a.group().lower()].name if a.group().lower() in m.drug_lookup else a.group()
        out.append((a.start(), a.end(), name, reaction))
    return out


def _bare_reaction(s: str, r: re.Match) -> bool:
    """'allergic to penicillin (rash)' names only the reaction; '(anaphylaxis as a child)' tells its story too."""
    return bool(re.match(r"\s*(?:\)|[.;,]|$)", s[r.end():])) and bool(re.search(r"(?:\(|-|:|,)\s*$", s[:r.start()]))


_INLINE_ALLERGY = re.compile(r"\ballergic to\s+|\bknown\s+(?=\w+\s+allergy)|\b(?=\w+\s+allergy\b)", re.I)


def _inline_allergies(s: str, m: Matchers):
    out = []
    for a in m.allergen.finditer(s):
        before = s[max(0, a.start() - 20):a.start()].lower()
        after = s[a.end():a.end() + 10].lower()
        if re.search(r"allergic to\s+$", before) or re.match(r"\s+allerg(?:y|ies)\b", after):
            r = m.reaction.search(s, a.end(), min(len(s), a.end() + 60))
            name = m.drug_lookup[a.group().lower()].name if a.group().lower() in m.drug_lookup else a.group()
            out.append((a.start(), a.end(), name, r.group() if r else "", (r.start(), r.end()) if r and _bare_reaction(s, r) else None))
    return out


_VALUE = re.compile(rf"^(?:\s*(?:level|count|of|was|is|:|=|on arrival|at \d+ hours|today|now|rose to|fell to|peaked at|"
                    rf"rose|fell|from|a|baseline|in tube \d|on admission)\b\.?)*\s*(?::\s*)?(?:[<>]=?\s*)?({_NUM}(?:/\d{{2,3}})?|positive|negative|pending)"
                    r"(?:\s*(?:to|->)\s*(" + _NUM + r"))?\s*((?:x\s?10\^?\d+/L|mmol/L|mg/dL|g/dL|ng/mL|pg/mL|mIU/L|U/L|"
                    r"mg/L|mm/h|mmHg|mL/min/1\.73\s?m2|mg/g|mcg/mL|cells/uL|%|kg/m2|kg|C|F|°C|°F|bpm|/min|ug/mL(?: FEU)?|"
                    r"mEq/L|mcg/dL|units/L))?", re.I)
_UNIT_EQUIV = {"x10^9/l": "x10^9/l", "x109/l": "x10^9/l", "mmol/l": "mmol/l", "meq/l": "mmol/l", "°c": "c", "c": "c",
               "bpm": "beats/min", "/min": "beats/min"}


# A lab named without a value is still a lab mention when the words around it say it was done, is wanted or
# what it showed: "LFTs and U&Es normal", "HbA1c, lipids, FBC today", "recheck BMP", "a normal urate",
# "an elevated D-dimer". The value is that word ("normal", "requested"), never a number.
_LAB_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Za-z][\w&/-]*){0,6}\s*(?:are\s+|is\s+|was\s+|were\s+)?"
                        r"(normal|abnormal|unremarkable|positive|negative|raised|elevated|awaited|pending|today|"
                        r"tomorrow|in (?:the )?(?:am|morning))\b", re.I)
_LAB_BEFORE = re.compile(r"\b(repeat|recheck|re-check|check|send|request|requested|order|ordered|arrange|arranged|"
                         r"elevated|raised|normal|abnormal|low|high)\s+(?:(?:a|an|the|serum|her|his|their)\s+)?"
                         r"(?:[A-Za-z][\w&/-]*\s*(?:,|and|&)\s*){0,6}$", re.I)
_REQUEST = {"repeat", "recheck", "re-check", "check", "send", "request", "requested", "order", "ordered", "arrange",
            "arranged", "today", "tomorrow"}


def _bare_lab(s: str, hit: re.Match) -> str:
    """The word that makes a lab named without a value a mention ('' when there is none)."""
    after = _LAB_AFTER.match(s, hit.end())
    before = _LAB_BEFORE.search(s[max(0, hit.start() - 80):hit.start()])
    word = (after.group(1) if after else before.group(1) if before else "").lower()
    if not word:
        return ""
    if word in _REQUEST or word.startswith("in "):
        return "requested"
    return {"raised": "high", "elevated": "high", "unremarkable": "normal", "awaited": "pending"}.get(word, word)


def _measurements(s: str, m: Matchers, taken, drug_names=()):
    found = []
    used: list[tuple[int, int]] = []
    for kind, pat, lookup in (("vital", m.vital, m.vital_lookup), ("lab", m.lab, m.lab_lookup)):
        for hit in pat.finditer(s):
            if _overlaps(taken, hit.start(), hit.end()) or _overlaps(used, hit.start(), hit.end()):
                continue
            rng = lookup.get(hit.group().lower())
            if rng is None:
                continue
            if any(ds < hit.end() and hit.start() < de and de - ds >= len(hit.group()) for ds, de in drug_names):
                continue  # 'chloride' inside 'potassium chloride' is the drug, not a lab
            tail = s[hit.end():hit.end() + 70]
            # "Creatinine rose from a baseline of 1.3 to 2.8": skip to the value
            v = _VALUE.match(tail)
            if not v:
                if kind == "lab" and re.match(r"\s+(?:has been sent|sent|pending|ordered)", tail, re.I):
                    found.append((Measurement(hit.group(), hit.start(), hit.end(), 0, rng.name, "pending"), kind))
                    used.append((hit.start(), hit.end()))
                elif kind == "lab" and len(hit.group()) > 2 and (word := _bare_lab(s, hit)):
                    found.append((Measurement(hit.group(), hit.start(), hit.end(), 0, rng.name, word), kind))
                    used.append((hit.start(), hit.end()))
                continue
            value = v.group(2) or v.group(1)
            unit = v.group(3) or ""
            if kind == "vital" and len(hit.group()) <= 2 and not re.match(r"\s*:?\s*\d", tail):
                continue  # 'T', 'P' need a number right after them
            end = hit.end() + v.end()
            meas = Measurement(s[hit.start():end], hit.start(), end, 0, rng.name, value, unit or rng.unit)
            meas.flag, meas.reference, meas.source = _flag(value, unit, rng)
            found.append((meas, kind))
            used.append((hit.start(), end))
    taken.extend(used)
    return found


def _flag(value: str, unit: str, rng: Range) -> tuple[str, str, str]:
    if rng.low is None and rng.high is None:
        return "", "", rng.source
    ref = f"{'' if rng.low is None else f'{rng.low:g}'}-{'' if rng.high is None else f'{rng.high:g}'} {rng.unit}".strip()
    try:
        number = float(value.split("/")[0].replace(",", ""))
    except ValueError:
        return "", ref, rng.source
    if unit and rng.unit:
        u, r = unit.lower().replace(" ", ""), rng.unit.lower().replace(" ", "")
        if _UNIT_EQUIV.get(u, u) != _UNIT_EQUIV.get(r, r):
            return "", ref, rng.source  # a different unit: no flag rather than a wrong one
    if rng.low is not None and number < rng.low:
        return "low", ref, rng.source
    if rng.high is not None and number > rng.high:
        return "high", ref, rng.source
    return "normal", ref, rng.source
