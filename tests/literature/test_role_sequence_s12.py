"""Session 12: the role transition model (role_sequence) with its Viterbi decode, the 'edges' position features,
and the training loop storing the transition model in the checkpoint."""

from __future__ import annotations

import json
import math

import pytest

from medcore.literature import role_sequence
from medcore.literature.model import ROLES

B, O, M, R, C = ROLES


def _log(rows):
    return [[math.log(p) for p in row] for row in rows]


def _table(weight=1.0):
    seqs = [[B, B, M, M, R, R, C, C]] * 20 + [[O, M, R, C]] * 10 + [[B, O, None, M, R, C]] * 5
    return role_sequence.count(seqs, ROLES, weight=weight)


def test_counts_skip_unlabelled_sentences_and_keep_unseen_orders_possible():
    t = _table()
    assert t.abstracts == 35
    i = {r: k for k, r in enumerate(ROLES)}
    # B, O, None, M counts O -> M (the unlabelled sentence is bridged), never O -> None
    assert math.exp(t.trans[i[O]][i[M]]) > 0.5
    assert math.exp(t.start[i[B]]) > math.exp(t.start[i[O]]) > math.exp(t.start[i[M]])
    assert math.exp(t.end[i[C]]) > 0.8
    assert all(math.isfinite(x) for row in t.trans for x in row)  # add-one: C -> B was never seen, still finite
    for row in t.trans:
        assert sum(math.exp(x) for x in row) == pytest.approx(1.0)


def test_viterbi_smooths_a_near_tie_but_keeps_a_confident_step_back():
    t = _table(weight=1.0)
    near = _log([[.05, .05, .8, .05, .05], [.02, .02, .06, .8, .1], [.02, .02, .02, .1, .84],
                 [.02, .02, .02, .5, .44], [.02, .02, .02, .1, .84]])
    assert [ROLES[j] for j in role_sequence.viterbi(near, t)] == [M, R, C, C, C]  # the lone 'results' joins
    sure = _log([[.05, .05, .8, .05, .05], [.01, .01, .01, .96, .01], [.01, .01, .01, .01, .96],
                 [.001, .001, .001, .996, .001], [.01, .01, .01, .01, .96]])
    assert [ROLES[j] for j in role_sequence.viterbi(sure, t)] == [M, R, C, R, C]  # monotone_decode would drop it
    assert role_sequence.viterbi([], t) == []


def test_weight_zero_is_argmax():
    t = _table(weight=0.0)
    rows = _log([[.1, .2, .3, .25, .15], [.5, .1, .1, .2, .1], [.1, .1, .1, .1, .6]])
    assert role_sequence.viterbi(rows, t) == [2, 0, 4]


def test_table_round_trip_and_a_broken_table_is_refused():
    t = _table(weight=0.4)
    back = role_sequence.Transitions.from_dict(json.loads(json.dumps(t.to_dict())))
    assert back == t
    assert role_sequence.Transitions.from_dict(None) is None
    bad = t.to_dict()
    bad["trans"] = bad["trans"][:3]
    with pytest.raises(ValueError):
        role_sequence.Transitions.from_dict(bad)


def test_decode_viterbi_uses_the_table_and_is_argmax_without_one():
    from medcore.literature.role_train import decode

    t = _table(weight=1.0)
    probs = [[.05, .05, .8, .05, .05], [.02, .02, .06, .8, .1], [.02, .02, .02, .1, .84],
             [.02, .02, .02, .5, .44], [.02, .02, .02, .1, .84]]
    assert [r for r, _ in decode(probs, ROLES, "viterbi", t)] == [M, R, C, C, C]
    assert [r for r, _ in decode(probs, ROLES, "viterbi", None)] == [M, R, C, R, C]
    assert decode(probs, ROLES, "viterbi", t)[3] == (C, 0.44)  # the score is the classifier's own
    other = role_sequence.count([[B, M]], list(reversed(ROLES)))
    with pytest.raises(ValueError):
        decode(probs, ROLES, "viterbi", other)


def test_edges_position_features_say_where_a_sentence_stands_from_either_end():
    torch = pytest.importorskip("torch")
    from medcore.literature import role_net

    basic = role_net.position_features(6)
    edges = role_net.position_features(6, "edges")
    assert basic.shape == (6, 4) and edges.shape == (6, 10)
    assert torch.equal(edges[:, :4], basic)
    # second, third, second-last, third-last
    assert edges[:, 4].tolist() == [0, 1, 0, 0, 0, 0] and edges[:, 5].tolist() == [0, 0, 1, 0, 0, 0]
    assert edges[:, 6].tolist() == [0, 0, 0, 0, 1, 0] and edges[:, 7].tolist() == [0, 0, 0, 1, 0, 0]
    # counts from the start and from the end, capped at 10: the same for the last sentence of 6 and of 30
    assert edges[-1, 9].item() == 0.0 and role_net.position_features(30, "edges")[-1, 9].item() == 0.0
    assert role_net.position_features(30, "edges")[0, 9].item() == 1.0
    with pytest.raises(ValueError):
        role_net.position_features(3, "nope")


def test_old_checkpoints_keep_the_basic_head():
    torch = pytest.importorskip("torch")
    from medcore.literature import role_net

    cfg = role_net.NetConfig.from_dict({"rank": 8, "hidden": 16})  # a session-9 state.json has no 'positions'
    assert cfg.positions == "basic"
    head = role_net.make_head(32, cfg)
    assert head.proj.in_features == 32 + 4
    assert role_net.head_logits(head, torch.zeros(5, 32), [2, 3]).shape == (5, len(ROLES))
    wide = role_net.make_head(32, role_net.NetConfig(hidden=16, positions="edges"))
    assert wide.proj.in_features == 32 + 10
    assert role_net.head_logits(wide, torch.zeros(5, 32), [2, 3]).shape == (5, len(ROLES))


def test_training_stores_the_transition_model_and_the_classifier_decodes_with_it(settings, tmp_path_factory):
    pytest.importorskip("peft")
    pytest.importorskip("torch")
    from medcore.literature import role_net, role_train
    from medcore.literature.role_model import RoleClassifier
    from tests.literature import tiny_encoder
    from tests.literature.test_role_model import Quiet

    enc = tiny_encoder.build(tmp_path_factory.mktemp("tiny-bert-s12"))
    data = tiny_encoder.abstracts(10)
    cfg = role_net.NetConfig(encoder=str(enc), rank=4, lora_layers=1, max_len=16, hidden=16, positions="edges")
    author = [[O, M, R, C] for _ in data[:8]]  # the labels the table is counted from, not the training labels
    out = tmp_path_factory.mktemp("run-s12")
    res = role_train.train(settings, Quiet(), out_dir=out, train_set=data[:8], dev_set=data[8:], cfg=cfg, steps=2,
                           batch_abstracts=2, save_every=0, transition_labels=author)
    assert set(res["dev_report"]) == {"argmax", "monotone", "viterbi"}
    state = json.loads((out / "ckpt-00000002" / "state.json").read_text())
    assert state["decode"] == "viterbi" and state["net"]["positions"] == "edges"
    t = role_sequence.Transitions.from_dict(state["transitions"])
    assert t.abstracts == 8 and max(range(5), key=lambda j: t.start[j]) == ROLES.index(O)
    clf = RoleClassifier(out / "ckpt-00000002")
    assert clf.transitions == t and clf.decode_how == "viterbi"
    sents = ["we aim assess .", "we randomized patients .", "we measured outcome .", "we conclude suggest ."]
    expected = role_train.decode(clf.probabilities(sents), ROLES, "viterbi", t)
    assert clf.predict(sents) == expected
