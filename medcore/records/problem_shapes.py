"""Problems told in a phrase shape rather than as a term (records/problem_vocab.py reads the terms): a symptom with its
site after it ('pain in her back': back pain), a finding said as a predicate ('air entry is decreased'), and the first
site of a list that shares its head noun ('eye or ear pain': eye pain), and an organ's disease told with a lay head
noun ('liver problems': liver disease). Each is reported only when the whole
rebuilt term is a known coded problem (`vocab`: a problem_vocab.ProblemVocab)."""

from __future__ import annotations

import re

from medcore.knowledge.concepts import Mention

# a symptom, then its site: 'pain in her back', 'tenderness over the right flank' (the site: one or two words, a
# trailing 'region' or 'area' left out)
# A site named with "this"/"that" or in the plural ('pain in this knee', 'pain in his toes') is the same site; the
# adjective 'tender' or 'swollen' before it names the sign ('tender over the left flank': flank tenderness).
_SITE_AFTER = re.compile(r"\b(?P<head>pain|tenderness|swelling|numbness|tender|swollen)\s+"
                         r"(?:(?:to\s+)?palpation\s+)?(?:in|of|over|at)\s+"
                         r"(?:(?:the|her|his|their|my|both|this|that|these|those|your|its)\s+)?"
                         r"(?:(?P<side>right|left|bilateral)\s+)?"
                         r"(?P<site>[a-z]+(?:\s+(?!region\b|area\b|and\b|or\b|with\b)[a-z]+)?)"
                         r"(?:\s+(?:region|area))?(?![\w-])", re.I)
# an examination or result told as a predicate, with no problem word: "air entry is bilaterally decreased",
# "bowel sounds are decreased", "the heart is enlarged": the problem the adjective-first term names ("decreased air
# entry", "enlarged heart"), over the whole predicate. Only when the whole term is a known problem. A negated
# predicate ("the knee is not swollen") is read over the adjective alone, so that the "not" before it negates it;
# a blood pressure "high" once is a reading, not hypertension.
_PREDICATE = re.compile(r"(?<![\w-])(?P<subject>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+(?:(?:that|which)\s+)?"
                        r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains|remained)\s+"
                        r"(?P<neg>not\s+)?"
                        r"(?:(?:bilaterally|slightly|mildly|somewhat|markedly|moderately|significantly|minimally|"
                        r"only|also|very|quite|now|still|grossly|diffusely)\s+){0,3}"
                        r"(?P<adj>decreased|diminished|reduced|increased|elevated|enlarged|displaced|distended|"
                        r"dilated|thickened|absent|hyperactive|hypoactive|high|low|raised|irregular|tender|up|"
                        # session 24c: an examination sign said of a part ('limbs were cool'); 'warm and dry' is normal
                        r"cool|cold|pale|mottled|"
                        # session 26: a sign's result said after it ('Romberg is positive', 'toes were upgoing',
                        # 'pupils are nonreactive'); read only where '<adj> <subject>' is a whole known problem
                        r"positive|upgoing|nonreactive|unreactive|sluggish)\b(?!-)",
                        re.I)
# a second site after the first, joined by 'and'/'or' ('pain in the neck and shoulder', 'in the back or left hip'),
# read right after the first site's last letter (the lookbehind keeps a search over a run of blanks linear)
_MORE_SITE = re.compile(r"(?<!\s)\s+(?:and|or)\s+(?:(?:the|her|his|their|my|both|this|that)\s+)?"
                        r"(?:(?P<side>right|left|bilateral)\s+)?"
                        r"(?P<site>[a-z]+(?:\s+(?!region\b|area\b|and\b|or\b|with\b)[a-z]+)?)(?:\s+(?:region|area))?(?![\w-])",
                        re.I)
_SIGN_OF = {"tender": "tenderness", "swollen": "swelling"}
_PLURAL_SITE = {"feet": "foot", "teeth": "tooth"}


def _singular(words: str) -> str:
    """The site with its last word in the singular ('toes' -> 'toe', 'feet' -> 'foot'); unchanged otherwise."""
    *first, last = words.split() or [""]
    low = last.lower()
    one = _PLURAL_SITE.get(low) or (last[:-1] if low.endswith("s") and not low.endswith(("ss", "us", "is")) else last)
    return " ".join(first + [one])


