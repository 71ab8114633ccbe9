"""Per-rerun work the pages no longer do (issue 14, speed; bench/page_speed.py measures it): a tool page reads
only whether its tool is ready, Home reads the full status once per cache period (what each tool's KB holds is
kept on disk per file version: tests/test_status_cache.py), and PDFs are made when their download button is
clicked."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from medcore import status as status_mod

REPO = Path(__file__).resolve().parent.parent


class FakeTool:
    def __init__(self, ready: bool):
        self.ready, self.checks = ready, 0

    def engine_ready(self, settings) -> bool:
        return self.ready

    def check(self, settings):
        self.checks += 1
        return [status_mod.Component("thing", "model", False, "missing")]


@pytest.mark.parametrize("ready", [True, False])
def test_a_tool_page_reads_its_components_only_when_the_tool_is_not_ready(settings, monkeypatch, ready):
    fake = FakeTool(ready)
    monkeypatch.setattr(status_mod, "_status_module", lambda key: fake)
    got = status_mod.tool_ready(status_mod.tool("triage"), settings)
    assert got.ready is ready
    assert fake.checks == (0 if ready else 1)  # the not-available panel still lists what is missing
    assert [c.name for c in got.components] == ([] if ready else ["thing"])


def test_home_reads_the_full_status_once_per_cache_period(settings, monkeypatch):
    calls = []
    real = status_mod.all_status
    monkeypatch.setattr(status_mod, "all_status", lambda s: calls.append(1) or real(s))
    # another test's Home visit in this process may have filled the 20 s cache (CI ran one just before)
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "pages" / "home.py"), default_timeout=300).run()
    assert not at.exception and any("Tools ready" in m.label for m in at.metric)
    at.run()
    AppTest.from_file(str(REPO / "pages" / "home.py"), default_timeout=300).run()  # another session
    assert len(calls) == 1


def _download(at, label):
    return next(d for d in at.get("download_button") if d.proto.label == label).proto


def test_the_chat_report_pdf_is_made_when_clicked(settings, monkeypatch):
    from medcore.triage import export

    made = []
    monkeypatch.setattr(export, "to_pdf", lambda state: made.append(1) or b"%PDF")
    at = AppTest.from_file(str(REPO / "pages" / "symptom_chat.py"), default_timeout=300).run()
    at.chat_input(key="tri_input").set_value("I am 30 and I have had a sore throat and a runny nose for two days").run()
    at.run()
    assert not at.exception and not at.error
    pdf = _download(at, "Report (PDF)")
    assert pdf.deferred_file_id and not pdf.url and made == []


def test_the_plan_pdf_is_made_when_clicked(settings, monkeypatch):
    from medcore.therapy import render

    made = []
    monkeypatch.setattr(render, "plan_pdf", lambda plan: made.append(1) or b"%PDF")
    at = AppTest.from_file(str(REPO / "pages" / "treatment_planner.py"), default_timeout=300).run()
    next(b for b in at.button if b.label == "Load example bundle").click().run()
    next(b for b in at.button if b.label == "Make plan").click().run()
    at.run()
    assert not at.exception and not at.error
    assert any("Review: accept, reject or modify" in s.value for s in at.subheader)
    pdf = _download(at, "Plan (PDF)")
    assert pdf.deferred_file_id and not pdf.url and made == []


def test_the_summary_json_is_made_when_clicked(settings, monkeypatch):
    from medcore.records import export

    made = []
    real = export.to_json
    monkeypatch.setattr(export, "to_json", lambda *a, **k: made.append(1) or real(*a, **k))
    at = AppTest.from_file(str(REPO / "pages" / "record_summarizer.py"), default_timeout=300).run()
    at.text_area(key="rec_input").set_value("HPI: 61-year-old man with cough for 3 days.\nPlan: chest X-ray.\n")
    next(b for b in at.button if b.label == "Summarize pasted note").click().run()
    assert not at.exception and not at.error
    button = _download(at, "JSON")
    assert button.deferred_file_id and not button.url and made == []


def test_the_server_skips_the_full_garbage_collection_after_each_run():
    """Streamlit's runner.postScriptGC ran gc.collect() after every script run: about 0.4 s of CPU per rerun
    with the app's knowledge bases in memory, where the pages themselves take 0.02-0.3 s."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


