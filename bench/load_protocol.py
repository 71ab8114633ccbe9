"""Load test over Streamlit's own websocket protocol: N concurrent sessions against one server of the app,
each chatting, summarizing a note and making a plan, without browsers (bench/st_protocol.py).

bench/load_sessions.py does the same with headless Chromium; on a small machine the browsers themselves take
the CPU the server needs, so its figures say little about the server. Here a session is one websocket and a
few protobuf parses, so the client's cost is small (the report gives its CPU seconds next to the server's).

Each session opens Home, then for each tool opens the page from the navigation (timed separately, as
"open"), prepares it and times only the user's action, from the request to the `script_finished` message of
the run that shows the answer:
- chat: sends a story without red flags through the chat input; the answer is the engine's chat turn;
- summarizer: sets the note in the text area and presses *Summarize pasted note* in one request; the answer is
  the narrative summary of this session's note (its age);
- planner: *Load example bundle* (untimed), then *Make plan*; the answer is the review section.
An error is an exception element or st.error alert on the answered page, a missing answer, a timeout or a
closed stream.

Modes: burst (every session starts at once and runs its actions back to back: the worst case), and paced
(each user waits a uniform random think time between actions, Locust's `wait_time = between(a, b)`; users
also start at a uniform random moment within the first `b` seconds, like a spawn ramp). The single-user
baseline (median of --baseline-runs sessions, after one unmeasured warm-up session and a wait until the server
and its engine workers are idle) runs first, in the same process, against the same server. Target (issue 14):
zero errors and p95 within 2x the single-user time.

Run: python bench/load_protocol.py [--sessions 20] [--mode burst|paced|both] [--think 5,15] [--url URL]
     (starts its own server with a temporary database unless --url names a running one)"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: `bench`, `tests` and `medcore` are packages at the repo root
    sys.path.insert(0, str(REPO))

from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from bench._report import add_out_option, emit  # noqa: E402
from bench.load_sessions import Interaction, sample_note, summarize_runs  # noqa: E402
from bench.st_protocol import ProtocolError, Session  # noqa: E402
from medcore.benchtime import percentile  # noqa: E402

TOOLS = {"chat": "Symptom chat", "summarizer": "Record summarizer", "planner": "Treatment planner"}
# The server as `python -m medcore serve` runs it: engine workers started and warmed at start (tests/live_server.py
# leaves that off for tests); the baseline waits until they are idle (wait_until_quiet)
SERVER_ENV = {"MEDCORE_ENGINE_WARM": "1"}


class MissingAnswer(RuntimeError):
    """The run finished without the answer this action should show."""


# ---- the scripted actions: each prepares the page (untimed) and returns the timed run -----------------------
# Text differs per session (age, dose) so that no session is served another's cached result.

def chat_story(n: int) -> str:
    return f"I am {20 + n % 50}, female, and I have had a sore throat and a runny nose for two days"


async def chat(s: Session, n: int):
    before = s.page.count_blocks("chat_message")
    box = WidgetState(id=s.page.widget_id("chat_input"))
    box.chat_input_value.data = chat_story(n)
    run = await s.rerun(box)
    if run.page.count_blocks("chat_message") < before + 2:  # the story, then the engine's answer
        raise MissingAnswer("no answer turn in the chat")
    return run


async def summarize(s: Session, n: int):
    note = WidgetState(id=s.page.widget_id("text_area", "Clinical note"), string_value=sample_note(n))
    run = await s.press("Summarize pasted note", note=note)
    texts = [t.replace("\\", "") for t in run.page.texts()]  # md_escape puts backslashes before '-'
    if not any("Narrative summary" in t for t in texts) or not any(f"{50 + n % 40}-year-old" in t for t in texts):
        raise MissingAnswer("no narrative summary of this session's note")
    return run


async def plan(s: Session, n: int):
    prep = await s.press("Load example bundle")
    if not prep.page.has_text("Example bundle imported"):
        raise MissingAnswer("the example bundle was not imported")
    run = await s.press("Make plan", kind="button")
    if not run.page.has_text("Review: accept, reject or modify"):
        raise MissingAnswer("no plan review section")
    return run


ACTIONS = {"chat": chat, "summarizer": summarize, "planner": plan}


async def user(url: str, n: int, tools: list[str], timeout_s: float, think: tuple[float, float] | None = None,
               rng: random.Random | None = None) -> tuple[list[Interaction], list[Interaction]]:
    """One user in one session. Returns (timed actions, page opens)."""
    actions: list[Interaction] = []
    opens: list[Interaction] = []
    try:
        async with Session(url, timeout_s=timeout_s) as s:
            home = await s.open()
            opens.append(Interaction(n, "home", home.seconds, "; ".join(home.page.errors())))
            for i, tool in enumerate(tools):
                if think and i:
                    await asyncio.sleep(rng.uniform(*think))
                try:
                    run = await s.goto(TOOLS[tool])
                    opens.append(Interaction(n, tool, run.seconds, "; ".join(run.page.errors())))
                    run = await ACTIONS[tool](s, n)
                    actions.append(Interaction(n, tool, run.seconds, "; ".join(run.page.errors())))
                except (MissingAnswer, ProtocolError) as exc:
                    actions.append(Interaction(n, tool, None, f"{type(exc).__name__}: {exc}"))
                except asyncio.TimeoutError:
                    actions.append(Interaction(n, tool, None, f"timeout after {timeout_s:.0f} s"))
                    return actions, opens  # the stream is mid-run: this session cannot go on
    except (OSError, ProtocolError, asyncio.TimeoutError) as exc:  # could not connect, or the stream closed
        actions.append(Interaction(n, "connect or home", None, f"{type(exc).__name__}: {exc}"))
    except Exception as exc:  # noqa: BLE001 - websockets' ConnectionClosed and friends: one session's failure
        actions.append(Interaction(n, "stream", None, f"{type(exc).__name__}: {exc}"))
    return actions, opens


def _cpu_s(pid: int | None) -> float | None:
    """CPU seconds of a process and its live children (the server and its engine workers)."""
    if pid is None:
        return None
    import psutil

    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.NoSuchProcess:
        return None
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:  # a worker that ended meanwhile: its time is lost, said in the docs
            pass
    return total


def _client_cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _open_stats(opens: list[Interaction]) -> dict:
    out = {}
    for tool in dict.fromkeys(i.tool for i in opens):
        xs = [i.seconds for i in opens if i.tool == tool and i.seconds is not None]
        out[tool] = {"p50_s": round(percentile(xs, 0.5), 3), "p95_s": round(percentile(xs, 0.95), 3)} if xs else {}
    return out


async def wait_until_quiet(pid: int | None, *, quiet_cpu_s: float = 0.05, timeout_s: float = 300.0) -> float:
    """Wait until the server and its engine workers use less than `quiet_cpu_s` of CPU in each of two seconds in a
    row (the workers warm up in the background after a start: a baseline measured meanwhile would be slower, and
    the ratios flattered). Returns the seconds waited; gives up after `timeout_s`."""
    if pid is None:
        return 0.0
    t0 = time.perf_counter()
    last, calm = _cpu_s(pid), 0
    while calm < 2 and time.perf_counter() - t0 < timeout_s:
        await asyncio.sleep(1.0)
        now = _cpu_s(pid)
        calm = calm + 1 if last is not None and now is not None and now - last < quiet_cpu_s else 0
        last = now
    return time.perf_counter() - t0


async def single_user(url: str, tools: list[str], runs: int, timeout_s: float, server_pid: int | None = None,
                      first: int = 1):
    """The baseline: one unmeasured warm-up session (first imports and knowledge-base builds), a wait until the
    server is quiet (its engine workers warmed), then `runs` sessions one after another, users `first`, `first` + 1,
    ... (a baseline measured again takes new users, so no answer comes from an earlier one's cache). Returns (timed
    actions, page opens)."""
    await user(url, 0, tools, timeout_s)
    await wait_until_quiet(server_pid)
    baseline: list[Interaction] = []
    opens: list[Interaction] = []
    for r in range(runs):
        a, o = await user(url, first + r, tools, timeout_s)
        baseline += a
        opens += o
    return baseline, opens


async def run_load(url: str, sessions: int, tools: list[str], *, mode: str = "burst",
                   think: tuple[float, float] = (5.0, 15.0), baseline_runs: int = 3, timeout_s: float = 120.0,
                   server_pid: int | None = None, seed: int = 14, baseline=None, first: int = 0) -> dict:
    """One concurrent phase of `sessions` users; `baseline` (from single_user) is measured first when not given.
    `first` numbers the users (their text) after those of earlier phases."""
    baseline, base_opens = baseline or await single_user(url, tools, baseline_runs, timeout_s, server_pid)
    first = max(first, 1 + baseline_runs)
    rng = random.Random(seed)
    paced = mode == "paced"

    async def one(k: int):
        if paced:
            await asyncio.sleep(rng.uniform(0, think[1]))  # a spawn ramp: users do not arrive in one instant
        return await user(url, first + k, tools, timeout_s, think if paced else None, rng)

    cpu0, client0, t0 = _cpu_s(server_pid), _client_cpu_s(), time.perf_counter()
    results = await asyncio.gather(*(one(k) for k in range(sessions)))
    wall = time.perf_counter() - t0
    cpu1, client1 = _cpu_s(server_pid), _client_cpu_s()
    concurrent = [i for a, _ in results for i in a]
    finished = sum(len(a) == len(tools) and all(i.seconds is not None for i in a) for a, _ in results)
    report = summarize_runs(tools, baseline, concurrent, sessions, finished, wall)
    opens = [i for _, o in results for i in o]
    # an error shown on opening a page counts too (summarize_runs sees only the timed actions)
    report["errors"] += [{**asdict(i), "tool": f"open {i.tool}"} for i in base_opens + opens if i.error]
    report["error_count"] = len(report["errors"])
    report["target"]["zero_errors"] = not report["errors"]
    report["client"] = "protocol (websocket, no browser)"
    report["mode"] = mode
    if paced:
        report["think_s"] = list(think)
    report["open_page"] = {"single_user": _open_stats(base_opens),
                           "concurrent": _open_stats(opens)}
    report["cpu_s_concurrent_phase"] = {
        "server": None if cpu0 is None or cpu1 is None else round(cpu1 - cpu0, 2),
        "client": round(client1 - client0, 2)}
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20, help="concurrent sessions (default 20)")
    ap.add_argument("--tools", default="chat,summarizer,planner", help="comma-separated: " + ",".join(TOOLS))
    ap.add_argument("--mode", choices=["burst", "paced", "both"], default="burst",
                    help="burst: every session at once, back to back; paced: think time between actions; "
                         "both: burst then paced against the same server, after one baseline")
    ap.add_argument("--think", default="5,15", help="paced mode: think time range in seconds, MIN,MAX")
    ap.add_argument("--baseline-runs", type=int, default=3, help="single-user runs; the median is the baseline")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds one request may take")
    ap.add_argument("--url", help="a running server to load instead of starting one")
    ap.add_argument("--server-pid", type=int, help="with --url: the server's process id, to report its CPU time")
    add_out_option(ap)
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    think = tuple(float(x) for x in args.think.split(","))
    if unknown or not tools or args.sessions < 1 or args.baseline_runs < 1 or len(think) != 2 or think[0] > think[1]:
        ap.error(f"unknown tools {unknown}" if unknown
                 else "need a tool, a session, a baseline run and --think MIN,MAX")
    modes = ["burst", "paced"] if args.mode == "both" else [args.mode]

    async def phases(url: str, pid: int | None) -> dict:
        base = await single_user(url, tools, args.baseline_runs, args.timeout, pid)
        out = {}
        for i, mode in enumerate(modes):
            out[mode] = await run_load(url, args.sessions, tools, mode=mode, think=think, timeout_s=args.timeout,
                                       server_pid=pid, baseline=base, first=1 + args.baseline_runs + i * args.sessions)
        return out

    if args.url:
        reports = asyncio.run(phases(args.url.rstrip("/"), args.server_pid))
    else:
        from tests.live_server import streamlit_server

        with tempfile.TemporaryDirectory(prefix="medcore-load-") as tmp, \
                streamlit_server(Path(tmp), env=SERVER_ENV) as url:
            reports = asyncio.run(phases(url, url.proc.pid))
    report = reports[modes[0]] if len(modes) == 1 else reports
    emit(report, args.out)
    return 0 if all(r["error_count"] == 0 for r in reports.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
