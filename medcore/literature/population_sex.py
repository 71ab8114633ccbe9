"""Sex of the population: the share of women, from counts or percentages ("19 men and 43 women", "62% were women",
"80 subjects (40 males)"), moved from pico.py in session 13 (lit13s), which added:
- counts in words ("ten males and two females") and a ratio ("male:female = 9:60");
- a population of one sex: the sentence that gives N counts only women ("21 female patients", "855 pregnant
  women") and no sentence names men, boys or fathers: 100% women (or 0% for men only)."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.literature.model import Sentence
from medcore.literature.numwords import digits_for_words, lead_small
from medcore.literature.people_words import PEOPLE_WORDS

# (session 30) "55 percent were women", "56% of them women"
_SEX = re.compile(r"(?<!\d)(?P<pct>\d+(?:\.\d+)?)(?:\s?%|\s+per\s?cent\b)\s*(?:of\s+(?:the\s+)?(?:patients|participants|subjects|them|whom)\s+)?(?:were\s+)?"
                  r"(?P<sex>women|woman|female|females|men|male|males|girls|boys)\b", re.I)
_SEX_COUNT = re.compile(r"\b\d+\s*\((?P<pct>\d+(?:\.\d+)?)\s?%\)\s*(?:were\s+)?(?P<sex>women|female|females|men|male|males|girls|boys)\b"
                        r"(?=\s*(?:[,;).]|and\b|$))", re.I)
# "19 men and 43 women", "12 women, 5 men"; "80 healthy subjects (40 males)"
# counts with thousands commas ("15,120 women, 9,870 men") and one person ("1 woman and 11 men") too (session 23c)
# ("412 were women and 388 were men": session 24b)
_SEX_PAIR = re.compile(r"(?<![\d,.])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:were\s+)?(?P<sa>men|man|males?|women|woman|females?|boys|girls)"
                       r"(?:\s+and\s+|\s*[,;]\s*)(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:were\s+)?(?P<sb>men|man|males?|women|woman|females?|boys|girls)\b",
                       re.I)
SEX_PAIR = _SEX_PAIR  # population_size reads a bracketed pair as the population's size when nothing else counts it
_SEX_OF = re.compile(r"\b(?P<tot>\d+)\s+[\w\s-]{0,40}?\((?P<k>\d+)\s+(?P<sex>men|males?|women|females?|boys|girls)\b", re.I)
# "Of the 75 subjects, 30 were female" (session 24b); not a part of them ("Of the 20 who died, 12 were men", session 27)
_PART = r"(?:who|that|which|with|had|died|developed|whose)\b"
# (review fix) the part may be the population itself ("Of the 40 who responded, 25 were women" when the 40 who
# responded are the N): the words after the total are kept, and a part is read only when its total is the N
_SEX_OF_TOTAL = re.compile(r"\bof\s+(?:the\s+)?(?P<tot>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<who>(?:[\w\-]+\s+){0,2}?[\w\-]+),\s+(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+"
                           r"(?:\(\s*\d+(?:\.\d+)?\s?%\s*\)\s+)?(?:were|was)\s+(?P<sex>women|female|females|men|male|males|girls|boys)\b", re.I)
_PART_RE = re.compile(r"\b" + _PART, re.I)
# a share named by the sex first, as tables and Table-1 sentences print it: "Female sex: 38.2%", "(female, 44.1%)",
# "Women made up 36% of the cohort"; only at a sentence's or bracket's start ("Among women, 36% had ..." is no share)
_SEX_SHARE = re.compile(r"(?:^|[(\[;]\s*)(?P<sex>women|female|females|men|male|males)(?:\s+sex)?\s*(?:[,:=]\s*|\s+(?:made\s+up|comprised|"
                        r"accounted\s+for|represented|constituted)\s+)(?P<pct>\d+(?:\.\d+)?)\s?%(?=\s*(?:[)\];.,]|of\b|$))", re.I)
_FEMALE = ("women", "woman", "female", "females", "girls", "girl")
SEX_FEMALE = _FEMALE
# "male:female = 9:60", "female/male ratio 3:1"
_SEX_RATIO = re.compile(r"\b(?P<sa>male|female|men|women)s?\s*[:/]\s*(?P<sb>male|female|men|women)s?\s*(?:ratio\s*)?(?:=|:|of|was|,)?\s*"
                        r"(?P<a>\d+)\s*:\s*(?P<b>\d+)\b", re.I)
# session 27: the ratio said with its words first and the numbers after ("the male to female ratio was 4:1",
# "a male-to-female ratio of 3:1", "M:F 3:1", "sex ratio (F/M) = 1/2"); the letters only as capitals
_SEX_RATIO_WORDS = re.compile(r"(?:\b(?P<sa>male|female|men|women)s?|(?<![\w/])(?-i:(?P<la>[MF])))\s*(?:[:/]|\s*-?\s*to\s*-?\s*)\s*"
                              r"(?:(?P<sb>male|female|men|women)s?\b|(?-i:(?P<lb>[MF]))(?![\w/]))[^\d.;]{0,30}?"
                              r"(?<![\d.])(?P<a>\d{1,4}(?:\.\d{1,2})?)\s*[:/]\s*(?P<b>\d{1,4}(?:\.\d{1,2})?)(?![\d.]*\s*%)", re.I)
# a share told after the sex word, in brackets, of most or all of the people: "the majority were women (82%)",
# "most were men (64%)", "were predominantly female (71%)"; a sex word and a bracketed share alone ("women (60%)
# reported more pain") may be an outcome's subgroup and is not read
_SEX_MOST = re.compile(r"\b(?:(?:the\s+)?majority|most)(?:\s+of\s+(?:them|the\s+[\w\-]+)|\s+(?:participants|patients|respondents|subjects))?\s+(?:were|was)\s+(?P<sex>women|men|females?|males?)\s*"
                       r"\(\s*(?P<pct>\d{1,2}(?:\.\d{1,2})?|100)\s?%\s*\)"
                       r"|\b(?:were|was)\s+(?:predominantly|mostly|mainly|largely)\s+(?P<sex2>women|men|females?|males?)\s*"
                       r"\(\s*(?P<pct2>\d{1,2}(?:\.\d{1,2})?|100)\s?%\s*\)", re.I)
# (review fix) a share of some of the people ("Among those with myalgia, the majority were women", "Of those
# admitted, all were men"): a part named before it in the sentence
_PART_BEFORE = re.compile(r"\b(?:among|those|who|whom|these|admitted|died|deaths?|with|without|had|developed|reported|"
                          r"affected|group|subgroup|cases?\s+of)\b", re.I)
# "32 patients were female" (no total in the sentence: the population's N is the total)
# session 29: a count of four or more digits written without a comma ("5224 were men") is a count too
_K_WERE = re.compile(r"(?<![\w.,])(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:patients|participants|subjects|of\s+them|children|cases)\s+)?"
                     r"(?:were|was)\s+(?P<sex>women|men|females?|males?|girls|boys)\b(?!\s*(?:and|or|,)\s*\d)"
                     # session 29: "60 adults aged 30 to 70, 40 of them women" (no verb after "of them")
                     r"|(?<![\w.,])(?P<k2>\d{1,3}(?:,\d{3})+|\d+)\s+of\s+(?:them|whom)\s+(?:were\s+)?"
                     r"(?P<sex2>women|men|females?|males?|girls|boys)\b(?!\s*(?:and|or|,)\s*\d)", re.I)
_SUBGROUP = re.compile(r"\b(?:among|of|in|who|with|those|these|group|died|deaths?|had|without)\b", re.I)
# every one of the people of one sex: "(n = 25, all males)", "all were women", "all of them were men"
# (review fix) not "30% of all participants were women" (a share of all, told by the percentage before it)
_ALL_ONE = re.compile(r"(?<!\bof\s)\ball\s+(?:of\s+them\s+|patients\s+|participants\s+|subjects\s+)?(?:were\s+)?(?P<sex>women|men|females|males|girls|boys)\b", re.I)
# one person described by age and sex, as a case report or a short series tells each case: "a 51-year-old woman"
_CASE_PERSON = re.compile(r"\b(?:a|an)\s+\d{1,3}[- ](?:year|month)s?[- ]old\s+(?P<sex>man|woman|boy|girl|male|female)\b", re.I)
# the people of the sentence that gives N, when they are of one sex
# (session 27) no joining word between the count and the sex: "400 infants born to mothers" counts the infants
_ONE_SEX = re.compile(r"\b" + LATER_THOUSANDS_GROUP + r"\d[\d,]*\s+(?:(?!(?:to|of|born|with|from|and|or|whose|were|was|in|including|among)\b)[A-Za-z][\w\-]*\s+){0,3}?(?P<sex>females?|males?|pregnant\s+women|women|men|girls|boys|mothers|fathers)"
                      r"(?:\s+(?:patients|participants|subjects|volunteers|adults|children|athletes|students))?\b", re.I)
_ONE_SEX_PEOPLE = r"(?:females?|males?|women|men|girls|boys|mothers|fathers)"
# "ten males and two females": small counts in words before a sex word (digits_for_words leaves one to nine)
_SMALL_WORDS = "one two three four five six seven eight nine".split()
_SMALL = re.compile(r"\b(" + "|".join(_SMALL_WORDS) + r")\s+(?=(?:men|males?|women|females?|boys|girls)\b)", re.I)
# the title's people, when of one sex: "... in older women", "among pregnant women", "in boys with ..."
_TITLE_SEX = re.compile(r"\b(?:in|among|of|for)\s+(?:[\w\-]+\s+){0,2}?(?P<sex>women|men|girls|boys|mothers|fathers)\b", re.I)
MALE_WORDS = _MALE_WORDS = re.compile(r"\b(?:men|males?|boys|fathers|man|husbands?|sons|brothers)\b", re.I)
FEMALE_WORDS = _FEMALE_WORDS = re.compile(r"\b(?:women|females?|girls|mothers|woman|pregnan\w*|wives|wife|daughters|sisters)\b", re.I)


def count(written: str) -> int:
    """A count as written, thousands commas and all ("15,120")."""
    return int(written.replace(",", ""))


def _shares(f: float, total: float, idx: int, text: str) -> dict:
    return {"female_pct": round(100 * f / total, 1), "male_pct": round(100 * (total - f) / total, 1),
            "sentence_idx": idx, "text": text}


_AND_BABIES = re.compile(r"\b(?:and|with)\s+(?:their\s+|\d[\d,]*\s+)(?:[\w\-]+\s+)?(?:infants|babies|newborns|neonates|offspring)\b", re.I)


def _one_sex(sentences: list[Sentence], n_idx: int, title: str = "") -> dict:
    """100 (or 0) when the N sentence counts people of one sex, or (session 23c) the title studies people of one
    sex ("... in women with eclampsia"), and no sentence names the other."""
    s = next((s for s in sentences if s.idx == n_idx), None)
    m = _ONE_SEX.search(lead_small(*digits_for_words(s.text), _ONE_SEX_PEOPLE)[0]) if s is not None else None
    if not m and title:
        m = _TITLE_SEX.search(title)
        if m and _FEMALE_WORDS.search(title) and _MALE_WORDS.search(title):
            return {}
        s = Sentence(-1, title, 0, 0, None, "objective")
    if not m or (s.idx != -1 and _AND_BABIES.search(s.text)):
        return {}  # (session 30) "377 women ... and 836 control women and their infants": the babies are counted too
    female = bool(_FEMALE_WORDS.fullmatch(m.group("sex").split()[-1])) or m.group("sex").lower() == "female"
    other = _MALE_WORDS if female else _FEMALE_WORDS
    if any(other.search(x.text) for x in sentences):
        return {}
    return _shares(100.0 if female else 0.0, 100.0, s.idx, m.group(0))




# a model or a hypothetical patient is no case: "in a 79-year-old woman, the Markov model ..." (session 27)
_MODELLED = re.compile(r"\b(?:markov|simulation|simulated|hypothetical|decision\s+(?:analysis|tree|model)|cost-effectiveness)\b", re.I)
_CASE_SECTION = re.compile(r"\b(?:case|presentation|report)\b", re.I)


def one_case(sentences: list[Sentence]) -> tuple[int, int, str] | None:
    """(1, sentence index, words) when a case report describes its one person ("a 51-year-old woman") where the
    case is told (objective, methods, a CASE / PRESENTATION section, unlabelled text) and nothing is modelled."""
    if any(_MODELLED.search(s.text) for s in sentences):
        return None
    for s in sentences:
        m = _CASE_PERSON.search(s.text)
        if m and (s.role in ("objective", "methods", "") or _CASE_SECTION.search(s.section or "")):
            return 1, s.idx, m.group(0)
    return None


def _is_female(word: str) -> bool:
    return word.lower() in ("women", "woman", "female", "females", "girls", "girl", "f")


# (review fix) N counted in a unit other than people (eyes, procedures, lesions, specimens): a count of patients of
# one sex is no share of it
_OTHER_UNIT = r"(?:eyes|procedures|operations|lesions|specimens|samples|images|scans|mammograms|biopsies|teeth|knees|hips|joints|limbs|feet|ears|kidneys|nodules|tumou?rs|implants|cycles|embryos|births|pregnancies|episodes|admissions|visits|examinations|colonoscopies|endoscopies)"
# a count of people (any common people noun), for the subgroup guard below
_PEOPLE_COUNT = re.compile(r"(?<![\w.,])(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?(?:patients|participants|subjects|cases|people|persons|"
                           r"individuals|children|adults|women|men|users)\b", re.I)


def _n_in_other_unit(sentences: list[Sentence], n: int) -> bool:
    """The population's N counts eyes, procedures, lesions ...: "We examined 120 eyes"."""
    unit = re.compile(r"(?<![\w.,])" + f"{n:,}".replace(",", ",?") + r"\s+(?:[\w\-]+\s+){0,2}?" + _OTHER_UNIT + r"\b", re.I)
    return any(unit.search(digits_for_words(s.text)[0]) for s in sentences)


