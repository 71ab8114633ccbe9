"""Session 27 (issue 12): the safety gaps a reviewer found, fixed by cause, each with its opposite-meaning case; and
the general causes read off the dev set vignettes_blind_s26. Own sentences throughout."""

from __future__ import annotations

import pytest

from medcore.triage import qa_forms


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _level(engine, text, age=None, sex=None):
    res, _ = engine.one_shot(text, age, sex)
    return res.to_dict()["triage"]


# (a) a question answered inside the text
@pytest.mark.parametrize("text,kind,want", [
    ("Any vomiting? No.", "no", "no vomiting."),
    ("Is there any blood in it? yes", "yes", "blood in it."),
    ("Can she stand? no", "no", "she can't stand."),
    ("Does the rash fade when pressed? no", "no", "the rash doesn't fade when pressed."),
    ("Poo normal? No.", "no", "Poo not normal."),
    ("Headache: no. Neck stiffness: yes", "label", "no Headache. Neck stiffness."),
])
def test_an_answered_question_becomes_its_statement(text, kind, want):
    assert qa_forms.rewrite(text) == want


def test_a_question_without_an_answer_and_a_complaint_after_a_colon_stay_as_written():
    assert qa_forms.rewrite("Is it my heart? I'm scared") == "Is it my heart? I'm scared"
    assert qa_forms.rewrite("Main problem: no energy for a month") == "Main problem: no energy for a month"


def test_a_no_to_normal_stools_then_their_colour_reads_black_stool(engine):
    got = _read(engine, "Poo normal? No. It is black like tar")
    assert got.get("black_stool") is True
    assert _level(engine, "Poo normal? No. It is black like tar") == "emergency"


def test_a_yes_to_normal_stools_reads_no_black_stool(engine):
    got = _read(engine, "Poo normal? Yes, normal colour.")
    assert got.get("black_stool") is not True


@pytest.mark.parametrize("text,fid,present", [
    ("Temperature? yes, 38.9 this morning", "fever", True),
    ("Any temperature? no", "fever", False),
    ("Any chest pain? nope", "chest_pain", False),
    ("Chest pain: yes", "chest_pain", True),
    ("Is she able to walk? no", "cannot_bear_weight", True),
    ("Is she able to walk? yes", "cannot_bear_weight", False),
])
def test_answered_questions_read_with_the_answers_polarity(engine, text, fid, present):
    assert _read(engine, text).get(fid) is present


# (b) bladder or bowel told as not normal with back pain: the cauda equina rule
@pytest.mark.parametrize("text", [
    "low back ache for a week and now my waterworks are not right",
    "sore lower back since lifting, and my bowels aren't working properly",
    "my back has been killing me and my bladder is not normal",
])
def test_back_pain_with_a_bladder_or_bowel_not_normal_is_an_emergency(engine, text):
    assert _read(engine, text).get("bladder_bowel_dysfunction") is True
    assert _level(engine, text, 45, "male") == "emergency"


@pytest.mark.parametrize("text", [
    "low back ache for a week, my waterworks are normal",
    "sore lower back since lifting, no bladder problems",
    "back ache, bladder and bowels working normally",
])
def test_back_pain_with_bladder_and_bowels_normal_is_no_emergency(engine, text):
    assert _read(engine, text).get("bladder_bowel_dysfunction") is not True
    assert _level(engine, text, 45, "male") != "emergency"


def test_a_denied_bladder_problem_rules_out_incontinence_and_retention(engine):
    got = _read(engine, "lower back pain for 3 days, no bladder problems")
    assert got.get("incontinence") is False and got.get("urinary_retention") is False


# (c) regular tightenings before 37 weeks
@pytest.mark.parametrize("text", [
    "31 weeks, tightenings coming every 4 minutes",
    "I'm 34 weeks pregnant and my bump goes hard every few minutes",
    "32 weeks with my first, contractions 5 minutes apart",
])
def test_regular_tightenings_before_term_are_an_emergency(engine, text):
    got = _read(engine, text)
    assert got.get("regular_contractions") is True and got.get("late_pregnancy") is True
    assert _level(engine, text, 29, "female") == "emergency"


