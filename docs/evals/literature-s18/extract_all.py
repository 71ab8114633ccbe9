"""Extraction eval over every split in one process: prints {split: {field: [correct, predicted, gold]}}."""
import json, sys
from medcore.config import Settings
from medcore.literature.evaluate import evaluate
s = Settings(llm_backend="template")
out = {}
for split in ["dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14"]:
    r = evaluate(s, split)
    out[split] = {f: [v["correct"], v["predicted"], v["gold"]] for f, v in r["fields"].items()}
json.dump(out, sys.stdout, indent=1)
