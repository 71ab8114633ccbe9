"""The symptom chat (and the case trainer, which reads questions with the same NLU) matches its phrases with
the knowledge layer's matcher: its normalisation (full-width and look-alike letters, UK/US spellings,
plurals) now applies to the chat, and the chat's own rules (absent phrases, blockers, the normal form, a
parent's 'her' read as 'my', a body part with a pain word) still hold."""

from __future__ import annotations

import pytest

from medcore.knowledge.match import Matcher
from tests.triage.nlu_reading import evidence as _ev


def test_the_chat_reads_through_the_one_matcher(lex):
    assert isinstance(lex.table.matcher, Matcher)
    import medcore.triage.lexicon as mod

    assert not hasattr(mod, "_match_clause")  # no phrase-matching loop of its own


@pytest.mark.parametrize("text, finding", [
    ("I have a \uff43\uff4f\uff55\uff47\uff48", "cough"),  # full-width letters
    ("I have a \u0441ough", "cough"),  # a Cyrillic 'с'
    ("bloody diarrhea since Monday", "bloody_diarrhoea"),  # US spelling of the KB's 'bloody diarrhoea'
    ("I think I have hemorrhoids", "anal_lump"),  # the KB writes 'haemorrhoids'
    ("my ears feel blocked", "hearing_loss"),  # plural of 'ear feels blocked'
    ("I keep getting headaches", "headache"),  # -aches folds to -ache
])
def test_knowledge_normalisation_reaches_the_chat(lex, kb, text, finding):
    assert finding in kb.finding_index
    assert _ev(lex, text).get(finding) is True


def test_absent_phrases_and_blockers_still_work(lex):
    ev = _ev(lex, "I've been sick but I can keep fluids down")
    assert ev.get("persistent_vomiting") is False
    # negated, an absent phrase says the finding is present
    assert _ev(lex, "she is not keeping fluids down").get("persistent_vomiting") is True


def test_a_blocker_wins_over_a_shorter_synonym(lex, kb):
    blocked = [(f.id, p) for f in kb.findings for p in f.not_synonyms]
    assert blocked, "the KB has not_synonyms"
    for fid, phrase in blocked:
        assert lex.ids_of(phrase) and all(i.startswith("~") for i in lex.ids_of(phrase) if i.endswith(fid))
    # 'cut down' blocks the wound synonym 'cut'; 'side of my chest' blocks flank pain
    assert "wound" not in _ev(lex, "I cut down on smoking") and _ev(lex, "I cut myself").get("wound") is True
    ev = _ev(lex, "a sharp pain in the side of my chest")
    assert "flank_pain" not in ev and ev.get("chest_pain") is True


def test_normal_form_perspective_and_body_pain_still_work(lex):
    assert _ev(lex, "the room has been spinning").get("vertigo") is True  # 'room spinning', without 'has been'
    assert _ev(lex, "I've lost half a stone").get("weight_loss") is True  # a quantity collapsed
    assert _ev(lex, "she fell and hit her head").get("head_injury") is True
    assert _ev(lex, "my knee is killing me").get("joint_pain") is True


def test_coordinated_parts_share_a_located_pain(lex):
    # a part joined to a located pain phrase shares its pain; a part that starts a clause of its own does not
    assert _ev(lex, "pain in her legs and tummy").get("abdominal_pain") is True
    assert _ev(lex, "chest pain and my arm").get("limb_pain") is True
    assert "neck_pain" not in _ev(lex, "I have a headache and my neck is stiff")


def test_body_pain_reads_parts_with_the_matchers_folding(lex):
    # the chat's old stemmer left four-letter plurals alone ('legs', 'ears'); the matcher's word keys fold them
    assert _ev(lex, "both my legs are aching at night").get("limb_pain") is True
    assert _ev(lex, "my ears are really sore").get("ear_pain") is True
    assert "ear_pain" not in _ev(lex, "my ears are fine, I just feel tired")


def test_a_located_pain_phrase_is_read_whole_when_a_severity_match_took_its_pain_word(lex):
    # 'terrible pain' (severity) takes the word 'pain'; 'pain behind my eyes' is still the KB's phrase for pain
    # around the eye (retro-orbital, a headache feature), not the eyes' own pain
    ev = _ev(lex, "high fever, terrible pain behind my eyes")
    assert "eye_pain" not in ev and ev.get("headache_around_eye") is True and ev.get("severe_pain") is True
    # a part that is the place of the pain is still composed as its own pain
    assert _ev(lex, "terrible pain in my eyes").get("eye_pain") is True
    assert _ev(lex, "a sore bony lump just below his kneecap").get("joint_pain") is True
