"""The real-note loader and scorer (issue 11). The scorer is checked on a synthetic note written here (no
shared text); one test runs the committed sets over ../shared/data/mtsamples and skips when it is absent."""

from __future__ import annotations

import csv
import json
from types import SimpleNamespace

import pytest

from medcore.records import kb as kb_mod
from medcore.records import real_eval, real_notes
from medcore.records.entities import Allergy, Extraction, Measurement, Medication, Problem

from . import _real_set

NOTE = ("HISTORY: Mr. Quill Varnado is a 64-year-old man seen at Brightwater Clinic on 03/14/2025. He has type 2 "
        "diabetes and hypertension. He denies chest pain. Father had colon cancer. MEDICATIONS: Metformin 500 mg "
        "twice daily, lisinopril 10 mg daily. Aspirin was stopped. ALLERGIES: Penicillin (rash). VITALS: "
        "Temperature 98.6 F, pulse 88. LABS: Creatinine 1.4 mg/dL.")


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = NOTE.index(phrase, i + 1)
    return i, i + len(phrase)


def gold(row: int = 5) -> dict:
    def span(phrase, **kw):
        s, e = at(phrase)
        return {"start": s, "end": e, **kw}

    return {
        "row": row, "sha256": real_notes.sha256(NOTE), "specialty": "Test", "note_type": "progress",
        "annotated": "2026-12-04",
        "problems": [
            span("type 2 diabetes", concept=None, icd10cm="E11.9", name="type 2 diabetes", assertion="present"),
            span("hypertension", concept=None, icd10cm="I10", name="hypertension", assertion="present"),
            span("chest pain", concept=None, icd10cm="R07.9", name="chest pain", assertion="absent"),
            span("colon cancer", concept=None, icd10cm="C18.9", name="colon cancer", assertion="family"),
        ],
        "medications": [
            span("Metformin 500 mg twice daily", drug="metformin", dose="500 mg", route=None,
                 frequency="twice daily", status="current"),
            span("lisinopril 10 mg daily", drug="lisinopril", dose="10 mg", route=None, frequency="once daily",
                 status="current"),
            span("Aspirin", drug="aspirin", dose=None, route=None, frequency=None, status="stopped"),
        ],
        "allergies": [span("Penicillin", substance="penicillin", kind="allergy")],
        "phi": [span("Quill Varnado", kind="NAME"), span("Brightwater Clinic", kind="FACILITY"),
                span("03/14/2025", kind="DATE")],
        "labs": [span("Temperature 98.6 F", name="temperature", value="98.6", unit="F"),
                 span("pulse 88", name="pulse", value="88", unit=None),
                 span("Creatinine 1.4 mg/dL", name="creatinine", value="1.4", unit="mg/dL")],
    }


@pytest.fixture
def real_set(tmp_path):
    src = tmp_path / "notes.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["", "medical_specialty", "transcription"])
        for i in range(7):
            w.writerow([i, "Test", NOTE if i == 5 else f"other note {i}"])
    root = tmp_path / "real"
    (root / "blind").mkdir(parents=True)
    (root / "blind" / "mt5.json").write_text(json.dumps(gold()))
    return root, src


def test_loader_reads_the_text_by_row_and_checks_the_spans(real_set):
    root, src = real_set
    loaded = real_notes.load_set("blind", root=root, csv_path=src)
    assert loaded.skipped == []
    (note,) = loaded.notes
    assert note.id == "mt5" and note.text == NOTE
    assert [NOTE[p.start:p.end] for p in note.problems][:2] == ["type 2 diabetes", "hypertension"]
    assert note.medications[0].frequency == "twice daily" and note.phi[1].kind == "FACILITY"


def test_loader_skips_a_changed_text_with_its_reason(real_set):
    root, src = real_set
    data = gold()
    data["sha256"] = real_notes.sha256(NOTE + " ")
    (root / "blind" / "mt5.json").write_text(json.dumps(data))
    loaded = real_notes.load_set("blind", root=root, csv_path=src)
    assert loaded.notes == [] and "sha256" in loaded.skipped[0][1]


def test_loader_without_the_shared_file_says_where_it_looked(real_set, tmp_path):
    root, _ = real_set
    with pytest.raises(real_notes.RealNotesUnavailable, match="shared/data/mtsamples"):
        real_notes.load_set("blind", root=root, csv_path=tmp_path / "absent.csv")


@pytest.mark.parametrize("field, value, message", [
    ("note_type", "memo", "note_type"),
    ("problems", [{"start": 5, "end": 3, "assertion": "present"}], "start/end"),
    ("problems", [{"start": 0, "end": 4, "assertion": "ruled out"}], "assertion"),
    ("phi", [{"start": 0, "end": 10 ** 6, "kind": "NAME"}], "past the end"),
])
def test_a_malformed_annotation_is_refused_with_the_field_named(field, value, message):
    data = {**gold(), field: value}
    with pytest.raises(real_notes.AnnotationError, match=message):
        real_notes.parse(data, NOTE)


