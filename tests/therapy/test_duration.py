"""Duration-dependent interactions: a rule's severity or management by how long one drug is taken
(`duration` contexts), interactions that outlast a stopped drug (`persists`), and the course read from text."""

import math

import pytest

from medcore.knowledge.interaction_rules import expand_interactions
from medcore.therapy import interactions as ix
from medcore.therapy.course import course_days
from medcore.therapy.kb import KBError
from medcore.therapy.profile import ProfileError, parse_patient


@pytest.mark.parametrize("text,days", [
    ("14 days", 14), ("8 weeks, 30-60 minutes before breakfast", 56), ("long-term", math.inf),
    ("acetaminophen 1 g qid for 10 days", 10), ("clarithromycin 500 mg bid x 7 days", 7), ("7-day course", 7),
    ("ibuprofen 400 mg tid 3 days", 3), ("paracetamol regularly", math.inf), ("single dose", 1),
    ("7 days, then 5 mg twice daily for at least 3 months", 7 + 3 * 365 / 12),
    ("1 week, then 60 mg daily", None), ("simvastatin 40 mg daily", None), ("as needed", None), ("at onset", None), ("rifampin stopped 5 days ago", None),
])
def test_course_days(text, days):
    got = course_days(text)
    assert got == pytest.approx(days) if days is not None else got is None


def test_acetaminophen_with_warfarin_depends_on_the_course(kb):
    short = ix.pair(kb, "warfarin", "acetaminophen", days={"acetaminophen": 1})
    regular = ix.pair(kb, "warfarin", "acetaminophen", days={"acetaminophen": 10})
    unknown = ix.pair(kb, "warfarin", "acetaminophen")
    assert (short.severity, regular.severity, unknown.severity) == ("minor", "moderate", "minor")
    assert "INR" in regular.management and "10 days" in regular.management
    assert "Course not known" in unknown.management and "more than 2 days" in unknown.management
    assert "Hylek" in regular.source


def test_typed_course_reaches_the_interaction_check(kb):
    names = ["warfarin 5 mg daily", "acetaminophen 1 g four times daily for 10 days"]
    [f] = ix.check_names(kb, names).findings
    assert f.severity == "moderate"
    [f] = ix.check_names(kb, ["warfarin", "acetaminophen 1 g single dose"]).findings
    assert f.severity == "minor"


def test_class_rule_context_binds_to_its_side(kb):
    """Enzyme inducer + hormonal contraceptive (class rule): long-term use says avoid, a short course does not."""
    pill = "ethinyl-estradiol-levonorgestrel"
    inducers = [i for i in kb.pairs if pill in i and any(h.rule == "inducer_contraceptive" for h in kb.pairs[i])]
    assert inducers, "the class rule expands to at least one pair"
    other = next(iter(set(inducers[0]) - {pill}))
    long = ix.pair(kb, other, pill, days={other: math.inf})
    short = ix.pair(kb, other, pill, days={other: 14})
    assert long.avoid and not short.avoid and "28 days" in short.management
    assert [p.drug for h in kb.pairs[inducers[0]] for p in h.persists] == [other]
    rif = ix.pair(kb, "rifampin", pill, days={"rifampin": 90})
    assert rif.severity == "major" and rif.avoid and "FSRH" in rif.source


def test_short_macrolide_course_with_simvastatin(kb):
    short = ix.pair(kb, "clarithromycin", "simvastatin", days={"clarithromycin": 7})
    long = ix.pair(kb, "clarithromycin", "simvastatin", days={"clarithromycin": 90})
    assert short.severity == long.severity == "contraindicated"
    assert "suspend simvastatin" in short.management and "pravastatin" in long.management


def _vte_patient(**extra):
    return {"age": 60, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0, **extra}


def test_recently_stopped_rifampin_still_acts_on_a_doac(plan_for):
    recent = plan_for(_vte_patient(stopped_medications=["rifampin 600 mg daily stopped 5 days ago"]), "dvt_pe")
    apixaban = next(o for o in recent.options if o.option_id == "apixaban")
    [w] = [i for i in apixaban.cautions if i.kind == "interaction" and "rifampin" in i.drugs]
    assert w.severity == "major" and w.avoid and "stopped 5 days ago" in w.text and "about 9 more days" in w.text
    assert "Niemi" in w.source
    chosen = next(o for o in recent.options if o.status == "recommended")
    assert chosen.option_id != "apixaban"  # ranked below the options without an avoid-interaction
    later = plan_for(_vte_patient(stopped_medications=[{"name": "rifampin", "stopped_days_ago": 20}]), "dvt_pe")
    apixaban = next(o for o in later.options if o.option_id == "apixaban")
    assert not [i for i in apixaban.cautions if "rifampin" in i.drugs]


