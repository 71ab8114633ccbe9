"""The imaging section of the Model lab: registered checkpoints, make-active, and the Train form."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import streamlit as st

from medcore import jobs
from medcore.imaging.train_config import DP_MODELS
from medcore.store import StoreError
from ui.errors import error_boundary
from ui.jobs_panel import job_panel

PRESETS = {
    "small (16,32,64,128), fast": "16,32,64,128",
    "medium (32,64,96,128)": "32,64,96,128",
    "tiny (8,16), for a quick look": "8,16",
}


def dataset_choices(settings, user) -> dict[str, str]:
    """label -> --dataset value: the installed embedded sets and the imports `user` may see (imports.py)."""
    from medcore.imaging.builtin import BUILTIN_SETS, available
    from medcore.imaging.imports import list_imports

    out = {s.label: key for key, s in BUILTIN_SETS.items() if available(key)[0]}
    for name, path in list_imports(settings, user).items():
        out[f"Imported: {name}"] = str(path)
    return out


MODEL_LABELS = {"ddpm": "Diffusion (DDPM, class-conditional)", "gan": "DCGAN (class-conditional)",
                "vae": "VAE (class-conditional; also the autoencoder for latent diffusion)",
                "ldm": "Latent diffusion (DDPM on a VAE's latents)"}


def vae_choices(settings, store) -> dict[str, str]:
    """label -> --vae value: registered VAE runs and shipped VAE checkpoints."""
    from medcore.imaging.registry import checkpoint_kind

    out = {f"{m.name} (#{m.id})": m.path for m in store.list_models("imaging")
           if Path(m.path).exists() and checkpoint_kind(m.path) == "vae"}
    for p in sorted((settings.assets_dir / "checkpoints").glob("*vae*")):
        if p.is_dir() and checkpoint_kind(p) == "vae":
            out[f"shipped: {p.name}"] = str(p)
    return out


def train_argv(model: str, dataset: str, size: int, steps: int, batch: int, channels: str, name: str,
               preview_every: int, vae: str = "", dp_epsilon: float = 0.0) -> list[str]:
    argv = ["train", "image", "--model", model, "--dataset", dataset, "--size", str(size), "--steps", str(steps),
            "--batch-size", str(batch), "--channels", channels, "--name", name,
            "--preview-every", str(preview_every), "--checkpoint-every", str(max(50, min(500, steps // 4)))]
    if dp_epsilon > 0:
        argv += ["--dp-epsilon", f"{dp_epsilon:g}"]
    return argv + (["--vae", vae] if model == "ldm" else [])


def train_form(settings, store, key: str = "imglab") -> int | None:
    """The Train form; returns the id of a job it started."""
    with st.form(f"{key}-train"):
        c1, c2, c3 = st.columns(3)
        model = c1.selectbox("Model", list(MODEL_LABELS), format_func=MODEL_LABELS.get)
        choices = dataset_choices(settings, store.principal)
        ds_label = c2.selectbox("Dataset", list(choices))
        size = c3.selectbox("Image size", [32, 64, 128],
                            help="32 px trains about 4x faster on a CPU; 128 px is meant for the VAE and latent diffusion")
        vaes = vae_choices(settings, store)
        vae_label = st.selectbox("VAE (latent diffusion only)", list(vaes) or ["(no VAE trained yet)"],
                                 help="latent diffusion learns in the space of this VAE and decodes through it")
        c4, c5, c6 = st.columns(3)
        steps = c4.number_input("Steps", min_value=10, max_value=200_000, value=2000, step=100)
        batch = c5.number_input("Batch size", min_value=2, max_value=512, value=32, step=8)
        preset = c6.selectbox("UNet widths (DDPM)", list(PRESETS))
        preview_every = st.slider("Preview grid every N steps", 0, 2000, 250, 50,
                                  help="0 turns previews off; each preview costs a short sampling run")
        dp_epsilon = st.number_input(
            "Differential privacy: budget ε (0 = off; VAE and DCGAN only)", min_value=0.0, max_value=50.0,
            value=0.0, step=1.0, key=f"{key}-dp",
            help="DP-SGD through Opacus at δ=1e-5: each scan's gradient is clipped and noised so the run spends "
                 "at most this ε over its steps. Smaller ε is more private and blurrier. The ε spent goes in the "
                 "checkpoint card and in every generated image's metadata.")
        submitted = st.form_submit_button("Start training", type="primary", icon=":material/play_arrow:")
    if not submitted:
        return None
    with error_boundary("starting the training job"):
        name = f"{model}-{Path(choices[ds_label]).stem}-{size}px-{time.strftime('%Y%m%d-%H%M%S')}"
        out = settings.path("imaging", "runs", name)
        if model == "ldm" and vae_label not in vaes:
            st.error("Latent diffusion needs a trained VAE: train a VAE first.")
            return None
        if dp_epsilon > 0 and model not in DP_MODELS:
            st.error(f"Differential privacy is available for the VAE and the DCGAN, not for {MODEL_LABELS[model]}: "
                     "Opacus cannot compute per-scan gradients through the diffusion UNet's attention. "
                     "Set ε to 0 or choose another model.")
            return None
        argv = train_argv(model, choices[ds_label], int(size), int(steps), int(batch), PRESETS[preset], name,
                          int(preview_every), vaes.get(vae_label, ""), float(dp_epsilon))
        config = {"model": model, "dataset": choices[ds_label], "size": int(size), "steps": int(steps),
                  "batch_size": int(batch), "channels": PRESETS[preset], "dp_epsilon": float(dp_epsilon)}
        job_id = jobs.start_job(store, settings, "imaging", f"Image {model} on {ds_label}", argv, config=config,
                                out_dir=out)
        store.audit("start_job", tool="imaging", object_type="job", object_id=job_id, model=model)
        return job_id
    return None


def models_table(store) -> pd.DataFrame:
    rows = []
    for m in store.list_models("imaging"):
        rows.append({"id": m.id, "active": "●" if m.active else "", "name": m.name,
                     "model": m.config.get("model", ""), "dataset": Path(str(m.config.get("dataset", ""))).stem,
                     "size": m.config.get("size"), "steps": m.metrics.get("steps"),
                     "params": m.metrics.get("params"), "final loss": m.metrics.get("final_loss"),
                     "images/s": m.metrics.get("images_per_s"),
                     "in-domain FID": m.metrics.get("fid_generated"), "created": m.created, "path": m.path})
    return pd.DataFrame(rows)


def render(settings, store) -> None:
    from medcore.imaging.registry import ensure_shipped_registered, shipped_available, shipped_names

    st.subheader("Image models")
    try:
        ensure_shipped_registered(settings, store)
    except StoreError as exc:  # a read-only database: the models registered before are still listed
        st.warning(f"{exc}: the shipped checkpoints are listed only once they are registered.",
                   icon=":material/database:")
    shipped = [n for n in shipped_names() if shipped_available(settings, n)]
    if shipped:
        st.caption("Shipped checkpoints: " + ", ".join(f"`assets/checkpoints/{n}/`" for n in shipped)
                   + ". The command, wall time and metrics of each are in the JSON beside it.")
    table = models_table(store)
    if table.empty:
        st.info("No image model trained here yet. Start one below; a finished run is registered automatically.")
    else:
        st.dataframe(table, hide_index=True, width="stretch")
        ids = table["id"].tolist()
        c1, c2 = st.columns([3, 1])
        chosen = c1.selectbox("Model", ids, key="imglab-choose",
                              format_func=lambda i: f"{i}: {table.set_index('id').loc[i, 'name']}")
        if c2.button("Make active", key="imglab-activate", icon=":material/star:"):
            with error_boundary("making the model active"):
                store.set_active_model(int(chosen))
                store.audit("activate_model", tool="imaging", object_type="model", object_id=int(chosen))
                st.toast(f"Model {chosen} is now used by the Image generator.")
                st.rerun()
        rec = store.get_model(int(chosen))
        if rec is not None:
            with st.expander("Config and metrics"):
                st.json({"config": rec.config, "metrics": rec.metrics, "path": rec.path, "job": rec.job_id})
    st.markdown("**Train an image model**")
    started = train_form(settings, store)
    if started:
        st.session_state["imglab-job"] = started
    recent = [j for j in jobs.list_jobs(store, kind="imaging", limit=20)]
    job_id = st.session_state.get("imglab-job") or (recent[0].id if recent else None)
    if job_id:
        job_panel(int(job_id), key="imglab",
                  on_resume=lambda new: st.session_state.__setitem__("imglab-job", new))
