"""Session 12 names on the planner side: a one-slip reading is still shown, a brand family is refused with its
readings, and eye and ear brands added this session name their route (see tests/knowledge/test_drug_names_s12.py
for the lexicon side)."""

from __future__ import annotations

from medcore.knowledge import drugs as D


def test_the_planner_still_shows_a_one_slip_reading(kb):
    from medcore.therapy.names import resolve_drug
    r = resolve_drug(kb, "lisnopril")
    assert r.how == "spelling" and r.notable
    msg = r.message(kb)
    assert "'lisnopril' read as lisinopril" in msg and "check this is right" in msg


def test_a_brand_family_with_different_medicines_is_refused_with_its_readings(kb):
    from medcore.therapy.names import resolve_drug
    r = D.resolve("Optrex")
    assert not r.ok and r.how == "ambiguous" and any("chloramphenicol" in s for s in r.suggestions)
    msg = resolve_drug(kb, "Optrex").message(kb)
    assert "more than one reading" in msg and "not checked" in msg


def test_eye_and_ear_brands_added_name_their_route(kb):
    from medcore.therapy.names import resolve_drug
    for name, route in [("Acular LS", "ophthalmic"), ("Acuvail", "ophthalmic"), ("Otomize", "otic"),
                        ("Sofradex", "otic"), ("Betoptic S", "ophthalmic")]:
        assert resolve_drug(kb, name).route == route, name


def test_eye_ketorolac_with_warfarin_is_minor_not_the_systemic_nsaid_rule(kb):
    from medcore.therapy import interactions as ix
    systemic = [f.severity for f in ix.check_names(kb, ["ketorolac", "warfarin"]).findings]
    eye = [f.severity for f in ix.check_names(kb, ["Acular LS", "warfarin"]).findings]
    assert systemic and max(systemic, key=["minor", "moderate", "major", "contraindicated"].index) != "minor"
    assert eye == ["minor"]


def test_the_names_scorer_compares_active_ingredients_not_dose_forms(kb):
    from medcore.therapy import names_blind
    # NicoDerm CQ reads as the lexicon's nicotine patch entry, whose active ingredient is nicotine
    assert names_blind.score_name(kb, {"name": "NicoDerm CQ", "ingredients": ["nicotine"]})["ok"]
    assert not names_blind.score_name(kb, {"name": "NicoDerm CQ", "ingredients": ["fentanyl"]})["ok"]
    # a closest-spelling guess is still not counted; a one-slip reading is
    assert not names_blind.score_name(kb, {"name": "lisnoprl", "ingredients": ["lisinopril"]})["recognised"]
    assert names_blind.score_name(kb, {"name": "lisnopril", "ingredients": ["lisinopril"]})["ok"]


def test_words_that_are_also_findings_stay_out_of_free_text():
    forms = D.text_forms()
    for word in ("cbd", "growth hormone", "clear eyes", "acetic acid"):
        assert word not in forms, word
    assert D.resolve("CBD oil").ingredients == ("cannabidiol",) or D.resolve("CBD").ingredients == ("cannabidiol",)
