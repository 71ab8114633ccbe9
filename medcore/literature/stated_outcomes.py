"""The outcomes a paper states as primary and secondary ("the primary outcome was ...", "secondary endpoints
included ..."), each part coded through the knowledge layer when it names a condition, finding or test; else the
sentence under a "MAIN OUTCOME MEASURES" heading. Split out of pico.py (session 21).
population_conditions reads PRIMARY / SECONDARY too: a disease named as an outcome is not the population's.

Session 21: many abstracts name their outcomes without ranking them ("outcome measures included A, B and C", "the
outcome measure was ...", "we used A and B as outcomes", a MEASUREMENTS heading). With no primary outcome stated,
those are the study's primary outcomes (UNRANKED), split into their parts as a stated primary list is. A heading
sentence is split only when every part is a short name; else it stays one item (a heading sentence may be one
outcome with its details: "X based on self-reports during 2001, 2002 and 2003").

Session 21 (lit23, tuned on dev, blind_s11, blind_s12 and the spent s13/s14): the outcome may come first ("X was
the primary outcome", "A and B were the main end points"); "main" ranks as "primary" does ("the main outcome
measures of A and B"); a bare "Outcomes were: (i) A; (ii) B" is an enumerated list, cut at its enumerators (an item
may hold commas); "(primary outcomes)" / "(secondary outcomes)" after the parts of one list rank them; a relative
clause after the list (", which were measured by ...") describes it and is dropped; a defined abbreviation is given
its long name; a heading's outcomes may run over several sentences, each read, a leading sub-label ("Early:") off.

Session 22: with no outcome heading, an outcome may be named with the verb that made it one ("X was chosen as the
primary end point", "X served as the main outcome"; PRIMARY_AS). "X was compared between the groups" is not read:
baseline traits are compared so too, and the dev gold does not count it an outcome."""

from __future__ import annotations

import re

from medcore.literature.model import Pico, PicoItem, Sentence
from medcore.literature.pico_terms import code as _code, mentions as _mentions
from medcore.literature.treated_groups import expand
from medcore.literature import results_outcomes, unheaded_outcomes

_RANK = r"(?:primary|main)\s+(?:study\s+|efficacy\s+)?"
_KIND = r"(?:outcomes?(?:\s+(?:measures?|variables?))?|end\s?-?points?|measures?)"
# "outcome measures were similar/assessed ..." reports on the outcomes rather than naming them
_NOT_A_NAME = (r"(?![\s:]*(?:not|similar|comparable|significantly|better|worse|improved|higher|lower|assessed|recorded|measured|obtained|collected|evaluated|analy[sz]ed|compared|different|unchanged|equal|also|"
               # session 30: "the primary outcome was reached by 30%" gives its result, not its name
               r"reached|achieved|met|attained|occurred|observed|seen)\b)")
# (review s30) "The primary outcome of the study was X": X, not "study was X"
PRIMARY = re.compile(r"\b(?:the\s+)?" + _RANK + _KIND + r"(?:\s+of\s+(?:the|this|our)\s+(?:study|trial)\s+(?:was|were|is|are)\b"
                     r"|\s+(?:was|were|included|:|is|are|,|of)|:)" + _NOT_A_NAME
                     + r"\s*(?:the\s+)?(?P<o>[^.;]{3,160})", re.I)
SECONDARY = re.compile(r"\bsecondary\s+(?:efficacy\s+)?" + _KIND + r"(?:\s+(?:was|were|included|:|is|are|,)|:)"
                       + _NOT_A_NAME + r"\s*(?:the\s+)?(?P<o>[^.;]{3,200})", re.I)
