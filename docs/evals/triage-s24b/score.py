"""Score the session-24b breadth wordings (wordings.yaml) through the chat's one-shot reading.

Each wording is put in two short frames and read by `TriageEngine.read_text` (the entry the one-shot eval and the
chat use). A wording that says a finding is present is put in "{X} since yesterday" and "58M, {X} x2/7" (a woman
"32F", an infant "6 week old boy"); one that says it is absent follows a host complaint ("cough since yesterday,
{X}", "58M, cough x2/7, {X}"). Each reading is one of:
  right      the expected finding read with the expected polarity (a more specific finding that implies it counts
             for a present one, findings.yaml `implies`)
  polarity   the expected finding read with the wrong polarity (a negation missed or invented)
  other      the expected finding not read, but another finding read that is not the expected one, not related to it
             by `implies`, not a course/duration finding and not the host (a misreading)
  nothing    nothing read from the wording at all
and `extra` counts the right readings that also read an unrelated finding (possible contradictions).
Reported: aggregate, by finding category (family), and for red-flag findings (a condition's red_flags).

    PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/triage-s24b/score.py [--out F.json]
        [--misses] [--no-embeddings]
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FRAMES = {
    "present": {None: ["{x} since yesterday", "58M, {x} x2/7"],
                "F": ["{x} since yesterday", "32F, {x} x2/7"],
                "baby": ["my 6 week old son, {x} since yesterday", "6 week old boy, {x} x2/7"]},
    "absent": {None: ["{h} since yesterday, {x}", "58M, {h} x2/7, {x}"],
               "F": ["{h} since yesterday, {x}", "32F, {h} x2/7, {x}"],
               "baby": ["my 6 week old son, {h} since yesterday, {x}", "6 week old boy, {h} x2/7, {x}"]},
}
HOSTS = ("cough", "sore throat")  # the second where the first is the finding itself
NEUTRAL_CATEGORIES = {"course"}


_BASE: dict[str, set[str]] = {}


def baseline(engine, frame: str, h: str) -> set[str]:
    """The findings a frame reads by itself, with an empty wording (the host complaint, an infant's age)."""
    text = frame.format(x="", h=h)
    if text not in _BASE:
        _, ex = engine.read_text(text)
        _BASE[text] = {m.finding_id for m in (ex.mentions if ex else []) if m.present}
    return _BASE[text]


def related(kb, fid: str) -> set[str]:
    """fid and every finding it implies or that implies it (transitively)."""
    out, todo = {fid}, [fid]
    while todo:
        f = todo.pop()
        for g in (*kb.implies.get(f, ()), *(k for k, vs in kb.implies.items() if f in vs)):
            if g not in out:
                out.add(g)
                todo.append(g)
    return out


def classify(kb, mentions, fid: str, want: bool, host: set[str]) -> tuple[str, bool, list[str]]:
    rel = related(kb, fid)
    got = {}
    for m in mentions:
        if m.finding_id not in got or m.present:
            got[m.finding_id] = m.present
    # a finding read as absent contradicts nothing ('temp of 38.6': no low temperature); what the frame reads
    # without the wording (the host complaint, an infant's age) is not the wording's
    unrelated = [f for f, v in got.items() if v and f not in rel and f not in host
                 and kb.finding(f).category not in NEUTRAL_CATEGORIES]
    if want:
        right = any(v is True and (g == fid or fid in _implied(kb, g)) for g, v in got.items())
    else:
        right = got.get(fid) is False
    if right:
        return "right", bool(unrelated), unrelated
    if fid in got:
        return "polarity", bool(unrelated), unrelated
    return ("other" if unrelated else "nothing"), False, unrelated


def _implied(kb, g: str) -> set[str]:
    out, todo = set(), [g]
    while todo:
        for h in kb.implies.get(todo.pop(), ()):
            if h not in out:
                out.add(h)
                todo.append(h)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=str(HERE / "wordings.yaml"))
    ap.add_argument("--out")
    ap.add_argument("--misses", action="store_true", help="print every wording not read right in some frame")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from medcore.config import Settings
    from medcore.triage.service import TriageEngine

    engine = TriageEngine.from_settings(Settings.load(secrets={}), use_embeddings=not args.no_embeddings,
                                        use_blend=False)
    kb = engine.kb
    red = {f for c in kb.conditions for f in c.red_flags}
    doc = yaml.safe_load(Path(args.file).read_text())["wordings"]
    rows = []
    for fid, entry in doc.items():
        kb.finding(fid)  # an unknown id is an error of the list
        who = entry.get("who")
        for polarity in ("present", "absent"):
            for x in entry.get(polarity, []):
                h = HOSTS[1] if fid == "cough" else HOSTS[0]
                outcomes = []
                for frame in FRAMES[polarity][who]:
                    text = frame.format(x=x, h=h)
                    _, ex = engine.read_text(text)
                    res, extra, unrel = classify(kb, ex.mentions if ex else [], fid, polarity == "present",
                                                 baseline(engine, frame, h))
                    outcomes.append({"text": text, "result": res, "extra": extra, "unrelated": unrel})
                rows.append({"finding": fid, "polarity": polarity, "wording": x, "category": kb.finding(fid).category,
                             "red_flag": fid in red, "frames": outcomes})
    summary = summarise(rows)
    print(render(summary))
    if args.misses:
        for r in rows:
            for o in r["frames"]:
                if o["result"] != "right":
                    print(f"MISS {r['finding']:28s} {o['result']:8s} {o['text']!r} -> {o['unrelated']}")
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    return 0


def summarise(rows) -> dict:
    def agg(sel):
        c = Counter(o["result"] for r in sel for o in r["frames"])
        n = sum(c.values())
        extra = sum(o["extra"] for r in sel for o in r["frames"] if o["result"] == "right")
        return {"n": n, **{k: c.get(k, 0) for k in ("right", "polarity", "other", "nothing")}, "extra": extra,
                "right_rate": round(c.get("right", 0) / n, 4) if n else None}
    by_cat = defaultdict(list)
    for r in rows:
        by_cat[r["category"]].append(r)
    return {"wordings": len(rows), "all": agg(rows), "present": agg([r for r in rows if r["polarity"] == "present"]),
            "absent": agg([r for r in rows if r["polarity"] == "absent"]),
            "red_flags": agg([r for r in rows if r["red_flag"]]),
            "by_category": {k: agg(v) for k, v in sorted(by_cat.items())}}


def render(s: dict) -> str:
    lines = [f"wordings {s['wordings']}, readings (2 frames each)"]
    for k in ("all", "present", "absent", "red_flags"):
        a = s[k]
        lines.append(f"{k:12s} n={a['n']:5d} right={a['right_rate']:.3f} polarity={a['polarity']} "
                     f"other={a['other']} nothing={a['nothing']} right+extra={a['extra']}")
    for k, a in s["by_category"].items():
        lines.append(f"  {k:18s} n={a['n']:4d} right={a['right_rate']:.3f} polarity={a['polarity']} "
                     f"other={a['other']} nothing={a['nothing']} right+extra={a['extra']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
