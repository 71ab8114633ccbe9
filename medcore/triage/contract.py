"""The CLI's JSON contract (issue 12): `triage TEXT --json` and `triage --batch IN.jsonl --json`.

One result per description: `findings`, `differential` (each entry `id`, `name`, `icd10`, `probability`,
`triage`, `evidence_for`, `evidence_against`) and `triage` (emergency / urgent / routine / self_care),
or `triage: null` with a `message` when no symptom was recognised or the input was refused.
Evaluations run through here, so it is the same engine, checks and wording as the chat."""

from __future__ import annotations

import json
import logging
from typing import IO, Iterable

from medcore.triage.input_checks import EMERGENCY_LINE, InputError, check_age, check_sex
from medcore.triage.interview_checks import contradictions
from medcore.triage.safety_rules import rules_for

log = logging.getLogger(__name__)
NOTHING_RECOGNISED = "No symptom was recognised, so no triage level is given."


def to_contract(res, notes: list[str] = (), semigran: dict | None = None) -> dict:
    """A TriageResult as the contract's dict; `semigran` maps our level to Semigran 2015's category
    (docs/triage_levels.md), so published vignette sets can be scored on their own scale."""
    said = [f for f in res.findings if f["origin"] != "implied" or f["present"]]
    recognised = res.symptom_told  # a duration alone is no symptom (service.NOT_A_SYMPTOM)
    out = {
        "findings": [{"id": f["id"], "name": f["name"], "present": f["present"]} for f in said],
        "differential": [{"id": d.id, "name": d.condition, "icd10": d.icd10, "probability": round(d.probability, 4),
                          "triage": d.triage, "evidence_for": d.evidence_for, "evidence_against": d.evidence_against}
                         for d in res.differential] if recognised else [],
        "triage": res.triage if recognised else None,
        "triage_semigran": (semigran or {}).get(res.triage) if recognised else None,
        "red_flags": [{"finding": r["finding"], "name": r["name"], "level": r["level"],
                       "condition": r.get("condition"), "source": r["source"]} for r in res.red_flags],
        "next_question": res.next_question if recognised else None,
        "age": res.age,
        "sex": res.sex,
        "notes": list(notes),
    }
    if not recognised:
        said = list(notes) or ["Please describe the main symptom in a short sentence."]
        msg = " ".join([NOTHING_RECOGNISED, *said])
        out["message"] = msg if EMERGENCY_LINE in msg else f"{msg} {EMERGENCY_LINE}"
    return out


SEMIGRAN_RANK = {"emergent": 0, "non_emergent": 1, "self_care": 2}


def semigran_scores(pairs: list[tuple[str, str | None]], mapping: dict) -> dict:
    """(reference level, predicted level or None) pairs, scored on Semigran 2015's three categories
    (docs/triage_levels.md). A missing prediction counts as under-triage."""
    if not pairs:
        return {"n": 0}
    ref = [SEMIGRAN_RANK[mapping[r]] for r, _ in pairs]
    pred = [SEMIGRAN_RANK[mapping[p]] if p else 3 for _, p in pairs]
    emergent = [(r, p) for r, p in zip(ref, pred) if r == 0]
    return {"n": len(pairs),
            "accuracy": sum(r == p for r, p in zip(ref, pred)) / len(pairs),
            "under_triage": sum(p > r for r, p in zip(ref, pred)) / len(pairs),
            "over_triage": sum(p < r for r, p in zip(ref, pred)) / len(pairs),
            "emergent": len(emergent),
            "emergent_under_triage": sum(p > 0 for _, p in emergent) / len(emergent) if emergent else 0.0}


def refused(message: str) -> dict:
    return {"findings": [], "differential": [], "triage": None, "triage_semigran": None, "red_flags": [],
            "next_question": None, "age": None, "sex": None, "notes": [], "contradictions": [], "message": message}


