"""Allergens that are not medicines (foods, venoms, equipment, environment): one home for every tool, read from
assets/kb/knowledge/non_drug_allergens.yaml (schema- and source-checked by kbfiles). The treatment planner resolves
an allergy entry to one of them (its id, name and synonyms) and cites each entry's drug note; the record summarizer
reads `note_words` as allergen words in a note. Before session 21 the planner kept them in its own shared.yaml and
the summarizer a second word list of its own."""

from __future__ import annotations

import re
from pathlib import Path

from medcore.knowledge import kbfiles
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR

DATA_FILE = "non_drug_allergens.yaml"  # under the KB's knowledge/ folder
_ALLERGY_WORD = re.compile(r" allergy$", re.I)


def _home(kb_dir: Path | None) -> Path:
    """The KB folder whose knowledge/ holds the file: `kb_dir`, or the shipped one when it is None or a copy
    without the file (as the tools' tests copy knowledge/drugs alone, and the drug lexicon does)."""
    if kb_dir and (kbfiles.knowledge_dir(Path(kb_dir)) / DATA_FILE).is_file():
        return Path(kb_dir)
    return DEFAULT_KB_DIR


def data_path(kb_dir: Path | None = None) -> Path:
    return kbfiles.knowledge_dir(_home(kb_dir)) / DATA_FILE


def load(kb_dir: Path | None = None) -> list[dict]:
    """The entries (id, name, kind, synonyms, condition_words, note, drugs, source), validated; cached per file
    version. The list is shared: callers copy before changing."""
    return kbfiles.load(_home(kb_dir), DATA_FILE)["allergens"]


def note_words(entries: list[dict]) -> list[str]:
    """The words a note names these allergens by: each id ("latex", "egg"; "tree_nuts" as "tree nuts") and every
    synonym. Not the display names ("'Iodine' (ask which product)": labels, which the planner's lookup reads too),
    nor `condition_words` ("hay fever": in a note a problem, and "denies hay fever" no allergy)."""
    out: list[str] = []
    for e in entries:
        for w in [e["id"].replace("_", " "), *e.get("synonyms", ())]:
            # "nickel allergy" is the allergen "nickel" said as an allergy: the word alone is the note's substance
            if w not in out and not _ALLERGY_WORD.search(w):
                out.append(w)
    return out
