"""Quality tab sections that do not depend on a generated batch: the in-domain classifiers' accuracy, the
comparison table of the generators, and the DP trade-off, all read from committed JSON
(`python -m medcore eval image-table --out docs/evals/image-table/table.json` writes the table)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from medcore.config import REPO_ROOT

TABLE = REPO_ROOT / "docs" / "evals" / "image-table" / "table.json"
COMMAND = "python -m medcore eval image-table --out docs/evals/image-table/table.json"
COLUMNS = {"model": "model", "size": "px", "fid": "FID", "kid": "KID", "mifid": "MiFID", "precision": "precision",
           "recall": "recall", "class_agreement": "class agreement", "cas": "CAS", "copies_flagged": "copies flagged",
           "generated": "images", "seconds_16": "s / 16 images"}
DP_COLUMNS = {"model": "run", "privacy": "training privacy", "fid": "FID", "kid": "KID", "precision": "precision",
              "recall": "recall", "copies_flagged": "copies flagged", "copies_by_ssim": "by SSIM",
              "copies_by_features": "by features", "generated": "images", "size": "px"}


@st.cache_data(show_spinner=False)
def _read(path: str, _mtime: int) -> dict | None:
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None


def load_table(path: Path = TABLE) -> dict | None:
    return _read(str(path), path.stat().st_mtime_ns) if path.exists() else None


def frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame([r for r in rows if not r.get("missing")])
    if df.empty:
        return df
    return df[[c for c in columns if c in df.columns]].rename(columns=columns)


def classifier_accuracy(assets_dir: Path) -> None:
    cols = st.columns(2)
    for col, size in zip(cols, (32, 128)):
        p = assets_dir / "imaging" / f"classifier-br35h-{size}px.json"
        meta = json.loads(p.read_text()) if p.exists() else {}
        acc = meta.get("heldout_accuracy")
        col.metric(f"In-domain classifier, {size} px: held-out accuracy", f"{acc:.1%}" if acc is not None else "–",
                   help=f"small CNN trained on the real training split, tested on {meta.get('heldout_images', '?')} "
                        "held-out scans; its features feed FID, KID, MiFID and precision/recall")


def comparison_section(assets_dir: Path, path: Path = TABLE) -> None:
    st.markdown("**How the generators compare (same held-out split)**")
    classifier_accuracy(assets_dir)
    table = load_table(path)
    if table is None:
        st.info(f"No comparison table yet: `{COMMAND}` computes it (a few minutes on a CPU).")
        return
    df = frame([*table.get("rows", []), *table.get("baselines", [])], COLUMNS)
    st.dataframe(df, hide_index=True, width="stretch")
    s = table.get("settings", {})
    st.caption(f"{s.get('n_per_class')} images per class and model, seed {s.get('seed')}; diffusion models sample "
               f"with {s.get('sampler')} in {s.get('steps')} steps. FID, KID and precision/recall against the "
               "held-out scans, MiFID's memorisation term against the training scans, all on the in-domain "
               "classifier's features of each size: compare a row with the real-vs-real row of its own size, not "
               "32 px with 128 px. Copies: flagged by pixels, features or SSIM, each threshold crossed by only 1% "
               f"of real held-out scans. Rerun: `{COMMAND}`.")
    rows = [r for r in table.get("rows", []) if not r.get("missing") and r.get("precision") is not None]
    if rows:
        fig = go.Figure()
        for r in rows:
            fig.add_scatter(x=[r["recall"]], y=[r["precision"]], mode="markers+text", text=[r["model"]],
                            textposition="top center", name=r["model"], marker=dict(size=12))
        for b in table.get("baselines", []):
            fig.add_scatter(x=[b["recall"]], y=[b["precision"]], mode="markers", marker=dict(symbol="x", size=12),
                            name=b["model"])
        fig.update_layout(height=340, margin=dict(l=10, r=10, t=30, b=10), title="Fidelity (precision) and "
                          "diversity (recall), k-NN on classifier features", xaxis_title="recall",
                          yaxis_title="precision", xaxis_range=[-0.05, 1.05], yaxis_range=[-0.05, 1.1])
        st.plotly_chart(fig, key="img-pr")
    dp_section(table)


def dp_section(table: dict) -> None:
    dp = [r for r in table.get("dp_rows", []) if not r.get("missing")]
    if not dp:
        return
    st.markdown("**Differential privacy: what the privacy budget costs**")
    st.dataframe(frame(dp, DP_COLUMNS), hide_index=True, width="stretch")
    fig = go.Figure()
    for px in sorted({r.get("size") for r in dp}, key=str):  # FIDs of two sizes sit on two classifiers' scales
        rows = [r for r in dp if r.get("size") == px]
        fig.add_trace(go.Bar(x=[r["model"] for r in rows], y=[r["fid"] for r in rows], name=f"{px} px" if px else "DP runs",
                             text=[f"{r['copies_flagged']} copies" for r in rows], textposition="outside"))
    fig.update_layout(height=300, margin=dict(l=10, r=10, t=30, b=10), yaxis_title="FID (lower is better)",
                      title="FID by training privacy (same run configuration within a family)")
    st.plotly_chart(fig, key="img-dp")
    st.caption("Each family is three runs of one configuration: DP-SGD at ε≈8 and ε≈1 (δ=1e-5), and without DP. "
               "For the DCGAN only the discriminator sees real scans, so DP-SGD on it makes the generator private "
               "too. Smaller ε is a stronger guarantee. Compare FIDs within a family: the 32 px and 128 px rows "
               "use different classifiers. Every image from a DP model carries its ε in its PNG text and DICOM "
               "header.")
