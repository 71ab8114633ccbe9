"""Reduced image-table metrics (FID, KID, MiFID, k-NN P/R, class agreement) for LDM checkpoints/sampler settings."""
import json, sys, time, numpy as np, torch
torch.set_num_threads(1)
from pathlib import Path
from medcore.config import Settings
from medcore.imaging.datasets import load_dataset
from medcore.imaging.classifier import find_classifier
from medcore.imaging.metrics import FeatureMetrics
from medcore.imaging.quality import generate_per_class
from medcore.imaging.sample import load_model
from medcore.imaging.loop import save_preview
N = int(sys.argv[1]); out = Path(sys.argv[2]); runs = [a.split("|") for a in sys.argv[3:]]
s = Settings.load(); ds = load_dataset("br35h", 128, s); tr, ho = ds.split(0.1, seed=0)
clf = find_classifier(s, "br35h", 128)
t0 = time.time(); sub = np.random.default_rng(0).permutation(len(tr))[:256]  # MiFID train set cut to 256 scans for speed: MiFID not comparable
fm = FeatureMetrics(clf, ds.images[ho], ds.images[tr][sub], kid_subset=min(100, 2 * N), seed=1)
print("context", round(time.time() - t0), flush=True)
rng = np.random.default_rng(1); real = ds.images[tr][rng.permutation(len(tr))[:2 * N]]
with open(out, "a") as f:
    f.write(json.dumps({"row": "real-vs-real", "n": 2 * N, **fm.score(real)}) + "\n")
for ck, sampler, steps, g, *rest in runs:
    mt = int(rest[0]) if rest else 0
    seed = int(rest[1]) if len(rest) > 1 else 1
    for _ in range(60):
        if Path(ck).exists(): break
        time.sleep(20)
    time.sleep(5)
    m = load_model(ck); t0 = time.time()
    gen, labels, _ = generate_per_class(m, N, seed=seed, sampler=sampler, steps=int(steps), guidance=float(g), guidance_min_t=mt)
    dt = time.time() - t0
    row = {"row": f"{ck} {sampler} {steps} g{g} min_t{mt} seed{seed}", "step": m.state.get("step"), "sample_s": round(dt, 1), **fm.score(gen)}
    row["class_agreement"] = round(float((clf.probs(gen).argmax(1) == labels).mean()), 4)
    with open(out, "a") as f:
        f.write(json.dumps(row) + "\n")
    print(row, flush=True)
    pick = np.r_[np.where(labels == 0)[0][:8], np.where(labels == 1)[0][:8]]
    save_preview(gen[pick], out.parent / (f"{Path(ck).name}-{sampler}{steps}-g{g}-t{mt}-s{seed}.png"), cols=8)
