"""Session 26b: the shipped role classifier's probabilities for every PubMedQA abstract (train and dev), cached in
/tmp (never committed: derived from the shared data), so that the intro-structure study runs without the encoder.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s26b/cache_probs.py"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
CACHE = Path("/tmp/lit26b-role-probs.json")


def main() -> None:
    from medcore.config import Settings
    from medcore.literature import role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.role_model import classifier_dir, load_from

    settings = Settings.load()
    abstracts = role_data.load_pubmedqa(settings, heading_map(settings))
    clf = load_from(classifier_dir(settings), settings.role_encoder_dtype)
    cache = json.loads(CACHE.read_text()) if CACHE.is_file() else {}
    for i, a in enumerate(abstracts):
        if a.id not in cache:
            cache[a.id] = clf.probabilities(a.sentences)
        if i % 100 == 0:
            print(i, flush=True)
    CACHE.write_text(json.dumps(cache))


if __name__ == "__main__":
    main()
