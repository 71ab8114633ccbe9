"""Tool status for Home: is the knowledge base there and valid, and a demo patient.

Its counts come from `medcore.status_cache` (once per version of the therapy and knowledge KB files and code, kept
on disk): Home and the planner's first render do not load the KB (1.5 s in a fresh process; issue 14, speed)."""

from __future__ import annotations

from pathlib import Path

from medcore import status_cache
from medcore.status import Component, kb_loads


def kb_counts(settings) -> dict:
    """KnowledgeBase.counts() of the therapy KB. Raises KBError (or OSError) when it does not load."""
    kb_dir = Path(settings.kb_dir)
    files = (status_cache.files_under(kb_dir / "therapy", kb_dir / "knowledge")
             + status_cache.code_files("therapy", "knowledge"))

    def count() -> dict:
        from medcore.therapy.kb import load_kb

        return dict(load_kb(settings).counts())

    return status_cache.cached("therapy-kb", settings.data_dir, files, count, ship=settings.status_ship)


def check(settings) -> list[Component]:
    from medcore.therapy.evaluate import cases_path
    from medcore.therapy.kb import KBError

    try:
        c = kb_counts(settings)
    except (KBError, OSError) as exc:
        return [Component("therapy knowledge base", "knowledge base", False, str(exc))]
    comps = [
        Component("drugs", "knowledge base", c["drugs"] >= 150, f"{c['drugs']} drugs with dosing, renal/hepatic bands, flags"),
        Component("conditions", "knowledge base", c["conditions"] >= 50, f"{c['conditions']} conditions with guideline-ordered options"),
        Component("interactions", "knowledge base", c["interaction_pairs"] >= 250,
                  f"{c['interaction_pairs']} drug pairs ({c['explicit_pairs']} explicit, {c['class_rules']} class rules expanded)"),
        Component("pharmacogenomics", "knowledge base", c["pgx_pairs"] > 0, f"{c['pgx_pairs']} CPIC level A gene-drug pairs, {c['genes']} genes"),
    ]
    p = cases_path(settings)
    comps.append(Component("evaluation cases", "dataset", p.exists(), str(p.name)))
    return comps


def engine_ready(settings) -> bool:
    from medcore.therapy.kb import KBError

    return kb_loads(kb_counts, settings, (KBError, OSError))


def demo_payload(settings) -> dict:
    return {
        "condition": "af_anticoagulation",
        "patient": {
            "label": "Demo: 82-year-old woman with new atrial fibrillation",
            "age": 82, "sex": "female", "weight": 58, "weight_unit": "kg", "height": 160, "height_unit": "cm",
            "scr": 1.6, "scr_unit": "mg/dL",
            "allergies": [{"substance": "penicillin", "reaction": "hives"}],
            "conditions": ["hypertension", "osteoarthritis"],
            "medications": ["amlodipine 5 mg daily", "simvastatin 40 mg nightly", "ibuprofen 400 mg as needed",
                            "sertraline 50 mg daily", "omeprazole 20 mg daily"],
            "genotypes": {"CYP2C19": "*1/*2"},
        },
    }