# ---- the planner's request path (issue 14, load; docs/evals/load-s12) -------------------------------------------

def test_settings_are_read_once_until_their_inputs_change(monkeypatch):
    """A page run asked for the settings up to 18 times, each a fresh load; now one object serves until a
    MEDCORE_* variable changes (tests change them between runs in one process)."""
    from ui import loaders

    first = loaders.get_settings()
    assert loaders.get_settings() is first
    monkeypatch.setenv("MEDCORE_MAX_UPLOAD_MB", str(first.max_upload_mb + 1))
    changed = loaders.get_settings()
    assert changed is not first and changed.max_upload_mb == first.max_upload_mb + 1
    monkeypatch.delenv("MEDCORE_MAX_UPLOAD_MB")
    assert loaders.get_settings().max_upload_mb == first.max_upload_mb


def _figure_the_old_way(names, findings, highlight=None):
    """The interaction graph as it was built before (add_trace per trace, then update_layout): the oracle."""
    import math

    import plotly.graph_objects as go

    from medcore.therapy.graph import SEVERITY_COLOURS

    highlight = highlight or set()
    n = max(len(names), 1)
    pos = {name: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i, name in enumerate(names)}
    fig, shown = go.Figure(), set()
    for f in findings:
        a, b = f["drugs"]
        if a not in pos or b not in pos:
            continue
        sev = f["severity"]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines",
                                 line={"color": SEVERITY_COLOURS.get(sev, "#999"),
                                       "width": 2 + 2 * (sev in ("major", "contraindicated"))},
                                 name=sev, legendgroup=sev, showlegend=sev not in shown,
                                 hovertext=f"{a} + {b}: {sev}", hoverinfo="text"))
        fig.add_trace(go.Scatter(x=[(x0 + x1) / 2], y=[(y0 + y1) / 2], mode="markers",
                                 marker={"size": 6, "color": SEVERITY_COLOURS.get(sev, "#999")}, showlegend=False,
                                 hovertext=f"{a} + {b}: {sev}<br>{f.get('mechanism', '')[:120]}", hoverinfo="text"))
        shown.add(sev)
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in names], y=[pos[n][1] for n in names], mode="markers+text", text=names,
        textposition="top center", showlegend=False, hoverinfo="text",
        marker={"size": 18, "color": ["#2ca02c" if n in highlight else "#636efa" for n in names],
                "line": {"width": 1, "color": "#333"}}))
    fig.update_layout(height=420, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend_title_text="severity",
                      xaxis={"visible": False, "range": [-1.5, 1.5]}, yaxis={"visible": False, "range": [-1.4, 1.5]},
                      title="Interactions among current medicines (green: proposed)")
    return fig


@pytest.mark.parametrize("names,findings,highlight", [
    (["drug a", "drug b", "drug c"],
     [{"drugs": ["drug a", "drug b"], "severity": "major", "mechanism": "more exposure " * 20},
      {"drugs": ["drug b", "drug c"], "severity": "moderate"}, {"drugs": ["drug a", "drug c"], "severity": "major"},
      {"drugs": ["drug a", "not listed"], "severity": "minor"}, {"drugs": ["drug b", "drug a"], "severity": "odd"}],
     {"drug a"}),
    (["x", "y"], [{"drugs": ["x", "y"], "severity": "contraindicated"}], None),
    (["only"], [], set()),
    ([], [], None),
])
def test_the_interaction_graph_is_the_same_figure_built_in_one_call(names, findings, highlight):
    """Built from plain dicts in one constructor call (about 2 ms instead of 12 per planner run): the same figure."""
    from medcore.therapy.graph import interaction_figure

    assert interaction_figure(names, findings, highlight).to_dict() == \
        _figure_the_old_way(names, findings, highlight).to_dict()
