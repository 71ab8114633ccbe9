"""Arms of non-randomised comparisons and observational studies (session 13, issue 15: interventions and
comparators were near zero on abstracts that compare treatments without randomising). Such abstracts seldom say
"randomised to A or B"; they name the groups by what each was given:
- counted groups: "27 patients underwent A, and the other 28 underwent B", "17 had A and 19 had B",
  "23 cases received A, 20 cases B and 26 cases treated conservatively" (the last verb may be left out);
- labelled groups: "were subjected to A (arm A) and ... kept on B (arm B)", "A (group 1) or B (group 2)";
- two forms of one treatment, told apart by a modifier: "early extubation ... compared with delayed extubation",
  "whether A, compared with B, ..." in an objective;
- one treated group (session 14): "505 women underwent A" when the title names A too (`single_group`).
An abbreviation the abstract defines ("long name (LN)") is given its long name, which is what a reader of the card
(and the gold) calls the arm. The first group(s) are the interventions; the comparator is the group a comparator cue
names, else the last. Used only when the other readers found no intervention (`fill`)."""

from __future__ import annotations

import re

from medcore.literature.arm_phrases import trim_arm
from medcore.literature.model import Pico, Sentence
from medcore.literature.numwords import NUMBER_WORDS, digits_for_words
from medcore.literature.population_size import PEOPLE

# a count in digits, or in words that digits_for_words leaves ("and nine had B")
_COUNT = r"(?:(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w.%,])|" + NUMBER_WORDS.pattern + ")"
_GIVEN = (r"(?:underwent|had|received|were\s+given|were\s+subjected\s+to|were\s+treated\s+with|treated\s+with|"
          r"were\s+managed\s+with|were\s+managed|were\s+treated|treated|managed)")
# one counted group: "27 patients underwent A", "the other 28 patients underwent B", "20 cases B"
_GROUP = re.compile(r"(?:the\s+(?:other|remaining)\s+)?(?P<n>" + _COUNT + r")\s+(?:(?:[\w\-]+\s+){0,2}?" + PEOPLE +
                    r"\s+)?(?:\([^()]{0,20}\)\s+)?(?P<verb>" + _GIVEN + r"\s+)?(?P<x>[A-Za-z][^,;:.()]{1,60}?)"
                    r"(?=\s*(?:[,;:.()]|$|\band\s+(?:the\s+(?:other|remaining)\s+)?(?:\d|" + NUMBER_WORDS.pattern + r")|\b(?:and|while|whereas|but)\b))", re.I)
# an adverb of manner names the treatment: "treated conservatively" -> "conservative treatment"
_MANNER = re.compile(r"^(?P<adj>conservative|surgical|operative|non-?operative|medical|expectant|endoscopic)ly$", re.I)
# labelled arms: "subjected to A (arm A)", "A (group 1)"
_LABELLED = re.compile(r"(?:" + _GIVEN + r"|subjected\s+to|kept\s+on)\s+(?P<x>[A-Za-z][^,;:.()]{1,60}?)\s*"
                       r"\(\s*(?:arm|group)\s+(?P<label>[A-D1-4]|I{1,3}|IV)\s*\)", re.I)
# one treatment in two forms: "<mod1> <head> ... compared with / versus / than <mod2> <head>"
# (m1 is possessive, so every start inside one hyphenated run reaches the same end: the run is tried once, from its
# start, past its pieces that do not begin with a letter ("1-", "_x-"), so m1 is its first piece that does: the
# same groups as a start at each piece, linear over "abcd-abcd-…")
_TWO_FORMS = re.compile(r"(?<![\w-])(?:(?:(?![A-Za-z])\w+)?-)*+(?P<m1>[A-Za-z][\w\-]++)\s+(?P<h>[a-z][\w\-]{3,})\b(?:[^.;]|\.(?=\d)){0,160}?\b(?:compared\s+(?:with|to)|"
                        r"versus|vs\.?|rather\s+than)\s+(?:the\s+|a\s+|an\s+|those\s+with\s+)?(?P<m2>[A-Za-z][\w\-]+)\s+(?P=h)\b",
                        re.I)
