"""The symptom chat's phrase index: every finding synonym as token n-grams (exact and normal form), the
longest-first matcher over a clause, and MiniLM embeddings for lay phrasings the synonym list misses.

Speed: phrase matching is a dictionary lookup over token n-grams (no model). Only the few text chunks with
no phrase match are embedded, in one batch, against synonym embeddings computed once per knowledge base
(and cached on disk)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from medcore.triage.kb import KnowledgeBase
from medcore.triage.tokens import normal_form, stem, tokens

BLOCK = "~"  # id prefix of a not_synonyms phrase in the lexicon


class Lexicon:
    """Token n-gram index of every synonym and finding name."""

    def __init__(self, kb: KnowledgeBase, extra: dict[str, Iterable[str]] | None = None):
        """`extra`: more exact phrases per finding id (the shared terminology's clinical words, see
        `terminology_phrases`); they are matched like synonyms but stay out of the embedding index."""
        self.kb = kb
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        self.rows: list[tuple[str, str]] = []  # (finding id, phrase) for the embedding index
        self.absent: set[tuple[str, ...]] = set()  # phrases that say a finding is absent
        self.normal: dict[tuple[str, ...], list[str]] = {}  # the same phrases in normal form (fallback)
        for f in kb.findings:
            for phrase in f.absent_synonyms:
                toks = tuple(tokens(phrase))
                self.phrases.setdefault(toks, []).append("!" + f.id)
                self.absent.add(toks)
                self._add_normal(toks, "!" + f.id)
            for phrase in f.not_synonyms:  # 'cut down on': matched (so it wins over 'cut'), then dropped
                toks = tuple(tokens(phrase))
                self.phrases.setdefault(toks, []).append(BLOCK + f.id)
                self._add_normal(toks, BLOCK + f.id)
            for phrase in dict.fromkeys((*f.synonyms, f.name)):
                toks = tuple(tokens(phrase))
                if not toks:
                    continue
                ids = self.phrases.setdefault(toks, [])
                if f.id not in ids:
                    ids.append(f.id)
                self._add_normal(toks, f.id)
                self.rows.append((f.id, phrase))
        for fid, phrases in (extra or {}).items():
            for phrase in phrases:
                toks = tuple(tokens(phrase))
                if toks and toks not in self.phrases:
                    self.phrases[toks] = [fid]
                    self._add_normal(toks, fid)
        self.max_len = max(len(k) for k in self.phrases)
        self.max_normal_len = max(len(k) for k in self.normal)
        self.pain_words = {stem(w) for w in kb.body_pain.get("pain_words", [])}
        self.body_parts = {stem(k): v for k, v in kb.body_pain.get("parts", {}).items()}
        self.vocabulary = {t for k in self.phrases for t in k}

    def _add_normal(self, toks: tuple[str, ...], fid: str) -> None:
        norm = normal_form(list(toks))
        # A phrase that starts or ends with a left-out word ('being sick') keeps its exact form only: its
        # bare normal form ('sick') would say something else. A single word has no other form to find.
        if len(norm) < 2 or norm[0][1] != 0 or norm[-1][2] != len(toks):
            return
        ids = self.normal.setdefault(tuple(t for t, _, _ in norm), [])
        if fid not in ids:
            ids.append(fid)


def terminology_phrases(kb: KnowledgeBase, terminology) -> dict[str, list[str]]:
    """The shared terminology's words for each triage finding (concept `finding:<id>`: HPO names and
    synonyms, clinical terms) that the triage KB's own synonyms lack: 'dyspnea', 'hematemesis', 'polyuria'.

    A word is left out when it could say something else here: one claimed by two findings ('dizzy spell'),
    or a single word that is already part of a triage phrase ('tearing' in 'tearing chest pain'), since on
    its own it would add a finding inside a description of another."""
    own = Lexicon(kb)
    words_in_phrases = {t for k in own.phrases if len(k) > 1 for t in k}
    claimed: dict[tuple[str, ...], set[str]] = {}
    found: dict[str, dict[tuple[str, ...], str]] = {}
    for c in terminology.concepts("finding"):
        fid = c.id.split(":", 1)[1]
        if fid not in kb.finding_index:
            continue
        for phrase in (c.name, *c.synonyms):
            toks = tuple(tokens(phrase))
            if not toks:
                continue
            claimed.setdefault(toks, set()).add(fid)
            found.setdefault(fid, {}).setdefault(toks, phrase)
    out: dict[str, list[str]] = {}
    for fid, keys in found.items():
        for toks, phrase in keys.items():
            if toks in own.phrases or len(claimed[toks]) > 1:
                continue
            if len(toks) == 1 and toks[0] in words_in_phrases:
                continue
            out.setdefault(fid, []).append(phrase)
    return out


def _unblocked(matches: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """Matches without the not_synonyms phrases: those say nothing, they only keep a shorter synonym out
    ('cut down on smoking' is matched whole, so 'cut' is not)."""
    out = [(s, e, [i for i in ids if not i.startswith(BLOCK)]) for s, e, ids in matches]
    return [m for m in out if m[2]]


_MATRICES: dict[tuple, np.ndarray] = {}


class EmbeddingIndex:
    """Synonym embeddings (computed once, cached as .npy next to the data dir) for lay matching."""

    def __init__(self, lexicon: Lexicon, embed_fn: Callable[[list[str]], np.ndarray], cache_dir: Path | None = None,
                 threshold: float = 0.74, margin: float = 0.04):
        self.lexicon = lexicon
        self.embed_fn = embed_fn
        self.threshold = threshold
        self.margin = margin
        self.ids = [fid for fid, _ in lexicon.rows]
        self.phrases = [p for _, p in lexicon.rows]
        mem_key = (lexicon.kb.digest, len(self.phrases), getattr(embed_fn, "__qualname__", repr(embed_fn)))
        if mem_key in _MATRICES:  # one computation per process, whatever the data dir
            self.matrix = _MATRICES[mem_key]
            return
        cache = None
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            cache = cache_dir / f"synonyms-{lexicon.kb.digest[:16]}-{len(self.phrases)}.npy"
        if cache is not None and cache.is_file():
            self.matrix = np.load(cache)
        else:
            self.matrix = np.asarray(embed_fn(self.phrases), dtype=np.float32)
            if cache is not None:
                tmp = cache.with_suffix(".tmp.npy")
                np.save(tmp, self.matrix)
                tmp.replace(cache)
        _MATRICES[mem_key] = self.matrix

    def match(self, chunks: list[str]) -> list[tuple[int, str, float]]:
        """For each chunk, its best finding if the cosine similarity clears the threshold."""
        if not chunks:
            return []
        q = np.asarray(self.embed_fn(chunks), dtype=np.float32)
        sims = q @ self.matrix.T
        out = []
        for i in range(len(chunks)):
            order = np.argsort(-sims[i])
            j = int(order[0])
            runner_up = next((float(sims[i, k]) for k in order[1:50] if self.ids[k] != self.ids[j]), 0.0)
            # A clear winner only: near-ties between findings are where embeddings guess.
            if sims[i, j] >= self.threshold and sims[i, j] - runner_up >= self.margin:
                out.append((i, self.ids[j], float(sims[i, j])))
        return out


def _match_clause(lex: Lexicon, toks: list[str]) -> list[tuple[int, int, list[str]]]:
    """Greedy longest-first phrase matches: (start, end, finding ids). At each token the exact n-gram
    index is tried first; the normal form (no 'be', quantities) wins only with a longer match."""
    norm = normal_form(toks)
    norm_at = {s: p for p, (_, s, _) in enumerate(norm)}
    out, i, n = [], 0, len(toks)
    while i < n:
        best = None
        for L in range(min(lex.max_len, n - i), 0, -1):
            ids = lex.phrases.get(tuple(toks[i:i + L]))
            if ids:
                best = (i + L, ids)
                break
        p = norm_at.get(i)
        if p is not None:
            for M in range(min(lex.max_normal_len, len(norm) - p), 0, -1):
                ids = lex.normal.get(tuple(t for t, _, _ in norm[p:p + M]))
                if ids:
                    end = norm[p + M - 1][2]
                    if best is None or end > best[0]:
                        best = (end, ids)
                    break
        if best is None:
            i += 1
        else:
            out.append((i, best[0], best[1]))
            i = best[0]
    return out


def _add_body_pain(lex: Lexicon, toks: list[str], matches: list) -> list:
    """'my knee is killing me': a body part plus a pain word, when no pain finding matched there."""
    kb = lex.kb
    located = [m for m in matches if any(not fid.startswith("!") and fid != "severe_pain"
                                         and kb.finding(fid).category == "pain" for fid in m[2])]
    if located:
        return matches
    covered = {t for (s, e, ids) in matches if ids != ["severe_pain"] for t in range(s, e)}
    parts = [i for i, t in enumerate(toks) if t in lex.body_parts and i not in covered]
    pains = [i for i, t in enumerate(toks) if t in lex.pain_words and i not in covered]
    if not parts or not pains:
        return matches
    b = parts[0]
    p = min(pains, key=lambda i: abs(i - b))
    if abs(p - b) > 8:
        return matches
    s, e = min(b, p), max(b, p) + 1
    # the composite may span a 'severe pain' match; other matches inside it stay as they are
    if any(ms < s < me or ms < e - 1 < me for (ms, me, ids) in matches if ids != ["severe_pain"]):
        return matches
    return sorted([*matches, (b, b + 1, [lex.body_parts[toks[b]]])])
