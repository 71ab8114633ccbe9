"""The symptom chat's phrases as data for the one matcher (medcore.knowledge.match over a
knowledge.phrase_table), plus MiniLM embeddings for lay phrasings the synonym list misses.

Every finding's synonyms and name (kind 'term'), its absent_synonyms ('absent': "I can keep fluids down"
says the finding is absent) and its not_synonyms ('block': 'cut down on' is matched whole so that the
shorter synonym 'cut' is not, then dropped) go into one phrase table. The knowledge layer's normalisation
applies to them and to the text alike (NFKC, confusable letters, UK/US spellings, plurals, anatomical
adjectives, hyphenated words joined or split); the chat adds its own configuration: a parent's 'her' and
'his' read as 'my' (tokens.PERSPECTIVE), and the knowledge layer's normal form (knowledge.normal_form: no verb
'be', quantities collapsed) as a second way to meet a phrase, taken only when it matches more of the text.
A body part plus a pain word ('my knee is killing me') is composed after matching, and so is a body part plus a
swelling word with words between them (body_phrases.py).

Speed: phrase matching is a dictionary lookup over token n-grams (no model). Only the few text chunks with
no phrase match are embedded, in one batch, against synonym embeddings computed once per knowledge base
(and cached on disk) in the knowledge layer's one embedding index (`embedding_index`)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from medcore.config import REPO_ROOT
from medcore.knowledge import assertions, kbfiles, normal_form, phrase_table
from medcore.knowledge.embedding_index import EmbeddingIndex, load_settings
from medcore.knowledge.normalize import load_variants
from medcore.triage.eye_side import SIDE_LETTERS
from medcore.triage.kb import KnowledgeBase
from medcore.triage.tokens import _TOKEN, PERSPECTIVE, tokens

BLOCK = "~"  # id prefix of a not_synonyms phrase in a match
ABSENT = "!"  # id prefix of an absent_synonyms phrase in a match
_PREFIX = {"term": "", "absent": ABSENT, "block": BLOCK}


def polarity_free(text: str) -> bool:
    """Whether a text may meet the embedding index: it holds no negation cue of the assertion engine (profile
    'lay'). A sentence embedding does not keep polarity ('no trouble passing water' sits next to 'not been able to
    pass any water'), and a cue may belong to the symptom itself ('cannot keep a sip down') or deny it, which only
    the words can tell. So a phrase with a cue is matched exactly or not at all: a synonym holding one ('not been
    able to pass any water') stays out of the index, and a text chunk holding one is not sent to it (nlu.extract);
    the assertion engine, not the index, decides the polarity of what is read."""
    return not assertions.has_cue(text, assertions.load_rules("lay"))


class Lexicon:
    """The chat's phrase table (every synonym, absent phrase, blocker and finding name) and how to read it."""

    def __init__(self, kb: KnowledgeBase, extra: dict[str, Iterable[str]] | None = None,
                 kb_dir: Path | None = None):
        """`extra`: more exact phrases per finding id (the shared terminology's clinical words, see
        `terminology_phrases`); they are matched like synonyms where their key is new, but stay out of the
        embedding index."""
        self.kb = kb
        self.rows: list[tuple[str, str]] = []  # (finding id, phrase) for the embedding index
        table_rows: list[tuple[str, str, str]] = []
        # a finding that holds back a red flag (red_flags.yaml milder_forms) is read from its exact words only: a
        # near embedding ('a harsh noise when he breathes in all the time') must never lower the level
        exact_only = set(kb.milder_forms)
        for f in kb.findings:
            table_rows += [(f.id, p, "absent") for p in f.absent_synonyms]
            table_rows += [(f.id, p, "block") for p in f.not_synonyms]
            for phrase in dict.fromkeys((*f.synonyms, f.name)):
                if tokens(phrase):
                    table_rows.append((f.id, phrase, "term"))
                    if polarity_free(phrase) and f.id not in exact_only:
                        self.rows.append((f.id, phrase))
        extra_rows = [(fid, p, "term") for fid, phrases in (extra or {}).items() for p in phrases]
        kb_dir = self.kb_dir = kb_dir or REPO_ROOT / "assets" / "kb"
        variants = load_variants(kb_dir)
        self.table = phrase_table.build(table_rows, variants, words=PERSPECTIVE,
                                        stream=functools.partial(normal_form.stream, text_side=True,
                                                                 rules=normal_form.load_rules(kb_dir)),
                                        phrase_stream=functools.partial(normal_form.stream,
                                                                        rules=normal_form.load_rules(kb_dir)),
                                        extra=extra_rows)
        self.key = self.table.variants.key
        # body parts and pain words by the matcher's word key (its folding: plurals, UK/US, 'her' read as 'my')
        self.pain_words = {self.key(w.lower()) for w in kb.body_pain.get("pain_words", [])}
        self.part_keys = {self.key(k.lower()): v for k, v in kb.body_pain.get("parts", {}).items()}
        # 'back' as an adverb (findings.yaml body_pain adverb_back_*): word keys around it that make it no part
        self.adverb_back = tuple(frozenset(self.key(w.lower()) for w in kb.body_pain.get(k, []))
                                 for k in ("adverb_back_before", "adverb_back_after", "adverb_back_and_after"))
        swelling = kb.body_swelling
        # a swelling word or a part may be several words ('puff up', 'behind my ear'): tuples of word keys
        self.swelling_words = {self.phrase_keys(w) for w in swelling.get("swelling_words", [])}
        self.swelling_parts = {self.phrase_keys(k): v for k, v in swelling.get("parts", {}).items()}
        self.swelling_window = int(swelling.get("window", 1))
        # (state words, parts, window, closed, replaces) per part-and-state table: swelling first, then findings.yaml
        # body_states (closed: whether a part read by another phrase is closed to the state, as it is to swelling;
        # replaces: the generic readings of the state word that a part overrides, 'discharge' alone being vaginal;
        # part_first: only a part before the state word counts, 'my hearing went' but not 'I went to the GP about it')
        self.state_tables = [(self.swelling_words, self.swelling_parts, self.swelling_window, True, frozenset(),
                              False)] + [
            ({self.phrase_keys(w) for w in st["words"]}, {self.phrase_keys(k): v for k, v in st["parts"].items()},
             int(st["window"]), False, frozenset(st.get("replaces", ())), bool(st.get("part_first")))
            for st in kb.body_states]
        self.vocabulary = {t for _, p, _ in (*table_rows, *extra_rows) for t in tokens(p)}
        # symptoms only: a history abbreviation ('Father had T2DM') would become the patient's own known condition
        # wherever the relative is not named with 'my' (relatives.py reads 'my father had ...')
        symptoms = {f.id for f in kb.findings if f.category != "risk"}
        self.capitals = capital_abbreviations(kb_dir, {p.lower() for fid, p, kind in table_rows
                                                       if kind == "term" and fid in symptoms})

    def expand_capitals(self, text: str) -> str:
        """'SOB at rest' -> 'short of breath at rest' (see `capital_abbreviations`); 'sob' and 'Sob' are left alone."""
        if self.capitals is None:
            return text
        pattern, terms = self.capitals
        words = set(re.findall(r"[a-z]+", text.lower()))

        def sub(m: re.Match) -> str:
            term, cues = terms[m.group(0)]
            return m.group(0) if cues & words else term  # another sense's cue word: not the symptom
        return pattern.sub(sub, text)

    def phrase_keys(self, phrase: str) -> tuple[str, ...]:
        """The word keys of a short data phrase ('behind his ear' -> ('behind', 'my', 'ear'))."""
        return tuple(self.word_keys(phrase.lower()))

    def ids_of(self, phrase: str) -> list[str]:
        """What a phrase says when matched whole: finding ids, '!id' for an absent one, '~id' for a blocker."""
        lex = self.table.lexicon
        keys = self.table.keys(phrase)
        return [_PREFIX[lex.types[i]] + lex.ids[i] for i in (lex.concepts_of(keys[0]) if keys else [])]

    def term_of(self, key: str) -> str | None:
        """The finding a phrase key (word keys joined by spaces) names as a synonym or name, if any."""
        lex = self.table.lexicon
        return next((lex.ids[i] for i in lex.concepts_of(key) if lex.types[i] == "term"), None) \
            if key in lex.terms else None

    def word_keys(self, text: str) -> list[str]:
        """The matcher's word key of each of the chat's tokens of a lower-cased text (tokens.tokens, one for
        one): its folding, where the chat's own stemmer only strips a plural."""
        return [self.key(w[:-2] if w.endswith("'s") else w) for w in _TOKEN.findall(text.replace("’", "'"))]

    def find(self, clause: str) -> list[tuple[int, int, list[str]]]:
        """The phrase matches in a lower-cased clause as (first token, end token, ids) over its chat tokens
        (tokens.tokens), longest first, blockers included (see `_unblocked`)."""
        words = list(_TOKEN.finditer(clause))
        if not words:
            return []
        starts = [w.start() for w in words]
        ends = [w.end() for w in words]
        out: list[tuple[int, int, list[str]]] = []
        at: tuple[int, int] | None = None
        for m in self.table.matcher.match(clause, every=True):
            if (m.start, m.end) != at:
                at = (m.start, m.end)
                s, e = bisect_right(ends, m.start), bisect_left(starts, m.end)
                if s >= e:  # nothing the chat's tokens can point at (a word of another script)
                    at = None
                    continue
                out.append((s, e, []))
            out[-1][2].append(_PREFIX[m.type] + m.concept_id)
        return out


def capital_abbreviations(kb_dir: Path, phrases: set[str]) -> tuple[re.Pattern, dict[str, tuple[str, frozenset]]] | None:
    """The clinical abbreviations a lay text may use, read only as written in capitals: those of the knowledge
    layer's abbreviations.yaml (its one home) with one sense, no context cue, case-sensitive, three or more
    characters, whose expansion is a symptom phrase of the chat ('SOB' -> 'shortness of breath') or symptom
    phrases joined by 'and' ('N/V' -> 'nausea and vomiting').
    The text is rewritten before it is lower-cased, so the phrases meet the expansion: 'sob' / 'sobbing' is
    crying and stays unread, and two-letter capitals ('HA', 'OK') are too often everyday words to count, unless the
    entry says `chat: true` (a symptom chat's 'CP' is chest pain): such an entry's first sense without cues is
    taken, and left unread where a cue word of another sense is in the text ('CP, wheelchair user' is cerebral
    palsy). Each abbreviation maps to (expansion, the cue words that stop it)."""
    doc = kbfiles.load(kb_dir, "abbreviations.yaml")
    out: dict[str, tuple[str, frozenset]] = {}
    for entry in doc.get("abbreviations", []):
        senses = entry.get("senses", [])
        chat = bool(entry.get("chat"))
        if not entry.get("case_sensitive", True) or (len(entry["abbr"]) < 3 and not chat):
            continue
        if len(senses) != 1 and not chat:
            continue
        sense = senses[0]
        term = str(sense.get("term", "")).lower()
        if sense.get("cues") or sense.get("sections") or sense.get("header"):
            continue
        if all(part in phrases for part in term.split(" and ")):
            cues = frozenset(w.lower() for s in senses[1:] for w in s.get("cues", ()))
            out[entry["abbr"]] = (term, cues)
    if not out:
        return None
    return re.compile(r"(?<![\w/&])(?:" + "|".join(sorted(map(re.escape, out), key=len, reverse=True))
                      + r")(?![\w/&])"), out


# session 25: a chart's side letters ('L leg swollen', 'rt knee', 'R hand numb'), read as side words only before a
# body part (as eye_side.py reads 'R eye'; the letters live there)
SIDES = {"left", "right", *SIDE_LETTERS}


def find_sideless(lex: Lexicon, clause: str) -> list[tuple[int, int, list[str]]]:
    """Lexicon.find, plus what the clause says once a side word before a body part is set aside: 'a sharp pain in
    my right eye' is 'pain in my eye', 'the hearing in my left ear has gone' is 'hearing in my ear has gone'. The
    phrases naming a side themselves ('pain in my lower right tummy', 'right eye') are matched as before; the
    matches of the shortened clause are added where they find something new, mapped back to the clause's tokens.
    'side' is no body part here ('my right side' is a flank phrase of its own)."""
    matches = lex.find(clause)
    words = _TOKEN.findall(clause.replace("’", "'"))
    keys = lex.word_keys(clause)
    parts = set(lex.part_keys) | {p[0] for p in lex.swelling_parts if len(p) == 1}
    drop = {i for i, k in enumerate(keys[:-1]) if k in SIDES and keys[i + 1] in parts and keys[i + 1] != "side"}
    if not drop or len(words) != len(keys):
        return matches
    have = {(s, e, tuple(ids)) for s, e, ids in matches}
    found = {i for _, _, ids in matches for i in ids}
    out = list(matches)
    # first the side letters written out ('L leg swollen' is 'left leg swollen', a phrase of one leg), then the side
    # set aside
    letters = {i for i in drop if keys[i] in SIDE_LETTERS}
    readings = ([(list(range(len(words))), [SIDE_LETTERS.get(keys[i], words[i]) if i in letters else words[i]
                                            for i in range(len(words))])] if letters else [])
    kept = [i for i in range(len(words)) if i not in drop]
    readings.append((kept, [words[i] for i in kept]))
    for index, text in readings:
        for s, e, ids in lex.find(" ".join(text)):
            new = [i for i in ids if i not in found]
            span = (index[s], index[e - 1] + 1)
            if new and (*span, tuple(ids)) not in have:
                out.append((*span, new))
                found.update(new)
    return sorted(out)


def terminology_phrases(kb: KnowledgeBase, terminology) -> dict[str, list[str]]:
    """The shared terminology's words for each triage finding (concept `finding:<id>`: HPO names and
    synonyms, clinical terms) that the triage KB's own synonyms lack: 'dyspnea', 'hematemesis', 'polyuria'.

    A word is left out when it could say something else here: one claimed by two findings ('dizzy spell'),
    or a single word that is already part of a triage phrase ('tearing' in 'tearing chest pain'), since on
    its own it would add a finding inside a description of another."""
    own = Lexicon(kb)
    terms = own.table.lexicon.terms
    words_in_phrases = {t for k in terms if " " in k for t in k.split(" ")}
    claimed: dict[str, set[str]] = {}
    found: dict[str, dict[str, str]] = {}
    for c in terminology.concepts("finding"):
        fid = c.id.split(":", 1)[1]
        if fid not in kb.finding_index:
            continue
        for phrase in (c.name, *c.synonyms):
            keys = own.table.keys(phrase)
            if not keys or not tokens(phrase):
                continue
            claimed.setdefault(keys[0], set()).add(fid)
            found.setdefault(fid, {}).setdefault(keys[0], phrase)
    out: dict[str, list[str]] = {}
    for fid, keys in found.items():
        for key, phrase in keys.items():
            if key in terms or len(claimed[key]) > 1:
                continue
            if " " not in key and key in words_in_phrases:
                continue
            out.setdefault(fid, []).append(phrase)
    return out


def blocked_tokens(matches: list[tuple[int, int, list[str]]]) -> set[int]:
    """The tokens of the not_synonyms phrases among matches (what `_unblocked` drops)."""
    return {t for s, e, ids in matches if any(i.startswith(BLOCK) for i in ids) for t in range(s, e)}


def _unblocked(matches: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """Matches without the not_synonyms phrases: those say nothing, they only keep a shorter synonym out
    ('cut down on smoking' is matched whole, so 'cut' is not)."""
    out = [(s, e, [i for i in ids if not i.startswith(BLOCK)]) for s, e, ids in matches]
    return [m for m in out if m[2]]


TRIAGE_INDEX = "triage_findings"  # this chat's settings in assets/kb/knowledge/fallback.yaml (threshold, margin)


def embedding_index(lexicon: Lexicon, embed_fn: Callable[[list[str]], np.ndarray],
                    cache_dir: Path | None = None) -> EmbeddingIndex:
    """The findings' synonyms and names (`Lexicon.rows`) in the knowledge layer's one embedding index, with this
    chat's threshold and clear-winner margin. The matrix is computed once per process and knowledge base (whatever
    the data dir) and cached as .npy in `cache_dir`."""
    ids = [fid for fid, _ in lexicon.rows]
    phrases = [p for _, p in lexicon.rows]
    memo_key = ("triage", lexicon.kb.digest, len(phrases), getattr(embed_fn, "__qualname__", repr(embed_fn)))
    cache = cache_dir / f"synonyms-{lexicon.kb.digest[:16]}-{len(phrases)}.npy" if cache_dir is not None else None
    return EmbeddingIndex.build(ids, phrases, embed_fn, load_settings(lexicon.kb_dir, TRIAGE_INDEX), cache=cache,
                                memo_key=memo_key)
