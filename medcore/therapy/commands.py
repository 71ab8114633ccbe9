"""CLI: `interactions`, `pgx`, `calc`, `plan`, `eval therapy`, `bench therapy`.

JSON contracts (used by tests and scripts):
  interactions A B [C ...] --json  -> [{drugs: [a, b] (or three, a group rule), severity, mechanism, management, source}]
                                      then duplicate therapy, the same keys plus kind: duplicate_therapy
     (with an unknown name: {error, unknown: [names], interactions: [...the same list...]}, exit 2)
  pgx --drug D --gene G --phenotype P --json -> {recommendation, action, strength, source} (or {error}, exit 2)
  calc crcl|egfr|bsa|ibw ... --json -> {name, value, unit, formula, inputs, steps, notes, source}
  plan PATIENT.json --condition C [--pharmcat REPORT.json] --json -> the plan (see planner.Plan.to_dict)
Exit codes: 0 ok, 2 bad input (message on stderr; unknown drug names get suggestions).
Imports stay inside handlers so `python -m medcore --help` is fast.
"""

from __future__ import annotations

from medcore.auth import SYSTEM

import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def register(reg) -> None:
    p = reg.top.add_parser("interactions", help="check drug-drug interactions (brand names and misspellings resolved)")
    p.add_argument("drugs", nargs="+", metavar="DRUG")
    p.add_argument("--json", action="store_true", help="print the JSON list contract")
    p.set_defaults(func=_interactions)

    p = reg.top.add_parser("pgx", help="CPIC level A pharmacogenomic recommendation for a drug and phenotype")
    p.add_argument("--drug", required=True)
    p.add_argument("--gene", required=True)
    p.add_argument("--phenotype", required=True, help="phenotype (e.g. 'Poor Metabolizer', PM) or diplotype (*2/*2)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_pgx)

    p = reg.top.add_parser("calc", help="clinical calculators with the formula and arithmetic shown")
    p.add_argument("which", choices=["crcl", "egfr", "bsa", "ibw", "bmi", "adjbw"])
    p.add_argument("--age", type=float)
    p.add_argument("--sex", choices=["female", "male", "f", "m"])
    p.add_argument("--weight", type=float, help="body weight (unit: --weight-unit, default kg)")
    p.add_argument("--weight-unit", default="kg", choices=["kg", "lb"])
    p.add_argument("--height", type=float, help="height (unit: --height-unit, default cm)")
    p.add_argument("--height-unit", default="cm", choices=["cm", "in"])
    p.add_argument("--scr", type=float, help="serum creatinine (unit: --scr-unit, default mg/dL)")
    p.add_argument("--scr-unit", default="mg/dL", choices=["mg/dL", "umol/L", "µmol/L"])
    p.add_argument("--weight-rule", default="auto", choices=["auto", "actual", "ideal", "adjusted"],
                   help="Cockcroft-Gault weight: auto (actual/ideal/adjusted by IBW ratio), or force one")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_calc)

    p = reg.top.add_parser("plan", help="a treatment plan for a patient (JSON file) and a condition")
    p.add_argument("patient", type=Path, help="patient JSON (see docs: age, sex, weight/weight_unit, scr/scr_unit, ...)"
                   " or a FHIR R4 Bundle")
    p.add_argument("--condition", required=True, help="condition id, name, synonym or ICD-10 code")
    p.add_argument("--json", action="store_true")
    p.add_argument("--fhir", type=Path, default=None, help="also write a FHIR R4B Bundle (CarePlan + MedicationRequest)")
    p.add_argument("--markdown", type=Path, default=None, help="also write the printable plan as Markdown")
    p.add_argument("--pharmcat", type=Path, default=None, help="a PharmCAT report (.report.json, .phenotype.json or "
                   ".match.json): its gene calls are added to the patient's genotypes (the patient's own win)")
    p.set_defaults(func=_plan)

    p = reg.eval.add_parser("therapy", help="interaction P/R by severity, PGx accuracy, dose correctness, contraindicated proposals")
    p.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    p.add_argument("--errors", action="store_true", help="list every mismatch")
    p.set_defaults(func=_eval)

    p = reg.eval.add_parser("therapy-blind", help="the issue-13 blind set: interaction recall by severity, false "
                            "alarms, current-medicine review, renal caps in plan text")
    p.add_argument("--file", type=Path, default=None, help="blind set YAML (default docs/evals/planner-blind/blind.yaml)")
    p.add_argument("--errors", action="store_true", help="list every miss")
    p.set_defaults(func=_eval_blind)

    p = reg.eval.add_parser("therapy-coverage", help="coverage of the ONC high-priority DDI list and of CPIC level A "
                            "gene-drug pairs (the CPIC list is read from ../shared/data/cpic when present)")
    p.add_argument("--errors", action="store_true", help="also list the CPIC genes and pairs not covered (dev data: "
                   "do not commit the output)")
    p.set_defaults(func=_eval_coverage)

    p = reg.bench.add_parser("therapy", help="plan for a patient on 10 medicines; interaction check of 20 drugs")
    p.add_argument("--repeats", type=int, default=200)
    p.set_defaults(func=_bench)


