"""The therapy KB's slow parts on disk, as JSON (never pickle), so a new process (a server, a worker, the CLI)
does not redo them (issue 14, speed: the planner's first render rebuilt the whole KB in every process).

What is kept: each therapy YAML file as validated (reading and schema-checking them is half the build), and the
interaction pairs the class rules expand to (23,000 rules; rule texts are kept once and shared). Everything else
(the drug lexicon's own cache, cross-reference checks, indexes) is redone from those, so every check in `kb._build`
still runs. The file name carries the content digest of every input: the therapy files, the drug lexicon files and
the code of `medcore/therapy` and `medcore/knowledge` (paths inside the repo and bytes, like graph_cache); any
change gives a new file, and older ones are removed. A damaged file is ignored and the KB built as before.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from pathlib import Path

from medcore import status_cache
from medcore.knowledge.interaction_rules import (DirectionContext, DoseContext, DurationContext, HepaticContext,
                                                 InteractionRule, Persists, RenalContext, RouteNeed)

log = logging.getLogger(__name__)
FORMAT = 5  # 2: rules carry route needs (RouteNeed); 3: and hepatic contexts (HepaticContext); 4: and directions;
# 5: `persists` is a tuple (one entry for each drug whose stopping the rule times)


def inputs(root: Path, kdir: Path) -> list[str]:
    """Every file a built therapy KB depends on."""
    drugs = Path(kdir) / "knowledge" / "drugs"
    return (status_cache.files_under(root, pattern="*.yaml") + status_cache.files_under(drugs)
            + status_cache.code_files("therapy", "knowledge"))


def digest(root: Path, kdir: Path) -> str:
    return status_cache.content_digest(inputs(root, kdir))


def path_for(cache_dir: Path, key: str) -> Path:
    return Path(cache_dir) / f"therapy-kb-{key}.json"


def load(cache_dir: Path, key: str) -> tuple[dict, tuple[dict, int]] | None:
    """(validated docs by path relative to the therapy folder, (pairs, explicit pair count)), or None."""
    path = path_for(cache_dir, key)
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or doc.get("digest") != key:
            raise ValueError(f"format {doc.get('format')!r}")
        fields = [vars(_rule_template(t)) for t in doc["templates"]]
        pairs = {frozenset(k): [_with_drugs(fields[t], a, b) for t, a, b in hits] for k, hits in doc["pairs"]}
        return doc["docs"], (pairs, int(doc["explicit"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        log.warning("therapy KB cache %s unreadable, rebuilding: %s", path.name, exc)
        return None


def save(cache_dir: Path, key: str, docs: dict, pairs: dict, explicit: int) -> Path | None:
    """Kept for the next process; a data folder that cannot be written only costs the next process a build."""
    templates: dict[InteractionRule, int] = {}
    out_pairs = []
    for k, hits in pairs.items():
        row = []
        for r in hits:
            t = dataclasses.replace(r, drugs=("", ""))
            row.append([templates.setdefault(t, len(templates)), *r.drugs])
        out_pairs.append([sorted(k), row])
    doc = {"format": FORMAT, "digest": key, "docs": docs, "explicit": explicit,
           "templates": [dataclasses.asdict(t) for t in templates], "pairs": out_pairs}
    target = path_for(cache_dir, key)
    try:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".therapy-kb-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)  # atomic: a reader never sees half a file
        for old in Path(cache_dir).glob("therapy-kb-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError) as exc:  # TypeError: a YAML value JSON cannot hold (then never cached)
        log.warning("therapy KB cache not kept in %s: %s", cache_dir, exc)
        return None
    return target


def _with_drugs(fields: dict, a: str, b: str) -> InteractionRule:
    """A template's rule for the pair (a, b). Its fields were checked once by the template's constructor; a frozen
    dataclass's __init__ sets each field through object.__setattr__, and 23,000 of those were a second of the
    planner's first render."""
    rule = object.__new__(InteractionRule)
    rule.__dict__.update(fields, drugs=(a, b))
    return rule


def _rule_template(t: dict) -> InteractionRule:
    return InteractionRule(
        ("", ""), t["severity"], t["mechanism"], t["effect"], t["management"], t["source"], t["rule"], t["avoid"],
        tuple(RenalContext(**c) for c in t["renal"]), tuple(DoseContext(**c) for c in t["dose"]),
        tuple(DurationContext(**c) for c in t["duration"]), tuple(Persists(**c) for c in t["persists"]),
        tuple(RouteNeed(c["drug"], tuple(c["routes"]), c["unstated"]) for c in t.get("routes", ())),
        tuple(HepaticContext(tuple(c["child_pugh"]), c["severity"], c["management"], c["avoid"])
              for c in t.get("hepatic", ())),
        tuple(DirectionContext(**c) for c in t.get("direction", ())))
