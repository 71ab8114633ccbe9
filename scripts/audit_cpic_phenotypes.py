"""Does the PGx KB answer every phenotype that CPIC's recommendation table gives for a level A or A/B pair?

    python scripts/audit_cpic_phenotypes.py          # JSON counts; --list prints the refused rows (dev data: not saved)

Reads ../shared/data/cpic (pairs.csv, recommendations.csv: dev data outside the repository, never committed). Each
single-gene phenotype row of a level A or A/B pair is looked up with medcore.therapy.pgx.lookup: `action` (a
recommendation with an action), `advice` (no action, but the guideline's advice: G6PD Variable), `no_recommendation`
(CPIC's Indeterminate without advice), `refused` (the phenotype was not understood). Rows keyed by activity score or
by two genes are not counted here (tests/therapy/test_pgx*.py check them)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcore.config import SHARED_DATA  # noqa: E402
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR  # noqa: E402
from medcore.therapy import pgx  # noqa: E402
from medcore.therapy.kb import load_kb_dir  # noqa: E402


def main() -> int:
    cpic = SHARED_DATA / "cpic"
    if not (cpic / "recommendations.csv").is_file():
        print(json.dumps({"skipped": f"{cpic} not found (dev data outside the repository)"}))
        return 0
    kb = load_kb_dir(Path(DEFAULT_KB_DIR) / "therapy")
    with (cpic / "pairs.csv").open(encoding="utf-8", newline="") as fh:
        pairs = {(r["gene"], r["drug"]) for r in csv.DictReader(fh) if r["cpic_level"] in ("A", "A/B")}
    seen, counts, refused = set(), {"action": 0, "advice": 0, "no_recommendation": 0, "refused": 0}, []
    with (cpic / "recommendations.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if (r["genes"], r["drug"]) not in pairs or ";" in r["phenotypes"] or ":" not in r["phenotypes"]:
                continue
            key = (r["genes"], r["drug"], r["phenotypes"].split(":", 1)[1].strip())
            if key in seen:
                continue
            seen.add(key)
            try:
                pgx.lookup(kb, key[1], key[0], key[2])
                counts["action"] += 1
            except pgx.PgxError as exc:
                msg = str(exc)
                kind = ("refused" if "not recognised" in msg else "no_recommendation"
                        if "no specific recommendation" in msg else "advice")
                counts[kind] += 1
                if kind == "refused":
                    refused.append("/".join(key))
    print(json.dumps({"phenotype_rows": len(seen), **counts}, indent=2))
    if "--list" in sys.argv:
        print("\n".join(refused))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
