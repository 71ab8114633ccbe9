"""Before -> after table of the records problem figures on each dev set, one home for every session's folder
(records-s24, records-s24c, ...). The folder holds before_<set>.json and after_<set>.json (`eval records --json`).
`python docs/evals/_tools/records_compare.py docs/evals/records-s24 [SET ...]`: the table;
`python docs/evals/_tools/records_compare.py --pooled docs/evals/records-s28 [SET ...]`: per-set lines and the pooled
recall / precision from each set's matched, gold and output counts (records-s27, -s28 figures.txt).
Each folder's compare.py calls it with its own sets."""
import json
import pathlib
import sys

SETS = ["dev", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16", "blind_s15"]
# the figures this table does not show: a set where any of them moved is flagged
UNSHOWN = ("medications", "phi", "labs_vitals", "allergies")


def figs(path):
    s = json.loads(path.read_text())["scores"]
    p, e = s["problems"], s["exact_code_agreement"]
    return (f"{p['recall']:.4f} / {p['precision']:.4f} ({p['tp']}/{p['gold']}, {p['predicted']} out)",
            f"{s['assertion_accuracy']:.4f}", f"{e['exact']}/{e['n']}", s)


def table(folder: pathlib.Path, sets=SETS) -> list[str]:
    rows = ["| set | problems R / P before | after | assertion before -> after | exact codes before -> after |",
            "|---|---|---|---|---|"]
    for name in sets:
        b, a = figs(folder / f"before_{name}.json"), figs(folder / f"after_{name}.json")
        same = all(b[3][k] == a[3][k] for k in UNSHOWN)
        rows.append(f"| {name} | {b[0]} | {a[0]} | {b[1]} -> {a[1]} | {b[2]} -> {a[2]} |" + ("" if same else " other figures moved"))
    return rows


def _counts(folder: pathlib.Path, tag: str, name: str):
    p = folder / f"{tag}_{name}.json"
    if not p.exists() or not p.stat().st_size:
        return None
    s = json.loads(p.read_text())["scores"]
    return s["problems"], s["exact_code_agreement"], s["assertion_accuracy"], s["assertion_n"]


def pooled(folder: pathlib.Path, sets, tags=("before", "after")) -> list[str]:
    """Per-set problem lines and the pooled line of each tag; a set without its JSON is named missing."""
    out = []
    for tag in tags:
        tp = g = o = ex = exn = an = ac = 0
        for name in sets:
            c = _counts(folder, tag, name)
            if c is None:
                out.append(f"{tag}: {name} missing")
                continue
            pr, e, acc, n = c
            # older JSONs have no tp / predicted: recall x gold and "output" stand in
            tp += pr["tp"] if "tp" in pr else round(pr["recall"] * pr["gold"])
            g += pr["gold"]
            o += pr["predicted"] if "predicted" in pr else pr.get("output", 0)
            ex += e["exact"]
            exn += e["n"]
            ac += (acc or 0) * (n or 0)
            an += n or 0
            out.append(f"{tag} {name}: recall {pr['recall']} precision {pr['precision']} exact {e['exact']}/{e['n']}")
        out.append(f"{tag} POOLED: recall {tp / g:.4f} precision {tp / o:.4f} exact {ex}/{exn} ({ex / exn:.3f}) "
                   f"assertion {ac / an:.4f}")
    return out


def pooled_meds(folder: pathlib.Path, sets, tags=("before", "after")) -> list[str]:
    """Session 30: the pooled medication recall / precision, dose and frequency accuracy and allergy recall /
    precision of each tag, from each set's counts (accuracy x n for dose and frequency); a missing JSON is named."""
    out = []
    for tag in tags:
        c = dict.fromkeys(("mtp", "mg", "mp", "dok", "dn", "fok", "fn", "atp", "ag", "ap"), 0.0)
        for name in sets:
            p = folder / f"{tag}_{name}.json"
            if not p.exists() or not p.stat().st_size:
                out.append(f"{tag}: {name} missing")
                continue
            s = json.loads(p.read_text())["scores"]
            med, al = s.get("medications") or {}, s.get("allergies") or {}
            for k, src, key in (("mtp", med, "tp"), ("mg", med, "gold"), ("mp", med, "predicted"),
                                ("atp", al, "tp"), ("ag", al, "gold"), ("ap", al, "predicted")):
                c[k] += src.get(key) or 0
            for ok, n, acc, nn in (("dok", "dn", "dose_accuracy", "dose_n"), ("fok", "fn", "frequency_accuracy", "frequency_n")):
                c[ok] += (s.get(acc) or 0) * (s.get(nn) or 0)
                c[n] += s.get(nn) or 0

        def r(a, b):
            return f"{c[a] / c[b]:.4f}" if c[b] else "-"
        out.append(f"{tag} POOLED meds: recall {r('mtp', 'mg')} precision {r('mtp', 'mp')} ({c['mtp']:.0f}/{c['mg']:.0f}, "
                   f"{c['mp']:.0f} out) dose {r('dok', 'dn')} (n {c['dn']:.0f}) frequency {r('fok', 'fn')} (n {c['fn']:.0f}) "
                   f"allergy recall {r('atp', 'ag')} precision {r('atp', 'ap')} ({c['atp']:.0f}/{c['ag']:.0f}, {c['ap']:.0f} out)")
    return out


def main(argv: list[str], default_sets=SETS) -> None:
    """`[--pooled] [--meds] FOLDER [SET ...]`; a wrapper passes its own sets as `default_sets`. `--meds` (session 30)
    adds the pooled medication, dose, frequency and allergy lines after the pooled problem lines."""
    want_pooled, want_meds = "--pooled" in argv, "--meds" in argv
    argv = [a for a in argv if a not in ("--pooled", "--meds")]
    if not argv or argv[0] in ("-h", "--help"):
        sys.exit("usage: records_compare.py [--pooled] [--meds] FOLDER [SET ...]")
    folder, sets = pathlib.Path(argv[0]), argv[1:] or default_sets
    print("\n".join((pooled(folder, sets) if want_pooled else table(folder, sets))
                    + (pooled_meds(folder, sets) if want_meds else [])))


if __name__ == "__main__":
    main(sys.argv[1:])
