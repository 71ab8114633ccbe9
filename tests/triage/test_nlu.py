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


def test_phrasal_cut_is_not_a_wound(lexical_engine):
    """'cut down/back/out' (a not_synonyms phrase of the wound) is no cut; a real cut still is."""
    for text in ("I've cut down on smoking", "I cut back on drinking", "I've cut out sugar",
                 "my doctor told me to cut it out"):
        assert "wound" not in _ev(lexical_engine, text)[0], text
    assert _ev(lexical_engine, "I've cut down on smoking")[0].get("smoker") is True
    for text in ("I cut my hand", "a deep cut on my leg", "I cut down a tree and cut my hand"):
        assert _ev(lexical_engine, text)[0].get("wound") is True, text


def test_bringing_up_phlegm_is_a_productive_cough(lexical_engine):
    for text in ("I've been bringing up phlegm", "bringing up green stuff", "coughing up mucus",
                 "coughing up sputum", "a cough bringing up clear phlegm"):
        assert _ev(lexical_engine, text)[0].get("productive_cough") is True, text
    ev, _ = _ev(lexical_engine, "I have a cough but no phlegm")
    assert ev["cough"] is True and ev["productive_cough"] is False
    assert _ev(lexical_engine, "blood in my phlegm")[0] == {"cough_blood": True}


def test_heart_started_pounding_is_palpitations(lexical_engine):
    for text in ("my heart started pounding", "my heart is pounding", "my heart was thumping",
                 "my heart has started racing", "my heart began thumping"):
        assert _ev(lexical_engine, text)[0].get("palpitations") is True, text
    toks = nlu.tokens("my heart has started pounding")
    assert [t for t, _, _ in nlu.normal_form(toks)] == ["my", "heart", "pounding"]
    assert [t for t, _, _ in nlu.normal_form(nlu.tokens("it started today"))] == ["it", "started", "today"]


def test_heart_started_to_pound_is_palpitations(lexical_engine):
    for text in ("my heart started to pound", "my heart began to race", "my heart has started to pound",
                 "out of nowhere my heart started to thump"):
        assert _ev(lexical_engine, text)[0].get("palpitations") is True, text
    assert [t for t, _, _ in nlu.normal_form(nlu.tokens("my heart started to pound"))] == ["my", "heart", "pounding"]
    # 'to' + a word that is not a verb stays as it is
    assert [t for t, _, _ in nlu.normal_form(nlu.tokens("it started to the left"))] == \
        ["it", "started", "to", "the", "left"]
    assert [nlu.gerund(v) for v in ("pound", "race", "throb", "flutter", "die", "see", "beat", "vomit")] == \
        ["pounding", "racing", "throbbing", "fluttering", "dying", "seeing", "beating", "vomiting"]


def test_frequency_is_not_a_duration(lexical_engine):
    for text in ("I take it 3 times a day", "I've been sick twice a day", "I wake every few hours",
                 "it happens once a week", "I smoke 20 a day", "a few days a week I get a headache",
                 "Hot flushes many times a day"):
        ev, ex = _ev(lexical_engine, text)
        assert ex.duration_hours is None and not any(f.startswith("duration_") for f in ev), text
    assert _ev(lexical_engine, "a headache twice a day for 3 days")[1].duration_hours == 72
    assert _ev(lexical_engine, "I had a cough a day ago")[1].duration_hours == 24


def test_onset_without_since(lexical_engine):
    cases = {"my headache started this morning": 6, "it began last night": 14, "it started this morning": 6,
             "I've been dizzy since I woke up yesterday": 30, "dizzy since I woke up": 6,
             "the pain came on this morning": 6, "the headache started on Monday": 96,
             "This morning my heart started pounding": 6, "I woke up this morning with a headache": 6,
             "Pain started around my belly button last night": 14}
    for text, hours in cases.items():
        assert _ev(lexical_engine, text)[1].duration_hours == hours, text
    # a time that is not the complaint's onset
    for text in ("I took paracetamol this morning", "I started taking ibuprofen last week",
                 "I started a new job last week", "I started running yesterday and my knee hurts",
                 "started on ramipril last week", "I was started on ramipril last week and now I have a dry cough",
                 "I started lisinopril yesterday", "began on a new tablet this morning"):
        ev, ex = _ev(lexical_engine, text)
        assert ex.duration_hours is None and not any(f.startswith("duration_") for f in ev), text
    # guards: a real onset still gives the complaint's duration, 'on' + a time is a time
    for text, hours in {"the pain started last week": 168, "it started on Monday": 96,
                        "my cough started on the weekend": 72, "the rash started on my arm yesterday": 30}.items():
        assert _ev(lexical_engine, text)[1].duration_hours == hours, text
