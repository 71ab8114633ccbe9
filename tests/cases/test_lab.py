"""The Model-lab section runs the computed evaluation and shows its numbers and charts."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "model_lab.py")


def test_lab_section_runs_the_case_evaluation(settings):
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("No case evaluation run yet" in i.value for i in at.info)
    at.number_input(key="lab_cases_n").set_value(10)
    at.button(key="lab_cases_eval").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Top-3"].endswith("%")
    assert (settings.data_dir / "cases" / "eval_latest.json").is_file()
    keys = {c.proto.id for c in at.get("plotly_chart")}
    assert len(keys) >= 2
