"""Server-side time of the app's page runs (issue 14, speed): what each rerun costs the server, without the
network or a browser. Runs the app under Streamlit's AppTest (the same script runner the server uses) with the
template text backend and a temporary database.

For each of --sessions sessions (the first is a warm-up, not counted: cold imports and knowledge-base builds):
Home (first run of a session; page scripts are compiled once per process, as in the server), then for
Symptom chat, Record summarizer and Treatment planner: open the page, do the user's action (send a story;
summarize a note; load the example bundle and make a plan) and one more rerun of the answered page (what any
widget change costs afterwards); then open Health questions, Image generator, Case trainer, Knowledge and
Literature reader (each page's warm first render: at most 1 s, issue 14). Reports the median per step. AppTest does not run Streamlit's post-run
garbage collection, so this measures the pages' own work (docs/measurements/load_test.md, session 11).

--base PATH measures another checkout too (e.g. `git worktree add /tmp/base HEAD~3`), alternating the two in
fresh processes (base, head, base, head, ...) so that machine load drifts hit both alike, and prints the
ratios head/base. --profile DIR writes a cProfile of one counted session's runs per step.

Run: python bench/page_speed.py [--sessions 4] [--rounds 2] [--base PATH] [--out FILE]"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))  # run as a script: bench/ helpers from this checkout
from bench._report import emit, load_average, run_child  # noqa: E402
STEPS = ["home", "chat_open", "chat_send", "chat_rerun", "summarizer_open", "summarizer_summarize",
         "summarizer_rerun", "planner_open", "planner_load_example", "planner_make_plan", "planner_rerun",
         "qa_open", "imaging_open", "cases_open", "knowledge_open", "literature_open"]
# opening these in a later session is each page's warm first render (issue 14: at most 1 s)
OPEN_ONLY = {"qa_open": "pages/health_questions.py", "imaging_open": "pages/image_generator.py",
             "cases_open": "pages/case_trainer.py", "knowledge_open": "pages/knowledge.py",
             "literature_open": "pages/literature_reader.py"}


def _measure(repo: Path, sessions: int, profile_dir: str | None) -> dict[str, list[float]]:
    """In this process: run the app at `repo` under AppTest; seconds per step for each counted session."""
    sys.path[:0] = [str(repo), str(HERE)]  # the app's code from `repo`; this bench's helpers (bench/) from here
    os.chdir(repo)
    tmp = tempfile.mkdtemp(prefix="medcore-speed-")
    os.environ.update(MEDCORE_DATA_DIR=tmp, MEDCORE_LLM_BACKEND="template", HF_HUB_OFFLINE="1",
                      TRANSFORMERS_OFFLINE="1", MEDCORE_DATABASE_URL=f"sqlite:///{tmp}/app.db")
    from streamlit import config
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    config.set_option("server.address", "127.0.0.1")  # local mode, as the README's app (no sign-in)
    # The server compiles each page script once (one ScriptCache per runtime); AppTest makes a new cache on
    # every run, so each run would recompile app.py and its page (0.1-0.3 s here). Share one, as the server does.
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared_cache = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared_cache
    prof = {"on": False, "last": None}
    if profile_dir:  # the script runs in its own thread: profile it there
        import cProfile

        run_script = script_runner.ScriptRunner._run_script

        def profiled(self, *a, **k):
            if not prof["on"]:
                return run_script(self, *a, **k)
            p = cProfile.Profile()
            p.enable()
            try:
                return run_script(self, *a, **k)
            finally:
                p.disable()
                prof["last"] = p

        script_runner.ScriptRunner._run_script = profiled

    from bench.load_protocol import chat_story
    from bench.load_sessions import sample_note

    def button(at, label):
        return next(b for b in at.button if b.label == label)

    out: dict[str, list[float]] = {s: [] for s in STEPS}
    for n in range(sessions):
        at = AppTest.from_file(str(repo / "app.py"), default_timeout=300)
        profile_this = bool(profile_dir) and n == 1

        def step(name, act):
            prof["on"] = profile_this
            t0 = time.perf_counter()
            act()
            dt = time.perf_counter() - t0
            prof["on"] = False
            if at.exception or at.error:  # a step that failed is not a time
                raise RuntimeError(f"{name}: {[e.value for e in at.exception] + [e.value for e in at.error]}")
            if n:
                out[name].append(dt)
            if profile_this and prof["last"] is not None:
                prof["last"].dump_stats(str(Path(profile_dir) / f"{name}.prof"))

        step("home", at.run)
        at.switch_page("pages/symptom_chat.py")
        step("chat_open", at.run)
        at.chat_input[0].set_value(chat_story(n))
        step("chat_send", at.run)
        step("chat_rerun", at.run)
        at.switch_page("pages/record_summarizer.py")
        step("summarizer_open", at.run)
        at.text_area(key="rec_input").set_value(sample_note(n))
        step("summarizer_summarize", button(at, "Summarize pasted note").click().run)
        step("summarizer_rerun", at.run)
        at.switch_page("pages/treatment_planner.py")
        step("planner_open", at.run)
        step("planner_load_example", button(at, "Load example bundle").click().run)
        step("planner_make_plan", button(at, "Make plan").click().run)
        step("planner_rerun", at.run)
        for name, page in OPEN_ONLY.items():
            at.switch_page(page)
            step(name, at.run)
    return out


def _child(repo: Path, sessions: int, profile_dir: str | None) -> dict[str, list[float]]:
    return run_child(__file__, ["--child", str(repo), "--sessions", str(sessions)]
                     + (["--profile", profile_dir] if profile_dir else []), cwd=repo)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=4, help="sessions per process; the first is a warm-up")
    ap.add_argument("--rounds", type=int, default=2, help="fresh processes per checkout")
    ap.add_argument("--base", help="another checkout to compare with (ratios head/base)")
    ap.add_argument("--profile", help="write cProfile files of one counted session here")
    ap.add_argument("--out", help="also write the JSON report here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.sessions < 2:
        ap.error("--sessions must be at least 2 (the first is a warm-up)")
    if args.child:
        print(json.dumps(_measure(Path(args.child).resolve(), args.sessions, args.profile)))
        return 0
    repos = {"head": HERE} | ({"base": Path(args.base).resolve()} if args.base else {})
    times: dict[str, dict[str, list[float]]] = {k: {s: [] for s in STEPS} for k in repos}
    for _ in range(args.rounds):
        for name in reversed(list(repos)):  # base first in each round, then head
            for s, xs in _child(repos[name], args.sessions, args.profile if name == "head" else None).items():
                times[name][s] += xs
    report = {"sessions_per_process": args.sessions - 1, "rounds": args.rounds, "load_average_end": load_average(),
              "median_s": {k: {s: round(statistics.median(xs), 3) for s, xs in v.items()} for k, v in times.items()}}
    if args.base:
        report["head_over_base"] = {s: round(report["median_s"]["head"][s] / report["median_s"]["base"][s], 2)
                                    for s in STEPS}
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
