"""INN spellings of other languages (session 26c): "enalaprilo", "Amlodipin", "paracetamolo", "amoxicilina",
"idrocortisone", "acido folico" read as the ingredient whose English INN they spell.

The WHO INN stems are shared by every language; what differs is a regular ending (Spanish, Italian and Portuguese
add -a/-o, French keeps -e, German drops it) and a few letter conventions (th/t, ph/f, y/i, k/c, ch/c, x/ss, a silent
initial h, doubled letters; Ph. Eur. national editions, AEMPS/AIFA/ANSM/BfArM product names). A typed word is folded
the same way as every lexicon name and read only when its fold equals the fold of exactly one ingredient's INN (name,
INN or salt name) and no other entry's name shares that fold. The rules are data (name_rules.yaml `inn_spelling`);
the callers keep the guards: an English word or a non-drug word is never read this way (drugs.resolve).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from medcore.knowledge.english_words import is_english_word
from medcore.knowledge.names import normalise

MIN_LEN = 5  # shorter words are too easy to confuse


@dataclass(frozen=True)
class InnFolds:
    letters: tuple[tuple[str, str], ...] = ()  # (from, to), applied in order
    endings: tuple[str, ...] = ()  # one final ending dropped, longest first
    acid_words: frozenset[str] = frozenset()  # "acido", "acide": "acido folico" is folic acid
    acid_endings: tuple[str, ...] = ()  # "ico", "ique": the adjective's ending, read as "ic"
    glued: tuple[tuple[str, str], ...] = ()  # German salt word glued to the INN -> English salt word, longest first
    acid_suffixes: tuple[str, ...] = ()  # "saure": "folsaure" is folic acid
    connectors: frozenset[str] = frozenset()  # "de", "di": "carbonato de litio" is lithium carbonate
    salt_english: dict[str, str] = field(default_factory=dict)  # "iodure" -> "iodide" (plan27fix)
    cations: frozenset[str] = frozenset()  # folds of the mineral cations never read alone after a salt word
    # fold -> "kind:id" of every lexicon name with that fold; fold -> "kind:id" of the ingredient INN names
    every: dict[str, frozenset[str]] = field(default_factory=dict)
    inns: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: dict | None, index: dict[str, tuple[str, str, str]]) -> "InnFolds":
        if not doc:
            return cls()
        base = cls(tuple((a, b) for a, b in doc["letters"]), tuple(sorted(doc["endings"], key=lambda e: -len(e))),
                   frozenset(doc.get("acid_words", ())), tuple(sorted(doc.get("acid_endings", ()), key=lambda e: -len(e))),
                   tuple(sorted((doc.get("glued_salts") or {}).items(), key=lambda kv: -len(kv[0]))),
                   tuple(doc.get("acid_suffixes", ())), frozenset(doc.get("salt_connectors", ())),
                   dict(doc.get("salt_english") or {}))
        base = replace(base, cations=frozenset(base.fold(c) for c in doc.get("cations", ())))
        every: dict[str, set[str]] = {}
        inns: dict[str, set[str]] = {}
        for key, (kind, i, how) in index.items():
            if len(key.replace(" ", "")) < MIN_LEN or any(ch.isdigit() for ch in key):
                continue
            f = base.fold(key)
            every.setdefault(f, set()).add(f"{kind}:{i}")
            if kind == "drug" and how in ("exact", "inn", "salt"):
                inns.setdefault(f, set()).add(f"{kind}:{i}")
        return cls(base.letters, base.endings, base.acid_words, base.acid_endings, base.glued, base.acid_suffixes,
                   base.connectors, base.salt_english, base.cations,
                   {k: frozenset(v) for k, v in every.items()}, {k: frozenset(v) for k, v in inns.items()})

    def fold(self, key: str) -> str:
        """Each word of a normalised name with the letter conventions unified, doubled letters single, a silent
        initial h dropped and one language ending cut."""
        return " ".join(self._word(w) for w in key.split())

    def _word(self, w: str) -> str:
        for a, b in self.letters:
            w = w.replace(a, b)
        w = re.sub(r"([a-z])\1+", r"\1", w)
        if w.startswith("h") and len(w) > MIN_LEN:
            w = w[1:]
        for e in self.endings:
            if w.endswith(e) and len(w) - len(e) >= MIN_LEN - 1:
                return w[: -len(e)]
        return w

    def acid_name(self, key: str) -> str | None:
        """'acido folico' -> 'folic acid' (Romance word order: the acid word first, the adjective after)."""
        words = key.split()
        if len(words) != 2 or words[0] not in self.acid_words:
            return None
        for e in self.acid_endings:
            if words[1].endswith(e) and len(words[1]) > len(e) + 2:
                return words[1][: -len(e)] + "ic acid"
        return None

    def is_cation(self, name: str) -> bool:
        """A mineral cation ('calcium', 'litio', 'Kalium'): its salt decides the medicine (plan27fix)."""
        return self.fold(name) in self.cations

    def rewrites(self, key: str, salt_words: frozenset[str]) -> list[str]:
        """Other orders of the same name, to be looked up and read like `key` (plan27): a German salt or acid word
        glued to the INN cut off ('metoprololsuccinat' -> 'metoprolol succinate', 'metoprolol'; 'folsaure' ->
        'folic acid'); a Romance salt written first with a preposition moved after, in English when it is known
        ('carbonato de litio' -> 'litio carbonate', 'litio carbonato', 'litio'). The stem keeps at least MIN_LEN
        letters, so a short word is never cut to a guess. A mineral cation is never offered alone (plan27fix:
        'iodure de potassium' is potassium iodide or nothing, never the potassium chloride 'potassium' stands for)."""
        words = key.split()
        if len(words) >= 3 and words[1] in self.connectors and (words[0] in salt_words or words[0] in self.salt_english):
            rest = " ".join(words[2:])
            en = self.salt_english.get(words[0])
            out = ([f"{rest} {en}"] if en else []) + [f"{rest} {words[0]}"]
            return out if self.is_cation(rest) else out + [rest]
        if len(words) != 1:
            return []
        for de, en in self.glued:
            stem = key[: -len(de)]
            if key.endswith(de) and len(stem) >= MIN_LEN:
                return [f"{stem} {en}"] if self.is_cation(stem) else [f"{stem} {en}", stem]
        for s in self.acid_suffixes:
            stem = key[: -len(s)]
            if key.endswith(s) and len(stem) >= 3:
                return [f"{stem}ic acid"] + ([f"{stem[:-2]}ic acid"] if stem.endswith("in") else [])
        return []

    def read(self, key: str) -> str | None:
        """`kind:id` of the one ingredient whose INN `key` spells in another language, else None."""
        if len(key.replace(" ", "")) < MIN_LEN or any(ch.isdigit() for ch in key) or not self.inns:
            return None
        f = self.fold(key)
        hits = self.inns.get(f, frozenset())
        if len(hits) != 1 or not self.every.get(f, frozenset()) <= hits:
            return None
        return next(iter(hits))


def other_language(lex, key: str, whole: str = "") -> str | None:
    """`kind:id` of the ingredient whose INN `key` spells in another language (inn_spelling.py): the Romance acid
    order first ('acido valproico' is valproic acid), then the folded spelling; an English word is never read so."""
    acid = lex.inn.acid_name(key)
    if acid and acid in lex.index and lex.index[acid][0] == "drug":
        return f"drug:{lex.index[acid][1]}"
    if " " not in key and is_english_word(key):
        return None
    # 'Metoprololsuccinat', 'carbonato de litio' (plan27); `whole`: the text before its last salt word was cut
    # ('sulfate de magnesium' ends in a salt word)
    alts = lex.inn.rewrites(whole, lex.rules.salt_words) if whole else []
    for alt in alts or lex.inn.rewrites(key, lex.rules.salt_words):
        # a cation's salt name counts only as an entry's own name, INN or salt name: "calcium lactate" is listed as a
        # synonym of calcium carbonate (one calcium supplement), but "lactate de calcium" is not read through it
        if alt in lex.index and (lex.index[alt][2] in ("exact", "inn", "salt") or not lex.inn.is_cation(alt.split()[0])):
            return ":".join(lex.index[alt][:2])
        if (" " in alt or not is_english_word(alt)) and lex.inn.read(alt):
            return lex.inn.read(alt)
    return lex.inn.read(key)


def cation_salt_cut(lex, query: str, cand: str) -> bool:
    """True when `cand` is a bare mineral cation reached by cutting a salt word off the typed name ('lithium iodide'
    -> 'lithium', 'calcium lactate' -> 'calcium'). The bare cation names one salt (lithium carbonate, calcium
    carbonate), and the salt decides the medicine (session 28, as plan27fix held for the Romance order): a salt the
    lexicon has no entry for is offered, never read as another salt. A strength after the cation ('calcium 600 mg')
    cuts no salt word and still reads."""
    if " " in cand or not lex.inn.is_cation(cand):
        return False
    words = normalise(lex.rules.dose_tail.sub("", str(query).strip())).split()
    return len(words) > 1 and words[0] == cand and words[1] in lex.rules.salt_words
