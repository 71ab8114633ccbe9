"""CLI of the health questions: `ask "QUESTION" [--context JSON] --json`, `eval qa [--split dev|blind]`,
`eval qa-paraphrase`, `bench qa`."""

from __future__ import annotations

import json
import sys


def register(reg) -> None:
    a = reg.top.add_parser("ask", help="answer a health question from the education pages, with sources",
                           description="Answer a health question with sources and safe routing (no language model).")
    a.add_argument("question")
    a.add_argument("--context", default=None, help='the previous answer\'s context, e.g. \'{"topics": ["condition:gout"]}\'')
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_ask)
    e = reg.eval.add_parser("qa", help="health questions on MedQuAD (topic, question type, relevance, refusals)")
    e.add_argument("--split", choices=["dev", "blind"], default="dev")
    e.add_argument("--limit", type=int, default=None, help="score a seeded sample of this many covered questions")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_eval)
    p = reg.eval.add_parser("qa-paraphrase", help="health questions on our own paraphrased questions "
                                                  "(docs/evals/qa-paraphrase): topic and section")
    p.add_argument("--file", default=None, help="question file (default: docs/evals/qa-paraphrase/questions.yaml)")
    p.add_argument("--items", action="store_true", help="also print each item's result")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_eval_paraphrase)
    b = reg.bench.add_parser("qa", help="answer latency p95 against a baseline in the same process")
    b.add_argument("--repeats", type=int, default=3)
    b.set_defaults(func=_bench)


def _ask(args, settings) -> int:
    from medcore.qa import service

    context = None
    if args.context:
        try:
            context = json.loads(args.context)
        except json.JSONDecodeError as exc:
            print(f"--context is not valid JSON: {exc}", file=sys.stderr)
            return 2
        if not isinstance(context, dict):
            print('--context must be a JSON object, e.g. {"topics": ["condition:gout"]}', file=sys.stderr)
            return 2
    try:
        ans = service.ask(settings, args.question, context)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    unknown = service.unknown_context_topics(settings, context)
    if unknown:
        print(f"note: --context topic(s) {', '.join(unknown)} name no education page and were ignored "
              "(ids look like condition:asthma_exacerbation or drug:metformin)", file=sys.stderr)
    if args.json:
        d = ans.to_dict()
        d["context"] = ans.context()
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return 0
    if ans.emergency:
        print("EMERGENCY")
    heading = (ans.emergency or {}).get("waiting_heading")
    for i, s in enumerate(ans.sentences):
        if heading and s.section == "while_you_wait" and ans.sentences[i - 1].section != "while_you_wait":
            print(f"{heading}:")
        print(f"- {s.text}  [{s.source}]")
    if not ans.sentences:
        print(ans.answer)
    print(f"(topic: {', '.join(t['id'] for t in ans.topic) or 'none'}; type: {ans.question_type}; "
          f"route: {ans.route}; confidence {ans.confidence}; machine-generated)")
    return 0


def _eval(args, settings) -> int:
    from medcore.qa.evaluate import evaluate

    out = evaluate(settings, args.split, limit=args.limit)
    print(json.dumps(out, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return 0


def _eval_paraphrase(args, settings) -> int:
    from pathlib import Path

    from medcore.qa import paraphrase_eval

    path = Path(args.file) if args.file else paraphrase_eval.DEFAULT_FILE
    out = paraphrase_eval.evaluate(settings, path, keep_items=args.items)
    print(json.dumps(out, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return 0


def _bench(args, settings) -> int:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "qa_ask.py"
    spec = importlib.util.spec_from_file_location("qa_ask_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(json.dumps(mod.run(settings, args.repeats), indent=2))
    return 0
