"""Add the role transition model (medcore/literature/role_sequence.py) to a checkpoint trained before it existed.

It counts exactly what `train literature` counts since session 12: the training split's author labels (before
refine_intro_labels), PubMedQA only (no library), split seed 0; and sets the checkpoint to decode with it.

    python docs/evals/literature-s12/add_transitions.py CHECKPOINT_FOLDER [--weight 0.5]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from medcore.config import Settings
from medcore.literature import role_data, role_sequence
from medcore.literature.headings import heading_map
from medcore.literature.role_net import NetConfig


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--weight", type=float, default=role_sequence.WEIGHT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    settings = Settings.load()
    train, _ = role_data.gather(settings, heading_map(settings), None, seed=args.seed, refine=False)
    path = args.folder / "state.json"
    state = json.loads(path.read_text())
    roles = NetConfig.from_dict(state.get("net")).roles
    t = role_sequence.count([a.labels for a in train], roles, weight=args.weight)
    state["transitions"] = t.to_dict()
    state["decode"] = "viterbi"
    path.write_text(json.dumps(state, indent=1))
    print(json.dumps({"abstracts": t.abstracts, "weight": t.weight}))


if __name__ == "__main__":
    main()
