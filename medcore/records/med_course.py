"""A drug's course over the whole note: the latest explicit status of a drug wins over what an earlier sentence
said of it. "Ampicillin and gentamicin were started." ... "Ampicillin and gentamicin were discontinued when the
cultures came back negative." makes the first mentions stopped too; "intravenous Solu-Medrol" ... "The steroids were
tapered" ends the methylprednisolone course through its class (the drug lexicon's classes); "cyclosporine toxicity
and therefore that was held" ends the drug named last. Cue words are data: `medication_course` in
assets/kb/records/rules.yaml."""

from __future__ import annotations

import logging
import re

from medcore.knowledge import drugs as kdrugs
from medcore.records.entities import Medication
from medcore.records.kb import phrase_regex
from medcore.records.med_switch import SWITCHED_TO

log = logging.getLogger(__name__)

# the verb group between the subject and the word that ends the course: "was", "were slowly", "has now been"
_VERB = r"(?:was|were|is|are|has|have|had|been|being|got|then|now|therefore|subsequently|eventually|later|\w+ly)"
LIST_SECTIONS = ("medications",)  # a medication list says what the patient takes; the narrative does not undo it ...
# ... except the plan written after it: "MEDICATIONS: 1. Baby aspirin" then "Plan: we will discontinue aspirin" leaves
# aspirin out of what the patient takes from now on
PLAN_SECTIONS = ("assessment_and_plan", "follow_up")
_NOT_CURRENT = ("", "started", "continued")  # statuses a later end of the course overrides
_BACK = 250  # how far back (characters) a pronoun looks for the drug it points to
_TO_A_DOSE = re.compile(r"\s+(?:down\s+)?to\s+(?:a\s+|an\s+)?(?:\d|one|two|half|lower|low|smaller|maintenance)", re.I)


def _lexicon(m, skipped: str):
    """The drug lexicon, or None with a warning saying what is `skipped` without it."""
    try:
        return kdrugs.load(m.lexicon_dir)
    except kdrugs.DrugKBError as exc:
        log.warning("drug lexicon not loaded, %s: %s", skipped, exc)
        return None


def settle_course(text: str, sentences, meds: list[Medication], m) -> None:
    """Give the earlier narrative mentions of a drug the status of its latest explicit event (in place)."""
    course = (m.rules or {}).get("medication_course") or {}
    if not meds or not course.get("ended"):
        return
    lex = _lexicon(m, "medication course not settled")
    if lex is None:
        return
    keys: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def key(name: str) -> tuple[frozenset[str], frozenset[str]]:
        """(ingredient ids, class ids with their ancestors) of a drug or class name."""
        if name not in keys:
            ingr = frozenset(kdrugs.resolve(name, lex=lex).ingredients)
            if ingr:
                keys[name] = (ingr, frozenset(c for i in ingr for c in kdrugs.classes_of(i, lex=lex)))
            else:
                cls = kdrugs.resolve_class(name, lex=lex)
                keys[name] = (frozenset(), frozenset((cls,)) if cls else frozenset())
        return keys[name]

    # events: (position, "stop" | "current", ingredient ids, class id or "", section)
    events = []
    for med in meds:
        ingr, classes = key(med.name)
        scope_class = next(iter(classes)) if not ingr and classes else ""
        if med.status == "stopped":
            events.append((med.start, "stop", ingr, scope_class, med.section))
        elif med.status in ("started", "continued", "changed") or med.section in LIST_SECTIONS:
            events.append((med.start, "current", ingr, scope_class, med.section))
    events += _ended_phrases(text, sentences, m, course, key, lex, meds)
    if not any(e[1] == "stop" for e in events):
        return
    for med in meds:
        listed = med.section in LIST_SECTIONS
        if med.status not in _NOT_CURRENT:
            continue
        ingr, classes = key(med.name)
        later = [(pos, kind) for pos, kind, e_ingr, e_cls, sec in events if pos > med.end
                 and ((ingr and ingr & e_ingr) or (e_cls and e_cls in classes))
                 and (not listed or sec in PLAN_SECTIONS)]
        if later and max(later)[1] == "stop":
            med.status = "stopped"


