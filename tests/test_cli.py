import json
import subprocess
import sys
from pathlib import Path

from medcore.cli import build_parser, main

REPO = Path(__file__).resolve().parent.parent


def test_help_lists_the_subcommands(capsys):
    parser = build_parser()
    help_text = parser.format_help()
    for cmd in ("train", "generate", "eval", "bench", "jobs", "info"):
        assert cmd in help_text


def test_python_dash_m_entry_point_works():
    r = subprocess.run([sys.executable, "-m", "medcore", "--help"], cwd=REPO, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and "train" in r.stdout


def test_train_demo_on_the_console_prints_a_json_result(settings, capsys):
    out = settings.data_dir / "cli-demo"
    assert main(["train", "demo", "--steps", "30", "--out", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["final_step"] == 30 and Path(result["checkpoint"]).is_dir()


def test_info_json_reports_device_and_tools(settings, capsys):
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert "CPU" in info["device"] or "CUDA" in info["device"]
    assert {t["tool"] for t in info["tools"]} >= {"imaging", "records", "triage", "therapy", "cases"}
    assert info["settings"]["llm_backend"] == "template"


def test_bad_configuration_is_a_clear_message_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "nonsense")
    assert main(["info"]) == 2
    assert "MEDCORE_LLM_BACKEND" in capsys.readouterr().err


def test_group_without_target_shows_help(settings, capsys):
    assert main(["train"]) == 2
    assert "demo" in capsys.readouterr().out
