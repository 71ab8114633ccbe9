"""Names to graph concepts: a small index over the graph's own node names and synonyms.

`find` picks the concept mentions out of a question, longest phrase first, and `search` ranks graph
concepts for a typed text. `extra` adds names from the shared terminology (HPO and ICD-10-CM synonyms,
the problem list, therapy condition ids merged into one graph node), so "dyspnea" finds the finding
the graph calls "Shortness of breath"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from medcore.knowledge.graph import KnowledgeGraph

# Words of the question forms themselves: never a concept on their own, whatever a synonym list says.
QUESTION_WORDS = frozenset("""what which who whom does do did is are was were can could may might the a an of for
with in on at to by and or not no it its my me i you your there their this that these those when where why how
cause causes causing caused treat treats treatment treatments therapy first line second best drug drugs medicine
medicines interact interacts interaction interactions red flag flags warning sign signs test tests confirm confirms
diagnose diagnosis below under less than above dose doses change changes adjust need needs cpic recommend recommends
recommendation phenotype genotype patient patients allergy allergic pregnancy pregnant ckd options option show
everything all list give tell about""".split())

_NON_WORD = re.compile(r"[^a-z0-9]+")
TYPE_ORDER = {"condition": 0, "drug": 1, "product": 2, "finding": 3, "gene": 4, "test": 5, "class": 6, "procedure": 7}


def norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Hit:
    concept_id: str
    type: str
    name: str
    synonym: str  # the name or synonym that matched (normalised)
    score: float
    start: int = -1  # character offsets in the question (find only)
    end: int = -1


class Resolver:
    def __init__(self, kg: KnowledgeGraph, extra: dict[str, list[str]] | None = None,
                 nodes: set[str] | None = None):
        """`nodes`: index only these (the graph-only concepts, next to the terminology's search)."""
        self.kg = kg
        self.index: dict[str, list[tuple[str, bool]]] = {}  # phrase -> [(node id, is the preferred name)]
        extra = extra or {}
        for n, d in kg.g.nodes(data=True):
            if nodes is not None and n not in nodes:
                continue
            for phrase, is_name in [(d["name"], True), (n.split(":", 1)[1].replace("_", " "), True),
                                    *[(s, False) for s in d["synonyms"]], *[(s, False) for s in extra.get(n, ())]]:
                key = norm(phrase)
                if key:
                    entry = self.index.setdefault(key, [])
                    if all(x[0] != n for x in entry):
                        entry.append((n, is_name))
        for key, entry in self.index.items():
            entry.sort(key=lambda x: self._rank(x[0], x[1]))
        self.keys = list(self.index)

    def _rank(self, node_id: str, is_name: bool) -> tuple:
        d = self.kg.g.nodes[node_id]
        # the preferred name first; a triage condition (with findings) before a therapy-only one; patient states last
        return (not is_name, d["attrs"].get("kind") == "patient_state", TYPE_ORDER.get(d["type"], 9),
                "triage" not in d["attrs"], node_id)

    def _hit(self, node_id: str, synonym: str, score: float, start: int = -1, end: int = -1) -> Hit:
        d = self.kg.g.nodes[node_id]
        return Hit(node_id, d["type"], d["name"], synonym, score, start, end)

    def search(self, text: str, limit: int = 10, types: set[str] | None = None, fuzzy: bool = True) -> list[Hit]:
        q = norm(text)
        if not q:
            return []
        q_sing = " ".join(singular(w) for w in q.split())
        scored: dict[str, Hit] = {}

        def offer(node_id: str, phrase: str, score: float) -> None:
            if types and self.kg.g.nodes[node_id]["type"] not in types:
                return
            if node_id not in scored or scored[node_id].score < score:
                scored[node_id] = self._hit(node_id, phrase, score)

        if text.strip() in self.kg.g:
            offer(text.strip(), text.strip(), 1.0)
        q_words = set(q_sing.split())
        for key in self.keys:
            if key in (q, q_sing):
                score = 0.95
            elif key.startswith(q):
                score = 0.8 - 0.001 * (len(key) - len(q))
            elif f" {q}" in f" {key}":
                score = 0.7 - 0.001 * (len(key) - len(q))
            elif len(q_words) > 1 and q_words <= {singular(w) for w in key.split()}:
                score = 0.6
            else:
                continue
            for node_id, is_name in self.index[key]:
                offer(node_id, key, score + (0.005 if is_name else 0.0))
        if fuzzy and not scored and len(q) >= 4:  # a typo: nearest phrases by edit similarity
            for key in difflib.get_close_matches(q, self.keys, n=limit, cutoff=0.8):
                ratio = difflib.SequenceMatcher(None, q, key).ratio()
                for node_id, _ in self.index[key]:
                    offer(node_id, key, 0.5 * ratio)
        return sorted(scored.values(), key=lambda h: (-h.score, TYPE_ORDER.get(h.type, 9), h.concept_id))[:limit]

    def find(self, text: str, types: set[str] | None = None, max_words: int = 6) -> list[Hit]:
        """Concept mentions in a question: the longest phrase wins, mentions do not overlap."""
        tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9]+", text)]
        words = [t[0].lower() for t in tokens]
        used = [False] * len(tokens)
        hits: list[Hit] = []
        for n in range(min(max_words, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                if any(used[i:i + n]):
                    continue
                span = words[i:i + n]
                if n == 1 and (span[0] in QUESTION_WORDS or span[0].isdigit()):
                    continue
                for phrase in (" ".join(span), " ".join(singular(w) for w in span)):
                    cands = [c for c, _ in self.index.get(phrase, [])
                             if not types or self.kg.g.nodes[c]["type"] in types]
                    if cands:
                        start, end = tokens[i][1], tokens[i + n - 1][2]
                        hits += [self._hit(c, phrase, 1.0, start, end) for c in cands]
                        used[i:i + n] = [True] * n
                        break
        return sorted(hits, key=lambda h: h.start)
