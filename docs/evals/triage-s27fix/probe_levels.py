import sys, json, logging
logging.disable(logging.WARNING)
from medcore.config import Settings
from medcore.embeddings import embed
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine
s = Settings.load(secrets={})
kb = load_kb(s.kb_dir)
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(kb, embed_fn=embed, cache_dir=__import__("pathlib").Path(sys.argv[2]), engine_cfg=ecfg, triage_cfg=tcfg)
out = {}
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    age = sex = None
    text = line
    if line.startswith("@"):
        meta, text = line[1:].split(" ", 1)
        a, sx = meta.split(",")
        age = int(a) if a else None; sex = sx or None
    res, _ = eng.one_shot(text, age, sex)
    d = res.to_dict()
    conds = [c.get("condition_id") or c.get("id") or c.get("name") for c in d["differential"][:3]]
    f = sorted(("+" if x["present"] else "-") + x["id"] for x in d["findings"])
    out[line] = (d["triage"], conds, f)
json.dump(out, open(sys.argv[3], "w"), indent=0)
