"""Session 14 (triage14): general causes found on the new dev set vignettes_dev_s14.yaml and on s13's leftovers.
Every sentence here was written for these tests, not taken from a vignette: contractions typed without an
apostrophe, a denial after a body part, an age without 'old', how late a period is, lay words for red flags and
common complaints, and NICE NG126's split between pain in early pregnancy (urgent) and pain with signs of
bleeding (emergency)."""

from __future__ import annotations

import pytest

from medcore.triage.demographics import extract_age
from medcore.triage.durations import duration_spans
from medcore.triage.input_guard import restore_apostrophes


def _said(engine, text) -> dict[str, bool]:
    _, ex = engine.read_text(text)
    return ex.evidence()


def _present(engine, text) -> set[str]:
    return {f for f, v in _said(engine, text).items() if v}


# ---- contractions typed without the apostrophe ----
def test_apostrophes_are_restored_only_where_the_word_is_a_contraction():
    assert restore_apostrophes("He cant breathe and hasnt eaten") == "He can't breathe and hasn't eaten"
    assert restore_apostrophes("Dont know") == "Don't know"
    assert restore_apostrophes("the cant of the roof, I wont go") == "the cant of the roof, I wont go"


@pytest.mark.parametrize("text, fid, present", [
    ("my dad cant breathe properly", "breathless", True),
    ("my son hasnt passed urine since breakfast", "low_urine_output", True),
    ("she doesnt have a temperature", "fever", False),
])
def test_contractions_without_apostrophe_are_read(lexical_engine, text, fid, present):
    assert _said(lexical_engine, text).get(fid) is present


# ---- a denial after the body part ----
@pytest.mark.parametrize("text, fid", [
    ("my chest doesn't hurt at the moment", "chest_pain"),
    ("the tips of my shoulders don't hurt", "shoulder_tip_pain"),
    ("my tummy does not ache", "abdominal_pain"),
])
def test_a_denial_after_the_part_is_an_absent_pain(lexical_engine, text, fid):
    assert _said(lexical_engine, text).get(fid) is False


def test_a_denial_after_something_that_is_no_pain_is_left_alone(lexical_engine):
    assert _said(lexical_engine, "a blotchy rash on my arm that doesn't hurt").get("rash") is True


# ---- ages and how late a period is ----
def test_an_age_without_old_is_an_age_and_no_duration():
    text = "my little boy is 7 months and has a runny nose"
    assert extract_age(text) == pytest.approx(7 / 12, abs=1e-3)
    assert duration_spans(text) == []
    # in a text about a pregnancy, weeks are a gestation, not a child's age
    assert extract_age("my daughter is 7 weeks pregnant and spotting") is None


def test_a_late_period_is_a_missed_period_not_a_long_complaint(lexical_engine):
    got = _said(lexical_engine, "my period is 5 weeks late and I have pain low in my tummy")
    assert got.get("missed_period") is True and got.get("duration_over_2_weeks") is not True


# ---- lay words for red flags and common complaints ----
@pytest.mark.parametrize("text, expected", [
    ("it's like being hit with a hammer on the back of my head", {"worst_headache"}),
    ("I went numb between my legs this afternoon", {"saddle_numbness"}),
    ("since last night he can't wee at all", {"urinary_retention"}),
    ("she choked on a grape at lunch and now she's wheezy", {"choking_episode", "wheeze"}),
    ("the redness is spreading up towards my knee", {"spreading_redness"}),
    ("my ankle is sore and swollen after I tripped on the stairs", {"fall_injury"}),
    ("it really hurts just below my thumb since I fell", {"thumb_wrist_pain"}),
    ("both shoulders and hips are stiff every morning", {"shoulder_hip_stiffness"}),
    ("zig zag lines in my eyes then a pounding headache", {"aura", "headache_throbbing"}),
    ("everyone in my class has had the same bug", {"sick_contacts"}),
    ("he's been sick a few times since tea", {"vomiting"}),
    ("my baby has been feeding less and is snuffly", {"not_feeding", "runny_nose"}),
    ("the rash on her tummy feels like sandpaper", {"sandpaper_rash"}),
    ("I started wearing a new bracelet and my wrist is itchy", {"new_product_contact"}),
    ("I get crampy pain in my belly during my period", {"period_pain"}),
    ("he woke up with a cricked neck", {"neck_stuck"}),
])
def test_lay_words_are_read(lexical_engine, text, expected):
    assert expected <= _present(lexical_engine, text)


