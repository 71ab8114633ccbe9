"""The sentence-role classifier's network, training loop (steps, checkpoints, resume, cancel), prediction and data."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("peft")
torch = pytest.importorskip("torch")

from medcore.literature import role_data, role_net, role_train  # noqa: E402
from medcore.literature.model import ROLES  # noqa: E402
from medcore.literature.role_metrics import classification_report  # noqa: E402
from tests.literature import tiny_encoder  # noqa: E402


class Quiet:
    def __init__(self, cancel_after: int | None = None):
        self.cancel_after, self.steps = cancel_after, []

    def progress(self, step, total, loss=None, **kw):
        self.steps.append(step)

    def should_cancel(self):
        return self.cancel_after is not None and self.steps and self.steps[-1] >= self.cancel_after

    def log(self, message):
        pass


@pytest.fixture(scope="module")
def encoder(tmp_path_factory):
    return tiny_encoder.build(tmp_path_factory.mktemp("tiny-bert"))


def _cfg(encoder):
    return role_net.NetConfig(encoder=str(encoder), rank=4, lora_layers=1, max_len=16, hidden=16)


def _train(settings, encoder, out, steps, **kw):
    data = tiny_encoder.abstracts(12)
    return role_train.train(settings, kw.pop("reporter", Quiet()), out_dir=out, train_set=data[:9], dev_set=data[9:],
                            cfg=_cfg(encoder), steps=steps, batch_abstracts=2, save_every=2, **kw)


def test_cached_top_layers_equal_the_full_forward(encoder):
    cfg = _cfg(encoder)
    tok, model = role_net.load_encoder(cfg)
    model.eval()
    batch = role_net.tokenize(tok, ["we aim assess .", "we randomized patients enrolled measured cohort ."], 16)
    with torch.no_grad():
        full = role_net.full_forward(model, batch)
        cached = role_net.top_forward(model, cfg, role_net.frozen_states(model, cfg, batch))
    assert full.shape == (2, 32)
    assert torch.allclose(full, cached, atol=1e-5)


def test_packed_forward_equals_the_padded_forward(encoder):
    """Prediction lays sentences end to end with a block-diagonal mask; the vectors must be the padded ones,
    also when the sentences do not fit one packed sequence."""
    cfg = _cfg(encoder)
    tok, model = role_net.load_encoder(cfg)
    model.eval()
    sents = ["we aim assess .", "we randomized patients enrolled measured cohort and more words here .", "ok .",
             "we conclude suggest that this works ."]
    batch = role_net.tokenize(tok, sents, 16)
    assert int(batch["attention_mask"].sum()) < batch["attention_mask"].numel()  # there is padding to skip
    with torch.no_grad():
        full = role_net.full_forward(model, batch)
        for max_tokens in (512, 12, 1):
            packed = role_net.packed_forward(model, batch, max_tokens)
            assert packed.shape == full.shape
            assert torch.allclose(full, packed, atol=1e-5), max_tokens


def test_train_checkpoint_predict(settings, encoder, tmp_path):
    res = _train(settings, encoder, tmp_path / "run", 6)
    assert res["steps"] == 6 and res["train_abstracts"] == 9
    assert res["train_loss_last"] < res["train_loss_first"]
    assert set(res["dev_report"]) == {"argmax", "monotone", "viterbi"}
    assert 0.0 <= res["dev_argmax_accuracy"] <= 1.0
    ck = tmp_path / "run" / "ckpt-00000006"
    assert (ck / "model.safetensors").is_file() and (ck / "optim.safetensors").is_file()
    from medcore.literature.role_model import RoleClassifier

    clf = RoleClassifier(ck)
    sents = ["we aim assess .", "we randomized patients .", "we conclude suggest ."]
    preds = clf.predict(sents)
    assert len(preds) == 3 and all(r in ROLES and 0.0 <= p <= 1.0 for r, p in preds)
    assert all(abs(sum(row) - 1.0) < 1e-4 for row in clf.probabilities(sents))
    assert clf.predict([]) == []


def test_resume_continues_the_same_run(settings, encoder, tmp_path):
    first = _train(settings, encoder, tmp_path / "run", 4)
    losses4 = json.loads((tmp_path / "run" / "ckpt-00000004" / "state.json").read_text())["losses"]
    second = _train(settings, encoder, tmp_path / "run", 6, resume=True)
    state = json.loads((tmp_path / "run" / "ckpt-00000006" / "state.json").read_text())
    assert first["steps"] == 4 and second["steps"] == 6
    assert len(state["losses"]) == 6 and state["losses"][:4] == losses4


def test_cancel_saves_a_checkpoint_and_stops(settings, encoder, tmp_path):
    from medcore.jobs import JobCancelled

    rep = Quiet(cancel_after=3)
    with pytest.raises(JobCancelled):
        _train(settings, encoder, tmp_path / "run", 50, reporter=rep)
    assert rep.steps == [1, 2, 3]
    assert (tmp_path / "run" / "ckpt-00000003" / "model.safetensors").is_file()


def test_monotone_decode_keeps_role_order():
    import math

    lp = [[math.log(p) for p in row] for row in
          [[.9, .05, .03, .01, .01], [.1, .1, .7, .05, .05], [.6, .1, .1, .1, .1], [.01, .01, .1, .8, .08]]]
    assert role_net.monotone_decode(lp) == [0, 2, 2, 3]  # the background-looking third sentence stays in methods
    assert role_net.monotone_decode([]) == []


def test_classification_report_counts():
    rep = classification_report(["methods", "results", "results", None], ["methods", "methods", "results", "x"],
                                ROLES)
    assert rep["n"] == 3 and rep["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert rep["confusion"][2][2] == 1 and rep["confusion"][3][2] == 1
    assert rep["per_class"]["results"]["recall"] == 0.5
    assert rep["macro_f1"] == pytest.approx((2 / 3 + 2 / 3) / 2, abs=1e-4)


def test_pubmedqa_items_become_weakly_labelled_abstracts(settings):
    from medcore.literature.headings import heading_map

    items = {"1": {"QUESTION": "Does it help?", "CONTEXTS": ["Old problem. Still open.", "We enrolled 10 adults."],
                   "LABELS": ["BACKGROUND", "PATIENTS AND METHODS"], "LONG_ANSWER": "It helps. Use it.",
                   "final_decision": "yes"},
             "2": {"QUESTION": "q", "CONTEXTS": ["Some text."], "LABELS": ["UNLABELLED"], "LONG_ANSWER": "",
                   "final_decision": "perhaps"}}
    a, b = role_data.from_pubmedqa(items, heading_map(settings))
    assert a.sentences == ["Old problem.", "Still open.", "We enrolled 10 adults.", "It helps.", "Use it."]
    assert a.labels == ["background", "background", "methods", "conclusions", "conclusions"]
    assert a.answer == "yes" and b.labels == [None] and b.answer == ""


def test_split_is_seeded_and_stable():
    ids = [role_data.Abstract(str(i), ["x"], ["methods"]) for i in range(400)]
    train, dev = role_data.split(ids, seed=0)
    assert 50 < len(dev) < 110 and len(train) + len(dev) == 400
    assert [a.id for a in role_data.split(ids, seed=0)[1]] == [a.id for a in dev]
    assert [a.id for a in role_data.split(ids, seed=1)[1]] != [a.id for a in dev]


def test_library_papers_and_corrections_are_training_data(store):
    sents = [{"idx": 0, "text": "Why it matters.", "role": "background", "role_source": "heading"},
             {"idx": 1, "text": "We did things.", "role": "results", "role_source": "rules"},
             {"idx": 2, "text": "It worked.", "role": "results", "role_source": "heading"}]
    item = store.save_work("paper", {"result": {"paper": {"sentences": sents}}}, title="p")
    store.save_work("paper", {"result": {"paper": {"sentences": [{"idx": 0, "text": "x", "role_source": "rules"}]}}})
    store.add_feedback("literature", "role", data={"paper": item, "idx": 1, "role": "methods"})
    got = role_data.from_library(store)
    assert len(got) == 1
    assert got[0].labels == ["background", "methods", "results"] and got[0].origin == "library"


def test_no_classifier_without_checkpoint(settings, tmp_path):
    from dataclasses import replace

    from medcore.literature.role_model import load_role_classifier

    assert load_role_classifier(replace(settings, assets_dir=tmp_path)) is None


def test_aim_statements_called_background_become_objective():
    from medcore.config import Settings
    from medcore.literature.roles import cue_pattern, settle_aims

    aim = cue_pattern(Settings(), "aim_statement")
    texts = ["Falls are common in old age.", "The aim of this study was to test a home exercise plan.",
             "We sought to compare two splints.", "To assess balance, we timed a one-leg stand.",
             "Our aim was to help; it failed."]
    preds = [("background", 0.9), ("background", 0.6), ("methods", 0.5), ("methods", 0.8), ("conclusions", 0.7)]
    assert [r for r, _ in settle_aims(texts, preds, aim)] == ["background", "objective", "objective", "methods",
                                                               "conclusions"]
