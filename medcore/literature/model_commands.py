"""CLI of the literature reader's learned parts: `train literature`, `eval literature`, `literature ask`.
Imports stay inside handlers so `python -m medcore --help` is fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medcore import jobs


def register(reg) -> None:
    p = reg.train.add_parser("literature", help="the sentence-role classifier (MiniLM + LoRA + context head) on "
                                                "PubMedQA's structured abstracts plus the user's own papers")
    p.add_argument("--steps", type=int, default=500)
    p.add_argument("--batch-abstracts", type=int, default=4, help="whole abstracts per step")
    p.add_argument("--lr", type=float, default=1e-3, help="learning rate of the LoRA adapter")
    p.add_argument("--head-lr", type=float, default=2e-3)
    p.add_argument("--rank", type=int, default=8)
    p.add_argument("--lora-layers", type=int, default=2, help="top encoder layers that carry the adapter")
    p.add_argument("--max-len", type=int, default=64, help="tokens per sentence")
    p.add_argument("--positions", choices=["basic", "edges"], default="edges",
                   help="position features of each sentence (edges: also its place from either end; session 12)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data", type=Path, default=None, help="PubMedQA pqal_dev.json (default: ../shared/data)")
    p.add_argument("--out", type=Path, default=None, help="run folder (default: DATA_DIR/runs/literature-roles)")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--no-activate", action="store_true", help="register the model without making it active")
    jobs.add_job_args(p)
    p.set_defaults(func=_train)

    p = reg.train.add_parser("literature-ask", help="the small yes/no/maybe answer model of `literature ask` "
                                                    "(PubMedQA training split only)")
    p.add_argument("--seed", type=int, default=0, help="the train/dev split seed")
    p.add_argument("--l2", type=float, default=1e-3)
    p.add_argument("--data", type=Path, default=None)
    p.add_argument("--out", type=Path, default=None, help="folder (default: DATA_DIR/runs/literature-ask)")
    p.add_argument("--no-activate", action="store_true")
    p.set_defaults(func=_train_ask)

    p = reg.eval.add_parser("literature", help="sentence roles on dev abstracts with headings removed (accuracy, "
                                               "macro-F1, confusion matrix) and yes/no/maybe answers")
    p.add_argument("--split", choices=["dev", "train", "all", "dev-tune", "holdout"], default="dev",
                   help="dev = dev-tune + holdout (dev halved by a PMID hash, docs/evals/literature-s8)")
    p.add_argument("--seed", type=int, default=0, help="the train/dev split seed")
    p.add_argument("--data", type=Path, default=None)
    p.add_argument("--json", action="store_true", help="print JSON (the default output is JSON too)")
    p.add_argument("--no-ask", action="store_true", help="sentence roles only")
    p.add_argument("--gold", action="store_true", help="also score roles against the hand-written sentence-level "
                                                      "gold of the split (docs/evals/literature-s9)")
    p.add_argument("--agreement", action="store_true",
                   help="the two annotators' agreement (Cohen's kappa, raw, per role) and the reader against each "
                        "annotator and on the sentences both agree on (docs/evals/literature-s10)")
    p.set_defaults(func=_eval)

    lit = _literature_parser(reg)
    a = lit.add_parser("ask", help="answer a yes/no/maybe research question from a paper, with evidence sentences")
    a.add_argument("file", help="a text file holding the abstract (or - for stdin)")
    a.add_argument("question")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_ask)


def _literature_parser(reg):
    """The `literature` command's sub-commands (created by medcore.literature.commands when it ran first)."""
    parent = reg.top.choices.get("literature")
    if parent is None:
        parent = reg.top.add_parser("literature", help="the literature reader")
        return parent.add_subparsers(dest="literature_command", metavar="ACTION")
    for action in parent._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parent.add_subparsers(dest="literature_command", metavar="ACTION")


