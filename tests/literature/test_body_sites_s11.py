"""Population conditions coded by the organ or body site named with them (knowledge/body_site.py, issue 15):
'cancer' alone is C80.1 and 'fracture' alone T14.8, but named with the organ or limb they take that site's
ICD-10-CM code. Abstracts written for these tests."""

from __future__ import annotations

import pytest


def _conditions(read, text):
    (r,) = read(text)
    return [(c.concept_id, c.code) for c in r.pico.population.conditions]


@pytest.mark.parametrize("text, code", [
    ("OBJECTIVE: To assess a new instillation schedule in adults with cancer of the bladder. METHODS: We followed "
     "210 adults treated at three hospitals.", "ICD-10-CM C67"),
    ("OBJECTIVE: To describe survival in women with ovarian carcinoma. METHODS: Records of 95 women were reviewed.",
     "ICD-10-CM C56"),
    ("OBJECTIVE: To compare casting with splinting for a fracture of the forearm in children. METHODS: We enrolled "
     "140 children seen in the emergency unit.", "ICD-10-CM S52"),
])
def test_a_cancer_or_fracture_named_with_its_site_takes_the_site_code(read, text, code):
    got = _conditions(read, text)
    assert got and got[0][1].startswith(code), got
    assert not any(c.startswith(("ICD-10-CM C80", "ICD-10-CM T14")) for _, c in got), got


def test_a_site_with_a_curated_condition_gives_that_concept(read):
    got = _conditions(read, "OBJECTIVE: To study how people with cancer of the lung use online forums. METHODS: We surveyed "
                            "88 people attending a clinic.")
    assert ("condition:lung_cancer", "ICD-10-CM C34.90") in got, got


def test_without_a_site_the_codes_stay_unspecified(read):
    got = _conditions(read, "OBJECTIVE: To study sleep in adults living with cancer. METHODS: We surveyed 120 "
                            "adults attending an outpatient clinic.")
    assert got and got[0][1].startswith("ICD-10-CM C80"), got
