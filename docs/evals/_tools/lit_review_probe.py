"""A literature reviewer's probes (own short abstracts, a list of (id, text) named PROBES in the review folder's
probes.py): each is read and its fields printed compactly, one JSON line per probe; run from the root of the tree
being read (base or branch) and diff the outputs. Review folders keep a wrapper passing their folder:

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s29-review/probe.py OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being read

from medcore.config import Settings  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402


def fields(r) -> dict:
    p, d = r.pico, r.design
    return {"design": d.kind + ("*" if d.kind_inferred else ""), "blinding": d.blinding, "n": p.population.n,
            "age": {k: v for k, v in p.population.age.items() if k in ("stat", "value", "low", "high")},
            "female": p.population.sex.get("female_pct"),
            "I": [i.text + (" [inferred]" if "inferred" in (i.detail or "") else "") for i in p.interventions],
            "C": [i.text + (" [inferred]" if "inferred" in (i.detail or "") else "") for i in p.comparators],
            "O1": [i.text for i in p.outcomes_primary], "cond": [i.text for i in p.population.conditions],
            # (session 30 review) the secondary outcomes, only when read (earlier reviews' lines keep their keys)
            **({"O2": [i.text for i in p.outcomes_secondary]} if p.outcomes_secondary else {})}


def main(folder: Path, out_path: str) -> int:
    sys.path.insert(0, str(folder))
    from probes import PROBES  # the review folder's own list

    settings = Settings.load()
    with open(out_path, "w", encoding="utf-8") as out:
        for pid, text in PROBES:
            out.write(json.dumps({"id": pid, **fields(read_paper(settings, text, classifier=False)[0])}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2]))