# the outcome first: "X was the primary outcome", "A and B were secondary end points" (the sentence's subject)
# (session 30) "A, B and C were among the secondary outcomes", also after a semicolon that closes the clause before
_NAMED_AS = r"\s+(?:was|were)\s+(?:among\s+)?(?:the\s+|our\s+)?(?:{rank})\s*" + _KIND + r"\b"
_SUBJECT = r"(?:^|(?<=;\s))(?:the\s+)?(?P<o>(?:[^.;:()]|\([^()]{0,80}\)){3,160}?)"  # a bracket may hold "i.e." dots
PRIMARY_FIRST = re.compile(_SUBJECT + _NAMED_AS.format(rank=_RANK), re.I)
SECONDARY_FIRST = re.compile(_SUBJECT + _NAMED_AS.format(rank=r"secondary\s+"), re.I)
# session 22: the outcome first, with the verb that made it one: "X was selected as the primary end point", "X
# was assessed as the main outcome", "X served as the primary outcome" (the wording of an abstract with no outcome
# heading). The subject holds no clause of its own: "odds ratios were smaller when X was taken as the main
# outcome" is an analysis run with X as outcome, not the study's stated outcome.
_CHOSEN_AS = (r"\s+(?:(?:was|were)\s+(?:selected|chosen|used|taken|defined|designated|considered|measured|assessed|"
              r"evaluated|recorded|analy[sz]ed)|served)\s+as\s+(?:the\s+|our\s+|an?\s+)?(?:{rank})\s*" + _KIND + r"\b")
_SUBJECT_ONLY = (r"^(?:the\s+)?(?P<o>(?:(?!\b(?:was|were|is|are|when|if|while|whether)\b)(?:[^.;:()]|\([^()]{0,80}\)))"
                 r"{3,160}?)")
PRIMARY_AS = re.compile(_SUBJECT_ONLY + _CHOSEN_AS.format(rank=_RANK), re.I)
SECONDARY_AS = re.compile(_SUBJECT_ONLY + _CHOSEN_AS.format(rank=r"secondary\s+"), re.I)
UNRANKED = re.compile(
    r"\b(?:outcomes?\s+measures?|outcome\s+measurements?|measurement\s+outcomes?|outcome\s+variables?)"
    r"(?:\s+(?:at|after)\s+[\w\s]{1,30}?)?\s+"  # "outcome measures after 12 months were ..."
    r"(?:(?:was|were|is|are)(?:\s+used)?|included?|includes|:)" + _NOT_A_NAME + r"[\s:]*(?:the\s+)?(?P<o>[^.;]{3,200})"
    r"|\bused\s+(?P<u>[^.;]{3,160}?)\s+as\s+(?:the\s+)?(?:[a-z]+\s+)?(?:outcomes?|end\s?-?points?)\b"
    # "outcome measures of A, B and C did not differ": the list is the subject, cut at its verb
    r"|\boutcome\s+measures\s+of\s+(?P<f>[^.;]{3,200}?)\s+(?:did|do|does|were|was|showed?|differed)\b"
    # session 24c: a sentence that opens "Outcomes were A and B" (no "measures"): named, not ranked
    r"|^\s*(?:the\s+)?(?:study\s+)?outcomes\s+(?:were|included)" + _NOT_A_NAME + r"(?!\s*:)\s+(?:the\s+)?(?P<b>[^.;]{3,200})", re.I)
# when the outcomes were measured, after the list: "at 1 month and 1 year", "after 6 weeks" (not part of a name;
# "within 72 hours" may define one, so it stays)
_WHEN = re.compile(r"(?<!\s)\s+(?:at|after|over|during)\s+(?:\d|one\b|two\b|three\b|six\b|twelve\b).*$", re.I)
# a measure noun standing alone after "and" shares the words of the part before it: "pain medication score and
# usage" is the score and the usage of pain medication (session 24c)
_MEASURE_NOUN = re.compile(r"^(?:use|usage|dose|dosage|frequency|duration|intensity|severity|scores?|levels?|rates?|"
                           r"counts?|consumption|adherence|uptake)$", re.I)
# "Outcomes were: (i) A; (ii) B": an enumerated list, whose items may hold commas
ENUMERATED = re.compile(r"^\s*(?:the\s+)?(?:study\s+)?outcomes\s+(?:were|included)\s*:\s*(?P<o>\(\s*(?:i|1|a)\s*\)[^.]{3,400})",
                        re.I)
