"""Before -> after table of the problem figures on each dev set (`python docs/evals/records-s25/compare.py`)."""
import json
import pathlib

HERE = pathlib.Path(__file__).parent
SETS = ["dev", "blind_s24", "blind_s23", "blind_s22", "blind_s21", "blind_s18", "blind_s17", "blind_s16", "blind_s15"]


def figs(path):
    s = json.loads(path.read_text())["scores"]
    p, e = s["problems"], s["exact_code_agreement"]
    return (f"{p['recall']:.4f} / {p['precision']:.4f} ({p['tp']}/{p['gold']}, {p['predicted']} out)",
            f"{s['assertion_accuracy']:.4f}", f"{e['exact']}/{e['n']}", s)


print("| set | problems R / P before | after | assertion before -> after | exact codes before -> after |")
print("|---|---|---|---|---|")
for name in SETS:
    b, a = figs(HERE / f"before_{name}.json"), figs(HERE / f"after_{name}.json")
    same = all(b[3][k] == a[3][k] for k in ("medications", "phi", "labs_vitals", "allergies"))
    print(f"| {name} | {b[0]} | {a[0]} | {b[1]} -> {a[1]} | {b[2]} -> {a[2]} |" + ("" if same else " other figures moved"))
