"""Time-budgeted image training on a lent GPU: probe the step time, then train to a step count that
finishes before the deadline (so the run ends 'finished', not cancelled). Not part of the package."""
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from medcore.config import Settings
from medcore.imaging.train import train_image
from medcore.imaging.train_config import TrainConfig

T0 = float(os.environ["T0"])
RUNS = Path(os.environ["RUNS"])
SCALE = float(os.environ.get("SCALE", "1"))  # local smoke tests shrink the timeline


def at(t):  # seconds after T0, scaled
    return T0 + t * SCALE


class Rep:
    def __init__(self, hard):
        self.hard, self.times = hard, {}

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None):
        self.times[step] = time.time()
        if step % 500 == 0 or step == total:
            print(f"[{time.time() - T0:6.1f}s] {step}/{total} loss={loss:.4f} {metrics}", flush=True)

    def should_cancel(self):
        return time.time() > self.hard

    def log(self, msg):
        print(f"[{time.time() - T0:6.1f}s] {msg}", flush=True)


def probe(cfg, settings, n=int(os.environ.get("PROBE_N", "120"))):
    rep = Rep(hard=1e18)
    train_image(replace(cfg, steps=n, out_dir=str(RUNS / f"probe-{cfg.name}"), checkpoint_every=0,
                        checkpoint_every_s=0, preview_every=0, kl_anneal_steps=10, keep=1), settings, rep)
    ks = sorted(rep.times)
    a, b = ks[len(ks) // 2], ks[-1]
    sps = (rep.times[b] - rep.times[a]) / (b - a) if b > a else (rep.times[b] - T0) / max(b, 1)
    print(f"[{time.time() - T0:6.1f}s] probe {cfg.name}: {sps * 1000:.1f} ms/step", flush=True)
    return sps


def budgeted(cfg, settings, deadline, cap, overhead=1.25, unit=100):
    sps = probe(cfg, settings)
    left = deadline - time.time()
    steps = int(left / (sps * overhead) / unit) * unit
    steps = max(unit, min(cap, steps))
    return replace(cfg, steps=steps), sps


def go(cfg, settings, hard, sps):
    t = time.time()
    res = train_image(cfg, settings, Rep(hard))
    res["probe_s_per_step"] = sps
    res["elapsed_s"] = round(time.time() - t, 1)
    (RUNS / f"{cfg.name}.result.json").write_text(json.dumps(res, indent=1, default=str))
    print(json.dumps(res, default=str), flush=True)
    return res


def main(role):
    settings = Settings.load()
    size = int(os.environ.get("SIZE", "128"))
    base = TrainConfig(model="vae", size=size, batch_size=32, vae_channels=(16, 48, 96), latent_channels=4,
                       kl_weight=1e-3, ssim_weight=0.5, keep=2, checkpoint_every_s=0)
    hard = at(float(os.environ.get("HARD", "485")))
    if role == "main":
        vae = replace(base, name="vae128", out_dir=str(RUNS / "vae128"))
        vae, sps = budgeted(vae, settings, at(float(os.environ.get("T_VAE", "215"))), cap=40000)
        vae = replace(vae, kl_anneal_steps=max(10, vae.steps // 5), checkpoint_every=max(1, vae.steps // 5),
                      preview_every=max(1, vae.steps // 4))
        go(vae, settings, hard, sps)
        ldm = TrainConfig(model="ldm", size=size, batch_size=64, lr=3e-4, channels=(16, 32, 64, 128),
                          vae=str(RUNS / "vae128"), name="ldm128", out_dir=str(RUNS / "ldm128"), keep=2,
                          checkpoint_every_s=0)
        ldm, sps = budgeted(ldm, settings, at(float(os.environ.get("T_LDM", "465"))), cap=60000, overhead=1.15)
        ldm = replace(ldm, checkpoint_every=max(1, ldm.steps // 4), preview_every=max(1, ldm.steps // 4))
        go(ldm, settings, hard, sps)
    elif role.startswith("dp") or role == "nodp":
        eps = 0.0 if role == "nodp" else float(role[2:])
        cfg = replace(base, name=role, out_dir=str(RUNS / role), batch_size=64, dp_epsilon=eps)
        # One fixed step count for the three trade-off runs (probed on the slowest, DP), so they compare.
        steps_file = RUNS / "dp_steps.txt"
        if role == "dp8":
            cfg, sps = budgeted(cfg, settings, at(float(os.environ.get("T_DP", "440"))), cap=20000)
            steps_file.write_text(str(cfg.steps))
        else:
            while not steps_file.exists():
                time.sleep(1)
            cfg, sps = replace(cfg, steps=int(steps_file.read_text())), 0.0
        cfg = replace(cfg, kl_anneal_steps=max(10, cfg.steps // 5), checkpoint_every=max(1, cfg.steps // 2),
                      preview_every=max(1, cfg.steps // 2))
        go(cfg, settings, hard, sps)


if __name__ == "__main__":
    main(sys.argv[1])
