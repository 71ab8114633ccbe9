"""Body-part phrases composed after the phrase matcher (lexicon.Lexicon.find) has read a clause: a part plus a pain
word ('my knee is killing me', `add_body_pain`), a part plus a swelling or other state word with words between them
('the skin around my eye has started to puff up', `add_body_swelling`), and a denial after the part ('my chest
doesn't hurt', `deny_after`). The parts, pain, swelling and state words are data (findings.yaml body_pain,
body_swelling, body_states), read by the matcher's word keys (Lexicon.word_keys)."""

from __future__ import annotations

from medcore.triage.lexicon import Lexicon
from medcore.triage.sites import coordinated_site


_COORD = {"and", "or"}
_DETERMINERS = {"my", "the", "both"}


def add_body_pain(lex: Lexicon, keys: list[str], matches: list, closed: set[int] = frozenset()) -> list:
    """'my knee is killing me': a body part plus a pain word, when no pain finding matched there. A body part
    joined to a located pain phrase by 'and'/'or' shares its pain ('pain in my legs and tummy'). `keys`: the
    matcher's word keys of the chat's tokens (Lexicon.word_keys), so parts and pain words are read with the
    knowledge layer's folding. `closed`: tokens of a not_synonyms phrase, no part word there."""
    kb = lex.kb
    located = [m for m in matches if any(not fid.startswith(("!", "~")) and fid != "severe_pain"
                                         and _says_pain(lex, fid) for fid in m[2])]
    if located:
        return _second_part_pain(lex, keys, _coordinated_parts(lex, keys, matches, located))
    covered = {t for (s, e, ids) in matches if ids != ["severe_pain"] for t in range(s, e)}
    # session 29: a blocked phrase (not_synonyms, '~' ids) does not own its pain word either: 'a stabbing pain in the
    # right side of my chest' is blocked as flank pain and had read no pain at all
    claimed = {t for (s, e, ids) in matches if ids != ["severe_pain"] and not all(i.startswith("~") for i in ids)
               for t in range(s, e)}
    # a not_synonyms phrase closes its part words ('the ball of my foot' names no testicle) but not its pain word: 'a
    # sore spot on my shin' is no rash ('sore spot' is blocked), and its pain is still the shin's
    # session 29: the part after 'of my / the' ends a place on it ('the right side of my chest', 'the ball of my
    # foot'): a blocked phrase there closes its first part word (no flank, no testicle), not the part it names
    parts = [i for i, t in enumerate(keys) if t in lex.part_keys and not adverb_back(lex, keys, i)
             and (i not in covered | set(closed) or (i >= 2 and keys[i - 2] == "of" and keys[i - 1] in _DETERMINERS
                                                      and i not in claimed))]
    pains = [i for i, t in enumerate(keys) if t in lex.pain_words and i not in claimed]
    if not pains:
        return matches
    if not parts:
        return _state_then_pain(lex, keys, matches, pains)
    b = _located_part(lex, keys, parts[0])
    # a part freed from a blocked phrase ('no pain in the right side of my chest') stands further from a denial
    # before the pain word than the assertion engine reaches from the part: such a denied pain is left unread
    if (b in covered or b in closed) and any(_denied_before(lex, keys, i) for i in pains if i < b):
        return matches
    end, prep = coordinated_site(lex, keys, b)  # 'my scrotum and the area behind it ... sore' (sites.py)
    p = min(pains, key=lambda i: abs(i - end) if i > end else abs(i - b))
    if min(abs(p - b), abs(p - end)) > 8:
        return matches
    s, e = min(b, p), max(b, p) + 1
    # the composite may span a 'severe pain' match; other matches inside it stay as they are
    if any(ms < s < me or ms < e - 1 < me for (ms, me, ids) in matches if ids != ["severe_pain"]):
        return matches
    finding = lex.part_keys[keys[b]]
    # 'terrible pain behind my eyes': a longer match ('terrible pain', severity) took the pain word of a phrase the
    # KB names as a finding of its own ('pain behind my eye' is pain around the eye, a headache feature, not eye
    # pain); read the pain word to the part as that phrase before composing the part's own pain
    before = [i for i in pains if b - 8 <= i < b]
    if before:
        finding = lex.term_of(" ".join(keys[before[-1]:b + 1])) or finding
    behind = {lex.key(k): v for k, v in (kb.body_pain.get("behind") or {}).items()}.get(keys[b]) if prep == "behind" else None
    ids = [finding, *([behind] if behind else [])]
    # session 29: 'my neck is stiff, doesn't hurt': the pain word after the part is itself denied, so the part's pain
    # is read absent (it had been read present: the denial stood between the state and the pain word)
    if p > end and _denied_word(lex, keys, p):
        ids = ["!" + i for i in ids]
    return sorted([*matches, (b, b + 1, ids)])