# "patients treated with A versus B", "managed with A or B": the two treatments a cohort was split by
_TREATED_VS = re.compile(r"\b(?:treated|managed|operated\s+on)\s+(?:with|by)\s+(?:either\s+)?(?P<a>[A-Za-z][^,;:.()]{1,60}?)\s+"
                         r"(?:versus|vs\.?|or)\s+(?P<b>[A-Za-z][^,;:.()]{1,60}?)(?=\s*(?:[,;:.()]|$|\b(?:for|in|at|during|between|from|after|and)\b))",
                         re.I)
_NOT_MODIFIER = re.compile(r"^(?:the|a|an|of|with|and|or|in|on|for|to|was|were|is|are|had|have|this|that|these|those|"
                           r"their|its|our|both|each|all|no|not|than|by|as|at|from)$", re.I)
_ABBR = re.compile(r"\b[A-Z][A-Za-z]{0,2}[A-Z]{1,5}s?\b")


# a word too small to start a long form: "time to primary treatment (TPT)" does not start at "to"
_SMALL = frozenset("a an and at by for in of on or the to with".split())


def _starts_form(low: str, pos: int, small_ok: bool) -> bool:
    """The abbreviation's first letter may sit at `pos`: it starts a word (a small one only when `small_ok`)."""
    if pos > 0 and low[pos - 1].isalnum():
        return False
    return small_ok or re.match(r"[a-z0-9]*", low[pos:]).group() not in _SMALL


def _fit(letters: list[str], before: str, small_ok: bool) -> str | None:
    low, pos = before.lower(), len(before) - 1
    for i in range(len(letters) - 1, -1, -1):
        while pos >= 0 and (low[pos] != letters[i] or i == 0 and not _starts_form(low, pos, small_ok)):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
    start = pos + 1
    # "electro-encephalogram (EEG)": the hyphenated word's own start, when it has the same first letter
    run = re.search(r"\S*$", before[:start]).group()
    if run.endswith("-") and run[:1].lower() == letters[0]:
        start -= len(run)
    return before[start:].strip()


def long_form(abbr: str, before: str) -> str | None:
    """The long form that `abbr` abbreviates at the end of `before`, or None (Schwartz and Hearst 2003): the
    abbreviation's letters are found from its last to its first, each before the previous one's place, anywhere
    within a word, but its first letter must start a word; words with no letter of it ("of", "to") are passed
    over. Matching from the end makes the nearest (shortest) fit win and lets a small word that starts with the
    first letter ("time to healing (TTH)") take the second T rather than start the form. A small word starts
    the form only when starting further back would take in more content words than the abbreviation has
    letters ("stained with DNA in situ hybridisation (ISH)" is "in situ hybridisation")."""
    letters = [c for c in abbr.lower() if c.isalnum()]
    form = _fit(letters, before, small_ok=False)
    if form is None or len([w for w in form.lower().split() if w not in _SMALL]) > len(letters):
        form = _fit(letters, before, small_ok=True)
    # a fit spread over many words is a chance one (Schwartz and Hearst's cap: min(|A| + 5, 2|A|) words)
    return form if form and len(form.split()) <= min(len(letters) + 5, 2 * len(letters)) else None


def expand(name: str, text: str) -> str:
    """A name that is an abbreviation defined in `text` ("long form (LF)") -> the long form; else the name."""
    if not _ABBR.fullmatch(name.strip()):
        return name
    abbr = name.strip().rstrip("s") if name.strip().endswith("s") and name.strip()[-2].isupper() else name.strip()
    m = re.search(r"([^,;:.()]{2,120}?)\s*\(\s*" + re.escape(abbr) + r"\s*\)", text)
    if not m:
        return name
    return long_form(abbr, m.group(1)) or name


