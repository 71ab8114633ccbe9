"""The one assertion engine: is a mention present, negated, possible, hypothetical, historical, or about
someone else? ConText (Harkema et al. 2009), used by every tool: the record summarizer (profile `clinical`),
the symptom chat and the case trainer (profile `lay`). Rules are data: assets/kb/knowledge/assertion_rules.yaml.

A modifier phrase governs the words after it (forward), before it (backward) or both, up to the sentence
boundary or the first terminator ("but", "which", ...). Pseudo-triggers ("no change", "without trying") are
masked first. A profile may narrow a category's forward scope:
- `scope_ends` / `scope_end_patterns`: a hedge such as "likely pneumonia" does not reach into a following
  parenthesis or the next list item, while "no fever, cough or rash" still negates the whole list;
- `clause_scoped`: a hypothetical ("if", "return if") runs to the end of its conditional clause, not to the
  next word terminator, so "if she develops headache on waking or vomiting" hedges both problems;
- `max_gap_words`: in lay speech a negation reaches a few words past its cue and, for `chain` categories,
  past each mention it governed ("no fever, cough or rash"), but not into an unrelated statement.

The section gives a default (Family history: family; Past medical history: background). Background is
past history without a date or "resolved": a chronic condition named there (hypertension, type 2
diabetes, CKD 3) is a present, chronic problem; anything else is historical. Only explicit past triggers
(a date, "as a child", "resolved", "previous") make a chronic condition historical."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from medcore.knowledge.assertion_rules import ASSERTIONS, Rules, RulesError, load_rules  # noqa: F401

# Negation outranks the others ("no history of X" is negated); family is about someone else.
_PRIORITY = {"negated": 0, "family": 1, "possible": 2, "hypothetical": 2, "historical": 3, "background": 3}
_FORWARD = ("forward", "bidirectional", "list", "subject")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


@dataclass(frozen=True)
class Modifier:
    category: str
    direction: str
    start: int
    end: int
    scope_end: int | None = None  # where a forward scope stops early (scope_ends), else None
    scope_begin: int | None = None  # where a backward scope stops early (backward_scope_end_patterns), else None
    own_only: bool = False  # governs only a target that starts inside it ("no change" of "change in bowel habits")


def find_modifiers(sentence: str, rules: Rules,
                   targets: list[tuple[int, int]] | None = None) -> tuple[list[Modifier], list[int]]:
    """The triggers and the terminator offsets of one sentence. With `targets` and a profile whose targets
    mask triggers, a trigger or terminator overlapping a target is left out (it is the target's own word)."""
    return _mask(*_triggers(sentence, rules), targets, rules)


def _triggers(sentence: str, rules: Rules) -> tuple[list[Modifier], list[int]]:
    masked = sentence
    own: list[Modifier] = []
    if rules.pseudo:
        masked = rules.pseudo.sub(lambda m: " " * len(m.group()), sentence)
        if not rules.mask_in_targets:
            own = _own_negations(sentence, rules)
    mods = [Modifier(cat, d, m.start(), m.end()) for cat, d, pat in rules.patterns for m in pat.finditer(masked)
            if m.end() > m.start()] + own
    # a shorter modifier inside a longer one ("no" in "no evidence of") is the same trigger
    mods.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Modifier] = []
    for m in mods:
        if any(k.start <= m.start and m.end <= k.end and (k.end - k.start) > (m.end - m.start) for k in kept):
            continue
        kept.append(m)
    terms = [t.start() for t in rules.terminator.finditer(masked) if not _listed(t, masked, kept)]
    if rules.scope_ends:
        ends = dict(rules.scope_ends)
        kept = [_with_scope_end(m, masked, ends.get(m.category)) for m in kept]
    if rules.backward_ends:
        begins = dict(rules.backward_ends)
        kept = [_with_scope_begin(m, masked, begins.get(m.category)) for m in kept]
    return kept, terms