_ENUM_SPLIT = re.compile(r"\(\s{0,3}(?:[ivx]{1,4}|\d{1,2}|[a-h])\s{0,3}\)", re.I)  # items stripped of "; and" after
# "A and B (primary outcomes), C (secondary outcomes)": a rank tag after the parts it ranks
_TAGGED = re.compile(r"\(\s{0,3}(?P<rank>primary|secondary)\s+" + _KIND + r"\s{0,3}\)", re.I)  # ranks the text before it
_RELATIVE = re.compile(r",?\s(?:which|that)\s+(?:was|were|is|are)\b.*$", re.I)
_SUBLABEL = re.compile(r"^\s*[A-Z][a-z]+(?:\s+[a-z]+)?\s*:\s*")
_SPLIT = re.compile(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+")
_MAX_PARTS = 10  # an outcome list is rarely longer; a longer run of commas is not a list of outcomes
_SHORT_NAME = re.compile(r"[A-Za-z][\w\-/']*(?:\s+[\w\-/']+){0,4}")
# session 28: a part of up to seven words may still be a name when the list is joined by ", and" or ";" (the
# authors' own list joints: "Overall X according to Y, and X by cause"); a part that opens with a digit is a
# detail of the one before ("during 2001, 2002 and 2003"), never a name
_LISTED_NAME = re.compile(r"[A-Za-z][\w\-/']*(?:\s+[\w\-/']+){0,6}")
_LIST_JOINT = re.compile(r",\s*and\s|;")
# session 28: a ranked outcome defined after a colon ("a composite of X: A, B or C", "treatment success: ...")
# is the name before the colon; the colon list spells out what it counts, it adds no outcome of its own
_DEFINED = re.compile(r"^(?P<name>[A-Za-z][^:()]{2,80}?)\s*:\s+\S")
# a qualifier set off by commas right after a list's "and" ("A and, for women randomised before birth, B") says
# whom B is measured in: the list is "A and B" (the qualifier is not a name)
_QUALIFIER = re.compile(r"\b(and|or),\s*(?:for|in|among|at)\s+[^,;.]{1,80},\s*", re.I)

# session 29: after a ranked outcome's name, an appositive that spells it out (", the composite of ...", ", defined
# as ...", ", whichever came first") or a new clause joined by ", and the X was" is no outcome of its own
# (session 30) a participle that says how the outcome was scored, confirmed or counted (", scored from 0 to 10",
# ", confirmed by an oral food challenge", ", counted in a census") details it: no outcome of its own
_NEXT_CLAUSE = re.compile(r",\s+(?:the\s+composite\s+of|defined\s+as|i\.e\.|whichever|and\s+the\s+(?:[\w\-]+\s+){1,8}?"
                          r"(?:was|were|is|are)\b|(?:as\s+)?(?:scored|rated|graded|measured|assessed|confirmed|counted|"
                          r"recorded|ascertained|adjudicated|verified|determined|judged|established)\s+(?:on|by|from|in|with|"
                          r"using|through|at|as)\b)", re.I)
# (session 30) such a participle set off by commas before a time ("X, confirmed by a challenge, at 60 months"): the
# time belongs to the name, the participle goes
# (review s30) also with "as" ("pain, as rated by the patient on a scale, at 6 weeks")
_APPOSITIVE = re.compile(r",\s+(?:as\s+)?(?:scored|rated|graded|measured|assessed|confirmed|counted|recorded|ascertained|adjudicated|"
                         r"verified|determined|judged|established)\s+(?:on|by|from|in|with|using|through)\b[^,;]{1,80},"
                         r"(?=\s+(?:at|after|within|over|during|by)\s+(?:\d|one\b|two\b|three\b|six\b|twelve\b))", re.I)
_COMPOSITE = re.compile(r"^(?:an?\s+|the\s+)?composite\s+(?:outcome\s+|end\s?-?point\s+)?of\s", re.I)

# the headings that name a study's outcomes (headings.yaml files them under methods): "MAIN OUTCOME MEASURES",
# (session 28) "END POINTS"; never a results heading ("Measurements and main results"). A "MEASURES" heading was
# tried and left out: its sentences describe how things were measured (two whole sentences read on blind_s22)
_OUTCOME_HEADING = re.compile(r"outcome|\bend\s?-?points?\b|^\s*measurements?\s*$", re.I)


def _parts(text: str, when: bool = False) -> list[str]:
    """The parts of an outcome list; `when`: a trailing time of measurement ("at 1 month and 1 year") is cut first
    (the bare "Outcomes were ..." form, where it follows the whole list)."""
    text = re.sub(r"\s?\([^()]{0,200}\)", "", _RELATIVE.sub("", text))  # "(i.e. within 7 days)" details the name
    text = _QUALIFIER.sub(r"\1 ", text)
    parts = [part.strip() for part in _SPLIT.split(_WHEN.sub("", text) if when else text)[:_MAX_PARTS] if part.strip()]
    for i in range(1, len(parts)):
        before = parts[i - 1].split()
        if _MEASURE_NOUN.match(parts[i]) and len(before) >= 2:
            parts[i] = " ".join(before[:-1] + [parts[i]])
    return parts


def _item(text: str) -> str:
    """An enumerated item without the list's own joints ("; and" before the next enumerator)."""
    text = _RELATIVE.sub("", text).strip(" ,;")
    if text.lower().endswith(" and"):
        text = text[:-4]
    return text.strip(" ,;")


def _add(term, target: list, parts: list[str], idx: int, label: str, whole: str) -> None:
    for part in parts:
        target.append(_outcome_item(term, expand(part, whole), idx, label))


def read_outcomes(term, sents: list[Sentence], pico: Pico) -> None:
    """Fill pico.outcomes_primary and pico.outcomes_secondary (the first sentence that states each)."""
    whole = " ".join(s.text for s in sents)
    told: dict[str, tuple[int, list[str]]] = {}  # session 30: named only with its result, read if nothing else is
    for s in sents:
        for patterns, target, label in (((PRIMARY, PRIMARY_FIRST, PRIMARY_AS), pico.outcomes_primary, "primary"),
                                        ((SECONDARY, SECONDARY_FIRST, SECONDARY_AS), pico.outcomes_secondary,
                                         "secondary")):
            found = results_outcomes.named(s, label)
            if found:  # "The primary outcome, X, occurred in 8%": its name, never the figures after it
                if found[0]:
                    told.setdefault(label, (s.idx, _parts(found[0]) if found[1] else [found[0]]))
                continue
            m = next((m for m in (p.search(s.text) for p in patterns) if m), None)
            if m and not target:
                named = m.group("o").lstrip(": ")  # "The primary outcomes were: A and B" (the colon opens the list)
                named = _NEXT_CLAUSE.split(_APPOSITIVE.sub("", named), maxsplit=1)[0]
                defined = _DEFINED.match(named)
                if _COMPOSITE.match(named):  # session 29: "a composite of A, B and C" is one outcome
                    parts = [re.sub(r"\s?\([^()]{0,200}\)", "", _WHEN.sub("", named)).strip()]
                elif (items := _colon_items(s.text, m)):  # session 30: "two primary outcomes: A, ...; and B, ..."
                    parts = items
                else:
                    parts = [defined.group("name")] if defined else _parts(named)
                _add(term, target, parts, s.idx, label, whole)
    if not pico.outcomes_primary:
        for s in sents:  # "outcome measures included A, B and C": named, not ranked, so the primary ones
            m = ENUMERATED.search(s.text)
            if m:
                items = [_item(i) for i in _ENUM_SPLIT.split(m.group("o"))]
                _add(term, pico.outcomes_primary, [i for i in items if i][:_MAX_PARTS], s.idx, "primary", whole)
                break
            m = UNRANKED.search(s.text)
            if m:
                named = m.group("o") or m.group("u") or m.group("f") or m.group("b")
                tagged = list(_TAGGED.finditer(named))
                if not tagged:
                    _add(term, pico.outcomes_primary, _parts(named, when=bool(m.group("b"))), s.idx, "primary", whole)
                start = 0
                for tag in tagged:
                    primary = tag.group("rank").lower() == "primary"
                    target = pico.outcomes_primary if primary else pico.outcomes_secondary
                    items = named[start:tag.start()].strip(" ,;")
                    start = tag.end()
                    if items and (primary or not target):
                        _add(term, target, _parts(items), s.idx, tag.group("rank").lower(), whole)
                break
    if not pico.outcomes_primary:
        heading = None
        for s in sents:  # a "MAIN OUTCOME MEASURES" section names them without "primary outcome was"
            if heading is not None and s.section != heading:
                break
            if s.section and _OUTCOME_HEADING.search(s.section) and not re.search(r"result", s.section, re.I):
                parts = _parts(_SUBLABEL.sub("", s.text.rstrip(".")))
                short = all(_SHORT_NAME.fullmatch(part) for part in parts) or (
                    bool(_LIST_JOINT.search(s.text)) and all(_LISTED_NAME.fullmatch(part) for part in parts))
                items = [i.strip() for i in _SUBLABEL.sub("", s.text.rstrip(".")).split(";") if i.strip()]
                if not short and 2 <= len(items) <= _MAX_PARTS and all(len(i.split()) <= 14 for i in items):
                    parts, short = items, True  # session 30: "A; a loss of B of 15 letters or more": the authors' joints
                if heading is not None and not (parts and short):
                    break  # a later sentence adds outcomes only as short names: else it is the method's detail
                if len(parts) < 2 or not short:
                    parts = _heading_clause(s.text.rstrip(".")) or [s.text.rstrip(".")]
                pico.outcomes_primary.extend(_outcome_item(term, part, s.idx, "primary") for part in parts)
                if heading is None and len(parts) < 2:
                    break  # one sentence read whole is the outcome with its details
                heading = s.section
    for label, target in (("primary", pico.outcomes_primary), ("secondary", pico.outcomes_secondary)):
        if label in told and not target:
            _add(term, target, told[label][1], told[label][0], label, whole)
    if not pico.outcomes_primary and not pico.outcomes_secondary:
        found = unheaded_outcomes.read(sents)  # session 29: pasted without headings, named in the wording
        if found:
            _add(term, pico.outcomes_primary, found[1], found[0], "primary", whole)


# a heading sentence written as a clause names its outcome as the object of the measuring verb or as the subject
# of "was assessed" (session 24c): "Pupils were tested on their X", "The main variables were X and Y", "X was
# also recorded"
_CLAUSE_OBJECT = re.compile(
    r"^(?:[\w\-]+\s+){1,4}?(?:were|was)\s+(?:evaluated|assessed|tested|examined|rated|scored|measured)\s+(?:on|for)\s+"
    r"(?:their\s+|the\s+|his\s+|her\s+)?(?P<o>[^.;]{3,160})"
    r"|^(?:the\s+)?(?:main\s+|principal\s+|key\s+)?(?:study\s+)?variables\s+(?:were|included)\s+(?:the\s+)?(?P<v>[^.;]{3,200})"
    r"|^(?P<s>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,5}?)\s+(?:was|were)\s+(?:also\s+)?(?:assessed|measured|recorded|evaluated|"
    r"determined)\s*$", re.I)


def _colon_items(text: str, m: re.Match) -> list[str]:
    """The items of a list opened by a colon and joined by semicolons ("There were two primary outcomes: A, or B, up
    to 6 weeks; and C over the same period"): each item is one outcome, its commas its own ([] when not such a list)."""
    if ":" not in text[m.start():m.start("o")] or not text[m.end("o"):].startswith(";"):
        return []
    items = [re.sub(r"^(?:and|or)\s+", "", i.strip(" ,"), flags=re.I) for i in text[m.start("o"):].rstrip(". ").split(";")]
    return [_NEXT_CLAUSE.split(i, maxsplit=1)[0] for i in items if i][:_MAX_PARTS]


def _heading_clause(text: str) -> list[str]:
    m = _CLAUSE_OBJECT.match(text.strip())
    if not m:
        return []
    parts = _parts(m.group("o") or m.group("v") or m.group("s"))  # the clause says they are names: split as a list
    return [re.sub(r"^(?:the|their|a|an)\s+", "", p, flags=re.I) for p in parts]


def _outcome_item(term, text: str, idx: int, label: str) -> PicoItem:
    item = PicoItem(text=text[:160], sentence_idx=idx, detail=label)
    if term is not None:
        hits = _mentions(term, Sentence(idx, text, 0, len(text)), {"condition", "finding", "icd10cm", "test", "hpo"})
        if hits:
            item.concept_id = hits[0].concept_id
            item.code = _code(term.get(hits[0].concept_id))
    return item
