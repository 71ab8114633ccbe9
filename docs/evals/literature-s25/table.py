"""Pooled and per-split P/R before -> after from two all_fields.py outputs (session 25), as a markdown table.
Usage: python docs/evals/literature-s25/table.py BEFORE.json AFTER.json [SPLIT]"""
import json
import sys

a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
split = sys.argv[3] if len(sys.argv) > 3 else None


def pr(t):
    f = lambda v: "–" if v is None else f"{v:.3f}"
    return f"{f(t['precision'])} / {f(t['recall'])} ({t['correct']}/{t['predicted']}/{t['gold']})"


print("| headings | field | before P / R | after P / R |\n|---|---|---|---|")
for mode in a:
    src_a = a[mode]["per_split"][split] if split else a[mode]["pooled"]
    src_b = b[mode]["per_split"][split] if split else b[mode]["pooled"]
    for f in src_a:
        print(f"| {mode} | {f} | {pr(src_a[f])} | {pr(src_b[f])} |")
