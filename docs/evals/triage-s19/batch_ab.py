"""Triage batch speed, session 19: the old two-pass batch (a recorder read to list the embedding chunks, then the real
read) against the one-pass batch (nlu.prepare / nlu.finish), alternating in one process, 6 rounds over the
40 vignettes of tests/triage/test_speed_budgets.py. Prints vignettes per CPU second for each, the medians, and whether
the outputs are identical. Run: MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/triage-s19/batch_ab.py"""
import io, json, sys, time, os, tempfile, pathlib, copy
sys.path.insert(0, os.getcwd())
import numpy as np
from medcore.config import Settings
from medcore.triage.kb import load_kb
from medcore.triage.evaluate import load_vignettes
from medcore.triage.service import TriageEngine
from medcore.triage import contract
from medcore.embeddings import embed
from medcore.triage.config import load_configs
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
vs = load_vignettes(s.kb_dir, kb, files="vignettes_blind_s15.yaml")
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, embed_fn=embed, cache_dir=pathlib.Path(tempfile.mkdtemp()), engine_cfg=ecfg, triage_cfg=tcfg)
lines = [json.dumps({"id": v["id"], "text": v["text"], "age": v.get("age"), "sex": v.get("sex")}) for v in vs]
new = contract._prefetched
class Rec:
    def __init__(self): self.chunks=[]
    def match(self, c): self.chunks.extend(c); return []
def old(engine, texts):
    index = engine.embeddings; real = index.embed_fn
    fast = copy.copy(engine); fast.prepared = {}
    fast.embeddings = rec = Rec()
    for t in texts: fast.read_text(t)
    uniq = list(dict.fromkeys(rec.chunks))
    vectors = dict(zip(uniq, np.asarray(real(uniq), dtype=np.float32))) if uniq else {}
    def cached(chunks):
        missing = [c for c in chunks if c not in vectors]
        if missing: vectors.update(zip(missing, np.asarray(real(missing), dtype=np.float32)))
        return np.stack([vectors[c] for c in chunks])
    fast.embeddings = copy.copy(index); fast.embeddings.embed_fn = cached
    return fast
contract.run_batch(eng, lines[:2], io.StringIO())
res = {"old": [], "new": []}; texts = {}
for rnd in range(6):
    for name, fn in (("old", old), ("new", new)):
        contract._prefetched = fn
        o = io.StringIO(); t = time.process_time(); c = contract.run_batch(eng, lines, o)
        res[name].append(round(c["cases"] / (time.process_time() - t), 1)); texts[name] = o.getvalue()
import statistics
print(res, statistics.median(res["old"]), statistics.median(res["new"]), texts["old"] == texts["new"])
