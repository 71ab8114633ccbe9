"""CLI: `handout CONCEPT_ID --format md|pdf [--out FILE]` (the education page as a handout)."""

from __future__ import annotations

import sys


def register(reg) -> None:
    h = reg.top.add_parser("handout", help="write a health-education page (condition or drug) as Markdown or PDF",
                           description="Write the education page of a condition (condition:asthma_exacerbation) or "
                                       "drug (drug:metformin, or a drug name) as a patient handout.")
    h.add_argument("concept_id", help="condition:<id>, drug:<id>, or a drug name the lexicon knows")
    h.add_argument("--format", choices=["md", "pdf"], default="md")
    h.add_argument("--out", default=None, help="file to write (default: stdout for md; required for pdf)")
    h.set_defaults(func=_handout)
    e = reg.eval.add_parser("qa-pages", help="education pages: counts, sections with text, passages by origin, "
                                             "reading grade of every page")
    e.add_argument("--missing", action="store_true", help="also list the pages of each section that has no text")
    e.set_defaults(func=_eval_pages)


def _eval_pages(args, settings) -> int:
    import json

    from medcore.qa.stats import page_stats

    out = page_stats(settings, missing=args.missing)
    print(json.dumps(out, indent=2))
    return 0 if out["reading_grade"]["over_max"] == 0 else 1


def _handout(args, settings) -> int:
    from medcore.outputs import check_output_file, write_output
    from medcore.qa import handout
    from medcore.qa.pages import find_page

    check_output_file(args.out)
    page = find_page(settings, args.concept_id)
    if page is None:
        print(f"no education page for {args.concept_id!r}: try a triage condition id (condition:migraine) "
              "or one of the listed common drugs (drug:metformin)", file=sys.stderr)
        return 1
    if args.format == "pdf":
        if not args.out:
            print("--format pdf needs --out FILE", file=sys.stderr)
            return 2
        write_output(args.out, handout.page_pdf(page))
    elif args.out:
        write_output(args.out, handout.page_markdown(page))
    else:
        sys.stdout.write(handout.page_markdown(page))
    if args.out:
        print(f"wrote {args.out} ({page.concept_id})", file=sys.stderr)
    return 0
