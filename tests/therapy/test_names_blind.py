"""The blind-set names scorer (medcore/therapy/names_blind.py) and set F's shape."""

from pathlib import Path

import yaml

from medcore.therapy import blind_eval, names_blind

SET_F = Path(__file__).resolve().parents[2] / "docs" / "evals" / "planner-blind-f" / "blind.yaml"


def test_set_f_shape():
    data = yaml.safe_load(SET_F.read_text(encoding="utf-8"))
    assert len(data["names"]) >= 100 and all(c["ingredients"] and c["source"] for c in data["names"])
    interacting = [p for p in data["pairs"] if p["expect"] != "none"]
    assert len(interacting) >= 50 and all(p["source"] for p in interacting)
    assert sum(p["expect"] == "none" for p in data["pairs"]) >= 20 and len(data["renal"]) >= 10


def test_scorer_right_wrong_and_unknown(kb):
    cases = [{"name": "Augmentin", "ingredients": ["amoxicillin", "clavulanate"]},
             {"name": "Augmentin", "ingredients": ["amoxicillin"]},  # one ingredient short: wrong
             {"name": "Norco", "ingredients": ["hydrocodone", "ibuprofen"]},  # wrong partner: wrong
             {"name": "Qzzxq", "ingredients": ["warfarin"]}]
    report = names_blind.run(kb, cases, errors=True)
    assert report["typed_names"] == 4
    assert report["typed_names_recognised"] == 0.75 and report["typed_names_right_ingredients"] == 0.25
    assert [e["name"] for e in report["name_errors"]] == ["Augmentin", "Norco", "Qzzxq"]


def test_blind_eval_reads_names(kb, tmp_path):
    f = tmp_path / "b.yaml"
    f.write_text("names:\n  - {name: Coumadin, ingredients: [warfarin]}\n", encoding="utf-8")
    report = blind_eval.run(kb, f)
    assert report["typed_names_right_ingredients"] == 1.0