def test_stopped_inducer_and_a_current_medicine(plan_for):
    plan = plan_for(_vte_patient(medications=["warfarin 5 mg daily"],
                                 stopped_medications=["rifampin stopped 1 week ago"]), "dvt_pe")
    [w] = [i for i in plan.warnings if i.kind == "interaction" and "rifampin" in i.drugs and "warfarin" in i.drugs]
    assert "current medicine warfarin" in w.text and "lower the warfarin dose" in w.text


def test_stopped_medicine_needs_a_time():
    with pytest.raises(ProfileError, match="say when it was stopped"):
        parse_patient(_vte_patient(stopped_medications=["rifampin"]))
    p, _ = parse_patient(_vte_patient(medications=[{"name": "clarithromycin", "dose": 500, "duration": "7 days"}]))
    assert p.medications == ["clarithromycin 500 for 7 days"]


def test_duration_context_must_name_one_of_the_pair():
    drugs = {d: {"id": d, "classes": []} for d in ("warfarin", "acetaminophen", "aspirin")}
    data = {"pairs": [{"drugs": ["warfarin", "acetaminophen"], "severity": "minor", "mechanism": "m", "effect": "e",
                       "management": "x", "source": "s",
                       "duration": [{"drug": "aspirin", "upto_days": 2, "severity": "minor", "management": "y"}]}],
            "class_rules": []}
    with pytest.raises(KBError, match="duration context names 'aspirin'"):
        expand_interactions(data, drugs, {}, error=KBError)
    data["pairs"][0]["duration"][0]["drug"] = "acetaminophen"
    data["pairs"][0]["dose"] = [{"drug": "acetaminophen", "upto": 2000, "severity": "minor", "management": "z"}]
    with pytest.raises(KBError, match="dose or duration contexts, not both"):
        expand_interactions(data, drugs, {}, error=KBError)


def test_triple_whammy_is_one_finding_of_three(kb):
    report = ix.check_names(kb, ["ibuprofen 400 mg tid for 5 days", "lisinopril", "furosemide"])
    [triple] = [f for f in report.findings if len(f.drug_ids) == 3]
    assert triple.severity == "major" and "first 30 days" in triple.management and "Lapi" in triple.source
    assert not [f for f in ix.check_names(kb, ["ibuprofen", "lisinopril"]).findings if len(f.drug_ids) == 3]


def test_triple_whammy_in_a_plan(plan_for):
    patient = _vte_patient(age=58, medications=["lisinopril 20 mg daily", "hydrochlorothiazide 25 mg daily"])
    plan = plan_for(patient, "osteoarthritis")
    naproxen = next(o for o in plan.options if o.option_id == "oral_nsaid")
    [w] = [i for i in naproxen.cautions if i.kind == "interaction" and len(i.drugs) == 3]
    assert w.severity == "major" and "naproxen" in w.drugs
    two = plan_for(_vte_patient(age=58, medications=["lisinopril 20 mg daily"]), "osteoarthritis")
    without = next(o for o in two.options if o.option_id == "oral_nsaid")
    assert naproxen.penalty >= without.penalty + 2  # ranked as a major interaction, not only the pair's moderate
    on_three = plan_for(_vte_patient(medications=["lisinopril", "hydrochlorothiazide", "naproxen 500 mg bid regularly"]),
                        "dvt_pe")
    [w] = [i for i in on_three.warnings if i.kind == "interaction" and len(i.drugs) == 3]
    assert w.text.startswith("current medicines") and "Regular use of the three" in w.text


def test_group_rule_class_must_exist(kb, tmp_path):
    import shutil

    from medcore.therapy.kb import load_kb_dir

    root = tmp_path / "therapy"
    shutil.copytree(kb.root, root)
    path = root / "interactions.yaml"
    path.write_text(path.read_text().replace("{classes: [diuretic]}", "{classes: [no_such_class]}", 1))
    with pytest.raises(KBError, match="group rule triple_whammy: no drug has class 'no_such_class'"):
        load_kb_dir(root)


def test_a_medicine_with_a_course_phrase_and_no_dose_is_recognised(kb):
    """'acetaminophen single dose' was unknown while 'acetaminophen 1 g single dose' was recognised."""
    from medcore.therapy.course import course_days
    from medcore.therapy.names import resolve_drug

    for text in ("acetaminophen single dose", "acetaminophen 1 g single dose"):
        r = resolve_drug(kb, text)
        assert r.ok and r.ids == ["acetaminophen"] and r.how == "exact", text
        assert course_days(text) == 1.0
    r = resolve_drug(kb, "ibuprofen regular")
    assert r.ids == ["ibuprofen"] and course_days("ibuprofen regular") == math.inf
