"""Image generator: sample synthetic brain MRI, watch the denoising, check quality and copies, export DICOM."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ui.errors import error_boundary
from ui.frame import md_escape, plural, require_tool
from ui.loaders import get_settings, get_store, shared

require_tool("imaging")

from medcore.imaging import classifier as clf_mod  # noqa: E402  (after the readiness check: heavy imports)
from medcore.imaging import builtin, quality, registry  # noqa: E402
from medcore.imaging.datasets import DatasetError, import_zip, load_dataset  # noqa: E402
from medcore.imaging.imports import clean_name, store_import  # noqa: E402
from medcore.imaging.sample_progress import SampleCancelled  # noqa: E402
from medcore.imaging.dicom_export import batch_dicoms  # noqa: E402
from medcore.imaging.viewing import (default_zoom, read_dicom_view, render_dicom, window_level,  # noqa: E402
                                     window_limits, zoom)
from medcore.imaging.sample import (SampleError, SampleRequest, batch_manifest, load_model, read_card,  # noqa: E402
                                    recommended_sampling, mark_synthetic, marked_pngs, privacy_label, zip_bytes)
from medcore.runtime import apply_thread_policy  # noqa: E402
from ui import imaging_quality, lab_imaging, sampling  # noqa: E402
from ui.demo import take_demo  # noqa: E402
from ui.workspace import load_work, save_work  # noqa: E402

settings = get_settings()
store = get_store()
WORK = "image_batch"


# ---- cached resources (shared by every session, each with a lock) -------------------------------
def model_options() -> dict[str, str]:
    """label -> checkpoint path: registered models (active first), then the shipped one."""
    registry.ensure_shipped_registered(settings, store)
    out: dict[str, str] = {}
    for m in sorted(store.list_models("imaging"), key=lambda m: not m.active):
        if Path(m.path).exists() and m.path not in out.values():
            out[f"{m.name}{' (active)' if m.active else ''}"] = m.path
    return out


def get_model(path: str):
    apply_thread_policy(settings.torch_threads)  # imports torch: here, before its first use, not on every render
    stamp = Path(path).stat().st_mtime_ns if Path(path).exists() else 0
    return shared(f"imaging-model:{path}:{stamp}", lambda: load_model(path))


@st.cache_resource(show_spinner="Loading the real reference images…", max_entries=4)
def get_reference(key: str, size: int, _data_dir: str):
    return quality.load_reference(settings, key, size)


@st.cache_resource(show_spinner=False, max_entries=4)
def get_classifier(key: str, size: int, _data_dir: str):
    apply_thread_policy(settings.torch_threads)
    return clf_mod.find_classifier(settings, key, size)


@st.cache_resource(show_spinner="Computing the training scans' classifier features (first time only)…",
                   max_entries=4)
def get_feature_reference(key: str, size: int, _data_dir: str):
    from medcore.imaging.copies import feature_reference

    clf = get_classifier(key, size, _data_dir)
    ref = get_reference(key, size, _data_dir)
    return feature_reference(clf, ref.train, ref.heldout) if clf is not None else None


def _dataset_card(spec: str) -> None:
    with error_boundary("loading the dataset"), st.spinner("Preparing the dataset (first time only)…"):
        ds = load_dataset(spec, 32, settings)
        card = ds.card()
        c1, c2 = st.columns([1, 2])
        c1.metric("Images", card["images"])
        c1.write(f"**Source:** {card['source']}")
        c1.write(f"**Licence:** {card['licence']}")
        c1.write(f"**Stored size:** {card['size']}×{card['size']} px grayscale (64 px is prepared on first use)")
        bar = go.Figure(go.Bar(x=list(card["classes"]), y=list(card["classes"].values())))
        bar.update_layout(height=240, margin=dict(l=10, r=10, t=30, b=10), title="Images per class")
        c2.plotly_chart(bar, key="ds-bar")
        rng = np.random.default_rng(0)
        idx = rng.choice(len(ds.images), min(16, len(ds.images)), replace=False)
        st.image(np.concatenate([np.kron(ds.images[i], np.ones((3, 3), dtype=np.uint8)) for i in idx], 1),
                 caption="random real samples", width="stretch")
        if card["import"]["skipped_total"]:
            st.warning(md_escape(f"{card['import']['skipped_total']} files were skipped: {card['import']['skipped']}"))


# ---- page ------------------------------------------------------------------------------------
options = model_options()
tab_gen, tab_quality, tab_data, tab_train = st.tabs(["Generate", "Quality and privacy", "Dataset", "Train"])

with tab_gen:
    if not options:
        st.info("No image model yet: train one in the Train tab (or restore the shipped checkpoint).")
    else:
        demo = take_demo("imaging")
        saved = load_work(WORK)
        # after a reload: the user's batch still sampling comes back (bar, Cancel, result), its request in the form
        running = None if demo else sampling.reattach(settings, store)
        lost = None if (demo or running) else sampling.lost_params()
        sampling.elsewhere_panel()  # a batch another server process makes: its bar, Cancel, and why not shown here
        prev = (demo or (running.params if running else None) or lost or (saved.data if saved else {})) or {}
        labels = list(options)
        default_label = next((k for k, v in options.items() if v == prev.get("checkpoint")), labels[0])
        with error_boundary("reading the model"):
            model_label = st.selectbox("Model", labels, index=labels.index(default_label))
            path = options[model_label]
            # the form needs only the checkpoint's card; its weights (and torch, diffusers) load on Generate
            model = read_card(path)
            st.caption(f"{model.kind.upper()} · {model.size}×{model.size} px · classes: "
                       f"{', '.join(model.class_names)} · {privacy_label(model.state)}")
        with st.form("generate"):
            c1, c2, c3 = st.columns(3)
            classes = ["mixed"] + model.class_names if model.conditional else ["(unconditional)"]
            want = prev.get("class") if prev.get("class") in classes else classes[min(1, len(classes) - 1)]
            if demo and demo.get("class") not in classes and len(classes) > 1:
                want = classes[-1]
            cls = c1.selectbox("Class", classes, index=classes.index(want))
            n = c2.number_input("Images", 1, 64, int(prev.get("n", 16)))
            seed = c3.number_input("Seed", 0, 2**31 - 1, int(prev.get("seed", 0)),
                                   help="the same seed and settings give the same images")
            c4, c5, c6 = st.columns(3)
            is_ddpm = model.kind in ("ddpm", "ldm")  # the diffusion models: samplers, steps, guidance
            samplers = {"DDIM": "ddim", "DPM-Solver++": "dpm++"}
            s_label = c4.selectbox("Sampler", list(samplers), disabled=not is_ddpm,
                                   index=list(samplers.values()).index(prev.get("sampler", "dpm++"))
                                   if prev.get("sampler", "dpm++") in samplers.values() else 1)
            # the card's measured recommendation, unless this user's last batch was from this same model
            rec_steps, rec_guidance = recommended_sampling(model.state)
            same = prev.get("checkpoint") == path
            steps = c5.slider("Steps", 5, 100, int(prev.get("steps", rec_steps) if same else rec_steps),
                              disabled=not is_ddpm)
            guidance = c6.slider("Guidance scale", 1.0, 8.0,
                                 float(prev.get("guidance", rec_guidance) if same else rec_guidance), 0.25,
                                 disabled=not (is_ddpm and model.conditional),
                                 help="classifier-free guidance: higher is more class-typical, less varied "
                                      "(above 1 it costs a second network pass per step)")
            traj = st.checkbox("Keep the denoising trajectory", value=bool(prev.get("trajectory", True)),
                               disabled=not is_ddpm)
            go_btn = st.form_submit_button("Generate", type="primary", icon=":material/auto_awesome:")
        params = {"checkpoint": path, "class": cls, "n": int(n), "seed": int(seed), "sampler": samplers[s_label],
                  "steps": int(steps), "guidance": float(guidance), "trajectory": bool(traj)}
        batch = st.session_state.get("img_batch")
        # A reload (or the Home demo) regenerates the saved request: seeded sampling gives the same images back.
        # Once per session: a cancelled or failed regeneration is not started again on every rerun.
        restore = (batch is None and sampling.PENDING not in st.session_state
                   and not st.session_state.get("img_restore_tried") and lost is None
                   and (bool(demo) or (saved is not None and prev.get("checkpoint") == path)))
        with error_boundary("generating images"):
            if go_btn or restore:
                st.session_state["img_restore_tried"] = True
                req = SampleRequest(None if cls in ("mixed", "(unconditional)") else cls, params["n"], params["seed"],
                                    params["sampler"], params["steps"], params["guidance"], params["trajectory"])
                cached = get_model(path)  # inline sampling uses this one copy, not a second load
                # in the background (worker pool, time budget), with a progress bar, ETA and Cancel: ui/sampling.py
                sampling.start(settings, store, path, req, params, save=bool(go_btn or demo), loaded=cached.obj,
                               lock=cached.lock)
            try:
                done = sampling.collect()
            except SampleCancelled as exc:
                st.warning(str(exc), icon=":material/cancel:")
                done = batch = None
            except SampleError as exc:
                st.error(str(exc))
                done = batch = None
            if sampling.PENDING in st.session_state:
                batch = None  # the bar is shown; the previous batch's images would read as this request's
            if done is not None:
                batch, ran = done
                st.session_state["img_batch"] = batch
                st.session_state["img_batch_path"] = ran.path
                if ran.save:
                    rp = ran.params
                    save_work(WORK, rp, title=f"{rp['n']} × {rp['class']}, seed {rp['seed']}", reason="generate")
                    store.audit("generate_images", tool="imaging", n=rp["n"], seed=rp["seed"])
        if batch is not None:
            st.success(f"{len(batch.images)} synthetic images in {batch.seconds:.2f} s "
                       f"({batch.request.sampler.upper() if batch.diffusion else 'generator'}, seed "
                       f"{batch.request.seed}). Every image carries a burned-in SYNTHETIC mark and PNG metadata.")
            pngs = marked_pngs(batch, display=192)
            cols = st.columns(8)
            for i, (name, data) in enumerate(pngs):
                cols[i % 8].image(data, caption=f"{i}: {batch.label_name(i)}", width="stretch")
            d1, d2, d3 = st.columns(3)
            pick = d1.selectbox("Image to download", range(len(pngs)), format_func=lambda i: pngs[i][0])
            d1.download_button("PNG", pngs[pick][1], file_name=pngs[pick][0], mime="image/png",
                               icon=":material/image:")
            d2.download_button("ZIP of the batch (PNG + manifest)", zip_bytes(pngs, batch_manifest(batch)),
                               file_name=f"synthetic-seed{batch.request.seed}.zip", mime="application/zip",
                               icon=":material/folder_zip:")
            with error_boundary("preparing the DICOM export"):
                d3.download_button("DICOM Secondary Capture (ZIP)", zip_bytes(batch_dicoms(batch),
                                                                              batch_manifest(batch)),
                                   file_name=f"synthetic-dicom-seed{batch.request.seed}.zip",
                                   mime="application/zip", icon=":material/medical_information:",
                                   help="ConversionType=SYN, ImageType=DERIVED\\SECONDARY, fresh UIDs")
            with st.expander("View one image full size (zoom, window / level)"):
                v1, v2, v3, v4 = st.columns(4)
                vi = v1.selectbox("Image", range(len(batch.images)), key="view-img",
                                  format_func=lambda i: f"{i}: {batch.label_name(i)}")
                center = v2.slider("Level (window centre)", 0, 255, 128, key="view-level")
                width = v3.slider("Window width", 8, 512, 256, key="view-width")
                factor = v4.select_slider("Zoom", [1, 2, 4, 8], value=max(f for f in (1, 2, 4, 8)
                                                                 if f == 1 or f * batch.images.shape[-1] <= 512),
                                          key="view-zoom")
                shown = zoom(window_level(batch.images[vi], center, width), factor)
                st.image(mark_synthetic(shown, shown.shape[0]))
                st.caption(f"{shown.shape[0]}×{shown.shape[0]} px, window {center}±{width // 2}; SYNTHETIC")
            if batch.trajectory:
                st.markdown("**Denoising trajectory**: from pure noise (left) to the image (right).")
                t1, t2 = st.columns([1, 2])
                which = t1.selectbox("Image", range(len(batch.images)), key="traj-img",
                                     format_func=lambda i: f"{i}: {batch.label_name(i)}")
                k = t2.slider("Step", 0, len(batch.trajectory) - 1, len(batch.trajectory) - 1, key="traj-step")
                t_val, frames = batch.trajectory[k]
                t1.image(mark_synthetic(frames[which], 256), caption=f"step {k} of {len(batch.trajectory) - 1} "
                         f"(noise level t={t_val})")
                strip = np.concatenate([mark_synthetic(f[which], 128)
                                        for _, f in batch.trajectory[::max(1, len(batch.trajectory) // 8)]], 1)
                t2.image(strip, caption="every few steps", width="stretch")

    with st.expander("View a DICOM file (zoom, window / level)"):
        up = st.file_uploader("DICOM file", type=["dcm", "dicom"], key="dicom-view-upload",
                              help="One file; the first frame of a multi-frame file is shown. Nothing is stored.")
        if up is not None:
            with error_boundary("showing the DICOM file"):  # anything unforeseen: a message, no traceback
                try:
                    dv = read_dicom_view(up.getvalue(), settings)
                except DatasetError as exc:
                    st.error(f"This file cannot be shown: {exc}")
                    dv = None
                if dv is not None:
                    lo, hi, widest = window_limits(dv)
                    k = up.file_id  # new file, new sliders: each starts at that file's own window
                    w1, w2, w3 = st.columns(3)
                    center = w1.slider("Level (window centre)", lo, hi, int(round(dv.center)), key=f"dcm-level-{k}")
                    width = w2.slider("Window width", 1, widest, max(1, int(round(dv.width))), key=f"dcm-width-{k}")
                    factor = w3.select_slider("Zoom", [1, 2, 4, 8], value=default_zoom(dv.pixels.shape),
                                              key=f"dcm-zoom-{k}")
                    shown = render_dicom(dv, center, width, factor)
                    st.image(shown)
                    st.caption(f"{shown.shape[1]}×{shown.shape[0]} px shown, window {center}±{width // 2} "
                               f"({'from the file' if dv.from_tags else 'its full value range'})")
                    # header values come from the file: shown as plain text, never as markdown
                    st.text("\n".join(f"{name}: {value}" for name, value in dv.fields.items()))

with tab_quality:
    batch = st.session_state.get("img_batch")
    if batch is None:
        st.info("Generate a batch first: its quality and privacy checks appear here.")
    else:
        with error_boundary("checking the batch"):
            # The model the batch came from, by the path it was loaded under: batch.checkpoint names the resolved
            # checkpoint folder, a different cache key, and loading it again kept a second copy in the server.
            src = st.session_state.get("img_batch_path")
            m = get_model(src if src in options.values() else options[labels[0]]).obj
            key = quality.dataset_key(m.state)
            try:
                ref = get_reference(key, m.size, str(settings.data_dir))
            except (DatasetError, FileNotFoundError) as exc:
                ref = None
                st.warning(f"The model's training data is not available here, so nothing can be compared: {exc}")
            if ref is not None:
                clf = get_classifier(key, m.size, str(settings.data_dir)) if len(ref.class_names) > 1 else None
                fref = get_feature_reference(key, m.size, str(settings.data_dir)) if clf is not None else None
                q = quality.batch_quality(batch.images, batch.labels, ref, clf, fref)
                n_copies = sum(q.flagged)
                c1, c2, c3, c4 = st.columns(4)
                c1.metric("Classifier held-out accuracy",
                          f"{q.classifier_accuracy:.1%}" if q.classifier_accuracy is not None else "–",
                          help="in-domain CNN trained on the real training split, tested on held-out scans")
                c2.metric("Batch class agreement", f"{q.class_agreement:.0%}" if q.class_agreement is not None else "–",
                          help="share of generated images the classifier assigns to the requested class")
                c3.metric("Mean class confidence", f"{np.mean(q.confidence):.2f}" if q.confidence else "–")
                c4.metric("Possible copies", f"{n_copies} of {len(q.copy.flagged)}",
                          help=f"closer to a training image than {q.copy.calibration.quantile:.0%} of real "
                               f"held-out scans are: by pixels (RMS ≤ {q.copy.calibration.threshold:.4f})"
                               + ("" if q.deep is None else
                                  f", by classifier features (≤ {q.deep.calibration.feature_threshold:.3f}) "
                                  f"or by SSIM (≥ {q.deep.calibration.ssim_threshold:.3f})"))
                if clf is None and len(ref.class_names) > 1:
                    st.caption("No in-domain classifier for this dataset yet: "
                               "`python -m medcore eval image --retrain-classifier` trains one (about a minute).")
                if n_copies:
                    st.error(f"{n_copies} image(s) are as close to a training image as a copy would be. "
                             "Do not share them: memorised patient images are a privacy leak.")
                hist = go.Figure()
                centers = np.linspace(4, 252, len(q.hist_real))
                hist.add_bar(x=centers, y=q.hist_real, name="real (held-out)", opacity=0.6)
                hist.add_bar(x=centers, y=q.hist_generated, name="generated", opacity=0.6)
                hist.update_layout(barmode="overlay", height=280, margin=dict(l=10, r=10, t=30, b=10),
                                   title="Pixel intensities", xaxis_title="intensity", yaxis_title="fraction")
                st.plotly_chart(hist, key="hist")
                st.markdown("**Copy check: each generated image beside its nearest training image**")
                st.caption(f"Threshold calibrated on {q.copy.calibration.heldout_pairs} real held-out scans "
                           f"(median distance {q.copy.calibration.heldout_median:.4f}); "
                           f"{q.copy.calibration.heldout_duplicates} of them duplicate a training scan inside the "
                           "dataset itself and were left out of the calibration.")
                if q.deep is not None:
                    st.caption(f"Each row: generated | nearest by pixels | most similar by SSIM (among the nearest "
                               f"by classifier features and by pixels, mirrors included). SSIM threshold "
                               f"{q.deep.calibration.ssim_threshold:.3f} and feature threshold "
                               f"{q.deep.calibration.feature_threshold:.3f}, calibrated on the same held-out scans "
                               f"(median SSIM {q.deep.calibration.heldout_ssim_median:.3f}).")
                cols = st.columns(2 if q.deep is not None else 4)
                up = max(1, 128 // m.size)
                for i in range(min(len(batch.images), 16)):
                    real = np.kron(ref.train[q.copy.nearest_index[i]], np.ones((up, up), dtype=np.uint8))
                    parts = [mark_synthetic(batch.images[i], real.shape[0]), real]
                    extra = ""
                    if q.deep is not None:
                        parts.append(np.kron(ref.train[q.deep.ssim_nearest[i]], np.ones((up, up), dtype=np.uint8)))
                        extra = f", SSIM {q.deep.ssim[i]:.3f}, feature d={q.deep.feature_distance[i]:.3f}"
                    flag = " ⚠ possible copy" if q.flagged[i] else ""
                    conf = f", conf {q.confidence[i]:.2f}" if q.confidence else ""
                    cols[i % len(cols)].image(np.concatenate(parts, 1),
                                              caption=f"{i}: generated | nearest real, d={q.copy.distances[i]:.4f}"
                                                      f"{extra}{conf}{flag}")
        rec = next((m for m in store.list_models("imaging") if m.path and m.path in batch.checkpoint), None)
        if rec is not None and rec.metrics:
            # a run's name is chosen by whoever trained it: in a label it shows as typed, never as markdown
            with st.expander(f"Recorded metrics of this model ({md_escape(rec.name)})"):
                st.caption("Training metrics, and for the shipped checkpoint the output of "
                           "`python -m medcore eval image` stored beside it.")
                st.json(rec.metrics)

    with error_boundary("showing the comparison table"):
        imaging_quality.comparison_section(settings.assets_dir)

with tab_data:
    choices = lab_imaging.dataset_choices(settings, store.principal)
    # Nothing is loaded until a dataset is picked: preparing Br35H the first time decodes 3000 JPEGs.
    ds_label = st.selectbox("Dataset", list(choices), key="ds-pick", index=None,
                            placeholder="Choose a dataset to see its card")
    if ds_label is not None:
        _dataset_card(choices[ds_label])
    missing = builtin.missing_optional()
    if missing:
        st.caption("Also supported when installed: " + "; ".join(missing))
    st.markdown("**Import your own images**: a ZIP of PNG / JPEG / DICOM with one folder per class.")
    up = st.file_uploader("ZIP archive", type=["zip"], key="ds-upload")
    if up is not None and st.button("Import", icon=":material/upload:"):
        with error_boundary("importing the archive"):
            try:
                # Stored once at 64 px; training at 32 px downsizes on load.
                imported = import_zip(up, 64, settings, name=up.name)
                kept = store_import(imported, settings, up.name, store.principal)  # a name of its own
                rep = imported.report.to_dict()
                # class and file names come from the uploaded archive: shown as typed, never as markdown
                st.success(md_escape(f"Imported {plural(rep['loaded'], 'image')} in "
                                     f"{plural(imported.num_classes, 'class', 'classes')}: {imported.counts()}. "
                                     f"Saved as \u201c{kept.name}\u201d"
                                     + (f" (an import named \u201c{clean_name(up.name)}\u201d already exists and "
                                        "was kept)" if kept.renamed else "")
                                     + "; it is now in the dataset and Train lists.")
                           + ("" if imported.conditional else " One class only: the model trains unconditionally."))
                if rep["skipped_total"]:
                    st.warning(md_escape(f"Skipped {plural(rep['skipped_total'], 'file')}: {rep['skipped']} "
                                         f"(e.g. {rep['examples']})"))
                store.audit("import_images", tool="imaging", object_type="dataset", object_id=kept.name,
                            n=rep["loaded"], skipped=rep["skipped_total"])
            except DatasetError as exc:  # it quotes the archive's name: shown as typed, never as markdown
                st.error(md_escape(str(exc)))

with tab_train:
    st.write("Training runs as a background job (`python -m medcore train image …`): leave or reload the page and "
             "it keeps going. Finished runs are registered in the Model lab, where one can be made active.")
    lab_imaging.render(settings, store)