# a group that refused what the others underwent is the comparator "no <that treatment>"
_REFUSED = re.compile(r"^(?:refused|declined|did\s+not\s+(?:undergo|receive|have))\b", re.I)
# a verb that is not a giving verb: the clause says what happened to the group, not what it was given
_OTHER_VERB = re.compile(r"^(?:were|was|did|had|died|developed|survived|remained|showed|presented|experienced)\b|"
                         r"^\w+ed\s+(?:the|a|an|to|with|in|from|by)\b", re.I)


def _name(x: str, verb: str | None) -> str:
    x = re.sub(r"^(?:a|an|the)\s+", "", trim_arm(x.strip()), flags=re.I)
    m = _MANNER.match(x)
    if m and verb:
        return f"{m.group('adj').lower()} treatment"
    return x


def counted(text: str, is_treatment, whole: str = "") -> list[str]:
    """Names of the groups a sentence counts by what each underwent: two or more, the first with its verb, each
    named by a treatment (`is_treatment`) so that "12 had nausea and 5 had vomiting" is not read as arms."""
    text, _ = digits_for_words(text)
    groups = list(_GROUP.finditer(text))
    for start in range(len(groups)):
        if not groups[start].group("verb"):
            continue
        run, end = [groups[start]], groups[start].end()
        for g in groups[start + 1:]:
            gap = text[end:g.start()]
            if not re.fullmatch(r"\s*(?:,|;)?\s*(?:and|while|whereas|but)?\s*", gap):
                break
            run.append(g)
            end = g.end()
        names = []
        for g in run:
            x = g.group("x").strip()
            if not g.group("verb") and _REFUSED.match(x) and names:
                names.append(f"no {names[0]}")
                continue
            if not g.group("verb") and _OTHER_VERB.match(x):
                break
            names.append(expand(_name(x, g.group("verb") or run[0].group("verb")), whole or text))
        if len(names) >= 2 and len({n.lower() for n in names}) == len(names) and all(is_treatment(n) for n in names if not n.startswith("no ")):
            return names
    return []


def labelled(text: str) -> list[str]:
    """Names of groups labelled in brackets: "A (arm A) and B (arm B)"; two or more, in label order."""
    found = {m.group("label").upper(): _name(m.group("x"), None) for m in _LABELLED.finditer(text)}
    return [found[k] for k in sorted(found)] if len(found) >= 2 else []


def two_forms(text: str, is_treatment, question: bool) -> list[str]:
    """["early extubation", "delayed extubation"] from one treatment's two forms compared in a sentence; the head
    must name a treatment, or the sentence be the question ("whether A, compared with B, ...")."""
    m = _TWO_FORMS.search(text)
    if not m or m.group("m1").lower() == m.group("m2").lower():
        return []
    if _NOT_MODIFIER.match(m.group("m1")) or _NOT_MODIFIER.match(m.group("m2")):
        return []
    a, b = f"{m.group('m1')} {m.group('h')}", f"{m.group('m2')} {m.group('h')}"
    if not (is_treatment(m.group("h")) or question and re.search(r"\bwhether\b", text, re.I)):
        return []
    return [a, b]


def treated_versus(text: str, is_treatment) -> list[str]:
    """["A", "B"] from "treated with A versus B", both names treatments."""
    m = _TREATED_VS.search(text)
    if not m:
        return []
    names = [_name(m.group("a"), None), _name(m.group("b"), None)]
    return names if all(is_treatment(n) for n in names) and names[0].lower() != names[1].lower() else []


# one treated group (session 14): "505 women underwent A", "A was performed in 36 patients"; session 23: "58 patients
# undergoing A", a count-less "a review of (all consecutive) patients undergoing A", a time after the name ("since
# 2005") ends it
_END = (r"(?=\s*(?:[,;:.()\d]|$|\b(?:at|in|between|from|during|for|after|before|by|and|with|was|were|because|due|since|"
        r"until|through|over|within|using)\b))")
