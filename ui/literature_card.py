"""The evidence card of one read paper: every line a button that highlights its source sentence in the
text; the forest-style chart of the effect estimates; the reporting checklist. Paper text is untrusted:
it is shown escaped (st.text, html.escape, md_escape), never as markdown."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from medcore.literature.card import NO_OUTCOME
from medcore.literature.evidence_table import effect_arms
from medcore.literature.graph_edges import RATIO, effect_text
from ui.frame import md_escape

SECTIONS = (("question", "Question"), ("design", "Design"), ("population", "Population"),
            ("intervention_vs_comparator", "Intervention vs comparator"), ("main_results", "Main results"),
            ("conclusion", "Conclusion"), ("limitations", "Limitations"))


def card_lines(result: dict) -> list[tuple[str, str, int]]:
    """(section title, line, sentence index) in the card's order."""
    card = result.get("card") or {}
    return [(title, str(x.get("text", "")), int(x.get("sentence_idx", -1))) for key, title in SECTIONS
            for x in card.get(key) or []]


def source_html(text: str, start: int, end: int) -> str:
    """The paper's text, escaped, with one span marked; the marked sentence scrolls into view."""
    if not (0 <= start < end <= len(text)):
        return f"<div style='white-space:pre-wrap'>{html.escape(text)}</div>"
    return ("<div style='white-space:pre-wrap;max-height:420px;overflow:auto;border:1px solid #ddd;padding:8px'>"
            f"{html.escape(text[:start])}<mark id='lit-hl' style='background:#ffe082'>{html.escape(text[start:end])}"
            f"</mark>{html.escape(text[end:])}</div>")


def sentence_of(result: dict, idx: int) -> dict | None:
    sents = (result.get("paper") or {}).get("sentences") or []
    return sents[idx] if 0 <= idx < len(sents) else None


def _pick(hl_key: str, radio_key: str, others: list[str], sentences: list[int]) -> None:
    """A line was chosen in one section: highlight its sentence and clear the other sections' choice."""
    ss = st.session_state
    k = ss.get(radio_key)
    ss[hl_key] = sentences[k] if k is not None else -1
    for k in others:
        if k != radio_key:
            ss[k] = None


def render_card(result: dict, key: str) -> None:
    """The card on the left (a scrolling box, so the source stays in view), the paper's text on the right with
    the chosen line's sentence highlighted. Each section's lines are a radio: labels wrap, and the chosen line
    stays marked. Lines are escaped (md_escape): a paper's words never act as markdown."""
    ss = st.session_state
    hl_key = f"lit_hl_{key}"
    lines = card_lines(result)
    radios = [f"lit_r_{key}_{n}" for n, _ in enumerate(SECTIONS)]
    left, right = st.columns([5, 6])
    with left, st.container(height=600, border=True):
        st.caption("Choose a line to highlight the sentence it came from.")
        for n, (_, title) in enumerate(SECTIONS):
            st.markdown(f"**{title}**")
            own = [(t, i) for s, t, i in lines if s == title]
            if not own:
                st.caption("not reported")
            for text, idx in own:
                if idx < 0:
                    st.text(text)  # metadata (a coded condition, the title): no sentence to point at
            traced = [(t, i) for t, i in own if i >= 0]
            if traced:
                labels = {k: t for k, (t, _) in enumerate(traced)}
                st.radio(f"Card lines: {title}", list(labels), index=None, key=radios[n], label_visibility="collapsed",
                         format_func=lambda k, labels=labels: md_escape(labels[k]),
                         on_change=_pick, args=(hl_key, radios[n], radios, [i for _, i in traced]))
    with right:
        paper = result.get("paper") or {}
        sent = sentence_of(result, ss.get(hl_key, -1))
        if sent is not None:
            st.markdown(f"**Source:** sentence {sent['idx'] + 1} · role {md_escape(sent.get('role') or '?')} "
                        f"({md_escape(sent.get('role_source') or '')}, {float(sent.get('role_score') or 0):.2f})")
            st.info(md_escape(sent["text"]))
            st.html(source_html(paper.get("text", ""), int(sent["start"]), int(sent["end"])))
        else:
            st.markdown("**Paper text**")
            st.html(source_html(paper.get("text", ""), -1, -1))


