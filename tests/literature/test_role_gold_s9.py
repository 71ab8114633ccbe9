"""Session 9: the sentence-level gold roles (role_gold) and their scoring in `eval literature --gold`, on abstracts
written for these tests (the real gold file is checked for form only; it holds no text)."""

from __future__ import annotations

import pytest

from medcore.literature import lit_eval, role_data, role_gold


def _abs(pmid, sents, labels):
    return role_data.Abstract(pmid, sents, labels)


def _write(tmp_path, rows):
    import yaml

    p = tmp_path / "gold.yaml"
    p.write_text(yaml.safe_dump({"abstracts": rows}), encoding="utf-8")
    return p


def test_shipped_holdout_gold_is_well_formed_and_text_free():
    gold = role_gold.load_gold(role_gold.gold_path("holdout"))
    assert len(gold) == 49
    assert all(len(g["roles"]) == g["n"] and len(g["fp"]) == 16 for g in gold.values())
    raw = role_gold.gold_path("holdout").read_text(encoding="utf-8")
    assert max(len(line) for line in raw.splitlines()) < 130  # letters and hashes only, no sentences


def test_gold_replaces_weak_labels_and_refuses_a_misaligned_split(tmp_path):
    a = _abs("1", ["Strokes are common.", "We aimed to test a drug.", "It worked."],
             ["background", "background", "conclusions"])
    rows = role_gold.gold_rows([a], {"1": "BOC"})
    (g,) = role_gold.apply_gold([a], role_gold.load_gold(_write(tmp_path, rows)))
    assert g.labels == ["background", "objective", "conclusions"] and a.labels[1] == "background"
    other = _abs("1", ["Strokes are common.", "We aimed to test a drug. It worked."], ["background", None])
    with pytest.raises(role_gold.GoldMismatch):
        role_gold.apply_gold([other], role_gold.load_gold(_write(tmp_path, rows)))
    with pytest.raises(role_gold.GoldMismatch):
        role_gold.apply_gold([_abs("2", ["x"], [None])], role_gold.load_gold(_write(tmp_path, rows)))
    with pytest.raises(role_gold.GoldMismatch):
        role_gold.load_gold(_write(tmp_path, [dict(rows[0], roles="BOX")]))
    with pytest.raises(role_gold.GoldMismatch):
        role_gold.gold_rows([a], {"1": "BO"})


def test_gold_figures_score_all_sentences_and_the_weak_set(tmp_path, monkeypatch):
    a = _abs("1", ["Strokes are common.", "We aimed to test a drug.", "Mixed paragraph.", "It worked."],
             ["background", "background", None, "conclusions"])
    path = _write(tmp_path, role_gold.gold_rows([a], {"1": "BOMC"}))
    monkeypatch.setattr(role_gold, "gold_path", lambda split: path)
    monkeypatch.setattr(role_gold, "REPO_ROOT", tmp_path)
    pred = [("background", 0.9), ("objective", 0.8), ("results", 0.7), ("conclusions", 0.9)]
    rep = lit_eval._gold_figures([a], "holdout", lambda x: pred)
    assert rep["roles_gold"]["n"] == 4 and rep["roles_gold"]["accuracy"] == 0.75
    assert rep["roles_gold_on_weak_sentences"]["n"] == 3 and rep["roles_gold_on_weak_sentences"]["accuracy"] == 1.0
    assert rep["weak_labels_changed_by_gold"] == 1
