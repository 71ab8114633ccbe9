"""Build docs/evals/planner-s24b/pairs.yaml from pairs_src.txt (session 24b, issue 13).

Every pair whose two drugs, read by the planner's lexicon to ingredient ids, equal those of a pair in any
docs/evals/planner-blind*/blind.yaml dev set or of the session-23c pair list is left out. The session-24 blind
set (planner-blind-s24) is another helper's and is never opened here. Run: PYTHONPATH=. python
docs/evals/planner-s24b/build_pairs.py
"""
from pathlib import Path

from medcore import kbyaml
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy.names import resolve_drug

HERE = Path(__file__).resolve().parent
EVALS = HERE.parent


def key(kb, names):
    res = [resolve_drug(kb, n) for n in names]
    if not all(r.ok for r in res):
        return frozenset(n.lower() for n in names)
    return frozenset(frozenset(r.ids) for r in res)


def main():
    kb = load_kb(Settings.load())
    seen, raw = set(), set()
    for f in sorted(EVALS.glob("planner-blind*/blind.yaml")):
        if f.parent.name == "planner-blind-s24":
            continue  # another helper's blind set: never read
        for p in (kbyaml.load(f) or {}).get("pairs", []) or []:
            seen.add(key(kb, p["drugs"]))
            raw.add(frozenset(n.lower() for n in p["drugs"]))
    # and every pair of the session-23c dev pair list: this list is new pairs only
    for p in (kbyaml.load(EVALS / "planner-s23c" / "pairs.yaml") or {}).get("pairs", []) or []:
        seen.add(key(kb, p["drugs"]))
        raw.add(frozenset(n.lower() for n in p["drugs"]))
    out, dropped = [], []
    for line in (HERE / "pairs_src.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, expect, avoid, source = [x.strip() for x in line.split("|")]
        if key(kb, [a, b]) in seen or frozenset([a.lower(), b.lower()]) in raw:
            dropped.append(f"{a} + {b}")
            continue
        item = {"drugs": [a, b], "expect": expect}
        if avoid == "y":
            item["avoid"] = True
        item["source"] = source
        out.append(item)
    lines = ["# Planner dev pair list, session 24b (issue 13, helper plan24b): interacting pairs with the lowest",
             "# acceptable severity and non-interacting pairs, written from memory of US labels (contraindications, boxed",
             "# warnings, 'avoid'), the ONC high-priority list, BNF appendix 1 and CPIC; built by build.py from",
             f"# pairs_src.txt, leaving out {len(dropped)} pairs found in a planner-blind* dev set or the s23c list. DEV, not blind.",
             "# Format as planner-blind-w/s22 (`expect`: contraindicated exactly, major = major or above, moderate = any",
             "# flag moderate or above, none = no flag moderate or above; `avoid: true` needs avoid or contraindicated).",
             "pairs:"]
    import json
    for it in out:
        lines.append("  - " + json.dumps(it, ensure_ascii=False).replace('"drugs": ', "drugs: ")
                     .replace('"expect": ', "expect: ").replace('"avoid": ', "avoid: ").replace('"source": ', "source: "))
    (HERE / "pairs.yaml").write_text("\n".join(lines) + "\n")
    n_none = sum(1 for it in out if it["expect"] == "none")
    print(f"written {len(out)} pairs ({len(out) - n_none} interacting, {n_none} none); dropped {len(dropped)}:")
    print("\n".join(dropped))


if __name__ == "__main__":
    main()