def _counted_part_before(sentences: list[Sentence], s: Sentence, start: int, n: int, k: int) -> bool:
    """A smaller group of people is counted before the match, in its sentence or an earlier results sentence
    ("Thirty patients developed a wound infection. Eighteen patients were male."): the count is of that part."""
    texts = [digits_for_words(x.text)[0] for x in sentences if x.idx < s.idx and x.role == s.role == "results"]
    texts.append(digits_for_words(s.text)[0][:start])
    return any(k < count(m.group("k")) < n for t in texts for m in _PEOPLE_COUNT.finditer(t))


def _part_before(text: str, start: int, n: int | None) -> bool:
    """A part of the people named before `start` ("Among those with myalgia, ..."), unless the population's own N
    is said there ("Among 310 adults aged 40 to 60, most were women (71%)")."""
    if not _PART_BEFORE.search(text, 0, start):
        return False
    return not (n and any(count(m.group("k")) == n for m in _PEOPLE_COUNT.finditer(text, 0, start)))


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before `start` (after the last semicolon), "in all" / "in total" left out."""
    clause = text[:start].rsplit(";", 1)[-1]
    return re.sub(r"\bin\s+(?:all|total)\b", " ", clause, flags=re.I)


def _of_them_total(text: str, start: int, n: int | None) -> bool:
    """"K of them women" counts the nearest count before it: only the people's share when that count is the N."""
    counts = list(_COUNTED_PEOPLE.finditer(text, 0, start))
    return bool(n and counts and count(counts[-1].group(1)) == n)


