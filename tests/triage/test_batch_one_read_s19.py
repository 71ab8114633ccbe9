"""Issue 12 speed, session 19: the batch CLI reads each text once. It used to read every text twice (a first read
with a recorder only to list the chunks for one batched embedding call), which put it under its budget of 20
vignettes a second (tests/triage/test_speed_budgets.py); now each text is read up to the embedding index once
(`nlu.prepare`), the block's chunks are embedded together, and `nlu.finish` completes it."""

from __future__ import annotations

import io
import json

TEXTS = ["I have had a sore throat and a runny nose since Sunday",
         "my chest feels tight when I walk up the hill to the shops",
         "I keep waking with a headache and feel sick in the mornings"]


def test_a_batch_reads_each_text_once_with_the_same_results(engine, monkeypatch):
    from medcore.triage import contract, nlu

    lines = [json.dumps({"id": i, "text": t, "age": 40, "sex": "F"}) for i, t in enumerate(TEXTS)]
    alone = [contract.triage_one(engine, t, 40, "F") for t in TEXTS]
    read = []
    real = nlu.prepare
    monkeypatch.setattr(nlu, "prepare", lambda text, *a, **k: read.append(text) or real(text, *a, **k))
    out = io.StringIO()
    assert contract.run_batch(engine, lines, out)["cases"] == 3
    assert len(read) == 3, read  # once each, not a recorder read and a real one
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [{k: v for k, v in r.items() if k != "id"} for r in rows] == alone
    assert not engine.prepared  # the shared engine is not touched: the batch kept its reads on a copy
