"""Route-typed pairs, session 12 (issue 13, set R as dev): patches, sprays, inhalers, pessaries and troches are
absorbed and keep their rules; which eye, skin and vaginal products keep or regrade a rule is a label fact in
assets/kb/knowledge/drugs/routes.yaml (`keeps`), and the rules those labels state exist in interactions.yaml."""

from medcore.therapy import interactions as ix


def _top(kb, a, b):
    """(severity, avoid) of the most severe finding for the typed pair, or (None, False)."""
    fs = ix.check_names(kb, [a, b]).findings
    top = max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None
    return (top.severity, top.avoid) if top else (None, False)


def test_a_pessary_is_absorbed_and_takes_its_own_label_grade(kb):
    # the troche (unrouted: the base drug) carries the transplant label's rule at full weight ...
    assert _top(kb, "clotrimazole 10 mg troche", "tacrolimus")[0] == "major"
    # ... the pessary keeps it (vaginal is an absorbed route) at the grade its own leaflet gives ...
    assert _top(kb, "clotrimazole 500 mg pessary", "tacrolimus") == ("moderate", False)
    # ... and a skin cream does not raise it
    assert _top(kb, "clotrimazole 1% cream", "tacrolimus")[0] is None


def test_a_note_says_why_an_absorbed_form_was_regraded(kb):
    notes = ix.check_names(kb, ["clotrimazole pessary", "tacrolimus"]).route_notes
    assert any("graded moderate" in n and "Canesten" in n for n in notes)


def test_miconazole_with_warfarin_by_product(kb):
    assert _top(kb, "miconazole oral gel", "warfarin") == ("major", True)
    assert _top(kb, "miconazole 2% vaginal cream", "warfarin") == ("moderate", False)
    assert _top(kb, "miconazole cream", "warfarin") == ("moderate", False)


def test_eye_drop_labels_that_keep_a_contraindication(kb):
    assert _top(kb, "brimonidine 0.2% eye drops", "tranylcypromine")[0] == "contraindicated"
    assert _top(kb, "brimonidine eye drops", "nortriptyline")[0] == "contraindicated"
    assert _top(kb, "brinzolamide eye drops", "acetazolamide")[0] == "moderate"
    # an eye drop without such a label fact stays screened
    assert _top(kb, "latanoprost eye drops", "tranylcypromine")[0] is None


def test_timolol_drops_with_a_strong_cyp2d6_inhibitor(kb):
    assert _top(kb, "timolol eye drops", "paroxetine")[0] == "moderate"


def test_inhaled_and_nasal_steroids_with_strong_cyp3a4_inhibitors(kb):
    # boosters: avoid (Flonase, Flovent); other strong inhibitors: major for the inhaler (Flovent HFA: not
    # recommended), moderate for the nasal spray (Flonase: use caution); beclomethasone (the labels' alternative)
    # is not raised to major
    assert _top(kb, "budesonide inhaler", "cobicistat") == ("major", True)
    assert _top(kb, "fluticasone nasal spray", "cobicistat") == ("major", True)
    assert _top(kb, "fluticasone inhaler", "clarithromycin") == ("major", False)
    assert _top(kb, "fluticasone nasal spray", "clarithromycin") == ("moderate", False)
    # session 14: beclometasone is the labels' alternative (Norvir; MHRA 2016): a minor note (test_routes_s14)
    assert _top(kb, "beclomethasone inhaler", "ritonavir")[0] == "minor"


def test_a_testosterone_gel_is_transdermal_not_a_skin_form(kb):
    assert _top(kb, "testosterone 1.62% gel", "warfarin")[0] == "moderate"
    # a steroid skin gel is still screened
    assert _top(kb, "hydrocortisone cream", "warfarin")[0] is None


def test_skin_lidocaine_keeps_only_the_class_i_rule(kb):
    assert _top(kb, "lidocaine 5% cream", "mexiletine")[0] == "moderate"
    assert _top(kb, "lidocaine 5% medicated plaster", "propranolol")[0] is None


def test_inhaled_and_transdermal_rules_from_their_labels(kb):
    assert _top(kb, "levalbuterol inhaler", "nadolol")[0] == "moderate"
    assert _top(kb, "umeclidinium inhaler", "tiotropium inhaler")[0] == "moderate"
    assert _top(kb, "azelastine nasal spray", "temazepam")[0] == "moderate"
    assert _top(kb, "clonidine patch", "metoprolol")[0] == "moderate"
    assert _top(kb, "rivastigmine patch", "metoclopramide")[0] == "moderate"
