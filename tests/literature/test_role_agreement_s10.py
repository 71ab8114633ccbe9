"""Session 10: agreement between the two sentence-role annotators and the reader against each (role_agreement,
`eval literature --agreement`), on labels and abstracts written for these tests. The shipped second annotation is
checked for form only (it holds no text)."""

from __future__ import annotations

import pytest
import yaml

from medcore.literature import lit_eval, role_agreement, role_data, role_gold


def test_kappa_matches_hand_computed_values():
    # The textbook 2x2 case: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> p_o 0.7, p_e 0.5, kappa 0.4.
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert role_agreement.cohen_kappa(a, b, ["y", "n"]) == 0.4
    # Five roles: p_o 3/4, p_e (2*1 + 1*1 + 1*1) / 16 = 1/4 -> kappa 2/3.
    assert role_agreement.cohen_kappa(["B", "B", "M", "R"], ["B", "O", "M", "R"], "BOMRC") == 0.6667
    assert role_agreement.cohen_kappa(["M", "M"], ["M", "M"], "BOMRC") is None  # p_e = 1: undefined, not 1.0
    assert role_agreement.cohen_kappa([], [], "BOMRC") is None


def test_per_role_agreement_is_one_vs_rest():
    rep = role_agreement.annotator_agreement(["B", "B", "M", "R"], ["B", "O", "M", "R"], "BOMRC")
    assert (rep["n"], rep["raw_agreement"], rep["kappa"]) == (4, 0.75, 0.6667)
    bg = rep["per_role"]["B"]  # A: yes yes no no; B: yes no no no -> raw 3/4, p_e 1/2, kappa 1/2
    assert (bg["annotator_a"], bg["annotator_b"], bg["both"]) == (2, 1, 1)
    assert (bg["raw_agreement"], bg["kappa"], bg["positive_agreement"]) == (0.75, 0.5, 0.6667)
    assert rep["per_role"]["C"]["positive_agreement"] is None  # nobody used it
    assert rep["confusion_a_rows_b_columns"][0] == [1, 1, 0, 0, 0]
    with pytest.raises(ValueError):
        role_agreement.annotator_agreement(["B"], ["B", "M"], "BOMRC")


def test_model_against_each_annotator_and_the_agreed_sentences():
    a = ["B", "O", "M", "R", "C"]
    b = ["B", "B", "M", "M", "C"]
    pred = ["B", "O", "R", "M", "C"]
    rep = role_agreement.model_against_annotators(pred, a, b, "BOMRC")
    assert rep["against_a"]["accuracy"] == 0.6 and rep["against_b"]["accuracy"] == 0.6
    assert (rep["on_agreed"]["n"], rep["on_agreed"]["accuracy"]) == (3, 0.6667)
    assert rep["on_disagreed"] == {"n": 2, "sides_with_a": 1, "sides_with_b": 1, "neither": 0}


def _write(path, rows):
    path.write_text(yaml.safe_dump({"abstracts": rows}), encoding="utf-8")
    return path


def test_agreement_figures_read_both_files_and_refuse_a_misaligned_one(tmp_path, monkeypatch):
    x = role_data.Abstract("1", ["Colds are common.", "We aimed to test zinc.", "Forty adults took it.",
                                 "Colds were shorter.", "Zinc may help."], [None] * 5)
    pa = _write(tmp_path / "a.yaml", role_gold.gold_rows([x], {"1": "BOMRC"}))
    pb = _write(tmp_path / "b.yaml", role_gold.gold_rows([x], {"1": "BORRC"}))
    monkeypatch.setattr(role_gold, "gold_path", lambda split: pa)
    monkeypatch.setattr(role_gold, "second_gold_path", lambda split: pb)
    monkeypatch.setattr(role_gold, "REPO_ROOT", tmp_path)
    pred = [(r, 0.9) for r in ("background", "objective", "methods", "methods", "conclusions")]
    rep = lit_eval.agreement_figures([x], "holdout", lambda a: pred)
    assert rep["annotators"]["raw_agreement"] == 0.8 and rep["annotators"]["per_role"]["methods"]["both"] == 0
    assert rep["reader"]["against_a"]["accuracy"] == 0.8 and rep["reader"]["against_b"]["accuracy"] == 0.6
    assert rep["reader"]["on_agreed"]["accuracy"] == 0.75
    assert "reader" not in lit_eval.agreement_figures([x], "holdout")  # annotators only, no classifier needed
    other = role_data.Abstract("1", ["Colds are common.", "We aimed to test zinc. Forty adults took it.",
                                     "Colds were shorter.", "Zinc may help.", "More work."], [None] * 5)
    with pytest.raises(role_gold.GoldMismatch):
        lit_eval.agreement_figures([other], "holdout")
    monkeypatch.setattr(role_gold, "second_gold_path", lambda split: tmp_path / "missing.yaml")
    with pytest.raises(FileNotFoundError):
        lit_eval.agreement_figures([x], "holdout")


def test_shipped_second_annotation_covers_the_same_sentences_and_holds_no_text():
    first = role_gold.load_gold(role_gold.gold_path("holdout"))
    second = role_gold.load_gold(role_gold.second_gold_path("holdout"))
    assert {p: (g["n"], g["fp"]) for p, g in second.items()} == {p: (g["n"], g["fp"]) for p, g in first.items()}
    raw = role_gold.second_gold_path("holdout").read_text(encoding="utf-8")
    assert max(len(line) for line in raw.splitlines()) < 130  # letters and hashes only, no sentences


def test_eval_command_passes_the_agreement_flag(tmp_path, monkeypatch):
    from medcore.cli import build_parser
    from medcore.config import Settings

    args = build_parser().parse_args(["eval", "literature", "--split", "holdout", "--no-ask", "--agreement"])
    seen = {}
    monkeypatch.setattr(role_data, "pubmedqa_path", lambda settings, explicit=None: tmp_path)
    monkeypatch.setattr(lit_eval, "run_eval", lambda settings, **kw: seen.update(kw) or {})
    assert args.func(args, Settings()) == 0
    assert seen["agreement"] is True and seen["split"] == "holdout"
    args = build_parser().parse_args(["eval", "literature"])
    assert args.agreement is False
