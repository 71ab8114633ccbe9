"""CLI: `case new`, `case ask`, `eval case`, `bench case`."""

from __future__ import annotations

import json
import sys


def register(reg) -> None:
    sub = reg.group("case", help="synthetic teaching cases: make one, ask its patient a question",
                    description="Synthetic patients for students, built from the triage knowledge base.")
    n = sub.add_parser("new", help="make a case and print it as JSON (student view unless --reveal)")
    n.add_argument("--seed", type=int, default=None, help="the same seed always gives the same case")
    n.add_argument("--condition", default=None, help="a triage-KB condition id, e.g. myocardial_infarction")
    n.add_argument("--level", default=None, choices=["emergency", "urgent", "routine", "self_care"])
    n.add_argument("--system", default=None, help="a body system, e.g. respiratory")
    n.add_argument("--difficulty", default="standard", choices=["easy", "standard", "hard"])
    n.add_argument("--reveal", action="store_true", help="include the truth (diagnosis, findings, results)")
    n.set_defaults(func=_new)
    a = sub.add_parser("ask", help="ask the patient of a case file one question")
    a.add_argument("question")
    a.add_argument("--case", required=True, help="a JSON file written by `case new` ('-' reads stdin)")
    a.set_defaults(func=_ask)

    e = reg.eval.add_parser("case", help="generator solvability (engine as student) and question understanding")
    e.add_argument("--n", type=int, default=100, help="number of generated cases")
    e.add_argument("--seed0", type=int, default=0)
    e.add_argument("--difficulty", default="standard", choices=["easy", "standard", "hard"])
    e.add_argument("--out", default="", help="also write the full JSON (with per-case rows) to this file")
    e.set_defaults(func=_eval)

    b = reg.bench.add_parser("case", help="new case, one answer and scoring, as ratios to a baseline")
    b.add_argument("--repeats", type=int, default=30)
    b.set_defaults(func=_bench)


def _trainer(settings):
    from medcore.cases.service import CaseTrainer

    return CaseTrainer.from_settings(settings)


def _new(args, settings) -> int:
    import secrets

    from medcore.cases.generator import CaseRequestError
    from medcore.cases.patient import opening_statement

    tr = _trainer(settings)
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    try:
        case = tr.new_case(seed, condition=args.condition, level=args.level, system=args.system,
                           difficulty=args.difficulty)
    except CaseRequestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = case.student_view()
    out["opening"] = opening_statement(tr.kb, case)
    if args.reveal:
        out["truth"] = case.to_dict()
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def _ask(args, settings) -> int:
    from medcore.cases.generator import CaseRequestError, regenerate
    from medcore.cases.patient import ask

    try:
        raw = sys.stdin.read() if args.case == "-" else open(args.case, encoding="utf-8").read()
        view = json.loads(raw)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read the case file: {exc}", file=sys.stderr)
        return 2
    tr = _trainer(settings)
    try:
        case = regenerate(tr.ckb, view)
    except CaseRequestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    reply = ask(tr.matcher, case, args.question)
    print(json.dumps(reply.to_dict(), indent=2, ensure_ascii=False))
    return 0


def _eval(args, settings) -> int:
    from medcore.cases.evaluate import evaluate
    from medcore.outputs import check_output_file, write_output

    check_output_file(args.out)  # before minutes of work, not after
    result = evaluate(_trainer(settings), settings.kb_dir, args.n, seed0=args.seed0, difficulty=args.difficulty)
    if args.out:
        write_output(args.out, json.dumps(result, indent=2))
    slim = {"solvability": {k: v for k, v in result["solvability"].items() if k != "cases"},
            "understanding": {k: v for k, v in result["understanding"].items() if k != "rows"},
            "settings": result["settings"], "seconds": result["seconds"]}
    print(json.dumps(slim, indent=2))
    return 0


def _bench(args, settings) -> int:
    from bench.bench_cases import run

    print(json.dumps(run(settings, repeats=args.repeats), indent=2))
    return 0
