"""CLI: `literature read FILE|- [--json] [--rules]`, `literature eval-extract [--split SPLIT] [--no-headings]
[--classifier] [--json]` (SPLIT: dev, or one of the registered blind sets; `--help` lists them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(reg) -> None:
    sub = reg.group("literature", help="the literature reader: read a paper, extract its evidence",
                    description="Read a clinical paper (abstract, full text, PDF, PubMed export) and extract "
                                "sentence roles, design, PICO, results with numbers and an evidence card.")
    r = sub.add_parser("read", help="read FILE (or - for stdin): roles, design, PICO, results, card")
    r.add_argument("file", help="a text, PDF, MEDLINE, PubMed XML or RIS file; - reads stdin")
    r.add_argument("--json", action="store_true", help="print every paper's reading as JSON")
    r.add_argument("--rules", action="store_true", help="sentence roles from the rules, not the trained classifier")
    r.set_defaults(func=_read)
    e = sub.add_parser("eval-extract", help="PICO/results extraction against our annotations of PubMedQA abstracts")
    e.add_argument("--split", choices=["dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14",
                                          "blind_s22", "blind_s23", "blind_s24",
                                          "blind_s25", "blind_s26", "blind_s27", "blind_s28", "blind_s29", "blind_s30"],
                   default="dev")
    e.add_argument("--data", default="", help="pqal_dev.json (default: ../shared/data/pubmedqa/)")
    e.add_argument("--no-headings", action="store_true", help="read each abstract as one unlabelled paragraph")
    e.add_argument("--classifier", action="store_true", help="sentence roles from the installed classifier")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_eval)


def _read(args, settings) -> int:
    from medcore.literature.errors import LiteratureInputError
    from medcore.literature.service import read_paper

    try:
        if args.file == "-":
            data: str | bytes = sys.stdin.buffer.read()
            name = None
        else:
            path = Path(args.file)
            if not path.is_file():
                print(f"error: no such file: {args.file}", file=sys.stderr)
                return 2
            if path.stat().st_size > settings.max_upload_mb * 1024 * 1024:
                print(f"error: {args.file} is larger than {settings.max_upload_mb} MB", file=sys.stderr)
                return 2
            data, name = path.read_bytes(), path.name
        results = read_paper(settings, data, name, classifier=False if args.rules else None)
    except LiteratureInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
        return 0
    for r in results:
        print(f"== {r.paper.title or '(untitled)'}" + (f"  PMID {r.paper.pmid}" if r.paper.pmid else ""))
        for w in r.warnings:
            print(f"  warning: {w}")
        for section, line in r.card.lines():
            where = f"[s{line.sentence_idx}]" if line.sentence_idx >= 0 else "[title]"
            print(f"  {section:27s} {where:6s} {line.text}")
        missing = [c.label for c in r.checklist if not c.reported]
        print(f"  CONSORT abstract items reported: {sum(c.reported for c in r.checklist)}/{len(r.checklist)}")
        for m in missing:
            print(f"    missing: {m}")
    return 0


def _eval(args, settings) -> int:
    from medcore.literature.evaluate import EvalDataMissing, evaluate

    try:
        report = evaluate(settings, split=args.split, data_path=args.data or None, headings=not args.no_headings,
                          classifier=None if args.classifier else False)
    except EvalDataMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{args.split}: {report['papers']} abstracts, headings {'kept' if report['headings'] else 'removed'}, "
              f"roles from the {report['roles']}")
        for field, m in report["fields"].items():
            print(field_line(field, m))
    return 0


def field_line(field: str, m: dict) -> str:
    """One field of `eval-extract`'s text report; a ratio over nothing is "n/a", a field with neither gold nor
    prediction "not scored" (never a 1.00 that nothing tested)."""
    if m["precision"] is None and m["recall"] is None:
        return f"  {field:22s} not scored (no gold and no prediction in this set)"
    p, r = (f"{v:.2f}" if v is not None else "n/a" for v in (m["precision"], m["recall"]))
    return f"  {field:22s} precision {p}  recall {r}  (gold {m['gold']}, predicted {m['predicted']}, correct {m['correct']})"
