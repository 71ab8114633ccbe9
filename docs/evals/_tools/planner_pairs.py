"""Build a planner dev pair list (FOLDER/pairs.yaml) from FOLDER/pairs_src.txt: one home for planner-s23c/build.py
and planner-s24b/build_pairs.py, each of which calls it with its set's parameters.

Every pair whose two drugs, read by the planner's lexicon to ingredient ids (or, when a name is not read, as the
written names), equal those of a pair in any docs/evals/planner-blind*/blind.yaml dev set, or of an earlier pair
list (`earlier`), is left out. `skip_blind` names the blind set of the session that was another helper's: it is
never opened. Run: PYTHONPATH=. python docs/evals/_tools/planner_pairs.py FOLDER SESSION HELPER SKIP_BLIND [EARLIER ...]
(e.g. planner-s24b 24b plan24b planner-blind-s24 planner-s23c)."""
import json
import sys
from pathlib import Path

from medcore import kbyaml
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy.names import resolve_drug

EVALS = Path(__file__).resolve().parents[1]


def key(kb, names):
    res = [resolve_drug(kb, n) for n in names]
    if not all(r.ok for r in res):
        return frozenset(n.lower() for n in names)
    return frozenset(frozenset(r.ids) for r in res)


def _pairs(path: Path) -> list[dict]:
    return (kbyaml.load(path) or {}).get("pairs", []) or []


def build(folder: str, session: str, helper: str, skip_blind: str, earlier: tuple[str, ...] = ()) -> None:
    here = EVALS / folder
    kb = load_kb(Settings.load())
    seen, raw = set(), set()
    known = [f for f in sorted(EVALS.glob("planner-blind*/blind.yaml")) if f.parent.name != skip_blind]
    for f in known + [EVALS / e / "pairs.yaml" for e in earlier]:
        for p in _pairs(f):
            seen.add(key(kb, p["drugs"]))
            raw.add(frozenset(n.lower() for n in p["drugs"]))
    out, dropped = [], []
    for line in (here / "pairs_src.txt").read_text().splitlines():
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
    also = "".join(f" or the {e.rsplit('-', 1)[-1]} list" for e in earlier)
    lines = [f"# Planner dev pair list, session {session} (issue 13, helper {helper}): interacting pairs with the lowest",
             "# acceptable severity and non-interacting pairs, written from memory of US labels (contraindications, boxed",
             "# warnings, 'avoid'), the ONC high-priority list, BNF appendix 1 and CPIC; built by build.py from",
             f"# pairs_src.txt, leaving out {len(dropped)} pairs found in a planner-blind* dev set{also}. DEV, not blind.",
             "# Format as planner-blind-w/s22 (`expect`: contraindicated exactly, major = major or above, moderate = any",
             "# flag moderate or above, none = no flag moderate or above; `avoid: true` needs avoid or contraindicated).",
             "pairs:"]
    for it in out:
        lines.append("  - " + json.dumps(it, ensure_ascii=False).replace('"drugs": ', "drugs: ")
                     .replace('"expect": ', "expect: ").replace('"avoid": ', "avoid: ").replace('"source": ', "source: "))
    (here / "pairs.yaml").write_text("\n".join(lines) + "\n")
    n_none = sum(1 for it in out if it["expect"] == "none")
    print(f"written {len(out)} pairs ({len(out) - n_none} interacting, {n_none} none); dropped {len(dropped)}:")
    print("\n".join(dropped))


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], tuple(sys.argv[5:]))