_COUNTED_PEOPLE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?" + PEOPLE_WORDS + r"\b", re.I)


def _told_after(sentences: list[Sentence], n: int | None) -> dict:
    """Session 27: the forms that need the population's N, or say that all are of one sex."""
    for s in sentences:
        text = digits_for_words(s.text)[0]
        m = _K_WERE.search(text)
        k = count(m.group("k") or m.group("k2")) if m else 0
        # a part named before the count is a subgroup ("Of the 40 who died, 25 were men"): not the population's; only
        # the count's own clause is looked at (session 29: "In all, 900 took part; 600 were men")
        if m and m.group("k2") and not _of_them_total(text, m.start(), n):
            m = None  # "2000 anaesthetists, 500 of them women": the share of another count than the people's
        if m and n and 0 < k < n and not _SUBGROUP.search(_clause_before(text, m.start())) \
                and not _counted_part_before(sentences, s, m.start(), n, k) and not _n_in_other_unit(sentences, n):
            return _shares(k if _is_female(m.group("sex") or m.group("sex2")) else n - k, n, s.idx, m.group(0))
        m = _ALL_ONE.search(text)
        if m and not _part_before(text, m.start(), n):
            female = _is_female(m.group("sex"))
            # the other sex named anywhere, in this sentence too ("all men and women") but for the match itself
            if not any((_MALE_WORDS if female else _FEMALE_WORDS).search(x.text[:m.start()] + " " + x.text[m.end():] if x is s else x.text)
                       for x in sentences):
                return _shares(100.0 if female else 0.0, 100.0, s.idx, m.group(0))
    described = [(s.idx, m) for s in sentences for m in _CASE_PERSON.finditer(s.text)]
    sexes = {_is_female(m.group("sex")) for _, m in described}
    # each of the study's people described one by one (a case report, a short series), all of one sex
    if described and n is not None and len(described) >= n and len(sexes) == 1:
        female = sexes.pop()
        other = _MALE_WORDS if female else _FEMALE_WORDS
        if not any(other.search(_CASE_PERSON.sub("", x.text)) for x in sentences):
            return _shares(100.0 if female else 0.0, 100.0, described[0][0], described[0][1].group(0))
    return {}


