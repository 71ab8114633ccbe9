"""Session 11: the cue answer model of `literature ask` (ask_polarity). Texts invented for these tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

from medcore.literature import ask, ask_model, ask_polarity as ap
from tests.literature.test_ask import fake_embed

Q = "Does drug Z lower mortality in sepsis?"


def f(settings, question, conclusions):
    return dict(zip(ap.FEATURES, ap.features(question, conclusions, ask_model.cue_patterns(settings))))


def test_negation_is_counted_near_the_questions_own_words_only(settings):
    near = f(settings, Q, ["Drug Z did not lower mortality in sepsis."])
    far = f(settings, Q, ["Drug Z lowered mortality in adults admitted with sepsis over the first month of care, "
                          "and there were no serious adverse events at all during that time."])
    assert near["neg_near_topic"] > 0 and far["neg_near_topic"] == 0
    assert near["neg"] > 0 and far["neg"] > 0  # the plain count cannot tell them apart
    assert near["first_neg"] > 0 and near["topic_overlap"] > 0.5


def test_negated_question_and_doubt_words(settings):
    v = f(settings, "Is surgery not really needed for small stones?", ["Surgery was not needed."])
    assert v["question_negated"] == 1.0 and v["qneg_x_neg"] > 0 and v["doubt"] > 0
    assert f(settings, Q, ["It helped."])["question_negated"] == 0.0


def _toy(settings):
    cues = ask_model.cue_patterns(settings)
    data = [("Drug Z significantly lowered mortality in sepsis.", "yes"),
            ("Drug Z lowered mortality in sepsis and is effective.", "yes"),
            ("Drug Z did not lower mortality in sepsis.", "no"),
            ("Drug Z failed to lower mortality; no benefit in sepsis.", "no"),
            ("Drug Z may lower mortality; further studies are warranted.", "maybe"),
            ("Whether drug Z lowers mortality remains unclear; larger trials are needed.", "maybe")] * 4
    return [ap.features(Q, [c], cues) for c, _ in data], [a for _, a in data]


def test_fit_predicts_its_toy_data_and_survives_a_json_round_trip(settings, tmp_path):
    rows, ys = _toy(settings)
    m = ap.fit(rows, ys, l2=0.01, iters=600)
    assert ap.predict(m, rows) == ys
    again = ap.CueModel.from_json(json.loads(json.dumps(m.to_json())))
    assert np.allclose(again.probabilities(rows[2]), m.probabilities(rows[2]), atol=1e-5)
    sub = ap.fit(rows, ys, use=("neg", "hedge", "pos"), l2=0.01)
    assert sub.weight.shape == (3, 3) and len(sub.probabilities(rows[0])) == 3


def test_answer_question_uses_the_cue_model_when_no_embedding_model(settings):
    rows, ys = _toy(settings)
    m = ap.fit(rows, ys, l2=0.01, iters=600)
    sents = ["We gave drug Z to 300 adults with sepsis.", "Drug Z did not lower mortality in sepsis."]
    a = ask.answer_question(Q, sents, ["methods", "conclusions"], embed=fake_embed,
                            cues=ask_model.cue_patterns(settings), cue_model=m)
    assert a.method == "cue-model" and a.answer == "no" and a.evidence[-1]["idx"] == 1


def test_a_checkpoint_with_unknown_features_is_refused():
    bad = {"answers": ["yes", "no", "maybe"], "features": ["not_a_feature"], "weight": [[0.0]] * 3, "bias": [0] * 3}
    with pytest.raises(ValueError):  # a model with features this code does not compute
        ap.CueModel.from_json(bad)


def test_shipped_checkpoint_loads_and_names_its_provenance(settings):
    m = ap.load_cue_model(settings)
    assert m is not None, "assets/checkpoints/literature-ask-cues.json is shipped"
    assert "train split" in m.meta["fitted_on"] and m.meta["command"].startswith("MEDCORE_TORCH_THREADS=1 python bench/")
