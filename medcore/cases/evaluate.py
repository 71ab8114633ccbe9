"""A computed evaluation of the case generator and the simulated patient.

Solvability: the triage engine plays the student (its own interview, answered by the simulated
patient from the case truth) on N generated cases; top-1/top-3 diagnosis and triage accuracy say
whether the generated cases carry enough signal to be solved. Understanding: the share of labelled
student questions (assets/kb/cases/questions_eval.yaml) the patient maps to the right finding or
intent, reported separately for the held-out quarter that was never used to tune the matcher.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Callable


from medcore import kbyaml
from medcore.cases import schema
from medcore.cases.interview import engine_interview
from medcore.cases.kb import case_dir, validate_doc
from medcore.cases.patient import INTENT_FINDINGS
from medcore.triage.kb import LEVEL_RANK, LEVELS, KBError


def load_questions(kb_dir: str | Path, kb=None) -> list[dict]:
    path = case_dir(kb_dir) / "questions_eval.yaml"
    doc = kbyaml.load(path)
    validate_doc(doc, schema.QUESTIONS, "questions_eval.yaml")
    qs = doc["questions"]
    if kb is not None:
        for q in qs:
            e = q["expect"]
            if e.startswith("intent:"):
                if e[7:] not in ("complaint", "duration", "onset", "age", "severity", "greeting"):
                    raise KBError(f"questions_eval.yaml: unknown intent {e!r}")
            elif e != "none" and e not in kb.finding_index:
                raise KBError(f"questions_eval.yaml: unknown finding {e!r}")
    return qs


def understood(matcher, q: dict) -> tuple[bool, list[str]]:
    intents, fids = matcher.read(q["text"])
    got = [f"intent:{i}" for i in intents] + fids
    if q["expect"] == "none":
        return not got, got
    covered = set(got) | {f for i in intents for f in INTENT_FINDINGS.get(i, ())}
    return q["expect"] in covered, got


def understanding(trainer, questions: list[dict]) -> dict:
    rows = []
    for q in questions:
        ok, got = understood(trainer.matcher, q)
        rows.append({"text": q["text"], "expect": q["expect"], "got": got, "ok": ok,
                     "held_out": bool(q.get("held_out", False))})
    out = {"rows": rows}
    for split, sel in (("tuning", [r for r in rows if not r["held_out"]]),
                       ("held_out", [r for r in rows if r["held_out"]]), ("all", rows)):
        out[split] = {"n": len(sel), "rate": round(sum(r["ok"] for r in sel) / len(sel), 3) if sel else None}
    return out


def solvability(trainer, n: int, *, seed0: int = 0, difficulty: str = "standard",
                progress: Callable[[int, int], None] | None = None) -> dict:
    rows = []
    for i in range(n):
        case = trainer.new_case(seed0 + i, difficulty=difficulty)
        run = engine_interview(trainer.engine, case)
        rows.append({"seed": case.seed, "condition": case.condition_id, "system": case.system,
                     "triage_ref": case.triage, "triage_pred": run.triage, "rank": run.rank,
                     "questions": len(run.questions), "p_true_final": round(run.curve[-1], 4),
                     "age": case.age, "sex": case.sex})
        if progress:
            progress(i + 1, n)
    ref = [LEVEL_RANK[r["triage_ref"]] for r in rows]
    pred = [LEVEL_RANK[r["triage_pred"]] for r in rows]
    emerg = [i for i, r in enumerate(ref) if r == 0]
    m = {"n": n, "top1": _share(r["rank"] == 1 for r in rows), "top3": _share(r["rank"] <= 3 for r in rows),
         "triage_accuracy": _share(a == b for a, b in zip(ref, pred)),
         "under_triage": _share(b > a for a, b in zip(ref, pred)),
         "emergency_under_triage": _share(pred[i] > 0 for i in emerg) if emerg else None,
         "mean_questions": round(sum(r["questions"] for r in rows) / max(n, 1), 2)}
    by_level = {}
    for lvl in LEVELS:
        sel = [r for r in rows if r["triage_ref"] == lvl]
        if sel:
            by_level[lvl] = {"n": len(sel), "top3": _share(r["rank"] <= 3 for r in sel),
                             "triage_accuracy": _share(r["triage_pred"] == lvl for r in sel)}
    dist = {"level": dict(Counter(r["triage_ref"] for r in rows)), "system": dict(Counter(r["system"] for r in rows)),
            "sex": dict(Counter(r["sex"] for r in rows)), "distinct_conditions": len({r["condition"] for r in rows})}
    return {"metrics": m, "by_level": by_level, "distribution": dist, "cases": rows}


def _share(flags) -> float:
    flags = list(flags)
    return round(sum(bool(f) for f in flags) / len(flags), 3) if flags else 0.0


def evaluate(trainer, kb_dir: str | Path, n: int = 60, *, seed0: int = 0, difficulty: str = "standard",
             progress: Callable[[int, int], None] | None = None) -> dict:
    t0 = time.perf_counter()
    result = {"solvability": solvability(trainer, n, seed0=seed0, difficulty=difficulty, progress=progress),
              "understanding": understanding(trainer, load_questions(kb_dir, trainer.kb)),
              "settings": {"n": n, "seed0": seed0, "difficulty": difficulty, "kb_digest": trainer.ckb.digest[:12]}}
    result["seconds"] = round(time.perf_counter() - t0, 2)
    return result
