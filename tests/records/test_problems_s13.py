"""Issue 11, session 13 (records13): codes of site-named pains, a bare finding coded by the note's topic site,
bracketed repeats, other senses (basal ganglia, a vaccine's infection), negation through "on exertion" / "from the",
and chronic conditions written with their type. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.knowledge import assertions as ctx
from medcore.records import note_site, same_problem
from medcore.records.entities import Problem
from ._read import problems as _problems


def _found(kb, text, word):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word,category", [
    # walking up from these terms reached the HPO term "Pain" and gave G89
    ("She describes a dull stomach pain after meals.", "stomach pain", "R10"),
    ("He has had arm pain since the weekend.", "arm pain", "M79"),
    ("Speculum exam done. No cervical motion tenderness.", "cervical motion tenderness", "R10"),
])
def test_site_named_pains_take_their_sites_code_not_g89(kb, text, word, category):
    code, _ = _found(kb, text, word)
    assert code.replace(".", "")[:3] == category


def test_renal_artery_stenosis_is_coded(kb):
    code, assertion = _found(kb, "The duplex scan suggested renal artery stenosis on the right.", "renal artery stenosis")
    assert code == "I70.1"


def test_organomegaly_of_the_abdomen_is_hepatosplenomegaly(kb):
    code, assertion = _found(kb, "Abdomen soft, no organomegaly.", "organomegaly")
    assert (code, assertion) == ("R16.2", "negated")


@pytest.mark.parametrize("text,word", [
    ("The scan shows a small infarct in the left basal ganglia.", "ganglia"),
    ("Her second hepatitis B injection is due next month.", "hepatitis b"),
    ("Admitted with an exacerbation of COPD overnight.", "exacerbation"),
    ("A rounded low density focus sits in the sinus.", "low density"),
    ("She was referred for psychiatric counseling.", "counseling"),
])
def test_words_in_another_sense_are_not_problems(kb, text, word):
    assert word not in [w for w, _c, _a in _problems(kb, text)], _problems(kb, text)


def test_the_disease_of_an_exacerbation_is_still_read(kb):
    # session 24b: the exacerbation is read with its disease as one problem, J44.1 (acute exacerbation of COPD)
    code, _ = _found(kb, "Admitted with an exacerbation of COPD overnight.", "exacerbation of copd")
    assert code == "J44.1"


def test_a_bracketed_abbreviation_is_the_same_problem(kb):
    words = [w for w, _c, _a in _problems(kb, "1. Cerebrovascular accident (CVA) with arm weakness.")]
    assert "cva" not in words and "cerebrovascular accident" in words


def _p(text, start, word, code, concept="c"):
    return Problem(word, start, start + len(word), 0, word, "present", "", concept, code, "")


def test_bracketed_repeat_needs_the_same_category_and_the_closing_bracket():
    text = "Asthma (COPD) and reflux (GERD"
    kept = same_problem.drop_bracketed_repeats(text, [_p(text, 0, "Asthma", "J45.909", "a"),
                                                      _p(text, 8, "COPD", "J44.9", "b"),
                                                      _p(text, 18, "reflux", "K21.9", "r"),
                                                      _p(text, 26, "GERD", "K21.9", "r")])
    assert [p.text for p in kept] == ["Asthma", "COPD", "reflux", "GERD"]


# ---- the note's topic site -------------------------------------------------------------------
_KNEE_REPORT = ("EXAM: MRI of the left knee.\nHISTORY: Twisting injury of the knee while skiing.\n"
                "FINDINGS: The medial meniscus of the knee shows a tear. There is a joint effusion.\n"
                "IMPRESSION: Meniscal tear of the knee.")


def test_a_bare_effusion_takes_the_code_of_the_notes_topic_site(kb):
    codes = [c for w, c, _a in _problems(kb, _KNEE_REPORT) if "effusion" in w]
    assert codes and all(c.startswith("M25.46") for c in codes), _problems(kb, _KNEE_REPORT)


def test_no_topic_site_when_the_note_names_several_sites_alike(kb):
    from medcore.records.extract import matchers
    injuries = matchers(kb).problems.injuries
    assert note_site.topic_site(_KNEE_REPORT, injuries) == "knee"
    assert note_site.topic_site("Knee pain and knee stiffness; hip pain, hip clicking. Knee. Hip.", injuries) is None
    assert note_site.topic_site("Left knee swelling.", injuries) is None  # named once: not the note's topic


# ---- assertions ------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,word", [
    ("She reports no cough, breathlessness on exertion, wheeze or ankle swelling.", "wheeze"),
    ("He denies any discharge from the penis, kidney stones or rash.", "kidney stones"),
])
def test_on_and_from_inside_a_symptom_do_not_end_a_negated_list(sentence, word):
    rules = ctx.load_rules("clinical")
    mods, terms = ctx.find_modifiers(sentence, rules)
    i = sentence.index(word)
    assert ctx.assert_target(i, i + len(word), mods, terms, "", len(sentence), rules=rules, text=word) == "negated"


def test_on_still_ends_a_negation_elsewhere():
    sentence = "No chest pain on Tuesday but on Friday had syncope."
    rules = ctx.load_rules("clinical")
    mods, terms = ctx.find_modifiers(sentence, rules)
    i = sentence.index("syncope")
    assert ctx.assert_target(i, i + 7, mods, terms, "", len(sentence), rules=rules, text="syncope") == "present"


@pytest.mark.parametrize("words", ["type 2 diabetes mellitus", "Migraines", "AV block"])
def test_chronic_conditions_written_with_type_or_plural(words):
    assert ctx.is_chronic(words)


def test_type_2_diabetes_mellitus_in_the_past_history_is_present(kb):
    text = "PAST MEDICAL HISTORY:\nSignificant for type 2 diabetes mellitus and asthma.\n"
    assert [a for w, _c, a in _problems(kb, text) if "diabetes" in w] == ["present"]


def test_a_bare_word_takes_the_code_of_the_problem_named_in_full(kb):
    text = "Diagnosis: mantle cell lymphoma.\nThe bone marrow biopsy shows lymphoma."
    codes = {w: c for w, c, _a in _problems(kb, text)}
    assert codes["lymphoma"].startswith("C83"), codes


def test_two_kinds_of_the_same_head_leave_the_bare_word_alone():
    from medcore.records.note_site import named_in_full

    class _Term:
        def get(self, cid):
            raise AssertionError("no concept should be looked up")

    probs = [_p("x", 0, "ovarian cyst", "N83.209"), _p("x", 20, "renal cyst", "N28.1"), _p("x", 40, "cyst", "L72.9")]
    assert [p.icd10cm for p in named_in_full(probs, frozenset({"L72.9"}), _Term(), str)] == ["N83.209", "N28.1", "L72.9"]


def test_hemiparesis_is_hemiplegia_not_generalised_weakness(kb):
    code, assertion = _found(kb, "History of stroke with no residual hemiparesis.", "residual hemiparesis")
    assert (code, assertion) == ("G81.90", "negated")


def test_a_bare_oedema_is_not_the_organ_oedema_named_elsewhere(kb):
    text = "Admitted with acute pulmonary edema last year.\nEXTREMITIES: Mild edema of both ankles."
    codes = [c for w, c, _a in _problems(kb, text) if w == "edema"]
    assert codes and not any(c.startswith("J81") for c in codes), _problems(kb, text)


@pytest.mark.parametrize("sentence,word,want", [
    ("Head CT, with and without contrast: 1) a small infarct in the pons.", "infarct", "present"),
    ("MRI brain without gadolinium showed a mass in the left temporal lobe.", "mass", "present"),
    ("The digital exam found no nodules, and an enlarged prostate.", "enlarged prostate", "present"),
    ("The digital exam found no nodules, and no tenderness.", "tenderness", "negated"),
])
def test_imaging_technique_and_a_new_finding_after_a_denied_one(sentence, word, want):
    rules = ctx.load_rules("clinical")
    mods, terms = ctx.find_modifiers(sentence, rules)
    i = sentence.index(word)
    assert ctx.assert_target(i, i + len(word), mods, terms, "", len(sentence), rules=rules, text=word) == want


@pytest.mark.parametrize("text,word", [
    ("Seen in clinic after an MVA two weeks ago.", "mva"),
    ("REASON FOR EXAM: Motor vehicle collision.", "motor vehicle collision"),
])
def test_a_motor_vehicle_accident_is_reported_as_the_event(kb, text, word):
    code, _ = _found(kb, text, word)
    assert code.startswith("V89")


def test_a_vehicle_accident_is_not_incontinence(kb):
    assert not [c for _w, c, _a in _problems(kb, "He was injured in a work accident.") if c.startswith("R32")]


def test_a_shared_head_after_a_two_word_site(kb):
    code, _ = _found(kb, "Says her neck and lower back pain began in May.", "neck")
    assert code == "M54.2"


def test_a_placeholder_date_dates_an_earlier_episode():
    from medcore.records import past_episode
    assert past_episode.told_as_past("She broke her wrist in a fall on MM/DD/YYYY at work.", "history_of_present_illness")
    assert not past_episode.told_as_past("She fell on MM/DD/YYYY and presents today.", "history_of_present_illness")


@pytest.mark.parametrize("text,word", [
    ("He hurt his neck in a motor vehicle accident last spring.", "motor vehicle accident"),
    ("She was admitted after a fall at home with a fractured hip.", "fall"),
])
def test_an_event_that_happened_is_historical(kb, text, word):
    _code, assertion = _found(kb, text, word)
    assert assertion == "historical"


def test_a_hypothetical_fall_stays_hypothetical(kb):
    _code, assertion = _found(kb, "Return if she has a fall or new confusion.", "fall")
    assert assertion == "hypothetical"


def test_a_consent_list_that_consisted_of_risks_is_hypothetical():
    sentence = "The risks of the operation were explained to him and consisted of bleeding, infection and perforation."
    rules = ctx.load_rules("clinical")
    mods, terms = ctx.find_modifiers(sentence, rules)
    i = sentence.index("perforation")
    assert ctx.assert_target(i, i + 11, mods, terms, "", len(sentence), rules=rules, text="perforation") == "hypothetical"
