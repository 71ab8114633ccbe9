"""The CLI contract of issue 12: one-shot and batch JSON, null triage with a message, refused inputs."""

from __future__ import annotations

import io
import json

import pytest

from medcore.triage.contract import run_batch, triage_one
from medcore.triage.input_checks import InputError, check_age, check_sex


def test_recognised_text_has_the_contract_keys(lexical_engine):
    out = triage_one(lexical_engine, "burning when I pee since yesterday", age="25", sex="F")
    assert out["triage"] in ("emergency", "urgent", "routine", "self_care") and "message" not in out
    assert out["age"] == 25 and out["sex"] == "female"
    assert out["triage_semigran"] == {"emergency": "emergent", "urgent": "non_emergent", "routine": "non_emergent",
                                      "self_care": "self_care"}[out["triage"]]
    d = out["differential"][0]
    assert {"id", "name", "icd10", "probability", "evidence_for", "evidence_against"} <= set(d)
    assert d["id"] == "cystitis" and d["icd10"] == "N30.0"
    probs = [x["probability"] for x in out["differential"]]
    assert probs == sorted(probs, reverse=True)


@pytest.mark.parametrize("text", ["blorf snarg wibble toast", "hello there", "", "   "])
def test_nothing_recognised_gets_no_level(lexical_engine, text):
    out = triage_one(lexical_engine, text)
    assert out["triage"] is None and out["differential"] == []
    assert "emergency number" in out["message"]


@pytest.mark.parametrize("age", [-5, 200, float("nan"), "NaN", "abc", "-1"])
def test_impossible_ages_are_refused_with_a_message(lexical_engine, age):
    with pytest.raises(InputError, match="not possible"):
        check_age(age)
    with pytest.raises(InputError):
        lexical_engine.result({"cough": "yes"}, age, None)  # the service itself refuses
    out = triage_one(lexical_engine, "I have a cough", age=age)
    assert out["triage"] is None and "not possible" in out["message"]


@pytest.mark.parametrize("text", ["I am -5 years old with a cough", "I'm 200 years old and have a cough"])
def test_impossible_age_in_text_is_not_used(lexical_engine, text):
    out = triage_one(lexical_engine, text)
    assert out["age"] is None and any("not possible" in n for n in out["notes"])
    assert out["triage"] is not None  # the cough is still triaged


def test_sex_forms():
    assert check_sex("F") == "female" and check_sex("m") == "male" and check_sex(None) is None
    with pytest.raises(InputError):
        check_sex("x")


def test_batch_one_line_per_case(lexical_engine):
    lines = [json.dumps({"id": "a", "text": "crushing chest pain and sweating", "age": 60, "sex": "M"}),
             json.dumps({"id": "b", "text": "qwxz plonk", "age": 30, "sex": "F"}),
             "not json",
             json.dumps({"id": "c", "text": "sore throat", "age": 200, "sex": "F"}),
             ""]
    buf = io.StringIO()
    summary = run_batch(lexical_engine, lines, buf)
    rows = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert summary == {"cases": 4, "unreadable": 1} and len(rows) == 4
    assert rows[0]["id"] == "a" and rows[0]["triage"] == "emergency"
    assert rows[1]["id"] == "b" and rows[1]["triage"] is None
    assert rows[2]["error"].startswith("line 3") and rows[2]["triage"] is None
    assert rows[3]["id"] == "c" and rows[3]["triage"] is None and "not possible" in rows[3]["message"]


def test_batch_cli_in_process(settings, tmp_path, capsys):
    from medcore.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t, "age": 40, "sex": "F"})
                             for i, t in enumerate(["headache for two days", "burning when I pee"])) + "\n")
    assert main(["triage", "--batch", str(src), "--json", "--no-embeddings"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [0, 1] and all(r["triage"] for r in rows)
    assert main(["triage", "cough", "--age", "-5", "--json", "--no-embeddings"]) == 2
    assert json.loads(capsys.readouterr().out)["triage"] is None


def test_batched_embeddings_give_the_same_results_as_one_by_one(engine, kb):
    """The batch CLI embeds a block's chunks in one call; every row must equal the line-by-line one."""
    from pathlib import Path

    from medcore.triage.evaluate import load_vignettes

    vs = load_vignettes(Path(kb.source_files[0]).parent, kb)[:24]
    lines = [json.dumps({"id": v["id"], "text": v["text"], "age": v["age"], "sex": v["sex"]}) for v in vs]
    one, block = io.StringIO(), io.StringIO()
    run_batch(engine, lines, one, block=1)
    run_batch(engine, lines, block, block=16)
    assert one.getvalue() == block.getvalue()
    assert engine.embeddings.embed_fn.__name__ != "cached"  # the shared engine is left alone


def test_semigran_scores():
    from medcore.triage.contract import semigran_scores

    m = {"emergency": "emergent", "urgent": "non_emergent", "routine": "non_emergent", "self_care": "self_care"}
    s = semigran_scores([("emergency", "urgent"), ("emergency", "emergency"), ("routine", "urgent"),
                         ("urgent", "self_care"), ("self_care", "emergency"), ("emergency", None)], m)
    assert s["n"] == 6 and s["emergent"] == 3
    assert s["emergent_under_triage"] == 2 / 3  # urgent and a missing level both miss "go now"
    assert s["under_triage"] == 3 / 6 and s["over_triage"] == 1 / 6 and s["accuracy"] == 2 / 6


def test_one_shot_contradiction_is_flagged_and_the_doubtful_sex_not_used(lexical_engine):
    out = triage_one(lexical_engine, "40-year-old man, 30 weeks pregnant, bleeding from the vagina")
    assert [c["id"] for c in out["contradictions"]][:1] == ["male_pregnancy"]
    assert out["sex"] is None and any("not usually go together" in n for n in out["notes"])
    assert out["triage"] == "emergency"  # bleeding in later pregnancy, not ruled out by 'man'
    plain = triage_one(lexical_engine, "30 year old woman with a cough")
    assert plain["contradictions"] == []
