"""Typed names to lexicon keys: one normaliser and one close-misspelling rule for every name lookup.

A name resolves when a key matches exactly (after a dose tail, dose-form words and salt words are cut).
A close misspelling resolves only when one target is clearly the nearest, so "hydroxyzine" is never
silently turned into "hydralazine"; otherwise the caller gets suggestions to show. The therapy planner's
condition and patient-state lookups use the same rule.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

AUTO_RESOLVE_RATIO = 0.88  # at least this close to one name...
RUNNER_UP_GAP = 0.08  # ...and clearly closer than any other target's names
SUGGEST_RATIO = 0.6
MIN_FUZZY_LEN = 5  # shorter queries are too easy to confuse to guess at
# A typo one letter from a name (one letter missing, added, changed, or two neighbours swapped: the four slips that
# make up most typing errors, Damerau 1964) is read as that name when the typed word has at least five letters and no
# other entry's name is also a single slip away (one_edit). Session 14 (planner14): the margin was two slips for words
# of 7+ letters and shorter words were never read; drug names sit in a crowded neighbourhood (Zocor, Zorac, Zymar are
# two slips apart), so that margin turned away most real typos (Zocar, Topomax, Ventilin). Where another entry is two
# slips away, the slip must now look like a typing slip of a hand-written name (first letter kept; a vowel for a vowel
# or a keyboard neighbour: Pollock & Zamora, CACM 1984, on where typing and spelling errors fall), and the dangerous
# look-alikes are handled by name: a reading whose ISMP look-alike partner (name_rules.yaml `confused_names`) is nearly
# as close is asked about, never read (drugs.resolve). Four letters and fewer are never guessed at.
ONE_EDIT_MIN_LEN = 5
ONE_EDIT_MARGIN = 2  # the neighbourhood searched: within it, another entry makes the stricter test apply  # no other entry within this many slips


def normalise(text: str) -> str:
    """Lower case, unify separators and drop punctuation that users type inconsistently."""
    t = unicodedata.normalize("NFKC", str(text)).lower().replace("\u00ae", "").replace("\u2122", "")
    # accents folded, not dropped ("Célestène" is celestene, not clestne; plan26c): decomposed, the marks cut
    t = "".join(ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch)).replace("\u00df", "ss")
    t = re.sub(r"[/_,;]+", " ", t)
    t = t.replace("-", " ")
    t = re.sub(r"[^a-z0-9.*: +]", "", t)
    return re.sub(r"\s+", " ", t).strip()


@dataclass(frozen=True)
class NameRules:
    dose_tail: re.Pattern
    form_words: tuple[str, ...]  # normalised, longest first
    salt_words: frozenset[str]
    trailing_words: frozenset[str] = frozenset()  # a phrase of only these after a name is cut (see leading_name)
    leading_words: tuple[str, ...] = ()  # route and manner words cut before a name ("IV", "oral", "generic"), longest first
    # core-name endings and starts of biological products, whose US names carry a hyphenated four-letter suffix
    # ("tocilizumab-bavi"): name_rules.yaml `biologic_suffix` (see biologic_core)
    biologic_ends: tuple[str, ...] = ()
    biologic_starts: tuple[str, ...] = ()
    # trailing words that open a phrase and never end one ("at", "a", "with"): "Amlopres-AT" and "Clopilet A 75" are
    # combination brands (amlodipine + atenolol, clopidogrel + aspirin), not "Amlopres at ..." (session 28b review)
    trailing_openers: frozenset[str] = frozenset()

    @classmethod
    def build(cls, dose_tail: str, form_words, salt_words, trailing_words=(), leading_words=(),
              biologic: dict | None = None, labeller_words=(), trailing_openers=()) -> "NameRules":
        # a generic labeller after a name ("Metamizol Hexal", plan26c) is cut the way a form word is; the whole typed
        # text is always looked up first, so a brand that ends with such a word still matches whole
        forms = sorted({normalise(w) for w in (*form_words, *labeller_words) if normalise(w)}, key=lambda w: (-len(w), w))
        leading = sorted({normalise(w) for w in leading_words if normalise(w)}, key=lambda w: (-len(w), w))
        return cls(re.compile(f"(?:{dose_tail}).*$", re.I), tuple(forms), frozenset(normalise(w) for w in salt_words),
                   frozenset(normalise(w) for w in trailing_words), tuple(leading),
                   tuple((biologic or {}).get("ends", ())), tuple((biologic or {}).get("starts", ())),
                   frozenset(normalise(w) for w in trailing_openers))

    def biologic_core(self, query: str) -> str | None:
        """The core name of a biological product typed with its FDA suffix ("tocilizumab-bavi 162 mg",
        "insulin aspart-szjj"): a hyphen and four lower-case letters after a core that ends or starts as a
        biologic's does (a "-free" or "-plus" after a small-molecule name is not read)."""
        m = _BIOLOGIC.match(str(query).strip())
        if not m:
            return None
        core = normalise(m.group(1))
        ok = core.endswith(self.biologic_ends) or core.startswith(self.biologic_starts) if self.biologic_ends else False
        return core if ok else None

    def leading_name(self, text: str, index, whole: str = "") -> str | None:
        """The longest run of leading words of normalised `text` that is a key of `index`, when every word after
        it is a trailing word or a number ('acetaminophen single dose', 'naproxen with food'); else None."""
        words = text.split()
        for n in range(len(words) - 1, 0, -1):
            key = " ".join(words[:n])
            if key in index:
                rest = words[n:]
                ok = all(w in self.trailing_words or re.fullmatch(r"[\d.]+|x?\d+", w) for w in rest)
                # judged on the whole typed text (`whole`, normalised), whose dose tail is not cut: "prednisolone for
                # 5 days" ends on "days", "Clopilet A 75" on the opener "a"
                tail = whole[len(key) + 1:].split() if whole.startswith(key + " ") else rest
                said = [w for w in tail if not re.fullmatch(r"[\d.]+|x?\d+|mg|g|mcg|ml", w)]
                return key if ok and not (said and said[-1] in self.trailing_openers) else None
        return None

    def candidates(self, query: str) -> list[str]:
        """The full text first, then without leading route words and a dose tail, then without trailing form and
        salt words."""
        out = [normalise(query)]
        short = normalise(self.dose_tail.sub("", str(query).strip()))
        out.append(short)
        whole = short
        cut = True
        while cut:  # "IV Rocephin", "oral Orapred", "generic Maxzide"
            cut = False
            for w in self.leading_words:
                if short.startswith(w + " ") and len(short) > len(w) + 1:
                    short, cut = short[len(w) + 1:], True
                    out.append(short)
                    break
        if whole != short:  # a brand that starts with a leading word ("Apo-Go pen", where "Apo-" is also a Canadian
            out[2:2] = self._trimmed(whole)  # labeller prefix): its form word is cut before the leading word is
        out += self._trimmed(short)
        if _GLUED.search(str(query)):  # "Prednisone10", "Januvia100mg": a dose typed without its space, tried last
            out += self.candidates(_GLUED.sub(r"\1 \2", str(query)))
        # plan27fix: a route word after a leading word is also a dose tail's start ("pulsed IV methylprednisolone" was
        # cut to "pulsed"): the leading words are cut from the whole text too, and the rest read like a typed name
        lead = self._unled(normalise(query))
        if lead and lead != normalise(query):
            out += self.candidates(lead)
        # "rituximab (RTX)": a short capitalised abbreviation in brackets after a name; the name is read, the
        # bracket never is (the abbreviation alone stays asked where it has more than one reading)
        raw = str(query).strip()
        if raw.endswith(")") and "(" in raw:
            inner, outer = raw[raw.rindex("(") + 1:-1], raw[:raw.rindex("(")].strip()
            if 2 <= len(inner) <= 6 and inner.isalpha() and inner.isupper() and outer and "(" not in outer:
                out += self.candidates(outer)
        return [c for c in dict.fromkeys(out) if c]

    def _unled(self, text: str) -> str:
        """`text` without its leading route and manner words ("pulse iv cyclophosphamide" -> "cyclophosphamide")."""
        cut = True
        while cut:
            cut = False
            for w in self.leading_words:
                if text.startswith(w + " ") and len(text) > len(w) + 1:
                    text, cut = text[len(w) + 1:], True
                    break
        return text

    def _trimmed(self, short: str) -> list[str]:
        """`short` without trailing form and salt words, one word at a time."""
        out = []
        words = short.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            tail = " ".join(words)
            for f in self.form_words:
                if tail.endswith(" " + f):
                    words = tail[: -len(f) - 1].split()
                    out.append(" ".join(words))
                    changed = True
                    break
            if not changed and words[-1] in self.salt_words:
                words = words[:-1]
                out.append(" ".join(words))
                changed = True
        return out


