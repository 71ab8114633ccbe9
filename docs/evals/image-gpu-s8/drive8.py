"""Session 8 GPU roles (not part of the package): a better 128 px classifier and a DP one, the DCGAN DP
trade-off (eps 8, eps 1, none; one step count), a generator VAE (factor 16) and more steps of the shipped
latent DDPM. Reuses drive.py's time-budgeting."""
import json
import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from drive import RUNS, T0, at, budgeted, go  # noqa: E402

from medcore.config import Settings  # noqa: E402
from medcore.imaging.train_config import TrainConfig  # noqa: E402

HARD = at(float(os.environ.get("HARD", "420")))
CAP = int(os.environ.get("CAP", "0"))  # local smoke runs cap every step count
UNIT = int(os.environ.get("UNIT", "100"))


def cap(n):
    return min(n, CAP) if CAP else n


def log(msg):
    print(f"[{time.time() - T0:6.1f}s] {msg}", flush=True)


def classifiers(settings):
    from medcore.imaging.classifier import ClassifierRecipe, get_classifier

    for name, recipe in (("clf128", ClassifierRecipe(epochs=cap(50), width=64)),
                         ("dpclf8", ClassifierRecipe(epochs=cap(20), width=32, dp_epsilon=8.0))):
        t = time.time()
        clf = get_classifier(settings, "br35h", 128, retrain=True, save_to=RUNS / name / name, recipe=recipe)
        log(f"{name}: {json.dumps(clf.metrics)} in {time.time() - t:.0f}s")
        (RUNS / f"{name}.result.json").write_text(json.dumps(clf.metrics, indent=1))


def gans(settings, role):
    eps = {"gan8": 8.0, "gan1": 1.0, "gan0": 0.0}[role]
    cfg = TrainConfig(model="gan", size=32, batch_size=64, gan_width=128, dp_epsilon=eps, dp_delta=1e-5,
                      name=role, out_dir=str(RUNS / role), keep=1, checkpoint_every_s=0)
    steps_file = RUNS / "gan_steps.txt"
    if role == "gan8":  # probe the slowest (DP) run; the other two take the same step count so they compare
        cfg, sps = budgeted(cfg, settings, at(float(os.environ.get("T_GAN", "330"))), cap=cap(12000), unit=UNIT)
        steps_file.write_text(str(cfg.steps))
    else:
        while not steps_file.exists():
            time.sleep(1)
        cfg, sps = replace(cfg, steps=int(steps_file.read_text())), 0.0
    cfg = replace(cfg, checkpoint_every=max(1, cfg.steps // 2), preview_every=max(1, cfg.steps // 2))
    go(cfg, settings, HARD, sps)


def vaegen(settings):
    for name, kl in (("vaegen3", 3e-3), ("vaegen10", 1e-2)):
        cfg = TrainConfig(model="vae", size=128, batch_size=32, vae_channels=(16, 32, 64, 128, 128),
                          latent_channels=8, kl_weight=kl, ssim_weight=0.5, name=name, out_dir=str(RUNS / name),
                          keep=1, checkpoint_every_s=0)
        deadline = at(float(os.environ.get("T_VAEGEN", "190" if name == "vaegen3" else "380")))
        cfg, sps = budgeted(cfg, settings, deadline, cap=cap(8000), unit=UNIT)
        cfg = replace(cfg, kl_anneal_steps=max(10, cfg.steps // 5), checkpoint_every=max(1, cfg.steps // 2),
                      preview_every=max(1, cfg.steps // 2))
        go(cfg, settings, HARD, sps)


def ldm(settings):
    # The shipped checkpoint travels slim (EMA weights in fp16 + the VAE, to fit the 64 MiB carry): training
    # resumes from the EMA weights, which also seed the new EMA.
    from safetensors.torch import load_file, save_file

    here = Path(__file__).parent
    start = json.loads((here / "ldm-slim.state.json").read_text())["step"]
    ck = RUNS / "ldm128" / f"ckpt-{start:08d}"
    ck.mkdir(parents=True, exist_ok=True)
    slim = load_file(str(here / "ldm-slim.safetensors"))
    full = {k: v.float().contiguous() for k, v in slim.items()}
    full.update({"model." + k[4:]: v.float().clone().contiguous() for k, v in slim.items() if k.startswith("ema.")})
    save_file(full, str(ck / "model.safetensors"))
    shutil.copy(here / "ldm-slim.state.json", ck / "state.json")
    base = TrainConfig(model="ldm", size=128, batch_size=64, lr=3e-4, channels=(16, 32, 64, 128),
                       vae="assets/checkpoints/br35h-vae-128px", name="ldm128", out_dir=str(RUNS / "ldm128"),
                       keep=1, checkpoint_every_s=0)
    probe_cfg, sps = budgeted(base, settings, at(float(os.environ.get("T_LDM", "400"))), cap=cap(40000),
                              overhead=1.2, unit=UNIT)
    more = probe_cfg.steps
    cfg = replace(base, vae="unused-on-resume", steps=start + more, checkpoint_every=max(1, more // 3),
                  preview_every=max(1, more // 3))
    from medcore.imaging.train import train_image
    from drive import Rep

    t = time.time()
    res = train_image(cfg, settings, Rep(HARD), resume=True)
    res["probe_s_per_step"], res["elapsed_s"], res["resumed_from"] = sps, round(time.time() - t, 1), start
    (RUNS / "ldm128.result.json").write_text(json.dumps(res, indent=1, default=str))
    log(json.dumps(res, default=str))


def main(role):
    settings = Settings.load()
    if role == "clf":
        classifiers(settings)
    elif role.startswith("gan"):
        gans(settings, role)
    elif role == "vaegen":
        vaegen(settings)
    elif role == "ldm":
        ldm(settings)


if __name__ == "__main__":
    main(sys.argv[1])
