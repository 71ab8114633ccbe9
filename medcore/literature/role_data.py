"""Training and dev data for the sentence-role classifier, labelled by the authors' own headings.

- PubMedQA's expert-labelled set (../shared/data/pubmedqa/pqal_dev.json, never committed): each abstract's
  CONTEXTS paragraphs carry their heading (LABELS), mapped to a role by the heading map
  (assets/kb/literature/headings.yaml); the LONG_ANSWER is the authors' conclusion paragraph. Each paragraph is
  split into sentences by the reader's own splitter and every sentence takes its paragraph's role. Headings
  the map does not know ('UNLABELLED'), and compound headings naming two roles ('BACKGROUND AND PURPOSE'),
  leave their sentences unlabelled: they stay in the abstract as context but are neither trained on nor scored.
- The user's library (store kind `paper`): sentences whose role came from a heading (role_source 'heading').
- Role corrections: feedback rows tool 'literature', kind 'role', data {"paper": item id, "idx": sentence
  index, "role": role}; a correction replaces that sentence's label.

Abstracts are split into train and dev by a seeded hash of their id (the PMID), so the split is the same on every
machine and never depends on file order; the user's papers always go to train."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from medcore.config import REPO_ROOT
from medcore.literature.model import ROLES
from medcore.literature.sentences import split_sentences

log = logging.getLogger(__name__)

PUBMEDQA_FILE = "pqal_dev.json"
DEV_SHARE = 0.2  # 100 of the 500 abstracts
ANSWERS = ("yes", "no", "maybe")


@dataclass
class Abstract:
    id: str
    sentences: list[str]
    labels: list  # a role per sentence, or None (not labelled)
    question: str = ""
    answer: str = ""  # yes / no / maybe (PubMedQA's expert answer), "" when none
    origin: str = "pubmedqa"
    # per sentence, the roles its compound heading names ("BACKGROUND AND PURPOSE" -> background, objective), else
    # None; only refine_intro_labels reads it (training labels), so dev stays scored on single-role headings only
    compound: list | None = None

    @property
    def text(self) -> str:
        """The abstract as plain text, headings removed."""
        return " ".join(self.sentences)


def pubmedqa_path(settings=None, explicit: str | Path | None = None) -> Path | None:
    """The PubMedQA labelled file: an explicit path, else <repo>/../shared/data/pubmedqa; None when absent."""
    from medcore.config import shared_data

    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    return shared_data("pubmedqa", PUBMEDQA_FILE)


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def sentence_label(hmap, heading: str | None) -> str | None:
    """The weak label a heading gives each sentence under it: its role, or None (context only) when the heading is
    unknown or names two roles ("BACKGROUND AND PURPOSE", "METHODS AND RESULTS": NLM gives each structured-abstract
    label one category, and such a paragraph holds sentences of both; session 8, docs/evals/literature-s8)."""
    if not heading:
        return None
    named = hmap.roles_named(heading)
    return next(iter(named)) if len(named) == 1 else None


def from_pubmedqa(items: dict, hmap) -> list[Abstract]:
    out = []
    for pmid, item in items.items():
        contexts = item.get("CONTEXTS") or []
        labels = item.get("LABELS") or [None] * len(contexts)
        sents, roles, compound = [], [], []
        for para, heading in zip(contexts, labels):
            role = sentence_label(hmap, heading)
            named = hmap.roles_named(heading) if heading and role is None else set()
            for s in _split(para or ""):
                sents.append(s)
                roles.append(role)
                compound.append(frozenset(named) if len(named) > 1 else None)
        for s in _split(item.get("LONG_ANSWER") or ""):
            sents.append(s)
            roles.append("conclusions")
            compound.append(None)
        if sents:
            ans = str(item.get("final_decision") or "").lower()
            out.append(Abstract(str(pmid), sents, roles, str(item.get("QUESTION") or ""),
                                ans if ans in ANSWERS else "", "pubmedqa", compound))
    return out


def load_pubmedqa(settings, hmap, path: str | Path | None = None) -> list[Abstract]:
    p = pubmedqa_path(settings, path)
    if p is None:
        raise FileNotFoundError("PubMedQA data not found: expected ../shared/data/pubmedqa/pqal_dev.json "
                                "beside the repository (or pass --data PATH)")
    return from_pubmedqa(json.loads(p.read_text(encoding="utf-8")), hmap)


def is_dev(abstract_id: str, seed: int = 0, dev_share: float = DEV_SHARE) -> bool:
    h = hashlib.sha256(f"{seed}:{abstract_id}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2 ** 64 < dev_share


def split(abstracts: list[Abstract], seed: int = 0) -> tuple[list[Abstract], list[Abstract]]:
    """(train, dev) by a seeded hash of the id; only PubMedQA abstracts go to dev."""
    train, dev = [], []
    for a in abstracts:
        (dev if a.origin == "pubmedqa" and is_dev(a.id, seed) else train).append(a)
    return train, dev


def answered_conclusions(abstracts: list[Abstract]) -> list[tuple[Abstract, list[str]]]:
    """The items with a question and an expert answer, each with its authors' own conclusion sentences (the
    LONG_ANSWER, labelled conclusions): the one loop the answer studies (bench/literature_maybe.py,
    literature_hedges.py, literature_ask_cues.py) share."""
    return [(a, [s for s, lab in zip(a.sentences, a.labels) if lab == "conclusions"])
            for a in abstracts if a.question and a.answer in ANSWERS]


HOLDOUT_SEED = 1  # session 8: dev halved by a second hash; "holdout" is scored, never tuned on


def split_dev(dev: list[Abstract]) -> tuple[list[Abstract], list[Abstract]]:
    """(dev-tune, holdout): the dev abstracts halved by a hash of the PMID with seed HOLDOUT_SEED. Session 8 tuned
    its decisions on dev-tune (and train) only and scored holdout before and after; see docs/evals/literature-s8."""
    tune, hold = [], []
    for a in dev:
        (hold if is_dev(a.id, HOLDOUT_SEED, 0.5) else tune).append(a)
    return tune, hold


# ---- the user's library -----------------------------------------------------------------------
def _sentences_of(data: dict) -> list:
    """The sentence list of a stored paper, wherever the record keeps it (read defensively: the library's
    record layout may grow)."""
    for path in (("result", "paper", "sentences"), ("paper", "sentences"), ("sentences",)):
        cur = data
        for key in path:
            cur = cur.get(key) if isinstance(cur, dict) else None
        if isinstance(cur, list):
            return cur
    return []


def role_corrections(store) -> dict[tuple[int, int], str]:
    """{(paper item id, sentence idx): role} from role-correction feedback; later rows win."""
    out: dict[tuple[int, int], str] = {}
    try:
        rows = store.list_feedback(tool="literature", limit=100000)
    except Exception as exc:  # noqa: BLE001 - a principal who may not read feedback trains without corrections
        log.info("role corrections not read: %s", exc)
        return out
    for row in reversed(rows):  # oldest first, so the newest correction is applied last
        d = row.get("data") or {}
        if row.get("kind") != "role" or d.get("role") not in ROLES:
            continue
        try:
            out[(int(d["paper"]), int(d["idx"]))] = d["role"]
        except (KeyError, TypeError, ValueError):
            continue
    return out


def from_library(store, limit: int = 5000) -> list[Abstract]:
    """Abstracts from the user's stored papers: heading-labelled sentences and corrected ones are labels; other
    sentences are kept as unlabelled context. Papers with no label at all are skipped."""
    if store is None:
        return []
    try:
        records = store.list_work(kind="paper", limit=limit)
    except Exception as exc:  # noqa: BLE001 - no library is no extra data, never a failed training
        log.warning("library not read: %s", exc)
        return []
    fixes = role_corrections(store)
    out = []
    for rec in records:
        if getattr(rec, "status", "") == "deleted":
            continue
        sents, labels = [], []
        for s in _sentences_of(getattr(rec, "data", None) or {}):
            if not isinstance(s, dict) or not str(s.get("text") or "").strip():
                continue
            idx = s.get("idx", len(sents))
            role = s.get("role") if s.get("role_source") == "heading" and s.get("role") in ROLES else None
            role = fixes.get((rec.id, idx), role) if isinstance(idx, int) else role
            sents.append(str(s["text"]))
            labels.append(role)
        if any(labels):
            out.append(Abstract(f"paper:{rec.id}", sents, labels, origin="library"))
    return out


def gather(settings, hmap, store=None, *, data_path: str | Path | None = None,
           seed: int = 0, refine: bool = True) -> tuple[list[Abstract], list[Abstract]]:
    """(train, dev): PubMedQA split by PMID, plus the user's library in train. `refine=False` keeps the training
    labels as the authors' headings give them (the transition model is counted from those)."""
    abstracts = load_pubmedqa(settings, hmap, data_path)
    train, dev = split(abstracts, seed)
    return (refine_intro_labels(settings, train) if refine else train) + from_library(store), dev


