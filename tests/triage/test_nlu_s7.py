"""NLU readings of issue 12, session 7: a deep vein thrombosis after a long-haul flight, and a time counted from an
operation ("two weeks after my operation") that is recent surgery, not how long the symptoms have lasted. Written
failing first."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

DURATIONS = ("duration_under_1_day", "duration_1_to_14_days", "duration_over_2_weeks")


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


# ---- a time after an operation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["I got short of breath two weeks after my operation",
                                  "My leg is swollen, two weeks after my hip replacement",
                                  "I'm two weeks post op and my calf is swollen",
                                  "Two weeks after my hip surgery my leg swelled up",
                                  "Ten days following my operation my chest started to hurt"])
def test_time_after_an_operation_is_recent_surgery_not_a_duration(lexical_engine, text):
    ev = _ev(lexical_engine, text)
    assert ev.get("immobility_surgery") is True
    assert not any(ev.get(d) for d in DURATIONS)


@pytest.mark.parametrize("text, duration", [("I've had a cough for two weeks", "duration_1_to_14_days"),
                                            ("My knee has been painful for three days after a fall",
                                             "duration_1_to_14_days"),
                                            ("I have had a headache for 3 months", "duration_over_2_weeks")])
def test_a_symptom_duration_is_still_read(lexical_engine, text, duration):
    assert _ev(lexical_engine, text).get(duration) is True


def _about(text: str, keyword: str, unless: tuple[str, ...]) -> bool:
    low = text.lower()
    return keyword in low and not any(u in low for u in unless)


def _fake_embedder(keyword: str, unless: tuple[str, ...], dim: int = 512):
    """A tiny deterministic stand-in for MiniLM: every text holding `keyword` (and none of `unless`) is one point,
    every other text a point of its own (so an unmatched chunk about the operation reads as the operation's
    finding, as MiniLM does)."""

    def fake_embed(texts):
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, t in enumerate(texts):
            k = 0 if _about(t, keyword, unless) else 1 + sum(map(ord, t.lower())) * 7919 % (dim - 1)
            out[i, k] = 1.0
        return out

    return fake_embed


def test_embedding_read_operation_time_is_not_a_duration(kb, tmp_path):
    """With embeddings on (a fake index that reads any chunk about an operation as recent surgery, as MiniLM does),
    'two weeks after my operation' is still recent surgery and its 'two weeks' not the complaint's duration."""
    from medcore.config import Settings
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    unless = ("eye", "cataract")
    operation = [f.id for f in kb.findings if any(_about(s, "operation", unless) for s in f.synonyms)]
    assert operation == ["immobility_surgery"]  # the fake index needs one finding owning the word
    ecfg, tcfg = load_configs(Settings.load(secrets={}).kb_dir)
    eng = TriageEngine(kb, embed_fn=_fake_embedder("operation", unless), cache_dir=tmp_path, engine_cfg=ecfg,
                       triage_cfg=tcfg)
    assert eng.embeddings is not None
    ev = _ev(eng, "I got short of breath two weeks after my operation, my calf became swollen and painful")
    assert ev.get("immobility_surgery") is True
    assert not any(ev.get(d) for d in DURATIONS)


@pytest.mark.parametrize("text", ["two weeks after the operation",
                                  "I got short of breath two weeks after my operation",
                                  "Two weeks after the operation, my calf became swollen and painful"])
def test_minilm_operation_time_is_not_a_duration(engine, text):
    ev = _ev(engine, text)
    assert ev.get("immobility_surgery") is True
    assert not any(ev.get(d) for d in DURATIONS)


# ---- deep vein thrombosis after a long-haul flight (NICE NG158, NICE CKS "Deep vein thrombosis") ---------------

DVT_STORY = "my calf has been swollen and sore since I flew back from Australia last week"


@pytest.mark.parametrize("text", [DVT_STORY,
                                  "Since a long flight home from Australia last week my left calf has been swollen, "
                                  "tender and warm",
                                  "I flew back from New York three days ago and now my right calf is painful and "
                                  "swollen"])
def test_calf_swelling_after_a_long_haul_flight_is_read(lexical_engine, text):
    ev = _ev(lexical_engine, text)
    assert ev.get("immobility_surgery") is True
    assert ev.get("calf_pain") is True and ev.get("leg_swelling_one") is True
    assert ev.get("duration_1_to_14_days") is True


def _one_shot(engine, text):
    res, _ = engine.one_shot(text)
    return res.triage, [d.id for d in res.differential]


@pytest.mark.parametrize("text", [DVT_STORY, "Since a long flight home from Australia last week my left calf has been "
                                              "swollen, tender and warm, and it aches when I walk"])
@pytest.mark.parametrize("fixture", ["lexical_engine", "engine"])
def test_dvt_after_a_long_haul_flight_is_at_least_urgent(request, fixture, text):
    level, ranked = _one_shot(request.getfixturevalue(fixture), text)
    assert "dvt" in ranked[:3]
    assert level in ("urgent", "emergency")


@pytest.mark.parametrize("text", ["I flew back from Spain last week and my calf is sore",
                                  "I live in Australia and my calf is sore",
                                  "My brother flew back from Australia last week"])
def test_no_long_journey_without_a_long_haul_trip_of_the_patient(lexical_engine, text):
    assert not _ev(lexical_engine, text).get("immobility_surgery")


def test_one_home_for_long_haul_destinations(kb):
    doc = yaml.safe_load((Path(kb.source_files[0]).parent / "travel.yaml").read_text())
    long_haul = doc["long_haul"]
    assert long_haul["finding"] == "immobility_surgery" and long_haul["source"]
    assert "australia" in long_haul["destinations"]
    assert not any("australia" in s for f in kb.findings for s in f.synonyms)


def test_a_stay_abroad_is_not_itself_a_long_journey(lexical_engine):
    ev = _ev(lexical_engine, "On holiday in Mexico, since yesterday I've had loose watery stools")
    assert ev.get("travel_tropics") is True and not ev.get("immobility_surgery")


@pytest.mark.parametrize("text, duration", [("For the last hour my heart has been pounding", "duration_under_1_day"),
                                            ("I've been coughing over the past week", "duration_1_to_14_days"),
                                            ("My heart is going at 180 beats a minute since this morning",
                                             "duration_under_1_day")])
def test_last_hour_is_a_duration_and_a_heart_rate_is_not(lexical_engine, text, duration):
    _, ex = lexical_engine.read_text(text)
    assert ex.evidence().get(duration) is True
    assert ex.duration_hours is not None and ex.duration_hours > 0.5


def test_cramp_in_the_calf_is_a_muscle_cramp(lexical_engine):
    assert _ev(lexical_engine, "I'm woken at night by a cramp in my calf").get("muscle_cramps") is True


def test_back_passage_is_not_the_back(lexical_engine):
    ev = _ev(lexical_engine, "I have a throbbing pain next to my back passage")
    assert ev.get("perineal_pain") is True and not ev.get("back_pain")


def test_the_bottom_of_the_heel_is_heel_pain_not_the_bottom(lexical_engine):
    ev = _ev(lexical_engine, "For two months the bottom of my heel has hurt when I get out of bed")
    assert ev.get("heel_pain") is True and not ev.get("rectal_pain")