# a name of four or more letters run into a number: names with a glued number ("FeSO4", "MgSO4 2 g") match whole first
# "(?<![A-Za-z])": a letter run is tried from its start only (the leftmost match starts there anyway); from
# every letter, search rescanned a long run
# a core name (letters and single spaces, bounded) then "-" and exactly four lower-case letters, then the end or a space
_BIOLOGIC = re.compile(r"([A-Za-z][A-Za-z ]{2,60}?)-([a-z]{4})(?=\s|$)")
_GLUED = re.compile(r"(?<![A-Za-z])([A-Za-z]{4,}+)(\d)")


def sound_fold(key: str) -> str:
    """A normalised name spelled as it sounds, for sound-alike typing ("Flomacks" for Flomax, "Humalogue" for
    Humalog, "Tylenoll"): ph -> f, ck -> k, c before e/i/y -> s, other c -> k, x starting a word -> z (it is said z:
    Xyzal typed "Zyzal", Xanax "Zanax"; session 30), other x -> ks, y -> i, a final "ue" or "e" dropped, doubled letters
    made single. Only an exact match of folds counts (drugs.resolve), and only when one entry has that fold."""
    t = key.replace("ph", "f").replace("ck", "k")
    t = re.sub(r"c(?=[eiy])", "s", t).replace("c", "k")
    t = re.sub(r"\bx", "z", t).replace("x", "ks").replace("y", "i")
    t = re.sub(r"(?:ue|e)\b", "", t)
    return re.sub(r"([a-z])\1+", r"\1", t)


