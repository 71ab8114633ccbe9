"""First render of each page from a cold start (issue 14, speed: at most 5 s): one fresh process per page.

Each page is opened the way a bookmarked URL opens it on a server that has just started: a new Python process
imports Streamlit, then runs the app (app.py and the page, by its URL path, as st.navigation resolves it) once under
AppTest, the script runner the server uses, with the template text backend. `first_run_s` is that first run: the
app's imports, knowledge bases and caches loaded on the way, and the page drawn. `process_s` adds the child's
imports of Streamlit and AppTest before it (not Python's own start-up). The `_cpu_s` twins are the CPU seconds the
process spent in the same spans (every thread): on a machine shared with other work, wall time grows with the load
and CPU time much less, so compare those when the machine is busy (`process_cpu_s` counts from the process start).
`rerun_cpu_s` is a second run of the same page in the same session right after (a warm rerun, as a widget change
makes): the 1 s warm target, in CPU seconds.
The target (5 s) is wall time: `over_target_head` lists pages whose median first run is over it, and
`over_target_head_process` those whose whole process (Streamlit's imports too) is. Every measurement records the
1-minute load average when it ended (`load_1m`; the report gives the medians and the whole run's range): a wall
figure means little without it, and ratios to a --base run in the same rounds are what survive the load.

The data folder is the server's: kept between starts, so caches built on disk (the terminology, the knowledge graph,
status counts) are there, as after any earlier start. One warm-up process per checkout fills it first and is not
counted: it runs the server's start-up warmers (ui.launch.WARMERS, which build the therapy KB and knowledge graph
caches on a new install) and opens Home. --fresh-data gives every process an empty data folder instead (the very
first start after an install: the terminology alone takes about 20 s to build).

--base PATH measures another checkout too (e.g. `git worktree add /tmp/base HEAD~3`): every page runs in base, then
head, in turn, round after round, so that load on a shared machine falls on both alike; it prints the medians and
the ratios head/base. Figures are kept in docs/measurements/ (page_speed_cold_*.json).

--profile DIR writes a cProfile of head's last round of each page (what the first render spent its CPU on: imports,
KB loads, index builds); open it with `python -m pstats DIR/triage.prof`. Profiled runs are slower: take the figures
from a run without it.

Run: python bench/page_speed_cold.py [--rounds 3] [--pages home,triage] [--base PATH] [--out FILE] [--profile DIR]"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # before the child's imports: process_s counts them

import argparse  # noqa: E402 - after the clock starts
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))  # run as a script: bench/ helpers from this checkout (a child measures its own repo)
from bench._report import emit, load_average, run_child  # noqa: E402
# URL paths as app.py registers them ("" is Home, the default page)
PAGES = ["home", "imaging", "records", "triage", "therapy", "knowledge", "literature", "cases", "qa", "model_lab",
         "teams"]
TARGET_S = 5.0
METRICS = ("first_run_s", "process_s", "first_run_cpu_s", "process_cpu_s", "rerun_cpu_s")


def _env(data: Path, knowledge_cache: Path | None = None) -> dict:
    extra = {"MEDCORE_KNOWLEDGE_CACHE_DIR": str(knowledge_cache)} if knowledge_cache else {}
    return {**os.environ, **extra, "MEDCORE_DATA_DIR": str(data), "MEDCORE_LLM_BACKEND": "template",
            "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "MEDCORE_DATABASE_URL": f"sqlite:///{data / 'app.db'}",
            "MEDCORE_ENGINE_WARM": "0"}


def _server_start_warmers() -> None:
    """What a server start runs in its engine workers before any page (ui.launch.WARMERS: the planner's KB, the
    knowledge graph, the summarizer), run here inline: on a new data folder they build the disk caches (the therapy
    KB, the graph) that every later process reads."""
    from medcore.config import Settings
    from medcore.workpool import call_named
    from ui.launch import WARMERS

    settings = Settings.load()
    for name in WARMERS:
        call_named(name, settings)


def _first_render(repo: Path, page: str, profile_dir: str | None = None, warm: bool = False) -> dict:
    """In this (fresh) process: open `page` of the app at `repo` once; seconds, and what the page showed.
    With `profile_dir`, a cProfile (CPU time) of the script run is written there as <page>.prof. With `warm`
    (the uncounted warm-up start), the server's start-up warmers run first."""
    sys.path[:0] = [str(repo)]
    os.chdir(repo)
    if warm:
        _server_start_warmers()
    from streamlit import config
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    if profile_dir:  # the script runs in its own thread: profile it there
        import cProfile

        from streamlit.runtime.scriptrunner import script_runner

        run_script = script_runner.ScriptRunner._run_script

        runs = []

        def profiled(self, *a, **k):
            runs.append(1)
            if len(runs) > 1:  # the warm rerun: the profile is of the first render only
                return run_script(self, *a, **k)
            prof = cProfile.Profile(time.process_time)
            prof.enable()
            try:
                return run_script(self, *a, **k)
            finally:
                prof.disable()
                prof.dump_stats(str(Path(profile_dir) / f"{page}.prof"))

        script_runner.ScriptRunner._run_script = profiled

    config.set_option("server.address", "127.0.0.1")  # local mode, as the README's app (no sign-in)
    at = AppTest.from_file(str(repo / "app.py"), default_timeout=600)
    if page != "home":
        # what a deep link does: the session asks for the page by its URL path's hash before anything ran
        # (AppTest.switch_page can only resolve a page st.navigation has registered, after a first run)
        at._page_hash = calc_hash(page)
    t1, c1 = time.perf_counter(), time.process_time()
    at.run()
    t2, c2 = time.perf_counter(), time.process_time()
    if at.exception:
        raise RuntimeError(f"{page}: {[e.value for e in at.exception]}")
    c3 = time.process_time()
    at.run()  # a warm rerun of the same page in the same session, as a widget change makes
    rerun_cpu = time.process_time() - c3
    if at.exception:
        raise RuntimeError(f"{page} rerun: {[e.value for e in at.exception]}")
    titles = [t.value for t in at.title] + [h.value for h in at.header] + [s.value for s in at.subheader]
    return {"first_run_s": round(t2 - t1, 3), "process_s": round(t2 - _T0, 3), "first_run_cpu_s": round(c2 - c1, 3),
            "process_cpu_s": round(c2, 3), "rerun_cpu_s": round(rerun_cpu, 3), "shown": titles[:2],
            "errors": [e.value[:200] for e in at.error]}


