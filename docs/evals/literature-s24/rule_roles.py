"""The reader's rule roles (no headings, no classifier: what `eval-extract --no-headings` reads the PICO with) on
the dev role splits, against the heading labels and the sentence-level gold (session 24, issue 15): the plain
position-and-cue rules (`roles.rule_role`, the `eval literature` baseline) and the rules as the reader now applies
them (`roles.rule_roles`: background vs objective settled as for the classifier). Tallies only.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s24/rule_roles.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from medcore.config import Settings  # noqa: E402
from medcore.literature import role_gold, roles  # noqa: E402
from medcore.literature.headings import heading_map  # noqa: E402
from medcore.literature.lit_eval import _select, role_figures  # noqa: E402
from medcore.literature.model import ROLES  # noqa: E402


def main() -> int:
    settings = Settings.load()
    cues = {f"role_{r}": roles.cue_pattern(settings, f"role_{r}") for r in ROLES}
    plain = lambda a: [roles.rule_role(s, i, len(a.sentences), cues) for i, s in enumerate(a.sentences)]  # noqa: E731
    settled = getattr(roles, "rule_roles", None)
    ways = {"rule_role": plain}
    if settled is not None:
        ways["rule_roles"] = lambda a: settled(settings, a.sentences)
    for split in ("dev", "dev-tune", "holdout"):
        abstracts = _select(settings, heading_map(settings), split, 0, None)
        gold = role_gold.gold_path(split)
        gold_abs = role_gold.apply_gold(abstracts, role_gold.load_gold(gold)) if gold.is_file() else None
        for name, fn in ways.items():
            weak = role_figures(abstracts, fn)
            line = f"{split:9s} {name:10s} weak labels acc {weak['accuracy']:.4f} macro-F1 {weak['macro_f1']:.3f}"
            if gold_abs is not None:
                by_id = {a.id: fn(a) for a in abstracts}
                g = role_figures(gold_abs, lambda a: by_id[a.id])
                line += f" | gold acc {g['accuracy']:.4f} macro-F1 {g['macro_f1']:.3f}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
