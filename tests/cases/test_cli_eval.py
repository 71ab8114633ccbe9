"""CLI (case new / ask, eval case, bench case) and the computed evaluation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from medcore.cases.evaluate import evaluate, load_questions, understanding

REPO = Path(__file__).resolve().parents[2]


def test_case_new_student_view_reveal_and_ask(settings, capsys, tmp_path):
    from medcore.cli import main

    assert main(["case", "new", "--seed", "11", "--condition", "pneumonia"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["seed"] == 11 and "truth" not in view and "pneumonia" not in json.dumps(view).replace(
        '"condition": "pneumonia"', "")
    assert view["opening"].startswith(("I'm here because", "I've brought my child"))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(view))
    assert main(["case", "ask", "--case", str(path), "Do you have a fever?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert main(["case", "new", "--seed", "11", "--condition", "pneumonia", "--reveal"]) == 0
    truth = json.loads(capsys.readouterr().out)["truth"]
    assert truth["condition_id"] == "pneumonia"
    assert reply["findings"] == {"fever": "yes" if truth["findings"].get("fever") else "no"}


def test_case_cli_errors_are_clear(settings, capsys, tmp_path):
    from medcore.cli import main

    assert main(["case", "new", "--condition", "dragon_pox"]) == 2
    assert "unknown condition" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["case", "ask", "--case", str(bad), "fever?"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_eval_case_small_n_in_a_subprocess(settings):
    out = subprocess.run([sys.executable, "-m", "medcore", "eval", "case", "--n", "8"], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    m = res["solvability"]["metrics"]
    assert m["n"] == 8 and 0 <= m["top1"] <= m["top3"] <= 1 and 0 <= m["triage_accuracy"] <= 1
    assert res["understanding"]["held_out"]["n"] > 0


def test_evaluation_is_computed_and_deterministic(trainer, settings):
    a = evaluate(trainer, settings.kb_dir, 12)
    b = evaluate(trainer, settings.kb_dir, 12)
    assert a["solvability"]["cases"] == b["solvability"]["cases"]
    assert sum(a["solvability"]["distribution"]["level"].values()) == 12
    # the engine playing the student solves most generated cases: they carry enough signal
    big = evaluate(trainer, settings.kb_dir, 60)["solvability"]["metrics"]
    assert big["top3"] >= 0.7


def test_question_set_is_labelled_with_real_ids_and_mostly_understood(trainer, settings):
    qs = load_questions(settings.kb_dir, trainer.kb)
    assert len(qs) >= 40 and sum(1 for q in qs if q.get("held_out")) >= 10
    u = understanding(trainer, qs)
    assert u["tuning"]["rate"] >= 0.8 and u["held_out"]["rate"] >= 0.7
    nonsense = [r for r in u["rows"] if r["expect"] == "none"]
    assert nonsense and all(r["ok"] for r in nonsense)


def test_bench_runs_and_reports_ratios(settings):
    sys.path.insert(0, str(REPO))
    from bench.bench_cases import run

    out = run(settings, repeats=3)
    for name in ("new_case", "answer", "score"):
        assert out[f"{name}_ratio_to_baseline"] > 0 and f"{name}_within_budget" in out