def _analysis(problems=(), meds=(), allergies=(), labs=(), vitals=(), phi=(), nkda=False):
    ex = Extraction(problems=list(problems), medications=list(meds), allergies=list(allergies), labs=list(labs),
                    vitals=list(vitals), no_known_allergies=nkda)
    spans = [SimpleNamespace(start=s, end=e, type=t) for s, e, t in phi]
    return SimpleNamespace(extraction=ex, deid=SimpleNamespace(spans=spans))


def test_scorer_arithmetic_on_hand_made_output(real_set):
    root, src = real_set
    (note,) = real_notes.load_set("blind", root=root, csv_path=src).notes

    def prob(phrase, assertion, code, concept=""):
        s, e = at(phrase)
        return Problem(NOTE[s:e], s, e, 0, phrase, assertion, "", concept, code)

    def med(phrase, dose="", unit="", freq="", status=""):
        s, e = at(phrase)
        return Medication(NOTE[s:e], s, e, 0, phrase.lower(), NOTE[s:e], dose, unit, "", freq, False, status)

    s, e = at("Penicillin")
    out = _analysis(
        problems=[prob("diabetes", "present", "E11.9"),  # overlaps, code agrees
                  prob("hypertension", "historical", "I15.0"),  # overlaps, other category, wrong assertion
                  prob("chest pain", "negated", "R07.9"),
                  prob("man", "present", "Z00")],  # an extra problem
        meds=[med("Metformin", "500", "mg", "twice daily"), med("lisinopril", "10", "mg", "twice daily"),
              med("Aspirin")],  # aspirin came out without a stopped status: listed as current
        allergies=[Allergy("Penicillin", s, e, 0, "penicillin")],
        labs=[Measurement("Creatinine 1.4", *at("Creatinine 1.4"), 0, "creatinine", "1.4", "mg/dl")],
        vitals=[Measurement("Temperature 98.6", *at("Temperature 98.6"), 0, "temperature", "98.6", "°C")],
        phi=[(*at("Quill"), "NAME"), (*at("Brightwater Clinic"), "FACILITY"), (*at("HISTORY"), "NAME")])
    r = real_eval.evaluate([note], lambda text: (text, out), errors=True)
    sc = r["scores"]
    assert sc["problems"] == {"recall": 0.5, "precision": 0.5, "tp": 2, "gold": 4, "predicted": 4}
    assert sc["problems_overlap_only"]["recall"] == 0.75
    assert sc["assertion_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert sc["medications"]["recall"] == 1.0 and sc["medications"]["gold"] == 3
    assert sc["dose_accuracy"] == 1.0 and sc["frequency_accuracy"] == 0.5
    assert sc["not_current_kept_out"] == 0.0
    assert sc["allergies"]["recall"] == 1.0
    assert sc["phi"]["strict_recall"] == pytest.approx(1 / 3, abs=1e-4)  # "Varnado" leaked; the date missed
    assert sc["phi"]["overlap_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert sc["phi"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert sc["labs_vitals"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert sc["unit_accuracy"] == 0.5  # mg/dL kept (case folded); F reported as °C
    kinds = error_kinds(r["errors"])
    assert kinds["problem missed"] == 1 and kinds["problem extra"] == 1 and kinds["listed as current"] == 1


def test_exact_code_agreement_is_reported_beside_the_three_character_headline(real_set):
    # session 21b: the headline pairs codes at their 3-character category, so a side, a level or a combination code
    # never moves it; the second figure counts the headline's pairs that carry exactly the gold code
    root, src = real_set
    (note,) = real_notes.load_set("blind", root=root, csv_path=src).notes

    def prob(phrase, code):
        s, e = at(phrase)
        return Problem(NOTE[s:e], s, e, 0, phrase, "present", "", "", code)

    out = _analysis(problems=[prob("diabetes", "E11.65"),  # the category agrees, the code does not
                              prob("hypertension", "I10"), prob("chest pain", "R07.9"),  # exact
                              prob("colon cancer", "D12.6")])  # another category: not a headline pair
    sc = real_eval.evaluate([note], lambda text: (text, out))["scores"]
    assert sc["problems"]["tp"] == 3
    assert sc["exact_code_agreement"] == {"fraction": pytest.approx(2 / 3, abs=1e-4), "exact": 2, "n": 3}
    assert "exact_code_agreement" not in real_eval.headline(sc)  # the existing figures are unchanged


def test_the_text_report_prints_the_exact_code_agreement(real_set, settings, monkeypatch, capsys):
    import argparse

    from medcore.records import commands

    root, src = real_set
    load = real_notes.load_set
    monkeypatch.setattr(real_notes, "load_set", lambda name: load(name, root=root, csv_path=src))
    s, e = at("hypertension")
    out = _analysis(problems=[Problem(NOTE[s:e], s, e, 0, "hypertension", "present", "", "", "I10")])
    monkeypatch.setattr(real_eval, "service_summarizer", lambda _settings: lambda text: (text, out))
    assert commands._eval_real(argparse.Namespace(set_name="blind", json=False, errors=False), settings) == 0
    assert "exact code agreement on matched problems 1.000 (1 of 1)" in capsys.readouterr().out


@pytest.mark.parametrize("gold, output, prn, agrees", [
    ("every 8 hours", "three times daily", False, True),  # one schedule under two names in rules.yaml
    ("nightly", "at bedtime", False, True),
    ("four times daily", "four times daily as needed", True, True),  # the schedule is what is scored
    ("as needed", "", True, True),
    ("as needed", "", False, False),
    ("every 4 hours as needed", "every 6 hours as needed", True, False),
    ("once daily", "once", False, False),
    ("every 8 weeks", "", False, False),
])
def test_frequencies_compare_by_schedule_through_the_vocabulary(settings, gold, output, prn, agrees):
    names = real_eval.frequency_names(kb_mod.load(settings))
    med = Medication("x", 0, 1, 0, "x", "x", frequency=output, prn=prn)
    assert real_eval.frequency_agrees(gold, med, names) is agrees


@pytest.mark.parametrize("gold, output, same", [
    ("500 micrograms", "500 mcg", True), ("6.25 mg", "6.25 mg", True), ("1 g", "1.0 g", True),
    ("80 mg/12.5 mg", "80 mg", False), ("2 tablets", "2 tablet", True), ("10 mg", "100 mg", False),
])
def test_doses_compare_with_units_folded(gold, output, same):
    assert (real_eval.norm_dose(gold) == real_eval.norm_dose(output)) is same


@pytest.mark.parametrize("gold, output, same", [
    ("degrees Fahrenheit", "°F", True), ("F", "°F", True), ("pounds", "lb", True), ("mg/dL", "mg/dl", True),
    ("µmol/L", "umol/L", True), ("F", "°C", False), ("µmol/L", "mg/dL", False), ("pounds", "kg", False),
])
def test_units_compare_by_identity_not_spelling(gold, output, same):
    assert (real_eval.norm_unit(gold) == real_eval.norm_unit(output)) is same


def error_kinds(errors):
    from collections import Counter

    return Counter(e["kind"] for e in errors)


def test_scorer_runs_the_summarizer_service_on_the_synthetic_note(real_set, settings, monkeypatch):
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "template")
    root, src = real_set
    notes = real_notes.load_set("blind", root=root, csv_path=src).notes
    r = real_eval.evaluate(notes, real_eval.service_summarizer(settings), kb=kb_mod.load(settings))
    h = r["headline"]
    assert r["notes"] == 1 and set(h) >= {"problem_recall", "phi_strict_recall", "unit_accuracy"}
    # plain forms the summarizer has long read: the metformin line, the penicillin allergy, the creatinine
    assert h["medication_recall"] >= 2 / 3 and h["allergy_recall"] == 1.0 and h["problem_recall"] >= 0.5


@pytest.mark.parametrize("set_name", real_notes.SETS)
def test_committed_real_notes_load_and_score(set_name, settings):
    files = real_notes.annotation_files(set_name)
    if not files:
        pytest.skip(f"no annotated notes in assets/notes/real/{set_name}/ yet")
    try:
        loaded = real_notes.load_set(set_name)
    except real_notes.RealNotesUnavailable as exc:
        pytest.skip(f"real notes not scored: {exc}")
    if loaded.skipped:
        pytest.skip("annotations that no longer match ../shared (sha256 or row): "
                    + "; ".join(f"{i}: {why}" for i, why in loaded.skipped))
    for note in loaded.notes:
        assert note.note_type in real_notes.NOTE_TYPES and note.row % 10 in _real_set.residues(set_name)
    r = real_eval.evaluate(loaded.notes, real_eval.service_summarizer(settings), kb=kb_mod.load(settings))
    assert r["notes"] == len(files)
    if set_name in real_notes.PHI_ONLY_SETS:
        assert r["scores"]["phi"]["gold"] > 0
    else:
        assert r["scores"]["problems"]["gold"] > 0


def test_without_shared_data_the_loader_and_command_say_so(monkeypatch, settings, capsys):
    import argparse

    import medcore.config
    from medcore.records import commands

    monkeypatch.setattr(medcore.config, "SHARED_DATA", medcore.config.REPO_ROOT / "no-such-shared-folder")
    assert real_notes.source_path() is None
    with pytest.raises(real_notes.RealNotesUnavailable, match="not on this machine"):
        real_notes.load_set("blind")
    rc = commands._eval_real(argparse.Namespace(set_name="blind", json=False, errors=False), settings)
    assert rc == 2 and "skipped:" in capsys.readouterr().err
