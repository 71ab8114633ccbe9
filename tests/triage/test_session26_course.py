"""Session 26 (issue 12). A condition's typical course, from its textbook description, is in the KB: a told course
(sudden, gradual, keeps coming back) now moves the condition whose textbook course it is up, where before it moved
it down (the course findings were read, but the condition did not list them, so only their leak counted). Own
sentences; the additions and their sources are recorded in docs/evals/triage-s26/course_additions.yaml."""

from __future__ import annotations

import pytest
import yaml

from medcore.config import REPO_ROOT

ADDITIONS = REPO_ROOT / "docs" / "evals" / "triage-s26" / "course_additions.yaml"


def _probability(engine, text, cid, age, sex):
    _, ex = engine.read_text(text)
    answers = {m.finding_id: ("yes" if m.present else "no") for m in ex.mentions}
    post = engine.posterior(engine.closure(answers), age, sex)
    return float(post[engine.kb.condition_index[cid]]), answers


@pytest.mark.parametrize("text,course,told,cid,age,sex", [
    ("a painful hard knot in my calf woke me up at 3am", ", it came on suddenly", "sudden_onset", "leg_cramps", 72, "male"),
    ("pain under my right ribs after a fatty meal", ", it came on suddenly", "sudden_onset", "biliary_colic", 45, "female"),
    ("my feet are weak and tingly and it is moving up to my hips", ", it came on gradually", "gradual_onset",
     "guillain_barre", 40, "male"),
    ("I have sickle cell and my back and legs are in agony", ", I keep getting these", "recurrent_episodes",
     "sickle_cell_crisis", 22, "male"),
    ("coughing for weeks with night sweats and I have lost weight", ", it came on gradually", "gradual_onset",
     "tuberculosis", 30, "male"),
    ("my big toenail has gone thick and yellow", ", it crept up on me", "gradual_onset", "onychomycosis", 60, "male"),
    ("my nan fell in the kitchen and can't stand on her left leg, it looks shorter", ", it happened all of a sudden",
     "sudden_onset", "hip_fracture", 86, "female"),
    ("I'm always thirsty, weeing all the time and losing weight", ", it came on gradually", "gradual_onset",
     "type1_diabetes_new", 14, "male"),
])
def test_a_told_course_moves_its_condition_up(lexical_engine, text, course, told, cid, age, sex):
    before, _ = _probability(lexical_engine, text, cid, age, sex)
    after, answers = _probability(lexical_engine, text + course, cid, age, sex)
    assert answers.get(told) == "yes"
    odds = lambda p: p / (1 - p)  # noqa: E731  (the odds: a condition already likely can gain little probability)
    assert odds(after) > 1.15 * odds(before), (cid, before, after)


def test_each_added_course_loads_with_its_source(kb):
    adds = yaml.safe_load(ADDITIONS.read_text())["additions"]
    assert len(adds) >= 90
    for cid, (found, where) in adds.items():
        cond = kb.condition(cid)
        assert "course: " in cond.source and "(session 26)" in cond.source, cid
        assert where.split(" (")[0] in cond.source, cid
        for f, p in found.items():
            assert f in cond.likelihoods, (cid, f)
            assert kb.findings[kb.finding_index[f]].category == "course"


@pytest.mark.parametrize("cid,finding,direction", [
    ("hip_fracture", "sudden_onset", "high"),  # trauma: at once
    ("trigeminal_neuralgia", "sudden_onset", "high"),  # NICE CKS: electric-shock paroxysms
    ("leg_cramps", "sudden_onset", "high"),
    ("onychomycosis", "gradual_onset", "high"),  # slow thickening over months
    ("lung_cancer", "gradual_onset", "high"),
    ("depression", "gradual_onset", "high"),
    ("onychomycosis", "sudden_onset", "low"),  # a nail does not thicken in minutes
    ("testicular_cancer", "sudden_onset", "low"),  # painless, gradual: sudden testicular pain is torsion's
])
def test_course_direction_follows_the_textbook(kb, cid, finding, direction):
    """Above the finding's leak when the textbook course is that one, below it when the textbook course is the other."""
    p = kb.condition(cid).likelihoods[finding][0]
    leak = kb.findings[kb.finding_index[finding]].leak
    assert (p > 2 * leak) if direction == "high" else (p < leak)


def test_a_vascular_emergency_keeps_its_sudden_lead(lexical_engine):
    """Sudden testicular pain stays torsion's, not the gradual testicular lump's."""
    p_torsion, _ = _probability(lexical_engine, "my testicle suddenly started hurting badly an hour ago",
                                "testicular_torsion", 15, "male")
    p_cancer, _ = _probability(lexical_engine, "my testicle suddenly started hurting badly an hour ago",
                               "testicular_cancer", 15, "male")
    assert p_torsion > 10 * p_cancer
