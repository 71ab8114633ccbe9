"""Severity-aware readings (assets/kb/triage/mild_readings.yaml, medcore/triage/mild_readings.py): an eye the patient
calls mildly or a bit sore is not 'eye pain', so the red-painful-eye rule does not make episcleritis urgent; severe or
unqualified eye pain is read as before, and a mild word that belongs to another finding is left to it."""

from __future__ import annotations

import pytest


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text", [
    "My eye is mildly sore",
    "My eye is slightly sore",
    "My left eye is a bit sore",
    "I've had a red patch on the white of my eye for a few days, it's only mildly sore and light doesn't bother me.",
])
def test_mildly_sore_eye_is_not_eye_pain(lexical_engine, text):
    assert not _ev(lexical_engine, text).get("eye_pain")


@pytest.mark.parametrize("text", [
    "My eye is sore",
    "My right eye is very sore and red",
    "A mildly sore throat and my eye is really painful",
])
def test_eye_pain_still_read(lexical_engine, text):
    assert _ev(lexical_engine, text).get("eye_pain") is True


def test_mild_eye_keeps_the_red_eye_rule_quiet(lexical_engine):
    res, _ = lexical_engine.one_shot("Red eye, and my eye is mildly sore.", age=29, sex="female")
    assert "red_painful_eye" not in {r["id"] for r in res.fired_rules}
    res, _ = lexical_engine.one_shot("Red eye, and my eye is very sore.", age=29, sex="female")
    assert "red_painful_eye" in {r["id"] for r in res.fired_rules}


def test_table_is_sourced():
    from medcore.config import Settings
    from medcore.knowledge.kbfiles import read_yaml
    from medcore.triage import mild_readings

    d = Settings.load(secrets={}).kb_dir / "triage"
    table = mild_readings.load(str(d))
    assert table is not None and "eye_pain" in table.findings
    assert all(f["source"].strip() for f in read_yaml(d / "mild_readings.yaml")["findings"])
