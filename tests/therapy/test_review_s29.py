"""Session 29 review (issue 13, helper plan29fix): the outside review of plan29's rules, own items, each with its
opposite case. Fixes: alprazolam kept its grapefruit caution (Xanax label) when grapefruit left the strong CYP3A4
class; thiocolchicoside (no CNS depressant) out of the opioid + muscle relaxant rule; the elagolix label's rifampin
and strong CYP3A inhibitor rows and repaglinide + trimethoprim (Prandin), neighbours of the s29 rules."""
import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


def _rules(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return {(f.severity, r) for f in rep.findings for r in f.rules}, rep.findings


def _lead(kb, a, b):
    return _rules(kb, a, b)[1][0] if _rules(kb, a, b)[1] else None


@pytest.mark.parametrize("a, b, severity", [
    ("grapefruit juice", "alprazolam", "moderate"),   # Xanax 7: grapefruit juice, use with caution
    ("grapefruit", "Xanax", "moderate"),
    ("elagolix", "rifampin", "moderate"),             # Orilissa 2.3/7: 200 mg BID not recommended
    ("Orilissa", "clarithromycin", "moderate"),       # strong CYP3A inhibitor
    ("repaglinide", "trimethoprim", "moderate"),      # Prandin 7/12.3: CYP2C8
    ("Prandin", "Bactrim", "moderate"),
    ("tramadol", "tizanidine", "major"),              # the s29 rule still holds for sedating relaxants
    ("Norco", "Soma", "major"),
])
def test_review_fixes_flag_what_the_labels_say(kb, a, b, severity):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)


@pytest.mark.parametrize("a, b", [
    ("grapefruit juice", "lorazepam"),      # glucuronidated, no CYP3A4: no grapefruit rule
    ("grapefruit juice", "pravastatin"),    # statins the labels do not flag
    ("grapefruit juice", "rosuvastatin"),
    ("grapefruit juice", "pitavastatin"),
    ("grapefruit juice", "amlodipine"),     # Norvasc: no significant effect of 240 mL
    ("elagolix", "fluconazole"),            # moderate inhibitor, not in the label's rows
    ("elagolix", "norethindrone"),          # Oriahnn's own partner
    ("repaglinide", "amoxicillin"),
    ("glipizide", "trimethoprim"),          # trimethoprim alone: no sulfonamide, no s29 rule
    ("metformin", "Bactrim"),
    ("ibuprofen", "cyclobenzaprine"),       # non-opioid analgesics with relaxants: no opioid rule
    ("naproxen", "tizanidine"),
    ("loperamide", "cyclobenzaprine"),      # peripheral opioid, not in the opioid class
])
def test_no_flag_next_to_the_fixes(kb, a, b):
    rules, _ = _rules(kb, a, b)
    assert not any(sev in ("major", "contraindicated") for sev, _r in rules), (a, b, rules)
    assert not any(r.startswith(("grapefruit_", "elagolix_", "repaglinide_trim", "opioid_muscle")) for _s, r in rules)


@pytest.mark.parametrize("opioid", ["tramadol", "codeine", "oxycodone"])
def test_thiocolchicoside_is_no_cns_depressant_partner(kb, opioid):
    rules, _ = _rules(kb, opioid, "thiocolchicoside")
    assert not any(r == "opioid_muscle_relaxant_s29" for _s, r in rules), rules


# look-alike / sound-alike typos (ISMP pairs) stay asked: never read as either drug
@pytest.mark.parametrize("typed", [
    "lamictil", "lamisal",        # Lamictal / Lamisil
    "hydroxazine", "hydralyzine",  # hydroxyzine / hydralazine
    "plaxil",                     # Paxil / Plavix
    "latus",                      # Lantus / Latuda
    "lonazepam",                  # clonazepam / lorazepam
    "prednisolne",                # prednisone / prednisolone
    "humalin",                    # Humulin / Humalog
    "tramadone",                  # tramadol / trazodone
    "zyrtexa",                    # Zyrtec / Zyprexa
    "cerebrex",                   # Celebrex / Cerebyx
])
def test_look_alike_typos_stay_asked(typed):
    r = kdrugs.resolve(typed)
    assert not r.ok, (typed, r)


@pytest.mark.parametrize("typed, want", [
    ("celerex", {"celecoxib"}), ("zovirex", {"acyclovir"}), ("indral", {"propranolol"}),
    ("klonidin", {"clonidine"}), ("celexra", {"citalopram"}),
])
def test_plain_typos_read_their_own_drug(typed, want):
    r = kdrugs.resolve(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r)


@pytest.mark.parametrize("typed", ["ramipril plus amlodipine", "Concor plus aspirin", "Tenormin plus",
                                   "nebivolol plus", "Coreg plus"])
def test_plus_that_is_no_thiazide_pack_is_not_read_as_one(typed):
    r = kdrugs.resolve(typed)
    assert not (r.ok and "hydrochlorothiazide" in r.ingredients), (typed, r)