PLAIN = NameRules.build(r"(?<!\s)\s+(\d|x\d|po\b|iv\b|im\b|sc\b|tab|cap|daily|bid|tid|qid|prn|once|twice)", (), ())


class FuzzyKeys:
    """A name index's keys with a trigram index: a misspelling is compared only with the names that share a
    trigram with it (padded, so shared first or last two letters count) instead of with every name. Built
    once per index; over the ~3,000 drug names it cuts a fuzzy lookup from ~50 ms to a few ms."""

    def __init__(self, keys: dict[str, str]):
        self.keys = keys
        self.grams: dict[str, set[str]] = {}
        for k in keys:
            for g in _grams(k):
                self.grams.setdefault(g, set()).add(k)

    def pool(self, query: str) -> set[str]:
        out: set[str] = set()
        for g in _grams(query):
            out |= self.grams.get(g, set())
        return out

    def near(self, query: str, edits: int) -> set[str]:
        """The keys that can be within `edits` slips of `query`: one slip changes at most four of its padded
        trigrams (three for a letter added, lost or changed; four for two neighbours swapped), so such a key shares
        all but 4 * edits of them (a count filter; the caller measures)."""
        grams = _grams(query)
        need = max(1, len(grams) - 4 * edits)
        count: dict[str, int] = {}
        for g in grams:
            for k in self.grams.get(g, ()):
                count[k] = count.get(k, 0) + 1
        return {k for k, c in count.items() if c >= need and abs(len(k) - len(query)) <= edits}


def _grams(s: str) -> set[str]:
    p = f"  {s} "
    return {p[i:i + 3] for i in range(len(p) - 2)}


