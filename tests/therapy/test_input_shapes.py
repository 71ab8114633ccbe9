"""Odd input shapes (issue 13): strings and objects where lists belong, null and booleans where numbers belong,
BOM, deep nesting, directories and missing output folders. The penicillin-as-string case never yields a penicillin."""

import json

import pytest

from medcore.cli import main
from medcore.therapy.profile import ProfileError, parse_patient

BASE = {"age": 40, "sex": "male", "weight_kg": 70, "scr_mg_dl": 1.0}


@pytest.mark.parametrize("allergies", ["penicillin", {"substance": "penicillin", "reaction": "hives"},
                                       "penicillin (hives)", ["penicillin"]])
def test_penicillin_allergy_in_any_shape_never_gets_a_penicillin(plan_for, kb, allergies):
    p, _ = parse_patient({**BASE, "allergies": allergies})
    assert [a.substance for a in p.allergies] == ["penicillin"]
    plan = plan_for({**BASE, "allergies": allergies}, "cap")
    for drug in plan.chosen_option().drugs:
        assert kb.drugs[drug].get("allergy_class") != "penicillin", drug
    assert not any("not recognised" in w for w in plan.input_warnings)


def test_medications_and_conditions_as_text_or_objects():
    p, _ = parse_patient({**BASE, "medications": "warfarin; aspirin 81 mg", "conditions": "asthma, gout"})
    assert p.medications == ["warfarin", "aspirin 81 mg"] and p.conditions == ["asthma", "gout"]
    p, _ = parse_patient({**BASE, "medications": {"name": "warfarin", "dose": "5 mg", "frequency": "daily"}})
    assert p.medications == ["warfarin 5 mg daily"]
    p, _ = parse_patient({**BASE, "allergies": "penicillin (hives), sulfa (rash)"})
    assert [(a.substance, a.reaction) for a in p.allergies] == [("penicillin", "hives"), ("sulfa", "rash")]


@pytest.mark.parametrize("patch,message", [
    ({"age": None}, "null is not an age"), ({"age": True}, "yes/no value, not a number"),
    ({"weight_kg": False}, "yes/no value"), ({"medications": 5}, "give a list"),
    ({"genotypes": ["CYP2D6 PM"]}, "genotypes: give an object"), ({"medications": [{"dose": "5 mg"}]}, "has no name"),
])
def test_refused_with_a_clear_message(patch, message):
    with pytest.raises(ProfileError) as exc:
        parse_patient({**BASE, **patch})
    assert any(message in p for p in exc.value.problems), exc.value.problems


def test_cli_bom_depth_directories_and_output_paths(settings, tmp_path, capsys):
    f = tmp_path / "p.json"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({**BASE, "allergies": "penicillin"}).encode())
    assert main(["plan", str(f), "--condition", "cap", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["chosen"] != "amoxicillin"
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps({**BASE, "x": json.loads("[" * 40 + "]" * 40)}))
    assert main(["plan", str(deep), "--condition", "cap"]) == 2
    assert "nested deeper" in capsys.readouterr().err
    assert main(["plan", str(tmp_path), "--condition", "cap"]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["plan", str(f), "--condition", "cap", "--markdown", str(tmp_path / "no" / "x.md")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
