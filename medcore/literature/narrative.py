"""The optional plain-language summary of a read paper: the template text is built from the evidence card
alone; a language model may rephrase it through medcore.llm's grounding check (no drug, condition, dose or
number the card does not hold), else the template is shown and the reason said. The card never waits for it:
the page renders the card first and asks for this afterwards."""

from __future__ import annotations


def _lines(card: dict, section: str) -> list[str]:
    return [str(x.get("text", "")).strip() for x in card.get(section) or [] if str(x.get("text", "")).strip()]


def _sentence(parts: list[str]) -> str:
    text = "; ".join(p.rstrip(".") for p in parts)
    return text + "." if text else ""


def template_text(result: dict) -> str:
    """Every clause is a card line, in the card's order."""
    card = result.get("card") or {}
    out = []
    for label, section in (("Question", "question"), ("Design", "design"), ("Population", "population"),
                           ("Compared", "intervention_vs_comparator"), ("Main results", "main_results"),
                           ("The authors conclude", "conclusion"), ("Limitations", "limitations")):
        body = _sentence(_lines(card, section))
        if body:
            out.append(f"{label}: {body}")
    return " ".join(out) or "The card holds nothing to summarise."


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
