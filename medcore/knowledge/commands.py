"""CLI: `kg ask`, `kg search`, `kg show`, `kg stats`, `kg export`, `bench kg`."""

from __future__ import annotations

import json
import sys


def register(reg) -> None:
    sub = reg.group("kg", help="the knowledge graph: ask it a question, search, show, stats, export",
                    description="The clinical knowledge graph built from the knowledge bases under assets/kb/.")
    a = sub.add_parser("ask", help="answer a question from the graph, with sources (rules, no language model)")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="print the query as understood, the rows and the text as JSON")
    a.add_argument("--no-literature", action="store_true",
                   help="leave out the edges from your read papers (shown beside the guideline rows by default)")
    a.set_defaults(func=_ask)
    s = sub.add_parser("search", help="ranked concepts for a text: id, type, name, codes, matched synonym")
    s.add_argument("text")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--type", action="append", default=None, help="only this concept type (repeatable)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_search)
    w = sub.add_parser("show", help="a concept and its relations, e.g. condition:meningitis or drug:warfarin")
    w.add_argument("id")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=_show)
    t = sub.add_parser("stats", help="counts by concept type and relation type, and the build time")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=_stats)
    e = sub.add_parser("export", help="GraphML, or node/edge CSVs for neo4j-admin import")
    e.add_argument("--format", choices=["graphml", "csv"], required=True)
    e.add_argument("out", help="a folder (or a .graphml file name for --format graphml)")
    e.set_defaults(func=_export)

    b = reg.bench.add_parser("kg", help="graph build cold/warm, search p95, ask latency, added memory")
    b.add_argument("--repeats", type=int, default=50)
    b.set_defaults(func=_bench)


def _dump(obj) -> None:
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def _ask(args, settings) -> int:
    from medcore.knowledge import service

    overlay = [] if args.no_literature else _literature_edges(settings)
    ans = service.ask(settings, args.question, overlay=overlay)
    if args.json:
        _dump(ans.to_dict())
    else:
        print(ans.text)
        for r in ans.rows[:40]:
            print(f"- {r.concept_name} --{r.relation}--> {r.target_name}  [source: {r.source}]")
        if len(ans.rows) > 40:
            print(f"... {len(ans.rows) - 40} more rows (use --json for all)")
        for r in ans.literature[:40]:
            print(f"- {r.concept_name} --{r.relation}--> {r.target_name}  {r.detail.get('outcome', '')} "
                  f"{r.detail.get('effect', '')}  [{r.detail.get('origin', 'literature')}: {r.source}]")
    return 0 if ans.ok else 1


def _literature_edges(settings) -> list:
    """The CLI user's read papers (store kind `paper`), as overlay edges; none when the store cannot open."""
    from medcore.knowledge.overlay import stored_edges
    from medcore.store import Store, StoreError

    try:
        return stored_edges(Store.open(settings), user=settings.user)
    except StoreError as exc:
        print(f"note: literature edges left out, the store cannot be opened: {exc}", file=sys.stderr)
        return []


def _search(args, settings) -> int:
    from medcore.knowledge import service

    hits = service.search(settings, args.text, limit=args.limit, types=set(args.type) if args.type else None)
    if args.json:
        _dump(hits)
    else:
        for h in hits:
            codes = "; ".join(f"{k} {', '.join(v)}" for k, v in h["codes"].items())
            print(f"{h['id']:45s} {h['name']}  (matched '{h['matched']}'{'; ' + codes if codes else ''})")
    return 0 if hits else 1


def _show(args, settings) -> int:
    from medcore.knowledge import service

    view = service.show(settings, args.id)
    if view is None:
        print(f"unknown concept {args.id!r}; try `python -m medcore kg search TEXT`", file=sys.stderr)
        return 1
    if args.json:
        _dump(view)
        return 0
    c = view["concept"]
    print(f"{c['id']}  {c['name']}  [{c['type']}]")
    for k, v in c["codes"].items():
        print(f"  {k}: {', '.join(v)}")
    if c["synonyms"]:
        print(f"  synonyms: {', '.join(c['synonyms'][:20])}")
    for rel, rows in view["relations"].items():
        print(f"  {rel} ({len(rows)}):")
        for r in rows[:15]:
            arrow = "->" if r["direction"] == "out" else "<-"
            print(f"    {arrow} {r['other_name']} ({r['other']})  [source: {r['source']}]")
    return 0


def _stats(args, settings) -> int:
    from medcore.knowledge import service

    st = service.stats(settings)
    if args.json:
        _dump(st)
    else:
        print(f"{st['nodes']} concepts, {st['edges']} relations; built in {st['build_s']} s from {st['files']} files "
              f"(digest {st['digest']})")
        for k, v in st["concepts_by_type"].items():
            print(f"  {k:12s} {v}")
        for k, v in st["relations"].items():
            print(f"  {k:20s} {v}")
    return 0


def _export(args, settings) -> int:
    from pathlib import Path

    from medcore.knowledge import service
    from medcore.outputs import check_output_file, check_output_folder

    if args.format == "graphml" and Path(args.out).suffix.lower() == ".graphml":
        check_output_file(args.out, make_parent=True)
    else:
        check_output_folder(args.out)
    for path in service.export(settings, args.format, args.out):
        print(path)
    return 0


def _bench(args, settings) -> int:
    from bench.bench_knowledge import run

    _dump(run(settings, repeats=args.repeats))
    return 0
