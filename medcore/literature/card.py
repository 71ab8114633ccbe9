"""The evidence card: question, design, population, intervention vs comparator, main results, conclusion,
limitations and the checklist. Every line carries the sentence it came from and the exact words there that
support it (`CardLine.evidence`), so the page can highlight them and a test can check them."""

from __future__ import annotations

import re

from medcore.literature import registrations
from medcore.literature.model import CardLine, EvidenceCard, ReadResult


def _fmt(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:g}"


def effect_text(e) -> str:
    """One result in words: 'HR 0.75 (95% CI 0.61 to 0.92), P = .003'."""
    if e.measure == "comparison":
        rates = " vs ".join(f"{r['events']}/{r['total']} ({_fmt(r['percent'])}%)" if r.get("events") is not None
                            else f"{_fmt(r['percent'])}%" for r in e.group_rates)
        out = rates
    else:
        out = ("adjusted " if e.adjusted else "") + f"{e.measure} {_fmt(e.value)}"
        if e.ci_low is not None:
            out += f" ({_fmt(e.ci_level)}% CI {_fmt(e.ci_low)} to {_fmt(e.ci_high)})"
        if len(e.group_rates) >= 2 and all(r.get("events") is not None for r in e.group_rates[:2]):
            out += "; " + " vs ".join(f"{r['events']}/{r['total']}" for r in e.group_rates[:2])
    if e.p_text:
        out += f", {e.p_text}"
    return out


NO_OUTCOME = "outcome not stated"


def outcome_text(e) -> str:
    """'outcome: stroke', or 'outcome not stated' when the estimate's sentence does not name it (an Effect or its
    JSON)."""
    outcome = (e.get("outcome") if isinstance(e, dict) else e.outcome) or ""
    return f"outcome: {outcome}" if outcome.strip() else NO_OUTCOME


def arms_text(e) -> str:
    """'rivoxin vs placebo', marked when the sentence named neither arm; '' when the estimate is not linked."""
    if not (e.arm and e.comparator):
        return ""
    return f"{e.arm} vs {e.comparator}" + (" (the trial's two arms; the sentence names neither)"
                                           if e.arm_basis == "two-arm trial" else "")


def _sentence_line(result: ReadResult, idx: int) -> CardLine:
    s = result.paper.sentences[idx]
    return CardLine(text=s.text, sentence_idx=idx, evidence=s.text)


