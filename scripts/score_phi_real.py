"""PHI recall and over-redaction of the de-identifier on the real-note development sets (dev, blind_s8).

    PYTHONPATH=. .venv/bin/python scripts/score_phi_real.py [--errors] [dev] [blind_s8]

For each set: strict recall and precision (`records.evaluate.phi_scores`, the same scoring as
`python -m medcore eval records-real`, here on `deidentify(note)` alone), and over-redaction of clinical text:
how many annotated problems, medications, allergies and labs/vitals a redaction touches (a drug, an eponym such as
"Parkinson" or a number replaced). `--errors` lists each missed identifier and each span that matches no gold
identifier, with context. Only the development sets are accepted: a blind set's errors are not studied.
Needs ../shared/data/mtsamples/ (development data, never committed)."""

from __future__ import annotations

import argparse
import sys

DEV_SETS = ("dev", "blind_s8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="dev and/or blind_s8 (default: both)")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    if bad := [s for s in args.sets if s not in DEV_SETS]:
        ap.error(f"only the development sets {', '.join(DEV_SETS)}, not {', '.join(bad)}")
    from medcore.deid import deidentify
    from medcore.records.evaluate import phi_scores
    from medcore.records.real_notes import RealNotesUnavailable, load_set

    for name in args.sets or DEV_SETS:
        try:
            notes = load_set(name).notes
        except RealNotesUnavailable as exc:
            print(f"skipped: {exc}")
            return 2
        rows, touched, clinical = [], 0, 0
        for n in notes:
            pred = [(s.start, s.end, s.type) for s in deidentify(n.text).spans]
            gold = [(p.start, p.end, p.kind) for p in n.phi]
            rows.append((n.text, gold, pred))
            items = [*n.problems, *n.medications, *n.allergies, *n.labs]
            clinical += len(items)
            for it in items:
                hit = [n.text[s:e] for s, e, _ in pred if s < it.end and it.start < e]
                if hit:
                    touched += 1
                    if args.errors:
                        print(f"CLINICAL {n.id} {n.text[it.start:it.end]!r} <- {hit}")
            if args.errors:
                covered = bytearray(len(n.text) + 1)
                for s, e, _ in pred:
                    covered[s:e] = b"\x01" * (e - s)
                for s, e, kind in gold:
                    if any(n.text[i].isalnum() and not covered[i] for i in range(s, e)):
                        print(f"MISS {n.id} {kind} {n.text[s:e]!r} :: {n.text[max(0, s - 50):e + 30]!r}")
                for s, e, kind in pred:
                    if not any(gs < e and s < ge for gs, ge, _ in gold):
                        print(f"EXTRA {n.id} {kind} {n.text[s:e]!r} :: {n.text[max(0, s - 50):e + 30]!r}")
        sc = phi_scores(rows)
        o = sc["overall"]
        per = ", ".join(f"{k} {v['recall']} (n={v['gold']})" for k, v in sc["per_type"].items() if v["gold"])
        print(f"{name}: {len(notes)} notes; strict recall {o['recall']} (gold {o['gold']}), precision {o['precision']} "
              f"(predicted {o['predicted']}); clinical items touched {touched}/{clinical}; recall by type: {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
