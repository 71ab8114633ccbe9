"""Which arms each effect estimate compares: the arm it is for (`Effect.arm`) and the one it is against
(`Effect.comparator`), both names from `ReadResult.arms`.

An arm is found in a sentence by its words (a word of another form counts: "walkers"/"walking"), needing at
least one word that tells it from the other arms ("40 mg" names "tarvesartan 40 mg" among three doses). A
mention right after "than", "compared with", "relative to", "versus", "vs" or "against" (or the second of
"between A and B") is a comparator. For each estimate: the arm named last before it in its clause (else one
named right after it: "... (95% CI ...) with 80 mg"); the comparator marked before it in the sentence (else
right after it: "(IRR 0.82 ...) relative to usual practice"). In a two-arm study a missing side is the other
arm (`arm_basis` 'one named'), and an estimate naming no arm is read as intervention vs comparator
('two-arm trial'). With three or more arms an estimate naming none stays unlinked."""

from __future__ import annotations

import re

from medcore.literature.model import Arm, Effect, Sentence

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset("a an the of to in with for on or and group groups arm arms patients participants subjects daily "
                  "dose".split())  # 'plus' and 'alone' tell "A plus B" from "A alone": not stop words
_MARK = re.compile(r"(?:\bthan|\bcompared\s+(?:with|to)|\brelative\s+to|\bversus|\bvs\.?|\bagainst|\bover)\s+"
                   r"(?:(?:with|in|to|for|on)\s+)?(?:(?:the|a|an|those|patients)\s+)?(?:(?:given|receiving|on|in)\s+(?:the\s+)?)?$",
                   re.I)
_BETWEEN = re.compile(r"\bbetween\b[^,;()]{0,25}$", re.I)
_AND = re.compile(r"\band\s+(?:with\s+|the\s+)*$", re.I)
_NEAR_AFTER = 30  # characters: how far after an estimate a trailing "with 80 mg" / "relative to B" may start


def _same(a: str, b: str) -> bool:
    """One word in two forms: equal, or alphabetic words sharing a long stem ("inactive"/"inactivity")."""
    if a == b:
        return True
    a, b = a.replace("-", ""), b.replace("-", "")
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 4:
        return False
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= max(4, min(len(a), len(b)) - 3)


def _words(text: str) -> list[str]:
    """An arm's words; a hyphenated word also gives its parts ("iron-fortified": "fortified" names it too)."""
    out = []
    for w in _WORD.findall(text.lower()):
        out += [w] + ([p for p in w.split("-") if len(p) >= 4] if "-" in w else [])
    return [w for w in out if w not in _STOP]


def mentions(text: str, arms: list[Arm]) -> list[tuple[int, int, int, bool]]:
    """(start, end, arm index, marked as comparator) of each arm named in `text`, in order."""
    words = [_words(a.name) for a in arms]
    out = []
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text.lower())]
    i = 0
    while i < len(tokens):
        # the longest run of arm words starting here
        j = i
        while j < len(tokens) and tokens[j][2] not in _STOP and any(_same(tokens[j][2], w) for ws in words for w in ws) \
                and (j == i or not text[tokens[j - 1][1]: tokens[j][0]].strip()):  # a comma ends a mention
            j += 1
        if j == i:
            i += 1
            continue
        run = [t[2] for t in tokens[i:j]]
        scored = []
        for k, ws in enumerate(words):
            hit = [w for w in ws if any(_same(w, r) for r in run)]
            # it names this arm when it holds a word no other arm has, or all of the arm's words ("patch alone"
            # beside "patch plus coaching" and "coaching alone"), and fits no other arm as well
            own = [w for w in hit if not any(_same(w, o) for kk, other in enumerate(words) if kk != k for o in other)]
            score = len(hit) / max(1, len(set(ws) | set(run)))
            scored.append((score, k, bool(hit) and (bool(own) or len(set(hit)) == len(set(ws)))))
        scored.sort(reverse=True)
        top = scored[0]
        best = top[1] if top[2] and top[0] > 0 and (len(scored) == 1 or top[0] > scored[1][0]) else -1
        if best >= 0:
            start, end = tokens[i][0], tokens[j - 1][1]
            before = text[max(0, start - 60): start]
            marked = bool(_MARK.search(before)) or (bool(_AND.search(before)) and bool(
                out and _BETWEEN.search(text[max(0, out[-1][0] - 40): out[-1][0]])))
            out.append((start, end, best, marked))
        i = j
    return out


def _other(arms: list[Arm], k: int) -> int:
    return 1 - k if len(arms) == 2 and k in (0, 1) else -1


def link(arms: list[Arm], sentences: list[Sentence], effects: list[Effect], trial: bool = True) -> None:
    """Set `arm`, `comparator` and `arm_basis` on each effect (left empty when the text does not say). Only in a
    trial is an estimate that names no arm read as intervention vs comparator."""
    if len(arms) < 2:
        return
    by_sentence: dict[int, list[Effect]] = {}
    for e in effects:
        by_sentence.setdefault(e.sentence_idx, []).append(e)
    for idx, group in by_sentence.items():
        if not 0 <= idx < len(sentences):
            continue
        text = sentences[idx].text
        found = mentions(text, arms)
        group = sorted(group, key=lambda e: e.span[0])
        for n, e in enumerate(group):
            prev_end = group[n - 1].span[1] if n else 0
            next_start = group[n + 1].span[0] if n + 1 < len(group) else len(text)
            # an arm named inside the estimate's own words counts as before it ("the difference between A and B
            # was 4.1 (95% CI ...)": the span starts at "difference")
            before = [m for m in found if prev_end <= m[0] < e.span[1]]
            after = [m for m in found if e.span[1] <= m[0] < min(next_start, e.span[1] + _NEAR_AFTER)]
            arm = next((m[2] for m in reversed(before) if not m[3]), -1)
            named = list(dict.fromkeys(m[2] for m in before if not m[3]))
            if len(named) >= 2 and not any(m[3] for m in before):
                # both named in parallel with no "than / versus" ("6 of 120 given A and 15 of 120 given B (RR ..)"):
                # the comparator is the control-like one, else the one named second
                a, b = named[0], named[1]
                if arms[a].kind == "comparator" and arms[b].kind != "comparator":
                    a, b = b, a
                arm = a
                found = [m if m[2] != b else (m[0], m[1], m[2], True) for m in found]
            if arm < 0:
                arm = next((m[2] for m in after if not m[3]), -1)
            comp = next((m[2] for m in reversed([m for m in found if m[0] < e.span[1]]) if m[3] and m[2] != arm), -1)
            if comp < 0:
                comp = next((m[2] for m in after if m[3] and m[2] != arm), -1)
            basis = "named"
            if arm >= 0 and comp < 0:
                comp, basis = _other(arms, arm), "one named"
            elif comp >= 0 and arm < 0:
                arm, basis = _other(arms, comp), "one named"
            elif arm < 0 and comp < 0 and len(arms) == 2 and trial:
                kinds = [a.kind for a in arms]
                arm = kinds.index("intervention") if kinds.count("intervention") == 1 else 0
                comp, basis = 1 - arm, "two-arm trial"
            if arm >= 0 and comp >= 0 and arm != comp:
                e.arm, e.comparator, e.arm_basis = arms[arm].name, arms[comp].name, basis
