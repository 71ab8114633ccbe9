"""Session 21 (issue 15): outcomes scored by eval-extract, fields with nothing to score reported as such, and the
outcomes an abstract names without ranking them read as its primary ones. Sentences written for this test."""

import yaml

from medcore.literature import evaluate, stated_outcomes
from medcore.literature.commands import field_line
from medcore.literature.model import Pico, Population, Sentence


def test_a_field_with_no_gold_and_no_prediction_is_not_scored():
    gold = [{"pmid": "1", "n": 20, "outcomes_secondary": [], "conditions": ["J45"]}]
    preds = {"1": {"n": 20, "outcomes_secondary": [], "conditions": []}}
    f = evaluate.score(gold, preds)["fields"]
    assert (f["outcomes_secondary"]["precision"], f["outcomes_secondary"]["recall"]) == (None, None)
    assert (f["conditions"]["precision"], f["conditions"]["recall"]) == (None, 0.0)  # nothing predicted
    assert (f["n"]["precision"], f["n"]["recall"]) == (1.0, 1.0)
    assert "not scored" in field_line("outcomes_secondary", f["outcomes_secondary"])
    assert "1.00" not in field_line("outcomes_secondary", f["outcomes_secondary"])
    assert "precision n/a  recall 0.00" in field_line("conditions", f["conditions"])


def test_a_set_that_does_not_annotate_outcomes_is_not_scored_on_them():
    # blind, blind2, blind_s11 and blind_s12 predate outcome annotation: a predicted outcome there is no false one
    gold = [{"pmid": "1", "n": 20}]
    preds = {"1": {"n": 20, "outcomes_primary": ["pain at 6 weeks"]}}
    f = evaluate.score(gold, preds)["fields"]["outcomes_primary"]
    assert (f["predicted"], f["precision"], f["recall"]) == (0, None, None)

def test_outcome_names_match_by_their_words_one_to_one():
    assert evaluate._outcome_match("treatment satisfaction", "satisfaction with treatment")
    assert evaluate._outcome_match("hypoglycaemic events", "number of hypoglycaemic event")
    assert not evaluate._outcome_match("overall survival", "disease-free survival")
    gold = [{"pmid": "1", "outcomes_primary": ["pain", "sleep quality"]}]
    one_span = {"1": {"outcomes_primary": ["pain and sleep quality at week four"]}}
    f = evaluate.score(gold, one_span)["fields"]["outcomes_primary"]
    assert (f["correct"], f["precision"], f["recall"]) == (1, 1.0, 0.5)  # one prediction earns one gold name


def _sents(*texts, section=None):
    return [Sentence(i, t, 0, len(t), section, "methods") for i, t in enumerate(texts)]


def _primary(sents):
    p = Pico(population=Population())
    stated_outcomes.read_outcomes(None, sents, p)
    return [o.text for o in p.outcomes_primary], [o.text for o in p.outcomes_secondary]


def test_outcomes_named_without_a_rank_are_the_primary_ones():
    assert _primary(_sents("Adults with gout were followed for a year.",
                           "Outcome measures included flare count, serum urate, and days off work.")) == \
        (["flare count", "serum urate", "days off work"], [])
    assert _primary(_sents("We used walking distance and grip strength as functional outcomes.")) == \
        (["walking distance", "grip strength"], [])
    # a stated primary outcome wins; a sentence that reports on the outcomes names none
    assert _primary(_sents("The primary endpoint was stroke.", "Outcome measures included stroke and death.")) == \
        (["stroke"], [])
    assert _primary(_sents("Outcome measures were similar in both arms at one year.")) == ([], [])


def test_a_heading_is_split_only_when_it_lists_short_names():
    assert _primary(_sents("Rate of falls, fracture, and hospital admission.", section="MEASUREMENTS")) == \
        (["Rate of falls", "fracture", "hospital admission"], [])
    one = "Uptake of influenza vaccine recorded by the clinics during 2009, 2010, and 2011"
    assert _primary(_sents(one + ".", section="MAIN OUTCOME MEASURES")) == ([one], [])
    assert _primary(_sents("Blood loss was 200 mL.", section="MEASUREMENTS AND MAIN RESULTS")) == ([], [])


def test_dev_outcome_annotations_are_short_names():
    doc = yaml.safe_load((evaluate.ANNOTATIONS / "pubmedqa_extract_dev.yaml").read_text(encoding="utf-8"))
    names = [o for p in doc["papers"] for f in ("outcomes_primary", "outcomes_secondary") for o in p[f]]
    assert len(names) >= 20 and all(len(o.split()) <= 5 for o in names)


def test_blind_s13_s14_outcome_annotations_are_short_names_on_every_paper():
    # lit22: hand-written before any scoring; short names only (never a copied clause), every paper scored
    for split, primary, secondary in (("blind_s13", 4, 2), ("blind_s14", 23, 0)):
        doc = yaml.safe_load((evaluate.ANNOTATIONS / f"pubmedqa_extract_{split}.yaml").read_text(encoding="utf-8"))
        papers = doc["papers"]
        assert all("outcomes_primary" in p and "outcomes_secondary" in p for p in papers)
        names = [o for p in papers for f in ("outcomes_primary", "outcomes_secondary") for o in p[f]]
        assert all(o == o.lower() and len(o.split()) <= 5 for o in names), split
        assert sum(len(p["outcomes_primary"]) for p in papers) == primary
        assert sum(len(p["outcomes_secondary"]) for p in papers) == secondary
