"""bench/score_triage_vignettes.py: vignettes whose condition is not in the KB yet are scored as misses (the
honest 'before' figure of a new family), unknown findings are dropped, and known ones score as `eval triage` does."""

from __future__ import annotations

from bench.score_triage_vignettes import MISSING_RANK, load_files, score


def _write(tmp_path, body: str):
    p = tmp_path / "vignettes_x.yaml"
    p.write_text("vignettes:\n" + body)
    return str(p)


def test_absent_condition_is_a_miss_and_known_one_is_ranked(lexical_engine, tmp_path):
    path = _write(tmp_path, (
        '- {id: x1, age: 30, sex: male, diagnosis: not_in_kb_yet, icd10: Z00.0, triage: routine, '
        'text: "I have a runny nose and I keep sneezing", present: [runny_nose, made_up_finding]}\n'
        '- {id: x2, age: 30, sex: male, diagnosis: common_cold, icd10: J00, triage: self_care, held_out: true, '
        'text: "I have a runny nose and I keep sneezing", present: [runny_nose, sneezing]}\n'))
    res = score(lexical_engine, load_files([path]), ("one_shot",))
    ranks = {c["id"]: c["rank"] for c in res["cases"]}
    assert ranks["x1"] == MISSING_RANK and ranks["x2"] <= 3
    assert res["unknown_diagnoses"] == 1 and res["unknown_findings"] == 1
    m = res["modes"]["one_shot"]
    assert m["dev"]["n"] == 1 and m["dev"]["top10"] == 0.0 and m["blind"]["top3"] == 1.0
    # the predicted level does not depend on the reference diagnosis: same text, same level
    preds = {c["id"]: c["pred"] for c in res["cases"]}
    assert preds["x1"] == preds["x2"]
