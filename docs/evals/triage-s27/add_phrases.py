"""Append session-27 phrases to findings.yaml's more_synonyms / more_absent_synonyms, skipping phrases the finding
already holds: python docs/evals/triage-s27/add_phrases.py additions.yaml (docs/evals/_tools/triage_add_phrases.py)."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "_tools"))
from triage_add_phrases import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:])