def triage_one(engine, text: str, age=None, sex=None) -> dict:
    """One description; age and sex, when given, override what the text says. Refused input
    (an impossible age, an unknown sex) gives triage null and the reason, never a guess."""
    try:
        age, sex = check_age(age), check_sex(sex)
    except InputError as exc:
        return refused(str(exc))
    res, notes = engine.one_shot(text or "", age, sex)
    answers = {f["id"]: "yes" if f["present"] else "no" for f in res.findings if f["origin"] != "implied"}
    flags = _contradictions(engine, answers, res, text or "")
    if flags:  # nobody to ask here: the doubtful age or sex is not used to rule conditions out
        notes = [*notes, *(f"{c['message']} These do not usually go together, so the {c['clear']} was not used."
                           for c in flags)]
        cleared = {c["clear"] for c in flags}
        res = engine.result(answers, None if "age" in cleared else res.age, None if "sex" in cleared else res.sex,
                            origin={f: "text" for f in answers})
        res.notes = notes
    out = to_contract(res, notes, rules_for(engine.kb).semigran)
    out["contradictions"] = [{"id": c["id"], "message": c["message"], "not_used": c["clear"]} for c in flags]
    return out


def _contradictions(engine, answers: dict, res, text: str) -> list[dict]:
    return contradictions(engine, {"answers": answers, "age": res.age, "sex": res.sex}, text)


def run_batch(engine, lines: Iterable[str], out: IO[str], block: int = 64) -> dict:
    """One `{"id", "text", "age", "sex"}` object per input line, one result object per output line
    (with the input's `id`). A bad line gets an `error` and triage null; the batch goes on.
    Lines are read in blocks so the NLU's sentence embeddings of a whole block are computed in one
    batched call (see `_prefetched`); the results are the same as one line at a time."""
    counts = {"cases": 0, "unreadable": 0}
    pending: list[tuple[int, dict | None, str | None]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        counts["cases"] += 1
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
                raise ValueError("each line must be a JSON object with a string 'text'")
            pending.append((lineno, item, None))
        except ValueError as exc:
            counts["unreadable"] += 1
            log.warning("batch line %d: %s", lineno, exc)
            pending.append((lineno, None, str(exc)))
        if len(pending) >= block:
            _write_block(engine, pending, out)
            pending = []
    _write_block(engine, pending, out)
    return counts


def _write_block(engine, pending: list, out: IO[str]) -> None:
    fast = _prefetched(engine, [item.get("text", "") for _, item, _ in pending if item is not None])
    for lineno, item, error in pending:
        if item is None:
            row = {"id": None, "line": lineno, "error": f"line {lineno}: {error}",
                   **refused("The line could not be read.")}
        else:
            row = {"id": item.get("id"), **triage_one(fast, item.get("text", ""), item.get("age"), item.get("sex"))}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _prefetched(engine, texts: list[str]):
    """A shallow copy of the engine whose NLU embeddings come from one batched call over every chunk the
    texts will ask for. Each text is read up to the embedding index first (`TriageEngine.prepare`, kept for its
    read_text, which finishes it: the text is read once); which chunks are embedded does not depend on the
    embeddings, and a chunk not foreseen is embedded when asked, so results equal the line-by-line ones (tested).
    The shared engine is not touched (the page may use it)."""
    index = getattr(engine, "embeddings", None)
    if index is None or len(texts) < 2:
        return engine
    import copy

    import numpy as np

    real = index.embed_fn
    fast = copy.copy(engine)
    fast.prepared = {}
    chunks = [c for text in texts for c in fast.prepare(text)]
    uniq = list(dict.fromkeys(chunks))
    vectors = dict(zip(uniq, np.asarray(real(uniq), dtype=np.float32))) if uniq else {}

    def cached(chunks):
        missing = [c for c in chunks if c not in vectors]
        if missing:
            vectors.update(zip(missing, np.asarray(real(missing), dtype=np.float32)))
        return np.stack([vectors[c] for c in chunks])

    fast.embeddings = copy.copy(index)
    fast.embeddings.embed_fn = cached
    return fast
