"""Ranked concept search over the lexicon: `search("short of breath", k)` -> hits with the concept, the
synonym that matched and a score in [0, 1].

An inverted index (token -> lexicon keys) stored as numpy arrays beside the lexicon (no pickle).
A key scores by the IDF-weighted share of the query's tokens it holds, times how much of the key
the query covers; the last query token also matches as a prefix, so typing 'hypert' finds
hypertension. Exact key equality scores 1. Each concept appears once, under its best synonym."""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass

import numpy as np

from medcore.atomic import tmp_sibling
from medcore.knowledge.concepts import Concept
from medcore.knowledge.normalize import tokenize

_PREFIX_LIMIT = 60


@dataclass(frozen=True)
class Hit:
    concept: Concept
    synonym: str
    score: float

    def to_dict(self) -> dict:
        c = self.concept
        return {"id": c.id, "type": c.type, "name": c.name, "codes": {k: list(v) for k, v in c.codes.items()},
                "matched": self.synonym, "score": round(self.score, 4)}


class Searcher:
    def __init__(self, terminology, keys, vocab, indptr, postings, ntok):
        self.t = terminology
        self.keys = keys  # lexicon keys, position = key id
        self.vocab = vocab  # sorted tokens
        self.indptr = indptr
        self.postings = postings
        self.ntok = ntok
        self.idf = np.log((len(keys) + 1) / (np.diff(indptr) + 1)).astype(np.float32) + 1.0
        self.key_index = {k: i for i, k in enumerate(keys)}

    @classmethod
    def load_or_build(cls, terminology) -> "Searcher":
        folder = terminology.folder
        files = [folder / f for f in ("search_keys.json", "search_indptr.npy", "search_postings.npy", "search_ntok.npy")]
        if all(f.is_file() for f in files):
            doc = json.loads(files[0].read_text(encoding="utf-8"))
            return cls(terminology, doc["keys"], doc["vocab"], np.load(files[1]), np.load(files[2]), np.load(files[3]))
        keys = sorted(terminology.lexicon.terms)
        by_token: dict[str, list[int]] = {}
        ntok = np.zeros(len(keys), dtype=np.int16)
        for i, k in enumerate(keys):
            toks = k.split(" ")
            ntok[i] = len(toks)
            for tok in set(toks):
                by_token.setdefault(tok, []).append(i)
        vocab = sorted(by_token)
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(by_token[v]) for v in vocab])
        postings = np.fromiter((i for v in vocab for i in by_token[v]), dtype=np.int32, count=int(indptr[-1]))
        for f, arr in zip(files[1:], (indptr, postings, ntok)):
            tmp = tmp_sibling(f, ".npy")  # np.save wants the .npy suffix
            np.save(tmp, arr)
            tmp.replace(f)
        tmp = tmp_sibling(files[0])
        tmp.write_text(json.dumps({"keys": keys, "vocab": vocab}, separators=(",", ":")), encoding="utf-8")
        tmp.replace(files[0])  # written last: its presence means the index is complete
        return cls(terminology, keys, vocab, indptr, postings, ntok)

    def _token_ids(self, tok: str, prefix: bool) -> list[int]:
        i = bisect.bisect_left(self.vocab, tok)
        out = [i] if i < len(self.vocab) and self.vocab[i] == tok else []
        if prefix and len(tok) >= 3:
            j = i + len(out)
            while j < len(self.vocab) and self.vocab[j].startswith(tok) and len(out) < _PREFIX_LIMIT:
                out.append(j)
                j += 1
        return out

    def search(self, query: str, k: int = 10, types=None) -> list[Hit]:
        joined, _ = tokenize(query, self.t.variants)
        qtoks = list(dict.fromkeys(t.key for t in joined))
        if not qtoks:
            return []
        lex = self.t.lexicon
        scores = np.zeros(len(self.keys), dtype=np.float32)
        hits = np.zeros(len(self.keys), dtype=np.int16)
        total = 0.0
        for n, tok in enumerate(qtoks):
            ids = self._token_ids(tok, prefix=n == len(qtoks) - 1)
            if not ids:
                total += math.log(len(self.keys) + 1) + 1.0
                continue
            w = float(max(self.idf[i] for i in ids))
            total += w
            rows = np.unique(np.concatenate([self.postings[self.indptr[i]:self.indptr[i + 1]] for i in ids]))
            scores[rows] += w
            hits[rows] += 1
        cand = np.nonzero(hits)[0]
        if not len(cand):
            return []
        cover = hits[cand] / np.maximum(self.ntok[cand], 1)
        final = (scores[cand] / total) * np.sqrt(np.minimum(cover, 1.0))
        exact = self.key_index.get(" ".join(t.key for t in joined))
        order = np.argsort(-final, kind="stable")
        out: dict[str, Hit] = {}
        ranked = ([(exact, 1.0)] if exact is not None else []) + [(int(cand[j]), float(final[j])) for j in order[:4000]]
        for key_id, score in ranked:
            for idx in lex.concepts_of(self.keys[key_id]):
                if types and lex.types[idx] not in types:
                    continue
                cid = lex.ids[idx]
                if cid not in out:
                    concept = self.t.get(cid)
                    if concept is not None:
                        out[cid] = Hit(concept, self.keys[key_id], round(score, 4))
            if len(out) >= k * 3:
                break
        prio = {t: i for i, t in enumerate(("condition", "finding", "procedure", "test", "drug", "product", "class",
                                            "gene", "hpo", "icd10cm"))}
        return sorted(out.values(), key=lambda h: (-h.score, prio.get(h.concept.type, 99)))[:k]
