"""Emergency first-aid pages (assets/kb/qa/first_aid.yaml, session 30): choking, a cardiac arrest, severe bleeding and
an overdose of a medicine not named, which the symptom chat has no condition of its own for. Each is an emergency-
level condition page in the triage pages' form: "When to get help" opens with its "Emergency: call 999 ..." line and
"Looking after yourself" holds the first aid until help comes, so `ask` (act_now) answers a question that describes
one happening now with that line, then the first aid, each with its source."""

from __future__ import annotations

from pathlib import Path

from medcore.knowledge.validate import read_checked
from medcore.qa.condition_pages import CHAT_SOURCE, MISSING, TREATMENT_BY_LEVEL
from medcore.qa.curated import _PASSAGES, ContentError
from medcore.qa.model import CONDITION_SECTIONS, OPTIONAL, EducationPage, Passage, Section

FILE = "first_aid.yaml"
LEVEL = "emergency"
EMERGENCY_LEAD = "Emergency: call"  # how each page's first get-help passage opens (checked at load)
SCHEMA = {
    "type": "object", "required": ["version", "source", "pages"], "additionalProperties": False,
    "properties": {
        "version": {"const": 1}, "source": {"type": "string", "minLength": 10},
        "pages": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["concept", "title", "icd10cm", "sections"], "additionalProperties": False,
            "properties": {
                "concept": {"type": "string", "pattern": "^condition:[a-z0-9_]+$"},
                "title": {"type": "string", "minLength": 3},
                "icd10cm": {"type": "string", "pattern": "^[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?$"},
                "sections": {"type": "object", "additionalProperties": False,
                             "required": [k for k in CONDITION_SECTIONS if k not in OPTIONAL and k != "treatment"],
                             "properties": {k: _PASSAGES for k in CONDITION_SECTIONS if k != "contagion"}}}}}}}


def load(kb_dir: Path) -> dict:
    path = Path(kb_dir) / "qa" / FILE
    if not path.exists():
        return {}
    pages = read_checked(path, SCHEMA, ContentError, "QA first-aid pages")["pages"]
    for key, d in pages.items():
        if not d["sections"]["when_to_get_help"][0]["text"].startswith(EMERGENCY_LEAD):
            raise ContentError(f"{FILE}: {key}: the first get-help passage must open with {EMERGENCY_LEAD!r}")
    return pages


def build_all(kb_dir: Path, taken: set[str] = frozenset()) -> dict[str, EducationPage]:
    out = {}
    for key, d in load(kb_dir).items():
        if d["concept"] in taken:
            raise ContentError(f"{FILE}: {key}: {d['concept']} already has a page")
        out[d["concept"]] = build(d)
    return out


def build(d: dict) -> EducationPage:
    cid = d["concept"]
    sections = {k: Section(k, t, missing=MISSING.get(k, "")) for k, t in CONDITION_SECTIONS.items()}
    for k, items in d["sections"].items():
        sections[k].passages += [Passage(p["text"].strip(), p["source"], "curated", (f"qa:{cid}:{k}:{i}",))
                                 for i, p in enumerate(items)]
    if not sections["treatment"].passages:
        sections["treatment"].passages.append(Passage(TREATMENT_BY_LEVEL[LEVEL], CHAT_SOURCE, "triage_kb", (cid,)))
    kept = [s for s in sections.values() if s.passages or s.key not in OPTIONAL]
    return EducationPage(cid, "condition", d["title"], {"icd10cm": [d["icd10cm"]]}, kept, level=LEVEL)
