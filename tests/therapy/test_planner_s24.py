"""Session 24 (issue 13): the session-23 planner set (dev now) was fixed by class, with the engineer's own items here.
Names: each missed name's whole family (US and UK brands, salts and release forms), GOLD/GINA inhaler short forms read
inside a '/'-typed combination, new form entries (minocycline foam, tadalafil for PAH). Rules: ritonavir or cobicistat
with sildenafil for PAH (every booster label: contraindicated), the Adcirca schedule, cilostazol with CYP2C19 and
moderate CYP3A4 inhibitors, mavacamten's dose-level rule, and a strong CYP3A4 inhibitor or inducer with a sensitive or
narrow-therapeutic-index substrate (FDA table of substrates)."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


def _ingredients(name):
    r = kdrugs.resolve(name)
    return set(r.ingredients) if r.ok and r.how != "fuzzy" else None


@pytest.mark.parametrize("name, want", [
    ("Cartia XT 240 mg", {"diltiazem"}), ("Taztia XT", {"diltiazem"}), ("Dilcardia SR", {"diltiazem"}),
    ("Afeditab CR", {"nifedipine"}), ("Adalat LA 30", {"nifedipine"}), ("Isoptin SR", {"verapamil"}),
    ("Norliqva", {"amlodipine"}), ("Conjupri", {"levamlodipine"}),
    ("Exelon Patch", {"rivastigmine"}), ("Razadyne ER", {"galantamine"}), ("Namenda XR", {"memantine"}),
    ("Aricept Evess", {"donepezil"}),
    ("Ximino", {"minocycline"}), ("Minocin MR", {"minocycline"}), ("Doryx MPC", {"doxycycline"}),
    ("E.E.S. 400", {"erythromycin"}), ("EryPed 200", {"erythromycin"}), ("Biaxin XL", {"clarithromycin"}),
    ("Dramamine All Day Less Drowsy", {"meclizine"}), ("Sea-Legs", {"meclizine"}), ("Dramamine", {"dimenhydrinate"}),
    ("hyoscine hydrobromide", {"scopolamine"}), ("Joy-Rides", {"scopolamine"}),
    ("Voltarol Joint Pain Relief", {"diclofenac-topical"}), ("Licart", {"diclofenac-epolamine-patch"}),
    ("Mag-Tab SR", {"magnesium-lactate"}), ("Neomag", {"magnesium-glycerophosphate"}),
    ("Mag64", {"magnesium-chloride", "calcium-carbonate"}),
    ("rifamycin SV", {"rifamycin"}),
])
def test_family_names(name, want):
    assert _ingredients(name) == want


@pytest.mark.parametrize("typed, want", [
    ("FF/VI", {"fluticasone", "vilanterol"}),                   # Breo / Relvar
    ("BDP/FF", {"beclomethasone", "formoterol"}),               # Fostair: here FF is formoterol fumarate
    ("FP/SAL", {"fluticasone", "salmeterol"}),
    ("IND/GLY", {"indacaterol", "glycopyrrolate"}),
    ("BUD/GLY/FORM", {"budesonide", "glycopyrrolate", "formoterol"}),
])
def test_inhaler_short_forms_inside_a_combination(typed, want):
    assert _ingredients(typed) == want


@pytest.mark.parametrize("alone", ["FF", "VI", "FP", "MF"])
def test_inhaler_short_forms_alone_are_not_drug_names(alone):
    assert _ingredients(alone) is None


def test_dramamine_longer_unknown_name_is_asked_about():
    r = kdrugs.resolve("Dramamine Naturals")
    assert not r.ok and r.how == "ambiguous"


@pytest.mark.parametrize("name, form, base", [
    ("Zilxi", "minocycline-topical", "minocycline"), ("Amzeeq foam", "minocycline-topical", "minocycline"),
    ("Alyq", "tadalafil-pah", "tadalafil"), ("Tadliq", "tadalafil-pah", "tadalafil"),
])
def test_form_entries(name, form, base):
    assert _ingredients(name) == {form}
    assert kdrugs.load().ingredients[form]["form_of"] == base


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b, severity, avoid", [
    ("Prezcobix", "sildenafil for PAH", "contraindicated", None),   # cobicistat label
    ("Norvir", "Liqrev", "contraindicated", None),                    # ritonavir label
    ("Tybost", "Revatio", "contraindicated", None),
    ("Norvir", "Adcirca", "major", False),                            # the Adcirca booster schedule
    ("voriconazole", "Alyq", "major", True),                          # Adcirca: avoid strong CYP3A inhibitors
    ("rifampin", "tadalafil for PAH", "major", True),                 # Adcirca: avoid strong inducers
    ("cilostazol", "esomeprazole", "moderate", None),                 # Pletal: 50 mg twice daily
    ("cilostazol", "diltiazem", "moderate", None),
    ("Camzyos", "Nexium", "major", None),                             # weak CYP2C19 inhibitor: one dose level down
    ("mavacamten", "verapamil", "major", None),                       # moderate CYP3A4 inhibitor
    ("mavacamten", "ketoconazole", "contraindicated", None),          # strong: stays contraindicated
    ("mavacamten", "levonorgestrel/ethinylestradiol", "moderate", None),
    ("itraconazole", "everolimus", "major", None),                    # sensitive CYP3A substrate
    ("clarithromycin", "lurasidone", None, None),                     # at least major (Latuda: contraindicated)
    ("carbamazepine", "tacrolimus", "major", None),                   # narrow therapeutic index
    ("phenytoin", "ticagrelor", "major", None),
])
def test_rules(kb, a, b, severity, avoid):
    f = _lead(kb, a, b)
    assert f is not None
    if severity is None:
        assert f.severity in ("major", "contraindicated")
    else:
        assert f.severity == severity
    if avoid is not None:
        assert f.avoid == avoid


def test_pah_forms_do_not_get_the_erectile_dysfunction_dose_limit(kb):
    # strong3a4_pde5 gives Viagra/Cialis maximum doses; a PAH form has its own label rule instead
    f = _lead(kb, "itraconazole", "Adcirca")
    assert "72 hours" not in f.advice()
    assert "72 hours" in _lead(kb, "itraconazole", "Cialis").advice()


@pytest.mark.parametrize("a, b", [
    ("ritonavir", "darunavir"),        # boosting is the intent: protease inhibitors are not in the sensitive class
    ("cobicistat", "atazanavir"),
    ("Zilxi", "warfarin"),             # minocycline foam: no systemic label interaction
    ("Amzeeq", "calcium carbonate"),   # no chelation for a skin foam
    ("rifamycin", "warfarin"),         # Aemcolo is not absorbed: no inducer class
    ("rifampin", "simvastatin"),       # induction only lowers the statin's effect: its own moderate rule, not the
    ("phenytoin", "eletriptan"),       # sensitive-substrate rule
])
def test_no_false_alarm(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity in ("moderate", "minor")

