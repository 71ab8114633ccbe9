"""Per-condition probability floors scale with the size of the KB (issue 12: written as absolute numbers for 179
conditions, they shrank in effect as the KB grew to 388; ovarian torsion sat at exactly 0.050)."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def kb_dir():
    from medcore.config import Settings

    return Settings.load(secrets={}).kb_dir


def test_floor_scale_is_relative_to_the_kb_size_the_floors_were_set_for(kb_dir):
    from medcore.triage.config import floor_scale

    assert floor_scale(kb_dir, 179) == pytest.approx(1.0)
    assert floor_scale(kb_dir, 358) == pytest.approx(0.5)
    assert floor_scale(kb_dir, 388) == pytest.approx(179 / 388)


def test_configs_scale_every_per_condition_floor(kb_dir, kb):
    from medcore.triage.config import load_configs

    e1, t1 = load_configs(kb_dir, 388)
    e2, t2 = load_configs(kb_dir, 776)
    assert t1.condition_red_flag_min_p == pytest.approx(0.05 * 179 / 388)
    for a, b in ((t1.condition_red_flag_min_p, t2.condition_red_flag_min_p),
                 (e1.safety_net_min_p, e2.safety_net_min_p), (e1.safety_net_anchor_min_p, e2.safety_net_anchor_min_p)):
        assert b == pytest.approx(a / 2)
    # the thresholds on posterior mass by level are not floors of one condition: unchanged
    assert (t1.emergency, t1.urgent, t1.routine) == (t2.emergency, t2.urgent, t2.routine)
    e0, t0 = load_configs(kb_dir)
    assert t0.condition_red_flag_min_p == pytest.approx(0.05 * 179 / len(kb.conditions))


def test_rule_out_floor_scales_with_the_kb(kb):
    from medcore.triage.safety_rules import rules_for

    assert rules_for(kb).rule_out_min_p == pytest.approx(0.02 * 179 / len(kb.conditions))


def test_a_red_flag_escalates_a_serious_condition_diluted_by_a_larger_kb(kb, kb_dir):
    """Ovarian torsion at 3% of the posterior (above its 5%-at-179-conditions floor once scaled to 388) with its
    own warning sign present raises the level to emergency."""
    from medcore.triage.config import load_configs
    from medcore.triage.rules import decide

    _, tcfg = load_configs(kb_dir, len(kb.conditions))
    ci = kb.condition_index["ovarian_torsion"]
    flag = kb.conditions[ci].red_flags[0]
    post = np.zeros(len(kb.conditions))
    post[kb.condition_index["mittelschmerz"]] = 0.97
    post[ci] = 0.03
    assert decide(kb, post, {flag, "pelvic_pain"}, tcfg).level == "emergency"
