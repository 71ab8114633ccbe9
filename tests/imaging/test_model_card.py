"""The Generate form reads a checkpoint's card (state.json) instead of loading its weights (issue 14, speed): the
card says what the loaded model would, and reading it imports no torch."""

from __future__ import annotations

import json

import pytest

from medcore.imaging import sample


def test_the_card_says_what_the_loaded_model_says(tiny_run):
    _, run = tiny_run
    card = sample.read_card(run)
    model = sample.load_model(run)
    assert (card.kind, card.size, card.class_names, card.conditional, card.path, card.state) == \
        (model.kind, model.size, model.class_names, model.conditional, model.path, model.state)


def test_an_unreadable_card_is_a_sample_error(tmp_path):
    ckpt = tmp_path / "checkpoint-1"
    ckpt.mkdir()
    (ckpt / "state.json").write_text(json.dumps({"kind": "transformer", "model_config": {}}))
    with pytest.raises(sample.SampleError, match="unknown model kind"):
        sample.read_card(ckpt)
    (ckpt / "state.json").write_text("{not json")
    with pytest.raises(sample.SampleError):
        sample.read_card(ckpt)
