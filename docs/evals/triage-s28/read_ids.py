"""Print what the one-shot reading reads for vignette ids, beside the gold present/absent lists (dev study tool):
python read_ids.py ID..."""
import glob
import logging
import sys

import yaml

logging.basicConfig(level=logging.WARNING)
from medcore.config import Settings  # noqa: E402
from medcore.triage.service import TriageEngine  # noqa: E402

want = set(sys.argv[1:])
vs = {v["id"]: v for f in glob.glob("assets/kb/triage/vignettes*.yaml")
      for v in (yaml.safe_load(open(f)) or {}).get("vignettes", []) if v["id"] in want}
eng = TriageEngine.from_settings(Settings.load(secrets={}), use_blend=False)
for i in sys.argv[1:]:
    v = vs[i]
    res, _ = eng.one_shot(v["text"], v.get("age"), v.get("sex"))
    _, ex = eng.read_text(v["text"])
    d = res.to_dict()
    got = {m.finding_id: m.present for m in ex.mentions}
    print(f"{i} {v['diagnosis']} gold {v['triage']} -> {d.get('triage')} top {[c['id'] for c in d['differential'][:3]]}")
    print("   text:", v["text"])
    print("   read:", ", ".join(f"{'' if m.present else '-'}{m.finding_id}[{m.method[0]}:{m.phrase}]" for m in ex.mentions))
    print("   missed present:", [f for f in v["present"] if got.get(f) is not True],
          " missed absent:", [f for f in v.get("absent", []) if got.get(f) is not False])
    print("   rules:", d.get("red_flags") or d.get("triage_reason") or "")
