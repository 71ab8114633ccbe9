import io
import zipfile

import numpy as np
import pytest

from medcore.imaging.sample import (SampleError, SampleRequest, generate, load_model, marked_pngs, resolve_class,
                                    zip_bytes)


@pytest.fixture(scope="module")
def model(tiny_run):
    return load_model(tiny_run[1])


@pytest.mark.parametrize("sampler", ["ddim", "dpm++"])
def test_sampling_is_deterministic_under_a_seed(model, sampler):
    a = generate(model, SampleRequest("tumour", 3, 11, sampler, 4, 2.0))
    b = generate(model, SampleRequest("tumour", 3, 11, sampler, 4, 2.0))
    c = generate(model, SampleRequest("tumour", 3, 12, sampler, 4, 2.0))
    assert a.images.shape == (3, 16, 16) and a.images.dtype == np.uint8
    assert np.array_equal(a.images, b.images) and not np.array_equal(a.images, c.images)
    assert a.labels == [1, 1, 1]


def test_trajectory_goes_from_noise_to_the_image(model):
    b = generate(model, SampleRequest("no tumour", 2, 0, "ddim", 5, 1.0, trajectory=True))
    assert len(b.trajectory) == 6  # the starting noise plus one frame per step
    assert np.array_equal(b.trajectory[-1][1], b.images)
    assert b.trajectory[0][0] > b.trajectory[-1][0]


def test_classes_resolve_by_name_and_bad_requests_fail_clearly(model):
    assert resolve_class(model.class_names, "Tumor") == 1 and resolve_class(model.class_names, None) is None
    with pytest.raises(SampleError, match="unknown class"):
        generate(model, SampleRequest("fracture", 2))
    with pytest.raises(SampleError, match="between 1 and 256"):
        generate(model, SampleRequest("tumour", 0))


def test_pngs_carry_mark_and_metadata(model):
    from PIL import Image

    b = generate(model, SampleRequest("tumour", 2, 5, "ddim", 3))
    files = marked_pngs(b, display=128)
    img = Image.open(io.BytesIO(files[0][1]))
    assert img.size == (128, 128)
    assert img.text["medcore:synthetic"] == "true" and img.text["medcore:seed"] == "5"
    assert img.text["medcore:class"] == "tumour" and "ddpm" in img.text["medcore:model"]
    px = np.asarray(img)
    assert (px[100:, :] == 0).any() and (px[100:, :] == 255).any()  # the burned-in banner: black box, white text
    zf = zipfile.ZipFile(io.BytesIO(zip_bytes(files, {"seed": 5})))
    assert sorted(zf.namelist()) == sorted([n for n, _ in files] + ["manifest.json"])


def test_dicom_round_trip(model):
    import pydicom

    from medcore.imaging.dicom_export import batch_dicoms

    b = generate(model, SampleRequest("tumour", 2, 3, "ddim", 3))
    files = batch_dicoms(b, display=64)
    ds = [pydicom.dcmread(io.BytesIO(data)) for _, data in files]
    for d in ds:
        assert d.SOPClassUID == "1.2.840.10008.5.1.4.1.1.7"
        assert d.ConversionType == "SYN" and list(d.ImageType) == ["DERIVED", "SECONDARY"]
        assert "ddpm" in d.DerivationDescription.lower() and d.BurnedInAnnotation == "YES"
        assert d.pixel_array.shape == (64, 64) and d.pixel_array.dtype == np.uint8
    assert ds[0].SOPInstanceUID != ds[1].SOPInstanceUID
    assert ds[0].StudyInstanceUID == ds[1].StudyInstanceUID  # one synthetic study per batch
    again = batch_dicoms(b, display=64)
    assert pydicom.dcmread(io.BytesIO(again[0][1])).StudyInstanceUID != ds[0].StudyInstanceUID  # fresh UIDs


