"""Score the session-27 holdout (holdout.yaml); run from the root of the tree being scored:
python docs/evals/literature-s27/score_holdout.py docs/evals/literature-s27/holdout.yaml --out OUT.json
(docs/evals/_tools/lit_holdout_score.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from lit_holdout_score import main  # noqa: E402

FIELDS = ("female_pct", "n", "design", "setting", "interventions")
LISTS = ("interventions",)

if __name__ == "__main__":
    raise SystemExit(main(FIELDS, LISTS))
