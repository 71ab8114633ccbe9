"""NLU: synonyms, negation, duration, severity, age and sex, embeddings for lay phrasing."""

from __future__ import annotations

from medcore.triage import nlu


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence(), ex


def test_synonyms_and_negation(lexical_engine):
    ev, _ = _ev(lexical_engine, "I have a stomach ache and I've been throwing up, no fever and no diarrhoea")
    assert ev["abdominal_pain"] is True and ev["vomiting"] is True
    assert ev["fever"] is False and ev["diarrhoea"] is False
    ev, _ = _ev(lexical_engine, "Denies chest pain, shortness of breath or cough but has a headache")
    assert ev["chest_pain"] is False and ev["breathless"] is False and ev["cough"] is False
    assert ev["headache"] is True
    ev, _ = _ev(lexical_engine, "no headache and I have a sore throat")
    assert ev == {"headache": False, "sore_throat": True}
    ev, _ = _ev(lexical_engine, "I don't feel sick")
    assert ev["nausea"] is False


def test_lay_phrases_and_pronouns(lexical_engine):
    ev, _ = _ev(lexical_engine, "can't catch my breath")
    assert ev == {"breathless": True}
    ev, _ = _ev(lexical_engine, "My gran fell and hit her head, she's been sick twice")
    assert ev["head_injury"] is True and ev["vomiting"] is True
    ev, _ = _ev(lexical_engine, "my knee is killing me")
    assert ev.get("joint_pain") is True
    ev, _ = _ev(lexical_engine, "I can keep water down")
    assert ev.get("persistent_vomiting") is False


def test_uncertain_is_not_recorded(lexical_engine):
    ev, ex = _ev(lexical_engine, "I'm not sure if I have a fever")
    assert "fever" not in ev and "fever" in ex.uncertain


def test_duration_severity_age_sex(lexical_engine):
    ev, ex = _ev(lexical_engine, "I'm a 45 year old man with chest pain for 2 hours, pain is 8/10")
    assert ex.age == 45 and ex.sex == "male"
    assert ex.duration_hours == 2
    assert ev["duration_under_1_day"] is True and ev["duration_over_2_weeks"] is False
    assert ev["severe_pain"] is True and ex.severity == "severe"
    _, ex = _ev(lexical_engine, "My 6 month old daughter has a cough for 3 days")
    assert abs(ex.age - 0.5) < 1e-6 and ex.sex == "female" and ex.duration_hours == 72
    _, ex = _ev(lexical_engine, "34 weeks pregnant with a headache")
    assert ex.age is None and ex.duration_hours is None  # 'weeks pregnant' is neither age nor duration
    assert nlu.extract_age("45F with cough") == 45 and nlu.extract_sex("45F with cough") == "female"


def test_embeddings_catch_unlisted_phrasing(engine, lexical_engine):
    text = "there's a ringing noise in my head"
    assert "tinnitus" not in _ev(lexical_engine, text)[0]
    ev, ex = _ev(engine, text)
    assert ev.get("tinnitus") is True
    assert any(m.method == "embedding" for m in ex.mentions)


def test_embeddings_do_not_invent_findings_for_small_talk(engine):
    ev, _ = _ev(engine, "I went to the shops and my car broke down")
    assert not any(v for v in ev.values())


def test_risk_factor_history_is_not_symptom_duration(lexical_engine):
    """A duration attached to smoking, drinking, a known condition or work is history, not the complaint's."""
    ev, ex = _ev(lexical_engine, "I've smoked for 35 years. I've had a cough for 3 days")
    assert ex.duration_hours == 72
    assert ev["duration_1_to_14_days"] is True and ev["duration_over_2_weeks"] is False
    _, ex = _ev(lexical_engine, "He's been diabetic for 15 years and his speech went slurred an hour ago")
    assert ex.duration_hours == 1
    _, ex = _ev(lexical_engine, "For 40 years I've smoked, and I've had chest pain for 2 hours")
    assert ex.duration_hours == 2
    _, ex = _ev(lexical_engine, "I've worked in a quarry for 30 years and had a cough for 4 days")
    assert ex.duration_hours == 96
    ev, ex = _ev(lexical_engine, "I've been drinking heavily for 20 years")
    assert ex.duration_hours is None and not any(f.startswith("duration_") for f in ev)
    ev, _ = _ev(lexical_engine, "I've smoked for years")  # the synonym 'for years' is the smoking's too
    assert not any(f.startswith("duration_") for f in ev)
    # a symptom's own duration still counts, however long, and so does a risk's flare-up
    _, ex = _ev(lexical_engine, "I've had headaches for 20 years")
    assert ex.duration_hours == 20 * 8760
    _, ex = _ev(lexical_engine, "My asthma has been bad for 3 days")
    assert ex.duration_hours == 72


def test_without_trying_and_other_pseudo_negations(lexical_engine):
    ev, _ = _ev(lexical_engine, "I've lost weight without trying")
    assert ev["weight_loss"] is True
    ev, _ = _ev(lexical_engine, "I've lost weight without trying, now coughing up blood")
    assert ev["weight_loss"] is True and ev["cough_blood"] is True
    ev, _ = _ev(lexical_engine, "Without any warning I got palpitations")
    assert ev["palpitations"] is True
    ev, _ = _ev(lexical_engine, "For no apparent reason I get a headache")
    assert ev["headache"] is True
    ev, _ = _ev(lexical_engine, "I'm not trying to lose weight but I'm not eating")
    assert "weight_loss" not in ev


def test_negation_still_works(lexical_engine):
    assert _ev(lexical_engine, "no fever")[0] == {"fever": False}
    assert _ev(lexical_engine, "without fever")[0] == {"fever": False}
    assert _ev(lexical_engine, "denies chest pain")[0] == {"chest_pain": False}
    ev, _ = _ev(lexical_engine, "a cough for five days without a fever or a headache")
    assert ev["cough"] is True and ev["fever"] is False and ev["headache"] is False
    ev, _ = _ev(lexical_engine, "I haven't lost a stone")
    assert ev["weight_loss"] is False


def test_quantified_weight_loss(lexical_engine):
    for text in ("I've lost a stone", "lost half a stone in two months", "I've lost 6 kg", "I lost 6kg",
                 "I've lost about 10 pounds", "I've dropped two dress sizes", "gone down a dress size"):
        assert _ev(lexical_engine, text)[0].get("weight_loss") is True, text
    for text in ("I passed a stone last year", "I'm trying to lose a stone", "I weigh 60 kg"):
        assert "weight_loss" not in _ev(lexical_engine, text)[0], text


def test_room_spinning_is_vertigo(lexical_engine):
    for text in ("when I roll over the room spins", "the room is spinning", "the room was spinning",
                 "the room has been spinning since this morning", "everything spins when I stand"):
        assert _ev(lexical_engine, text)[0].get("vertigo") is True, text
    assert _ev(lexical_engine, "my head is spinning")[0].get("dizziness") is True


def test_normal_form_leaves_be_out_and_collapses_quantities():
    toks = nlu.tokens("the room has been spinning and I lost half a stone")
    assert [t for t, _, _ in nlu.normal_form(toks)] == ["the", "room", "spinning", "and", "i", "lost", "#mass"]
    assert [t for t, _, _ in nlu.normal_form(nlu.tokens("dropped two dress sizes"))] == ["dropped", "#size"]
