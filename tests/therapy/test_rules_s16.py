"""Session 16 (planner16): the rules session 15 listed as missing. IM olanzapine with a parenteral benzodiazepine is
a label rule for the injected forms only, so a route typed on the drug ("olanzapine 10 mg IM") must reach it, and
oral or unstated olanzapine must not raise it; perampanel at 12 mg/day and boosted protease inhibitors with hormonal
contraception (FSRH); ulipristal with drugs that raise gastric pH (label)."""

import pytest

from medcore import kbyaml
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR
from medcore.knowledge.interaction_rules import DoseContext, RouteNeed
from medcore.therapy import interactions as ix
from medcore.therapy import routes as kroutes

RULE = "olanzapine_im_parenteral_benzodiazepine_s16"


def _finding(kb, a, b):
    fs = ix.check_names(kb, [a, b]).findings
    return max(fs, key=lambda f: ix.SEVERITY_RANK[f.severity]) if fs else None


@pytest.mark.parametrize("text, route", [
    ("olanzapine 10 mg IM", "im"), ("olanzapine 10 mg intramuscular", "im"), ("lorazepam 2 mg i.v.", "iv"),
    ("lorazepam 2 mg IV", "iv"), ("midazolam 5 mg injection", "parenteral"), ("enoxaparin 40 mg SC", "sc"),
    ("olanzapine 10 mg", None), ("olanzapine 10 mg tablets", "oral"),
])
def test_injected_route_words(text, route):
    assert kroutes.route_in(text) == route


@pytest.mark.parametrize("a, b, has_rule, severity", [
    ("olanzapine 10 mg IM", "lorazepam 2 mg IM", True, "major"),
    ("olanzapine 10 mg IM", "lorazepam 2 mg IV", True, "major"),
    ("olanzapine IM", "diazepam injection", True, "major"),
    # the partner typed without a route may be injected: raised, its management says which form it is about
    ("olanzapine 10 mg IM", "lorazepam", True, "major"),
    # not IM olanzapine: only the general sedation rule
    ("olanzapine 10 mg oral", "lorazepam 2 mg IM", False, "moderate"),
    ("olanzapine 10 mg tablets", "lorazepam 2 mg IV", False, "moderate"),
    ("olanzapine 10 mg", "lorazepam 2 mg IM", False, "moderate"),
    ("olanzapine", "lorazepam", False, "moderate"),
    # an oral benzodiazepine typed as such is not a parenteral one
    ("olanzapine 10 mg IM", "lorazepam 1 mg tablets", False, "moderate"),
])
def test_im_olanzapine_with_parenteral_benzodiazepine(kb, a, b, has_rule, severity):
    f = _finding(kb, a, b)
    assert f is not None and f.severity == severity
    assert (RULE in f.rules) == has_rule
    if has_rule:
        assert f.avoid and "1 hour" in f.management and "Zyprexa IntraMuscular" in f.source


def test_route_rule_not_raised_where_no_route_is_known(kb):
    # the planner's own checks pass no typed routes: a rule for the injected form must not reach oral olanzapine
    ol, lz = "olanzapine", "lorazepam"
    assert RULE not in ix.pair(kb, ol, lz).rules
    assert RULE in ix.pair(kb, ol, lz, routes={ol: "im"}).rules
    assert RULE not in ix.pair(kb, ol, lz, routes={ol: "im", lz: "oral"}).rules


def test_route_need_semantics():
    need = RouteNeed("olanzapine", ("im",))
    assert need.met({"olanzapine": "im"}) and not need.met({"olanzapine": "oral"}) and not need.met({})
    assert RouteNeed("lorazepam", ("im", "iv"), unstated=True).met({})


def test_every_route_a_rule_names_is_a_known_route():
    data = kroutes.load()
    inter = kbyaml.load(f"{DEFAULT_KB_DIR}/therapy/interactions.yaml")
    named = {r for rule in inter["class_rules"] for side in ("a", "b") for r in rule[side].get("routes", ())}
    assert named and named <= set(data.exposure)


@pytest.mark.parametrize("a, b, severity", [
    ("perampanel 12 mg daily", "Microgynon", "major"), ("Fycompa 12 mg", "Cerazette", "major"),
    ("perampanel 4 mg daily", "Microgynon", "minor"), ("perampanel", "Nexplanon", "moderate"),
    ("perampanel 12 mg daily", "Mirena", None),  # the LNG-IUS is not affected (FSRH)
    ("ritonavir", "Microgynon", "major"), ("Norvir", "Cerazette", "major"), ("Prezcobix", "desogestrel", "major"),
    ("darunavir/cobicistat", "Nexplanon", "major"), ("Tybost", "Microgynon", "major"),
    ("Paxlovid", "Microgynon", "moderate"), ("ritonavir", "Yasmin", "major"), ("Tybost", "ethinyl estradiol", "major"),
    ("Norvir", "levonorgestrel", "major"), ("ritonavir", "Mirena", None), ("ritonavir", "Depo-Provera", None),
    ("ulipristal", "omeprazole", "moderate"), ("ella", "famotidine", "moderate"), ("ellaOne", "Gaviscon", "moderate"),
    ("ellaOne", "lansoprazole", "moderate"), ("Levonelle", "omeprazole", None),
])
def test_contraception_rules_s16(kb, a, b, severity):
    f = _finding(kb, a, b)
    assert (f.severity if f else None) == severity
    if f:
        assert "FSRH" in f.source or "label" in f.source


def test_dose_context_at_least():
    c = DoseContext("perampanel", "major", "m", atleast=12)
    assert c.matches(12) and c.matches(16) and not c.matches(10)
    assert c.label() == "perampanel 12 mg/day or more"


@pytest.mark.parametrize("a, b, severity", [
    ("sacubitril", "enalapril", "contraindicated"), ("sacubitril", "lisinopril 10 mg", "contraindicated"),
    ("Entresto", "ramipril", "contraindicated"), ("sacubitril", "losartan", None),
    ("trazodone", "tranylcypromine", "contraindicated"), ("Viibryd", "phenelzine", "contraindicated"),
    ("Trintellix", "isocarboxazid", "contraindicated"),
    # a MAO-B inhibitor for Parkinson's keeps the class rule's grade
    ("trazodone", "rasagiline", "major"),
])
def test_set_g_pairs_s16(kb, a, b, severity):
    f = _finding(kb, a, b)
    assert (f.severity if f else None) == severity


def test_the_plan_reads_routes_of_current_medicines(plan_for):
    # the medication review sees the same route rule as the interaction check
    patient = {"age": 40, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
    im = plan_for({**patient, "medications": ["olanzapine 10 mg IM", "lorazepam 2 mg IM"]}, "hypertension")
    oral = plan_for({**patient, "medications": ["olanzapine 10 mg tablets", "lorazepam 2 mg IM"]}, "hypertension")

    def worst(plan):
        ws = [w for w in plan.warnings if w.kind == "interaction" and "olanzapine" in w.text.lower()]
        return max((ix.SEVERITY_RANK[w.severity] for w in ws), default=0)

    assert worst(im) == ix.SEVERITY_RANK["major"] and worst(oral) == ix.SEVERITY_RANK["moderate"]