def _ended_phrases(text: str, sentences, m, course: dict, key, lex, meds=()) -> list:
    """Stop events said of a class word ("the steroids were tapered"), a pronoun ("therefore that was held") or the
    head word of a drug named before ("placed on IV fluids" ... "the fluids were discontinued")."""
    ended = phrase_regex(course["ended"])
    pronoun = re.compile(phrase_regex(course.get("pronouns") or ["\x00"]).pattern + r"$", re.I)
    # (?<!\s): a run of blanks is tried from its start only; the lookahead bounds a chain of verbs to 240 characters
    # (longer ones are never such a chain), so a start inside "was is was is ..." cannot rescan to the end: linear
    verb = re.compile(rf"(?<!\s)(?=[\s\w]{{1,240}}$)(?:\s+{_VERB})+\s+$|(?<!\s)\s+$", re.I)
    out = []
    for sent in sentences:
        s = sent.text
        # "this was changed to Zyprexa": a course given up for a named drug ends too
        swaps = [x for x in SWITCHED_TO.finditer(s) if m.drug.match(s, x.end())]
        for e in sorted([*ended.finditer(s), *swaps], key=lambda x: x.start()):
            v = verb.search(s, 0, e.start())
            if not v or not v.group().strip() or _TO_A_DOSE.match(s, e.end()):
                continue  # "was held", never a bare "held"; "tapered to 10 mg" goes on at a lower dose
            subject = s[max(0, v.start() - 40):v.start()]
            pos = sent.start + e.start()
            if pronoun.search(subject):
                before = [d for d in m.drug.finditer(text, max(0, sent.start + v.start() - _BACK), sent.start + v.start())]
                if before:
                    drug = m.drug_lookup[before[-1].group().lower()]
                    ingr, classes = key(drug.name)
                    out.append((pos, "stop", ingr, "" if ingr else next(iter(classes), ""), sent.section))
                continue
            words = re.findall(r"[\w-]+", subject)[-2:]
            for phrase in (" ".join(words), words[-1] if words else ""):
                if phrase and not m.drug.fullmatch(phrase) and (cls := kdrugs.resolve_class(phrase, lex=lex)):
                    out.append((pos, "stop", frozenset(), cls, sent.section))
                    break
            else:
                head = _head_of_earlier(words[-1] if words else "", meds, pos, m)
                if head is not None:
                    ingr, classes = key(head.name)
                    out.append((pos, "stop", ingr, "" if ingr else next(iter(classes), ""), sent.section))
    return out


def _head_of_earlier(word: str, meds, pos: int, m):
    """The latest drug named before `pos` whose written name ends in `word` (a head noun of four letters or more
    that is not itself a drug name): "fluids" points back to "IV fluids", "drip" to "heparin drip"."""
    low = word.lower()
    if len(low) < 4 or low in m.drug_lookup:
        return None
    named = [d for d in meds if d.start < pos and len(d.mention.split()) > 1 and d.mention.lower().split()[-1] == low]
    return named[-1] if named else None


def allergens_not_current(meds: list[Medication], allergies, m) -> None:
    """An allergen is never a current medication: a drug the note also records as an allergy (not an intolerance),
    named elsewhere with no status of its own ("allergic to penicillin" ... "took penicillin last year and broke
    out in hives"), is not current (in place). The same ingredient only: a drug of the allergen's class stays as
    written, so a conflict is shown rather than hidden."""
    named = {a.substance for a in allergies if a.substance and a.kind != "intolerance"}
    if not meds or not named:
        return
    lex = _lexicon(m, "allergens not checked against medications")
    if lex is None:
        return
    allergens = {i for name in named for i in kdrugs.resolve(name, lex=lex).ingredients}
    lowered = {name.lower() for name in named}
    for med in meds:
        if not med.status and (med.name.lower() in lowered or allergens & set(kdrugs.resolve(med.name, lex=lex).ingredients)):
            med.status = "stopped"
