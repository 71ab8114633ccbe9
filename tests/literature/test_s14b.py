"""Session 14 (lit14s): a raised decimal point in ages, "age range: A-B", sex counts written in words or listed
with a comma, and an odds ratio's CI after the scale of its estimate ("per 5 kg"). Every sentence here is written
for the test."""

from __future__ import annotations

import re

import pytest

from medcore.literature.arm_phrases import given_versus, title_names_second
from medcore.literature.model import Sentence
from medcore.literature.numbers import extract_effects
from medcore.literature.pico import _age
from medcore.literature.population_sex import sex
from medcore.literature.population_size import pick_n


def _sents(*texts):
    return [Sentence(i, t, 0, len(t)) for i, t in enumerate(texts)]


@pytest.mark.parametrize("text, want", [
    ("We followed the cohort, whose mean age was 41·7 years, for a decade.", {"stat": "mean", "value": 41.7}),
    ("Volunteers (age range: 22-58 years) slept in the unit.", {"stat": "range", "low": 22.0, "high": 58.0}),
    ("Patients with an age range of 30 to 45 years joined.", {"stat": "range", "low": 30.0, "high": 45.0}),
])
def test_age_forms(text, want):
    got = _age(_sents(text))
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("text, female", [
    ("Eighteen (45%) boys and 22 (55%) girls took part in the survey.", 55.0),
    ("We recorded nine patients (6 women, 3 men; mean age 50 years) at home.", 66.7),
    ("The clinic saw 30 men; 10 women over the year.", 25.0),
])
def test_sex_counts(text, female):
    assert sex(_sents(text)).get("female_pct") == female


def test_sex_list_with_comma_needs_two_sexes():
    assert sex(_sents("We saw 12 women, 4 girls at the clinic.")).get("female_pct") is None


@pytest.mark.parametrize("text, ci", [
    ("Each gain raised the odds (odds ratio 1.15 per 5 kg gained, 95% confidence interval (CI) 1.03-1.29).",
     (1.03, 1.29)),
    ("The hazard ratio was 0.80 per SD of intake (95% CI 0.70-0.91).", (0.70, 0.91)),
    ("The odds ratio was 1.3 per decade of age.", (None, None)),
    ("The odds ratio was 1.3 per decade of age, and 40 of 90 patients died.", (None, None)),
])
def test_ci_after_the_scale_of_the_estimate(text, ci):
    effs = [e for e in extract_effects(Sentence(0, text, 0, len(text))) if e.measure != "comparison"]
    assert len(effs) == 1
    assert (effs[0].ci_low, effs[0].ci_high) == ci


def _treat(x):
    return bool(re.search(r"statin|ablation|stent|steroid|graft|surgery", x, re.I))


@pytest.mark.parametrize("text, want", [
    ("We split the cohort into those with prior statin therapy (group S, n = 40) and those without it (n = 60).",
     ("prior statin therapy", "no prior statin therapy")),
    ("We assessed catheter ablation with and without a second pass for flutter.",
     ("catheter ablation with a second pass", "catheter ablation without a second pass")),
    ("Of 70 adults, 41 underwent bypass surgery and 29 underwent stent placement.",
     ("bypass surgery", "stent placement")),
    ("Patients were split between those treated by a cast (group 1; n = 20) and those treated by a brace (group 2).",
     ("a cast", "a brace")),
])
def test_paired_arm_phrasings(text, want):
    assert given_versus(_sents(text), _treat)[:2] == want


@pytest.mark.parametrize("text", [
    "We split the cohort into those with diabetes (n = 40) and those without it (n = 60).",
    "Of 70 adults, 41 had asthma and 29 had eczema.",
])
def test_paired_phrasings_need_a_treatment(text):
    assert given_versus(_sents(text), _treat) is None


@pytest.mark.parametrize("title, a, b, swap", [
    ("Does an elastic brace help after a wrist fracture?", "plaster cast", "elastic brace", True),
    ("Plaster cast or elastic brace after a wrist fracture?", "plaster cast", "elastic brace", False),
    ("Is a plaster cast better after a wrist fracture?", "plaster cast", "elastic brace", False),
    ("Does withholding statins help?", "statins", "no statins", False),
])
def test_title_names_second(title, a, b, swap):
    assert title_names_second(title, a, b) is swap


@pytest.mark.parametrize("methods, want", [
    ("METHODS: Forty adults admitted to a regional trauma center after a fall were studied.", "trauma center"),
    ("METHODS: We enrolled 30 adults from our hospital who snored and slept badly.", "our hospital"),
    ("METHODS: Twelve adults spent two nights in a sleep laboratory and were recorded.", "sleep laboratory"),
])
def test_setting_kinds_of_place(read, methods, want):
    text = f"Sleep and falls in adults\nOBJECTIVE: To describe a small group.\n{methods}\nRESULTS: Most slept well."
    assert read(text)[0].design.setting.lower().startswith(want)


def test_our_institution_names_no_kind_of_place(read):
    text = ("Sleep and falls in adults\nOBJECTIVE: To describe a small group.\n"
            "METHODS: We reviewed 30 adults seen at our institution who snored.\nRESULTS: Most slept well.")
    assert not read(text)[0].design.setting


@pytest.mark.parametrize("text, n", [
    ("We assessed 52 adults with shin pain over one running season.", 52),
    ("In all, 120 pregnant women, past 30 weeks, were allocated to one of two diets.", 120),
    ("We evaluated 75 children with asthma (group 1, n = 40) or croup (group 2, n = 35).", 75),
])
def test_n_verbs(text, n):
    assert pick_n(_sents(text))[0] == n


@pytest.mark.parametrize("phrase, code", [
    ("cervical cancer", "C53"), ("sleep bruxism", "G47"), ("cervical disk herniation", "M50"),
    ("a thoracic spinal deformity", "M43"),
])
def test_condition_vocabulary_s14(read, phrase, code):
    text = (f"Care of adults with {phrase}\nOBJECTIVE: To describe adults with {phrase}.\n"
            f"METHODS: We enrolled 40 adults with {phrase} at two clinics.\nRESULTS: Most did well.")
    codes = {c.code.split(" ")[-1][:3] for c in read(text)[0].pico.population.conditions}
    assert code in codes


def test_counted_groups_lose_their_verb(read):
    text = ("Hernia repair outcomes\nOBJECTIVE: To compare two repairs.\nMETHODS: We reviewed 75 adults treated "
            "for a groin hernia.\nRESULTS: There were 75 adults: 40 underwent mesh repair and 35 underwent suture "
            "repair. Pain was rare.")
    names = [a.name.lower() for a in read(text)[0].arms]
    assert "mesh repair" in names and "suture repair" in names
