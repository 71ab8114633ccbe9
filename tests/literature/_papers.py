"""Small hand-written reader results (the JSON of medcore.literature.model.ReadResult), so the library,
the evidence table and the graph edges are tested without the extraction pipeline. Invented papers."""

from __future__ import annotations

import copy


def _sent(idx, text, start, role):
    return {"idx": idx, "text": text, "start": start, "end": start + len(text), "section": None, "role": role,
            "role_score": 0.9, "role_source": "rules"}


def paper(title="Metformin versus placebo in type 2 diabetes", pmid="111", doi="10.1000/met.1", year=2020,
          drug=("metformin", "drug:metformin"), condition=("type 2 diabetes", "condition:type2_diabetes"),
          effect=None, n=200, design="rct", authors=("Doe J", "Roe K")) -> dict:
    s = [f"We randomised {n} adults with {condition[0]} to {drug[0]} or placebo.",
         "The primary outcome was HbA1c at 24 weeks.",
         "HbA1c fell more with the drug (MD -0.9, 95% CI -1.2 to -0.6; p<0.001).",
         f"{drug[0].capitalize()} lowered HbA1c in {condition[0]}."]
    text, sents, pos = "", [], 0
    for i, (t, role) in enumerate(zip(s, ["methods", "methods", "results", "conclusions"])):
        sents.append(_sent(i, t, pos, role))
        text += t + " "
        pos += len(t) + 1
    eff = effect if effect is not None else {"measure": "MD", "value": -0.9, "ci_low": -1.2, "ci_high": -0.6,
                                             "ci_level": 95, "p_value": 0.001, "p_text": "p<0.001",
                                             "p_relation": "<", "outcome": "HbA1c", "sentence_idx": 2}
    line = lambda t, i: {"text": t, "sentence_idx": i, "evidence": ""}  # noqa: E731
    return copy.deepcopy({
        "paper": {"title": title, "authors": list(authors), "journal": "J Test Med", "year": year, "pmid": pmid,
                  "doi": doi, "text": text.strip(), "is_full_text": False, "source_format": "text", "sections": [],
                  "sentences": sents, "publication_types": []},
        "design": {"kind": design, "kind_sentence_idx": 0, "blinding": "", "randomised": True},
        "pico": {"population": {"n": n, "n_sentence_idx": 0, "age": {}, "sex": {},
                                "conditions": [{"text": condition[0], "sentence_idx": 0, "concept_id": condition[1]}]},
                 "interventions": [{"text": drug[0], "sentence_idx": 0, "concept_id": drug[1]}],
                 "comparators": [{"text": "placebo", "sentence_idx": 0, "concept_id": ""}],
                 "outcomes_primary": [{"text": "HbA1c", "sentence_idx": 1, "detail": "primary"}],
                 "outcomes_secondary": []},
        "effects": [eff] if eff else [],
        "conclusion": [3], "limitations": [], "checklist": [],
        "card": {"question": [line(f"Does {drug[0]} lower HbA1c in {condition[0]}?", 0)],
                 "design": [line("Randomised controlled trial", 0)],
                 "population": [line(f"{n} adults with {condition[0]}", 0)],
                 "intervention_vs_comparator": [line(f"{drug[0]} vs placebo", 0)],
                 "main_results": [line("HbA1c: MD -0.9 (95% CI -1.2 to -0.6), p<0.001", 2)],
                 "conclusion": [line(s[3], 3)], "limitations": [], "checklist": []},
        "warnings": [], "timing_ms": 1.0})
