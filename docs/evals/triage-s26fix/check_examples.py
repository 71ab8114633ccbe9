"""The review's symptoms, reworded, through the full engine (MiniLM embeddings): prints each level."""
import tempfile
from pathlib import Path

from medcore.config import Settings
from medcore.embeddings import embed
from medcore.triage.config import load_configs
from medcore.triage.kb import load_kb
from medcore.triage.service import TriageEngine

s = Settings.load(secrets={})
ecfg, tcfg = load_configs(s.kb_dir)
eng = TriageEngine(load_kb(s.kb_dir), embed_fn=embed, cache_dir=Path(tempfile.mkdtemp()), engine_cfg=ecfg, triage_cfg=tcfg)
for text, age in [("my little girl isn't feeding like normal and she's burning up", 0.2),
                  ("he is not breathing fine, he's 2 and whistly", 2),
                  ("36 weeks gone and I don't think the kicks feel normal today", 30),
                  ("my eyesight is clear but a dark shadow is coming down over one eye", 55),
                  ("my pulse is 56", 40), ("my pulse is 47", 40),
                  ("pregnant, bad headache, flashing lights and my face has puffed up", 29),
                  ("purple rash that won't go away when I press a glass on it", 3)]:
    res, _ = eng.one_shot(text, age=age)
    print(f"{res.triage:10s} {text}")
