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


def _pats():
    from medcore.config import Settings
    from medcore.literature.roles import cue_pattern

    s = Settings()
    return s, cue_pattern(s, "aim_statement"), cue_pattern(s, "study_aim")


def test_split_intro_moves_the_aim_out_of_background_and_the_context_out_of_objective():
    from medcore.literature.roles import split_intro

    _, aim, sa = _pats()
    texts = ["Falls are frequent in old age.", "We aimed to test a balance class.",
             "Hip fractures follow many falls.", "Few trials exist.", "To compare two classes.",
             "Forty people took part.", "Context one.", "Context two.", "Results came late."]
    roles = ["background", "background", "objective", "objective", "objective", "methods",
             "objective", "objective", "results"]
    assert split_intro(texts, roles, aim, sa) == [
        "background", "objective", "background", "background", "objective", "methods",
        "objective", "objective", "results"]  # an objective run with no aim sentence is left alone
    assert split_intro(["We investigated whether naps help.", "Unlabelled."],
                       ["background", None], aim, sa) == ["objective", None]


def test_settle_keeps_scores_and_refined_training_labels_keep_unlabelled_sentences():
    from medcore.literature.roles import settle

    s, _, _ = _pats()
    texts = ["Sepsis kills many.", "Early fluids are debated.", "This study examines early fluids.", "We counted."]
    preds = [("background", 0.9), ("objective", 0.6), ("objective", 0.8), ("methods", 0.7)]
    assert settle(s, texts, preds) == [("background", 0.9), ("background", 0.6), ("objective", 0.8), ("methods", 0.7)]
    a = _abs("9", ["Sepsis kills many.", "The aim of this study was to test fluids.", "Mixed.", "We counted."],
             ["background", "background", None, "methods"])
    (r,) = role_data.refine_intro_labels(s, [a])
    assert r.labels == ["background", "objective", None, "methods"] and a.labels[1] == "background"
