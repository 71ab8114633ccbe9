"""CLI: `triage "TEXT" --json`, `eval triage`, `train triage` (a job), `bench triage`."""

from __future__ import annotations

import json
import sys


def register(reg) -> None:
    p = reg.top.add_parser("triage", help="one-shot symptom triage of a free-text description",
                           description="Read a free-text symptom description and print findings, a ranked "
                                       "differential, the triage level, red flags and the next question. With "
                                       "--batch, read one {\"id\", \"text\", \"age\", \"sex\"} JSON object "
                                       "per line and write one result per line.")
    p.add_argument("text", nargs="?", default=None, help="the description, in quotes; '-' reads stdin")
    p.add_argument("--json", action="store_true", help="print the JSON contract")
    p.add_argument("--batch", default=None, metavar="IN.jsonl", help="JSON lines in ('-' for stdin), JSON lines out")
    p.add_argument("--age", default=None, help="age in years (overrides the text)")
    p.add_argument("--sex", default=None, type=str.upper, choices=["F", "M", "FEMALE", "MALE"],
                   help="F or M (overrides the text)")
    p.add_argument("--no-embeddings", action="store_true", help="synonym matching only (no MiniLM)")
    p.set_defaults(func=_triage)

    p = reg.eval.add_parser("triage", help="vignette evaluation: top-k, triage accuracy, under-/over-triage")
    p.add_argument("--modes", default="one_shot,interactive")
    p.add_argument("--tune", action="store_true", help="also grid-search triage thresholds on the tuning split")
    p.add_argument("--out", default="", help="also write the full JSON (with per-case rows) to this file")
    p.add_argument("--no-blend", action="store_true", help="Bayesian engine only, even if an MLP blend is active")
    p.add_argument("--vignettes", default="", metavar="GLOBS",
                   help="comma-separated file globs under assets/kb/triage (default: every vignettes*.yaml)")
    p.add_argument("--allow-missing", action="store_true",
                   help="score vignettes whose diagnosis the KB lacks as misses (the 'before' figure)")
    p.set_defaults(func=_eval)

    p = reg.train.add_parser("triage", help="train the MLP on synthetic patients and compare it with the engine")
    p.add_argument("--samples", type=int, default=60000)
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="", help="output folder (default: DATA/triage/mlp/<job or time>)")
    p.add_argument("--resume", action="store_true")
    from medcore.jobs import add_job_args

    add_job_args(p)
    p.set_defaults(func=_train)

    p = reg.bench.add_parser("triage", help="chat turn latency (NLU + posterior + next question), p50/p95")
    p.add_argument("--repeats", type=int, default=3)
    p.set_defaults(func=_bench)


def _triage(args, settings) -> int:
    from medcore.triage.contract import run_batch, triage_one
    from medcore.triage.input_checks import InputError, check_age, check_sex
    from medcore.triage.service import TriageEngine

    if (args.text is None) == (args.batch is None):
        print("give either a description TEXT or --batch IN.jsonl", file=sys.stderr)
        return 2
    engine = TriageEngine.from_settings(settings, use_embeddings=not args.no_embeddings)
    if args.batch is not None:
        if not args.json:
            print("--batch writes JSON lines; add --json", file=sys.stderr)
            return 2
        fh = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")
        try:
            summary = run_batch(engine, fh, sys.stdout)
        finally:
            if fh is not sys.stdin:
                fh.close()
        print(f"{summary['cases']} cases, {summary['unreadable']} unreadable lines", file=sys.stderr)
        return 0
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        check_age(args.age), check_sex(args.sex)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        if args.json:
            print(json.dumps(triage_one(engine, text, args.age, args.sex), indent=2, ensure_ascii=False))
        return 2
    out = triage_one(engine, text, args.age, args.sex)
    for note in out["notes"]:
        print(note, file=sys.stderr)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        from medcore.triage.result_view import summary

        res, _ = engine.one_shot(text)
        print(out["message"] if out["triage"] is None else summary(engine, res, "clinician"))
    return 0


def _eval(args, settings) -> int:
    from medcore.outputs import check_output_file, write_output
    from medcore.triage.evaluate import evaluate, load_vignettes, tune_thresholds
    from medcore.triage.service import TriageEngine

    check_output_file(args.out)  # before the evaluation, not after it
    engine = TriageEngine.from_settings(settings, use_blend=not args.no_blend)
    vignettes = load_vignettes(settings.kb_dir, engine.kb, files=args.vignettes or None,
                               allow_missing=args.allow_missing)
    modes = tuple(m.strip() for m in args.modes.split(",") if m.strip())
    result = evaluate(engine, vignettes, modes)
    if args.tune:
        result["tuned_thresholds"] = tune_thresholds(engine, vignettes)
    result["engine"] = {"blend": "bayes+mlp" if engine.blender is not None else "bayes",
                        "embeddings": engine.embeddings is not None}
    full = json.dumps(result, indent=2, default=str)
    if args.out:
        write_output(args.out, full)
    slim = {k: v for k, v in result.items() if k != "cases"}
    print(json.dumps(slim, indent=2, default=str))
    return 0


def _train(args, settings) -> int:
    import time
    from pathlib import Path

    from medcore import jobs
    from medcore.outputs import check_output_folder

    check_output_folder(args.out)  # a file in the way is said now, not after the training

    def body(reporter) -> dict:
        from medcore.store import Store
        from medcore.triage.evaluate import compare_on_vignettes, load_vignettes
        from medcore.triage.learn import MODEL_KIND, MLPScorer, TrainConfig, confirmed_sessions, train
        from medcore.triage.service import TriageEngine

        engine = TriageEngine.from_settings(settings, use_blend=False)
        kb = engine.kb
        out = Path(args.out) if args.out else settings.path(
            "triage", "mlp", f"job-{args.job_id}" if args.job_id else time.strftime("run-%Y%m%d-%H%M%S"))
        out.mkdir(parents=True, exist_ok=True)
        store = Store.open(settings)
        extra = confirmed_sessions(store, kb, engine.closure)
        reporter.log(f"training on {args.samples} synthetic patients + {len(extra[1])} confirmed sessions")
        cfg = TrainConfig(samples=args.samples, epochs=args.epochs, hidden=args.hidden, seed=args.seed)
        info = train(kb, cfg, out, reporter, resume=args.resume, extra=extra, threads=settings.torch_threads)
        reporter.log("comparing with the Bayesian engine on the vignettes")
        comparison = compare_on_vignettes(engine, MLPScorer(info["model_dir"], kb),
                                          load_vignettes(settings.kb_dir, kb))
        metrics = {"chosen_weight": comparison["chosen_weight"], "comparison": comparison["by_weight"],
                   "rule": comparison["rule"], "final_loss": info["final_loss"], "params": info["params"],
                   "confirmed_sessions": info["confirmed_sessions"]}
        model_id = store.register_model(MODEL_KIND, f"triage MLP {time.strftime('%Y-%m-%d %H:%M')}",
                                        info["model_dir"], config=cfg.__dict__, metrics=metrics,
                                        job_id=args.job_id, activate=True)
        return {"model_id": model_id, "model_dir": info["model_dir"], **metrics}

    return jobs.run_cli(args, settings, body, registers=True)


def _bench(args, settings) -> int:
    from bench.bench_triage import run

    print(json.dumps(run(settings, repeats=args.repeats), indent=2))
    return 0
