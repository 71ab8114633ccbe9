"""Exact ICD-10-CM agreement on the coded problem pairs of a real-note set (session 21, issue 11).

The headline scorer (medcore/records/real_eval.py) counts a problem as coded right when gold and output share the
3-character category, so a side (M25.57- right vs unspecified) or a disc level (M50.222 vs M50.20) never moves it.
This prints, for the pairs the headline counts, how many carry exactly the gold code, and each pair whose full code
differs (note id, gold code, output code; no note text).

    MEDCORE_LLM_BACKEND=template python docs/evals/records-s21/exact_codes.py dev blind_s18
"""

from __future__ import annotations

import json
import sys

from medcore.config import Settings
from medcore.records import real_eval
from medcore.records.real_notes import load_set


def main(sets: list[str]) -> None:
    run = real_eval.service_summarizer(Settings())
    for name in sets:
        same, pairs, differ = 0, 0, []
        for note in load_set(name).notes:
            clean, analysis = run(note.text)
            mapping = real_eval._offset_map(note.text, clean)
            real_eval._remap(analysis, mapping)
            probs = list(analysis.extraction.problems)
            for gi, pi in real_eval._pairs(note.problems, probs, real_eval.codes_agree):
                gold, out = note.problems[gi].icd10cm, probs[pi].icd10cm
                if not gold:
                    continue
                pairs += 1
                if gold == out:
                    same += 1
                else:
                    differ.append([note.id, gold, out])
        print(json.dumps({"set": name, "coded_pairs_with_gold_code": pairs, "exact_code": same,
                          "exact_share": round(same / pairs, 4) if pairs else None, "differ": differ}))


if __name__ == "__main__":
    main(sys.argv[1:] or ["dev"])
