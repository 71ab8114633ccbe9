"""PHI misses, extra redactions and over-redacted characters on the real-note dev set (medcore.deid on the note
text, as the summarizer runs it). Needs ../shared (the notes); prints dev snippets to the terminal only.
Run: PYTHONPATH=. .venv/bin/python docs/evals/real-notes-dev-s8-phi/phi_dev.py [-v]"""
import sys, time
from medcore.records.real_notes import load_set
from medcore.deid import deidentify
ls = load_set("dev")
notes = ls.notes if hasattr(ls, "notes") else ls[0]
miss = extra = gold_n = found = pred_n = pred_ok = 0
red_chars = gold_chars = over_chars = 0
t = time.time()
for n in notes:
    text = n.text
    spans = deidentify(text).spans
    cov = bytearray(len(text) + 1)
    for s in spans: cov[s.start:s.end] = b"\1" * (s.end - s.start)
    gcov = bytearray(len(text) + 1)
    for p in n.phi: gcov[p.start:p.end] = b"\1" * (p.end - p.start)
    for p in n.phi:
        gold_n += 1
        if any(text[i].isalnum() and not cov[i] for i in range(p.start, p.end)):
            print("MISS", n.id if hasattr(n,'id') else '', p.kind, repr(text[p.start:p.end]), "|", repr(text[max(0,p.start-60):p.end+40]))
        else: found += 1
    for s in spans:
        pred_n += 1
        if any(gcov[i] for i in range(s.start, s.end)): pred_ok += 1
        elif "-v" in sys.argv: print("EXTRA", s.type, repr(s.text), "|", repr(text[max(0,s.start-50):s.end+30]))
    over_chars += sum(1 for i in range(len(text)) if cov[i] and not gcov[i] and text[i].isalnum())
    red_chars += sum(1 for i in range(len(text)) if cov[i] and text[i].isalnum())
print(f"recall {found}/{gold_n}={found/gold_n:.4f} precision {pred_ok}/{pred_n}={pred_ok/max(pred_n,1):.4f} over-redacted alnum chars {over_chars} of redacted {red_chars}; {time.time()-t:.1f}s")
