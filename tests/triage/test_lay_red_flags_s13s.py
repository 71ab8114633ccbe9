"""Session 13 (triage13s): red flags said in everyday words, after the emergencies that dev set s13 missed (lay
phrasings of a cord prolapse, meningism and compartment syndrome, and the compartment rules of BOAST 10). Sentences
written for these tests, not taken from any vignette."""

from __future__ import annotations

import pytest


def _one(engine, text, age, sex):
    res, _ = engine.one_shot(text, age=age, sex=sex)
    return res


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id for m in ex.mentions if m.present}


@pytest.mark.parametrize("text, expected", [
    ("I'm 37 weeks with my first and the waters have gone", {"pregnant", "late_pregnancy", "waters_broken"}),
    ("32 weeks gone, waters burst in the bath", {"pregnant", "late_pregnancy", "waters_broken"}),
    ("there's a loop of cord hanging down between my legs", {"cord_seen"}),
    ("he won't let us put his chin onto his chest and we can hardly keep him awake", {"stiff_neck"}),
    ("it is hard to wake him this afternoon", {"drowsy"}),
    ("she can't bear the light in the room", {"photophobia"}),
    ("my arm is broken and it's agony when I move my fingers", {"fracture_recent"}),
    ("I'm in a back slab and it hurts to move my toes", {"fracture_recent", "limb_tight_swollen"}),
])
def test_lay_red_flag_words_are_read(lexical_engine, text, expected):
    assert expected <= _read(lexical_engine, text)


def test_weeks_with_a_child_is_not_a_symptom_duration(lexical_engine):
    got = _read(lexical_engine, "35 weeks with my second baby and a headache")
    assert "duration_over_2_weeks" not in got and "late_pregnancy" in got


@pytest.mark.parametrize("text, age, sex", [
    ("About 36 weeks with our second. Waters burst ten minutes ago and there's a loop of cord hanging down.", 30,
     "female"),
    ("Temperature of 38.6, awful headache, he can't get his chin down to his chest and is hard to wake.", 20, "male"),
    ("Broke my forearm two days ago, now in a back slab. The pain is terrible, worse every hour, and my fingers "
     "have gone numb.", 30, "male"),
    ("Ankle is broken and in plaster; it hurts to move my toes and the pain is far beyond what it was.", 40, "female"),
])
def test_lay_red_flags_are_emergencies(lexical_engine, text, age, sex):
    assert _one(lexical_engine, text, age, sex).triage == "emergency"


def test_compartment_rules_need_a_recent_fracture(kb):
    rising = next(r for r in kb.rules if r.id == "compartment_pain_rising")
    assert rising.fires({"fracture_recent", "severe_pain", "numbness_tingling"})
    assert not rising.fires({"severe_pain", "numbness_tingling"})  # sciatica-like pain alone is not this rule
    signs = next(r for r in kb.rules if r.id == "compartment_signs")
    assert signs.fires({"fracture_recent", "limb_tight_swollen"})
    assert not signs.fires({"limb_tight_swollen"})


def _interview(engine, text, replies):
    from medcore.triage import chat

    st = chat.new_state()
    st = chat.set_demographics(engine, st, 30, "female")
    st = chat.user_message(engine, st, text)
    n = 0
    while st["pending"] and not st["finished"]:
        st = chat.answer(engine, st, replies(n))
        n += 1
        assert n < 40
    return n


def test_dont_know_answers_do_not_use_up_the_all_no_budget(lexical_engine):
    # a "don't know" tells the engine nothing: four of them at the start leave the all-'no' budget whole
    import copy
    import dataclasses

    own_only = copy.copy(lexical_engine)  # the engine's own questions only: no safety net, no red-flag cover
    own_only.engine_cfg = dataclasses.replace(lexical_engine.engine_cfg, safety_net_max=0, red_flag_cover_max=0)
    text = "I have a headache"
    all_no = _interview(own_only, text, lambda i: "no")
    mixed = _interview(own_only, text, lambda i: "unknown" if i < 4 else "no")
    assert mixed > all_no


@pytest.mark.parametrize("text, expected", [
    ("out of nowhere he went stiff and shook for a minute or so", {"seizure"}),
    ("since lunch everything went blurry", {"blurred_vision"}),
    ("my left hand trembles when I sit still", {"tremor"}),
    ("I am wide awake in the night and exhausted by day", {"poor_sleep"}),
    ("in summer my eyes go itchy", {"itchy_eyes"}),
    ("a sore lump on my gum beside a back tooth", {"gum_swelling", "tooth_pain"}),
    ("after two months backpacking around Thailand I have a fever", {"travel_tropics", "fever"}),
    ("I took all my tablets at once an hour ago", {"overdose_taken"}),
    ("sore throat and the glands in his neck are swollen", {"swollen_glands"}),
])
def test_everyday_words_for_findings(lexical_engine, text, expected):
    assert expected <= _read(lexical_engine, text)


@pytest.mark.parametrize("text", [
    "I've carried on taking all my tablets through this diarrhoea bug and now I feel faint",
    "she kept taking all her usual pills while she was vomiting",  # 'her pills' is no cue at all: a control
    "I'm still on all my medication and I keep being sick",
])
def test_carrying_on_with_usual_medicines_is_not_an_overdose(lexical_engine, text):
    guard, ex = lexical_engine.read_text(text)
    present = {m.finding_id for m in ex.mentions if m.present}
    assert not guard.self_harm_mention
    assert not present & {"overdose_taken", "suicidal_thoughts"}


def test_saying_you_can_swallow_denies_difficulty_swallowing(lexical_engine):
    _, ex = lexical_engine.read_text("My jaw is swollen but I can swallow and talk normally")
    assert ("difficulty_swallowing", False) in {(m.finding_id, m.present) for m in ex.mentions}


def test_swollen_neck_glands_are_not_a_neck_swelling(lexical_engine):
    # lymph glands up with a sore throat are tonsillitis-like, not the neck swelling of a deep neck abscess
    assert "neck_swelling" not in _read(lexical_engine, "my throat is sore and the neck glands are swollen")
