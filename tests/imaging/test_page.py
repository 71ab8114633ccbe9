"""AppTest of the Image generator page: generate a batch, then the downloads and the quality panel."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]


def _texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "warning", "info", "success", "error", "title", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def generate(at, timeout_s: float = 120.0):
    """Click Generate, then rerun as the page's progress fragment does until the batch is in (sampling runs in the
    background since session 26b; a batch done within two seconds is shown in the click's own run)."""
    import time

    next(b for b in at.button if b.label == "Generate").click().run()
    end = time.monotonic() + timeout_s
    while "img_pending" in at.session_state and time.monotonic() < end:
        time.sleep(0.3)
        at.run()
    return at


def test_generate_then_download(settings, store, tiny_run):
    _, run = tiny_run
    from medcore.imaging.registry import resolve_model_path

    # the run's name is the trainer's choice: markdown in it must show as typed (no image fetched, no emphasis)
    model_id = store.register_model("imaging", "tiny-test ![x](http://evil.example/?n=1) **loud**", str(run),
                                    config={"model": "ddpm", "size": 16}, metrics={"steps": 6}, activate=True)
    assert resolve_model_path(settings, store=store) == run
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert "Research and education use only" in _texts(at)
    assert "not differentially private" in _texts(at)  # every model states its training privacy
    # the Quality tab shows the shipped in-domain classifier's held-out accuracy and the comparison section
    acc = next(m for m in at.metric if m.label == "In-domain classifier, 32 px: held-out accuracy")
    assert acc.value.endswith("%") and "How the generators compare" in _texts(at)
    assert at.selectbox[0].value.startswith("tiny-test")
    at.number_input[0].set_value(4)
    at.slider[0].set_value(5)
    generate(at)
    assert not at.exception, at.exception
    assert "4 synthetic images" in _texts(at)
    label = next(e.label for e in at.expander if e.label.startswith("Recorded metrics of this model"))
    assert "![x](" not in label and "**loud**" not in label and "evil.example" in label.replace("\\", "")
    labels = [d.label for d in at.get("download_button")]
    assert labels == ["PNG", "ZIP of the batch (PNG + manifest)", "DICOM Secondary Capture (ZIP)"]
    # the full-size viewer: 16 px model pixels zoomed 8x to 128 px, window at its default
    assert "128×128 px, window 128±128" in _texts(at)
    # the trajectory slider moves from the final image back to the noise
    traj = next(s for s in at.slider if s.label == "Step")
    assert traj.value == 5
    traj.set_value(0).run()
    assert not at.exception
    assert next(s for s in at.slider if s.label == "Step").value == 0
    # quality panel: copy check against the training images, computed
    text = _texts(at)
    assert "nearest training image" in text
    copies = next(m for m in at.metric if m.label == "Possible copies")
    assert copies.value.endswith("of 4")
    assert store.get_model(model_id).active
    # the dataset card: counts, samples, source and licence (MNI: small enough to prepare in a test)
    pick = at.selectbox(key="ds-pick")
    pick.set_value(next(o for o in pick.options if o.startswith("MNI"))).run()
    assert not at.exception, at.exception
    text = _texts(at)
    assert "**Licence:** MNI ICBM152" in text and "nilearn" in text
    assert next(m for m in at.metric if m.label == "Images").value == "423"
    # a reload (new session, same workspace in the URL) brings the batch back
    ws = at.query_params["ws"]
    at2 = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120)
    at2.query_params["ws"] = ws
    at2.run()
    assert not at2.exception
    assert "4 synthetic images" in _texts(at2)


def test_dataset_tab_offers_installed_debian_sets_and_names_missing_ones(settings, store, tmp_path, monkeypatch):
    from medcore.imaging import builtin
    from tests.imaging.test_builtin import _head, _write_inv3

    _write_inv3(tmp_path / "Cranium.inv3", _head())
    monkeypatch.setattr(builtin, "HEADCT_PATH", tmp_path / "Cranium.inv3")
    monkeypatch.setattr(builtin, "COLIN27_PATH", tmp_path / "not-installed.nii.gz")
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert "Also supported when installed: Colin27 T1 template slices (by plane): the Colin27 template comes " \
           "with the Debian package mricron-data (sudo apt install mricron-data)" in _texts(at)
    pick = at.selectbox(key="ds-pick")
    assert not any(o.startswith("Colin27") for o in pick.options)
    pick.set_value(next(o for o in pick.options if o.startswith("Head CT"))).run()
    assert not at.exception, at.exception
    text = _texts(at)
    assert "invesalius-examples" in text and "GPL-2" in text


def test_zip_class_names_are_shown_as_text(settings, store):
    """A class folder named like a markdown image must not be rendered (its URL would be fetched)."""
    import io
    import zipfile

    import numpy as np
    from PIL import Image

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for cls in ("![x](http:evil.example)", "normal"):
            for i in range(3):
                png = io.BytesIO()
                Image.fromarray((np.random.default_rng(i).random((32, 32)) * 255).astype(np.uint8)).save(png, "PNG")
                zf.writestr(f"{cls}/img{i}.png", png.getvalue())
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    at.file_uploader(key="ds-upload").set_value(("classes.zip", buf.getvalue(), "application/zip")).run()
    next(b for b in at.button if b.label == "Import").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = [s.value for s in at.success]
    assert shown and "Imported 6 images" in shown[0].replace("\\", "")
    assert "evil" in shown[0] and "](" not in shown[0]