def closest(query: str, keys: dict[str, str], fuzzy: FuzzyKeys | None = None) -> tuple[str | None, list[tuple[str, float]]]:
    """(target or None, ranked [(target, ratio)]) for a key -> target map. Auto-resolves only a clear winner."""
    scored: dict[str, float] = {}
    pool = fuzzy.pool(query) if fuzzy is not None else keys.keys()
    for key in difflib.get_close_matches(query, pool, n=12, cutoff=SUGGEST_RATIO):
        r = difflib.SequenceMatcher(None, query, key).ratio()
        target = keys[key]
        scored[target] = max(scored.get(target, 0.0), r)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and len(query) >= MIN_FUZZY_LEN:
        best, r1 = ranked[0]
        r2 = ranked[1][1] if len(ranked) > 1 else 0.0
        if r1 >= AUTO_RESOLVE_RATIO and r1 - r2 >= RUNNER_UP_GAP:
            return best, ranked
    return None, ranked


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (optimal string alignment: one insertion, deletion, substitution or swap of
    neighbours per edit), capped at `limit` (any larger distance is returned as `limit`)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def one_edit(query: str, keys: dict[str, str], pool, generated=frozenset(), preferred=frozenset()) -> str | None:
    """The target of the one name `query` is a single typing slip away from, else None. The query has at least
    ONE_EDIT_MIN_LEN letters and no other target in `pool` (the candidates to compare with: the names sharing a
    trigram, plus any others the caller adds) is also a single slip away. When every other target is more than
    ONE_EDIT_MARGIN slips away, any single slip reads (the rule of session 12). When one is two slips away (a
    crowded neighbourhood), the slip must also look like a typing slip of a hand-written name: the first letter kept,
    a letter added, lost or swapped with its neighbour, or one vowel for another or a key for its keyboard neighbour
    (`typing_slip`), and the name not from the generated table (`generated`): "Emetrol" is not read as Ezetrol (m and z
    are far apart), "Dermol" not as a generated brand. `keys`: name -> target; a pool name not in `keys` counts as
    another target. `preferred`: top-market names (top_market.yaml); a slip of one of them is not crowded out by
    names of other targets two slips away unless one of those is preferred too (session 29: foreign brands two slips
    from Atacand, Diovan, Lipitor had turned 72 of their one-slip typos into questions)."""
    letters = len(query.replace(" ", ""))
    if letters < ONE_EDIT_MIN_LEN or query in keys:
        return None
    near: dict[str, int] = {}
    hits: list[str] = []  # the single-slip names
    top: set[str] = set()  # targets with a preferred name in the neighbourhood
    for key in pool:
        d = edit_distance(query, key, ONE_EDIT_MARGIN + 1)
        if d <= ONE_EDIT_MARGIN:
            t = keys.get(key, f"?{key}")
            near[t] = min(near.get(t, d), d)
            if key in preferred:
                top.add(t)
            if d == 1:
                hits.append(key)
    ones = {t for t, d in near.items() if d == 1}
    if len(ones) != 1:
        return None
    target = next(iter(ones))
    if target.startswith("?"):
        return None
    if len(near) == 1:
        return target
    if any(h in preferred for h in hits) and not top - {target} and all(typing_slip(query, h) for h in hits):
        return target  # a typing slip of a top-market name; the names two slips away are rarer ones ('trazadol': z
        # for m is no typing slip, so it stays asked between tramadol and trazodone)
    if any(h[:1] != query[:1] or h in generated or not typing_slip(query, h) for h in hits):
        return None
    return target


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, set[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        _n = {_row[k] for k in (_c - 1, _c + 1) if 0 <= k < len(_row)}
        if _r > 0:  # the row above sits half a key to the left (staggered keyboard)
            _n |= {_ROWS[_r - 1][k] for k in (_c, _c + 1) if k < len(_ROWS[_r - 1])}
        if _r < 2:
            _n |= {_ROWS[_r + 1][k] for k in (_c - 1, _c) if 0 <= k < len(_ROWS[_r + 1])}
        _NEIGHBOURS[_ch] = _n
VOWELS = frozenset("aeiouy")


def typing_slip(a: str, b: str) -> bool:
    """Is `a` one typing slip from `b`: a letter added or lost, two neighbours swapped, one vowel typed for another,
    or a letter typed for its QWERTY neighbour (the slips of Damerau 1964, substitutions limited to the ones typing
    and spelling produce)? Assumes the two are one edit apart."""
    if len(a) != len(b):
        return True
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 2:
        i, k = diff
        return k == i + 1 and a[i] == b[k] and a[k] == b[i]
    if len(diff) != 1:
        return False
    x, y = a[diff[0]], b[diff[0]]
    return (x in VOWELS and y in VOWELS) or y in _NEIGHBOURS.get(x, ())


def lookup(index: dict[str, str], query: str, rules: NameRules = PLAIN) -> tuple[str | None, str, str, list[str]]:
    """(target, how, matched key, suggestion targets): how is exact | fuzzy | unknown."""
    if not query or not str(query).strip():
        return None, "unknown", "", []
    cands = rules.candidates(str(query))
    for c in cands:
        if c in index:
            return index[c], "exact", c, []
    best, ranked = closest(cands[-1] if cands else "", index)
    if best is not None:
        return best, "fuzzy", cands[-1], []
    return None, "unknown", "", [t for t, _ in ranked[:3]]
