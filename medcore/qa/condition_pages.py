"""Condition pages, generated from the triage KB and the knowledge graph, plus curated text.

Every sentence made here is short and plain (the reading-grade test reads every page). The
"when to get help" section uses the symptom chat's own words: its level headings
(`triage.rules.LEVEL_TEXT`), its safety-net lines and the level a warning sign sets
(`triage.result_view.safety_line`, `warning_sign_rank`), so a page cannot say something the chat
would not."""

from __future__ import annotations

from pathlib import Path

from medcore.qa import contagion, plain
from medcore.qa.model import CONDITION_SECTIONS, OPTIONAL, EducationPage, Passage, Section
from medcore.triage.kb import LEVEL_RANK, LEVELS, load_kb
from medcore.triage.result_view import IF_SIGN, safety_line, warning_sign_rank
from medcore.triage.rules import LEVEL_TEXT

SYMPTOM_MIN_P = 0.3  # a finding in fewer than this share of cases is not listed as a symptom
COMMON_P = 0.6
RISK_MIN_P = 0.15
NOT_SYMPTOMS = {"risk", "course", "measured"}  # finding categories that are not symptoms
LIST_MAX = 6
SENTENCE_ITEMS = 4  # items per generated sentence: longer lists read as one very long sentence
NO_SELF_CARE = ("none", "none.", "")
CHAT_SOURCE = "Medcore symptom chat: triage levels and red flags (assets/kb/triage)"
MISSING = {
    "what": "We do not yet have a checked plain description of this condition.",
    "causes": "We do not yet have checked information on the causes of this condition.",
    "tests": "We do not yet have checked information on tests for this condition.",
    "prevention": "We do not yet have checked information on how to prevent this condition.",
    "outlook": "We do not yet have checked information on what usually happens next.",
    "treatment": "We do not yet have checked information on treatment. A doctor can explain the options.",
    "self_care": "We do not yet have checked self-care advice for this condition.",
}
# What treatment usually means at each level, said when the graph has no treatment for the condition.
TREATMENT_BY_LEVEL = {
    "emergency": "This needs treatment in hospital straight away.",
    "urgent": "A doctor should see you today to decide on treatment.",
    "routine": "A GP or pharmacist can talk with you about the best treatment.",
    "self_care": "Most people get better with care at home. See the self-care advice below.",
}
# A "possible cancer" page without graph treatment: the first step is the tests, and treatment, if it is cancer,
# is planned by a specialist team (never "a GP or pharmacist"; hand check s10). Which pages: the one cancer-word
# rule, question_cues.yaml serious_pages.
SERIOUS_TREATMENT = ("First come the tests to find out whether it is cancer. If it is, a specialist cancer team "
                     "plans the treatment with you.")
SERIOUS_SOURCE = "NICE NG12 Suspected cancer: recognition and referral"
# A self-care entry that only says there is none specific ("None specific until diagnosed") is no advice: the
# section keeps its "not yet checked" line rather than being read out as the treatment answer.
NOT_ADVICE = ("none specific",)
LINES = {"first": "Medicines often tried first", "alternative": "Other choices",
         "if_first_line_contraindicated": "Choices when the first ones are not suitable"}


def build_all(kb_dir: Path, kg, content) -> dict[str, EducationPage]:
    from medcore.qa.cues import load_cues

    kb = load_kb(kb_dir)
    spread = contagion.load(kb_dir, {c.id for c in kb.conditions})
    serious = load_cues(kb_dir).serious_page
    return {f"condition:{c.id}": build(kb, kg, c, content.conditions.get(c.id, {}), content.glossary,
                                       spread.get(c.id), bool(serious and serious.search(c.name.lower())))
            for c in kb.conditions}


