"""Score the session-28 holdout (holdout.yaml), with more fields than session 27 (age, comparators,
primary outcomes); run from the root of the tree being scored:
python docs/evals/literature-s28/score_holdout.py docs/evals/literature-s28/holdout.yaml --out OUT.json
(docs/evals/_tools/lit_holdout_score.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from lit_holdout_score import main  # noqa: E402

FIELDS = ("design", "n", "age", "female_pct", "interventions", "comparators", "outcomes_primary")
LISTS = ("interventions", "comparators", "outcomes_primary")

if __name__ == "__main__":
    raise SystemExit(main(FIELDS, LISTS))