_SINGLE = re.compile(r"(?P<n>" + _COUNT + r")\s+(?:[\w\-]+\s+){0,3}?" + PEOPLE + r"(?:,\s*aged\s+[^,;:()]{1,40}(?:\([^()]{0,30}\))?,)?\s+(?:\([^()]{0,30}\)\s+)?"
                     r"(?:with\s+[^,;:.()\d]{1,40}?\s+)?(?:who\s+)?"
                     r"(?:underwent|undergoing|had\s+undergone|received|were\s+treated\s+(?:with|by)|were\s+given|were\s+managed\s+with)\s+"
                     r"(?:an?\s+|the\s+)?(?P<x>[A-Za-z][^,;:.()\d]{1,60}?)" + _END +
                     r"|(?:^|\b(?:of|all)\s+)(?:all\s+)?(?:consecutive\s+)?" + PEOPLE + r"\s+(?:who\s+)?(?:undergoing|underwent|had\s+undergone)\s+"
                     r"(?:an?\s+|the\s+)?(?P<z>[A-Za-z][^,;:.()\d]{1,60}?)" + _END +
                     r"|(?:^|\.\s+)(?P<y>[A-Z][\w\-]*(?:\s+[\w\-]+){0,4}?)\s+(?:was|were)\s+performed\s+(?:in|on)\s+" + _COUNT,
                     re.I)
# an objective about one treatment's own results: "to assess the results of A in patients with Z" (session 23)
_RESULTS_OF = re.compile(r"\b(?:the\s+)?(?:long-term\s+|short-term\s+)?(?:results|outcomes?)\s+of\s+(?:an?\s+|the\s+)?"
                         r"(?P<x>[A-Za-z][^,;:.()\d]{1,60}?)\s+(?:in|among|for)\s+(?:\w+\s+){0,2}?" + PEOPLE + r"\b", re.I)


def single_group(sentences: list[Sentence], about: str, is_treatment, whole: str = "") -> tuple[str, int] | None:
    """(A, sentence index) when the methods give one treatment to the people counted ("505 women underwent A") and
    the paper's title (`about`) names A's head word as a whole word: a single treated group,
    whose intervention is A with no comparator. Without the question naming it, a treatment given to everyone is
    usually how the cases were found ("83 patients underwent appendectomy" in a study of a blood test), not what
    was studied (why session 13 dropped a rule without that test); a near word ("laparoscopy" for "laparotomy",
    "cystoscopist") is not the same treatment. Results sentences are not read: a treatment counted there is an
    outcome ("six later underwent hysterectomy"). The objective is read only for "the results of A in patients"
    (session 23): otherwise it names the procedures the cases came from as well as the one studied (one false arm
    each on dev and blind_s12, session 14). An abbreviation the abstract defines (`whole`) is tested by its long
    form ("RARC" against a title naming robot-assisted radical cystectomy, session 23)."""
    for s in sentences:
        if s.role not in ("methods", "", "objective"):
            continue
        text, _ = digits_for_words(s.text)
        found = _RESULTS_OF.finditer(text) if s.role == "objective" else _SINGLE.finditer(text)
        for m in found:
            x = _name(m.group("x") or m.groupdict().get("z") or m.groupdict().get("y"), "treated")
            x = expand(x, whole) if whole else x
            head = x.split()[-1] if x.split() else ""
            if is_treatment(x) and re.search(r"\b" + re.escape(head) + r"\b", about, re.I):
                return x, s.idx
    return None


def _title_first(names: list[str], title: str) -> list[str]:
    """The arm the title names (and the other not) is the one the study is about: it goes first."""
    low = title.lower()
    if re.search(r"\b(?:necessary|required|needed|mandatory|indispensable|obsolete)\b", low):
        return names  # "is X necessary?" questions the usual treatment: X is the comparator, not the arm studied
    named = [n for n in names if n.lower() in low]
    return named + [n for n in names if n not in named] if len(named) == 1 and len(names) == 2 else names