def _kb(settings):
    from medcore.therapy.kb import load_kb

    return load_kb(settings)


def _json_findings(report) -> list[dict]:
    """Interacting pairs, then duplicate therapy (two acetaminophens) with `kind: duplicate_therapy`: a duplicate
    is in the JSON as well as on stderr, so a JSON reader never misses it."""
    return [f.contract() for f in report.findings] + [d.contract() for d in report.duplicates]


def _interactions(args, settings) -> int:
    from medcore.therapy import interactions as ix

    kb = _kb(settings)
    report = ix.check_names(kb, args.drugs)
    for r in report.resolved:
        if r.notable:
            print(f"note: {r.message(kb)}", file=sys.stderr)
    for r in report.unknown:
        print(f"error: {r.message(kb)}", file=sys.stderr)
    for d in report.duplicates:
        print(f"warning: duplicate therapy: {d.text}", file=sys.stderr)
    if args.json and report.unknown:
        # an unresolved name: never a bare list that could read as "no interaction"
        print(json.dumps({"error": "; ".join(r.message(kb) for r in report.unknown),
                          "unknown": [r.query for r in report.unknown],
                          "interactions": _json_findings(report)}, ensure_ascii=False, indent=1))
    elif args.json:
        print(json.dumps(_json_findings(report), ensure_ascii=False, indent=1))
    else:
        if report.unknown:
            print("NOT CHECKED: " + ", ".join(r.query for r in report.unknown) + " (unknown); the pairs below "
                  "cover only the recognised drugs.")
        if not report.findings:
            print("No interactions found between the recognised drugs.")
        for f in report.findings:
            print(f"[{f.severity.upper()}] {' + '.join(f.drugs)}: {f.effect}\n  mechanism: {f.mechanism}\n"
                  f"  management: {f.advice()}\n  source: {f.source}")
    return 2 if report.unknown else 0


def _pgx(args, settings) -> int:
    from medcore.therapy.pgx import PgxError, lookup

    try:
        r = lookup(_kb(settings), args.drug, args.gene, args.phenotype)
    except PgxError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        return 2
    if r.derived_from:
        print(f"note: {r.gene} phenotype {r.phenotype} ({r.derived_from})", file=sys.stderr)
    if args.json:
        print(json.dumps(r.contract(), ensure_ascii=False, indent=1))
    else:
        print(f"{r.drug} / {r.gene} {r.phenotype}: {r.action}\n  {r.recommendation}\n  strength: {r.strength}\n"
              f"  source: {r.source}")
    return 0


def _calc(args, settings) -> int:
    from dataclasses import asdict

    from medcore.therapy import calculators as calc
    from medcore.therapy.profile import check_range

    need = {"crcl": ("age", "sex", "weight", "scr"), "egfr": ("age", "sex", "scr"), "bsa": ("weight", "height"),
            "ibw": ("sex", "height"), "bmi": ("weight", "height"), "adjbw": ("sex", "weight", "height")}[args.which]
    missing = [f"--{n}" for n in need if getattr(args, n) is None]
    if missing:
        print(f"error: {args.which} needs {', '.join(missing)}", file=sys.stderr)
        return 2
    problems, warnings = [], []
    weight = calc.weight_to_kg(args.weight, args.weight_unit) if args.weight is not None else None
    height = calc.height_to_cm(args.height, args.height_unit) if args.height is not None else None
    scr = calc.scr_to_mgdl(args.scr, args.scr_unit) if args.scr is not None else None
    check_range("age", args.age, problems, warnings)
    check_range("weight_kg", weight, problems, warnings, f"{args.weight} {args.weight_unit}" if weight else None)
    check_range("height_cm", height, problems, warnings)
    check_range("scr_mg_dl", scr, problems, warnings, f"{args.scr} {args.scr_unit}" if scr else None)
    if problems:
        for msg in problems:
            print(f"error: {msg}", file=sys.stderr)
        return 2
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    sex = {"f": "female", "m": "male"}.get(args.sex, args.sex)
    if args.which == "crcl":
        r = calc.crcl_cockcroft_gault(args.age, sex, weight, scr, height, args.weight_rule)
    elif args.which == "egfr":
        r = calc.egfr_ckd_epi_2021(args.age, sex, scr)
    elif args.which == "bsa":
        r = calc.bsa_mosteller(weight, height)
    elif args.which == "ibw":
        r = calc.ibw_devine(sex, height)
    elif args.which == "bmi":
        r = calc.bmi(weight, height)
    else:
        r = calc.adjusted_body_weight(weight, calc.ibw_devine(sex, height).value)
    r.notes += warnings
    if args.json:
        print(json.dumps(asdict(r), ensure_ascii=False, indent=1))
    else:
        print(f"{r.summary()}\n  formula: {r.formula}\n  " + "\n  ".join(r.steps))
    return 0


