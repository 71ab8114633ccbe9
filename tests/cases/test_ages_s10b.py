"""Session 10b: a generated patient's age is typical of the condition (patients.yaml age_ranges, sourced), not
drawn from a wide prior band: no rubella at 56, vaginal atrophy at 19 or postpartum haemorrhage at 59."""

from __future__ import annotations

import pytest

from medcore.cases.generator import new_case


@pytest.mark.parametrize("cid, lo, hi", [
    ("rubella", 1, 35),
    ("vaginal_atrophy", 45, 90),
    ("postpartum_haemorrhage", 16, 45),
    ("cord_prolapse", 16, 45),
    ("ophthalmia_neonatorum", 0, 0.1),
    ("cradle_cap", 0, 1),
    ("breath_holding", 0.5, 5),
    ("pms", 12, 50),
])
def test_ages_are_typical_of_the_condition(ckb, cid, lo, hi):
    ages = [new_case(ckb, seed, condition=cid).age for seed in range(40)]
    assert all(lo <= a <= hi for a in ages), (cid, sorted(ages))


def test_every_pregnancy_condition_has_a_reproductive_age_range(ckb):
    # a condition that needs a pregnancy, a birth or breastfeeding is never drawn for a child or an older woman
    pregnancy = {c.id for c in ckb.triage.conditions
                 if c.system == "obstetric" and c.sex.get("male", 0) == 0 and c.prior.get("older", 0) == 0}
    assert pregnancy and pregnancy <= set(ckb.age_ranges)
    assert all(16 <= ckb.age_ranges[c][0] and ckb.age_ranges[c][1] <= 45 for c in pregnancy)
