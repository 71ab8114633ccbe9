"""Level, mass by level and the top five with probabilities, one-shot: python probe_mass.py TEXT..."""
from __future__ import annotations

import logging
import sys


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine

    eng = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=True, use_blend=False)
    for t in sys.argv[1:]:
        res, _ = eng.one_shot(t)
        d = res.to_dict()
        top = ", ".join(f"{c['id']}({c['triage'][0]}) {c['probability']:.2f}" for c in d["differential"][:5])
        print(f"{d['triage']!s:9s} {t}\n          reason: {d.get('triage_reason')}\n          top: {top}")


if __name__ == "__main__":
    main()
