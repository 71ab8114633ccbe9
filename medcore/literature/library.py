"""The library of read papers: store kind `paper`, one item per paper, per user.

A saved paper is the reader's whole result as JSON (the card, the sentences, the extraction) plus a small
index (citation, design, N, conditions, drugs) for listing and search, and the knowledge-graph edges it
adds (`graph_edges`, read by medcore.knowledge.overlay). The store checks the owner on every call
(`store.as_user`); the tool check is repeated here for reads, which the store leaves to the caller.
A paper read again (same PMID or DOI) updates its item, so the library holds it once and keeps every
version; delete marks the item `deleted` (its versions stay, as every save does)."""

from __future__ import annotations

import hashlib

from dataclasses import asdict, dataclass, field

from medcore.auth import require_tool
from medcore.knowledge.overlay import DELETED, EDGES_KEY, PAPER_KIND
from medcore.literature.graph_edges import citation, paper_edges
from medcore.literature.inputs import shown_title

TOOL = "literature"
MAX_PAPERS = 5000


@dataclass
class PaperEntry:
    """One row of the library: what a list, a search or the evidence table needs without the full text."""

    id: int
    title: str
    citation: str
    pmid: str = ""
    doi: str = ""
    year: int | None = None
    journal: str = ""
    design: str = "unknown"
    n: int | None = None
    conditions: list[str] = field(default_factory=list)  # names as written or as coded
    condition_ids: list[str] = field(default_factory=list)
    drugs: list[str] = field(default_factory=list)  # interventions and comparators
    drug_ids: list[str] = field(default_factory=list)
    updated: str = ""
    version: int = 1

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Saved:
    id: int
    duplicate: bool  # True: the paper was already in the library (same PMID or DOI) and was updated
    edges: int


def _check(store) -> None:
    if store.principal is not None:
        require_tool(store.principal, TOOL)


def as_dict(result) -> dict:
    """A ReadResult or its JSON: the library stores and reads the JSON, so it accepts either."""
    return result.to_dict() if hasattr(result, "to_dict") else dict(result)


def _items(pico_part) -> list[dict]:
    return [x for x in (pico_part or []) if isinstance(x, dict)]


def index_of(result: dict) -> dict:
    """The searchable fields of one read paper."""
    paper, pico = result.get("paper") or {}, result.get("pico") or {}
    pop = pico.get("population") or {}
    conds = _items(pop.get("conditions"))
    drugs = _items(pico.get("interventions")) + _items(pico.get("comparators"))
    return {
        "title": shown_title(str(paper.get("title") or ""), str(paper.get("text") or "")), "pmid": str(paper.get("pmid") or "").strip(),
        "doi": str(paper.get("doi") or "").strip().lower(), "year": paper.get("year"),
        "journal": str(paper.get("journal") or ""), "design": str((result.get("design") or {}).get("kind") or "unknown"),
        "n": pop.get("n"), "citation": citation(paper),
        "conditions": list(dict.fromkeys(str(c.get("text") or "") for c in conds if c.get("text"))),
        "condition_ids": list(dict.fromkeys(c["concept_id"] for c in conds if c.get("concept_id"))),
        "drugs": list(dict.fromkeys(str(d.get("text") or "") for d in drugs if d.get("text"))),
        "drug_ids": list(dict.fromkeys(d["concept_id"] for d in drugs if d.get("concept_id"))),
        "text_sha": text_digest(paper),
    }


