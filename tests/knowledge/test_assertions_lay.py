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


# ---- session 11: negation scope of a cue inside a matched phrase, and a new clause after a comma -------------
def _lay_spans(sentence, words):
    from medcore.knowledge.assertions import assert_spans, load_rules

    spans = [(sentence.index(w), sentence.index(w) + len(w)) for w in words]
    return assert_spans(sentence, spans, load_rules("lay"))


@pytest.mark.parametrize("sentence,words,expected", [
    # the phrase's own "hasn't" is masked for the phrase itself but still negates what "or" joins to it
    ("my son hasn't opened his bowels or even passed wind", ["hasn't opened his bowels", "passed wind"],
     ["present", "negated"]),
    ("she hasn't slept nor eaten", ["hasn't slept", "eaten"], ["present", "negated"]),
    ("not passed any urine or had a poo or passed wind today", ["not passed any urine", "had a poo", "passed wind"],
     ["present", "negated", "negated"]),
])
def test_a_cue_inside_a_phrase_still_negates_what_or_joins_to_it(sentence, words, expected):
    assert _lay_spans(sentence, words) == expected


@pytest.mark.parametrize("sentence,words,expected", [
    # "and" or a comma may start a positive statement: the phrase's own cue stays its own
    ("she hasn't slept and has a rash", ["hasn't slept", "rash"], ["present", "present"]),
    ("he hasn't slept, coughing all night", ["hasn't slept", "coughing"], ["present", "present"]),
    # a cue inside the phrase that does not open it carries nothing
    ("the bleeding has not stopped or the rash", ["bleeding has not stopped", "rash"], ["present", "present"]),
])
def test_a_phrase_cue_does_not_cross_and_or_a_comma(sentence, words, expected):
    assert _lay_spans(sentence, words) == expected


@pytest.mark.parametrize("sentence,words,expected", [
    # a comma before a new subject and its verb starts a new statement
    ("he has not passed wind since monday, his belly is really swollen", ["passed wind", "belly is really swollen"],
     ["negated", "present"]),
    ("no temperature, her neck feels stiff", ["temperature", "neck feels stiff"], ["negated", "present"]),
    # a list after the comma is still negated as a whole
    ("no cough, runny nose or earache", ["cough", "runny nose", "earache"], ["negated", "negated", "negated"]),
])
def test_a_comma_before_a_new_subject_ends_the_negation(sentence, words, expected):
    assert _lay_spans(sentence, words) == expected


def test_chat_reads_swelling_after_a_negated_clause(lexicon):
    ev, _ = _read(lexicon, "she hasn't passed wind since noon, her tummy is bloated")
    assert ev.get("no_flatus") is True and ev.get("bloating") is True, ev
