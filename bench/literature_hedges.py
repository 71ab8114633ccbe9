"""Do hedged conclusions mark PubMedQA's "maybe" answers? (session 13, docs/evals/literature-s13). For each
candidate cue of an undecided conclusion ("inconclusive", "remains unclear", "further studies are needed", ...),
how many items of each expert answer carry it in the authors' own conclusion sentences (LONG_ANSWER), on the
train split (408) and on dev (92); and what "cue -> maybe" would do to dev: answers it could turn into maybe,
and how many of those are gold maybe. Prints aggregate counts only (no text). The cue patterns are a study
instrument: none is used by medcore (none met the keep rule: more maybe items gained than yes/no items lost).
Run: python bench/literature_hedges.py   (seconds; no model is loaded)"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CANDIDATES = {
    "inconclusive": r"\binconclusive|\bnot\s+conclusive|\bno\s+(?:firm|definite|definitive)\s+conclusion",
    "unclear": r"\b(?:remains?|is|are|was|were|still)\s+(?:unclear|uncertain|unknown|controversial|debatable|"
               r"questionable|not\s+clear)|\bunclear\b",
    "no_clear": r"\bno\s+clear\b|\bnot\s+(?:clearly|entirely|fully)\b|\bnot\s+clear\b",
    "further_needed": r"\b(?:further|more|larger|additional|future|prospective|randomi[sz]ed)\s+(?:\w+\s+){0,3}"
                      r"(?:stud(?:y|ies)|research|trials?|investigations?|data|work)\s+(?:(?:is|are|will\s+be)\s+)?"
                      r"(?:needed|required|warranted|necessary)",
    "may_might": r"\b(?:may|might|could)\b",
    "conflicting": r"\bconflicting\b|\bmixed\b|\bequivocal\b",
    "cannot_conclude": r"\b(?:cannot|could\s+not|can\s*not)\s+be\s+(?:determined|confirmed|excluded|ruled\s+out|"
                       r"concluded|established)|\bnot\s+possible\s+to\b|\bdifficult\s+to\s+(?:conclude|say)\b",
}
ANSWERS = ("yes", "no", "maybe")


def main() -> int:
    from medcore.config import Settings
    from medcore.literature import role_data
    from medcore.literature.headings import heading_map

    settings = Settings.load()
    train, dev = role_data.split(role_data.load_pubmedqa(settings, heading_map(settings)))
    any_cue = "|".join(f"(?:{p})" for k, p in CANDIDATES.items() if k != "may_might")
    pats = {**CANDIDATES, "any_but_may": any_cue}
    out: dict = {}
    for name, abstracts in (("train_408", train), ("dev_92", dev)):
        pairs = role_data.answered_conclusions(abstracts)
        items = [a for a, _ in pairs]
        conc = {a.id: " ".join(sents) for a, sents in pairs}
        out[name] = {"items_per_answer": dict(Counter(a.answer for a in items)),
                     "items_with_cue_per_answer": {k: dict(Counter(a.answer for a in items
                                                                   if re.search(p, conc[a.id], re.I)))
                                                   for k, p in pats.items()}}
    fired = out["dev_92"]["items_with_cue_per_answer"]["any_but_may"]
    out["dev_rule_any_cue_to_maybe"] = {"fires_on": sum(fired.values()), "gold_maybe_among_them": fired.get("maybe", 0),
                                        "most_accuracy_change_on_92": f"+{fired.get('maybe', 0)} at best, "
                                                                      f"-{sum(fired.values()) - fired.get('maybe', 0)} at worst"}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
