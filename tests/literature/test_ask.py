"""`literature ask` logic on hand-written sentences, the answer model's fit/save/load, the eval JSON shape and the CLI's
messages for bad input."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from medcore.literature import ask, ask_model

torch = pytest.importorskip("torch")


def fake_embed(texts):
    """Bag of hashed words, L2-normalised: similar wording, similar vectors (stands in for MiniLM)."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in t.lower().replace(".", " ").replace("?", " ").split():
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1
    n = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(n == 0, 1, n)


SENTS = ["Statins are widely used.", "We enrolled 200 adults with sepsis.",
         "Mortality was 20% with statins and 21% with placebo.", "Delirium was lower with statins (p = 0.01).",
         "Statins did not reduce mortality in sepsis."]
ROLES = ["background", "methods", "results", "results", "conclusions"]


def test_cue_answer_without_a_model(settings):
    cues = ask_model.cue_patterns(settings)
    q = "Do statins reduce mortality in sepsis?"
    a = ask.answer_question(q, SENTS, ROLES, embed=fake_embed, cues=cues)
    assert a.answer == "no" and a.method == "cues" and 0 < a.confidence <= 1
    assert [e["idx"] for e in a.evidence][-1] == 4 and a.evidence[-1]["why"] == "conclusion"
    assert {e["idx"] for e in a.evidence} <= {2, 3, 4} and len(a.evidence) == 3
    pos = ask.answer_question(q, SENTS[:4] + ["Statins significantly reduced mortality."], ROLES, embed=fake_embed,
                              cues=cues)
    assert pos.answer == "yes"
    hedge = ask.answer_question(q, SENTS[:4] + ["Statins may help; further studies are warranted."], ROLES,
                                embed=fake_embed, cues=cues)
    assert hedge.answer == "maybe"


def test_no_conclusion_role_uses_the_last_sentences_and_empty_input(settings):
    cues = ask_model.cue_patterns(settings)
    a = ask.answer_question("Q?", SENTS, ["results"] * 5, embed=fake_embed, cues=cues)
    assert {e["idx"] for e in a.evidence if e["why"] == "conclusion"} == {3, 4}
    empty = ask.answer_question("Q?", [], [], embed=fake_embed, cues=cues)
    assert empty.answer == "maybe" and empty.confidence == 0.0 and empty.evidence == []
    assert set(empty.to_dict()) >= {"answer", "confidence", "evidence"}


def test_answer_model_fits_saves_and_loads(settings, tmp_path):
    cues = ask_model.cue_patterns(settings)
    rows, ys = [], []
    for i, (concl, ans) in enumerate([("It significantly reduced deaths.", "yes"), ("It did not reduce deaths.", "no"),
                                      ("It may reduce deaths; further studies are needed.", "maybe")] * 6):
        vecs = fake_embed([f"does it reduce deaths {i}?", concl])
        rows.append(ask_model.features(vecs[0], vecs[1:], ask_model.cue_counts([concl], cues)))
        ys.append(ans)
    m = ask_model.fit(np.stack(rows), ys, l2=1e-3)
    pred = [ask_model.ANSWERS[int(np.argmax(m.probabilities(r)))] for r in rows]
    assert pred == ys
    m2 = ask_model.AnswerModel.load(m.save(tmp_path / "ask"))
    assert np.allclose(m2.probabilities(rows[1]), m.probabilities(rows[1]), atol=1e-6)
    a = ask.answer_question("does it reduce deaths?", ["Background.", "It did not reduce deaths."],
                            ["background", "conclusions"], embed=fake_embed, cues=cues, model=m2)
    assert a.method == "model" and a.answer == "no" and set(a.probabilities) == set(ask_model.ANSWERS)


def test_eval_json_shape(settings, tmp_path, monkeypatch):
    """run_eval on hand-written abstracts with a tiny trained classifier: the documented keys are there."""
    pytest.importorskip("peft")
    from dataclasses import replace

    from medcore.literature import lit_eval, role_data, role_net, role_train
    from tests.literature import tiny_encoder
    from tests.literature.test_role_model import Quiet

    enc = tiny_encoder.build(tmp_path / "enc")
    data = tiny_encoder.abstracts(6)
    res = role_train.train(settings, Quiet(), out_dir=tmp_path / "run", train_set=data[:4], dev_set=data[4:],
                           cfg=role_net.NetConfig(encoder=str(enc), rank=2, lora_layers=1, max_len=16, hidden=8),
                           steps=2, batch_abstracts=2)
    s2 = replace(settings, assets_dir=tmp_path / "assets")
    (s2.assets_dir / "checkpoints").mkdir(parents=True)
    (s2.assets_dir / "kb").symlink_to(settings.assets_dir / "kb")
    import shutil

    shutil.copytree(res["checkpoint"], s2.assets_dir / "checkpoints" / "literature-roles")
    monkeypatch.setattr(role_data, "load_pubmedqa", lambda *a, **k: data)
    monkeypatch.setattr(role_data, "is_dev", lambda i, seed=0, dev_share=0.2: int(i) >= 1004)
    import medcore.embeddings

    monkeypatch.setattr(medcore.embeddings, "embed", fake_embed)
    rep = lit_eval.run_eval(s2, split="dev")
    json.dumps(rep)
    assert rep["abstracts"] == 2
    assert set(rep["roles"]) >= {"accuracy", "macro_f1", "confusion", "per_class", "labels"}
    assert len(rep["roles"]["confusion"]) == 5 and rep["roles"]["n"] == sum(map(sum, rep["roles"]["confusion"]))
    assert rep["roles_rules_baseline"]["n"] == rep["roles"]["n"]
    assert rep["ask"]["items"] == 2 and rep["ask"]["method"] == "cues" and rep["ask"]["with_evidence"] == 2


def test_cli_messages_for_bad_input(settings, tmp_path, capsys):
    from medcore.cli import main

    empty = tmp_path / "empty.txt"
    empty.write_text("  ")
    assert main(["literature", "ask", str(empty), "Does it work?"]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["literature", "ask", str(tmp_path / "missing.txt"), "Q?"]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["train", "literature", "--steps", "0"]) == 2
    assert main(["train", "literature", "--data", str(tmp_path / "none.json"), "--steps", "1"]) == 2
    assert "PubMedQA data not found" in capsys.readouterr().err
