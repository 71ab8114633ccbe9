"""The embedding fallback: short phrases the exact lexicon left unmatched, compared with the names and
synonyms of our own concepts (conditions, findings, procedures, tests) in MiniLM space
(`medcore.embeddings.embed`). A phrase becomes a mention when its best cosine reaches the threshold
calibrated on a labelled dev set (assets/kb/knowledge/match_dev.yaml -> fallback.yaml; `calibrate`).

The index is the shared one (`knowledge.embedding_index`, also under the symptom chat): the concept-term
vectors are computed once per lexicon and stored beside it as .npy (no pickle)."""

from __future__ import annotations

import json
import logging
import re

import numpy as np

from medcore.knowledge.concepts import Mention
from medcore.knowledge.embedding_index import EmbeddingIndex, load_settings

log = logging.getLogger(__name__)

FALLBACK_TYPES = ("condition", "finding", "procedure", "test")
MAX_PHRASE_TOKENS = 5
_CLAUSE = re.compile(r"[^.;:,()\[\]\n!?]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# function words and note boilerplate that never start or end a clinical phrase
STOPWORDS = frozenset("""a an the and or but of in on at to for with without from by as is are was were be been being
has have had do does did not no nor this that these those it its he she they we i you his her their our my your him
them me us who whom which what when where why how all any both each few more most other some such only own same so
than too very can will just should now then there here also into over under again further once per via patient pt
today yesterday tomorrow day days week weeks month months year years ago since until after before during while
mr mrs ms dr seen reports report noted notes states stated says said given taking takes took presents presented
denies denied history complains complaining""".split())
JOINERS = frozenset({"of", "for", "in", "on", "with", "to", "the", "a", "an", "and", "at", "all"})


_indexes: dict[str, EmbeddingIndex] = {}


def threshold(kb_dir) -> float:
    return load_settings(kb_dir).threshold


def _embed(texts: list[str]) -> np.ndarray:
    from medcore.embeddings import embed  # looked up at call time (tests replace it)

    return embed(texts)


def _index(term) -> EmbeddingIndex:
    """The terminology's concept terms in one shared embedding index (knowledge.embedding_index), the rows kept
    beside the lexicon as JSON, their vectors as .npy."""
    key = str(term.folder)
    idx = _indexes.get(key)
    if idx is not None:
        return idx
    meta = term.folder / "fallback_terms.json"
    if meta.is_file():
        doc = json.loads(meta.read_text(encoding="utf-8"))
        terms, concepts, types = doc["terms"], doc["concepts"], doc["types"]
    else:
        terms, concepts, types = _rows(term)
        meta.write_text(json.dumps({"terms": terms, "concepts": concepts, "types": types}), encoding="utf-8")
    idx = EmbeddingIndex.build(concepts, terms, _embed, load_settings(term.kb_dir),
                               cache=term.folder / "fallback_vecs.npy", kinds=types)
    _indexes[key] = idx
    return idx


def _rows(term) -> tuple[list[str], list[str], list[str]]:
    """(terms, concept ids, types): every name and synonym of the fallback's concept types, lower-cased, once."""
    seen: set[str] = set()
    terms, concepts, types = [], [], []
    for kind in FALLBACK_TYPES:
        for c in term.concepts(kind):
            for form in (c.name, *c.synonyms):
                low = form.lower().strip()
                if low in seen or len(low) < 3 or len(low.split()) > 8:
                    continue
                seen.add(low)
                terms.append(low)
                concepts.append(c.id)
                types.append(kind)
    return terms, concepts, types


def candidate_phrases(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of short phrases with no exact mention: within a clause, runs of words outside any mention,
    broken at function words other than the few that join a phrase ('struggling for breath', 'pain in
    the chest'), trimmed of those at either end, 1 to MAX_PHRASE_TOKENS words long."""
    out = []
    for clause in _CLAUSE.finditer(text):
        run: list[re.Match] = []
        for w in [*_WORD.finditer(text, clause.start(), clause.end()), None]:
            low = w.group().lower() if w is not None else ""
            inside = w is not None and any(s < w.end() and w.start() < e for s, e in covered)
            if w is not None and not inside and (low not in STOPWORDS or (run and low in JOINERS)):
                run.append(w)
                continue
            while run and run[-1].group().lower() in STOPWORDS:
                run.pop()
            if run and len(run) <= MAX_PHRASE_TOKENS and any(len(x.group()) >= 4 for x in run):
                out.append((run[0].start(), run[-1].end()))
            run = []
    return out


def best_matches(term, phrases: list[str], types=None) -> list[tuple[str, str, float]]:
    """(concept id, matched term, cosine) of the nearest concept term for each phrase."""
    if not phrases:
        return []
    idx = _index(term)
    return [(idx.ids[j], idx.phrases[j], score) for j, score in idx.nearest(phrases, types)]


def fallback_mentions(term, text: str, tokens, exact: list[Mention], types=None,
                      min_score: float | None = None) -> list[Mention]:
    spans = candidate_phrases(text, [(m.start, m.end) for m in exact])
    if not spans:
        return []
    allowed = set(types) & set(FALLBACK_TYPES) if types else None
    if allowed is not None and not allowed:
        return []
    cut = threshold(term.kb_dir) if min_score is None else min_score  # read each time: a re-calibration applies
    hits = _index(term).hits([text[s:e] for s, e in spans], allowed, cut)
    return [Mention(spans[h.query][0], spans[h.query][1], text[slice(*spans[h.query])], h.id, h.id.split(":", 1)[0],
                    h.phrase, h.score, "embedding") for h in hits]


def evaluate(term, examples: list[dict], cut: float, preds=None) -> dict:
    """Precision and recall of the fallback on labelled phrases at one threshold. A phrase is right when
    its nearest concept is one of the labelled ones; a negative (concept: null) is wrong when it matches."""
    preds = preds if preds is not None else best_matches(term, [e["phrase"] for e in examples])
    tp = fp = 0
    positives = 0
    for e, (cid, _, score) in zip(examples, preds):
        gold = e["concept"] if isinstance(e["concept"], list) else [e["concept"]] if e["concept"] else []
        positives += bool(gold)
        if score >= cut:
            tp, fp = (tp + 1, fp) if cid in gold else (tp, fp + 1)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return {"threshold": cut, "precision": round(precision, 4), "recall": round(tp / positives if positives else 0, 4),
            "tp": tp, "fp": fp, "positives": positives}


def calibrate(term, examples: list[dict], min_precision: float = 0.9, preds=None) -> dict:
    """The threshold with the best recall whose precision on the dev set reaches `min_precision`; among those
    with that recall, the highest (the fewest false matches). Lowering the threshold below the last right
    answer only lets wrong ones in: the lowest such threshold sat just above the best-scoring negative."""
    grid = [round(float(x), 3) for x in np.arange(0.40, 0.951, 0.01)]
    preds = preds if preds is not None else best_matches(term, [e["phrase"] for e in examples])
    results = [evaluate(term, examples, t, preds) for t in grid]
    ok = [r for r in results if r["precision"] >= min_precision and r["tp"]]
    if not ok:
        return max(results, key=lambda r: r["precision"])
    best = max(r["tp"] for r in ok)
    return max((r for r in ok if r["tp"] == best), key=lambda r: r["threshold"])
