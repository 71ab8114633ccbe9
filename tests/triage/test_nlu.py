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
