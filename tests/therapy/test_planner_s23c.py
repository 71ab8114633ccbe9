"""Session 23c (issue 13): breadth of interaction rules. Label rules for whole groups are class rules (strong and
moderate CYP3A4 inhibitors and inducers, strong CYP1A2 and CYP2C8 inhibitors, proton pump inhibitors with the
acid-dependent kinase inhibitors, mavacamten's contraindications), plus the label pairs a dev pair list found
missing; the selegiline patch (Emsam) names its route, so its own label's contraindications apply to it alone."""

import pytest

from medcore.therapy import interactions as ix


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity, avoid", [
    ("omeprazole", "dasatinib", "major", True),          # Sprycel: PPIs not recommended
    ("Nexium", "Votrient", "major", True),
    ("pantoprazole", "sotorasib", "major", True),
    ("ketoconazole", "Lynparza", "major", True),         # strong CYP3A4 inhibitor, label says avoid
    ("clarithromycin", "neratinib", "major", True),
    ("fluconazole", "Dayvigo", "major", True),           # moderate CYP3A4 inhibitor, label says avoid
    ("erythromycin", "ivabradine", "major", True),
    ("rifampin", "dronedarone", "major", True),          # strong inducer, label says avoid
    ("carbamazepine", "etravirine", "major", True),
    ("fluconazole", "Camzyos", "contraindicated", None),  # CYP2C19 inhibitor
    ("rifampin", "mavacamten", "contraindicated", None),
    ("gemfibrozil", "Tukysa", "major", True),            # strong CYP2C8 inhibitor
    ("gemfibrozil", "pioglitazone", "moderate", None),
    ("fluvoxamine", "Hetlioz", "major", True),           # strong CYP1A2 inhibitor
    ("ciprofloxacin", "pomalidomide", "major", True),
    ("phenelzine", "buspirone", "contraindicated", None),
    ("Emsam", "bupropion", "contraindicated", None),
    ("St John's wort", "sertraline", "major", True),
    ("bupropion", "tamoxifen", "major", True),
    ("Trisenox", "ondansetron", "major", True),
    ("bedaquiline", "clofazimine", "major", None),
    ("dronedarone", "cyclosporine", "contraindicated", None),
    ("siponimod", "fluconazole", "major", True),
    ("rosuvastatin", "darolutamide", "major", None),
])
def test_label_rules(kb, a, b, severity, avoid):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity
    if avoid is not None:
        assert f.avoid == avoid


def test_oral_selegiline_with_bupropion_is_not_the_patch_contraindication(kb):
    # the Emsam label's contraindication is for the patch; oral selegiline keeps the milder class rules
    f = _lead(kb, "selegiline", "bupropion")
    assert f.severity == "major"


@pytest.mark.parametrize("a, b", [
    # session 30: famotidine + dasatinib left this list: the Sprycel label does not recommend H2 antagonists or PPIs
    # with dasatinib (antacids, timed, instead); tests/therapy/test_planner_s30.py holds it as major
    ("ketoconazole", "warfarin"),     # weak CYP2C9 inhibition: an INR check, not major
    ("azithromycin", "ivabradine"),   # not a CYP3A4 inhibitor
])
def test_not_overstated(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity in ("moderate", "minor")


@pytest.mark.parametrize("a, b, severity", [
    ("Vistide", "gentamicin", "contraindicated"),    # cidofovir: other nephrotoxic drugs (boxed warning)
    ("cidofovir", "naproxen", "contraindicated"),
    ("sildenafil", "amyl nitrite", "contraindicated"),
])
def test_new_ingredients_take_their_label_rules(kb, a, b, severity):
    assert _lead(kb, a, b).severity == severity


def test_paxlovid_with_sildenafil_for_pah_is_contraindicated(kb):
    # the Paxlovid label: sildenafil for pulmonary arterial hypertension is contraindicated, for erectile
    # dysfunction it is a dose limit
    assert _lead(kb, "Paxlovid", "Revatio").severity == "contraindicated"
    assert _lead(kb, "Paxlovid", "Viagra").severity == "major"
    f = _lead(kb, "Liqrev", "ketoconazole")
    assert f.severity == "major" and f.avoid
    assert _lead(kb, "Revatio", "nitroglycerin").severity == "contraindicated"   # keeps the PDE5 class rules
    rep = ix.check_names(kb, ["Revatio", "Viagra"])
    assert any(d.kind == "same_drug" for d in rep.duplicates)
