"""Session 26 review fixes (issue 12). Sentences are our own words (reworded, not from any vignette set).

- a denial of a normal in the phrase's own list item still denies it ("he isn't feeding as normal"); only a negation
  of an EARLIER list item ('no sciatica, bowels and bladder normal') leaves the normal a normal;
- a chunk with a normal word and a contrast ('my hearing is fine but ...') still sends its other part to the index;
- a vital reading's chunk is not guessed at by the index ('my pulse is 58' is no slow pulse);
- pre-eclampsia's emergency rules hold in a pregnancy of unknown stage, not before 20 weeks."""

from __future__ import annotations

import pytest

from medcore.triage import nlu, normal_state
from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, fid", [
    ("my little one isn't feeding as normal since last night", "not_feeding"),
    ("the baby is not feeding ok today and feels hot", "not_feeding"),
    ("he's not swallowing ok at all", "difficulty_swallowing"),
    ("he is not breathing fine, he's 3 and whistling on each breath", "breathless"),
    ("I don't think her movements are normal since lunch, 35 weeks gone", "reduced_fetal_movements"),
])
def test_a_normal_denied_in_its_own_item_is_still_denied(lex, text, fid):
    ev = _ev(lex, text)
    assert ev.get(fid) is True, (text, ev)


def test_a_normal_after_an_earlier_negated_item_stays_normal(lex):
    ev = _ev(lex, "lower back ache after lifting, no leg numbness, bladder and bowels normal")
    assert ev.get("incontinence") is not True and ev.get("diarrhoea") is not True, ev


def test_a_normal_state_the_kb_names_phrase_final_words(kb):
    import os
    ns = normal_state.load(os.path.dirname(kb.source_files[0]))
    assert ns.phrase_final.search("bowels normal") and ns.phrase_final.search("temp is stable")
    assert not ns.phrase_final.search("not eating normally")


def test_contrast_parts(kb):
    import os
    ns = normal_state.load(os.path.dirname(kb.source_files[0]))
    assert ns.parts("my hearing is fine but a grey shadow is creeping over my left eye") == [
        "my hearing is fine ", " a grey shadow is creeping over my left eye"]


def test_the_other_half_of_a_contrast_goes_to_the_index(lex, kb):
    import os
    from medcore.knowledge import assertions
    ns = normal_state.load(os.path.dirname(kb.source_files[0]))
    clause = "my hearing is fine but a grey shadow is creeping over my left eye"
    out = nlu._embed_chunks(lex, clause, [], assertions.load_rules("lay"), ns)
    assert out == ["a grey shadow is creeping over my left eye"]
    # the normal part alone is still kept back
    assert nlu._embed_chunks(lex, "my hearing is fine these days", [], assertions.load_rules("lay"), ns) == []


@pytest.mark.parametrize("word", ["clear", "easily", "regular", "all the way"])
def test_words_often_abnormal_in_context_are_no_normal_state(kb, word):
    import os
    ns = normal_state.load(os.path.dirname(kb.source_files[0]))
    assert not ns.says_normal(f"there is something {word} here")


@pytest.mark.parametrize("text", ["my heart rate is 57 this morning", "my pulse is 52 at rest"])
def test_a_vital_reading_is_not_sent_to_the_index(lex, text):
    p = nlu.prepare(text, lex, True)
    assert p.chunks == [], p.chunks


@pytest.mark.parametrize("text", [
    "i am pregnant and have had a thumping headache all day and now my face looks swollen",
    "pregnant, awful headache since this morning and pain under my right ribs",
])
def test_pre_eclampsia_symptoms_of_unknown_stage_are_emergency(lexical_engine, text):
    res, _ = lexical_engine.one_shot(text, age=30, sex="female")
    assert res.triage == "emergency", res.triage


def test_pre_eclampsia_rules_not_before_20_weeks(kb):
    rules = {r.id: r for r in kb.rules}
    for rid in ("pre_eclampsia_symptoms", "pre_eclampsia_features"):
        assert "pregnant" in rules[rid].all and "early_pregnancy_weeks" in rules[rid].none


@pytest.mark.parametrize("text", [
    "my son has a purple rash that won't go away when i press a glass on it and he is hot",
    "the blotches on her legs didn't go away when i pressed a glass on them",
])
def test_the_glass_test_told_with_other_verbs_is_a_non_blanching_rash(lex, text):
    assert _ev(lex, text).get("non_blanching_rash") is True


def test_a_glass_test_rash_in_a_toddler_is_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("purple blotchy rash on his tummy that wouldn't fade under the glass", age=3)
    assert res.triage == "emergency", res.triage


def test_plenty_of_wet_nappies_is_kept_from_the_index(lex):
    assert nlu.prepare("she is still having plenty of wet nappies", lex, True).chunks == []
