"""Embedding hits of the symptom chat's fallback on labelled chunks (embedding_dev.yaml, probes, the 24b/25b lists) and
the hits a rule keeps. Run from the repo root: PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/triage-s26b/fallback_rows.py"""
import sys, logging, yaml, json, importlib.util, re
from pathlib import Path
logging.basicConfig(level=logging.WARNING)
from medcore.config import Settings
from medcore.triage.service import TriageEngine
from medcore.triage import nlu
from medcore.triage.tokens import tokens
eng = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=True, use_blend=False)
kb, lex, idx = eng.kb, eng.lexicon, eng.embeddings
spec = importlib.util.spec_from_file_location("s24", "docs/evals/triage-s24b/score.py"); s24 = importlib.util.module_from_spec(spec); spec.loader.exec_module(s24)
items = []  # (set, chunk, gold list or [])
for e in yaml.safe_load(open("assets/kb/triage/embedding_dev.yaml"))["examples"]:
    g = e.get("finding"); g = g if isinstance(g, list) else [g] if g else []
    items.append(("emb_dev", e["phrase"], g))
def from_text(setname, text, gold):
    p = nlu.prepare(text, lex, True)
    for c in p.chunks: items.append((setname, c, gold))
pr = yaml.safe_load(open("docs/evals/triage-s26b/probes.yaml"))
for fid, ws in pr["map"].items():
    for w in ws: from_text("probe_map", f"{w} since yesterday", [fid])
for w in pr["none"]: from_text("probe_none", f"cough since yesterday, {w}", [])
for name, f in [("h25b", "docs/evals/triage-s25b/holdout.yaml"), ("h24b", "docs/evals/triage-s24b/holdout.yaml"), ("w25b", "docs/evals/triage-s25b/wordings.yaml")]:
    if not Path(f).exists(): continue
    for fid, entry in yaml.safe_load(open(f))["wordings"].items():
        for w in entry.get("present", []): from_text(name, f"{w} since yesterday", [fid])
scores = idx.scored([c for _, c, _ in items])
vocab = {}
for fid, p in lex.rows: vocab.setdefault(fid, set()).update(tokens(p))
STOP = set("i my a the have am i'm been is it me to of in on at and or with for feel feeling like get got keep so up out all very really just this that be can can't cant not no it's im when after from".split())
rows = []
for (s, c, g), (row, sc, ru) in zip(items, scores):
    fid = idx.ids[row]
    rel = set().union(*(s24.related(kb, x) for x in g)) if g else set()
    content = {t for t in tokens(c) if t not in STOP and not t.isdigit()}
    overlap = bool(content & vocab.get(fid, set()))
    rows.append(dict(set=s, chunk=c, gold=g, fid=fid, phrase=idx.phrases[row], score=sc, runner=ru, right=fid in rel, overlap=overlap,
                     red=any(fid in cc.red_flags for cc in kb.conditions)))
json.dump(rows, open("docs/evals/triage-s26b/rows.json", "w"))
def rule(r, t=0.74, m=0.04, ov=False, mred=None):
    if r["score"] < t: return False
    mm = mred if (mred is not None and r["red"]) else m
    if r["score"] - r["runner"] < mm: return False
    if ov and not r["overlap"]: return False
    return True
for label, kw in [("base", {}), ("m.06", dict(m=0.06)), ("m.08", dict(m=0.08)), ("t.78", dict(t=0.78)), ("ov", dict(ov=True)), ("ov+m.06", dict(ov=True, m=0.06)), ("mred.08", dict(mred=0.08)), ("ov+mred.08", dict(ov=True, mred=0.08))]:
    out = {}
    for s in sorted({r["set"] for r in rows}):
        hits = [r for r in rows if r["set"] == s and rule(r, **kw)]
        out[s] = f"{sum(r['right'] for r in hits)}/{sum(not r['right'] for r in hits)}"
    print(f"{label:12s}", "  ".join(f"{k}={v}" for k, v in out.items()))
NORMAL = re.compile(r"\b(?:fine|well|normal|normally|ok|okay|alright|all right|clear|regular|regularly|easy|easily|plenty|usual|as normal|good|great|perfect|perfectly|unaffected|unchanged|all the way|without (?:any )?(?:bother|problems?|trouble|difficulty)|no bother)\b")
STILL = re.compile(r"\bstill\b")
for label, pat in [("normal", NORMAL), ("normal+still", re.compile(NORMAL.pattern + "|" + STILL.pattern))]:
    out = {}
    for s in sorted({r["set"] for r in rows}):
        hits = [r for r in rows if r["set"] == s and rule(r) and not pat.search(r["chunk"].lower())]
        out[s] = f"{sum(r['right'] for r in hits)}/{sum(not r['right'] for r in hits)}"
    print(f"{label:12s}", "  ".join(f"{k}={v}" for k, v in out.items()))
    for r in rows:
        if rule(r) and pat.search(r["chunk"].lower()) and r["right"]: print("   lost right:", r["set"], r["chunk"], r["fid"])