def _listed(t: re.Match, sentence: str, kept: list[Modifier]) -> bool:
    """A comma that opens a new clause (terminator group `clause`) is one only as the first comma after the trigger
    before it: a later one closes a list ("no cyanosis, clubbing, and edema present" denies all three; "no edema, and
    wheezing is heard" does not deny the wheezing)."""
    if "clause" not in t.re.groupindex or t.group("clause") is None:
        return False
    before = [m.end for m in kept if m.end <= t.start()]
    return bool(before) and "," in sentence[max(before):t.start()]


def _own_negations(sentence: str, rules: Rules) -> list[Modifier]:
    """A pseudo-trigger that opens with a negation ("no change", "no significant change") negates nothing after it
    ("no change in her weight; fever" leaves the fever), but a finding that starts inside it is its object and is
    denied: "no change in bowel habits" says the change in bowel habits is absent. Each such pseudo-trigger is a
    negation that governs only a target starting inside it (Modifier.own_only)."""
    negations = [pat for cat, d, pat in rules.patterns if cat == "negated" and d in _FORWARD]
    return [Modifier("negated", "forward", p.start(), p.end(), own_only=True) for p in rules.pseudo.finditer(sentence)
            if any((n := pat.match(sentence, p.start())) and n.end() < p.end() for pat in negations)]


def _with_scope_begin(m: Modifier, sentence: str, begins: re.Pattern | None) -> Modifier:
    """A backward modifier of a category with backward_scope_end_patterns reaches back only to the last match
    before it ("... lactate. r/o atelectasis vs pneumonia": the "vs" list starts after the full stop)."""
    if begins is None or m.direction not in ("backward", "bidirectional"):
        return m
    last = None
    for b in begins.finditer(sentence, 0, m.start):
        last = b.end()
    return dataclasses.replace(m, scope_begin=last) if last is not None else m


def _mask(kept: list[Modifier], terms: list[int], targets: list[tuple[int, int]] | None,
          rules: Rules) -> tuple[list[Modifier], list[int]]:
    if rules.mask_in_targets and targets:
        kept = [m for m in kept if not _in_any(m, targets)]
        terms = [t for t in terms if not any(s <= t < e for s, e in targets)]
    return kept, terms


def _in_any(m: Modifier, targets: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in targets)


def _with_scope_end(m: Modifier, sentence: str, ends: re.Pattern | None) -> Modifier:
    """A forward modifier of a category with scope_ends stops at the first such match after it."""
    if ends is None or m.direction not in ("forward", "bidirectional", "subject"):
        return m
    e = ends.search(sentence, m.end)
    if e is None:
        return m
    # a pattern may mark where the scope stops inside its match (group `stop`): "never used inhalers for asthma"
    # matches from the treatment, but the scope runs on over the treatment and stops at the "for"
    stop = e.start("stop") if "stop" in e.re.groupindex and e.group("stop") is not None else e.start()
    return dataclasses.replace(m, scope_end=stop)


def _hits(start: int, end: int, modifiers: list[Modifier], terminators: list[int], rules: Rules,
          sentence_len: int | None) -> list[tuple[int, int, str]]:
    """(priority, distance, category) of every modifier whose scope covers [start, end), ignoring word limits."""
    hits: list[tuple[int, int, str]] = []
    for m in modifiers:
        if m.own_only:
            if m.start < start < m.end:
                hits.append((_PRIORITY[m.category], 0, m.category))
            continue
        if m.start < end and start < m.end:
            # "no acute infarct": a trigger that starts before the target and runs into it still governs it
            if m.start < start and m.direction in _FORWARD:
                hits.append((_PRIORITY[m.category], 0, m.category))
            continue
        if m.direction in _FORWARD and m.end <= start:
            words = [] if m.category in rules.clause_scoped or m.direction == "subject" else \
                [t for t in terminators if t >= m.end]
            stop = min(words + [sentence_len or 10**9] + ([m.scope_end] if m.scope_end is not None else []))
            if start < stop:
                hits.append((_PRIORITY[m.category], start - m.end, m.category))
        if m.direction in ("backward", "bidirectional") and m.start >= end:
            begin = max([t for t in terminators if t < m.start] + [-1] + ([m.scope_begin] if m.scope_begin else []))
            if end > begin:
                hits.append((_PRIORITY[m.category], m.start - end, m.category))
    return hits


