"""Read texts one-shot and print what is read and the level: python probe.py [--no-embeddings] TEXT... (or - for stdin lines)."""
from __future__ import annotations

import logging
import sys


def main() -> None:
    args = sys.argv[1:]
    emb = "--no-embeddings" not in args
    texts = [a for a in args if a != "--no-embeddings"]
    if texts == ["-"]:
        texts = [l.rstrip("\n") for l in sys.stdin if l.strip()]
    logging.basicConfig(level=logging.WARNING)
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine

    eng = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=emb, use_blend=False)
    for t in texts:
        res, _ = eng.one_shot(t)
        _, ex = eng.read_text(t)
        d = res.to_dict()
        read = ", ".join(f"{'' if m.present else '-'}{m.finding_id}({m.method[0]}:{m.phrase})" for m in ex.mentions) if ex else ""
        top = [c["id"] for c in d.get("differential", [])[:3]]
        print(f"{d.get('triage')!s:9s} {t}\n          read: {read}\n          top: {top}")


if __name__ == "__main__":
    main()
