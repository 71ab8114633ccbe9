"""Session 22 (issue 15): an abbreviation's long form found from its last letter back (Schwartz and Hearst), and
the outcome scripts' shared driving in one place. Sentences written for this test."""

import importlib.util
from pathlib import Path

from medcore.literature import evaluate
from medcore.literature.treated_groups import expand, long_form


def test_a_small_word_with_the_first_letter_does_not_start_the_long_form():
    text = "We recorded the time to healing (TTH) of every ulcer."
    assert expand("TTH", text) == "time to healing"  # was "to healing": the shortest run starting with t
    assert expand("TPT", "Delays in time to primary treatment (TPT) were long.") == "time to primary treatment"
    assert expand("OPL", "We counted the occurrence of pressure lesions (OPL) weekly.") == \
        "occurrence of pressure lesions"


def test_every_letter_is_matched_from_the_end_so_leading_words_are_not_dropped():
    assert expand("PPV", "The positive predictive value (PPV) was low.") == "positive predictive value"
    assert expand("PRP", "Injections of platelet-rich plasma (PRP) were given.") == "platelet-rich plasma"
    assert expand("EEG", "An electro-encephalogram (EEG) was taken.") == "electro-encephalogram"
    assert expand("ACCIs", "the Arthritis Coping and Communication Index (ACCI) scores") == \
        "Arthritis Coping and Communication Index"


def test_a_small_word_starts_the_form_when_going_further_back_would_take_in_too_much():
    assert long_form("ISH", "slides were read after staining with DNA in situ hybridisation") == "in situ hybridisation"


def test_letters_that_are_not_in_the_words_give_no_long_form():
    assert expand("NBP", "pressure as taken by the nurse (NBP) at rest") == "NBP"  # was "nurse"
    assert expand("ICU", "admission to an intensive care unit (ICU)") == "intensive care unit"
    assert expand("TKA", "no abbreviation defined here") == "TKA"
    # a fit spread far back is a chance one: over min(|A| + 5, 2|A|) words
    assert long_form("AB", "apples grew where nothing else could be") is None


def _tools():
    path = Path(__file__).resolve().parents[2] / "docs" / "evals" / "_tools" / "lit_outcomes.py"
    spec = importlib.util.spec_from_file_location("lit_outcomes", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_outcome_tallies_pool_over_splits_with_the_scorers_ratio():
    tools = _tools()
    t = lambda g, p, c: {"gold": g, "predicted": p, "correct": c, "precision": None, "recall": None}  # noqa: E731
    per = {"a": {"outcomes_primary": t(4, 2, 2), "outcomes_secondary": t(0, 0, 0)},
           "b": {"outcomes_primary": t(2, 2, 1), "outcomes_secondary": t(0, 1, 0)}}
    got = tools.pooled(per, ("a", "b"))
    assert got["outcomes_primary"] == {"gold": 6, "predicted": 4, "correct": 3, "precision": 0.75, "recall": 0.5}
    assert (got["outcomes_secondary"]["precision"], got["outcomes_secondary"]["recall"]) == (0.0, None)
    assert evaluate.ratio(2, 3) == 0.667 and evaluate.ratio(1, 0) is None


def test_a_swapped_outcome_reader_is_put_back_even_on_an_error():
    tools = _tools()
    from medcore.literature import pico, stated_outcomes
    tree = stated_outcomes.read_outcomes
    try:
        with tools.using_reader(lambda *a: None):
            assert pico.stated_outcomes.read_outcomes is not tree
            raise KeyError("stop")
    except KeyError:
        pass
    assert pico.stated_outcomes.read_outcomes is tree
