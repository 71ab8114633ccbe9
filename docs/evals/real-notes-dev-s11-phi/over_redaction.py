"""Over-redaction on annotated real-note sets (session 11, phi11): letters and digits that find_phi replaces outside
every gold PHI span, summed over a set (aggregate only; prints no text). Needs ../shared/data/mtsamples/.

    PYTHONPATH=. .venv/bin/python docs/evals/real-notes-dev-s11-phi/over_redaction.py dev blind_s8 blind_s9 dev_phi_s9 blind
"""
import sys
from medcore.deid import find_phi
from medcore.records.real_notes import load_set
for name in sys.argv[1:]:
    notes = load_set(name).notes
    out_letters = out_digits = outside = 0
    for n in notes:
        t = n.text
        gold = bytearray(len(t))
        for p in n.phi:
            for i in range(p.start, p.end): gold[i] = 1
        pred = bytearray(len(t))
        for s, e, k in find_phi(t):
            for i in range(s, e): pred[i] = 1
        for i, ch in enumerate(t):
            if ch.isalnum() and not gold[i]:
                outside += 1
                if pred[i]:
                    if ch.isdigit(): out_digits += 1
                    else: out_letters += 1
    print(f"{name}: notes {len(notes)}, letters replaced outside gold {out_letters}, digits {out_digits}, of {outside} alnum outside gold ({(out_letters+out_digits)/outside:.5f})")
