"""General words and lay names (assets/kb/qa/question_cues.yaml `general_words`, session 30): a general word asked
bare ("bronchitis", "a UTI", "diabetes") reads the page of its most common form, and the answer says so; a lay name
("a hypo") reads its page with no note. Moved out of understand.TopicFinder by the session-30 review (qarev30), which
added the child's page for a child ("my child has a UTI"), the next words that make another name ("hypo thyroid")
and the longer mentions that hold the word ("chronic bronchitis", "sickle cell anaemia": other conditions)."""

from __future__ import annotations

import re


def _norm(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


def read(finder, question: str, topics: list, wide=()) -> list:
    """The (topic, length, start) list with each general word or lay name read whole turned to its page (how
    "+general" when the answer must say which form answers, "+lay" otherwise; a named subtype, "+narrower", keeps its
    reading). With no topic, the word written in the question ("bronchitis" had been refused: the knowledge concept
    J40 has no page), unless a strictly longer terminology mention holds it."""
    c = finder.cues
    if c is None:
        return topics
    low = question.lower()
    words = {w: (pid, say) for w, pid, say in c.general_words if pid in finder.covered}
    if c.child_cues is not None and c.child_cues.search(low):
        words.update({w: (pid, False) for w, pid in c.general_for_children.items() if pid in finder.covered})

    def next_word_names_another(end: int) -> bool:
        return c.general_not_before is not None and bool(c.general_not_before.match(low[end:]))

    out = []
    for t, n, start in topics:
        hit = words.get(_norm(t.matched)) if "+narrower" not in t.how else None
        if hit is None or next_word_names_another(start + n) or hit[0] == t.id and not hit[1]:
            out.append((t, n, start))
            continue
        out.append(finder._topic(hit[0], t.matched, t.how.split("+")[0] + ("+general" if hit[1] else "+lay"), n,
                                 start))
    if out:
        return out
    for w, (pid, say) in words.items():
        m = re.search(rf"\b{re.escape(w)}\b", low)
        if m is None or next_word_names_another(m.end()) or any(
                x.start <= m.start() and x.end >= m.end() and x.end - x.start > m.end() - m.start() for x in wide):
            continue
        out.append(finder._topic(pid, question[m.start():m.end()], "exact+general" if say else "exact+lay",
                                 m.end() - m.start(), m.start()))
    return out