def _train(args, settings) -> int:
    if args.steps <= 0 or args.rank <= 0 or args.batch_abstracts <= 0:
        print("--steps, --rank and --batch-abstracts must be positive", file=sys.stderr)
        return 2
    from medcore.literature import role_data

    if role_data.pubmedqa_path(settings, args.data) is None:
        print("error: PubMedQA data not found: expected ../shared/data/pubmedqa/pqal_dev.json beside the "
              "repository (or pass --data PATH)", file=sys.stderr)
        return 2
    from medcore.outputs import check_output_folder

    out = check_output_folder(args.out) or settings.path("runs", "literature-roles")

    def body(rep):
        from medcore.literature import role_train
        from medcore.literature.headings import heading_map
        from medcore.literature.role_net import NetConfig
        from medcore.store import Store

        store = Store.open(settings)
        train_set, dev_set = role_data.gather(settings, heading_map(settings), store, data_path=args.data,
                                              seed=args.seed)
        # the transition model is counted from the authors' own labels (before refine_intro_labels): the order
        # in which abstracts are written, not the sentence-level convention (session 12)
        author_train, _ = role_data.gather(settings, heading_map(settings), store, data_path=args.data,
                                           seed=args.seed, refine=False)
        cfg = NetConfig(rank=args.rank, lora_layers=args.lora_layers, max_len=args.max_len,
                        positions=args.positions)
        result = role_train.train(settings, rep, out_dir=out, train_set=train_set, dev_set=dev_set, cfg=cfg,
                                  steps=args.steps, batch_abstracts=args.batch_abstracts, lr=args.lr,
                                  head_lr=args.head_lr, resume=args.resume, seed=args.seed,
                                  transition_labels=[a.labels for a in author_train])
        report = result.pop("dev_report", {})
        rep.log(json.dumps({"dev_confusion": report.get("argmax", {}).get("confusion")}))
        model_id = store.register_model(role_train.MODEL_KIND,
                                        f"sentence roles r{args.rank} ({result['train_abstracts']} abstracts)",
                                        result["checkpoint"], config={"rank": args.rank, "steps": result["steps"],
                                                                      "lora_layers": args.lora_layers},
                                        metrics={k: v for k, v in result.items() if k.startswith("dev_")},
                                        job_id=getattr(args, "job_id", None), activate=not args.no_activate)
        return {**result, "model_id": model_id}

    return jobs.run_cli(args, settings, body, registers=True)


def _train_ask(args, settings) -> int:
    from medcore.literature import ask_model, ask_train, role_data

    if role_data.pubmedqa_path(settings, args.data) is None:
        print("error: PubMedQA data not found: expected ../shared/data/pubmedqa/pqal_dev.json beside the "
              "repository (or pass --data PATH)", file=sys.stderr)
        return 2
    from medcore.store import Store

    from medcore.outputs import check_output_folder

    if jobs.refuse_unwritable(settings):
        return 1
    out = check_output_folder(args.out) or settings.path("runs", "literature-ask")
    result = ask_train.train(settings, out, seed=args.seed,
                             l2=args.l2, data_path=args.data)
    store = Store.open(settings)
    result["model_id"] = store.register_model(ask_model.MODEL_KIND, f"answer model ({result['items']} items)",
                                              result["checkpoint"], config={"l2": args.l2, "seed": args.seed},
                                              metrics={"train_accuracy": result["train_accuracy"]},
                                              activate=not args.no_activate)
    print(json.dumps(result, indent=2))
    return 0


def _eval(args, settings) -> int:
    from medcore.literature import lit_eval, role_data, role_gold

    if role_data.pubmedqa_path(settings, args.data) is None:
        print("error: PubMedQA data not found: expected ../shared/data/pubmedqa/pqal_dev.json beside the "
              "repository (or pass --data PATH)", file=sys.stderr)
        return 2
    try:
        report = lit_eval.run_eval(settings, split=args.split, seed=args.seed, data_path=args.data,
                                   with_ask=not args.no_ask, gold=args.gold,
                                   agreement=args.agreement)
    except (FileNotFoundError, role_gold.GoldMismatch) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, indent=2))
    return 0


def _ask(args, settings) -> int:
    from medcore.literature import ask

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not text.strip():
        print("error: the paper is empty", file=sys.stderr)
        return 2
    if not args.question.strip():
        print("error: the question is empty", file=sys.stderr)
        return 2
    ans = ask.ask_text(settings, text, args.question)
    if args.json:
        print(json.dumps(ans.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(f"{ans.answer} (confidence {ans.confidence:.2f})")
        for s in ans.evidence:
            print(f"  - [{s['role']}] {s['text']}")
    return 0