# (review fix) a sex ratio of babies, embryos or births is an outcome, not the share of the people studied
_BABIES = re.compile(r"\b(?:embryos?|newborns?|neonates?|births?|babies|baby|infants?|offspring|fetus\w*|foetus\w*|live[- ]born)\b", re.I)


def _larger_count_before(text: str, start: int, total: int) -> bool:
    """A count of people larger than `total` earlier in the sentence: the pair counts a part of them ("We studied
    500 patients; follow-up was completed in 208 men and 149 women")."""
    return any(count(m.group("k")) > total for m in _PEOPLE_COUNT.finditer(text, 0, start))


# session 29: a share said of one group of a compared pair is no share of the people studied: "Of the cases, 60
# (20%) were women" in a case-control study (the controls are people studied too), "in the intervention group 55%
# were women" (one arm). Cases are one group only when controls are named; a case series' "of the 40 cases" is all.
_ARM_GROUP = (r"(?:intervention|treatment|treated|control|placebo|exercise|usual[- ]care|experimental|exposed|unexposed|"
              r"case)\s+(?:group|arm)s?")
_ONE_GROUP_BEFORE = re.compile(r"\b(?:(?:of|among|in|for)\s+(?:the\s+|these\s+|our\s+)?(?:\d[\d,]*\s+)?(?:" + _ARM_GROUP +
                               r"|(?P<c1>cases|controls)|(?:exposed|unexposed)\s+\w+)|(?P<c2>cases|controls)\s+(?:were|was|included|"
                               r"comprised)|" + _ARM_GROUP + r"\s+(?:were|was|included|comprised))\b[^.;]{0,40}$", re.I)