def render_roles(store, result: dict, paper_id: int) -> None:
    """Every sentence with its role and where the role came from; a wrong role can be corrected."""
    from medcore.literature import library
    from medcore.literature.model import ROLES

    sents = (result.get("paper") or {}).get("sentences") or []
    st.dataframe(pd.DataFrame([{"#": s["idx"] + 1, "role": s.get("role"), "by": s.get("role_source"),
                                "score": round(float(s.get("role_score") or 0), 2), "sentence": s["text"]}
                               for s in sents]), hide_index=True, width="stretch")
    if not sents:
        return
    c1, c2, c3 = st.columns([2, 2, 1])
    idx = c1.selectbox("Sentence", range(len(sents)), key=f"lit_fix_s_{paper_id}",
                       format_func=lambda i: f"{i + 1}. {sents[i]['text'][:70]}")
    role = c2.selectbox("Its role", ROLES, key=f"lit_fix_r_{paper_id}",
                        index=ROLES.index(sents[idx].get("role")) if sents[idx].get("role") in ROLES else 0)
    if c3.button("Save role", key=f"lit_fix_b_{paper_id}", icon=":material/save:"):
        if role == sents[idx].get("role"):
            st.info("That is already its role.")
        elif library.correct_role(store, paper_id, idx, role):
            st.toast(f"Sentence {idx + 1} is now {role}; the correction is kept for training.")
            st.rerun()  # the table above shows the corrected role


def forest_figure(effects: list[dict], labels: list[str] | None = None, title: str = "") -> go.Figure | None:
    """Estimates with their CIs, ratios on a log axis around 1 and differences around 0 in separate panels."""
    from plotly.subplots import make_subplots

    rows = [(labels[i] if labels else f"{e['measure']}: {e.get('outcome') or NO_OUTCOME}", e) for i, e in enumerate(effects)
            if isinstance(e.get("value"), (int, float)) and e.get("measure") not in ("NNT", "NNH")]
    ratio = [(lab, e) for lab, e in rows if e["measure"] in RATIO and e["value"] > 0]
    diff = [(lab, e) for lab, e in rows if e["measure"] not in RATIO]
    panels = [p for p in (("ratio (log scale; 1 = no effect)", ratio), ("difference (0 = no effect)", diff)) if p[1]]
    if not panels:
        return None
    fig = make_subplots(rows=1, cols=len(panels), subplot_titles=[p[0] for p in panels])
    for col, (name, items) in enumerate(panels, start=1):
        ys = [f"{k + 1}. {lab[:48]}" for k, (lab, _) in enumerate(items)]
        xs = [e["value"] for _, e in items]
        hi = [(e["ci_high"] - e["value"]) if e.get("ci_high") is not None else 0 for _, e in items]
        lo = [(e["value"] - e["ci_low"]) if e.get("ci_low") is not None else 0 for _, e in items]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers", marker={"size": 10, "symbol": "square"},
                                 error_x={"type": "data", "symmetric": False, "array": hi, "arrayminus": lo},
                                 hovertext=[effect_text(e) for _, e in items], hoverinfo="text", showlegend=False),
                      row=1, col=col)
        null = 1 if items is ratio else 0
        fig.add_vline(x=null, line_dash="dash", line_color="#888", row=1, col=col)
        if items is ratio:
            fig.update_xaxes(type="log", row=1, col=col)
        fig.update_yaxes(autorange="reversed", row=1, col=col)
    fig.update_layout(height=120 + 40 * max(len(p[1]) for p in panels), title=title,
                      margin={"l": 10, "r": 10, "t": 60, "b": 30})
    return fig


def effects_table(result: dict) -> pd.DataFrame:
    return pd.DataFrame([{"outcome": e.get("outcome") or NO_OUTCOME,
                          "comparison": effect_arms(e) or e.get("comparison", ""),
                          "estimate": effect_text(e), "sentence": int(e.get("sentence_idx", -1)) + 1,
                          "check": "; ".join(e.get("flags") or []) or "consistent"}
                         for e in result.get("effects") or []])


def checklist_table(result: dict) -> pd.DataFrame:
    items = (result.get("card") or {}).get("checklist") or result.get("checklist") or []
    return pd.DataFrame([{"item": c.get("label", c.get("id", "")), "reported": "yes" if c.get("reported") else "no",
                          "sentence": int(c.get("sentence_idx", -1)) + 1 if c.get("sentence_idx", -1) >= 0 else None,
                          "source": c.get("source", "")} for c in items])
