"""The Model lab's imaging section and the registry of image checkpoints."""

import json
import shutil

from streamlit.testing.v1 import AppTest

from medcore import checkpoints
from medcore.imaging import registry


def _lab_script():
    from ui.lab_imaging import render
    from ui.loaders import get_settings, get_store

    render(get_settings(), get_store())


def test_shipped_checkpoint_is_registered_once_and_never_overrides_a_choice(settings, store, tiny_run, tmp_path):
    _, run = tiny_run
    assets = tmp_path / "assets"
    ship = assets / "checkpoints" / registry.SHIPPED
    shutil.copytree(checkpoints.latest(run), ship)
    ship.with_suffix(".json").write_text(json.dumps({"metrics": {"fid_generated": 1.5}, "train_config": {"size": 16}}))
    s = settings.replace(assets_dir=assets)
    mine = store.register_model("imaging", "mine", str(run), activate=True)
    first = registry.ensure_shipped_registered(s, store)
    assert registry.ensure_shipped_registered(s, store) == first
    assert store.active_model("imaging").id == mine
    assert store.get_model(first).metrics == {"fid_generated": 1.5}
    assert registry.resolve_model_path(s, store=store) == run
    # an update ships new weights and a new card under the same path: the registry follows the card
    ship.with_suffix(".json").write_text(json.dumps({"metrics": {"fid_generated": 0.9}, "train_config": {"size": 16}}))
    assert registry.ensure_shipped_registered(s, store) == first
    assert store.get_model(first).metrics == {"fid_generated": 0.9}
    assert len(store.list_models("imaging")) == 2


def test_extra_shipped_checkpoints_are_listed_but_never_made_active(settings, store, tiny_run, tmp_path):
    _, run = tiny_run
    assets = tmp_path / "assets"
    for name in registry.shipped_names():
        shutil.copytree(checkpoints.latest(run), assets / "checkpoints" / name)
    s = settings.replace(assets_dir=assets)
    default = registry.ensure_shipped_registered(s, store)
    names = {m.name: m for m in store.list_models("imaging")}
    assert set(names) == {f"shipped: {n}" for n in registry.shipped_names()} and len(names) >= 2
    assert store.active_model("imaging").id == default == names[f"shipped: {registry.SHIPPED}"].id
    registry.ensure_shipped_registered(s, store)
    assert len(store.list_models("imaging")) == len(names)


def test_lab_section_lists_models_and_makes_one_active(settings, store, tiny_run):
    _, run = tiny_run
    a = store.register_model("imaging", "first", str(run), config={"model": "ddpm"}, metrics={"steps": 6},
                             activate=True)
    b = store.register_model("imaging", "second", str(run), config={"model": "ddpm"}, metrics={"steps": 6})
    at = AppTest.from_function(_lab_script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert len(at.dataframe) == 1
    at.selectbox(key="imglab-choose").set_value(b).run()
    next(x for x in at.button if x.label == "Make active").click().run()
    assert not at.exception
    assert store.active_model("imaging").id == b and not store.get_model(a).active
    assert any(x.label == "Start training" for x in at.button)


def test_lab_offers_vae_and_latent_diffusion_and_asks_for_a_vae_first(settings, store, tiny_folder, tmp_path,
                                                                     monkeypatch):
    from medcore.imaging.train import TrainConfig, train_image
    from medcore.jobs import ConsoleReporter
    from ui.lab_imaging import vae_choices

    monkeypatch.setenv("MEDCORE_ASSETS_DIR", str(tmp_path))  # no shipped VAE here
    settings = settings.replace(assets_dir=tmp_path)
    at = AppTest.from_function(_lab_script, default_timeout=60).run()
    model_box = [x for x in at.selectbox if x.label == "Model"][-1]  # the Train form's, after the registry's
    assert any(o.startswith("VAE") for o in model_box.options) and any("Latent" in o for o in model_box.options)
    model_box.set_value("ldm")
    next(x for x in at.button if x.label == "Start training").click().run()
    assert any("needs a trained VAE" in e.value for e in at.error)
    cfg = TrainConfig(model="vae", dataset=str(tiny_folder), size=16, vae_channels=(4, 8, 8), latent_channels=2,
                      steps=1, batch_size=2, preview_every=0, checkpoint_every=1, name="labvae")
    run = train_image(cfg, settings, ConsoleReporter(every_s=999))
    store.register_model("imaging", "labvae", run["checkpoint"], config=cfg.to_dict())
    assert list(vae_choices(settings, store).values()) == [run["checkpoint"]]


def test_train_form_offers_dp_for_vae_and_gan_only(settings, store, monkeypatch):
    from ui import lab_imaging

    started = []
    monkeypatch.setattr(lab_imaging.jobs, "start_job", lambda *a, **k: started.append((a, k)) or 7)
    at = AppTest.from_function(_lab_script, default_timeout=60).run()
    at.number_input(key="imglab-dp").set_value(8.0)
    [x for x in at.selectbox if x.label == "Model"][-1].set_value("ddpm")
    next(x for x in at.button if x.label == "Start training").click().run()
    assert any("available for the VAE and the DCGAN" in e.value for e in at.error) and not started
    [x for x in at.selectbox if x.label == "Model"][-1].set_value("gan")
    next(x for x in at.button if x.label == "Start training").click().run()
    assert not at.error and not at.exception
    argv = next(a for a in started[0][0] if isinstance(a, list))
    assert argv[argv.index("--dp-epsilon") + 1] == "8" and argv[argv.index("--model") + 1] == "gan"
    assert lab_imaging.train_argv("vae", "d", 32, 10, 2, "8,16", "n", 0) == [
        "train", "image", "--model", "vae", "--dataset", "d", "--size", "32", "--steps", "10", "--batch-size", "2",
        "--channels", "8,16", "--name", "n", "--preview-every", "0", "--checkpoint-every", "50"]
