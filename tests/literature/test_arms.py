"""Arms with N per arm, and which arms each estimate compares (arms.py, arm_links.py), on hand-written
sentences (invented trials; none from the blind set s7 or from any real abstract); shown in the card, the
evidence table and the CLI JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from medcore.literature import evidence_table
from medcore.literature.arm_links import mentions
from medcore.literature.model import Arm

REPO = Path(__file__).resolve().parents[2]


def _arms(result):
    return [(a.name, a.n) for a in result.arms]


def _links(result):
    return [(e.measure, e.value, e.arm, e.comparator, e.arm_basis) for e in result.effects]


@pytest.mark.parametrize("text, arms", [
    ("We randomly assigned 300 adults with migraine (150 to lomitrex, 150 to placebo).",
     [("lomitrex", 150), ("placebo", 150)]),
    ("Participants were allocated to group exercise (n = 40) or a waiting list (n = 42).",
     [("group exercise", 40), ("waiting list", 42)]),
    ("Eighty infants were randomized to early feeding (40) or delayed feeding (40).",
     [("early feeding", 40), ("delayed feeding", 40)]),
    ("Of 210 randomised patients, 104 received nebulised saline and 106 received usual care.",
     [("nebulised saline", 104), ("usual care", 106)]),
    ("Women (N = 200) were randomised to cream A (100 women) or vehicle (100 women).",  # 200 is the total
     [("cream A", 100), ("vehicle", 100)]),
    ("Patients were randomised to low-dose aspirin, high-dose aspirin or placebo (50 per group) for one year.",
     [("low-dose aspirin", 50), ("high-dose aspirin", 50), ("placebo", 50)]),
    ("We studied 5,000 adults: 1,200 coffee drinkers and 3,800 non-drinkers.",
     [("coffee drinkers", 1200), ("non-drinkers", 3800)]),
    ("In this randomized trial, 97 were assigned to splinting and 95 to surgery.",
     [("splinting", 97), ("surgery", 95)]),
    ("Adults were randomised to a walking plan or to usual advice for six months.",
     [("walking plan", None), ("usual advice", None)]),
    ("Patients were randomized into the experimental group (n = 34) or the control group (n = 33).",
     [("experimental", 34), ("control", 33)]),
    ("After randomisation, 61 joined the dance class group and 59 the stretching group.",
     [("dance class", 61), ("stretching", 59)]),
    ("Knees were randomised to two dressings (foam: n = 88; gauze: n = 90).", [("foam", 88), ("gauze", 90)]),
    ("Pain thresholds differed between smokers (n = 41) and non-smokers (n = 39).", [("smokers", 41), ("non-smokers", 39)]),
    ("This registry study compared 2,010 statin users with 4,020 non-users over ten years.",
     [("statin users", 2010), ("non-users", 4020)]),
    ("We compared 150 day-care children with 300 home-care children.",  # 'day-care' is no count of days
     [("day-care children", 150), ("home-care children", 300)]),
    ("Children attending clinics offering text reminders (n = 300) were compared with children in usual clinics "
     "(n = 310).", [("Children attending clinics offering text reminders", 300), ("usual clinics", 310)]),
])
def test_arms_and_their_n(read, text, arms):
    assert _arms(read(text)[0]) == arms


def test_arm_kinds():
    from medcore.config import Settings
    from medcore.literature.arms import read_arms
    from medcore.literature.model import Pico, Sentence

    text = "Patients were randomized into the experimental group (n = 34) or the control group (n = 33)."
    arms = read_arms(Settings(), [Sentence(0, text, 0, len(text), role="methods")], Pico())
    assert [(a.name, a.kind) for a in arms] == [("experimental", "intervention"), ("control", "comparator")]


def test_arms_from_a_table_header(read):
    r = read("Zinc for colds: a randomised trial\nMETHODS: Adults with a cold were randomised to zinc lozenges or "
             "placebo lozenges.\nTable 1. Baseline characteristics\nCharacteristic   Zinc lozenges (n = 120)   "
             "Placebo lozenges (n = 118)\nAge, years   34 (9)   35 (10)\nRESULTS: Colds were shorter.")[0]
    assert _arms(r) == [("Zinc lozenges", 120), ("Placebo lozenges", 118)]


@pytest.mark.parametrize("text", [
    "The study included 62 patients (19 men and 43 women). Mortality was 12 of 100 in the control group.",
    "We reviewed 400 charts from 3 hospitals (120, 130 and 150 charts).",
    "Patients were randomised to placebo or 200, 500 or 1000 mg of drug Z daily.",  # doses sharing one unit
    "Mothers were divided into age <25 years, 25-34 years and 35 years or more.",  # thresholds, not arm names
    "Thresholds did not differ between cases and controls.",
])
def test_no_arms_where_none_are_stated(read, text):
    assert read(text)[0].arms == []


def test_estimates_linked_to_the_arms_they_compare(read):
    r = read("METHODS: We randomly assigned 300 adults (150 to lomitrex, 150 to placebo). "
             "RESULTS: Relapse was less frequent with lomitrex than with placebo (HR 0.61, 95% CI 0.44 to 0.85). "
             "Headache scores fell (mean difference -1.2 points, 95% CI -2.0 to -0.4).")[0]
    assert _links(r) == [("HR", 0.61, "lomitrex", "placebo", "named"),
                         ("MD", -1.2, "lomitrex", "placebo", "two-arm trial")]


def test_arms_named_in_parallel_without_than_or_versus(read):
    r = read("METHODS: We randomly assigned 300 adults (150 to lomitrex, 150 to placebo). RESULTS: Relapse occurred "
             "in 10 of 150 patients given placebo and 4 of 150 given lomitrex (RR 0.4, 95% CI 0.13 to 1.25).")[0]
    assert _links(r) == [("RR", 0.4, "lomitrex", "placebo", "named")]  # the control-like arm is the comparator
    r = read("In this randomized trial, 97 were assigned to splinting and 95 to surgery. Healing occurred in 80 of 97 "
             "after splinting and 70 of 95 after surgery (RR 1.1, 95% CI 0.95 to 1.3).")[0]
    assert _links(r) == [("RR", 1.1, "splinting", "surgery", "named")]  # two active arms: the first named


def test_alone_and_plus_tell_arms_apart(read):
    r = read("Smokers were randomised to patch plus coaching, patch alone, or coaching alone (70 per group). "
             "Quitting was likelier with patch alone than with coaching alone (OR 1.9, 95% CI 1.1 to 3.3).")[0]
    assert _links(r) == [("OR", 1.9, "patch alone", "coaching alone", "named")]


def test_three_arms_each_estimate_against_the_comparator_named_once(read):
    r = read("Patients were randomised to low-dose aspirin, high-dose aspirin or placebo (50 per group). "
             "Compared with placebo, the odds of response were higher with low-dose aspirin (OR 1.8, 95% CI 1.1 to 2.9)"
             " and with high-dose aspirin (OR 2.4, 95% CI 1.5 to 3.8). Rash was reported (OR 1.2, 95% CI 0.5 to 2.8).")[0]
    assert _links(r) == [("OR", 1.8, "low-dose aspirin", "placebo", "named"),
                         ("OR", 2.4, "high-dose aspirin", "placebo", "named"),
                         ("OR", 1.2, "", "", "")]  # three arms and none named: not guessed


def test_arm_named_after_the_estimate_and_between_a_and_b(read):
    r = read("Participants were randomised to group exercise (n = 40) or a waiting list (n = 42). "
             "The difference between group exercise and the waiting list was 4.1 points (95% CI 1.9 to 6.3). "
             "Falls were fewer (RR 0.5, 95% CI 0.3 to 0.9) with group exercise.")[0]
    assert _links(r) == [("MD", 4.1, "group exercise", "waiting list", "named"),
                         ("RR", 0.5, "group exercise", "waiting list", "one named")]


def test_comparator_named_first_and_word_forms(read):
    r = read("We studied 5,000 adults: 1,200 coffee drinkers and 3,800 non-drinkers. "
             "Relative to non-drinking, coffee drinking went with less liver disease (HR 0.7, 95% CI 0.5 to 0.9).")[0]
    assert _links(r) == [("HR", 0.7, "coffee drinkers", "non-drinkers", "named")]


def test_an_observational_estimate_naming_no_group_is_not_linked(read):
    r = read("We studied 5,000 adults: 1,200 coffee drinkers and 3,800 non-drinkers. "
             "Liver disease was rarer with age (HR 0.9, 95% CI 0.8 to 1.0).")[0]
    assert _links(r) == [("HR", 0.9, "", "", "")]


def test_a_part_of_a_hyphenated_arm_name_names_it():
    arms = [Arm("salt-reduced bread"), Arm("whole-grain bread"), Arm("white bread", kind="comparator")]
    found = mentions("Pressure fell with reduced bread and with grain bread more than with white bread.", arms)
    assert [(i, marked) for _, _, i, marked in found] == [(0, False), (1, False), (2, True)]


def test_mentions_need_a_word_that_tells_the_arm_apart():
    arms = [Arm("drug Q 20 mg"), Arm("drug Q 40 mg"), Arm("placebo", kind="comparator")]
    found = mentions("Pressure fell more with 40 mg than with placebo; drug Q was well tolerated.", arms)
    assert [(i, marked) for _, _, i, marked in found] == [(1, False), (2, True)]  # "drug Q" alone names no arm


def test_arms_in_card_table_and_json(read, lit_settings, tmp_path):
    text = ("Oral lomitrex for migraine: a randomised trial. METHODS: We randomly assigned 300 adults "
            "(150 to lomitrex, 150 to placebo). RESULTS: Relapse was less frequent with lomitrex than with placebo "
            "(HR 0.61, 95% CI 0.44 to 0.85).")
    r = read(text)[0]
    pop = [line.text for line in r.card.population]
    assert "Arm: lomitrex, n = 150" in pop and "Arm (comparator): placebo, n = 150" in pop
    assert any("lomitrex vs placebo" in line.text for line in r.card.main_results)
    d = r.to_dict()
    assert evidence_table.arms_cell(d) == "lomitrex (n = 150); placebo (n = 150)"
    assert evidence_table.effect_arms(d["effects"][0]) == "lomitrex vs placebo"
    assert "arms" in evidence_table.COLUMNS and "effect_arms" in evidence_table.COLUMNS
    numbers = next(c for c in r.checklist if c.id == "numbers_randomised")
    assert numbers.reported and numbers.sentence_idx == r.arms[0].sentence_idx  # points at N per arm
    f = tmp_path / "paper.txt"
    f.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "medcore", "literature", "read", str(f), "--json", "--rules"],
                         capture_output=True, text=True, cwd=REPO, timeout=120,
                         env={**__import__("os").environ, "MEDCORE_LLM_BACKEND": "template"})
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)[0]
    assert [(a["name"], a["n"], a["kind"]) for a in got["arms"]] == [("lomitrex", 150, "intervention"),
                                                                     ("placebo", 150, "comparator")]
    assert (got["effects"][0]["arm"], got["effects"][0]["comparator"]) == ("lomitrex", "placebo")
