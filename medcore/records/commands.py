"""CLI: `summarize FILE --json`, `eval records`, `eval records-real`, `train records`, `train records-lora`,
`bench records`. Imports stay inside handlers so `python -m medcore --help` is fast."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from medcore import jobs
from medcore.auth import SYSTEM

log = logging.getLogger(__name__)


def register(reg) -> None:
    p = reg.top.add_parser("summarize", help="summarize a clinical note (.txt, .md, .pdf, .docx, FHIR JSON, or - for stdin)")
    p.add_argument("file", help="path to the note, or - to read stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object (the documented contract)")
    p.add_argument("--fhir", type=Path, default=None, help="also write a FHIR R4B Bundle to this path")
    p.add_argument("--no-narrative", action="store_true", help="structured summary only (no embeddings, no model)")
    p.add_argument("--with-identifiers", action="store_true",
                   help="Markdown and FHIR quote the note as written (default: de-identified like the note)")
    p.set_defaults(func=_summarize)

    p = reg.eval.add_parser("records", help="PHI P/R, entity P/R/F1, assertion accuracy, ROUGE-L on the annotated notes")
    p.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    p.add_argument("--no-narrative", action="store_true", help="skip ROUGE-L (no embeddings)")
    p.add_argument("--errors", action="store_true", help="include the list of errors")
    p.add_argument("--with-scorer", action="store_true",
                   help="re-rank the extractive narrative with the active learned scorer (trained on dev notes only)")
    p.set_defaults(func=_eval)

    p = reg.eval.add_parser("records-real", help="problems, assertions, medications, allergies, PHI, labs on the "
                                                 "annotated real notes (needs ../shared; see assets/notes/real)")
    from medcore.records.real_notes import SETS as real_sets  # light: csv/json/hashlib only

    p.add_argument("--set", dest="set_name", choices=list(real_sets), required=True)
    p.add_argument("--json", action="store_true", help="print the full JSON report")
    p.add_argument("--errors", action="store_true", help="include each error with its offsets (dev set only: do not "
                                                          "study the blind sets' errors)")
    p.set_defaults(func=_eval_real)

    p = reg.train.add_parser("records", help="train the sentence-importance scorer (shipped pairs + clinician corrections)")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=None, help="run folder (default: DATA_DIR/runs/records-scorer)")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--no-activate", action="store_true", help="register the model without making it active")
    jobs.add_job_args(p)
    p.set_defaults(func=_train)

    p = reg.train.add_parser("records-lora", help="LoRA adapter on the narrative model (hf/embedded backend) "
                                                  "from the shipped reference summaries + clinician corrections")
    p.add_argument("--base", type=Path, default=None,
                   help="base model folder (default: the configured hf model, or the embedded SmolLM2)")
    p.add_argument("--steps", type=int, default=60)
    p.add_argument("--rank", type=int, default=8)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=None, help="run folder (default: DATA_DIR/runs/records-lora)")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--no-activate", action="store_true", help="register the adapter without making it active")
    p.add_argument("--eval", action="store_true",
                   help="afterwards, generate the held-out narratives with the base model and with the adapter: "
                        "grounding pass rate and ROUGE-L (slow on CPU: about 10 s a note each)")
    jobs.add_job_args(p)
    p.set_defaults(func=_train_lora)

    p = reg.bench.add_parser("records", help="structured summary of a 1,000-word note: seconds and notes/s")
    p.add_argument("--repeats", type=int, default=20)
    p.add_argument("--narrative", action="store_true", help="also time the extractive narrative (loads MiniLM)")
    p.set_defaults(func=_bench)


def _summarize(args, settings) -> int:
    from medcore.outputs import check_output_file, write_output
    from medcore.records import export, inputs, service
    from medcore.store import Store

    check_output_file(args.fhir)  # before the work, not after it
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
            note = inputs.from_upload("stdin.txt", data, settings)
        else:
            note = inputs.from_path(args.file, settings)
    except inputs.InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = None
    if not args.no_narrative:
        try:
            store = Store.open(settings)
        except Exception:  # noqa: BLE001 - the summary works without a store (no trained scorer then)
            log.debug("no store: the summary is written without a trained scorer", exc_info=True)
            store = None
    result = service.summarize_input(note, settings, user=SYSTEM, store=store, with_narrative=not args.no_narrative)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    ident = bool(getattr(args, "with_identifiers", False))
    if args.fhir:
        bundle = export.to_fhir_bundle(result.analysis, result.narrative, identifiers=ident)
        export.validate_bundle(bundle)
        write_output(args.fhir, json.dumps(bundle, indent=1))
    if args.json:
        print(json.dumps(export.to_json(result.analysis, result.narrative, result.warnings), ensure_ascii=False))
    else:
        print(export.to_markdown(result.analysis, result.narrative, identifiers=ident))
    return 0


def _eval(args, settings) -> int:
    from medcore.records.evaluate import run_eval

    scorer = None
    if args.with_scorer:
        from medcore.records.scorer import active_scorer
        from medcore.store import Store

        scorer = active_scorer(Store.open(settings), settings)
        if scorer is None:
            print("no active scorer: train one with `python -m medcore train records`", file=sys.stderr)
            return 2
    report = run_eval(settings, split=args.split, with_narrative=not args.no_narrative, errors=args.errors,
                      scorer=scorer)
    print(json.dumps(report, indent=2))
    return 0


def _eval_real(args, settings) -> int:
    from medcore.records import kb as kb_mod
    from medcore.records import real_eval, real_notes

    try:
        loaded = real_notes.load_set(args.set_name)
    except real_notes.RealNotesUnavailable as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 2
    for note_id, reason in loaded.skipped:
        print(f"warning: {note_id} skipped: {reason}", file=sys.stderr)
    if not loaded.notes:
        print(f"no annotated notes in assets/notes/real/{args.set_name}/ could be scored", file=sys.stderr)
        return 2
    report = real_eval.evaluate(loaded.notes, real_eval.service_summarizer(settings), errors=args.errors,
                                kb=kb_mod.load(settings))
    report = {"set": args.set_name, "skipped": [list(s) for s in loaded.skipped], **report}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"{args.set_name}: {report['notes']} notes ({len(loaded.skipped)} skipped)")
        for key, value in report["headline"].items():
            print(f"  {key:22s} {'-' if value is None else f'{value:.3f}'}")
        exact = report["scores"]["exact_code_agreement"]  # the headline agrees at 3 characters; this exactly
        share = "-" if exact["fraction"] is None else f"{exact['fraction']:.3f}"
        print(f"  exact code agreement on matched problems {share} ({exact['exact']} of {exact['n']})")
    return 0


def _train(args, settings) -> int:
    if args.epochs <= 0:
        print("--epochs must be positive", file=sys.stderr)
        return 2
    from medcore.outputs import check_output_folder

    out = check_output_folder(args.out) or settings.path("runs", "records-scorer")

    def body(rep):
        from medcore.records import scorer
        from medcore.store import Store

        store = Store.open(settings)
        result = scorer.train(settings, rep, out_dir=out, epochs=args.epochs, lr=args.lr, hidden=args.hidden,
                              resume=args.resume, store=store, seed=args.seed)
        model_id = store.register_model(scorer.MODEL_KIND, f"sentence scorer ({result['pairs']} pairs)",
                                        result["checkpoint"], config={"epochs": args.epochs, "lr": args.lr,
                                                                      "hidden": args.hidden},
                                        metrics={k: v for k, v in result.items() if k.startswith("val_")},
                                        job_id=getattr(args, "job_id", None), activate=not args.no_activate)
        return {**result, "model_id": model_id}

    return jobs.run_cli(args, settings, body, registers=True)


def _train_lora(args, settings) -> int:
    if args.steps <= 0 or args.rank <= 0:
        print("--steps and --rank must be positive", file=sys.stderr)
        return 2
    from medcore.records import lora, lora_serving

    # checked before the job starts, except the embedded model's first conversion (half a minute),
    # which runs inside the job
    try:
        base = lora.ensure_base(settings, args.base) if args.base or settings.llm_backend != "embedded" else None
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from medcore.outputs import check_output_folder

    out = check_output_folder(args.out) or settings.path("runs", "records-lora")

    def body(rep):
        from medcore.store import Store

        nonlocal base
        base = base or lora.ensure_base(settings)
        store = Store.open(settings)
        result = lora.train(settings, rep, out_dir=out, base=base, steps=args.steps, rank=args.rank, lr=args.lr,
                            resume=args.resume, store=store, seed=args.seed)
        if args.eval:
            for which, adapter in (("base", None), ("adapter", result["checkpoint"])):
                ev = lora_serving.generation_eval(settings, base, adapter)
                rep.log(json.dumps({which: ev}, indent=1))
                result.update({f"{which}_{k}": v for k, v in ev.items() if k != "per_note"})
        model_id = store.register_model(lora.MODEL_KIND, f"LoRA r{result['rank']} on {base.name} "
                                                          f"({result['pairs']} pairs)",
                                        result["checkpoint"], config={"base_model": result["base_model"],
                                                                      "rank": result["rank"], "steps": args.steps,
                                                                      "lr": args.lr},
                                        metrics={k: v for k, v in result.items() if "loss" in k or "grounded" in k
                                                 or "rouge" in k},
                                        job_id=getattr(args, "job_id", None), activate=not args.no_activate)
        return {**result, "model_id": model_id}

    return jobs.run_cli(args, settings, body, registers=True)


def _bench(args, settings) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.bench_records import run

    print(json.dumps(run(settings, repeats=args.repeats, with_narrative=args.narrative), indent=2))
    return 0