def _resolve(hits: list[tuple[int, int, str]], section: str, rules: Rules, text: str) -> str:
    """The reported assertion: negation first, then family, then the nearest other modifier; else the
    section's default; background is present for a chronic condition and historical otherwise."""
    report = dict(rules.report)
    default = dict(rules.section_defaults).get(section, "present")
    if hits:
        cats = {h[2] for h in hits}
        if "negated" in cats:
            return "negated"
        if "family" in cats:
            return "family"
        cat = min(hits, key=lambda h: h[1])[2]  # the nearest of possible / hypothetical / historical / background
        if default == "family" and cat in ("historical", "background"):
            # when a relative had it ("he had colon cancer at age 68", under the family history) dates it; it is
            # still the relative's, not the patient's past
            return "family"
    else:
        cat = default
    if cat == "background" and text and is_chronic(text, rules):
        return "present"
    return report.get(cat, cat)


def assert_target(start: int, end: int, modifiers: list[Modifier], terminators: list[int], section: str = "",
                  sentence_len: int | None = None, *, rules: Rules | None = None, text: str = "") -> str:
    """Assertion for a target at [start, end) of a sentence (offsets relative to the sentence); `text` is the
    target's words (for the chronic-condition check of background history)."""
    rules = rules or load_rules("clinical")
    return _resolve(_hits(start, end, modifiers, terminators, rules, sentence_len), section, rules, text)


def is_chronic(text: str, rules: Rules | None = None) -> bool:
    """Whether a mention names a chronic condition (the rules file's chronic_conditions, the whole mention)."""
    rules = rules or load_rules("clinical")
    # a comma inside the mention is the writer's ("Diabetes, type 2"): the words name the same chronic condition
    return rules.chronic is not None and \
        rules.chronic.fullmatch(" ".join(text.replace(",", " ").split()).rstrip(".")) is not None


def background(text: str, rules: Rules | None = None) -> str:
    """The assertion of a condition named as the patient's background ("a 74-year-old woman with CKD and
    atrial fibrillation admitted with ..."): present if chronic, else historical."""
    rules = rules or load_rules("clinical")
    return "present" if is_chronic(text, rules) else dict(rules.report).get("background", "historical")


def assert_spans(sentence: str, spans: list[tuple[int, int]], rules: Rules, section: str = "") -> list[str]:
    """The assertion of every target span of one sentence, in order. Applies the profile's word limits
    (`max_gap_words`, `chain`) which need all the targets of the sentence at once."""
    every, all_terms = _triggers(sentence, rules)
    modifiers, terminators = _mask(every, all_terms, spans, rules)
    own: list[set[str]] = [set() for _ in spans]  # categories a target's own words carry ("no temperature")
    if rules.mask_in_targets:
        for m in every:
            for k, (s, e) in enumerate(spans):
                if m.start < e and s < m.end:
                    own[k].add(m.category)
    carried = _own_carry(sentence, spans, every, terminators, rules)
    gaps = dict(rules.max_gap)
    if not gaps:
        return [_resolve(_hits(s, e, modifiers, terminators, rules, len(sentence)), section, rules,
                         sentence[s:e]) for s, e in spans]
    word_starts = [m.start() for m in _WORD.finditer(sentence)]
    reach = _reach(sentence, spans, modifiers, terminators, rules, gaps, word_starts)
    out = []
    for k, (s, e) in enumerate(spans):
        hits = [h for h in _hits(s, e, modifiers, terminators, rules, len(sentence)) if h[2] not in gaps]
        hits += [(_PRIORITY[m.category], s - m.end, m.category) for m in reach.get(k, [])]
        # a phrase that carries its own cue keeps its own reading: "no cough, no temperature" is not a double
        # negation of "no temperature"
        hits = [h for h in hits if h[2] not in own[k]]
        hits += [(_PRIORITY[c], 0, c) for c in carried.get(k, ())]
        out.append(_resolve(hits, section, rules, sentence[s:e]))
    return out


