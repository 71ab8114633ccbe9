"""Issue 11, session 26b (rec26b): review-of-systems and physical-examination template lines — the lymph-node,
hallucination, rebound, polyuria and bowel-sound codes of the ICD-10-CM tabular list, chart short forms (HSM, LAD,
'MS:' as a heading, slash initials such as c/c/e and SI/HI), British chart words, abdominal tenderness by site and
examination findings told with their side. Sentences written for these tests (none from a note set or from the
session's lists)."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


@pytest.mark.parametrize("text, code, assertion", [
    # lymph nodes: NOS R59.9, one region R59.0, generalized R59.1 (tabular, April 2026)
    ("Lymphatics: he has no lymphadenopathy anywhere.", "R59.9", "negated"),
    ("Exam: tender submandibular lymphadenopathy on both sides.", "R59.0", "present"),
    ("CT: bulky mediastinal lymphadenopathy.", "R59.0", "present"),
    ("Exam: widespread lymphadenopathy, the largest node 3 cm.", "R59.1", "present"),
    # hallucinations by kind
    ("She describes seeing things that are not there, visual hallucinations at night.", "R44.1", "present"),
    ("Denies any hallucinations.", "R44.3", "negated"),
    ("He hears voices: auditory hallucinations for a week.", "R44.0", "present"),
    # codes moved to the tabular list's own
    ("Abdomen: tender with rebound tenderness in all quadrants.", "R10.829", "present"),
    ("Endocrine ROS is positive for polyuria.", "R35.89", "present"),
    ("Abdomen: sluggish bowel sounds.", "R19.15", "present"),
    ("Abdomen: high-pitched bowel sounds throughout.", "R19.12", "present"),
    ("Neuro: speech dysarthric? She has dysarthria since the stroke.", "R47.1", "present"),
    # chart short forms
    ("Abdomen: obese, no HSM appreciated.", "R16.2", "negated"),
    ("Neck: supple without LAD.", "R59.9", "negated"),
    # British chart words
    ("Chest: coarse creps at the right base.", "R09.89", "present"),
    ("O/E: clubbed, pale, no jaundice.", "R68.3", "present"),
    ("O/E: she is apyrexial today.", "R50.9", "negated"),
    ("O/E: pyrexial at 38.9.", "R50.9", "present"),
    # examination signs
    ("CNS: extensor plantars on both sides.", "R29.2", "present"),
    ("Skin: multiple spider naevi over the upper chest.", "I78.1", "present"),
    ("Peripheral: absent foot pulses on the right.", "R09.89", "present"),
    ("Skin: skin tenting on the forearm.", "R23.4", "present"),
    ("Abdomen: Murphy sign positive.", "R10.811", "present"),
    ("Neuro: a liver flap is present.", "R27.8", "present"),
    ("Back: no vertebral tenderness.", "M54.9", "negated"),
    ("JVP is raised at 6 cm above the sternal angle.", "I87.8", "present"),
    # abdominal tenderness by site (R10.81-) and chest pain kinds (R07.8-)
    ("Abdomen: LUQ tenderness on deep palpation.", "R10.812", "present"),
    ("Abdomen: tenderness in the left iliac fossa.", "R10.814", "present"),
    ("Abdomen: diffuse abdominal tenderness.", "R10.817", "present"),
    ("She has had heaviness in the chest on stairs.", "R07.89", "present"),
    ("He denies pleuritic pain.", "R07.81", "negated"),
])
def test_exam_line_codes(kb, text, code, assertion):
    assert (code, assertion) in _got(kb, text)


@pytest.mark.parametrize("text, codes", [
    ("Limbs: no c/c/e.", {"R23.0", "R68.3", "R60.9"}),
    ("Psych: denies SI/HI or plan.", {"R45.851", "R45.850"}),
    ("ROS: negative for f/c/ns.", {"R50.9", "R68.83", "R61"}),
    ("Heart: regular, no m/r/g.", {"R01.1", "R01.2"}),
    ("Chest: no w/r/r heard.", {"R06.2", "R09.89"}),
])
def test_slash_initials_are_each_a_negated_finding(kb, text, codes):
    got = _got(kb, text)
    assert {c for c, a in got if a == "negated"} == codes


@pytest.mark.parametrize("text", [
    "Plan: return to clinic and/or call the nurse line.",
    "He is s/p knee replacement and is w/o complaints.",
    "The LAD was stented in 2019 with a good result.",
    "MS: alert, oriented, fluent speech.",
    "Cath: the LAD and RCA are patent.",
    # review of session 26: a lymph cue word near the artery ("masses", "JVD") no longer outweighs the coronary context
    "Angiogram: a tight proximal LAD lesion and no other masses; PCI to the mid LAD today.",
    "No JVD. Prior stent to the LAD, occluded diagonal.",
])
def test_slashes_and_short_forms_that_name_no_finding(kb, text):
    assert not [p for p in _problems(kb, text) if p[1] in {"R59.9", "R59.0", "G35", "G35.D", "R16.2", "R50.9"}]


@pytest.mark.parametrize("text, code", [
    ("Eyes: right ptosis noted.", "H02.401"),
    ("MSK: a left knee effusion.", "M25.462"),
    ("ENT: left ear pain since the flight.", "H92.02"),
    ("ENT: bilateral ear pain.", "H92.03"),
])
def test_sided_exam_findings(kb, text, code):
    assert code in {c for c, _ in _got(kb, text)}


def test_slash_list_table_is_checked():
    from medcore.records import slash_lists

    with pytest.raises(slash_lists.SlashListError):
        slash_lists.build({"forms": {"c/c/e": ["cyanosis", "clubbing"]}})
    assert slash_lists.build({"forms": {"F/C": ["fever", "chills"]}}).forms == {"f/c": ("fever", "chills")}
