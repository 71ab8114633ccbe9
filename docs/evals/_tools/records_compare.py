"""Before -> after table of the records problem figures on each dev set, one home for every session's folder
(records-s24, records-s24c, ...). The folder holds before_<set>.json and after_<set>.json (`eval records --json`).
`python docs/evals/_tools/records_compare.py docs/evals/records-s24 [SET ...]`; each folder's compare.py calls it."""
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


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: records_compare.py FOLDER [SET ...]")
    print("\n".join(table(pathlib.Path(argv[0]), argv[1:] or SETS)))


if __name__ == "__main__":
    main(sys.argv[1:])