def build_card(result: ReadResult, design_label: str) -> EvidenceCard:
    paper, design, pico = result.paper, result.design, result.pico
    sents = paper.sentences
    card = EvidenceCard()
    objectives = [s.idx for s in sents if s.role == "objective"][:2]
    if objectives:
        card.question = [_sentence_line(result, i) for i in objectives]
    elif paper.title and sents:  # a title alone is not a question read from a paper (service._title_only)
        card.question = [CardLine(text=paper.title, sentence_idx=-1, evidence=paper.title)]
    if design.kind != "unknown" and design.kind_cue == "publication type":
        card.design.append(CardLine(f"{design_label} (the export's publication type)", -1, ""))  # metadata
    elif design.kind != "unknown" and design.kind_inferred:
        card.design.append(CardLine(f"{design_label} (not named by the authors; inferred: {design.kind_inferred})",
                                    design.kind_sentence_idx, design.kind_cue))
    elif design.kind != "unknown":
        card.design.append(CardLine(design_label, design.kind_sentence_idx, design.kind_cue))
    if design.blinding:
        card.design.append(CardLine(f"Blinding: {design.blinding}", design.blinding_sentence_idx,
                                    _words(result, design.blinding_sentence_idx, design.blinding)))
    if design.setting:
        cue = design.setting.split(";")[0]
        card.design.append(CardLine(f"Setting: {design.setting}", design.setting_sentence_idx, cue))
    if design.scope:
        card.design.append(CardLine(f"Centres: {design.scope}", design.scope_sentence_idx, design.scope))
    for r in design.registrations:
        card.design.append(CardLine(f"Registered: {registrations.shown(r)}", r["sentence_idx"], r.get("text", "")))
    pop = pico.population
    if pop.studies:  # a review: "12 trials, 3,456 patients" pooled
        st = pop.studies
        card.population.append(CardLine(f"Pooled: {st['count']:,} {st['what'].lower()}"
                                        + (f", {pop.n:,} participants" if pop.n else ", participants not stated"),
                                        st["sentence_idx"], st["text"]))
    elif pop.n:
        written = pop.n_text or _number_words(result, pop.n_sentence_idx, pop.n)
        # a sum of groups counted apart (in separate sentences, or in words in one) points at the first group's
        # count (session 16): say so, or the highlighted number would not match the line
        summed = _count_of(written) not in (None, pop.n)
        card.population.append(CardLine(f"N = {pop.n:,}" + (f" (groups counted apart, summed; the first is {written})"
                                                              if summed else ""),
                                        pop.n_sentence_idx, written))
    if pop.age:
        a = pop.age
        words = {"range": f"aged {_fmt(a.get('low'))} to {_fmt(a.get('high'))}",
                 "min": f"aged {_fmt(a.get('low'))} or older"}.get(a["stat"], f"{a['stat']} age {_fmt(a.get('value'))}")
        card.population.append(CardLine(words, a["sentence_idx"], a["text"]))
    if pop.sex:
        # a share the authors do not state (read from a one-sex condition or a ratio) says so, as a design line
        # does (review fix, session 27)
        why = pop.sex.get("inferred")
        card.population.append(CardLine(f"{_fmt(pop.sex['female_pct'])}% women"
                                        + (f" (not stated as a share by the authors; inferred: {why})" if why else ""),
                                        pop.sex["sentence_idx"], pop.sex["text"]))
    for a in result.arms:
        size = f", n = {a.n:,}" if a.n is not None else ", n not stated"
        card.population.append(CardLine(f"Arm{' (comparator)' if a.kind == 'comparator' else ''}: {a.name}{size}",
                                        a.sentence_idx, _loose_words(result, a.sentence_idx, a.name)))
    for c in pop.conditions:
        card.population.append(CardLine(f"Condition: {c.text}" + (f" ({c.code})" if c.code else ""),
                                        c.sentence_idx, c.text))
    for label, items in (("Intervention", pico.interventions), ("Comparator", pico.comparators)):
        for it in items:
            card.intervention_vs_comparator.append(
                CardLine(f"{label}: {it.text}" + (f" {it.detail}" if it.detail else "") + (f" ({it.code})" if it.code else ""),
                         it.sentence_idx, it.text))
    for label, items in (("Primary outcome", pico.outcomes_primary), ("Secondary outcome", pico.outcomes_secondary)):
        for it in items[:4]:
            card.intervention_vs_comparator.append(CardLine(f"{label}: {it.text}", it.sentence_idx, it.text))
    for e in result.effects[:12]:
        text = effect_text(e)
        # every estimate says what it measured, or that its sentence does not say (session 18)
        context = "; ".join(dict.fromkeys(x for x in (outcome_text(e), e.label, arms_text(e) or e.comparison) if x))
        text += f" ({context})"
        if e.flags:
            text += " [check: " + "; ".join(e.flags) + "]"
        sent = sents[e.sentence_idx].text
        card.main_results.append(CardLine(text, e.sentence_idx, sent[e.span[0]:e.span[1]]))
    card.conclusion = [_sentence_line(result, i) for i in result.conclusion]
    card.limitations = [_sentence_line(result, i) for i in result.limitations]
    card.checklist = list(result.checklist)
    return card


def _source_text(result: ReadResult, idx: int) -> str:
    return result.paper.title if idx == -1 else result.paper.sentences[idx].text


def _words(result: ReadResult, idx: int, words: str) -> str:
    """`words` as written in the sentence (case kept), or '' when not found there."""
    text = _source_text(result, idx)
    at = text.lower().find(words.lower())
    return "" if at < 0 else text[at: at + len(words)]


def _loose_words(result: ReadResult, idx: int, words: str) -> str:
    """`words` as written in the sentence, whatever whitespace (a line break from a PDF) separates them there."""
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), _source_text(result, idx), re.I)
    return m.group(0) if m else ""


def _number_words(result: ReadResult, idx: int, n: int) -> str:
    text = _source_text(result, idx)
    for form in (f"{n:,}", str(n), f"{n:,}".replace(",", " ")):
        if form in text:
            return form
    return ""


def _count_of(written: str) -> int | None:
    """The number a count as written names ("1,234", "Forty-one"), None when it is not one count."""
    from medcore.literature.numwords import value

    w = written.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", w):
        return int(w.replace(",", ""))
    return value(w) if w and re.fullmatch(r"[A-Za-z][A-Za-z\s-]*", w) else None