def text_digest(paper: dict) -> str:
    """A digest of the paper's title and text (whitespace and case folded): the same paste read twice."""
    words = " ".join(f"{paper.get('title') or ''} {paper.get('text') or ''}".lower().split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest() if words else ""


def _entry(rec) -> PaperEntry:
    ix = rec.data.get("index") or {}
    return PaperEntry(id=rec.id, title=rec.title or ix.get("title") or "(untitled)", citation=ix.get("citation", ""),
                      pmid=ix.get("pmid", ""), doi=ix.get("doi", ""), year=ix.get("year"),
                      journal=ix.get("journal", ""), design=ix.get("design", "unknown"), n=ix.get("n"),
                      conditions=list(ix.get("conditions", [])), condition_ids=list(ix.get("condition_ids", [])),
                      drugs=list(ix.get("drugs", [])), drug_ids=list(ix.get("drug_ids", [])),
                      updated=rec.updated.isoformat(timespec="seconds") if rec.updated else "", version=rec.version)


def _records(store):
    return [r for r in store.list_work(kind=PAPER_KIND, limit=MAX_PAPERS) if r.status != DELETED]


def find_duplicate(store, pmid: str, doi: str, text_sha: str = ""):
    """The user's saved paper with this PMID or DOI (case-insensitive), if any; for a paper with neither, the
    unidentified one with the same text (hands-on check s28: a paste read twice, or a double click, filled the library with
    copies)."""
    pmid, doi = (pmid or "").strip(), (doi or "").strip().lower()
    if not pmid and not doi and not text_sha:
        return None
    for rec in _records(store):
        ix = rec.data.get("index") or {}
        if (pmid and ix.get("pmid") == pmid) or (doi and ix.get("doi") == doi):
            return rec
        if (not pmid and not doi and text_sha and ix.get("text_sha") == text_sha
                and not ix.get("pmid") and not ix.get("doi")):  # an identified paper is matched by its identifier
            return rec
    return None


def save_paper(store, result, *, workspace: str | None = None, user: str | None = None) -> Saved:
    """Save (or, for a paper already there by PMID/DOI, update) one read paper; audited without its text."""
    _check(store)
    data = as_dict(result)
    ix = index_of(data)
    edges = paper_edges(data)
    dup = find_duplicate(store, ix["pmid"], ix["doi"], ix["text_sha"])
    if dup is not None:  # a re-read that lacks an identifier (a paste without its DOI) keeps the known one
        old = dup.data.get("index") or {}
        ix["pmid"], ix["doi"] = ix["pmid"] or old.get("pmid", ""), ix["doi"] or old.get("doi", "")
    item = store.save_work(PAPER_KIND, {"result": data, "index": ix, EDGES_KEY: edges},
                           item_id=dup.id if dup else None, title=ix["title"][:256] or "(untitled paper)",
                           workspace=workspace, reason="read again" if dup else "read", user=user)
    store.audit("save_paper", tool=TOOL, user=user, object_type=PAPER_KIND, object_id=item, ok=True,
                count=len(edges), kind=ix["design"][:64])
    return Saved(item, dup is not None, len(edges))


def list_papers(store) -> list[PaperEntry]:
    _check(store)
    return [_entry(r) for r in _records(store)]


def get_paper(store, item_id: int) -> dict | None:
    """The stored reader result (JSON) of one of the user's papers, or None (unknown, deleted, another's)."""
    _check(store)
    rec = store.get_work(int(item_id))
    if rec is None or rec.kind != PAPER_KIND or rec.status == DELETED:
        return None
    return dict(rec.data.get("result") or {})


def delete_paper(store, item_id: int) -> bool:
    """Remove a paper from the library (its versions stay in the store). False when it is not the user's."""
    _check(store)
    rec = store.get_work(int(item_id))
    if rec is None or rec.kind != PAPER_KIND or rec.status == DELETED:
        return False
    store.set_work_status(rec.id, DELETED)
    store.audit("delete_paper", tool=TOOL, object_type=PAPER_KIND, object_id=rec.id)
    return True


def correct_role(store, item_id: int, idx: int, role: str) -> bool:
    """A reader's correction of one sentence's role: the stored paper keeps it (a new version, role_source
    'correction'), and a feedback row (tool literature, kind role) feeds `train literature`. False when the
    paper is not the user's or the sentence does not exist."""
    from medcore.literature.model import ROLES

    _check(store)
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    rec = store.get_work(int(item_id))
    if rec is None or rec.kind != PAPER_KIND or rec.status == DELETED:
        return False
    data = dict(rec.data)
    sents = ((data.get("result") or {}).get("paper") or {}).get("sentences") or []
    if not 0 <= idx < len(sents):
        return False
    sents[idx] = {**sents[idx], "role": role, "role_source": "correction", "role_score": 1.0}
    store.save_work(PAPER_KIND, data, item_id=rec.id, reason=f"role of sentence {idx + 1} corrected")
    store.add_feedback(TOOL, "role", item_id=rec.id, reason="role correction",
                       data={"paper": rec.id, "idx": idx, "role": role})
    return True


def _has(values: list[str], wanted: str) -> bool:
    w = wanted.strip().lower()
    return not w or any(w in v.lower() for v in values)


def search(store, text: str = "", *, title: str = "", condition: str = "", drug: str = "",
           design: str = "") -> list[PaperEntry]:
    """The user's papers matching every filter given: `condition` and `drug` match a name as written or a
    concept id (condition:asthma), `design` the design kind exactly, `text` any field or the paper's text."""
    return [e for e, _ in search_results(store, text, title=title, condition=condition, drug=drug, design=design)]


def search_results(store, text: str = "", *, title: str = "", condition: str = "", drug: str = "",
                   design: str = "") -> list[tuple[PaperEntry, dict]]:
    """`search` with each paper's stored result, from one read of the library (the evidence table uses it)."""
    _check(store)
    out = []
    for rec in _records(store):
        e = _entry(rec)
        if not _has([e.title], title) or not _has(e.conditions + e.condition_ids, condition):
            continue
        if not _has(e.drugs + e.drug_ids, drug) or (design and e.design != design):
            continue
        result = rec.data.get("result") or {}
        if text.strip():
            paper = result.get("paper") or {}
            hay = [e.title, e.citation, e.journal, e.pmid, e.doi, e.design, *e.conditions, *e.drugs,
                   *e.condition_ids, *e.drug_ids, str(paper.get("text") or "")]
            if not all(_has(hay, word) for word in text.split()):
                continue
        out.append((e, dict(result)))
    return out
