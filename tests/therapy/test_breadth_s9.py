"""Session-9 breadth (blind set F's misses): label rules by cause, UK brands."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


@pytest.mark.parametrize("a, b, severity", [
    ("rifampin", "lurasidone", "contraindicated"),  # inducer class rule (Latuda, Ranexa, Adalat CC)
    ("carbamazepine", "ranolazine", "contraindicated"),
    ("fluoxetine", "thioridazine", "contraindicated"),
    ("selegiline", "fluoxetine", "contraindicated"),
    ("selegiline", "venlafaxine", "contraindicated"),
    ("clarithromycin", "naloxegol", "contraindicated"),
    ("fluconazole", "flibanserin", "contraindicated"),  # a moderate CYP3A4 inhibitor is enough (Addyi)
    ("omeprazole", "rilpivirine", "contraindicated"),
    ("cyclosporine", "pitavastatin", "contraindicated"),
    ("ketoconazole", "ibrutinib", "major"),
    ("paroxetine", "tamoxifen", "major"),
    ("furosemide", "gentamicin", "major"),  # aminoglycoside boxed warning: avoid potent diuretics (planner13s)
])
def test_label_rules(kb, a, b, severity):
    f = ix.pair(kb, a, b)
    assert f is not None and f.severity == severity and f.source.startswith("FDA label")


def test_avoid_rules_say_so(kb):
    for a, b in [("cyclosporine", "atorvastatin"), ("rifampin", "apremilast")]:
        f = ix.pair(kb, a, b)
        assert f.severity == "major" and f.avoid
    # session 30: ivabradine + diltiazem follows the EU SmPC (Procoralan 4.3: contraindicated; no avoid flag there)
    assert ix.pair(kb, "ivabradine", "diltiazem").severity == "contraindicated"


def test_no_new_rule_between_unrelated_drugs(kb):
    amlo = ix.pair(kb, "rifampin", "amlodipine")  # only nifedipine's label contraindicates strong inducers
    assert amlo is None or amlo.severity != "contraindicated"
    assert ix.pair(kb, "pantoprazole", "dolutegravir") is None


@pytest.mark.parametrize("brand, ingredients", [("Calpol", {"acetaminophen"}), ("Seroxat", {"paroxetine"}),
                                                ("Zapain", {"codeine", "acetaminophen"}), ("Addyi", {"flibanserin"})])
def test_uk_and_us_brands(kb, brand, ingredients):
    r = kdrugs.resolve(brand, lex=kb.lexicon)
    assert r.ok and set(r.ingredients) == ingredients

