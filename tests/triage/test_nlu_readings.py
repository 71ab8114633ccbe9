"""NLU readings of issue 12: taking a drug is no overdose, shoulder pain is not shoulder-tip pain, gestation
phrases are pregnancy (never a duration), and body-part phrases are pain where they are."""

from __future__ import annotations

import pytest

from medcore.triage.drug_intake import overdose_cue
from medcore.triage.gestation import gestation_weeks


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence(), ex


@pytest.mark.parametrize("text", ["I took paracetamol for my headache", "I take ibuprofen for my knee",
                                  "I've been taking paracetamol every 6 hours for the fever",
                                  "took 2 paracetamol this morning"])
def test_taking_a_medicine_is_not_an_overdose(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert not ev.get("overdose_taken") and not ev.get("paracetamol_taken")
    res = lexical_engine.result(dict.fromkeys(ev, "yes"), 30, "female", finished=True)
    assert all(d.id != "paracetamol_overdose" for d in res.differential[:3])


@pytest.mark.parametrize("text", ["I took 30 paracetamol tablets an hour ago", "I took too many paracetamol",
                                  "she swallowed a whole packet of paracetamol",
                                  "I took an overdose of paracetamol", "took 10g of paracetamol",
                                  "I took all my paracetamol because I wanted to die"])
def test_an_amount_a_pack_too_many_or_intent_is_an_overdose(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get("overdose_taken") is True and ev.get("paracetamol_taken") is True


def test_overdose_cue_amounts():
    assert not overdose_cue("took 2 paracetamol") and not overdose_cue("took 8 tablets over the day")
    assert overdose_cue("took 16 tablets") and overdose_cue("took twenty pills") and overdose_cue("6 g of it")
    assert not overdose_cue("1 g four times a day")


@pytest.mark.parametrize("text", ["I have had shoulder pain for a week", "my shoulder hurts",
                                  "pain in my shoulder when I lift my arm"])
def test_shoulder_pain_is_not_shoulder_tip_pain(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    # session 15s: a painful shoulder keeps its site (shoulder_pain, which implies joint pain in the closure)
    assert ev.get("shoulder_pain") is True and not ev.get("shoulder_tip_pain")


def test_shoulder_tip_is_shoulder_tip_pain(lexical_engine):
    ev, _ = _ev(lexical_engine, "sharp pain in the tip of my shoulder and my period is late")
    assert ev.get("shoulder_tip_pain") is True


def test_shoulder_pain_is_not_shoulder_tip_pain_with_embeddings(engine):
    ev, _ = _ev(engine, "my shoulder hurts")
    # session 15s: a painful shoulder keeps its site (shoulder_pain, which implies joint pain in the closure)
    assert ev.get("shoulder_pain") is True and not ev.get("shoulder_tip_pain")


@pytest.mark.parametrize("text,weeks,late", [
    ("I'm 37 weeks gestation with a headache", 37, True),
    ("I am 30 weeks pregnant and my ankles are swollen", 30, True),
    ("G2P1 at 12 weeks with some bleeding", 12, False),
    ("I'm 36 weeks and clear fluid keeps trickling out", 36, True),
    ("32+4 weeks pregnant, baby moving less", 32, True),
    ("she is 8 months pregnant", 34.8, True),
    ("9 weeks pregnant and bleeding", 9, False),
])
def test_gestation_is_pregnancy_with_its_age_and_never_a_duration(lexical_engine, text, weeks, late):
    ev, ex = _ev(lexical_engine, text)
    assert ev.get("pregnant") is True and ev.get("late_pregnancy") is late
    assert ev.get("early_pregnancy_weeks") is (not late)
    assert ex.gestation_weeks == pytest.approx(weeks, abs=0.1)
    assert ex.duration_hours is None and not ev.get("duration_over_2_weeks")
    assert ex.sex in (None, "female")


@pytest.mark.parametrize("text", ["my baby is 5 weeks old", "cough for 3 weeks", "I had surgery 6 weeks ago",
                                  "I'm 6 weeks post-op"])
def test_ages_and_durations_are_not_gestation(text):
    assert gestation_weeks(text.lower()) is None


def test_bleeding_in_pregnancy_is_vaginal_unless_another_site_is_named(lexical_engine):
    ev, _ = _ev(lexical_engine, "I am 30 weeks pregnant and bleeding")
    assert ev.get("vaginal_bleeding") is True
    ev, _ = _ev(lexical_engine, "I'm 20 weeks pregnant and my gums are bleeding")
    assert not ev.get("vaginal_bleeding")


def test_late_pregnancy_bleeding_is_an_emergency_early_pregnancy_bleeding_is_not(lexical_engine):
    for text, level in (("I'm 32 weeks pregnant and bleeding", "emergency"),
                        ("I'm 8 weeks pregnant with light bleeding", "urgent")):
        ev, _ = _ev(lexical_engine, text)
        res = lexical_engine.result({f: ("yes" if v else "no") for f, v in ev.items()}, 30, "female", finished=True)
        assert res.triage == level, (text, res.triage)


@pytest.mark.parametrize("text,finding", [("I have hand pain", "joint_pain"), ("pain in my hand", "joint_pain"),
                                          ("my fingers ache", "joint_pain"), ("my breasts are sore", "breast_pain"),
                                          ("pain in my thigh", "limb_pain"), ("my foot hurts", "joint_pain")])
def test_body_part_phrases(lexical_engine, text, finding):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get(finding) is True


def test_a_mothers_words_about_her_baby_do_not_make_her_a_baby(lexical_engine):
    ev, ex = _ev(lexical_engine, "I'm breastfeeding my 5 week old and have a red hot breast with a temperature")
    assert ex.age is None and not ev.get("infant_under_3m") and ev.get("breastfeeding") is True
    ev, ex = _ev(lexical_engine, "my 5 week old son has been projectile vomiting")
    assert ev.get("infant_under_3m") is True


def test_a_limp_is_not_a_floppy_child(lexical_engine):
    ev, _ = _ev(lexical_engine, "my 6 year old has had a limp for two months")
    assert ev.get("limp") is True and not ev.get("floppy")
