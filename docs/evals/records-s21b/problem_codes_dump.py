"""Problem spans, codes and assertions of each note of the named real-note sets, one JSON line a note (session 21b,
issue 11): run on base and branch and diffed to see which codes a change moved. Refuses the blind set blind_s21."""

import json, sys
from medcore.config import Settings
from medcore.records import real_eval
from medcore.records.real_notes import load_set
run = real_eval.service_summarizer(Settings())
for name in sys.argv[1:]:
    assert name != "blind_s21"
    for note in load_set(name).notes:
        clean, a = run(note.text)
        print(json.dumps([name, note.id, [(p.start, p.end, p.icd10cm, p.assertion) for p in a.extraction.problems]]))
