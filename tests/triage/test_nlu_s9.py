"""One-shot red-flag readings of issue 12, session 9 (findings.yaml more_synonyms, red_flags.yaml): the lay words
for severe breathlessness, orthopnoea, drooling, a muffled voice and pain out of proportion that the s8b blind run
missed, the two new rules, and near misses they must not catch."""

from __future__ import annotations

import pytest


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text, finding", [
    ("Since this morning I can hardly breathe", "breathless_severe"),
    ("I can't get my breath at all", "breathless_severe"),
    ("I had to sleep sitting up last night", "breathless_lying"),
    ("My ankles have blown up", "ankle_swelling"),
    ("I've had heart trouble for years", "heart_disease_known"),
    ("I can't swallow my own spit", "drooling"),
    ("The pain in my arm is far worse than it looks", "skin_pain_out_of_proportion"),
    ("The red area is spreading by the hour", "spreading_redness"),
    ("Now she doesn't know where she is", "acute_confusion"),
    ("He is sweating and hallucinating", "hallucinations"),
    ("For three days my left calf has ached", "calf_pain"),
    ("I woke with my big toe joint red and swollen", "big_toe_pain"),
])
def test_red_flag_phrasing_is_read(lexical_engine, text, finding):
    assert _ev(lexical_engine, text).get(finding) is True


def test_history_duration_is_not_the_complaints(lexical_engine):
    # 'heart trouble for years' dates the history; 'since last night' dates the breathlessness
    _, ex = lexical_engine.read_text("I've had heart trouble for years. Since last night I can't get my breath.")
    assert ex.evidence().get("duration_under_1_day") is True


def test_negation_stays_in_its_phrase(lexical_engine):
    # 'doesn't know where she is' is read as confusion, so its "doesn't" no longer negates what follows
    ev = _ev(lexical_engine, "Now she doesn't know where she is, is agitated, sweating and hallucinating.")
    assert ev.get("acute_confusion") is True and ev.get("sweating") is True


def test_still_walking_is_weight_bearing(engine):
    # with MiniLM on: the embedding fallback had read "I can still walk on it" as cannot bear weight
    ev = _ev(engine, "I twisted my ankle. It's swollen but I can still walk on it with a limp.")
    assert ev.get("cannot_bear_weight") is False
    assert _ev(engine, "I twisted my ankle and now I can't walk on it").get("cannot_bear_weight") is True


def test_near_misses(lexical_engine):
    assert not _ev(lexical_engine, "I get out of breath running for the bus").get("breathless_severe")
    assert not _ev(lexical_engine, "The rash looks worse than it feels").get("skin_pain_out_of_proportion")


def test_agonisingly_is_severe():
    from medcore.triage.demographics import extract_severity

    assert extract_severity("my throat got agonisingly sore") == "severe"


@pytest.mark.parametrize("text, rule", [
    ("I cut my leg two days ago and now the pain is far worse than it looks.", "necrotising_infection"),
    ("Since last night I get breathless when I lie down and had to sleep sitting up.", "acute_orthopnoea"),
    ("He stopped drinking two days ago and now he is hallucinating.", "withdrawal_delirium"),
])
def test_new_rules_fire(lexical_engine, text, rule):
    res, _ = lexical_engine.one_shot(text, age=60, sex="male")
    assert rule in {r["id"] for r in res.fired_rules} and res.triage == "emergency"


def test_orthopnoea_for_weeks_is_not_the_acute_rule(lexical_engine):
    res, _ = lexical_engine.one_shot("For six weeks I've had to sleep propped up on pillows to breathe and my ankles "
                                     "swell.", age=75, sex="female")
    assert "acute_orthopnoea" not in {r["id"] for r in res.fired_rules}


def test_more_synonyms_must_name_known_findings(tmp_path):
    import shutil

    import yaml

    from medcore.config import Settings
    from medcore.triage.kb import KBError, load_kb

    src = Settings.load(secrets={}).kb_dir / "triage"
    d = tmp_path / "triage"
    shutil.copytree(src, d)
    doc = yaml.safe_load((d / "findings.yaml").read_text())
    doc["more_synonyms"]["made_up_finding"] = ["something"]
    (d / "findings.yaml").write_text(yaml.safe_dump(doc))
    with pytest.raises(KBError, match="made_up_finding"):
        load_kb(d)


@pytest.mark.parametrize("text, absent, present", [
    # a bare "dribbling" was a weak-urine-stream synonym, so teething babies and sore throats got a urinary finding
    ("My 1 year old is dribbling a lot and chewing everything", "weak_stream", "teething_signs"),
    ("My throat is so sore I'm dribbling", "weak_stream", "sore_throat"),
    ("My stream is weak and I keep dribbling urine afterwards", None, "weak_stream"),
])
def test_dribbling_is_urinary_only_with_a_urine_word(lexical_engine, text, absent, present):
    ev = _ev(lexical_engine, text)
    assert ev.get(present) is True
    if absent:
        assert ev.get(absent) is not True
