"""Session 15 (lit15b): `literature ask` agrees with the primary result's numbers; significance read from the CI when
no p-value is given; authors' limitations on blinding and follow-up; a setting named with its count of sites; group
rates written "4 of the 90"; a file of invisible characters refused; one abstract's CPU time within budget.
Every abstract here is written by us."""

from __future__ import annotations

import time

import pytest

from medcore.literature import ask, ask_model
from medcore.literature.errors import LiteratureInputError
from medcore.literature.inputs import read_input
from medcore.literature.model import Effect, Sentence
from medcore.literature.numbers import check, extract_effects, significant
from tests.literature.test_ask import fake_embed

NULL_RATIO = ["Vitamin D might prevent winter colds in older people.",
              "We randomly gave 800 people over seventy a daily vitamin D tablet or a dummy tablet for six months.",
              "A cold was reported by 31% and 34% of them (risk ratio 0.91, 95% CI 0.78 to 1.06).",
              "Vitamin D significantly improved wellbeing and was safe; it is beneficial."]
ROLES4 = ["background", "methods", "results", "conclusions"]
Q = "Does vitamin D prevent colds in older adults?"


def _sentence(text: str) -> Sentence:
    return Sentence(0, text, 0, len(text))


def test_significance_from_the_ci_when_no_p_value():
    crosses = Effect("RR", 0.91, ci_low=0.78, ci_high=1.06)
    excludes = Effect("MD", -1.2, ci_low=-1.8, ci_high=-0.6)
    assert significant(crosses) is False and significant(excludes) is True
    assert significant(Effect("NNT", 12.0)) is None and significant(Effect("OR", 2.0)) is None
    # the p-value says first; the consistency check still compares it with the CI
    both = Effect("OR", 1.5, ci_low=1.1, ci_high=2.0, p_value=0.2, p_relation="=", p_text="p = 0.2")
    assert significant(both) is False and any("excludes" in f for f in check(both))


def test_null_primary_result_is_not_answered_yes(settings):
    cues = ask_model.cue_patterns(settings)
    words_only = ask.answer_question(Q, NULL_RATIO[:2] + ["A cold was reported by 31% and 34% of them."] + NULL_RATIO[3:],
                                     ROLES4, embed=fake_embed, cues=cues)
    assert words_only.answer == "yes"  # the upbeat conclusion alone says yes: the numbers below make the difference
    a = ask.answer_question(Q, NULL_RATIO, ROLES4, embed=fake_embed, cues=cues)
    assert a.answer == "no" and a.method.endswith("+numbers")
    why = next(e for e in a.evidence if e["idx"] == 2)["why"]
    assert "not significant" in why and "0.78" in why


def test_null_primary_with_a_significant_secondary_is_maybe(settings):
    cues = ask_model.cue_patterns(settings)
    sents = ["Leaving out the bladder catheter before a planned caesarean might cause urine retention.",
             "We randomly assigned 180 women to no catheter or the usual catheter.",
             "The primary outcome, retention needing a catheter later, occurred in 4 of the 90 women without a "
             "catheter and in 2 of the 90 with one (p = 0.68).",
             "Women without a catheter walked sooner, 82% vs 71% within six hours; p=0.03.",
             "Leaving out the catheter significantly increased retention."]
    a = ask.answer_question("Does omitting the bladder catheter increase urinary retention?", sents,
                            ["background", "methods", "results", "results", "conclusions"], embed=fake_embed, cues=cues)
    assert a.answer == "maybe"
    assert "another result is" in next(e for e in a.evidence if e["idx"] == 2)["why"]


def test_a_question_whose_yes_is_a_null_result_is_left_alone(settings):
    cues = ask_model.cue_patterns(settings)
    sents = NULL_RATIO[:3] + ["Vitamin D was as effective as the standard tablet and safe; it is beneficial."]
    a = ask.answer_question("Is vitamin D as effective as the standard tablet?", sents, ROLES4, embed=fake_embed,
                            cues=cues)
    assert a.answer == "yes" and "+numbers" not in a.method


def test_group_rates_with_an_article_and_percentages():
    e = extract_effects(_sentence("Retention occurred in 4 of the 90 women left without a catheter and in 2 of the "
                                  "90 who had one (p = 0.68)."))
    assert [(r["events"], r["total"]) for r in e[0].group_rates] == [(4, 90), (2, 90)]
    assert significant(e[0]) is False
    pct = extract_effects(_sentence("They walked sooner, 82% vs 71% within six hours; p=0.03."))
    assert [r["percent"] for r in pct[0].group_rates] == [82.0, 71.0] and significant(pct[0]) is True


def test_limitations_on_blinding_and_follow_up_and_a_counted_setting(read):
    text = ("Walking groups for knee pain\n\nWe asked whether a weekly walking group eases knee pain. We randomly "
            "assigned 240 adults in four community clinics to walking groups or usual care. Pain scores fell more "
            "with walking (mean difference -1.2, 95% CI -1.8 to -0.6). The trial was not blinded and follow-up "
            "was short. Walking groups ease knee pain.")
    r = read(text)[0]
    texts = [r.paper.sentences[i].text for i in r.limitations]
    assert any("not blinded" in t for t in texts)
    assert r.design.setting.startswith("four community clinics")


@pytest.mark.parametrize("data", ["  \u200b \n\ufeff\u200d ", " \u200b\t".encode("utf-8")])
def test_only_invisible_characters_is_refused_as_empty(lit_settings, data):
    with pytest.raises(LiteratureInputError, match="blank space or invisible"):
        read_input(lit_settings, data, "blank.txt")


def test_one_abstract_cpu_time_within_budget(lit_settings, term):
    """Issue 15: one abstract <= 300 ms. CPU time (not wall, which a loaded machine inflates), warm (KB files
    loaded), with the installed role classifier when there is one (else the rules)."""
    torch = pytest.importorskip("torch")
    from medcore.literature import roles
    from medcore.literature.service import read_paper

    text = ("Exercise for low back pain\n\nWe tested whether a twelve-week exercise class reduces low back pain. "
            "In this randomised trial, 300 adults were assigned to classes or advice. Pain fell more with classes "
            "(mean difference -0.9, 95% CI -1.4 to -0.4; p<0.001). Disability was similar (p = 0.41). "
            "Exercise classes reduce back pain.")
    clf = roles.load_classifier(lit_settings) or False
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # CPU time of extra threads would count spin-waits, not work
    try:
        read_paper(lit_settings, text, classifier=clf, term=term)
        spent = []
        for _ in range(3):
            c0 = time.process_time()
            read_paper(lit_settings, text, classifier=clf, term=term)
            spent.append(time.process_time() - c0)
    finally:
        torch.set_num_threads(threads)
    assert sorted(spent)[1] <= 0.300, spent



def test_a_question_that_chooses_a_strategy_is_left_alone(settings):
    cues = ask_model.cue_patterns(settings)
    sents = NULL_RATIO[:3] + ["Vitamin D tablets are a simple, well-tolerated and beneficial approach."]
    a = ask.answer_question("Vitamin D for older adults in winter: continue the tablets?", sents, ROLES4,
                            embed=fake_embed, cues=cues)
    assert a.answer == "yes" and "+numbers" not in a.method