def test_gan_samples_too(tmp_path, settings, tiny_folder):
    from medcore.imaging.train import TrainConfig, train_image
    from medcore.jobs import ConsoleReporter

    r = train_image(TrainConfig(model="gan", dataset=str(tiny_folder), size=16, steps=2, batch_size=4,
                                gan_width=16, preview_every=0, name="g2"), settings, ConsoleReporter(every_s=999))
    m = load_model(r["out_dir"])
    a = generate(m, SampleRequest("tumour", 2, 1))
    assert m.kind == "gan" and np.array_equal(a.images, generate(m, SampleRequest("tumour", 2, 1)).images)
    # its evaluation reports the generator pass, not a diffusion sampler it never used
    from medcore.imaging.quality import evaluate_checkpoint

    report = evaluate_checkpoint(settings, r["out_dir"], n_per_class=2)
    assert report["model"] == "gan" and report["sampler"]["name"] == "generator (one forward pass)"
    assert "steps" not in report["sampler"] and report["copy_check"]["checked"] == 4


def test_dp_epsilon_reaches_png_text_and_dicom(model):
    import dataclasses

    import pydicom
    from PIL import Image

    from medcore.imaging.dicom_export import dicom_bytes

    dp = {"epsilon": 7.9944, "delta": 1e-5, "max_grad_norm": 1.0}
    priv = dataclasses.replace(model, state={**model.state, "dp": dp})
    b = generate(priv, SampleRequest("tumour", 1, 3, "ddim", 3))
    assert b.privacy == "DP-SGD epsilon=7.99 at delta=1e-05 (clip 1)"
    png = Image.open(io.BytesIO(marked_pngs(b)[0][1]))
    assert png.text["medcore:privacy"] == b.privacy
    ds = pydicom.dcmread(io.BytesIO(dicom_bytes(b, 0, display=64)))
    assert "epsilon=7.99 at delta=1e-05" in ds.DerivationDescription and "epsilon=7.99" in ds.ImageComments
    plain = pydicom.dcmread(io.BytesIO(dicom_bytes(generate(model, SampleRequest("tumour", 1, 3, "ddim", 3)), 0, 64)))
    assert "not differentially private" in plain.ImageComments


def test_a_checkpoint_card_recommends_its_sampling_and_the_cli_uses_it(model, tmp_path, settings, monkeypatch):
    import json
    import shutil

    from medcore.imaging import sample as sample_mod
    from medcore.imaging.registry import shipped_checkpoint
    from medcore.imaging.sample import recommended_sampling

    assert recommended_sampling({}) == (SampleRequest.steps, SampleRequest.guidance)
    assert recommended_sampling({"sampling": {"steps": "x"}}) == (SampleRequest.steps, SampleRequest.guidance)
    # the shipped latent DDPM's card carries the measured recommendation (bench/image_guidance_sweep.py)
    card = json.loads((shipped_checkpoint(settings, "br35h-ldm-128px") / "state.json").read_text())
    assert recommended_sampling(card) == (40, 4.0)

    ckpt = tmp_path / "ckpt"
    shutil.copytree(model.path, ckpt)
    state = json.loads((ckpt / "state.json").read_text())
    (ckpt / "state.json").write_text(json.dumps({**state, "sampling": {"steps": 3, "guidance": 1.5}}))
    seen = []
    real = sample_mod.generate
    monkeypatch.setattr(sample_mod, "generate", lambda m, req, **kw: seen.append((req.steps, req.guidance)) or real(m, req, **kw))
    from medcore.cli import main

    for extra, want in (([], (3, 1.5)), (["--steps", "4", "--guidance", "2"], (4, 2.0))):
        assert main(["generate", "image", "--checkpoint", str(ckpt), "--n", "2", "--out", str(tmp_path / "o"), *extra]) == 0
        assert seen[-1] == want


def test_guidance_can_be_limited_to_the_noisier_timesteps(model):
    """guidance_min_t: guidance only at timesteps >= it; below, the conditional prediction alone."""
    def images(guidance, min_t):
        return generate(model, SampleRequest("tumour", 3, 5, "dpm++", 4, guidance, guidance_min_t=min_t)).images

    full, unguided = images(3.0, 0), images(1.0, 0)
    assert not np.array_equal(full, unguided)
    assert np.array_equal(full, generate(model, SampleRequest("tumour", 3, 5, "dpm++", 4, 3.0)).images)  # default
    # dpm++ with 4 steps visits t = 751, 501, 251, 1: a threshold above them all means no guidance at all
    assert np.array_equal(images(3.0, 999), unguided)
    partial = images(3.0, 400)
    assert not np.array_equal(partial, full) and not np.array_equal(partial, unguided)
    with pytest.raises(SampleError, match="guidance_min_t"):
        generate(model, SampleRequest("tumour", 2, guidance_min_t=1000))
