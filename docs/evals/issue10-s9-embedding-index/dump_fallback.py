"""The matcher's embedding fallback on the labelled dev set: nearest concept and cosine of every phrase, the
calibration, and the fallback mentions of each phrase in a sentence. Before/after check."""
import json, sys
from pathlib import Path
from medcore.config import Settings
from medcore.knowledge import kbfiles, load_terminology
from medcore.knowledge.fallback import best_matches, calibrate, fallback_mentions
cache = Path(sys.argv[2])
s = Settings.load().replace(knowledge_cache_dir=str(cache))
t = load_terminology(s)
ex = kbfiles.load(s.kb_dir, "match_dev.yaml")["examples"]
preds = best_matches(t, [e["phrase"] for e in ex])
ms = [[(m.start, m.end, m.concept_id, m.synonym, m.score, m.how) for m in t.match(f"Seen today with {e['phrase']}.", fallback=True)] for e in ex]
ms2 = [[(m.start, m.end, m.concept_id, m.score) for m in t.match(f"Complains of {e['phrase']}.", types={"finding"}, fallback=True)] for e in ex]
json.dump({"preds": preds, "calib": calibrate(t, ex, 0.9, preds), "mentions": ms, "findings": ms2}, open(sys.argv[1], "w"), indent=0)
print(len(preds), sum(map(len, ms)), "fallback/lexicon mentions", calibrate(t, ex, 0.9, preds))
