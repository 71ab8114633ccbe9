"""Drive own messages through the chat service (chat.user_message, then finish_now) and print the level, the
heading, what was read, the ranking and the first question, one JSON object keyed by message:
python docs/evals/_tools/triage_probe_chat.py MESSAGES.txt OUT.json  (session folders keep wrappers)
Lines: '@age,sex text' or 'text'; '#' comments. Run from a worktree root (base or main) with MEDCORE_LLM_BACKEND=template."""
from __future__ import annotations

import json
import logging
import sys

logging.disable(logging.WARNING)
from medcore.config import Settings  # noqa: E402
from medcore.triage import chat, result_view  # noqa: E402
from medcore.triage.service import TriageEngine  # noqa: E402


def main(argv: list[str]) -> None:
    eng = TriageEngine.from_settings(Settings.load(secrets={}), use_blend=False)
    out = {}
    for line in open(argv[0]):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        age = sex = None
        text = line
        if line.startswith("@"):
            meta, text = line[1:].split(" ", 1)
            a, sx = meta.split(",")
            age, sex = (int(a) if a else None), (sx or None)
        s = chat.new_state()
        if age is not None or sex:
            s = chat.set_demographics(eng, s, age, sex)
        s = chat.user_message(eng, s, text)
        q = s["pending"]["id"] if s.get("pending") else None
        crisis = any(t["kind"] == "crisis" for t in s["turns"])
        if not s.get("finished"):
            s = chat.finish_now(eng, s)
        r = s.get("result")
        if not r:
            out[line] = {"level": None, "crisis": crisis, "notes": [t["text"][:80] for t in s["turns"] if t["kind"] == "note"]}
            continue
        v = result_view.view_for(eng, r)
        read = sorted(("+" if f["present"] else "-") + f["id"] for f in r["findings"] if f.get("origin") == "text")
        top = [(d["id"], d["triage"], round(d["probability"], 2)) for d in r["differential"][:3]]
        likely = [(x["id"], x["level"]) for x in v.likely]
        out[line] = {"level": r["triage"], "crisis": crisis, "heading": v.heading[:60], "reason": r["triage_reason"][:140],
                     "read": read, "top": top, "likely": likely, "rule_out": [x["id"] for x in v.rule_out],
                     "first_q": q, "first_is_top": bool(likely) and likely[0][0] == top[0][0]}
    json.dump(out, open(argv[1], "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
