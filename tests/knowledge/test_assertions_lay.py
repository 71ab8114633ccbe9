"""The assertion engine on lay speech (profile `lay`): the symptom chat and the case trainer read through it."""

import pytest


# ---- lay speech (profile `lay`): the symptom chat and the case trainer read through the same engine ----------
def _read(lexicon, text):
    from medcore.triage import nlu

    ex = nlu.extract(text, lexicon)
    return ex.evidence(), ex


@pytest.mark.parametrize("text,finding,present", [
    ("I have not had a period for 3 months", "missed_period", True),  # a negated absent-phrase: present
    ("she hasn't had her period since June", "missed_period", True),
    ("I had my period last week", "missed_period", False),
    ("no cough, no temperature", "fever", False),  # "no temperature" carries its own cue: not a double negation
    ("no fever, cough or rash", "rash", False),  # a negation chains along a list
    ("no energy, I have had a cough for a week", "cough", True),  # ... but not into a new statement
    ("no fever and I have a cough", "cough", True),  # "and I" starts a new statement
    ("lost weight without trying", "weight_loss", True),  # a pseudo-negation: how, not whether
    ("my dad had a heart attack at 50", "family_history_heart", True),  # the relative is the finding's own word
    ("My gran fell and hit her head, she's been sick twice", "head_injury", True),  # the relative is the patient
])
def test_lay_assertions(lexicon, text, finding, present):
    ev, _ = _read(lexicon, text)
    assert ev.get(finding) is present, ev


def test_a_relatives_condition_is_not_the_patients(lexicon):
    ev, ex = _read(lexicon, "I have a cough and my mother has asthma")
    assert ev.get("cough") is True and "asthma_known" not in ev and ex.family == ["asthma_known"]
    ev, _ = _read(lexicon, "I have asthma and a cough")
    assert ev.get("asthma_known") is True  # guard: the patient's own asthma


def test_lay_uncertainty(lexicon):
    ev, ex = _read(lexicon, "I'm not sure if I have a fever")
    assert "fever" not in ev and ex.uncertain == ["fever"]
    ev, ex = _read(lexicon, "maybe a fever, definitely a headache")
    assert "fever" not in ev and ev.get("headache") is True


def test_one_engine_one_rules_file_for_every_tool():
    """No tool keeps its own cue words: the triage NLU and the records extractor both read the rules file."""
    import medcore.records.extract as rx
    import medcore.triage.nlu as nlu
    from medcore.knowledge import assertions

    for mod in (nlu, rx):
        assert not any(n in vars(mod) for n in ("NEG_PRE", "NEG_PSEUDO", "TERMINATORS", "UNCERTAIN", "AND_RESTART"))
    assert assertions.load_rules("lay").profile == "lay" and assertions.load_rules("clinical").profile == "clinical"


def test_engine_on_lay_spans_directly():
    from medcore.knowledge.assertions import assert_spans, load_rules

    lay = load_rules("lay")
    s = "no headache but my mum has migraine and i've got a rash"
    spans = [(s.index(w), s.index(w) + len(w)) for w in ("headache", "migraine", "rash")]
    assert assert_spans(s, spans, lay) == ["negated", "family", "present"]
