"""The optional plain-language summary of a read paper: the template text is built from the evidence card
(its fields); a language model may rephrase it through medcore.llm's grounding check (no drug, condition, dose or
number the card does not hold), else the template is shown and the reason said. The card never waits for it:
the page renders the card first and asks for this afterwards."""

from __future__ import annotations


def _lines(card: dict, section: str) -> list[str]:
    return [str(x.get("text", "")).strip() for x in card.get(section) or [] if str(x.get("text", "")).strip()]


_MEASURE_NAMES = {"HR": "hazard ratio", "OR": "odds ratio", "RR": "relative risk", "IRR": "rate ratio",
                  "PR": "prevalence ratio", "MD": "mean difference", "SMD": "standardised mean difference",
                  "RD": "risk difference", "NNT": "number needed to treat", "NNH": "number needed to harm"}
# what a design cannot show, in general methodological terms (CONSORT 2010, STROBE 2007, CARE 2013, PRISMA 2020)
_DESIGN_LIMITS = {
    "cohort": "As an observational study, it shows an association, not that one thing caused the other.",
    "case_control": "As a case-control study, it shows an association, not that one thing caused the other.",
    "cross_sectional": "Measured at one point in time, it cannot tell which came first.",
    "case_series": "With no comparison group, it cannot show that the treatment caused the outcome.",
    "case_report": "A single case cannot show that the treatment caused the outcome.",
    "nonrandomised_trial": "Without randomisation, the groups may have differed in ways other than the treatment.",
}


def _fmt(x) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:g}" if isinstance(x, float) else str(x)


def _names(items, detail: bool = True) -> str:
    names = list(dict.fromkeys(f"{x.get('text')}" + (f" {x['detail']}" if detail and x.get("detail") else "")
                               for x in items or [] if x.get("text")))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}" if names else ""


def _main_effect(result: dict) -> dict | None:
    """The effect on a primary outcome when one names it, else the first with a CI, else the first."""
    effects = [e for e in result.get("effects") or [] if e.get("measure") != "comparison" and e.get("value") is not None]
    primary = [str(o.get("text", "")).lower() for o in (result.get("pico") or {}).get("outcomes_primary") or []]
    for e in effects:
        out = str(e.get("outcome") or "").lower()
        if out and any(out in p or p in out for p in primary if p):
            return e
    return next((e for e in effects if e.get("ci_low") is not None), effects[0] if effects else None)


def _result_sentence(e: dict) -> str:
    from medcore.literature.graph_edges import direction

    what = _MEASURE_NAMES.get(e["measure"], e["measure"])
    out = f"For {e['outcome']}" if e.get("outcome") else "For an outcome the sentence does not name"
    if e.get("arm") and e.get("comparator"):
        out += f", {e['arm']} vs {e['comparator']}"
    out += f", the {'adjusted ' if e.get('adjusted') else ''}{what} was {_fmt(e['value'])}"
    if e.get("ci_low") is not None and e.get("ci_high") is not None:
        out += f" ({_fmt(e.get('ci_level') or 95.0)}% CI {_fmt(e['ci_low'])} to {_fmt(e['ci_high'])})"
    if e.get("p_text"):
        out += f", {e['p_text']}"
    way = direction(e)
    return out + (f": {way}." if way else ".")


def template_text(result: dict) -> str:
    """A plain-language summary written from the structured reading (session 18), one sentence each: design and
    population (N, or the studies a review pooled), intervention vs comparator, the primary outcome, the main result
    with its effect and CI, what the design cannot show, and the authors' conclusion and limitations. Every name and
    number comes from the extracted fields, so the text passes the grounding check; nothing is added."""
    card = result.get("card") or {}
    pico, design = result.get("pico") or {}, result.get("design") or {}
    pop = pico.get("population") or {}
    paper = result.get("paper") or {}
    if not paper.get("sentences"):
        return ("Only a title was given; the abstract is missing, so there is nothing to summarise."
                if paper.get("title") else "The card holds nothing to summarise.")
    out = []
    kind_line = next(iter(_lines(card, "design")), "")
    label = kind_line.split(" (", 1)[0] if design.get("kind", "unknown") != "unknown" and kind_line else ""
    studied = f"This {label[0].lower() + label[1:]}" if label else "This study (its design is not stated)"
    if design.get("blinding") and label:
        studied += f" ({design['blinding']})"
    conditions = _names(pop.get("conditions"))
    who = f" with {conditions}" if conditions else ""
    studies = pop.get("studies") or {}
    if studies:
        people = f"{_fmt(pop['n'])} participants" if pop.get("n") else "participants (their number not stated)"
        out.append(f"{studied} pooled {_fmt(studies['count'])} {studies.get('what', 'studies').lower()} "
                   f"with {people}{who}.")
    elif pop.get("n"):
        out.append(f"{studied} studied {_fmt(pop['n'])} participants{who}.")
    else:
        out.append(f"{studied} studied participants{who}; their number is not stated.")
    inter, comp = _names(pico.get("interventions")), _names(pico.get("comparators"))
    if inter and comp:
        out.append(f"It compared {inter} with {comp}.")
    elif inter:
        out.append(f"It studied {inter}; no comparator is stated.")
    primary = _names(pico.get("outcomes_primary"), detail=False)
    if primary:
        out.append(f"The primary outcome was {primary}.")
    e = _main_effect(result)
    out.append(_result_sentence(e) if e else "No effect estimate with numbers was found.")
    limit = _DESIGN_LIMITS.get(design.get("kind", ""))
    if limit:
        out.append(limit)
    conclusion = _lines(card, "conclusion")
    if conclusion:
        out.append(f"The authors conclude: {conclusion[0].rstrip('.')}.")
    limitations = _lines(card, "limitations")
    if limitations:
        out.append(f"Limitations they state: {'; '.join(x.rstrip('.') for x in limitations[:2])}.")
    return " ".join(out)


def allowed_terms(result: dict) -> list[str]:
    pico = result.get("pico") or {}
    items = list((pico.get("population") or {}).get("conditions") or [])
    for part in ("interventions", "comparators", "outcomes_primary", "outcomes_secondary"):
        items += pico.get(part) or []
    return [str(x.get("text")) for x in items if x.get("text")]


def vocabulary(settings) -> list[str]:
    """Drug names (with brands and synonyms) and the graph's condition names, for the grounding check."""
    from medcore.knowledge.drugs import text_forms
    from medcore.knowledge.graph import load_graph

    words = list(text_forms(settings.kb_dir, classes=False))
    kg = load_graph(settings)
    for n in kg.nodes_of("condition"):
        d = kg.node(n)
        words += [d["name"], *d["synonyms"]]
    return [w for w in dict.fromkeys(words) if len(w) >= 4]


def summarise(settings, result: dict, backend=None):
    """Phrased(text, source, backend, note): the model's text when it passes the check, else the template."""
    from medcore.llm import Prompt, get_backend
    from medcore.llm.phrasing import phrase

    template = template_text(result)
    prompt = Prompt(task="literature.summary",
                    instruction="Rewrite this evidence summary of a research paper in plain language for a "
                                "clinician, in at most five sentences. Keep every number exactly as given.",
                    facts={"card": {k: _lines(result.get("card") or {}, k) for k in
                                    ("question", "design", "population", "intervention_vs_comparator",
                                     "main_results", "conclusion", "limitations")}},
                    template_text=template)
    backend = backend or get_backend(settings)
    # the template backend returns the template itself: no model text to check, so no vocabulary to load
    vocab = vocabulary(settings) if backend.name != "template" else ()
    return phrase(backend, prompt, allowed_terms=allowed_terms(result), vocabulary=vocab)
