"""Session 13 (lit13s): arms of non-randomised comparisons named by what each group underwent (treated_groups),
the operation suffixes in the treatment cue, and the control named by who its people are. Every sentence here is
written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature import kb
from medcore.literature.arm_phrases import is_control
from medcore.literature.control_arms import named_control
from medcore.literature.model import Pico, PicoItem, Sentence
from medcore.literature.roles import cue_pattern
from medcore.literature.treated_groups import counted, expand, fill, labelled, two_forms


def _treat():
    t = cue_pattern(Settings(), "treatment")
    return lambda x: bool(t.search(x))


def _sents(*pairs):
    return [Sentence(i, t, 0, len(t), None, r) for i, (r, t) in enumerate(pairs)]


def _fill(sents, title="", pico=None):
    pico = pico or Pico()
    comp = cue_pattern(Settings(), "comparator")
    fill(pico, sents, title, _treat(), lambda x: is_control(comp, x), lambda x, i: PicoItem(text=x, sentence_idx=i))
    return [i.text for i in pico.interventions], [c.text for c in pico.comparators]


def test_suffix_cues_name_operations():
    pat = kb.cue_regex(["*ectomy", "therap*"])
    assert pat.search("after cholecystectomy") and pat.search("therapist")
    assert not pat.search("ectomy alone") and not pat.search("the ectopic focus")
    treat = _treat()
    assert treat("splenectomy") and treat("knee arthroplasty") and treat("stent placement")
    assert not treat("hip pain")


@pytest.mark.parametrize("text, names", [
    ("Of these, 40 patients underwent gastrectomy, and the other 35 patients underwent radiotherapy.",
     ["gastrectomy", "radiotherapy"]),
    ("Twelve had tonsillectomy and nine had adenoidectomy.", ["tonsillectomy", "adenoidectomy"]),
    ("30 cases received stenting, 22 cases bypass and 18 cases treated conservatively.",
     ["stenting", "bypass", "conservative treatment"]),
    ("Ten patients underwent colectomy, and eight patients refused the procedure.", ["colectomy", "no colectomy"]),
])
def test_counted_groups(text, names):
    assert counted(text, _treat()) == names


@pytest.mark.parametrize("text", [
    "Twelve had nausea and nine had vomiting.",  # events, not treatments
    "Forty patients underwent gastrectomy; 12 developed a leak.",  # one group, then an outcome
])
def test_counted_groups_need_two_treatments(text):
    assert counted(text, _treat()) == []


def test_abbreviation_takes_its_long_name():
    text = "We compared total mesorectal excision (TME) with local excision (LE) in rectal cancer."
    assert expand("TME", text) == "total mesorectal excision"
    assert expand("LE", text) == "local excision"
    assert expand("surgery", text) == "surgery"
    assert counted("In all, 20 patients underwent TME and 15 patients underwent LE.", _treat(), text) == [
        "total mesorectal excision", "local excision"]


def test_labelled_groups_need_a_giving_verb():
    assert labelled("Fit patients underwent resection (arm A) and the others were kept on observation (arm B).") == [
        "resection", "observation"]
    assert labelled("Counts were compared in patients with a normal scan (group A) and with an abnormal scan "
                    "(group B).") == []


def test_two_forms_of_one_treatment():
    text = "Early mobilisation was associated with fewer falls (2% vs 7%, P<.01) compared with late mobilisation."
    assert two_forms(text, _treat(), question=False) == []  # "mobilisation" is no treatment cue
    text = "Early extubation was followed by fewer infections (2% vs 7%, P<.01) compared with delayed extubation."
    assert two_forms(text, _treat(), question=False) == ["Early extubation", "delayed extubation"]
    q = "We asked whether electric bicycles, compared with ordinary bicycles, reduce commuting injuries."
    assert two_forms(q, _treat(), question=True) == ["electric bicycles", "ordinary bicycles"]
    assert two_forms(q, _treat(), question=False) == []


def test_fill_orders_arms_and_keeps_what_was_read():
    sents = _sents(("methods", "Patients treated with open repair versus endovascular repair were reviewed."))
    # the title names the second: it is the arm the study is about
    assert _fill(sents, "Is endovascular repair safe in the very old?") == (["endovascular repair"], ["open repair"])
    assert _fill(sents) == (["open repair"], ["endovascular repair"])
    read = Pico(interventions=[PicoItem(text="aspirin", sentence_idx=2)])
    assert _fill(sents, pico=read) == (["aspirin"], [])  # an arm read from the abstract stays
    title_only = Pico(interventions=[PicoItem(text="repair", sentence_idx=-1)])
    assert _fill(sents, pico=title_only) == (["open repair"], ["endovascular repair"])


def test_control_named_by_its_people():
    sents = _sents(("methods", "Control mothers received routine postnatal visits."))
    assert named_control(sents) == ("routine postnatal visits", 0)


def test_a_title_that_questions_a_treatment_does_not_make_it_the_arm():
    sents = _sents(("results", "Fifteen had detorsion, and 12 had oophorectomy."))
    assert _fill(sents, "Adnexal torsion: is oophorectomy necessary?") == (["detorsion"], ["oophorectomy"])
    assert _fill(sents, "Does oophorectomy shorten recovery?") == (["oophorectomy"], ["detorsion"])
