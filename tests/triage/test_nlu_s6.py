"""NLU readings of issue 12, session 6: a birth and heavy bleeding after it, fetal movements present, where a
negation stops, a relative who is the patient, and a named travel destination."""

from __future__ import annotations

import pytest


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence(), ex


@pytest.mark.parametrize("text", ["I had my baby 5 days ago and now I'm losing a lot of blood with clots",
                                  "Since my baby was born 10 days ago I have been bleeding heavily",
                                  "I gave birth last week and today I'm pouring with blood"])
def test_heavy_bleeding_after_a_birth_is_read(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get("recently_given_birth") is True
    assert ev.get("vaginal_bleeding") is True and ev.get("heavy_bleeding_soaking") is True
    res = lexical_engine.result(dict.fromkeys([f for f, v in ev.items() if v], "yes"), 29, "female", finished=True)
    assert res.triage == "emergency"


def test_a_parent_speaking_of_a_newborn_did_not_give_birth(lexical_engine):
    ev, ex = _ev(lexical_engine, "My baby was born 3 days ago and she is yellow and sleepy")
    assert not ev.get("recently_given_birth") and not ev.get("vaginal_bleeding")


def test_lots_of_blood_outside_pregnancy_is_not_obstetric(lexical_engine):
    ev, _ = _ev(lexical_engine, "my nose is bleeding and I'm losing lots of blood")
    assert not ev.get("heavy_bleeding_soaking") and not ev.get("vaginal_bleeding")


@pytest.mark.parametrize("text", ["I'm 30 weeks pregnant with a headache. Baby is moving well.",
                                  "34 weeks pregnant, the baby is moving normally, I have itchy feet",
                                  "I'm 36 weeks and I can feel the baby kicking as usual"])
def test_fetal_movements_present_are_a_negative_finding(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get("reduced_fetal_movements") is False


def test_fetal_movements_present_with_embeddings(engine):
    ev, _ = _ev(engine, "I'm 28 weeks pregnant and get tightenings now and then. Baby is moving well.")
    assert ev.get("reduced_fetal_movements") is not True


def test_reduced_fetal_movements_still_read(lexical_engine):
    ev, _ = _ev(lexical_engine, "I'm 35 weeks pregnant and the baby is moving less than usual")
    assert ev.get("reduced_fetal_movements") is True


@pytest.mark.parametrize("text,neg,pos", [
    ("no fever, cough or rash", ["fever", "cough", "rash"], []),
    ("I have no fever, cough or rash", ["fever", "cough", "rash"], []),
    ("no fever but cough", ["fever"], ["cough"]),
    ("no fever but a bad cough and a rash", ["fever"], ["cough", "rash"]),
    ("I have not had a fever, I have a cough", ["fever"], ["cough"]),
    ("I don't have a fever, my cough is getting worse", ["fever"], ["cough"]),
    ("no headache, there is a rash on my arm", ["headache"], ["rash"]),
])
def test_negation_reaches_its_list_and_stops_at_a_new_statement(lexical_engine, text, neg, pos):
    ev, _ = _ev(lexical_engine, text)
    for f in neg:
        assert ev.get(f) is False, (text, f, ev)
    for f in pos:
        assert ev.get(f) is True, (text, f, ev)


@pytest.mark.parametrize("text,own", [
    ("My mother has chest pain and she has diabetes", ["chest_pain", "diabetes_known"]),
    ("My mother says she has chest pain. She has high blood pressure and she is a smoker",
     ["chest_pain", "hypertension_known", "smoker"]),
    ("My mother finished antibiotics for a chest infection last week and now has diarrhoea",
     ["recent_antibiotics", "diarrhoea"]),
    ("My mother is a heavy drinker. She stopped drinking two days ago and is shaking and seeing things",
     ["heavy_drinking", "stopped_drinking", "hallucinations"]),
])
def test_a_relative_who_is_the_patient_keeps_their_own_findings(lexical_engine, text, own):
    ev, ex = _ev(lexical_engine, text)
    for f in own:
        assert ev.get(f) is True, (text, f, ev, ex.family)


@pytest.mark.parametrize("text,theirs,mine", [
    ("My mother has asthma. I have a cough and wheeze.", "asthma_known", ["cough", "wheeze"]),
    ("My son has a cough and a fever. His grandmother has asthma.", "asthma_known", ["cough", "fever"]),
    ("my dad has diabetes and I have been very thirsty", "diabetes_known", ["thirst"]),
])
def test_a_relatives_condition_is_still_not_the_patients(lexical_engine, text, theirs, mine):
    ev, ex = _ev(lexical_engine, text)
    assert not ev.get(theirs) and theirs in ex.family
    for f in mine:
        assert ev.get(f) is True, (text, f, ev)


@pytest.mark.parametrize("text", ["just back from Nigeria with a fever", "I got back from Thailand last week",
                                  "returned from Brazil 5 days ago and have a headache",
                                  "I came back from visiting family in Ghana and feel hot and shivery"])
def test_a_named_tropical_destination_is_travel_to_the_tropics(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get("travel_tropics") is True


@pytest.mark.parametrize("text", ["just back from Spain with diarrhoea", "my friend from Brazil has a cold",
                                  "I live in Thailand and have a cough"])
def test_no_travel_without_a_tropical_destination_and_a_cue(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert not ev.get("travel_tropics")


def test_no_trip_is_negated(lexical_engine):
    ev, _ = _ev(lexical_engine, "I have not been to Kenya, I have a fever")
    assert ev.get("travel_tropics") is False and ev.get("fever") is True


def test_one_home_for_travel_destinations(kb):
    from pathlib import Path

    import yaml

    assert "travel_named_country" not in kb.finding_index
    doc = yaml.safe_load((Path(kb.source_files[0]).parent / "travel.yaml").read_text())
    assert doc["source"] and "nigeria" in doc["destinations"]["africa"]
    assert not any(f.id != "travel_tropics" and "thailand" in f.synonyms for f in kb.findings)


@pytest.mark.parametrize("text", ["I was bitten by a stray dog in India two days ago", "I got ill on holiday, in Kenya"])
def test_a_stay_at_a_tropical_destination_without_a_cue(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert ev.get("travel_tropics") is True


@pytest.mark.parametrize("text", ["after a coughing fit I saw blood in my eye", "I get sneezing fits every morning",
                                  "I am fit and well apart from a rash"])
def test_a_coughing_fit_is_not_a_seizure(lexical_engine, text):
    ev, _ = _ev(lexical_engine, text)
    assert not ev.get("seizure")


def test_bitten_by_a_stray_dog_is_an_animal_bite(lexical_engine):
    ev, _ = _ev(lexical_engine, "a stray dog bit me on the hand, I was bitten by a stray dog yesterday")
    assert ev.get("animal_bite") is True


def test_the_speakers_own_body_part_says_the_speaker_is_the_patient(lexical_engine):
    ev, ex = _ev(lexical_engine, "My dad has diabetes. My chest is tight and my arm aches")
    assert not ev.get("diabetes_known") and "diabetes_known" in ex.family
