"""Calibrating a named embedding index's threshold AND clear-winner margin (knowledge.calibrate) on a labelled
dev set, with the matcher's rule (best recall at precision >= the floor; ties: highest threshold, then margin),
and the check that fallback.yaml's record of it still holds. Tiny vectors built in code; the last test runs the
symptom chat's own index on assets/kb/triage/embedding_dev.yaml (MiniLM, skipped without it)."""

from __future__ import annotations


import numpy as np
import pytest
import yaml

from medcore.knowledge import calibrate as cal
from medcore.knowledge.embedding_index import EmbeddingIndex, IndexSettings, load_settings
from tests.knowledge._term import KB


def _unit(*xs) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


ROWS = {"chest pain": ("chest_pain", _unit(1, 0, 0)), "short of breath": ("breathless", _unit(0, 1, 0)),
        "cough": ("cough", _unit(0, 0, 1))}
QUERIES = {
    "q-chest": _unit(1, 0.2, 0),  # cos 0.98 to chest pain, clear winner
    "q-chest-near-tie": _unit(1, 0.9, 0),  # cos 0.74 / 0.67: right, but only 0.07 clear
    "q-breath-low": _unit(0.3, 1, 0.6),  # cos 0.83 to breathlessness, runner-up 0.5
    "q-neg-close": _unit(1, 0.95, 0.05),  # a negative: cos 0.72 to chest pain, 0.69 to breathlessness
    "q-neg-far": _unit(0.55, 0.5, 1),  # a negative with a clear winner: cough 0.80, runner-up 0.44
}


def _embed(texts):
    return np.stack([QUERIES[t] if t in QUERIES else ROWS[t][1] for t in texts])


def _index(threshold=0.5, margin=0.0) -> EmbeddingIndex:
    return EmbeddingIndex.build([i for i, _ in ROWS.values()], list(ROWS), _embed, IndexSettings(threshold, margin))


DEV = [{"phrase": "q-chest", "finding": "chest_pain"}, {"phrase": "q-chest-near-tie", "finding": ["chest_pain"]},
       {"phrase": "q-breath-low", "finding": "breathless"}, {"phrase": "q-neg-close", "finding": None},
       {"phrase": "q-neg-far", "finding": None}]


def test_scores_and_evaluation_use_the_index_own_test():
    idx = _index()
    scores = cal.index_scores(idx, [e["phrase"] for e in DEV])
    assert [s[0] for s in scores] == ["chest_pain", "chest_pain", "breathless", "chest_pain", "cough"]
    for (fid, score, runner), e in zip(scores, DEV):
        # the calibration's verdict at a setting is the index's own verdict at it
        for t, m in ((0.5, 0.0), (0.7, 0.05), (0.8, 0.1)):
            hit = EmbeddingIndex(idx.ids, idx.phrases, idx.matrix, _embed, IndexSettings(t, m)).hits([e["phrase"]])
            assert bool(hit) == (cal.evaluate_index([e], [(fid, score, runner)], t, m)["tp"]
                                 + cal.evaluate_index([e], [(fid, score, runner)], t, m)["fp"] == 1)
    low = cal.evaluate_index(DEV, scores, 0.5, 0.0)
    assert (low["tp"], low["fp"], low["positives"], low["negatives"]) == (3, 2, 3, 2)
    clear = cal.evaluate_index(DEV, scores, 0.5, 0.1)  # the margin drops both near-ties (one right, one wrong)
    assert (clear["tp"], clear["fp"]) == (2, 1)


def test_calibration_rule_best_recall_at_the_precision_floor_then_highest_threshold_and_margin():
    scores = cal.index_scores(_index(), [e["phrase"] for e in DEV])
    best = cal.calibrate_index(DEV, scores, min_precision=0.9)
    # 3 right needs threshold <= 0.74, which lets q-neg-far (0.80, clear by 0.36) in: precision 0.75. 2 right
    # at precision 1 from 0.81 to 0.83 (q-breath-low's 0.8305), any margin: the highest of each
    assert (best["threshold"], best["margin"], best["tp"], best["fp"]) == (0.83, 0.1, 2, 0)
    feasible = [cal.evaluate_index(DEV, scores, t, m) for t in cal.THRESHOLDS for m in cal.MARGINS]
    feasible = [r for r in feasible if r["precision"] >= 0.9 and r["tp"]]
    assert best["tp"] == max(r["tp"] for r in feasible)
    ties = [r for r in feasible if r["tp"] == best["tp"]]
    assert (best["threshold"], best["margin"]) == max((r["threshold"], r["margin"]) for r in ties)
    # with a floor nobody reaches, the most precise setting
    assert cal.calibrate_index([DEV[3], DEV[4]], scores[3:], 0.9)["tp"] == 0


