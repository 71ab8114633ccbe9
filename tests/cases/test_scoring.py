"""Scoring: the rubric's edge cases, the sessions that feed it, and that everything is computed."""

from __future__ import annotations

import pytest

from medcore.cases import service
from medcore.cases.scoring import SAFETY_PENALTY, SubmissionError


def _session(trainer, condition="myocardial_infarction", seed=7, questions=(), tests=(), exam=False):
    st = service.new_session(trainer, seed, condition=condition)
    for q in questions:
        st = service.ask(trainer, st, q)
    if exam:
        st = service.examine(trainer, st)
    for t in tests:
        st = service.order(trainer, st, t)
    return st


def _items(state):
    return {(i["area"], i["name"]): i for i in state["score"]["items"]}


def test_correct_answer_with_a_good_work_up_scores_high(trainer):
    kb = trainer.kb
    flags = kb.condition("myocardial_infarction").red_flags
    st = _session(trainer, questions=[kb.finding(f).question for f in flags] + ["Any shortness of breath?"],
                  tests=["ecg", "troponin"], exam=True)
    st = service.submit(trainer, st, "myocardial_infarction", ["pulmonary_embolism"], "emergency")
    items = _items(st)
    assert items[("diagnosis", "Leading diagnosis")]["points"] == 40
    assert items[("triage", "Triage level")]["points"] == 20
    assert items[("history", "Red flags checked")]["points"] == 10
    assert items[("tests", "Key test")]["points"] == 4
    assert st["score"]["total"] >= 85
    assert all(i["sources"] for i in st["score"]["items"])
    by_area = st["score"]["by_area"]
    assert by_area["diagnosis"] == [40, 40] and sum(m for _, m in by_area.values()) == 100
    assert abs(sum(p for p, _ in by_area.values()) - st["score"]["total"]) < 0.2
    curve = st["score"]["student_curve"]
    assert len(curve) == 1 + len(st["steps"]) and curve[-1] > curve[0]


def test_wrong_diagnosis_and_under_triage_of_an_emergency_is_penalised_most(trainer):
    st = _session(trainer, questions=["Any fever?"])
    st = service.submit(trainer, st, "costochondritis", [], "self_care")
    items = _items(st)
    assert items[("diagnosis", "Leading diagnosis")]["points"] == 0
    assert items[("triage", "Triage level")]["points"] == 0
    assert items[("safety", "Emergency under-triaged")]["points"] == -SAFETY_PENALTY
    over = service.submit(trainer, _session(trainer, condition="common_cold", seed=3), "common_cold", [], "emergency")
    assert _items(over)[("triage", "Triage level")]["points"] > 0  # over-triage is safe, partly credited
    assert not any(i["area"] == "safety" for i in over["score"]["items"])
    assert st["score"]["total"] < over["score"]["total"]


def test_differential_gets_partial_credit(trainer):
    st = service.submit(trainer, _session(trainer), "angina_new", ["myocardial_infarction"], "emergency")
    assert _items(st)[("diagnosis", "Leading diagnosis")]["points"] == 20


def test_low_yield_tests_and_cost_lose_points(trainer):
    lean = service.submit(trainer, _session(trainer, tests=["ecg"]), "myocardial_infarction", [], "emergency")
    wasteful = service.submit(trainer, _session(trainer, tests=["ecg", "tsh", "stool_test", "ct_abdomen",
                                                                   "doppler_legs", "throat_swab"]),
                              "myocardial_infarction", [], "emergency")
    li, wi = _items(lean), _items(wasteful)
    assert wi[("tests", "Test yield")]["points"] < li[("tests", "Test yield")]["points"]
    assert "Thyroid" in wi[("tests", "Test yield")]["explanation"]
    assert wi[("tests", "Cost")]["points"] < li[("tests", "Cost")]["points"]


def test_bad_submissions_and_finished_cases_are_refused(trainer):
    st = _session(trainer)
    with pytest.raises(SubmissionError):
        service.submit(trainer, st, "", [], "emergency")
    with pytest.raises(SubmissionError):
        service.submit(trainer, st, "myocardial_infarction", [], "tomorrow")
    with pytest.raises(SubmissionError):
        service.submit(trainer, st, "myocardial_infarction", ["stroke", "sepsis", "gord", "migraine"], "urgent")
    with pytest.raises(SubmissionError):
        service.submit(trainer, st, "dragon_pox", [], "urgent")
    done = service.submit(trainer, st, "myocardial_infarction", [], "emergency")
    with pytest.raises(service.SessionError):
        service.ask(trainer, done, "Any fever?")
    with pytest.raises(service.SessionError):
        service.order(trainer, st, "no_such_test")


def test_orders_return_the_case_results_and_accumulate_cost_and_time(trainer):
    st = _session(trainer, tests=["troponin", "ecg", "troponin"], exam=True)
    case = service.case_of(st)
    assert [o["id"] for o in st["orders"]] == ["troponin", "ecg"]  # ordering twice does not charge twice
    assert st["orders"][0]["text"] == case.results["troponin"]["text"]
    tot = service.totals(st)
    assert tot["cost"] == trainer.ckb.test("ecg").cost + trainer.ckb.test("troponin").cost
    assert tot["minutes"] == max(trainer.ckb.test("troponin").turnaround_min, service.EXAM_MINUTES)
    rep = service.exam_report(trainer, st)
    assert rep["vitals"] == case.vitals


def test_session_state_is_json_and_the_input_is_not_changed(trainer):
    import json

    st = _session(trainer)
    before = json.dumps(st, sort_keys=True)
    after = service.ask(trainer, st, "Any fever?")
    assert json.dumps(st, sort_keys=True) == before
    json.loads(json.dumps(service.submit(trainer, after, "myocardial_infarction", [], "emergency")))
