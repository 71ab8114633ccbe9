"""Speed of the treatment planner.

1. A full plan (context, every option assessed and dosed, interactions, explanation) for a
   patient on 10 medicines. Budget: <= 300 ms.
2. An interaction check of 20 drugs by name (resolution + 190 pair lookups). Budget: <= 50 ms.

Prints ratios against a baseline measured in the same process (a naive all-pairs scan over
the same 20 names in a plain Python dict of the explicit pairs), so the numbers travel between
machines, and against the budgets.
Run: python -m medcore bench therapy   (or python bench/bench_therapy.py)"""

from __future__ import annotations

import itertools
import json
import time

from medcore.benchtime import time_calls

TEN_MEDS = ["lisinopril 20 mg daily", "amlodipine 10 mg", "Zocor 40 mg", "metformin 1000 mg BID", "warfarin 5 mg",
            "sertraline 100 mg", "omeprazole 20 mg", "Advil 400 mg PRN", "levothyroxine 100 mcg", "tramadol 50 mg"]
TWENTY = ["lisinopril", "amlodipine", "simvastatin", "metformin", "warfarin", "sertraline", "omeprazole", "ibuprofen",
          "levothyroxine", "tramadol", "clarithromycin", "citalopram", "ondansetron", "amiodarone", "digoxin",
          "spironolactone", "fluconazole", "lorazepam", "oxycodone", "Plavix"]


def run(settings, repeats: int = 200) -> dict:
    from medcore.therapy import interactions as ix
    from medcore.therapy.kb import load_kb
    from medcore.therapy.planner import make_plan
    from medcore.therapy.profile import parse_patient

    t0 = time.perf_counter()
    kb = load_kb(settings)
    load_s = time.perf_counter() - t0
    patient, warnings = parse_patient({
        "age": 78, "sex": "female", "weight": 64, "weight_unit": "kg", "height": 160, "height_unit": "cm",
        "scr": 1.4, "scr_unit": "mg/dL", "allergies": [{"substance": "penicillin", "reaction": "hives"}],
        "conditions": ["hypertension", "type 2 diabetes", "osteoarthritis"], "medications": TEN_MEDS,
        "genotypes": {"CYP2C19": "*1/*2", "SLCO1B1": "*1/*5"}})
    make_plan(kb, patient, "af_anticoagulation", warnings)  # warm
    plan_times = time_calls(lambda: make_plan(kb, patient, "af_anticoagulation", warnings), repeats)
    check_times = time_calls(lambda: ix.check_names(kb, TWENTY), repeats)

    explicit = {frozenset(k): v for k, v in kb.pairs.items()}
    lowered = [t.lower() for t in TWENTY]

    def baseline():  # the same number of pair probes with no name resolution or merging
        return [explicit.get(frozenset(p)) for p in itertools.combinations(lowered, 2)]

    base_times = time_calls(baseline, repeats)
    plan_ms = plan_times.median * 1000
    check_ms = check_times.median * 1000
    base_ms = base_times.median * 1000
    report = ix.check_names(kb, TWENTY)
    return {
        "plan_10_meds_ms_median": round(plan_ms, 3),
        # this bench's own p95 index (kept as it was, so runs stay comparable); not Timings.percentile
        "plan_10_meds_ms_p95": round(sorted(plan_times.times)[int(0.95 * len(plan_times)) - 1] * 1000, 3),
        "plan_budget_ms": 300,
        "plan_ratio_vs_budget": round(plan_ms / 300, 4),
        "plan_ratio_vs_baseline": round(plan_ms / base_ms, 1),
        "interactions_20_drugs_ms_median": round(check_ms, 3),
        "interactions_budget_ms": 50,
        "interactions_ratio_vs_budget": round(check_ms / 50, 4),
        "interactions_ratio_vs_baseline": round(check_ms / base_ms, 1),
        "interactions_found": len(report.findings),
        "baseline_190_pair_probes_ms_median": round(base_ms, 4),
        "within_budget": plan_ms <= 300 and check_ms <= 50,
        "kb_load_s_cold": round(load_s, 3),
        "repeats": repeats,
    }


if __name__ == "__main__":
    from medcore.config import Settings

    print(json.dumps(run(Settings.load()), indent=2))
