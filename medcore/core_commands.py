"""Foundation subcommands: the demonstration job, job control, and an inventory."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from medcore import jobs


def register(reg) -> None:
    p = reg.train.add_parser("demo", help="the demonstration job: a small MLP learns a curve (seconds)")
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt-every", type=int, default=50)
    p.add_argument("--step-delay", type=float, default=0.0, help="seconds to pause per step, to watch it live")
    p.add_argument("--out", type=Path, default=None, help="run folder (default: DATA_DIR/runs/demo)")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --out")
    jobs.add_job_args(p)
    p.set_defaults(func=_train_demo)

    p = reg.bench.add_parser("llm", help="embedded language model: load time and tokens/s vs bare generate")
    p.add_argument("--tokens", type=int, default=48)
    p.set_defaults(func=_bench_llm)

    p = reg.top.add_parser("jobs", help="list, inspect or cancel background jobs")
    p.add_argument("action", choices=["list", "show", "cancel"], nargs="?", default="list")
    p.add_argument("job_id", type=int, nargs="?")
    p.set_defaults(func=_jobs)

    p = reg.top.add_parser("worker", help="run queued training jobs (Postgres deployments; any machine)",
                           description="Take training jobs from the Postgres queue (MEDCORE_DATABASE_URL) and run "
                                       "them here. With SQLite the app runs jobs itself and no worker is needed.")
    p.add_argument("--once", action="store_true", help="stop when the queue is empty instead of waiting")
    p.add_argument("--concurrency", type=int, default=1, help="jobs run at the same time (default 1)")
    p.set_defaults(func=_worker)

    p = reg.top.add_parser("info", help="settings, compute device, and which models and knowledge bases are present")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_info)


def _train_demo(args, settings) -> int:
    from medcore.demo_training import DemoConfig, train_demo

    if args.steps <= 0:
        print("--steps must be positive", file=sys.stderr)
        return 2
    cfg = DemoConfig(steps=args.steps, seed=args.seed, ckpt_every=max(1, args.ckpt_every),
                     step_delay_s=max(0.0, args.step_delay))
    from medcore.outputs import check_output_folder

    out = check_output_folder(args.out) or settings.path("runs", "demo")
    return jobs.run_cli(args, settings, lambda rep: train_demo(cfg, out, rep, resume=args.resume))


def _worker(args, settings) -> int:
    from medcore import job_queue

    url = settings.resolved_database_url
    if not job_queue.uses_queue(url):
        print("the database is SQLite: the app runs training jobs itself, so there is nothing for a worker to "
              "take. Set MEDCORE_DATABASE_URL to a PostgreSQL URL to share jobs between machines.", file=sys.stderr)
        return 2
    if args.concurrency < 1:
        print("--concurrency must be at least 1", file=sys.stderr)
        return 2
    job_queue.run_worker(url, once=args.once, concurrency=args.concurrency)
    return 0


def _bench_llm(args, settings) -> int:
    from medcore.llm.bench import run

    print(json.dumps(run(settings.data_dir, new_tokens=args.tokens), indent=2))
    return 0


def _jobs(args, settings) -> int:
    from medcore.store import Store

    store = Store.open(settings)
    note = jobs.reconcile_for_reading(store, settings.job_stale_after_s)
    if note:
        print(f"note: {note}", file=sys.stderr)
    if args.action == "list":
        for j in jobs.list_jobs(store):
            last = jobs.last_progress(store, j.id)
            step = f"{last.step}/{last.total}" if last else "-"
            print(f"{j.id:>5}  {j.status:<9}  {step:>11}  {j.kind:<8}  {j.name}")
        return 0
    if args.job_id is None:
        print("give a job id", file=sys.stderr)
        return 2
    if args.action == "cancel":
        jobs.request_cancel(store, args.job_id)
        print(f"cancel requested for job {args.job_id}")
        return 0
    job = jobs.get_job(store, args.job_id)
    if job is None:
        print(f"no job {args.job_id}", file=sys.stderr)
        return 1
    print(json.dumps(job.__dict__, indent=2, default=str))
    return 0


def _info(args, settings) -> int:
    from medcore.runtime import device_info
    from medcore.status import all_status

    info = {
        "settings": settings.public_dict(),
        "device": device_info(settings.device).label,
        "tools": [
            {"tool": s.tool.key, "ready": s.ready, "error": s.error,
             "components": [c.__dict__ for c in s.components]}
            for s in all_status(settings)
        ],
    }
    if args.json:
        print(json.dumps(info, indent=2, default=str))
    else:
        print(f"device: {info['device']}")
        for t in info["tools"]:
            print(f"{t['tool']:<9} {'ready' if t['ready'] else 'not available'} {t['error']}")
            for c in t["components"]:
                print(f"   {'ok ' if c['ok'] else 'MISSING'} {c['kind']}: {c['name']} {c['detail']}")
    return 0