def _kb_with(tmp_path, threshold, margin, calibration=None):
    (tmp_path / "knowledge").mkdir(parents=True)
    (tmp_path / "triage").mkdir()
    doc = yaml.safe_load((KB / "knowledge" / "fallback.yaml").read_text(encoding="utf-8"))
    entry = doc["indexes"]["triage_findings"]
    entry.update(threshold=threshold, margin=margin)
    entry.pop("calibration", None)
    if calibration is not None:
        entry["calibration"] = calibration
    (tmp_path / "knowledge" / "fallback.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    (tmp_path / "triage" / "embedding_dev.yaml").write_text(yaml.safe_dump({"examples": DEV}), encoding="utf-8")
    return tmp_path


def test_the_record_check_fails_when_stored_settings_are_not_the_calibrated_ones(tmp_path):
    rep = cal.index_report(_kb_with(tmp_path / "a", 0.5, 0.0), "triage_findings", _index())
    best = rep["calibrated"]
    assert rep["stored"]["threshold"] == 0.5 and rep["stored"]["fp"] == 2
    assert cal.stale(tmp_path / "a", "triage_findings", rep) == ["triage_findings: no calibration recorded in fallback.yaml"]
    # recorded and adopted: holds
    cal.write_index_settings(tmp_path / "a", "triage_findings", rep, True, "test")
    assert load_settings(tmp_path / "a", "triage_findings").threshold == best["threshold"]
    assert cal.stale(tmp_path / "a", "triage_findings", rep) == []
    # settings in use differ from an adopted calibration: fails
    rec = dict(yaml.safe_load((tmp_path / "a" / "knowledge" / "fallback.yaml").read_text())["indexes"]
               ["triage_findings"]["calibration"])
    kb_b = _kb_with(tmp_path / "b", 0.74, 0.04, rec)
    assert any("settings in use" in p for p in cal.stale(kb_b, "triage_findings", rep))
    # a recorded calibration that is not what the dev set gives now: fails, adopted or not
    kb_c = _kb_with(tmp_path / "c", 0.74, 0.04, {**rec, "threshold": 0.74, "margin": 0.04, "adopted": False})
    assert any("calibration threshold" in p for p in cal.stale(kb_c, "triage_findings", rep))
    # recorded but not adopted (the reason is in the source): the old settings stay and the record holds
    kb_d = _kb_with(tmp_path / "d", 0.74, 0.04, {**rec, "adopted": False})
    assert cal.stale(kb_d, "triage_findings", rep) == []


def test_a_dev_set_naming_an_unknown_id_is_refused(tmp_path):
    kb = _kb_with(tmp_path, 0.5, 0.0)
    (kb / "triage" / "embedding_dev.yaml").write_text(yaml.safe_dump(
        {"examples": [{"phrase": "q-chest", "finding": "no_such_finding"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_finding"):
        cal.index_report(kb, "triage_findings", _index())


def test_the_recorded_triage_calibration_holds_on_the_dev_set():
    """The symptom chat's index on assets/kb/triage/embedding_dev.yaml: the calibration recorded in
    fallback.yaml is what the dev set gives now, and the dev set is what it says (>= 150 phrases, about a third
    negatives, every id a finding, none read by the chat's lexicon before the index)."""
    from medcore.embeddings import minilm_path

    if minilm_path() is None:
        pytest.skip("MiniLM is not installed: the chat has no embedding index")
    from medcore.config import Settings
    from medcore.triage.lexicon import TRIAGE_INDEX, polarity_free
    from medcore.triage.service import TriageEngine

    settings = Settings.load()
    eng = TriageEngine.from_settings(settings, use_blend=False)
    examples = cal.index_dev_examples(settings.kb_dir)
    negatives = sum(not e["finding"] for e in examples)
    assert len(examples) >= 150 and 0.25 <= negatives / len(examples) <= 0.4
    read = [e["phrase"] for e in examples if eng.lexicon.find(e["phrase"].lower())]
    assert read == [], "dev phrases the lexicon now reads: rewrite them (the index never sees them)"
    # phrases holding a negation cue never reach the index (polarity_free): skipped, as in calibrate_triage.py
    rep = cal.index_report(settings.kb_dir, TRIAGE_INDEX, eng.embeddings, skip=lambda p: not polarity_free(p))
    assert 0 < len(rep["skipped"]) <= 10
    assert cal.stale(settings.kb_dir, TRIAGE_INDEX, rep) == []
