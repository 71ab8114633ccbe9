"""Session 23c (issue 15): general reading rules for the population's size and the design, from misses across every
dev extraction split: a count printed with a blank between thousands, a year written right before a count, a
population counted only by its men and women, and the paper's own design named in a background sentence. Every
sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature.model import Sentence
from medcore.literature.population_size import count_of, pick_n


def _n(text: str, role: str = "methods") -> int | None:
    return pick_n([Sentence(0, text, 0, len(text), None, role)])[0]


@pytest.mark.parametrize("text, want", [
    ("A total of 24 318 adults with asthma were enrolled.", 24318),
    ("We studied 41\u2009207 insured beneficiaries who started a statin.", 41207),
    ("A total of 3,412 children were enrolled.", 3412),  # the comma form, as before
])
def test_thousands_with_a_blank(text, want):
    assert _n(text) == want


def test_blank_thousands_never_joins_a_dose_or_a_decimal():
    assert count_of("12 537") == 12537 and count_of("1,250") == 1250
    # "12 450.5": not a count of thousands; the people counted are the 12
    assert _n("In total 12 patients received 450.5 mg.") == 12


def test_a_year_right_before_the_count_is_not_the_count():
    assert _n("From 1996 through 2003 forty adults were studied.") == 40
    assert _n("In 2011 215 patients were enrolled at two sites.") == 215


def test_men_and_women_in_brackets_make_up_the_population():
    assert _n("Thirty-eight amateur runners (25 men, 13 women; aged 30-70 years) took the test.") == 38
    assert _n("Scans of a sample of sleep clinic attenders (9 females, 5 males) were reread.") == 14
    # a results sentence counts events, and one sex twice is no population
    assert _n("Falls happened in some walkers (6 men, 4 women).", role="results") is None
    assert _n("Scans of a sample of attenders (9 women, 5 women) were reread.") is None


@pytest.mark.parametrize("text, want", [
    ("Does screen time go with poor sleep in pupils?\nBACKGROUND: We ran this cross-sectional study to "
     "relate screen time to sleep in pupils.\nRESULTS: More screen time went with shorter sleep.", "cross_sectional"),
    ("Does screen time go with poor sleep in pupils?\nBACKGROUND: Earlier cross-sectional work linked screens and "
     "sleep.\nRESULTS: More screen time went with shorter sleep.", None),
])
def test_own_design_named_in_the_background(read, text, want):
    kind = read(text)[0].design.kind
    assert (kind if kind != "unknown" else None) == want


def test_this_retrospective_study_does_not_settle_the_kind(read):
    text = ("Is a second operation safe after a failed band?\nINTRODUCTION: In this retrospective study we sought "
            "to report outcomes of the second operation.\nRESULTS: No patient died.")
    assert read(text)[0].design.kind != "cohort"


def _sex(texts: list[str], n_idx: int = -2, title: str = "") -> float | None:
    from medcore.literature.population_sex import sex
    sents = [Sentence(i, t, 0, len(t), None, "methods") for i, t in enumerate(texts)]
    return sex(sents, n_idx, title).get("female_pct")


def test_sex_counts_with_thousands_and_one_person():
    assert _sex(["Of 20,500 adults screened (12,300 women, 8,200 men) most were well."]) == 60.0
    assert _sex(["Twelve nurses took part (1 man and 11 women)."]) == round(100 * 11 / 12, 1)


def test_one_sex_from_males_and_from_the_title():
    assert _sex(["We followed 90,412 Danish males born in one decade."], n_idx=0) == 0.0
    title = "Does bed rest help in pregnant women with high blood pressure?"
    assert _sex(["Records of the clinic were read.", "Rest did not lower pressure."], title=title) == 100.0
    # the other sex named anywhere: no share is guessed
    assert _sex(["Records of the clinic were read.", "Their husbands and other men were asked too."], title=title) is None
    assert _sex(["Records were read."], title="Does statin use differ in men and women with gout?") is None


def _effects(text: str) -> list[tuple]:
    from medcore.literature.numbers import extract_effects
    return [(e.measure, e.value, e.ci_low, e.ci_high)
            for e in extract_effects(Sentence(0, text, 0, len(text), None, "results"))]


def test_unnamed_interval_after_a_ratio_and_capital_adjusted_names():
    assert _effects("Readmission was likelier (OR 1.62, 1.41-1.88).") == [("OR", 1.62, 1.41, 1.88)]
    assert _effects("Readmission was likelier (OR 1.62, 2.1-3.0).") == [("OR", 1.62, None, None)]  # not around it
    assert _effects("Death did not differ (AHR = 1.04, 95% CI = 0.92-1.17).") == [("HR", 1.04, 0.92, 1.17)]
    assert _effects("AHR = 2.5 was measured in the asthma clinic.") == []  # airway hyperresponsiveness, no CI