MAX_DEPTH = 32  # a patient or FHIR Bundle is a few levels deep; anything deeper is not a real record


def _depth(obj) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    best, stack = 0, [(obj, 1)]
    while stack:
        o, d = stack.pop()
        best = max(best, d)
        if isinstance(o, dict):
            stack += [(v, d + 1) for v in o.values()]
        elif isinstance(o, list):
            stack += [(v, d + 1) for v in o]
    return best


def load_patient_file(path: Path) -> tuple[dict, list[str]]:
    """A patient JSON, or a FHIR Bundle converted to one. Raises ValueError with a clear message."""
    from medcore.therapy import fhir_io

    path = Path(path)
    if path.is_dir():
        raise ValueError(f"{path} is a directory: give a patient JSON file")
    try:
        # utf-8-sig: a byte-order mark (as some editors write) is accepted
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ValueError(f"no such file: {path}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise ValueError(f"{path}: JSON nested deeper than {MAX_DEPTH} levels is refused") from exc
    if _depth(data) > MAX_DEPTH:
        raise ValueError(f"{path}: JSON nested deeper than {MAX_DEPTH} levels is refused")
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        return fhir_io.patient_from_bundle(data)
    return data, []


def _plan(args, settings) -> int:
    from medcore.outputs import check_output_file, write_output
    from medcore.therapy import fhir_io, render, service
    from medcore.therapy.planner import PlanError
    from medcore.therapy.profile import ProfileError

    kb = _kb(settings)
    try:
        check_output_file(args.fhir)  # one home for output paths: medcore.outputs
        check_output_file(args.markdown)
        data, notes = load_patient_file(args.patient)
        # the tool's one entry point, as the page: same checks, same audit row
        store = _audit_store(settings)
        res = service.make(settings, data, args.condition, notes=notes, pharmcat_report=args.pharmcat, kb=kb,
                           store=store, user=SYSTEM)
        if store is None:
            res.not_saved = "Not saved: the database could not be opened"
    except ProfileError as exc:
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        return 2
    except (ValueError, PlanError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    d = res.plan.to_dict()
    if res.not_saved:  # the plan is shown all the same, and never said to be saved
        print(f"warning: {res.not_saved}; the plan below was made but its audit record was not written",
              file=sys.stderr)
    if args.fhir:
        bundle = fhir_io.plan_to_bundle(d)
        fhir_io.validate_bundle(bundle)
        write_output(args.fhir, json.dumps(bundle, indent=1))
    if args.markdown:
        write_output(args.markdown, render.plan_markdown(d))
    if args.json:
        print(json.dumps({**d, "not_saved": res.not_saved} if res.not_saved else d, ensure_ascii=False, indent=1,
                         default=str))
    else:
        print(render.plan_markdown(d))
    return 0


def _audit_store(settings):
    """The store for the plan's audit row; a plan is still made (and says so in the log) when it cannot open."""
    from medcore.store import Store

    try:
        return Store.open(settings)
    except Exception as exc:  # noqa: BLE001 - any database failure; the plan does not depend on the store
        log.warning("plan not audited: the store could not be opened (%s)", exc)
        return None


def _eval(args, settings) -> int:
    from medcore.therapy.evaluate import run_eval

    report = run_eval(settings, split=args.split, errors=args.errors)
    print(json.dumps(report, indent=2))
    return 0


def _eval_blind(args, settings) -> int:
    from medcore.therapy import blind_eval

    try:
        report = blind_eval.run(_kb(settings), args.file or blind_eval.DEFAULT, errors=args.errors)
    except FileNotFoundError as e:
        print(json.dumps({"error": str(e)}))
        return 2
    print(json.dumps(report, indent=2))
    return 0


def _eval_coverage(args, settings) -> int:
    from medcore.therapy import coverage

    print(json.dumps(coverage.run(_kb(settings), errors=args.errors), indent=2))
    return 0


def _bench(args, settings) -> int:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "bench" / "bench_therapy.py"
    if not path.exists():
        print(f"error: {path} is missing", file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location("bench_therapy", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(json.dumps(mod.run(settings, repeats=args.repeats), indent=2))
    return 0
