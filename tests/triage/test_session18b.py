"""Session 18 (issue 12, triage18b): readings of the symptom chat's NLU. Sentences are our own words.

- a relative's own illness is family history, not the patient's ('her mother had a facial palsy', 'strokes run in
  the family'), while a relative's current symptoms still describe the patient (triage/relatives.py);
- the body part decides what 'prolapse' means ('lumbar disc prolapse' is no vaginal bulge: findings.yaml
  body_states);
- clinician words mapped to existing findings through their HPO terms (finding_hpo.yaml clinical_terms);
- chest pain 'going down his left arm' is radiating chest pain (qualifiers.yaml `then`);
- feeling faint is presyncope (dizziness), not a collapse; 'can't catch my breath' is breathlessness, not the
  cannot-speak-in-sentences sign;
- with known COPD an SpO2 of 88-92% is read as the BTS target range (vitals.yaml `with`)."""

from __future__ import annotations

import pytest

from medcore.triage import nlu
from tests.triage.nlu_reading import evidence as _ev


@pytest.fixture(scope="module")
def lex(lexical_engine):
    """The app's lexicon: the KB's phrases and the shared terminology's clinical words (finding_hpo.yaml)."""
    return lexical_engine.lexicon


def _family(lex, text):
    return set(nlu.extract(text, lex).family)


# --- a relative's illness --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, finding", [
    ("Her mother had a facial palsy when she was younger.", "face_droop"),
    ("his dad had a seizure disorder", "seizure"),
    ("Seizures run in the family.", "seizure"),
    ("my brother had a stroke at 45 and now I have a bad headache", None),
])
def test_a_relatives_illness_is_not_the_patients(lex, text, finding):
    ev = _ev(lex, text)
    if finding:
        assert finding not in ev or ev[finding] is False
        assert finding in _family(lex, text)


def test_a_relatives_heart_attack_or_stroke_is_a_family_history_of_heart_disease(lex):
    assert _ev(lex, "her father died of a heart attack at 55").get("family_history_heart") is True
    ev = _ev(lex, "my brother had a stroke at 45 and now I have a bad headache")
    assert ev.get("family_history_heart") is True and ev.get("headache") is True
    assert _ev(lex, "his mum has migraines too").get("family_history_migraine") is True


@pytest.mark.parametrize("text, finding", [
    ("my grandad fell down the stairs and banged his head", "head_injury"),
    ("I'm really worried, my husband had crushing chest pain 20 minutes ago", "chest_pain_crushing"),
    ("my mum has a facial droop and slurred speech since this morning", "face_droop"),
    ("her mother found her collapsed in the kitchen", "collapse"),
])
def test_a_relatives_symptoms_still_describe_the_patient(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


# --- prolapse by site ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I was told I have a lumbar disc prolapse and my back hurts",
                                  "history of a prolapsed disc in my lower back", "she has mitral valve prolapse"])
def test_a_spinal_or_valve_prolapse_is_no_vaginal_bulge(lex, text):
    assert "vaginal_bulge" not in _ev(lex, text)


def test_prolapse_keeps_its_pelvic_sense_and_the_rectum_is_a_lump(lex):
    assert _ev(lex, "I think I have a prolapse, there is a dragging feeling").get("vaginal_bulge") is True
    assert _ev(lex, "my womb has prolapsed after my third baby").get("vaginal_bulge") is True
    ev = _ev(lex, "a rectal prolapse comes out when I strain")
    assert ev.get("anal_lump") is True and "vaginal_bulge" not in ev


# --- clinician words ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, finding", [
    ("Two weeks of lethargy and poor appetite.", "fatigue"),
    ("He reports tenesmus and mucus per rectum.", "rectal_pain"),
    ("On examination there is hepatomegaly.", "abdominal_lump"),
    ("Ascites is noted.", "bloating"),
    ("Sudden focal weakness this morning.", "arm_weakness"),
    ("A left hemiparesis on examination.", "arm_weakness"),
    ("The episode was preceded by lightheadedness.", "dizziness"),
    ("Bilateral band-like headaches most afternoons.", "headache_band"),
    ("A past history of mania.", "elevated_mood"),
    ("A change in bowel habit to looser stools.", "diarrhoea"),
])
def test_clinician_words_read_as_their_findings(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


def test_clinician_negatives(lex):
    assert _ev(lex, "Urine pregnancy test negative.").get("pregnant") is False
    assert _ev(lex, "She was able to bear weight straight after the injury.").get("cannot_bear_weight") is False


# --- radiation of chest pain -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["crushing chest pain going down his left arm",
                                  "tight chest with the pain spreading into my jaw",
                                  "central chest pressure radiating to the neck and left arm"])
def test_chest_pain_going_to_the_arm_or_jaw_radiates(lex, text):
    assert _ev(lex, text).get("chest_pain_radiating") is True


@pytest.mark.parametrize("text", ["my chest pain is going down now after the tablets",
                                  "pain going down my left leg from my back"])
def test_a_direction_word_without_arm_or_jaw_is_no_radiation(lex, text):
    assert "chest_pain_radiating" not in _ev(lex, text)


# --- feeling faint, catching one's breath ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I keep feeling faint", "felt like I was about to faint in the queue"])
def test_feeling_faint_is_presyncope_not_a_collapse(lex, text):
    ev = _ev(lex, text)
    # session 21: presyncope is a finding of its own; it implies dizziness (findings.yaml implies, the engine's closure)
    assert ev.get("presyncope") is True and "collapse" not in ev


def test_feeling_faint_on_standing_is_that_finding(lex):
    ev = _ev(lex, "she felt faint on standing up")
    assert ev.get("lightheaded_standing") is True and "collapse" not in ev


def test_passing_out_is_still_a_collapse(lex):
    assert _ev(lex, "he fainted in the shower and was out for a minute").get("collapse") is True


def test_cannot_catch_breath_is_breathlessness_not_the_severe_sign(lex):
    # BTS/SIGN 158 and NHS.uk 'Shortness of breath': the emergency sign is too breathless to speak in sentences
    ev = _ev(lex, "I can't catch my breath")
    assert ev.get("breathless") is True and "breathless_severe" not in ev
    assert _ev(lex, "I can't catch my breath and can't finish a sentence").get("breathless_severe") is True


# --- known COPD and oxygen saturation ----------------------------------------------------------------------------
def test_copd_saturation_in_the_target_range_is_read_as_such(lex):
    ev = _ev(lex, "I have COPD and my sats are 90% on my home monitor")
    assert ev.get("spo2_copd_target") is True and ev.get("low_oxygen") is True
    assert _ev(lex, "known COPD, oxygen saturation 84%").get("spo2_copd_target") is False
    assert "spo2_copd_target" not in _ev(lex, "oxygen saturation 90% on air")