_CONTROLS = re.compile(r"\bcontrols\b|\bcontrol\s+(?:subjects|participants|group)\b", re.I)


_BOTH_BEFORE = re.compile(r"\b(?:cases|controls)\s+(?:and|or|&)\s+$", re.I)
_BOTH_AFTER = re.compile(r"(?<!\s)\s++(?:and|or|&)\s++(?:(?:their|the|matched)\s++)?(?:cases|controls)\b", re.I)


def _one_group(sentences: list[Sentence], text: str, start: int) -> bool:
    """The share matched at `start` is said of one group of a pair (cases or controls, one arm)."""
    m = _ONE_GROUP_BEFORE.search(text, max(0, start - 90), start)
    if not m:
        return False
    if m.group("c1") or m.group("c2"):  # cases are a part only when controls are studied too
        g = "c1" if m.group("c1") else "c2"
        if _BOTH_BEFORE.search(text, 0, m.start(g)) or _BOTH_AFTER.match(text, m.end(g)):
            return False  # (review fix) "cases and controls were 40% women": both groups, all the people
        return any(_CONTROLS.search(x.text) for x in sentences)
    return True


def sex(sentences: list[Sentence], n_idx: int = -2, title: str = "", n: int | None = None) -> dict:
    """Female and male shares with the sentence they come from; {} when the abstract does not say. `n`: the
    population's N, when read (session 27). A share read from a ratio carries "inferred" (the card says so)."""
    for s in sentences:
        text = _SMALL.sub(lambda m: str(_SMALL_WORDS.index(m.group(1).lower()) + 1) + " ", digits_for_words(s.text)[0])
        babies = _BABIES.search(text) is not None
        m = _SEX_RATIO.search(text)
        if m and not babies and (m.group("sa").lower().startswith("f") or m.group("sa").lower() == "women") != \
                (m.group("sb").lower().startswith("f") or m.group("sb").lower() == "women") and int(m.group("a")) + int(m.group("b")):
            a, b = int(m.group("a")), int(m.group("b"))
            f = a if m.group("sa").lower() in ("female", "women") else b
            return {**_shares(f, a + b, s.idx, m.group(0)), "inferred": "from the sex ratio the authors give"}
        m = _SEX_RATIO_WORDS.search(text)
        if m and not babies and (m.group("sa") or m.group("la")) and (m.group("sb") or m.group("lb")):
            fa, fb = _is_female(m.group("sa") or m.group("la")), _is_female(m.group("sb") or m.group("lb"))
            a, b = float(m.group("a")), float(m.group("b"))
            if fa != fb and a + b > 0:
                return {**_shares(a if fa else b, a + b, s.idx, m.group(0)), "inferred": "from the sex ratio the authors give"}
        m = _SEX_PAIR.search(text)
        if m and (m.group("sa").lower() in _FEMALE) != (m.group("sb").lower() in _FEMALE):
            a, b = count(m.group("a")), count(m.group("b"))
            if not (n and a + b != n and _larger_count_before(text, m.start(), a + b)):
                f = a if m.group("sa").lower() in _FEMALE else b
                return _shares(f, a + b, s.idx, m.group(0))
        m = _SEX_OF_TOTAL.search(text)
        # a part ("of the 20 who died") only when it is the population itself (its total is the N)
        if m and 0 < count(m.group("k")) < count(m.group("tot")) and (not _PART_RE.search(m.group("who")) or count(m.group("tot")) == n) \
                and not _one_group(sentences, text, m.end("who")):
            f = count(m.group("k")) if m.group("sex").lower() in _FEMALE else count(m.group("tot")) - count(m.group("k"))
            return _shares(f, count(m.group("tot")), s.idx, m.group(0))
        m = _SEX_OF.search(s.text)
        if m and 0 < int(m.group("k")) < int(m.group("tot")):
            tot, k = int(m.group("tot")), int(m.group("k"))
            f = k if m.group("sex").lower() in _FEMALE else tot - k
            return {"female_pct": round(100 * f / tot, 1), "male_pct": round(100 * (tot - f) / tot, 1),
                    "sentence_idx": s.idx, "text": m.group(0)}
        for pattern in (_SEX_COUNT, _SEX, _SEX_SHARE, _SEX_MOST):
            m = pattern.search(text)  # counts in words too: "Thirty (40%) women and ..."
            if m and pattern is _SEX_MOST and _part_before(text, m.start(), n):
                continue  # "Among those with myalgia, the majority were women (70%)": a part's share
            if m and _one_group(sentences, text, m.start()):
                continue  # session 29: the cases' (or one arm's) share, not the people's
            if m:
                pct = float(m.group("pct") or m.group("pct2")) if "pct2" in m.re.groupindex else float(m.group("pct"))
                if pct > 100:
                    continue
                word = (m.group("sex") or m.group("sex2")) if "sex2" in m.re.groupindex else m.group("sex")
                female = word.lower() in ("women", "woman", "female", "females", "girls")
                f = pct if female else round(100 - pct, 1)
                return {"female_pct": f, "male_pct": round(100 - f, 1), "sentence_idx": s.idx, "text": m.group(0)}
    return _told_after(sentences, n) or _one_sex(sentences, n_idx, title)