def test_sampling_over_the_time_budget_is_stopped_with_a_clear_message(settings, store, tiny_run, monkeypatch):
    """Sampling runs in the engine worker pool: over MEDCORE_ENGINE_TIMEOUT_S the worker is stopped and the page
    says so plainly (before, sampling ran in the server process with no budget)."""
    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                         metrics={"steps": 6}, activate=True)
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "1")
    monkeypatch.setenv("MEDCORE_ENGINE_TIMEOUT_S", "0.05")  # less than a fresh worker needs to import torch
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    at.number_input[0].set_value(4)
    generate(at)
    assert not at.exception, at.exception
    err = " ".join(str(e.value) for e in at.error)
    assert "longer than the time limit of 0.05 s and was stopped" in err
    assert "Something went wrong" not in err
    assert "synthetic images in" not in _texts(at)
    assert store.list_work(kind="image_batch") == []


def test_comparison_and_dp_sections_render_a_table(tmp_path):
    import json

    rows = [{"model": "m1", "size": 32, "fid": 2.5, "kid": 0.05, "mifid": 90.0, "precision": 0.6, "recall": 0.9,
             "class_agreement": 0.96, "cas": 0.65, "copies_flagged": 2, "generated": 128, "seconds_16": 3.6},
            {"model": "gone", "missing": True}]
    base = [{"model": "real vs real (32 px)", "size": 32, "fid": 0.7, "precision": 0.7, "recall": 0.93}]
    dp = [{"model": "VAE ε≈8", "privacy": "DP-SGD epsilon=7.99 at delta=1e-05 (clip 1)", "fid": 9.0,
           "copies_flagged": 0, "generated": 128, "size": 128},
          {"model": "DCGAN ε≈1", "privacy": "DP-SGD epsilon=0.99 at delta=1e-05 (clip 1)", "fid": 30.0,
           "copies_flagged": 0, "generated": 128, "size": 32}]
    path = tmp_path / "table.json"
    path.write_text(json.dumps({"rows": rows, "baselines": base, "dp_rows": dp, "settings": {"n_per_class": 64}}))

    def page(p):
        from pathlib import Path

        from medcore.config import REPO_ROOT
        from ui.imaging_quality import comparison_section

        comparison_section(REPO_ROOT / "assets", Path(p))

    at = AppTest.from_function(page, args=(str(path),), default_timeout=60).run()
    assert not at.exception, at.exception
    frames = [d.value for d in at.dataframe]
    assert list(frames[0]["model"]) == ["m1", "real vs real (32 px)"] and frames[0]["FID"].iloc[0] == 2.5
    assert frames[1]["training privacy"].iloc[0].startswith("DP-SGD epsilon=7.99")
    assert "what the privacy budget costs" in _texts(at)
    assert list(frames[1]["run"]) == ["VAE ε≈8", "DCGAN ε≈1"] and list(frames[1]["px"]) == [128, 32]
    assert any("only the discriminator sees real scans" in c.value for c in at.caption)
    missing = AppTest.from_function(page, args=(str(tmp_path / "none.json"),), default_timeout=60).run()
    assert "No comparison table yet" in _texts(missing)


def test_the_server_holds_one_copy_of_the_model(settings, store, tiny_run, monkeypatch):
    """Generating and then the Quality tab load the checkpoint once in the server: sampling inline (no engine
    workers) used to load a second copy in medcore.imaging.bounded, and the Quality tab a third under the
    resolved checkpoint folder's name."""
    import streamlit as st

    from medcore.imaging import bounded, sample

    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16}, activate=True)
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "0")  # sampling runs in this (the server's) process
    loads: list[str] = []
    real = sample.load_model

    def counting(path, *args, **kwargs):
        loads.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(sample, "load_model", counting)
    monkeypatch.setattr(bounded, "load_model", counting, raising=False)
    monkeypatch.setattr(bounded, "_models", {})
    st.cache_resource.clear()  # another test may have cached this checkpoint in this process
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    at.number_input[0].set_value(2)
    at.slider[0].set_value(5)
    generate(at)
    assert not at.exception, at.exception
    assert "2 synthetic images" in _texts(at) and "nearest training image" in _texts(at)  # the Quality tab ran
    generate(at)  # a second batch: still no new load
    assert not at.exception, at.exception
    assert loads == [str(run)], loads


def test_view_an_imported_dicom_file(settings, store):
    """The DICOM viewer: the file's own window as the default, header facts as text, no patient name; a bad file
    gets a message, not a traceback."""
    import numpy as np

    from tests.imaging.test_viewing import dicom_bytes

    px = np.arange(64, dtype=np.uint16).reshape(8, 8) * 30
    data = dicom_bytes(px, RescaleIntercept="-1024", RescaleSlope="1", WindowCenter="40", WindowWidth="400",
                       PatientName="Testperson^Alvina", PixelSpacing=["0.5", "0.5"])
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    images_before = len(at.get("image"))
    at.file_uploader(key="dicom-view-upload").set_value(("scan.dcm", data, "application/dicom")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    level = next(s for s in at.slider if s.label == "Level (window centre)")
    width = next(s for s in at.slider if s.label == "Window width")
    assert (level.value, width.value) == (40, 400)  # the file's own window tags
    assert "64×64 px shown, window 40±200 (from the file)" in _texts(at)  # 8 px zoomed 8x by default
    header = "\n".join(str(t.value) for t in at.text)
    assert "Modality: CT" in header and "Pixel spacing: 0.5 × 0.5 mm" in header
    assert "Testperson" not in _texts(at) + header
    assert len(at.get("image")) == images_before + 1  # the scan itself
    at.file_uploader(key="dicom-view-upload").set_value(("notes.dcm", b"just some text, not a scan",
                                                         "application/dicom")).run()
    assert not at.exception, at.exception
    assert any("not a DICOM file" in str(e.value) for e in at.error)
