"""Where a live server's request time goes (issue 14, load): the app's server with each script run profiled, driven
by the protocol client (bench/load_protocol.py) one session after another.

The server runs in a child process started like tests/live_server.py does (`python -m ui.launch app.py`), but through
this file, which first wraps Streamlit's `ScriptRunner._run_script`: each run records its wall time and the script
thread's CPU time (time.thread_time) and, with --profile, a cProfile dump. The client times each action from the
request to `script_finished` (bench/st_protocol.py); the difference between the two is what the server spends
outside the script thread (messages, websocket) plus the wait for the GIL.

--pairs N then measures what a request costs when it meets another session's: two sessions with the planner open
and the example loaded press *Make plan* N times alone (one after the other) and N times at the same moment; the
report gives both medians and their ratio (2.0: the two requests ran one after the other, as under a fully held
GIL; 1.0: they ran side by side on two cores).

Run: python bench/server_profile.py [--sessions 8] [--tools planner] [--profile DIR] [--pairs N] [--out FILE]
Prints, per action: the client's median seconds, the script runs' median wall and thread CPU seconds."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

RUN_LOG = "MEDCORE_BENCH_RUN_LOG"
PROFILE_DIR = "MEDCORE_BENCH_PROFILE_DIR"
PROFILE_AFTER = "MEDCORE_BENCH_PROFILE_AFTER"  # runs not profiled first (the warm-up session's: cold imports)


def _serve(argv: list[str]) -> int:
    """In the server process: wrap each script run, then start Streamlit as ui.launch does."""
    from streamlit.runtime.scriptrunner import script_runner

    log_path, prof_dir = os.environ[RUN_LOG], os.environ.get(PROFILE_DIR)
    prof_after = int(os.environ.get(PROFILE_AFTER, "0"))
    run_script = script_runner.ScriptRunner._run_script
    count = {"n": 0}

    def timed(self, rerun_data, *a, **k):
        count["n"] += 1
        n = count["n"]
        prof = None
        if prof_dir and n > prof_after:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        w0, c0 = time.perf_counter(), time.thread_time()
        try:
            return run_script(self, rerun_data, *a, **k)
        finally:
            wall, cpu = time.perf_counter() - w0, time.thread_time() - c0
            if prof is not None:
                prof.disable()
                prof.dump_stats(str(Path(prof_dir) / f"run{n:04d}.prof"))
            with open(log_path, "a") as fh:
                fh.write(json.dumps({"n": n, "page": rerun_data.page_script_hash[:8],
                                     "widgets": len(rerun_data.widget_states.widgets)
                                     if rerun_data.widget_states else 0,
                                     "wall_s": round(wall, 4),
                                     "cpu_s": round(cpu, 4)}) + "\n")

    script_runner.ScriptRunner._run_script = timed
    from ui.launch import main

    return main(argv)


def _runs_per_action(tools: list[str]) -> list[str]:
    """The script runs one session makes, in order (bench/load_protocol.py's user()): Home, then per tool its
    page open and its action; the planner's untimed example import first (its st.rerun() stays in the same
    _run_script call)."""
    names = ["home"]
    for t in tools:
        names += [f"{t}_open"] + (["planner_load_example"] if t == "planner" else []) + [t]
    return names


async def _prepared_planner(url: str):
    from bench.load_protocol import TOOLS
    from bench.st_protocol import Session

    s = Session(url)
    await s.__aenter__()
    await s.open()
    await s.goto(TOOLS["planner"])
    await s.press("Load example bundle")
    return s


def _script_report(runs: list[dict], names: list[str], sessions: int, client: dict[str, list[float]]) -> dict:
    per = len(names)
    measured = runs[per:]  # after the warm-up session
    if len(measured) != per * sessions:
        raise SystemExit(f"expected {per * sessions} script runs after the warm-up, got {len(measured)}:\n"
                         + "\n".join(map(str, runs)))
    script: dict[str, dict[str, list[float]]] = {}
    for i, r in enumerate(measured):
        d = script.setdefault(names[i % per], {"wall_s": [], "cpu_s": []})
        d["wall_s"].append(r["wall_s"])
        d["cpu_s"].append(r["cpu_s"])
    return {k: {"client_s": _med(client[k]) if k in client else None, "script_wall_s": _med(v["wall_s"]),
                "script_cpu_s": _med(v["cpu_s"]), "script_runs": len(v["wall_s"])} for k, v in script.items()}


def _med(xs: list[float]) -> float:
    return round(statistics.median(xs), 4)


def main(argv=None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--serve":
        return _serve(sys.argv[2:])
    # imported here, not at the top: --base copies this file alone into another checkout to --serve from there
    from bench._report import add_out_option, emit

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=8, help="measured sessions, one after another (after a warm-up)")
    ap.add_argument("--tools", default="planner", help="comma-separated tools (bench/load_protocol.py TOOLS)")
    ap.add_argument("--profile", help="write one cProfile dump per script run here (this checkout's server)")
    ap.add_argument("--pairs", type=int, default=0, help="then N plans alone and N pairs of plans at once")
    ap.add_argument("--base", help="another checkout (with this file copied to its bench/): its server is measured "
                                   "too, each step alternating between the two, so machine load hits both alike")
    add_out_option(ap)
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]

    from contextlib import ExitStack

    from bench.load_protocol import user
    from tests.live_server import streamlit_server

    sides = {"head": REPO} | ({"base": Path(args.base).resolve()} if args.base else {})
    with tempfile.TemporaryDirectory(prefix="medcore-prof-") as tmp, ExitStack() as stack:
        urls, logs = {}, {}
        for name, repo in sides.items():
            logs[name] = Path(tmp) / f"runs-{name}.jsonl"
            env = {RUN_LOG: str(logs[name]), "MEDCORE_ENGINE_WARM": "1"}  # as `medcore serve` (a base may ignore it)
            if args.profile and name == "head":
                Path(args.profile).mkdir(parents=True, exist_ok=True)
                env[PROFILE_DIR] = str(Path(args.profile).resolve())
                env[PROFILE_AFTER] = str(len(_runs_per_action(tools)))
            urls[name] = stack.enter_context(streamlit_server(Path(tmp) / f"data-{name}", env=env, repo=repo,
                                                              module=("bench.server_profile", "--serve")))
        client: dict[str, dict[str, list[float]]] = {name: {} for name in sides}
        pairs = {name: {"alone_s": [], "together_s": []} for name in sides}

        async def drive() -> None:
            for name, url in urls.items():  # warm-up: first imports, knowledge-base builds, worker start
                actions, opens = await user(url, 0, tools, 600.0)
                if any(i.error for i in actions + opens):
                    raise SystemExit(f"{name} warm-up session: {[i.error for i in actions + opens if i.error]}")
            for n in range(args.sessions):
                order = list(sides) if n % 2 == 0 else list(reversed(sides))
                for name in order:
                    actions, opens = await user(urls[name], 1 + n, tools, 120.0)
                    named = [(i.tool, i) for i in actions] + [
                        (i.tool if i.tool == "home" else f"{i.tool}_open", i) for i in opens]
                    for key, i in named:
                        if i.error or i.seconds is None:
                            raise SystemExit(f"{name} session {n}: {key}: {i.error}")
                        client[name].setdefault(key, []).append(i.seconds)

        async def plan_pairs() -> None:
            prepared = {name: [await _prepared_planner(url), await _prepared_planner(url)]
                        for name, url in urls.items()}
            try:
                for r in range(args.pairs):
                    for name in (list(sides) if r % 2 == 0 else list(reversed(sides))):
                        a, b = prepared[name]
                        for s in (a, b):
                            pairs[name]["alone_s"].append((await s.press("Make plan")).seconds)
                        runs = await asyncio.gather(a.press("Make plan"), b.press("Make plan"))
                        pairs[name]["together_s"] += [r.seconds for r in runs]
            finally:
                for two in prepared.values():
                    for s in two:
                        await s.__aexit__(None, None, None)

        asyncio.run(drive())
        want = len(_runs_per_action(tools)) * (1 + args.sessions)
        deadline = time.monotonic() + 30  # a run's line is written after its script_finished went out
        while time.monotonic() < deadline and any(len(logs[n].read_text().splitlines()) < want for n in sides):
            time.sleep(0.2)
        runs = {name: [json.loads(line) for line in logs[name].read_text().splitlines()] for name in sides}
        if args.pairs:
            asyncio.run(plan_pairs())
    names = _runs_per_action(tools)
    report = {"sessions": args.sessions, "tools": tools}
    for name in sides:
        report[name] = {"per_step": _script_report(runs[name], names, args.sessions, client[name])}
        if args.pairs:
            alone, together = statistics.median(pairs[name]["alone_s"]), statistics.median(pairs[name]["together_s"])
            report[name]["make_plan_pairs"] = {"n": args.pairs, "alone_median_s": round(alone, 4),
                                               "together_median_s": round(together, 4),
                                               "ratio": round(together / alone, 2)}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
