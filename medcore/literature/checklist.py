"""The CONSORT-for-abstracts core checklist: which items the paper reports (with the sentence) and which it omits.

Items and their checks are data (assets/kb/literature/consort_abstract.yaml); each check below reads what the
other extractors found, so one decision lives in one place."""

from __future__ import annotations

import re
from functools import lru_cache

from medcore.literature import kb
from medcore.literature.model import Arm, ChecklistItem, Design, Effect, Paper, Pico


@lru_cache(maxsize=4)
def _items(kb_path: str) -> tuple[str, list[tuple[dict, re.Pattern | None]]]:
    data = kb.load(kb_path, "consort_abstract")
    return data["source"], [(it, kb.cue_regex(it["cues"]) if it.get("cues") else None) for it in data["items"]]


def _first_role(paper: Paper, role: str) -> int | None:
    return next((s.idx for s in paper.sentences if s.role == role), None)


def check_items(settings, paper: Paper, design: Design, pico: Pico, effects: list[Effect],
                arms: list[Arm] | None = None) -> list[ChecklistItem]:
    source, items = _items(str(kb.kb_dir_of(settings)))
    out = []
    for it, cues in items:
        check = it["check"]
        where: int | None = None
        if check == "title_randomised":
            where = -1 if re.search(r"\brandomi[sz]ed|\brandomly", paper.title or "", re.I) else None
        elif check == "design_kind":
            where = design.kind_sentence_idx if design.kind != "unknown" else None
        elif check == "interventions":
            where = pico.interventions[0].sentence_idx if pico.interventions else None
        elif check == "primary_outcome":
            where = pico.outcomes_primary[0].sentence_idx if pico.outcomes_primary else None
        elif check == "blinding":
            where = design.blinding_sentence_idx if design.blinding else None
        elif check == "population_n":  # the sentence giving N per arm when there is one, else the total N
            per_arm = next((a.sentence_idx for a in arms or [] if a.n is not None), None)
            where = per_arm if per_arm is not None else pico.population.n_sentence_idx if pico.population.n else None
        elif check == "effect":
            hit = next((e for e in effects if e.ci_low is not None or len(e.group_rates) >= 2), None)
            where = hit.sentence_idx if hit else None
        elif check == "registration":
            where = design.registrations[0]["sentence_idx"] if design.registrations else None
        elif check.startswith("role_"):
            where = _first_role(paper, check[5:])
        elif check == "cues" and cues is not None:
            where = next((s.idx for s in paper.sentences if cues.search(s.text)), None)
        else:
            raise ValueError(f"consort_abstract.yaml: unknown check {check!r} for item {it['id']}")
        out.append(ChecklistItem(id=it["id"], label=it["label"], reported=where is not None,
                                 sentence_idx=where if where is not None else -1, source=source))
    return out
