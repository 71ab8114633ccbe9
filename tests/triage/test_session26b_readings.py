"""Session 26b (issue 12): safety of readings and levels. Sentences are our own words (not from any vignette set or
from docs/evals/triage-s26b's lists).

- a clause saying a body function works as it should is not sent to the embedding index (normal_state.yaml): a
  sentence embedding does not keep polarity, so it had read 'eyesight is clear' as blurred vision;
- the slow-pulse band follows NEWS2 (40 or less present, over 50 absent, 41-50 undecided);
- 'out of it' after a verb of motion is discharge, not drowsiness; a road accident is no incontinence;
- pre-eclampsia's own level is NG133's same-day assessment; its severe features with a raised reading in pregnancy
  are an emergency rule; a normal dose of paracetamol reads no overdose."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcore.knowledge import assertions
from medcore.triage import nlu, normal_state, vitals
from medcore.triage.tokens import _TOKEN
from tests.triage.nlu_reading import evidence as _ev

KB = Path(__file__).resolve().parents[2] / "assets" / "kb" / "triage"


def _chunks(lex, clause):
    words = list(_TOKEN.finditer(clause))
    read = [(words[s].start(), words[e - 1].end()) for s, e, _ in lex.find(clause)]
    return nlu._embed_chunks(lex, clause, read, assertions.load_rules("lay"), normal_state.load(str(KB)))


@pytest.mark.parametrize("clause", [
    "my breathing feels easy when I climb",
    "the little one is wetting nappies as usual",
    "my grip is still able to open jars",
])  # 'regularly' and 'all the way' left the list in the session 26 review (often not a normal in context)
def test_a_normal_state_clause_is_not_guessed_at(lex, clause):
    assert _chunks(lex, clause) == []


@pytest.mark.parametrize("clause", [
    "wobbly sort of feeling in my knuckles",  # no normal word: still guessed at
    "i can't wiggle my toes well",  # the normal word after a negation says the opposite
    "when i keep off bread i'm fine",  # a condition: what brings the complaint on, not a normal state
    "was sanding a metal pipe at work",  # 'work' is no normal-state word: 'at work' tells where an injury happened
])
def test_other_clauses_still_reach_the_index(lex, clause):
    assert _chunks(lex, clause) == [clause]


def test_normal_words_after_a_negation_do_not_count():
    ns = normal_state.load(str(KB))
    assert ns.says_normal("my bowels open normally")
    assert not ns.says_normal("my bowels don't open normally")
    assert not ns.says_normal("i am not well at all")
    assert not ns.says_normal("wellington boots rub my heel")  # a word, not a part of one


@pytest.mark.parametrize("text, want", [
    ("hr 38 on the monitor", True),
    ("pulse 40 at the pharmacy", True),
    # session 28: a measured 41-50 answers the finding's own question ('under about 40?') no (was undecided): it is
    # the low_pulse band (NEWS2 one point), and heart block's very slow pulse is not told
    # session 29: undecided again (None), with the measured low_pulse read: a 'no' had ruled heart block out
    ("pulse 44 this morning", None),
    ("pulse 49", None),
    ("pulse 64", False),
])
def test_slow_pulse_band_follows_news2(text, want):
    table = vitals.load(KB)
    (r,) = vitals.readings(text, table)
    assert vitals.findings(r, table, age=50).get("slow_pulse") is want


@pytest.mark.parametrize("text, fid, want", [
    ("yellow pus coming out of it since monday", "drowsy", None),
    ("the cut on my shin has stuff leaking out of it", "drowsy", None),
    ("totally out of it and hard to wake", "drowsy", True),
    ("hurt my neck in a road accident on friday", "incontinence", None),
    ("hurt my neck in a road accident on friday", "car_accident", True),
    ("had a little accident and wet myself", "incontinence", True),
    ("my throat feels like sandpaper today", "sore_throat", True),
    ("my throat feels like sandpaper today", "sandpaper_rash", None),
    ("i sleep all day and still feel worn out", "fatigue", True),
    ("i sleep all day and still feel worn out", "drowsy", None),
])
def test_phrase_guards(lex, text, fid, want):
    assert _ev(lex, text).get(fid) is want


@pytest.mark.parametrize("text", [
    "gave my little girl some calpol at bedtime for her ear",
    "took 2 paracetamol this morning for a sore head",
])
def test_a_normal_dose_is_no_overdose(lex, text):
    ev = _ev(lex, text)
    assert not ev.get("paracetamol_taken") and not ev.get("overdose_taken")


def test_a_pack_of_paracetamol_is_an_overdose(lex):
    ev = _ev(lex, "swallowed a whole packet of paracetamol an hour ago")
    assert ev.get("overdose_taken") is True


def test_raised_bp_in_pregnancy_feeling_well_is_urgent(lexical_engine):
    res, _ = lexical_engine.one_shot("29 weeks pregnant, blood pressure 144/93 at my antenatal visit, otherwise well",
                                     age=28, sex="female")
    assert res.triage == "urgent"


@pytest.mark.parametrize("extra", ["pounding headache since lunch", "pain under my right ribs",
                                   "my vision has gone blurry"])
def test_raised_bp_in_pregnancy_with_a_severe_feature_is_emergency(lexical_engine, extra):
    res, _ = lexical_engine.one_shot(f"33 weeks pregnant, blood pressure 150/98 today, {extra}", age=31, sex="female")
    assert res.triage == "emergency"


def test_pre_eclampsia_level_is_same_day(kb):
    assert next(c for c in kb.conditions if c.id == "pre_eclampsia").triage == "urgent"
    rules = {r.id: r for r in kb.rules}
    assert rules["pre_eclampsia_features"].level == "emergency"
