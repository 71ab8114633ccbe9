"""One allergy entry as people type it -> (substance, reaction). The one home of this reading: the planner's JSON
input (`profile.parse_patient`), the page's allergy field (`forms.form_to_patient`) and an allergy object whose
substance still holds its reaction all come through `split_allergy`.

Formats read: "penicillin (hives)", "penicillin [rash]", "penicillin (hives" (bracket left open), "penicillin - hives", "penicillin – rash" (en or em
dash), "PCN: hives", "penicillin -> rash" (or "=>", "→"), "penicillin causes hives", "amoxicillin gives me a rash",
and a lead-in such as "allergic to amoxil" or "allergy to sulfa". What is left is the substance; the planner
resolves it (class, drug, brand, misspelling) in `names.resolve_allergen`.
"""

from __future__ import annotations

import re

# "substance (reaction)" on one line. Each lazy part ends only at a non-blank, so the blanks after it are read
# once: "(.*?)\s*" retried the blanks from every position of a long run (quadratic). The same groups as
# r"^(.*?)\s*[\(\[]\s*(.*?)\s*[\)\]]\s*$" on a line without a line break (form lines are split first).
_BRACKETS = re.compile(r"^((?:[^(\[\n]*?[^(\[\s])??)\s*[\(\[]\s*+((?:.*?\S)??)\s*[\)\]]\s*$")
# The first mark between a substance and its reaction. A hyphen counts only with a blank beside it: inside a
# word it joins a name ("co-trimoxazole", "amoxicillin-clavulanate"). No blanks are matched around the mark (the
# parts are stripped instead), so a long run of blanks is never rescanned from each of its positions.
_SEPARATOR = re.compile(r"->|=>|[→⇒–—:>]|(?<=\s)-|-(?=\s)"
                        r"|\b(?:causes|cause|caused|gives\s+me|gave\s+me|makes\s+me|made\s+me|leads\s+to|led\s+to)\b",
                        re.I)
# Words before the substance that say it is an allergy ("allergic to amoxil", "allergy: penicillin").
_LEAD_IN = re.compile(r"^(?:known\s+|severe\s+|documented\s+)?(?:allergic\s+(?:reaction\s+)?to|allergy\s+to"
                      r"|allergies\s+to|allergy\s*:|allergies\s*:|hypersensitivity\s+to|sensitive\s+to"
                      r"|sensitivity\s+to|intolerant\s+(?:of|to)|intolerance\s+(?:of|to))\s*", re.I)
# ... and after it ("PCN allergy", "penicillin allergic").
_TRAIL = re.compile(r"\s(?:allergy|allergic|allergies)$", re.I)


def _substance(text: str) -> str:
    s = _LEAD_IN.sub("", text.strip(), count=1).strip()
    return _TRAIL.sub("", s).strip(" .,;") or s


# Words that join a reaction typed first to its substance ("hives from penicillin", "rash with amoxicillin",
# "anaphylaxis to PCN", "swelling after cefalexin"); matched word by word, so no regex backtracks over the text.
_REACTION_FIRST = ("from", "with", "after", "to", "on", "due to", "caused by", "because of", "when taking",
                   "while taking", "while on", "following")
_FIRST_WORDS = frozenset(w.split()[0] for w in _REACTION_FIRST)


def reaction_first(text: str) -> list[tuple[str, str]]:
    """Each (substance, reaction) reading of a text that may give the reaction first ("hives from penicillin" ->
    ("penicillin", "hives")), splitting at each joining word, leftmost first. The planner keeps the first whose
    substance it can read, only when the whole text is not read (`patient_allergies.read_allergies`): "amoxicillin
    with clavulanate" read as a product is never split."""
    words = str(text or "").split()
    low = [w.lower() for w in words]
    out = []
    for i in range(1, len(words) - 1):
        if low[i] not in _FIRST_WORDS:
            continue
        for j in (1, 2):
            if " ".join(low[i:i + j]) in _REACTION_FIRST and i + j < len(words):
                out.append((_substance(" ".join(words[i + j:])), " ".join(words[:i]).strip(" ,;:")))
    return out


def split_allergy(text: str) -> tuple[str, str]:
    """(substance, reaction) of one typed allergy; reaction "" when none is given. A text that is only a lead-in
    or a separator keeps its words as the substance, so it is reported as unread rather than dropped."""
    t = str(text or "").strip()
    if not t:
        return "", ""
    body = _LEAD_IN.sub("", t, count=1).strip() or t
    m = _BRACKETS.match(body)
    if m and m.group(1).strip():
        return _substance(m.group(1)), m.group(2).strip()
    opened = min((i for i in (body.find("("), body.find("[")) if i > 0), default=0)
    if opened and not any(c in body[opened:] for c in ")]") and body[:opened].strip():
        # "penicillin (anaphylaxis": the closing bracket forgotten. Read as if it were there; unread, the allergy
        # was left out of the plan, which then proposed a penicillin
        return _substance(body[:opened]), body[opened + 1:].strip(" -–—:>.([")
    sep = _SEPARATOR.search(body)
    if sep and body[:sep.start()].strip():
        reaction = body[sep.end():].strip(" -–—:>.")
        return _substance(body[:sep.start()]), reaction
    return _substance(body), ""


def as_written(substance: str, reaction: str | None, unknown: str = "") -> str:
    """An entry shown back as typed, 'penicillin (hives)' (the inverse of `split_allergy`; one home for the plan's
    lists and every allergy warning); `unknown` follows a substance whose reaction was not given."""
    return substance + (f" ({reaction})" if reaction else unknown)