def _denied_before(lex: Lexicon, keys: list[str], p: int) -> bool:
    """Whether a denial ('no', 'not', 'without', 'never') stands at most two words before the pain word at p."""
    neg = {lex.key(w) for w in ("no", "not", "without", "never", "denies", "nil")}
    return any(k in neg for k in keys[max(0, p - 3):p])


def _denied_word(lex: Lexicon, keys: list[str], p: int) -> bool:
    """Whether the word at p follows a denial, fillers allowed between ("doesn't really hurt", 'not painful')."""
    neg = {lex.key(w) for w in _POST_NEGATION}
    fill = {lex.key(w) for w in _POST_FILLER}
    j = p - 1
    while j >= 0 and keys[j] in fill:
        j -= 1
    return j >= 0 and keys[j] in neg


def adverb_back(lex: Lexicon, keys: list[str], i: int) -> bool:
    """Whether the word 'back' at i is the adverb, not the body part ('walk to the shops and back without pain', 'the
    pain came back', 'back home'; session 28): findings.yaml body_pain adverb_back_* say by the words around it."""
    if keys[i] != lex.key("back") or not any(lex.adverb_back):
        return False
    before, after, and_after = lex.adverb_back
    prev = keys[i - 1] if i else ""
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    if prev in before or nxt in after:
        return True
    # 'there and back', 'to the shops and back': a going before it, and no body word or pain after it
    return prev == "and" and (not nxt or nxt in and_after) and any(k in ("to", "there") for k in keys[max(0, i - 7):i])


_JOINERS = {"and", "really", "very", "quite", "so", "also", "too", "a", "bit", "all", "a bit", "rather", "bit"}


def _state_then_pain(lex: Lexicon, keys: list[str], matches: list, pains: list[int]) -> list:
    """'my tummy is swollen and sore', 'my knee is stiff and aching': a phrase that read a part's state (bloating,
    stiffness) took the part word, and the pain word right after it ('and', 'really' between) is still the part's
    pain. Before session 17 the pain was lost: the part was covered, so the part-and-pain rule had no part."""
    for s, e, ids in matches:
        # 'the side of my thumbnail is puffy': a part followed by 'of' names a place on another word, not itself
        ps = [i for i in range(s, e) if keys[i] in lex.part_keys and (i + 1 >= len(keys) or keys[i + 1] != "of")]
        # session 29: a state that is no pain by its name ('Swollen joint', filed under pain) still takes the pain word
        if not ps or any(not i.startswith("!") and _says_pain(lex, i.lstrip("~")) for i in ids):
            continue
        j = e
        while j < len(keys) and j - e < 3 and keys[j] in _JOINERS:
            j += 1
        if j in pains and j > e:
            finding = lex.part_keys[keys[ps[0]]]
            if not any(finding in m[2] for m in matches):
                return sorted([*matches, (j, j + 1, [finding])])
    return matches


