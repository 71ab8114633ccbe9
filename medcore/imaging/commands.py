"""CLI: `train image`, `train image-prior`, `generate image`, `eval image`, `eval image-table`, `eval image-classifier`, `bench imaging`.

Imports nothing heavy at module level; handlers import what they need.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medcore.outputs import check_output_file, check_output_folder, write_output


def _channels(text: str) -> tuple[int, ...]:
    try:
        vals = tuple(int(v) for v in text.split(","))
    except ValueError as exc:
        raise ValueError(f"--channels {text!r}: give comma-separated integers, e.g. 32,64,96,128") from exc
    if not vals or any(v <= 0 for v in vals):
        raise ValueError("--channels must be positive integers")
    return vals


def register(reg) -> None:
    from medcore import jobs

    p = reg.train.add_parser("image", help="train a DDPM, DCGAN, VAE or latent DDPM on brain MRI or your own images")
    p.add_argument("--model", choices=("ddpm", "gan", "vae", "ldm"), default="ddpm",
                   help="ldm: latent diffusion in the space of the VAE named by --vae")
    p.add_argument("--dataset", default="br35h", help="br35h, mni, headct, colin27 (the last two come from Debian packages), "
                   "or a folder / ZIP with one subfolder per class")
    p.add_argument("--size", type=int, choices=(8, 16, 32, 64, 128), default=32)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.0, help="0: the model's default")
    p.add_argument("--channels", default="32,64,96,128", help="DDPM UNet widths per resolution")
    p.add_argument("--layers-per-block", type=int, default=1)
    p.add_argument("--no-attention", action="store_true")
    p.add_argument("--gan-width", type=int, default=64)
    p.add_argument("--prediction", choices=("epsilon", "v_prediction"), default="",
                   help="DDPM target: the noise (epsilon, the ddpm default) or the velocity (v_prediction, the ldm default)")
    p.add_argument("--vae-channels", default="16,48,96", help="VAE widths per resolution (3 widths: factor 4)")
    p.add_argument("--latent-channels", type=int, default=4)
    p.add_argument("--kl-weight", type=float, default=1e-3, help="VAE: final weight of the annealed KL term")
    p.add_argument("--kl-anneal-steps", type=int, default=2000)
    p.add_argument("--ssim-weight", type=float, default=0.5)
    p.add_argument("--disc-weight", type=float, default=0.0, help="VAE: patch discriminator weight (0: none)")
    p.add_argument("--disc-start", type=int, default=2000)
    p.add_argument("--vae", default="", help="ldm: the VAE run or checkpoint folder")
    p.add_argument("--dp-epsilon", type=float, default=0.0,
                   help="VAE or DCGAN: differentially private training (DP-SGD; for the DCGAN, of the "
                        "discriminator, the only part that sees real scans) spending at most this ε over --steps")
    p.add_argument("--dp-delta", type=float, default=1e-5)
    p.add_argument("--dp-max-grad-norm", type=float, default=1.0, help="per-scan gradient clipping bound")
    p.add_argument("--checkpoint-every", type=int, default=500)
    p.add_argument("--checkpoint-every-s", type=float, default=0.0,
                   help="also checkpoint when this many seconds passed since the last one")
    p.add_argument("--preview-every", type=int, default=250)
    p.add_argument("--keep", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--name", default="", help="run name (default: model-dataset-size)")
    p.add_argument("--out-dir", default="", help="run folder (default: DATA_DIR/imaging/runs/NAME)")
    p.add_argument("--export", default="", help="also write fp16 sampling weights + JSON here at every checkpoint")
    p.add_argument("--resume", action="store_true", help="continue from the run folder's newest checkpoint")
    p.add_argument("--no-register", action="store_true", help="do not add the finished run to the model registry")
    jobs.add_job_args(p)
    p.set_defaults(func=_train)

    q = reg.train.add_parser("image-prior", help="fit a VAE's learned latent prior (PCA + Gaussian mixture per class) "
                             "on its own training scans, so it samples anatomy, not texture")
    q.add_argument("checkpoint", help="the VAE's run or checkpoint folder")
    q.add_argument("--dims", type=_int_list, default=[64],
                   help="PCA components: one for every class or one per class, e.g. 128,256 (default 64)")
    q.add_argument("--components", type=_int_list, default=[10],
                   help="mixture components: one for every class or one per class (default 10)")
    q.add_argument("--seed", type=int, default=0)
    q.set_defaults(func=_train_prior)

    g = reg.generate.add_parser("image", help="sample synthetic images (PNG, optionally DICOM)")
    g.add_argument("--checkpoint", default="", help="run or checkpoint folder (default: the active model)")
    g.add_argument("--model", choices=("ddpm", "gan", "vae", "ldm"), default="",
                   help="use a model of this kind (default: the active model, whatever its kind)")
    g.add_argument("--class", dest="cls", default=None, help="class name, e.g. tumour / 'no tumour' (default: mixed)")
    g.add_argument("--n", type=int, default=16)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--sampler", choices=("ddim", "dpm++", "ddpm"), default="dpm++")
    g.add_argument("--steps", type=int, default=None, help="default: what the checkpoint's card recommends (else 20)")
    g.add_argument("--guidance", type=float, default=None,
                   help="default: what the checkpoint's card recommends (else 2.5)")
    g.add_argument("--guidance-min-t", type=int, default=0,
                   help="diffusion: guide only at timesteps from this one up (0-999; 0: every step)")
    g.add_argument("--out", required=True, help="output folder")
    g.add_argument("--dicom", action="store_true", help="also write DICOM Secondary Capture files")
    g.add_argument("--zip", action="store_true", help="also write one ZIP of the batch")
    g.set_defaults(func=_generate)

    e = reg.eval.add_parser("image", help="quality and privacy metrics of a checkpoint, as JSON")
    e.add_argument("--checkpoint", default="", help="run or checkpoint folder (default: the active model)")
    e.add_argument("--n", type=int, default=200, help="generated images per class")
    e.add_argument("--seed", type=int, default=1)
    e.add_argument("--sampler", choices=("ddim", "dpm++", "ddpm"), default="dpm++")
    e.add_argument("--steps", type=int, default=20)
    e.add_argument("--guidance", type=float, default=2.5)
    e.add_argument("--retrain-classifier", action="store_true", help="train the in-domain classifier again")
    e.add_argument("--reconstruction", action="store_true",
                   help="VAE: PSNR / SSIM of its reconstructions of the held-out scans instead of the sampling metrics")
    e.add_argument("--max-images", type=int, default=0, help="--reconstruction: at most this many held-out scans")
    e.add_argument("--out", default="", help="also write the JSON here")
    e.set_defaults(func=_eval)

    t = reg.eval.add_parser("image-table", help="the comparison table of the image generators and the DP runs")
    t.add_argument("--n", type=int, default=64, help="generated images per class and model")
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--model", action="append", default=[], metavar="LABEL=CHECKPOINT",
                   help="a row (repeatable; default: the four shipped generators)")
    t.add_argument("--dp", action="append", default=[], metavar="LABEL=CHECKPOINT",
                   help="a DP trade-off row (repeatable; default: the shipped ε≈8, ε≈1 and no-DP VAE runs)")
    t.add_argument("--out", default="", help="also write the JSON here (and TABLE.md beside it)")
    t.set_defaults(func=_eval_table)

    c = reg.eval.add_parser("image-classifier", help="train the in-domain classifier of a size and report it")
    c.add_argument("--dataset", default="br35h")
    c.add_argument("--size", type=int, default=128)
    c.add_argument("--save-to", default="", help="folder/stem to write (default: DATA_DIR/imaging/classifiers)")
    c.add_argument("--epochs", type=int, default=12)
    c.add_argument("--width", type=int, default=32, help="channels of the first layer (4x at the last)")
    c.add_argument("--dp-epsilon", type=float, default=0.0,
                   help="DP-SGD (GroupNorm in place of BatchNorm) spending at most this ε; 0: off")
    c.add_argument("--dp-delta", type=float, default=1e-5)
    c.set_defaults(func=_eval_classifier)

    b = reg.bench.add_parser("imaging", help="sampler speed-ups and training throughput (ratios in one run)")
    b.add_argument("--checkpoint", default="")
    b.add_argument("--quick", action="store_true", help="fewer images (for a smoke run)")
    b.add_argument("--ldm", default="", help="also time a latent-diffusion checkpoint (128 px sampling, VAE decode)")
    b.set_defaults(func=_bench)


def _train(args, settings) -> int:
    from medcore import jobs
    from medcore.imaging.datasets import DatasetError
    from medcore.imaging.train import TrainConfig, TrainError, train_image

    check_output_folder(args.out_dir)
    try:
        cfg = TrainConfig(model=args.model, dataset=args.dataset, size=args.size, steps=args.steps,
                          batch_size=args.batch_size, lr=args.lr, channels=_channels(args.channels),
                          layers_per_block=args.layers_per_block, attention=not args.no_attention,
                          gan_width=args.gan_width, prediction=args.prediction,
                          vae_channels=_channels(args.vae_channels), latent_channels=args.latent_channels,
                          kl_weight=args.kl_weight, kl_anneal_steps=args.kl_anneal_steps,
                          ssim_weight=args.ssim_weight, disc_weight=args.disc_weight, disc_start=args.disc_start,
                          vae=args.vae, dp_epsilon=args.dp_epsilon, dp_delta=args.dp_delta,
                          dp_max_grad_norm=args.dp_max_grad_norm, checkpoint_every=args.checkpoint_every,
                          checkpoint_every_s=args.checkpoint_every_s,
                          preview_every=args.preview_every, keep=args.keep, seed=args.seed, name=args.name,
                          out_dir=args.out_dir, export_dir=args.export)
    except (TrainError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    def body(reporter) -> dict:
        result = train_image(cfg, settings, reporter, resume=args.resume)
        from medcore.imaging.distributed import is_main

        if not args.no_register and not result["cancelled"] and is_main():  # one process registers the run
            result["model_id"] = register_run(settings, result, cfg.to_dict(), job_id=args.job_id)
        return result

    try:
        from medcore.imaging.distributed import is_main

        # one process registers the run, so one probes the database: two ranks opening a new database at once race
        return jobs.run_cli(args, settings, body, registers=not args.no_register and is_main())
    except (TrainError, DatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _int_list(text: str) -> list[int]:
    try:
        return [int(v) for v in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected integers separated by commas, got {text!r}") from None


def _train_prior(args, settings) -> int:
    from medcore.imaging.datasets import DatasetError
    from medcore.imaging.latent_prior import PriorError
    from medcore.imaging.latent_prior_fit import fit_for_checkpoint
    from medcore.imaging.sample import SampleError

    if min(args.dims) < 1 or min(args.components) < 1:
        print("error: --dims and --components must be at least 1", file=sys.stderr)
        return 2
    try:  # a single value applies to every class
        report = fit_for_checkpoint(settings, args.checkpoint, seed=args.seed,
                                    dims=args.dims[0] if len(args.dims) == 1 else args.dims,
                                    components=args.components[0] if len(args.components) == 1 else args.components)
    except (PriorError, SampleError, DatasetError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, indent=2))
    return 0


def register_run(settings, result: dict, config: dict, job_id=None) -> int | None:
    """Add a finished run to the model registry (kind 'imaging'); the first one becomes active."""
    from medcore.store import Store

    store = Store.open(settings)
    try:
        first = not store.list_models("imaging")
        metrics = {k: result[k] for k in ("steps", "wall_s", "images_per_s", "final_loss", "params", "device")
                   if k in result}
        return store.register_model("imaging", result["run"], result["checkpoint"], config=config,
                                    metrics=metrics, job_id=job_id, activate=first)
    finally:
        store.engine.dispose()


def _generate(args, settings) -> int:
    from medcore.imaging.dicom_export import dicom_bytes
    from medcore.imaging.registry import resolve_model_of_kind, resolve_model_path
    from medcore.imaging.sample import (SampleError, SampleRequest, batch_manifest, generate, load_model,
                                        marked_pngs, recommended_sampling, zip_bytes)
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    check_output_folder(args.out)
    try:
        if args.model:
            path = resolve_model_of_kind(settings, args.model, args.checkpoint)
        else:
            path = resolve_model_path(settings, args.checkpoint)
        model = load_model(path)
        steps, guidance = recommended_sampling(model.state)
        steps = args.steps if args.steps is not None else steps
        guidance = args.guidance if args.guidance is not None else guidance
        batch = generate(model, SampleRequest(args.cls, args.n, args.seed, args.sampler, steps, guidance,
                                              guidance_min_t=args.guidance_min_t))
    except (SampleError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = marked_pngs(batch)
    for name, data in files:
        (out / name).write_bytes(data)
    written = [n for n, _ in files]
    if args.dicom:
        for i in range(len(batch.images)):
            name = files[i][0].replace(".png", ".dcm")
            (out / name).write_bytes(dicom_bytes(batch, i))
            written.append(name)
    manifest = batch_manifest(batch)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str))
    if args.zip:
        (out / "batch.zip").write_bytes(zip_bytes(files, manifest))
        written.append("batch.zip")
    print(json.dumps({"out": str(out), "files": len(written), "seconds": round(batch.seconds, 2),
                      "load_s": round(model.load_s, 2), **manifest}, indent=2, default=str))
    return 0


def _eval(args, settings) -> int:
    from medcore.imaging.quality import evaluate_checkpoint, reconstruction_report
    from medcore.imaging.registry import resolve_model_path
    from medcore.imaging.sample import SampleError

    check_output_file(args.out)
    try:
        path = resolve_model_path(settings, args.checkpoint)
        if args.reconstruction:
            report = reconstruction_report(settings, path, args.max_images)
        else:
            report = evaluate_checkpoint(settings, path, n_per_class=args.n, seed=args.seed, sampler=args.sampler,
                                         steps=args.steps, guidance=args.guidance,
                                         retrain_classifier=args.retrain_classifier)
    except (SampleError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(report, indent=2, default=str)
    if args.out:
        write_output(args.out, text)
    print(text)
    return 0


def _pairs(items: list[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for item in items:
        label, sep, path = item.partition("=")
        if not sep or not path:
            raise ValueError(f"expected LABEL=CHECKPOINT, got {item!r}")
        out.append((label, path))
    return tuple(out)


def _eval_table(args, settings) -> int:
    from medcore.imaging import table as tbl
    from medcore.imaging.sample import SampleError

    check_output_file(args.out, make_parent=True)
    try:
        kw = {"models": _pairs(args.model) or tbl.DEFAULT_MODELS, "dp_models": _pairs(args.dp) or tbl.DEFAULT_DP}
        report = tbl.image_table(settings, n_per_class=args.n, seed=args.seed, **kw)
    except (SampleError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(report, indent=2, default=str, ensure_ascii=False)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_output(out, text)
        write_output(out.with_name("TABLE.md"), tbl.markdown(report) + "\n")
    print(tbl.markdown(report))
    return 0


def _eval_classifier(args, settings) -> int:
    from medcore.imaging.classifier import ClassifierRecipe, get_classifier
    from medcore.imaging.train_config import TrainError

    dest = Path(args.save_to) if args.save_to else None
    check_output_folder(dest.parent if dest else None)  # a folder/stem: the folder must be one
    try:
        recipe = ClassifierRecipe(epochs=args.epochs, width=args.width, dp_epsilon=args.dp_epsilon,
                                  dp_delta=args.dp_delta)
        clf = get_classifier(settings, args.dataset, args.size, retrain=True, save_to=dest, recipe=recipe)
    except TrainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(clf.metrics, indent=2))
    return 0


def _bench(args, settings) -> int:
    import importlib.util

    from medcore.config import REPO_ROOT

    spec = importlib.util.spec_from_file_location("bench_imaging", REPO_ROOT / "bench" / "bench_imaging.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return int(mod.main(settings, checkpoint=args.checkpoint, quick=args.quick, ldm=args.ldm) or 0)