def _own_carry(sentence: str, spans: list[tuple[int, int]], every: list[Modifier], terminators: list[int],
               rules: Rules) -> dict[int, set[str]]:
    """Categories a target's own opening cue carries to the targets coordinated after it: in "hasn't opened her
    bowels or even passed wind" the "hasn't" belongs to the first phrase (masked) and still negates the wind. Only
    across a gap the profile's own_cue_carries_over matches in full (a disjunction: "or", "nor"), with no
    terminator in it; "and" or a comma may start a positive statement, so they do not carry."""
    carries = dict(rules.own_carry)
    if not carries or not rules.mask_in_targets:
        return {}
    out: dict[int, set[str]] = {}
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    for cat, gap in carries.items():
        for i, k in enumerate(order):
            s, e = spans[k]
            if not any(m.category == cat and m.start == s and m.end < e for m in every):
                continue
            last = e
            for j in order[i + 1:]:
                js, je = spans[j]
                if js < last:
                    continue
                if gap.fullmatch(sentence, last, js) is None or any(last <= t < js for t in terminators):
                    break
                out.setdefault(j, set()).add(cat)
                last = je
    return out


def _reach(sentence: str, spans: list[tuple[int, int]], modifiers: list[Modifier], terminators: list[int],
           rules: Rules, gaps: dict[str, int], word_starts: list[int]) -> dict[int, list[Modifier]]:
    """Targets reached by the forward modifiers of word-limited categories: at most `gap` words between the
    trigger (or, for a chaining category, the last target it reached) and the target."""
    def words_between(a: int, b: int) -> int:  # words starting in [a, b)
        return bisect.bisect_left(word_starts, b) - bisect.bisect_left(word_starts, a)

    out: dict[int, list[Modifier]] = {}
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    for m in modifiers:
        if m.category not in gaps or m.direction not in _FORWARD:
            continue
        stop = min([t for t in terminators if t >= m.end] + [len(sentence)]
                   + ([m.scope_end] if m.scope_end is not None else []))
        last = m.end
        for k in order:
            s, e = spans[k]
            if s < m.end:
                continue
            if s >= stop or words_between(last, s) > gaps[m.category]:
                break
            out.setdefault(k, []).append(m)
            if m.category in rules.chain:  # a hedge reaches only its own few words; a negation chains
                last = max(last, e)
    return out


def clauses(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Character spans of the clauses of a text (the profile's clause_breaks), empty ones left out."""
    if rules.clause_break is None:
        return [(0, len(text))] if text.strip() else []
    out, last = [], 0
    for m in rules.clause_break.finditer(text):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def cue_spans(text: str, rules: Rules, category: str = "negated") -> list[tuple[int, int]]:
    """Where the triggers of one category are in a text (after pseudo-triggers are masked)."""
    mods, _ = find_modifiers(text, rules)
    return [(m.start, m.end) for m in mods if m.category == category]


def has_cue(text: str, rules: Rules, category: str = "negated") -> bool:
    """Whether a text holds a trigger of the category with words after it (a trailing "... or not" governs
    nothing)."""
    tail = len(text.rstrip())
    return any(e < tail for _, e in cue_spans(text, rules, category))


def without_cues(text: str, rules: Rules, category: str = "negated") -> str:
    """The text with the category's triggers blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for s, e in cue_spans(text, rules, category):
        chars[s:e] = " " * (e - s)
    return "".join(chars)
