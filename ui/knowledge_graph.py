"""The Knowledge page's network: a concept (or an answer) and its neighbours as a clickable plotly
figure. Conditions are coloured by triage level, everything else by concept type; hovering an
edge's midpoint shows the relation and its source."""

from __future__ import annotations

import html
import math
from collections import deque

import plotly.graph_objects as go

LEVEL_COLOURS = {"emergency": "#c62828", "urgent": "#ef6c00", "routine": "#1565c0", "self_care": "#2e7d32"}
TYPE_COLOURS = {"condition": "#7e57c2", "finding": "#26a69a", "drug": "#8d6e63", "product": "#a1887f",
                "class": "#bdbdbd", "gene": "#ec407a", "test": "#ffb300", "procedure": "#5c6bc0"}
RELATION_COLOURS = {"interacts_with": "#d62728", "interacts_in_group": "#880e4f", "has_finding": "#9e9e9e",
                    "red_flag": "#c62828",
                    "treated_by": "#2e7d32", "pgx_action": "#ec407a", "contraindicated_in": "#6d4c41",
                    "caution_in": "#a1887f", "renal_dose": "#ffb300", "hepatic_dose": "#ff7043",
                    "member_of": "#cfd8dc", "tested_by": "#1e88e5", "studied_for": "#6a1b9a"}


def group_of(node: dict) -> str:
    if node["type"] == "condition" and node.get("triage"):
        return f"condition: {node['triage'].replace('_', ' ')}"
    return node["type"]


def colour_of(node: dict) -> str:
    if node["type"] == "condition" and node.get("triage"):
        return LEVEL_COLOURS.get(node["triage"], TYPE_COLOURS["condition"])
    return TYPE_COLOURS.get(node["type"], "#757575")


def radial_layout(view: dict) -> dict[str, tuple[float, float]]:
    """The centre in the middle, each further hop on a wider ring; within a ring, nodes sorted by
    group then name, so one kind (all emergencies) sits together and the picture is stable."""
    center = view["center"]
    adj: dict[str, set[str]] = {n["id"]: set() for n in view["nodes"]}
    for e in view["edges"]:
        adj.setdefault(e["start"], set()).add(e["end"])
        adj.setdefault(e["end"], set()).add(e["start"])
    dist = {center: 0}
    queue = deque([center])
    while queue:
        n = queue.popleft()
        for m in sorted(adj.get(n, ())):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    by_id = {n["id"]: n for n in view["nodes"]}
    rings: dict[int, list[str]] = {}
    for n in by_id:
        rings.setdefault(dist.get(n, max(dist.values(), default=0) + 1), []).append(n)
    pos = {}
    for r, ids in rings.items():
        ids.sort(key=lambda i: (group_of(by_id[i]), by_id[i]["name"].lower()))
        if r == 0 and len(ids) == 1:
            pos[ids[0]] = (0.0, 0.0)
            continue
        for k, i in enumerate(ids):
            a = 2 * math.pi * k / len(ids) + 0.3 * r
            pos[i] = (r * math.cos(a), r * math.sin(a))
    return pos


def network_figure(view: dict, title: str = "", height: int = 560) -> go.Figure:
    pos = radial_layout(view)
    fig = go.Figure()
    by_rel: dict[str, list] = {}
    for e in view["edges"]:
        if e["start"] in pos and e["end"] in pos:
            by_rel.setdefault(e["relation"], []).append(e)
    for rel, edges in sorted(by_rel.items()):
        xs, ys, mx, my, hover = [], [], [], [], []
        for e in edges:
            (x0, y0), (x1, y1) = pos[e["start"]], pos[e["end"]]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            # a paper's citation is untrusted text: plotly would render tags (links) in hover text
            hover.append(f"{rel}: {html.escape(_detail(e))}<br>source: {html.escape(e['source'][:120])}")
        colour = RELATION_COLOURS.get(rel, "#999")
        # edges from the user's read papers are literature, not guidelines: dashed, and named so in the legend
        lit = any(e.get("attrs", {}).get("origin") == "literature" for e in edges)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 1.2,
                                                                  "dash": "dash" if lit else "solid"},
                                 hoverinfo="skip", name=f"{rel} (literature)" if lit else rel, legendgroup=rel))
        fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", marker={"size": 5, "color": colour},
                                 hovertext=hover, hoverinfo="text", showlegend=False, legendgroup=rel))
    groups: dict[str, list[dict]] = {}
    for n in view["nodes"]:
        groups.setdefault(group_of(n), []).append(n)
    for group, nodes in sorted(groups.items()):
        fig.add_trace(go.Scatter(
            x=[pos[n["id"]][0] for n in nodes], y=[pos[n["id"]][1] for n in nodes], mode="markers+text",
            text=[_short(n["name"]) for n in nodes], textposition="top center", name=group,
            customdata=[n["id"] for n in nodes], hovertext=[f"{n['name']}<br>{n['id']}" for n in nodes],
            hoverinfo="text",
            marker={"size": [22 if n["id"] == view["center"] else 13 for n in nodes], "color": colour_of(nodes[0]),
                    "line": {"width": 1, "color": "#333"}}))
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10}, title=title,
                      xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"},
                      clickmode="event+select", legend={"itemclick": "toggle"})
    return fig


def _short(name: str, n: int = 28) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def _detail(e: dict) -> str:
    a = e.get("attrs", {})
    if a.get("origin") == "literature":
        return f"literature: {a.get('outcome', '')} {a.get('effect', '')} {a.get('direction', '')}".strip()
    for k in ("likelihood", "severity", "line", "phenotype", "action", "result", "below"):
        if k in a:
            return f"{k} {a[k]}"
    return ""


def clicked_concept(event) -> str | None:
    """The concept id of the node a user clicked, from st.plotly_chart's selection event."""
    try:
        points = event.selection.points
    except AttributeError:
        points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else []
    for p in points or []:
        cd = p.get("customdata") if isinstance(p, dict) else None
        if isinstance(cd, list):
            cd = cd[0] if cd else None
        if isinstance(cd, str) and ":" in cd:
            return cd
    return None
