"""What the symptom chat's one-shot reading reads (dev study tools), one home for triage-s27 and -s28 probe.py and
read_ids.py (wrappers):
    probe.py [--no-embeddings] TEXT... (or - for stdin lines): the findings read (+ present, - absent), level, top 3
    read_ids.py ID...: a vignette's reading beside its gold present / absent lists
Vignettes are looked up in assets/kb/triage/vignettes*.yaml; the blind files of the wrapper's session and every later
one (vignettes_blind_sNN*, NN >= session) are skipped by name and never opened."""
from __future__ import annotations

import glob
import logging
import re
import sys

import yaml

_BLIND = re.compile(r"vignettes_blind_s(\d+)")


def _engine(use_embeddings: bool = True):
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine

    return TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=use_embeddings, use_blend=False)


def probe(argv: list[str]) -> None:
    emb = "--no-embeddings" not in argv
    texts = [a for a in argv if a != "--no-embeddings"]
    if texts == ["-"]:
        texts = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    logging.basicConfig(level=logging.WARNING)
    eng = _engine(emb)
    for t in texts:
        res, _ = eng.one_shot(t)
        _, ex = eng.read_text(t)
        d = res.to_dict()
        read = ", ".join(f"{'' if m.present else '-'}{m.finding_id}({m.method[0]}:{m.phrase})"
                         for m in ex.mentions) if ex else ""
        top = [c["id"] for c in d.get("differential", [])[:3]]
        print(f"{d.get('triage')!s:9s} {t}\n          read: {read}\n          top: {top}")


def vignette_files(session: int) -> list[str]:
    """The vignette files a wrapper of `session` may open."""
    return [f for f in sorted(glob.glob("assets/kb/triage/vignettes*.yaml"))
            if not any(int(n) >= session for n in _BLIND.findall(f))]


def read_ids(ids: list[str], session: int) -> None:
    logging.basicConfig(level=logging.WARNING)
    want = set(ids)
    vs = {}
    for f in vignette_files(session):
        with open(f) as fh:
            vs.update({v["id"]: v for v in (yaml.safe_load(fh) or {}).get("vignettes", []) if v["id"] in want})
    eng = _engine()
    for i in ids:
        v = vs.get(i)
        if v is None:  # not in a file this session may open (or no such id)
            print(f"{i}: not found in the vignette files a session-{session} tool reads")
            continue
        res, _ = eng.one_shot(v["text"], v.get("age"), v.get("sex"))
        _, ex = eng.read_text(v["text"])
        d = res.to_dict()
        got = {m.finding_id: m.present for m in ex.mentions}
        top = [c["id"] for c in d["differential"][:3]]
        print(f"{i} {v['diagnosis']} gold {v['triage']} -> {d.get('triage')} top {top}")
        print("   text:", v["text"])
        print("   read:", ", ".join(f"{'' if m.present else '-'}{m.finding_id}[{m.method[0]}:{m.phrase}]"
                                    for m in ex.mentions))
        print("   missed present:", [f for f in v["present"] if got.get(f) is not True],
              " missed absent:", [f for f in v.get("absent", []) if got.get(f) is not False])
        print("   rules:", d.get("red_flags") or d.get("triage_reason") or "")