INTRO_PAIR = frozenset({"background", "objective"})


def compound_intro_labels(abstract: Abstract, aim, study_aim) -> list:
    """Labels with the sentences under a compound introduction heading ("BACKGROUND AND PURPOSE", "RATIONALE AND
    OBJECTIVES") labelled by the reader's convention (session 14): a sentence stating the aim is objective, any
    other is background. Such a paragraph holds both kinds, so the weak labels leave it out; with the convention
    it is training data like any other introduction (docs/evals/literature-s14)."""
    from medcore.literature.intro_roles import states_aim

    comp = abstract.compound or [None] * len(abstract.labels)
    return [("objective" if states_aim(s, aim, study_aim) else "background") if lab is None and c == INTRO_PAIR
            else lab for s, lab, c in zip(abstract.sentences, abstract.labels, comp)]


def refine_intro_labels(settings, abstracts: list[Abstract]) -> list[Abstract]:
    """Training labels only (session 9): a paragraph heading labels the aim stated under BACKGROUND as background
    and the context under OBJECTIVE as objective; roles.split_intro relabels those sentences sentence by sentence
    (docs/evals/literature-s9). Sentences under a compound introduction heading are labelled the same way
    (compound_intro_labels, session 14). Other unlabelled sentences stay unlabelled; dev and holdout labels are
    never changed here (they are scored against the weak labels and, separately, the hand-written gold)."""
    from medcore.literature import kb
    from medcore.literature.intro_roles import split_intro

    groups = kb.load(str(kb.kb_dir_of(settings)), "cues")["groups"]
    aim, study_aim = kb.cue_regex(groups["aim_statement"]["cues"]), kb.cue_regex(groups["study_aim"]["cues"])
    out, changed = [], 0
    for a in abstracts:
        labels = split_intro(a.sentences, compound_intro_labels(a, aim, study_aim), aim, study_aim)
        changed += sum(x != y for x, y in zip(labels, a.labels))
        out.append(Abstract(a.id, a.sentences, labels, a.question, a.answer, a.origin, a.compound))
    log.info("intro labels refined: %d sentences", changed)
    return out