def test_a_tight_wheezy_chest_is_wheeze_not_crushing_pain(lexical_engine):
    got = _present(lexical_engine, "my chest is tight and wheezy since I caught a cold")
    assert "wheeze" in got and "chest_pain_crushing" not in got


def test_speaking_in_full_sentences_denies_severe_breathlessness(lexical_engine):
    assert _said(lexical_engine, "I'm wheezy but I can talk in full sentences").get("breathless_severe") is False


def test_a_head_pulled_to_one_side_is_no_one_sided_headache(lexical_engine):
    assert "headache_one_side" not in _present(lexical_engine, "my head is pulled over to the right since I woke")


def test_a_face_that_went_red_is_no_red_eye(lexical_engine):
    assert "red_eye" not in _present(lexical_engine, "he coughed until he went red in the face")


def test_grass_being_cut_is_no_wound(lexical_engine):
    assert "wound" not in _present(lexical_engine, "I sneeze every time the grass is cut")


# ---- NICE NG126: pain in early pregnancy ----
def _fired(kb, present):
    return {r.id: r.level for r in kb.rules if r.fires(set(present), set())}


def test_pain_in_early_pregnancy_is_urgent_and_signs_of_bleeding_make_it_an_emergency(kb):
    assert _fired(kb, {"pregnant", "pelvic_pain"}).get("early_pregnancy_pain") == "urgent"
    assert "emergency" not in _fired(kb, {"pregnant", "pelvic_pain"}).values()
    for sign in ("severe_pain", "lightheaded_standing", "collapse", "heavy_bleeding_soaking"):
        assert "emergency" in _fired(kb, {"missed_period", "pelvic_pain", sign}).values(), sign
    assert "emergency" in _fired(kb, {"pregnant", "shoulder_tip_pain"}).values()


# ---- NICE CKS Croup: stridor only when upset is mild (decision, red_flags.yaml milder_forms) ----
def test_stridor_only_when_crying_is_urgent_and_stridor_at_rest_an_emergency(lexical_engine):
    mild, _ = lexical_engine.one_shot("my 3 year old has a barking cough and noisy breathing only when she cries", 3, "F")
    assert mild.triage == "urgent"
    rest, _ = lexical_engine.one_shot("my 3 year old has a barking cough and a harsh noise when she breathes in, "
                                      "even lying quietly", 3, "F")
    assert rest.triage == "emergency"


def test_the_milder_form_is_never_guessed_by_the_embedding_index(engine):
    got = _said(engine, "a harsh noise when he breathes in all the time, even asleep")
    assert "stridor_when_upset" not in got


@pytest.mark.parametrize("text, fid", [
    ("tiny spots on his legs that don't fade when I roll a glass over them", "non_blanching_rash"),
    ("my rash doesn't go away when I press a glass on it", "non_blanching_rash"),
    ("a heavy feeling in my chest since lunch", "chest_pain_crushing"),
    ("coughing up yellow gunk for days", "productive_cough"),
])
def test_red_flag_and_common_words_found_by_probing(lexical_engine, text, fid):
    assert _said(lexical_engine, text).get(fid) is True


@pytest.mark.parametrize("text, fid, said", [
    ("my little girl is feeding well and smiling", "not_feeding", False),
    ("I get sneezing fits every morning", "sneezing", True),
])
def test_readings_guarded_after_the_dev_sweep(lexical_engine, text, fid, said):
    assert _said(lexical_engine, text).get(fid) is said


@pytest.mark.parametrize("text, fid", [
    ("my feet are always cold in winter", "shock_signs"),  # chronic cold feet are no sign of shock
    ("my knee joint went red, hot and swollen overnight", "spreading_redness"),  # a hot joint is no spreading skin
])
def test_no_false_reading(engine, text, fid):
    assert _said(engine, text).get(fid) is not True
