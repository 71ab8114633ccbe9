"""The therapy KB's load in a new process, with and without its JSON cache (issue 14, speed): fresh processes
alternating (built, cached), CPU and wall seconds of `load_kb_dir` alone (imports excluded). The first cached
process writes the cache and is not counted.

Run: python bench/therapy_kb_load.py [--rounds 5] [--out FILE]"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
from bench._report import add_out_option, emit, load_average, run_child  # noqa: E402


def _child(cache: str) -> dict:
    from medcore.therapy import kb

    c0, w0 = time.process_time(), time.perf_counter()
    kb.load_kb_dir(kb.DEFAULT_KB_DIR / "therapy", cache_dir=Path(cache) if cache else None)
    return {"cpu_s": round(time.process_time() - c0, 3), "wall_s": round(time.perf_counter() - w0, 3)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    add_out_option(ap)
    args = ap.parse_args(argv)
    if args.child is not None:
        import json

        print(json.dumps(_child(args.child)))
        return 0
    cache = tempfile.mkdtemp(prefix="medcore-thkb-")
    run_child(__file__, ["--child", cache], cwd=HERE)  # writes the cache
    got: dict[str, list[dict]] = {"built": [], "cached": []}
    for _ in range(args.rounds):
        got["built"].append(run_child(__file__, ["--child", ""], cwd=HERE))
        got["cached"].append(run_child(__file__, ["--child", cache], cwd=HERE))
    med = {k: {m: statistics.median(x[m] for x in v) for m in ("cpu_s", "wall_s")} for k, v in got.items()}
    emit({"rounds": args.rounds, "median": med, "runs": got, "load_average_end": load_average(),
          "cached_over_built_cpu": round(med["cached"]["cpu_s"] / med["built"]["cpu_s"], 2)}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