def _child(repo: Path, page: str, data: Path, profile_dir: str | None = None, warm: bool = False,
           knowledge_cache: Path | None = None) -> dict:
    """`knowledge_cache`: where the knowledge layer's built caches live (settings.knowledge_cache_dir; by default
    in the data folder), e.g. the test suite's shared one."""
    args = ["--child", str(repo), "--page", page] + (["--profile", profile_dir] if profile_dir else [])
    got = run_child(__file__, args + (["--warm"] if warm else []), cwd=repo, env=_env(data, knowledge_cache))
    return got | {"load_1m": (load_average() or [None])[0]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="fresh processes per page and checkout")
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated URL paths (home for Home)")
    ap.add_argument("--base", help="another checkout to compare with (ratios head/base)")
    ap.add_argument("--fresh-data", action="store_true", help="an empty data folder for every process")
    ap.add_argument("--out", help="also write the JSON report here")
    ap.add_argument("--profile", help="write a cProfile of head's last first render of each page here "
                                      "(<page>.prof; profiling slows the run: its times are not the figures)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--page", help=argparse.SUPPRESS)
    ap.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(_first_render(Path(args.child).resolve(), args.page, args.profile, args.warm)))
        return 0
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = sorted(set(pages) - set(PAGES))
    if unknown:
        ap.error(f"unknown pages {unknown}; known: {PAGES}")
    repos = {"head": HERE} | ({"base": Path(args.base).resolve()} if args.base else {})
    load_start = load_average()
    tmp = Path(tempfile.mkdtemp(prefix="medcore-cold-"))
    data = {name: tmp / name for name in repos}
    try:
        if not args.fresh_data:
            for name, repo in repos.items():  # fill each checkout's data folder once, as an earlier start did
                _child(repo, "home", data[name], warm=True)
        times: dict[str, dict[str, list[dict]]] = {k: {p: [] for p in pages} for k in repos}
        for r in range(args.rounds):
            for page in pages:
                for name in reversed(list(repos)):  # base first, then head
                    folder = data[name] if not args.fresh_data else tmp / f"{name}-{page}-{r}"
                    prof = args.profile if name == "head" and r == args.rounds - 1 else None
                    times[name][page].append(_child(repos[name], page, folder, prof))
                    print(f"round {r + 1} {name} {page}: {times[name][page][-1]['first_run_s']} s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = {k: {p: {m: round(statistics.median(x[m] for x in xs), 3) for m in METRICS}
               for p, xs in v.items()} for k, v in times.items()}
    loads = {k: [x["load_1m"] for xs in v.values() for x in xs if x["load_1m"] is not None] for k, v in times.items()}
    report = {"rounds": args.rounds, "fresh_data": args.fresh_data, "target_s": TARGET_S, "median": med,
              "cpus": os.cpu_count(), "load_average_start": load_start, "load_average_end": load_average(),
              "load_1m_median": {k: statistics.median(v) if v else None for k, v in loads.items()},
              "load_1m_range": [min(sum(loads.values(), []), default=None), max(sum(loads.values(), []), default=None)],
              "over_target_head": [p for p in pages if med["head"][p]["first_run_s"] > TARGET_S],
              "over_target_head_process": [p for p in pages if med["head"][p]["process_s"] > TARGET_S],
              "errors_shown_head": {p: xs[0]["errors"] for p, xs in times["head"].items() if xs[0]["errors"]},
              "shown_head": {p: xs[0]["shown"] for p, xs in times["head"].items()}}
    if args.base:
        report["head_over_base"] = {p: {m: round(med["head"][p][m] / med["base"][p][m], 2) for m in METRICS}
                                    for p in pages}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