def fill(pico: Pico, sentences: list[Sentence], title: str, is_treatment, is_control, coded) -> bool:
    """Give an empty PICO the groups of a non-randomised comparison; True when it did. `coded(text, idx)` makes the
    PicoItem (coding drugs); `is_control(name)` tells a comparator cue."""
    if any(i.sentence_idx >= 0 for i in pico.interventions) or pico.comparators and not pico.interventions:
        return False  # read already from the abstract; only a question's exposure (index -1) may be refined
    whole = " ".join([title] + [s.text for s in sentences])
    question = [s for s in sentences if s.role == "objective"]
    methods = [s for s in sentences if s.role in ("methods", "")]
    results = [s for s in sentences if s.role == "results"]
    found: tuple[list[str], int] | None = None
    for s in methods + results:
        names = counted(s.text, is_treatment, whole) or labelled(s.text)
        if names:
            found = (names, s.idx)
            break
    if found is None:
        for s in question + methods + results:
            names = two_forms(s.text, is_treatment, s.role == "objective") or treated_versus(s.text, is_treatment)
            if names:
                found = (names, s.idx)
                break
    if found is None:
        single = single_group(question + methods, title, is_treatment, whole)
        if single is None:
            return False
        # the treatment the methods give every participant, which the title names, names the question's exposure
        # (index -1, read from the question's wording) more exactly (session 26)
        pico.interventions = [coded(expand(single[0], whole), single[1])]
        return True
    names = _title_first([expand(n, whole) for n in found[0]], title)
    pico.interventions = []  # a title's exposure ("Is X justified?") gives way to the groups the abstract names
    control = next((i for i, n in enumerate(names) if is_control(n)), len(names) - 1)
    had_comparator = bool(pico.comparators)  # a comparator read already (a cue in the methods) is kept
    for i, n in enumerate(names):
        if i != control:
            pico.interventions.append(coded(n, found[1]))
        elif not had_comparator:
            pico.comparators.append(coded(n, found[1]))
    return True


# the people a group abbreviation may stand for ("faculty examiners (FE)"): a group of people, not what it was given
_PEOPLE_END = re.compile(rf"\b(?:{PEOPLE}|examiners|raters|observers|controls)$", re.I)


def drop_defined_groups(pico: Pico, whole: str, is_condition) -> None:
    """Interventions that are a group's abbreviation the abstract defines as people ("faculty examiners (FE)") or as
    a condition those people had ("febrile transfusion reaction (FTR)": the FTR group are cases, not a treatment);
    `is_condition(text)` asks the knowledge layer (session 22c)."""
    def group(text: str) -> bool:
        long = expand(text, whole)
        return long != text and bool(_PEOPLE_END.search(long) or is_condition(long))

    pico.interventions = [i for i in pico.interventions if not group(i.text)]


_INNER_ABBR = re.compile(r"(?<!\s)\s*+\((?P<abbr>[A-Z][A-Za-z]{0,2}[A-Z]{1,5}s?)\)\s*+")  # one start per blank run


def short_names(pico: Pico) -> None:
    """An arm whose name defines an abbreviation inside it is named as the abstract then names it: "no
    percutaneous endoscopic gastrostomy (PEG) feeding tube" -> "no PEG feeding tube"; a definition at the end
    ("split-liver transplantation (SLT)") keeps the long form alone. A bracket mid-name reads as a fragment on the
    card (session 25)."""
    for item in pico.interventions + pico.comparators:
        m = _INNER_ABBR.search(item.text)
        if not m:
            continue
        before, after = item.text[:m.start()], item.text[m.end():]
        if not after.strip():
            item.text = before.strip() or item.text
            continue
        form = long_form(m.group("abbr"), before)
        if form and before.endswith(form):
            item.text = f"{before[:len(before) - len(form)]}{m.group('abbr')} {after}".strip()