_DETERMINERS = frozenset({"the", "his", "her", "their", "a", "an", "its", "both", "and", "or", "patient's"})
_NOT_SUBJECT = frozenset({"blood pressure", "pressure", "bp", "risk", "chance", "likelihood", "dose", "pain"})
_READING, _RAISED = frozenset({"blood pressure", "bp"}), frozenset({"elevated", "high", "raised", "increased", "up"})
# a head noun shared by a list of sites ("no eye or ear pain", "back and chest pain", "drug or alcohol abuse"): the
# first site with the head is a problem too, read over the first site ("pancreatic and left adrenal lesions").
# ("No change in urinary or bowel habits" is left: "no change" is a pseudo-negation, so the habit change would read
# as present.)
_SHARED_HEAD = re.compile(r"(?<![\w-])(?P<first>[a-z]+)\s*"
                          r"(?:,|\bor\b|\band\b|\bnor\b|/)\s*(?:[a-z]+\s*(?:,|\bor\b|\band\b|/)\s*)?"
                          r"(?:(?:left|right|bilateral)\s+)?(?:[a-z]+\s+){1,2}"  # 'neck and lower back pain'
                          r"(?P<head>pain|habits?|incontinence|abuse|tenderness|swelling|discharge|bleeding|infections?|"
                          r"weakness|numbness|disease|lesions|masses|nodules|radiculopathy)\b", re.I)


def turned_round(vocab, sentence: str) -> list[tuple[object, object, str]]:
    """A symptom written with its site after it ('pain in her back', 'tenderness in the suprapubic region'):
    the problem the site-first term names ('back pain', 'suprapubic tenderness'), over the whole phrase; a second
    site joined by 'and'/'or' has the same symptom ('pain in the neck and shoulder': shoulder pain too)."""
    out = []
    for m in _SITE_AFTER.finditer(sentence):
        head = _SIGN_OF.get(m.group("head").lower(), m.group("head"))
        got = _site_head(vocab, sentence, m.start(), m.end(), m.start("site"), m.group("side"), m.group("site"), head)
        if got is None:
            continue
        out.append(got)
        more = _MORE_SITE.match(sentence, got[0].end) if got[0].end == m.end() else None
        if more:
            first = more.start("side") if more.group("side") else more.start("site")
            again = _site_head(vocab, sentence, first, more.end(), more.start("site"), more.group("side"),
                               more.group("site"), head)
            if again is not None:
                out.append(again)
    return out


def _site_head(vocab, sentence: str, start: int, end: int, site_at: int, side: str | None, site_words: str,
               head: str) -> tuple[object, object, str] | None:
    """(mention over [start, end), concept, code) of the site-first term `site head`, the longest site first, with
    its side, then without; None when no such term is a coded problem."""
    site = site_words.split()
    for n in range(len(site), 0, -1):
        sides = (" ".join((side or "").split() + site[:n]), " ".join(site[:n]))
        for words in dict.fromkeys(w for sd in sides for w in (sd, _singular(sd))):
            named = f"{words} {head}"
            whole = [c for c in vocab.term.match(named, only=vocab.only) if c.start == 0 and c.end == len(named)]
            got = next((g for g in (vocab.resolve(c) for c in whole) if g is not None), None)
            if got is not None:
                stop = end if n == len(site) else site_at + len(" ".join(site[:n]))
                mention = Mention(start, stop, sentence[start:stop], got[0].id, "condition", whole[0].synonym,
                                  how="variant")
                return mention, *vocab.with_side(sentence, mention, *got)  # 'pain in the right knee'
    return None


def predicated(vocab, sentence: str) -> list[tuple[object, object, str]]:
    """A finding said as a predicate ('air entry is decreased'): the adjective-first term's problem."""
    out = []
    for m in _PREDICATE.finditer(sentence):
        words = m.group("subject").split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        for n in range(len(words), 0, -1):  # the longest subject first ('ammonia level', then 'level')
            subject = " ".join(words[-n:])
            adj = m.group("adj").lower()
            if subject.lower() in _READING and adj in _RAISED:
                # a blood pressure said to be high is a raised reading (R03.0), not a diagnosis of hypertension
                subject, adj = "blood pressure", "elevated"
            elif subject.lower() in _NOT_SUBJECT:
                break
            named = f"{adj} {subject}"
            whole = [c for c in vocab.term.match(named, only=vocab.only) if c.start == 0 and c.end == len(named)]
            got = next((g for g in (vocab.resolve(c) for c in whole) if g is not None), None)
            if got is not None:
                start = m.start("adj") if m.group("neg") else m.start("subject") + m.group("subject").rfind(subject)
                mention = Mention(start, m.end(), sentence[start:m.end()], got[0].id, "condition",
                                  whole[0].synonym, how="variant")
                out.append((mention, *got))
                break
    return out


