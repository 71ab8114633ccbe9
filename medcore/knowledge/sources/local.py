"""Our own concepts, read from the tools' knowledge bases and the knowledge layer's data files.

The tools' KBs stay the source of truth for their own fields: these loaders only read them (ids,
names, codes, synonyms, sources) and never copy their content into a second file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from medcore.knowledge import kbfiles
from medcore.knowledge.concepts import Concept
from medcore.knowledge.normalize import parenthetical_forms

PROBLEM_LIST_SOURCE = "records problem list (moved to assets/kb/knowledge/conditions.yaml)"


def _yaml(path: Path):
    return kbfiles.read_yaml(path)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _codes(icd10cm=None, hpo=None, **more) -> dict[str, tuple[str, ...]]:
    out = {}
    if icd10cm:
        out["icd10cm"] = (str(icd10cm),)
    if hpo:
        out["hpo"] = (str(hpo),)
    for k, v in more.items():
        if v:
            out[k] = (str(v),)
    return out


def problem_list_concepts(kb_dir: Path) -> list[Concept]:
    """Problems, diagnoses, signs and findings as clinicians write them (the record summarizer's list)."""
    doc = kbfiles.load(kb_dir, "conditions.yaml")
    return [Concept(f"condition:{c['id']}", "condition", c["name"], _codes(c["icd10cm"], c.get("hpo")),
                    tuple(s for s in c.get("synonyms", ()) if s != c["name"]), (c["source"],),
                    {"clinical_name": c["name"], "problem_list": True})
            for c in doc["conditions"]]


def triage_condition_concepts(kb_dir: Path) -> list[Concept]:
    out = []
    for path in sorted((Path(kb_dir) / "triage").glob("conditions_*.yaml")):
        for c in (_yaml(path) or {}).get("conditions", ()):
            forms = parenthetical_forms(c["name"])
            out.append(Concept(f"condition:{c['id']}", "condition", c["name"], _codes(c.get("icd10")),
                               tuple(f for f in forms if f != c["name"]), (f"triage KB {path.name}: {c.get('source', '')}",),
                               {"triage": c.get("triage", ""), "system": c.get("system", ""),
                                "red_flags": list(c.get("red_flags") or ())}))
    return out


def therapy_condition_concepts(kb_dir: Path) -> list[Concept]:
    path = Path(kb_dir) / "therapy" / "conditions.yaml"
    out = []
    for c in (_yaml(path) or {}).get("conditions", ()):
        # the planner's asides name the treatment setting ('(outpatient)', '(women)', '(treatment)'), not the condition
        forms = parenthetical_forms(c["name"], inner=False)
        syns = [f for f in forms if f != c["name"]] + [str(s) for s in c.get("synonyms") or ()]
        out.append(Concept(f"condition:{c['id']}", "condition", c["name"],
                           _codes(c.get("icd10"), snomed=c.get("snomed")), tuple(dict.fromkeys(syns)),
                           (f"therapy KB conditions.yaml: {c.get('source', '')}",),
                           {"guideline": c.get("guideline", "")}))
    return out


def finding_concepts(kb_dir: Path) -> list[Concept]:
    """Triage findings, each with its HPO term (assets/kb/knowledge/finding_hpo.yaml) and HPO's clinical
    and lay synonyms ('breathless' gains dyspnea, shortness of breath), plus clinical wording HPO lacks
    ('pulsatile mass')."""
    from medcore.knowledge.sources import hpo

    doc = _yaml(Path(kb_dir) / "triage" / "findings.yaml") or {}
    extra = kbfiles.load(kb_dir, "finding_hpo.yaml")
    mapping = {m["finding"]: m for m in extra["findings"]}
    # several entries may name one finding (each with its own source): helpers append, never edit a row
    clinical: dict[str, list[dict]] = {}
    for c in extra.get("clinical_terms", ()):
        clinical.setdefault(c["finding"], []).append(c)
    out = []
    for f in doc.get("findings", ()):
        syns = [str(s) for s in f.get("synonyms") or ()]
        codes, sources = {}, [f"triage KB findings.yaml: {doc.get('source', '')}"]
        m = mapping.get(f["id"])
        if m:
            t = hpo.term(m["hpo"])
            if t is not None and m.get("synonyms", True):
                # A broader term (Arthritis for a red hot joint) lends its code, not its words: said by a
                # patient, 'arthritis' is a known diagnosis, not this finding. `exclude` drops single words
                # that mean something else here ('Epilepsy', a lay synonym of Seizure, is a history).
                dropped = {x.lower() for x in m.get("exclude", ())}
                syns += [w for w in (t["name"], *t["synonyms"], *t["lay"]) if w.lower() not in dropped]
            if t is not None:
                codes["hpo"] = (m["hpo"],)
                sources.append(m["source"])
        for c in clinical.get(f["id"], ()):
            syns += c["terms"]
            sources.append(c["source"])
        out.append(Concept(f"finding:{f['id']}", "finding", f["name"], codes,
                           tuple(dict.fromkeys(s for s in syns if s != f["name"])), tuple(sources),
                           {"category": f.get("category", "")}))
    return out


def test_concepts(kb_dir: Path) -> list[Concept]:
    """Labs with units and reference ranges (records lab_ranges.csv) and the case trainer's tests."""
    out = []
    path = Path(kb_dir) / "records" / "lab_ranges.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            attrs = {"unit": row.get("unit", "").strip(), "low": _num(row.get("low")), "high": _num(row.get("high")),
                     "category": "lab"}
            out.append(Concept(f"test:{slug(row['name'])}", "test", row["name"].strip(), {}, aliases,
                               (f"records lab_ranges.csv: {row['source'].strip()}",), attrs))
    doc = _yaml(Path(kb_dir) / "cases" / "tests.yaml") or {}
    for t in doc.get("tests", ()):
        forms = parenthetical_forms(t["name"])
        out.append(Concept(f"test:{t['id']}", "test", t["name"], {}, tuple(f for f in forms if f != t["name"]),
                           (f"cases KB tests.yaml: {t.get('source', '')}",),
                           {"category": t.get("category", ""), "normal": t.get("normal", "")}))
    return out


def _num(value):
    value = (value or "").strip()
    return float(value) if value else None


def procedure_concepts(kb_dir: Path) -> list[Concept]:
    doc = kbfiles.load(kb_dir, "procedures.yaml")
    return [Concept(f"procedure:{p['id']}", "procedure", p["name"], {},
                    tuple(s for s in p.get("synonyms", ()) if s != p["name"]), (p["source"],),
                    {"kind": p.get("kind", "procedure")})
            for p in doc["procedures"]]


def kb_input_files(kb_dir: Path) -> list[Path]:
    """Every file these loaders read, for the lexicon cache digest."""
    kb = Path(kb_dir)
    # the fallback's dev set and threshold do not change the lexicon, so they stay out of its digest
    lexicon_files = [p for p in sorted((kb / "knowledge").glob("*.yaml")) if p.name not in ("match_dev.yaml", "fallback.yaml")]
    files = [*lexicon_files, *sorted((kb / "triage").glob("conditions_*.yaml")),
             kb / "triage" / "findings.yaml", kb / "therapy" / "conditions.yaml", kb / "records" / "lab_ranges.csv",
             kb / "cases" / "tests.yaml"]
    return files + sorted((kb / "knowledge" / "drugs").rglob("*.yaml"))  # kg-drugs' concepts, when present
