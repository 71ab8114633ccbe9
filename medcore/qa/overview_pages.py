"""General condition pages for an everyday word the symptom chat splits into several triage conditions
("gastroenteritis": a tummy bug, food poisoning, dehydration; "a head injury": concussion, a serious head
injury). assets/kb/qa/overviews.yaml names the knowledge layer's general concept (the page takes its id and
ICD-10-CM code, so the shared matcher finds the page for the general word), the triage conditions it covers, and
curated text. From the covered conditions come, in the symptom chat's own words: a line on each with the level
the chat gives it, and their warning signs grouped by the level each sets (condition_pages.warning_signs)."""

from __future__ import annotations

from pathlib import Path

from medcore.knowledge import kbfiles
from medcore.knowledge.validate import read_checked
from medcore.qa import contagion, plain
from medcore.qa.condition_pages import CHAT_SOURCE, MISSING, warning_signs
from medcore.qa.curated import _PASSAGES, ContentError
from medcore.qa.model import CONDITION_SECTIONS, OPTIONAL, EducationPage, Passage, Section
from medcore.triage.kb import LEVEL_RANK

FILE = "overviews.yaml"
SCHEMA = {
    "type": "object", "required": ["version", "source", "overviews"], "additionalProperties": False,
    "properties": {
        "version": {"const": 1}, "source": {"type": "string", "minLength": 10},
        "overviews": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["concept", "title", "covers", "sections"], "additionalProperties": False,
            "properties": {
                "concept": {"type": "string", "pattern": "^condition:[a-z0-9_]+$"},
                "title": {"type": "string", "minLength": 3},
                "covers": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "sections": {"type": "object", "additionalProperties": False,
                             "required": ["what", "symptoms", "when_to_get_help", "treatment"],
                             "properties": {k: _PASSAGES for k in CONDITION_SECTIONS if k != "contagion"}}}}}}}
# what each level means for one of the covered conditions, said after its name
LEVEL_LINE = {"emergency": "an emergency: call an ambulance or go to the emergency department now",
              "urgent": "urgent: see a doctor today",
              "routine": "see a GP within a few days if it is not getting better",
              "self_care": "usually fine to look after at home"}


def load(kb_dir: Path) -> dict:
    path = Path(kb_dir) / "qa" / FILE
    if not path.exists():
        return {}
    return read_checked(path, SCHEMA, ContentError, "QA overview pages")["overviews"]


def _concept_codes(kb_dir: Path) -> dict[str, dict]:
    """{condition:<id>: {"icd10cm": [...]}} from the knowledge layer's condition list (validated where it loads)."""
    doc = kbfiles.load(kb_dir, "conditions.yaml")  # the knowledge layer's cached, validated copy
    return {f"condition:{c['id']}": {"icd10cm": [c["icd10cm"]]} for c in doc["conditions"] if c.get("icd10cm")}


def build_all(kb_dir: Path, kb=None) -> dict[str, EducationPage]:
    from medcore.triage.kb import load_kb

    docs = load(kb_dir)
    if not docs:
        return {}
    kb = kb or load_kb(kb_dir)
    known = {c.id: c for c in kb.conditions}
    spread = contagion.load(kb_dir, set(known))
    codes = _concept_codes(kb_dir)
    out = {}
    for key, d in docs.items():
        bad = [c for c in d["covers"] if c not in known]
        if bad:
            raise ContentError(f"{FILE}: {key} covers conditions not in the triage KB: {', '.join(bad)}")
        if d["concept"] not in codes:
            raise ContentError(f"{FILE}: {key}: {d['concept']} is not a coded knowledge-layer condition")
        if d["concept"].split(":", 1)[1] in known:
            raise ContentError(f"{FILE}: {key}: {d['concept']} already has its own triage page")
        out[d["concept"]] = build(kb, d, [known[c] for c in d["covers"]], codes[d["concept"]], spread)
    return out


def build(kb, d: dict, covered: list, codes: dict, spread: dict | None = None) -> EducationPage:
    cid = d["concept"]
    sections = {k: Section(k, t, missing=MISSING.get(k, "")) for k, t in CONDITION_SECTIONS.items()}
    for c in covered:  # how the covered conditions spread, where the contagion facts say
        if (spread or {}).get(c.id):
            sections["contagion"].passages += contagion.passages(c.id, spread[c.id])
    for k, items in d["sections"].items():
        sections[k].passages += [Passage(p["text"].strip(), p["source"], "curated", (f"qa:{cid}:{k}:{i}",))
                                 for i, p in enumerate(items)]
    help_ = sections["when_to_get_help"].passages
    help_[:0] = warning_signs(kb, covered)  # the chat's warning signs first, then the curated advice
    for c in sorted(covered, key=lambda c: LEVEL_RANK[c.triage]):
        help_.append(Passage(f"{_title(c)}: {LEVEL_LINE[c.triage]}.",
                             f"{CHAT_SOURCE}; {c.source}", "triage_kb", (f"condition:{c.id}",)))
    kept = [s for s in sections.values() if s.passages or s.key not in OPTIONAL]
    return EducationPage(cid, "condition", d["title"], codes, kept, level=None)  # its conditions' levels differ


def _title(c) -> str:
    name = c.name.split(" (")[0]
    return plain.lower_first(name)[0].upper() + plain.lower_first(name)[1:]