def shared_head(vocab, sentence: str) -> list[tuple[object, object, str]]:
    """The first site of a list that shares its head noun ('eye or ear pain': eye pain), over that site."""
    out = []
    for m in _SHARED_HEAD.finditer(sentence):
        named = f"{m.group('first').lower()} {m.group('head').lower()}"
        found = vocab.term.match(named, only=vocab.only)
        whole = [c for c in found if c.start == 0 and c.end == len(named)]
        got = next((g for g in (vocab.resolve(c) for c in whole) if g is not None), None)
        if got is None:
            got = _head_by_site(vocab, named, found, len(m.group("first")) + 1)
        if got is not None:
            start = m.start("first")
            mention = Mention(start, m.end("first"), m.group("first"), got[0].id, "condition",
                              whole[0].synonym if whole else named, how="variant")
            out.append((mention, *got))
    return out


# lay head nouns that stand for "disease" after an organ or system: ICD-10-CM index, "Trouble - see also Disease"
# (heart, kidney, sinus); a review of systems writes "no liver problems", "renal problems", "blood clotting problems"
# for the organ's disease, unspecified: the lay word says no more, so only a code whose title says "unspecified" is
# read ("sensory problems" is not the eyelid's H02.59). "Complaints" are left: they are symptoms, not a disease.
_LAY_HEAD = re.compile(r"(?<![\w-])(?:problems?|troubles?|issues)(?![\w-])", re.I)
_UNSPECIFIED = ("unspecified", "not otherwise specified")
_LAY_READS_AS = ("disease", "disorder")
# a lay "behavior problem" does not diagnose a behavioural or emotional disorder of childhood (F90-F98)
_NOT_FROM_LAY = ("F9",)


def lay_head(vocab, sentence: str) -> list[tuple[object, object, str]]:
    """An organ's disease told with a lay head noun ('no liver problems', 'blood clotting problems'): the term
    '<organ words> disease' (or 'disorder') when it is a coded problem, over the organ words and the head noun;
    the two words before the head first, then one."""
    out = []
    for m in _LAY_HEAD.finditer(sentence):
        words, at = [], m.start()
        for _ in range(2):  # up to two words before the head, read backwards letter by letter (no regex)
            w = _word_before(sentence, at)
            if w is None:
                break
            words.insert(0, w)
            at = w[0]
        for n in range(len(words), 0, -1):
            start, organ = words[-n][0], " ".join(w for _, w in words[-n:]).lower()
            named = next((f"{organ} {h}" for h in _LAY_READS_AS if vocab.named_whole(f"{organ} {h}") is not None), "")
            got = vocab.named_whole(named) if named else None
            title = vocab.term.get(f"icd10cm:{got[1]}") if got is not None else None
            if got is not None and not got[1].startswith(_NOT_FROM_LAY) and title is not None and \
                    any(u in title.name.lower() for u in _UNSPECIFIED):
                mention = Mention(start, m.end(), sentence[start:m.end()], got[0].id, "condition", named, how="variant")
                out.append((mention, *got))
                break
    return out


def _word_before(sentence: str, at: int) -> tuple[int, str] | None:
    """(start, word) of the word of letters that ends right before the blanks before `at`; None if none."""
    end = at
    while end > 0 and sentence[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and sentence[start - 1].isalpha():
        start -= 1
    if end == at or start == end or (start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "-'")):
        return None
    return start, sentence[start:end]


def _head_by_site(vocab, named: str, found, head_at: int) -> tuple[object, str] | None:
    """(concept, code) of '<site> <head>' when the head alone is the term and the site beside it changes its code
    ('cervical and lumbar radiculopathy': the first region's radiculopathy, M54.12, not the second's M54.16)."""
    head = [c for c in found if c.start == head_at and c.end == len(named)]
    bare = vocab.resolve(head[0]) if head else None
    if bare is None:
        return None
    got = vocab.reported(named, head[0])
    return (got[0][1], got[0][2]) if len(got) == 1 and got[0][2] != bare[1] else None