def test_odd_irregular_tightenings_stay_practice_contractions(engine):
    text = "I'm 31 weeks pregnant, I get the odd tightening now and again, no pattern, baby moving well"
    assert _read(engine, text).get("regular_contractions") is not True
    assert _level(engine, text, 29, "female") != "emergency"


def test_a_bare_number_of_weeks_is_a_duration_without_pregnancy_words(engine):
    got = _read(engine, "3 weeks, cough that won't shift")
    assert got.get("late_pregnancy") is not True and got.get("pregnant") is not True


# (d) short denials
def test_a_short_denial_of_weakness_reads_absent(engine):
    got = _read(engine, "headache since lunch, no weakness, no numbness")
    assert got.get("arm_weakness") is False and got.get("numbness_tingling") is False


def test_weakness_of_one_arm_is_still_read_present(engine):
    assert _read(engine, "sudden weakness in my left arm")["arm_weakness"] is True


def test_a_list_denial_reaches_a_vague_word(engine):
    got = _read(engine, "chest pain since an hour, no sweating or radiation")
    assert got.get("chest_pain_radiating") is False and got.get("chest_pain") is True


def test_radiation_affirmed_reads_no_denial(engine):
    assert _read(engine, "had radiation treatment last year, now a cough").get("chest_pain_radiating") is None


def test_an_earlier_list_denial_does_not_flip_a_stated_normal(engine):
    got = _read(engine, "twisted ankle, no bruising, no deformity, can walk on it")
    assert got.get("cannot_bear_weight") is False and got.get("deformity") is False


# (e) a perfect or a progressive before the phrase's verb
@pytest.mark.parametrize("text,fid", [
    ("the side of her mouth had dropped", "face_droop"),
    ("his lips have turned blue", "blue_lips"),
    ("my waters had broken an hour ago", "waters_broken"),
    ("she was throwing up all evening", "vomiting"),
    ("my legs have gone weak", "leg_weakness_both"),
])
def test_helping_verbs_and_tenses_keep_the_phrase(engine, text, fid):
    assert _read(engine, text).get(fid) is True


def test_a_denied_perfect_reads_absent(engine):
    assert _read(engine, "her face hasn't dropped, she is talking normally").get("face_droop") is not True


# (f) a pulse of 41-50
def test_a_pulse_in_the_forties_reads_low_pulse_and_with_a_faint_is_an_emergency(engine):
    text = "my dad is 80, he nearly passed out, pulse 44"
    assert _read(engine, text).get("low_pulse") is True
    assert _level(engine, text) == "emergency"


def test_a_pulse_of_62_says_no_low_pulse(engine):
    assert _read(engine, "pulse 62, feeling a bit tired").get("low_pulse") is False


def test_a_pulse_of_38_is_both_slow_bands(engine):
    got = _read(engine, "pulse 38 and dizzy")
    assert got.get("slow_pulse") is True and got.get("low_pulse") is True


# s26 causes
def test_a_denied_self_harm_statement_is_no_suicide_risk(engine):
    got = _read(engine, "worried all the time for months, no thoughts of harming myself")
    assert got.get("suicidal_thoughts") is not True


@pytest.mark.parametrize("text", ["I keep thinking about hurting myself", "I don't want to be alive any more"])
def test_a_self_harm_statement_still_reads(engine, text):
    assert _read(engine, text).get("suicidal_thoughts") is True


def test_a_trigger_after_worse_is_not_a_symptom(engine):
    got = _read(engine, "leg pain from my back, worse with sneezing")
    assert got.get("sneezing") is not True


def test_a_cough_told_as_a_symptom_still_reads(engine):
    assert _read(engine, "I have been coughing for a week")["cough"] is True


def test_a_chart_abbreviation_full_stop_does_not_cut_the_clause(engine):
    from medcore.triage.tokens import chart_periods
    assert chart_periods("pain down post. thigh") == "pain down post thigh"
    assert chart_periods("Seen at the post. Then home") == "Seen at the post. Then home"


def test_first_attack_is_not_recurrence(engine):
    assert _read(engine, "sore swollen ankle overnight, first attack ever").get("recurrent_episodes") is False