# 'my chest doesn't hurt', 'my shoulder tips don't hurt', 'my tummy does not ache': the denial comes after the part,
# where the assertion engine's cues (which look forward from 'no', "don't have") do not reach; read before session 14
# as chest pain and shoulder-tip pain present.
_POST_NEGATION = {"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "not", "never", "no"}
_POST_FILLER = {"do", "does", "did", "is", "are", "was", "were", "really", "actually", "even"}


def _says_pain(lex: Lexicon, fid: str) -> bool:
    """The finding is a pain by its name: a pain word ('Chest pain', 'Sore throat') or an -ache ('Headache',
    'Earache'); a swelling, stiffness or redness is not, whatever KB category files it."""
    return any(w in lex.pain_words or w.endswith("ache")
               for w in (lex.key(x) for x in lex.kb.finding(fid).name.lower().replace("-", " ").split()))


def deny_after(lex: Lexicon, toks: list[str], keys: list[str], matches: list) -> list:
    """A match naming a body part or a pain ('my chest', 'shoulder tips') followed by a denial and a pain word
    ("doesn't hurt", 'does not ache') is read absent ('!' id). `toks`: the chat's tokens; `keys`: word keys."""
    out = []
    for s, e, ids in matches:
        named = [i for i in ids if not i.startswith(("!", "~"))]
        names_pain = any(k in lex.part_keys for k in keys[s:e]) or any(_says_pain(lex, i) for i in named)
        # session 28 review: 'blood on the white of my eye, no pain' is a painless patch, not no patch, and 'sore
        # throat, no pain swallowing' still a sore throat: a finding that is no pain, or a phrase that already says
        # its pain, is not what a later 'no pain' denies (both had been read absent since session 14). Session 29:
        # by the finding's own name, not its KB category ('my knee is swollen, doesn't hurt' had denied the swollen
        # joint, filed under the pain category with the other joint findings)
        if any(not _says_pain(lex, i) for i in named) or any(k in lex.pain_words for k in keys[s:e]):
            names_pain = False
        after = [(t, k) for t, k in zip(toks[e:e + 5], keys[e:e + 5]) if t not in _POST_FILLER]
        if names_pain and len(after) >= 2 and after[0][0] in _POST_NEGATION and after[1][1] in lex.pain_words:
            ids = ["!" + i if not i.startswith(("!", "~")) else i for i in ids]
        out.append((s, e, ids))
    return out


def _located_part(lex: Lexicon, keys: list[str], b: int) -> int:
    """'the back of my head', 'one side of my tummy', 'the bottom of my back': a part word followed by 'of my/the'
    and another part names a place on that second part, whose pain it is (not back pain, loin pain or a sore
    bottom)."""
    while b + 3 < len(keys) and keys[b + 1] == "of" and keys[b + 2] in _DETERMINERS:
        # session 30: a side word between ('the outer side of my right breast' is the breast's, not flank pain)
        k = b + 4 if keys[b + 3] in _SIDE_WORDS and b + 4 < len(keys) else b + 3
        if keys[k] not in lex.part_keys:
            break
        b = k
    return b


_SIDE_WORDS = {"left", "right", "upper", "lower", "outer", "inner", "top", "bottom"}


_BREAKS = {"and", "but", "while", "whereas", "plus", "also"}


def _second_part_pain(lex: Lexicon, keys: list[str], matches: list) -> list:
    """'a mild headache and my chest is really painful': a body part and a pain word close together (at most 3
    words apart, nothing matched between them), after a break word ('and', 'but') that follows every match, is a
    second located pain; the part's own pain finding is added. `keys`: the matcher's word keys."""
    last = max((e for _, e, _ in matches), default=0)
    brk = next((i for i in range(last, len(keys)) if keys[i] in _BREAKS), None)
    if brk is None:
        return matches
    parts = [i for i in range(brk + 1, len(keys)) if keys[i] in lex.part_keys]
    pains = [i for i in range(brk + 1, len(keys)) if keys[i] in lex.pain_words]
    pair = next(((b, p) for b in parts for p in pains if 0 < abs(p - b) <= 3), None)
    if pair is None:
        return matches
    finding = lex.part_keys[keys[pair[0]]]
    if any(finding in ids for _, _, ids in matches):
        return matches
    return sorted([*matches, (pair[0], pair[0] + 1, [finding])])


def _coordinated_parts(lex: Lexicon, toks: list[str], matches: list, located: list) -> list:
    """'pain in my legs and tummy', 'chest pain and my arm': the part after 'and'/'or' right at the end of a
    located pain phrase (no other match there) has the same pain. `toks`: the matcher's word keys."""
    covered = {t for s, e, _ in matches for t in range(s, e)}
    added = []
    for s, e, ids in located:
        # parts joined to parts: the pain phrase names one ('chest pain', 'pain in my legs'), not 'a headache'
        if e >= len(toks) or toks[e] not in _COORD or not any(t in lex.part_keys for t in toks[s:e]):
            continue
        j = e + 1
        while j < len(toks) and toks[j] in _DETERMINERS:
            j += 1
        part = lex.part_keys.get(toks[j]) if j < len(toks) and j not in covered else None
        # the part ends the list ('... and tummy.'), it does not start a sentence of its own ('and my neck is stiff')
        if part is not None and part not in ids and (j + 1 == len(toks) or toks[j + 1] in _COORD):
            added.append((j, j + 1, [part]))
    return sorted([*matches, *added]) if added else matches


_PHRASE_GAP = 3  # words allowed inside a part or swelling phrase: 'behind my son's left ear', 'puff right up'


def _occurrences(keys: list[str], phrases) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, phrase) of each phrase (a tuple of word keys) in a clause's word keys, its words in order with at
    most _PHRASE_GAP other words between two of them; the longest phrase first at a start."""
    out = []
    for i in range(len(keys)):
        best = None
        for p in phrases:
            if keys[i] != p[0]:
                continue
            j, ok = i, True
            for w in p[1:]:
                nxt = next((k for k in range(j + 1, min(len(keys), j + 2 + _PHRASE_GAP)) if keys[k] == w), None)
                if nxt is None:
                    ok = False
                    break
                j = nxt
            if ok and (best is None or len(p) > len(best[2])):
                best = (i, j + 1, p)
        if best:
            out.append(best)
    return out


def add_body_swelling(lex: Lexicon, keys: list[str], matches: list) -> list:
    """'my scrotum and the skin behind it have become hugely swollen', 'the skin around my eye has started to puff
    up', 'the area behind his ear is swollen': a swelling word (or words) not read by a phrase, and the nearest body
    part (a word or a phrase) within the KB's window (findings.yaml body_swelling) whose swelling is one finding. The
    match is the swelling word, so the assertion rules read a negation or a hedge of it ('my ankle is not swollen',
    'no swelling in my feet'). `keys`: the matcher's word keys (Lexicon.word_keys).

    A state table may name generic readings it `replaces`: a state word read only as one of them ('discharge' alone
    is a vaginal discharge, 'itchy' alone is a general itch) takes the sense of its part instead ('yellow discharge
    coming out of my ear' is ear discharge, 'my bottom is itchy' an itchy bottom); the generic match is dropped."""
    covered = {t for s, e, _ in matches for t in range(s, e)}
    found = {fid for _, _, ids in matches for fid in ids}
    added, dropped = [], set()
    # the same reading for each other state of findings.yaml body_states ('both my legs feel heavy and weak', 'my
    # knee is hot and red')
    for state_words, state_parts, window, closed, replaces, part_first in lex.state_tables:
        # a part already read is closed to swelling ('my calf is painful and swelling' is the calf's pain), but a part
        # phrase stays open: 'a tender swelling behind the ear' is the swelling behind it whatever the pain rule made
        # of it; the other states stay open ('my ankle blew up and it is red and hot')
        parts = [(s, e, p) for s, e, p in _occurrences(keys, state_parts)
                 if not closed or len(p) > 1 or not covered & set(range(s, e))]
        for ws, we, _ in _occurrences(keys, state_words):
            over = [k for k, m in enumerate(matches) if m[0] < we and ws < m[1]]
            if over and not (replaces and all(set(matches[k][2]) <= replaces for k in over)):
                continue

            def gap(span):  # words from the state word to the part (0: touching)
                s, e, _ = span
                return ws - e + 1 if e <= ws else s - we + 1

            near = [sp for sp in parts if 0 < gap(sp) <= window and not (part_first and sp[0] > ws)]
            if not near:
                continue
            b = min(near, key=lambda sp: (gap(sp), sp[0] > ws))  # the nearest part; the one before on a tie
            fid = state_parts[b[2]]
            if any(fid in matches[k][2] for k in over):
                continue  # the part names the generic sense itself ('vaginal discharge')
            dropped.update(over)
            if fid == "none" or fid in found:  # 'none': a sense with no finding here ('lumbar disc prolapse')
                continue
            found.add(fid)
            added.append((ws, we, [fid]))
    if not added and not dropped:
        return matches
    return sorted([*(m for k, m in enumerate(matches) if k not in dropped), *added])
