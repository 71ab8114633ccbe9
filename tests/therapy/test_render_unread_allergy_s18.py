"""Session 18: the Markdown export says which allergies were not checked, from the plan's structured field."""

from medcore.therapy import render


def test_markdown_names_unchecked_allergies(plan_for):
    plan = plan_for({"age": 50, "sex": "male", "weight_kg": 72, "scr_mg_dl": 1.0, "allergies": ["qzxvbt - hives"]},
                    "pneumonia")
    md = render.plan_markdown({**plan.to_dict(), "items": []})
    assert "ALLERGY NOT CHECKED:** qzxvbt (hives)" in md
