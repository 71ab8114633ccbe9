"""Time of de-identification, section finding and sentence splitting on adversarial text, as a ratio to the
same work on an ordinary note of the same length (repeated sample text), measured in the same process.

Linear code keeps every ratio small and the same at every size; a quadratic regular expression shows as a
ratio that grows with the size (before the fix, 20k characters of "Ab'" took 56 s in de-identification, and
a 600 KB upload of "1-" over 15 minutes).
Run: python bench/bench_hostile_text.py [SIZE ...]"""

from __future__ import annotations

import sys
import time

SHAPES = {"1-": "1-", ".1": ".1", "digits": "1", "spaces": " ", "newlines": "\n", "Ab'": "Ab'", "Mc-": "Mc-",
          "A. ": "A. ", "Aa ": "Aa ", "x@": "x@", "Dr Ab ": "Dr Ab "}
ORDINARY = ("HPI: 67-year-old man with cough and fever for 3 days. Seen by Dr. Alvarez on 04/02/2025.\n"
            "Medications: amoxicillin 500 mg three times daily.\nAssessment: community-acquired pneumonia.\n")


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run(sizes=(20_000, 80_000)) -> dict:
    from medcore.config import Settings
    from medcore.records import kb as kb_mod
    from medcore.deid import deidentify
    from medcore.records.sections import find_sections
    from medcore.records.text import split_sentences

    rules = kb_mod.load(Settings.load()).sections
    out: dict = {}
    for size in sizes:
        def work(text):
            return _time(lambda: (deidentify(text), find_sections(text, rules), split_sentences(text)))

        base = work((ORDINARY * (size // len(ORDINARY) + 1))[:size])
        row = {"ordinary_s": round(base, 3)}
        for name, unit in SHAPES.items():
            row[name] = round(work((unit * (size // len(unit) + 1))[:size]) / base, 2)
        out[size] = row
    return out


if __name__ == "__main__":
    import json

    sizes = tuple(int(a) for a in sys.argv[1:]) or (20_000, 80_000)
    print(json.dumps(run(sizes), indent=1))
