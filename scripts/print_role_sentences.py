"""Print the sentences of a PubMedQA role split for a human (or second) annotator: one block per abstract, each
sentence numbered and shown under its authors' paragraph heading. No labels and no model predictions are printed,
so the annotator works blind to both (session 10, docs/evals/literature-s10). The output holds shared data: write
it outside the repository (e.g. /tmp) and never commit it.

    .venv/bin/python scripts/print_role_sentences.py --split holdout > /tmp/holdout_sentences.txt
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere, as the other scripts

from medcore.config import Settings  # noqa: E402
from medcore.literature import role_data  # noqa: E402
from medcore.literature.headings import heading_map  # noqa: E402


def blocks(items: dict, abstracts: list) -> list[str]:
    out = []
    for a in abstracts:
        item = items[a.id]
        paras = list(zip(item.get("LABELS") or [], item.get("CONTEXTS") or []))
        paras.append(("(LONG_ANSWER: the conclusion paragraph)", item.get("LONG_ANSWER") or ""))
        lines, i = [f"=== PMID {a.id} ({len(a.sentences)} sentences)"], 0
        for heading, para in paras:
            sents = role_data._split(para or "")
            if not sents:
                continue
            lines.append(f"  [{heading}]")
            for s in sents:
                if s != a.sentences[i]:
                    raise ValueError(f"PMID {a.id}: sentence {i} does not line up with role_data")
                lines.append(f"  {i:02d} {s}")
                i += 1
        if i != len(a.sentences):
            raise ValueError(f"PMID {a.id}: {i} sentences printed of {len(a.sentences)}")
        out.append("\n".join(lines))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="holdout", choices=["dev", "dev-tune", "holdout"])
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    settings = Settings()
    path = role_data.pubmedqa_path(settings, args.data)
    items = json.loads(path.read_text(encoding="utf-8"))
    _, dev = role_data.split(role_data.from_pubmedqa(items, heading_map(settings)))
    tune, hold = role_data.split_dev(dev)
    chosen = {"dev": dev, "dev-tune": tune, "holdout": hold}[args.split]
    print("\n\n".join(blocks(items, chosen)))


if __name__ == "__main__":
    main()
