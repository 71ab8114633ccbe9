"""Session 15 (planner15s): label rules behind planner set U (dev since planner15s): the avoid wording of the
Xarelto label (combined P-gp and strong CYP3A inhibitors), the 2011 FDA linezolid communication and the Rocephin
calcium warning; metformin with iodinated contrast (Glucophage label); and a shortened name on the planner side."""

import pytest

from medcore.therapy import interactions as ix


@pytest.mark.parametrize("a, b", [
    ("rivaroxaban", "ritonavir"), ("rivaroxaban tablets", "itraconazole capsules"), ("Xarelto", "Kaletra"),
    ("ceftriaxone IV", "calcium gluconate IV"),
    # linezolid with sertraline or duloxetine: major avoid when linezolid is the new drug, contraindicated in a plain
    # check (the labels are directional; session 24c, tests/therapy/test_planner_s24c.py)
])
def test_label_avoid_wording_is_kept(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    f = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    assert f is not None and f.severity == "major" and f.avoid


def test_apixaban_with_ritonavir_is_a_dose_change_not_avoid(kb):
    fs = ix.check_names(kb, ["apixaban", "ritonavir"]).findings  # Eliquis label: reduce the dose by 50% (avoid only at 2.5 mg twice daily)
    assert fs and max(ix.SEVERITY_RANK[f.severity] for f in fs) == ix.SEVERITY_RANK["major"]
    assert not any(f.avoid for f in fs)


def test_metformin_with_iodinated_contrast(kb):
    f = ix.pair(kb, "metformin", "iohexol")
    assert f is not None and f.severity == "moderate" and "Glucophage" in f.source
    assert ix.pair(kb, "metformin", "gadobutrol") is None  # the label's rule is for iodinated contrast only


def test_the_planner_says_how_it_read_a_shortened_name(kb):
    from medcore.therapy.names import resolve_drug
    r = resolve_drug(kb, "furo 40")
    assert r.ok and r.how == "shortened" and r.notable
    assert "shortened name" in r.message(kb) and "check this is right" in r.message(kb)