def build(kb, kg, c, cur: dict, glossary: dict | None = None, spread: dict | None = None,
          serious: bool = False) -> EducationPage:
    glossary = glossary or {}
    cid = f"condition:{c.id}"
    node = kg.node(cid) if cid in kg else {"codes": {}}
    codes = {k: list(v) for k, v in node["codes"].items()} or {"icd10cm": [c.icd10]}
    sections = {k: Section(k, t, missing=MISSING.get(k, "")) for k, t in CONDITION_SECTIONS.items()}
    edu = c.education or {}
    if edu.get("what"):
        sections["what"].passages.append(Passage(edu["what"], c.source, "triage_kb", (cid,)))
    sections["symptoms"].passages += _symptoms(kb, kg, cid, c, glossary)
    sections["causes"].passages += _risks(kg, cid, glossary)
    if spread:
        sections["contagion"].passages += contagion.passages(c.id, spread)
    sections["when_to_get_help"].passages += when_to_get_help(kb, c)
    sections["tests"].passages += _tests(kg, cid, glossary)
    treat = _treatment(kg, cid, glossary)
    if treat and c.triage == "emergency":  # hospital first, then the medicines (a heart attack's antiplatelets)
        treat.insert(0, Passage(TREATMENT_BY_LEVEL["emergency"], CHAT_SOURCE, "triage_kb", (cid,)))
    sections["treatment"].passages += treat
    if (edu.get("self_care") or "").strip().lower() in NO_SELF_CARE:
        sections["self_care"].missing = "There is no safe home treatment for this. Get help as described above."
    elif not edu["self_care"].strip().lower().startswith(NOT_ADVICE):
        sections["self_care"].passages.append(Passage(edu["self_care"], c.source, "triage_kb", (cid,)))
    for key, items in cur.items():  # curated passages follow the generated ones of their section
        sections[key].passages += items
    if not sections["treatment"].passages and serious and c.triage != "emergency":
        sections["treatment"].passages.append(Passage(SERIOUS_TREATMENT, SERIOUS_SOURCE, "curated", (cid,)))
    if not sections["treatment"].passages:
        sections["treatment"].passages.append(Passage(TREATMENT_BY_LEVEL[c.triage], CHAT_SOURCE, "triage_kb", (cid,)))
    kept = [s for s in sections.values() if s.passages or s.key not in OPTIONAL]
    return EducationPage(cid, "condition", c.name, codes, kept, level=c.triage)


def _symptoms(kb, kg, cid: str, c, glossary: dict) -> list[Passage]:
    rows = [(e.attrs["likelihood"], e) for e in kg.edges(cid, "has_finding")
            if kb.finding(e.end.split(":", 1)[1]).category not in NOT_SYMPTOMS
            and not e.end.startswith("finding:duration_") and e.attrs["likelihood"] >= SYMPTOM_MIN_P]
    rows.sort(key=lambda t: -t[0])
    common = [e for p, e in rows if p >= COMMON_P][:LIST_MAX]
    other = [e for p, e in rows if p < COMMON_P][:LIST_MAX]
    out = []
    for i, chunk in enumerate(plain.chunks(common, SENTENCE_ITEMS) if common else []):
        out.append(_list_passage("Common signs are" if i == 0 else "Other common signs are", chunk, kg, glossary))
    for i, chunk in enumerate(plain.chunks(other, SENTENCE_ITEMS) if other else []):
        out.append(_list_passage("Some people also have" if i == 0 else "Others have", chunk, kg, glossary))
    if not out:
        out.append(Passage("The signs vary a lot from person to person.", c.source, "triage_kb", (cid,)))
    return out


def _risks(kg, cid: str, glossary: dict) -> list[Passage]:
    rows = sorted((e for e in kg.edges(cid, "has_finding")
                   if kg.node(e.end)["attrs"].get("category") == "risk" and e.attrs["likelihood"] >= RISK_MIN_P),
                  key=lambda e: -e.attrs["likelihood"])[:LIST_MAX]
    return [_list_passage("It is often seen in people with these", rows, kg, glossary)] if rows else []


