"""Dump the NLU reading (every mention with its origin and score) of every vignette text: before/after check."""
import dataclasses, json, sys
from medcore.config import Settings
from medcore.triage.evaluate import load_vignettes
from medcore.triage.service import TriageEngine
s = Settings.load()
eng = TriageEngine.from_settings(s, use_blend=False)
assert eng.embeddings is not None
out = []
for v in load_vignettes(s.kb_dir, eng.kb):
    text = v.get("text") or v.get("complaint") or v.get("story")
    g, ex = eng.read_text(text)
    out.append({"id": v["id"], "reading": dataclasses.asdict(ex) if ex else None})
json.dump(out, open(sys.argv[1], "w"), indent=0, sort_keys=True)
print(len(out), "vignettes;", json.dumps(out).count('"embedding"'), "embedding mentions")