def _list_passage(lead: str, edges, kg, glossary: dict, end: str = "end") -> Passage:
    names, srcs = [], list(dict.fromkeys(e.source for e in edges))
    for e in edges:
        name, gsrc = plain.explain(plain.lower_first(kg.name(getattr(e, end))), glossary)
        names.append(name)
        if gsrc:
            srcs.append(f"plain words: {gsrc}")
    return Passage(f"{lead}: {plain.join(names)}.", "; ".join(srcs), "graph",
                   tuple(f"{e.start} {e.relation} {e.end}" for e in edges))


def when_to_get_help(kb, c) -> list[Passage]:
    """The chat's level heading, the condition's own advice, and its warning signs grouped by the
    level each would set, in the chat's words."""
    cid = f"condition:{c.id}"
    out = [Passage(f"{LEVEL_TEXT[c.triage]}.", CHAT_SOURCE, "triage_kb", (cid,))]
    if c.education.get("seek_help"):
        out.append(Passage(c.education["seek_help"], c.source, "triage_kb", (cid,)))
    return out + warning_signs(kb, [c])


def warning_signs(kb, conditions) -> list[Passage]:
    """The warning signs of these conditions (each once), grouped by the level each would set, in the chat's
    words, most urgent first."""
    by_level: dict[str, list[str]] = {}
    ranks = _sign_ranks(kb)
    for c in conditions:
        for f in c.red_flags:
            fids = by_level.setdefault(LEVELS[ranks[f]], [])
            if f not in fids:
                fids.append(f)
    out = []
    for lvl in sorted(by_level, key=LEVEL_RANK.get):
        fids = by_level[lvl]
        signs = [kb.finding(f).name.lower() for f in fids]
        rules = [r for r in kb.rules if any(r.fires({f}) for f in fids)]
        src = "; ".join(dict.fromkeys([*(c.source for c in conditions if set(c.red_flags) & set(fids)),
                                       *(r.source for r in rules)]))
        for chunk in plain.chunks(signs, LIST_MAX):
            out.append(Passage(sign_line(lvl, chunk), src, "triage_kb", tuple(f"finding:{f}" for f in fids)))
    return out


def _sign_ranks(kb) -> dict[str, int]:
    """The level each warning sign sets: as in the chat's safety net, the most acute of the conditions
    that list it (a stiff neck is a migraine warning sign, and an emergency because of meningitis) and
    of the red-flag rules it fires. Computed once per loaded KB."""
    if _RANKS.get("kb") is not kb:
        out: dict[str, int] = {}
        for c in kb.conditions:
            for f in c.red_flags:
                out[f] = min(out.get(f, 9), warning_sign_rank(kb, c, f))
        _RANKS.clear()
        _RANKS.update(kb=kb, ranks=out)
    return _RANKS["ranks"]


_RANKS: dict = {}


def sign_line(level: str, signs: list[str]) -> str:
    """The chat's safety-net line for emergency and urgent signs; for calmer levels (which the chat's
    safety net does not list) the chat's own level advice, followed by the signs."""
    if level in IF_SIGN:
        return safety_line(level, signs)
    advice = LEVEL_TEXT[level].split(": ", 1)[1]
    return f"{advice[0].upper()}{advice[1:]} if you get: {', '.join(signs)}."


def _tests(kg, cid: str, glossary: dict) -> list[Passage]:
    edges = sorted(kg.edges(cid, "tested_by"), key=lambda e: -e.attrs.get("p_abnormal", 0))[:LIST_MAX]
    if not edges:
        return []
    return [_list_passage("Tests a doctor may use include", edges, kg, glossary)]


def _treatment(kg, cid: str, glossary: dict) -> list[Passage]:
    by_line: dict[str, list] = {}
    for e in kg.edges(cid, "treated_by"):
        by_line.setdefault(e.attrs.get("line") or "alternative", []).append(e)
    out = []
    for line, lead in LINES.items():
        edges = list({e.end: e for e in by_line.get(line, [])}.values())[:LIST_MAX]
        if edges:
            out.append(_list_passage(lead, edges, kg, glossary))
    if out:
        out.append(Passage("Your doctor will choose what suits you. Do not start or stop a medicine without advice.",
                           kg.edges(cid, "treated_by")[0].source, "therapy_kb", (cid,)))
    return out
