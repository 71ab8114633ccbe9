"""Load test: several concurrent browser sessions against one running Streamlit server of the app.

Each session is a fresh headless-Chromium context (its own Streamlit session and workspace) that chats in the
symptom chat, summarizes a pasted note and makes a treatment plan for the example patient. Each interaction
is timed from the user's action (Enter, or the button press) to the visible answer. The single-user baseline
runs first in the same process, against the same server, after one unmeasured warm-up pass (the first visit
of each page imports code and builds cached knowledge bases; that is start-up cost, not load).

An error is a visible exception element or traceback, an `st.error` alert, a timeout or a page crash.
The issue's target (14): zero errors, and p95 of each interaction within 2x the single-user time.

Run: python bench/load_sessions.py [--sessions 20] [--tools chat,summarizer,planner] [--timeout 120]
     (starts its own server with a temporary database; --url uses a running one instead)"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: `tests` and `medcore` are packages at the repo root
    sys.path.insert(0, str(REPO))

from medcore.benchtime import percentile  # noqa: E402
from tests.live_server import CHROMIUM, FLAGS, NO_CHROMIUM, streamlit_server  # noqa: E402

TARGET_RATIO = 2.0
ERROR_SELECTORS = {  # what a user would see as a failure
    "exception": "[data-testid='stException']",
    "st.error": "[data-testid='stAlertContentError']",
}


@dataclass
class Interaction:
    session: int
    tool: str
    seconds: float | None  # None when it did not finish
    error: str = ""


# ---- the scripted interactions: each prepares the page, then times only the user's action --------------------
# Text differs per session (age, dose) so that no session is served another's cached result.

async def open_tool(page, title: str) -> None:
    """Through the sidebar, as a user does (a typed deep link such as /triage first shows Streamlit's
    "Page not found" dialog over the page, which blocks clicks)."""
    await page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


async def chat(page, n: int) -> float:
    await open_tool(page, "Symptom chat")
    box = page.get_by_placeholder("Describe your symptoms, or answer the question")
    await box.wait_for()
    turns = page.locator("[data-testid='stChatMessage']")
    before = await turns.count()
    # no red flags: the engine updates its differential and asks the next most informative question
    await box.fill(f"I am {20 + n % 50}, female, and I have had a sore throat and a runny nose for two days")
    t0 = time.perf_counter()
    await box.press("Enter")
    await turns.nth(before + 1).wait_for()  # the story, then the engine's answer
    return time.perf_counter() - t0


def sample_note(n: int) -> str:
    """A short fictional note; the age and dose vary with the session number."""
    return (f"HPI: {50 + n % 40}-year-old woman with cough and fever for 3 days, no chest pain.\n"
            f"Medications: amoxicillin {500 + 5 * n} mg three times daily. Metformin 500 mg twice daily.\n"
            "Allergies: penicillin (rash).\n"
            "Labs: WBC 14.2 (high). Creatinine 1.0.\n"
            "Assessment: community-acquired pneumonia. Type 2 diabetes.\n"
            "Plan: chest X-ray today; review in 48 hours.\n")


async def summarize(page, n: int) -> float:
    await open_tool(page, "Record summarizer")
    box = page.get_by_label("Clinical note")
    await box.wait_for()
    await box.fill(sample_note(n))
    t0 = time.perf_counter()
    await page.get_by_role("button", name="Summarize pasted note").click()
    await page.get_by_text("Narrative summary").first.wait_for()
    await page.get_by_text(f"{50 + n % 40}-year-old").first.wait_for()  # this session's note, summarized
    return time.perf_counter() - t0


async def plan(page, n: int) -> float:
    await open_tool(page, "Treatment planner")
    await page.get_by_role("tab", name="Import FHIR R4 Bundle").click()
    await page.get_by_role("button", name="Load example bundle").click()
    await page.get_by_text("Example bundle imported").first.wait_for()
    await page.get_by_role("tab", name="Profile form").click()  # the form, now filled from the bundle
    t0 = time.perf_counter()
    await page.get_by_role("button", name="Make plan").click()
    await page.get_by_text("Review: accept, reject or modify").first.wait_for()
    return time.perf_counter() - t0


SCENARIOS = {"chat": chat, "summarizer": summarize, "planner": plan}


async def visible_errors(page) -> str:
    """What a user would see as a failure, with the start of its text; "" when none."""
    found = []
    for name, sel in ERROR_SELECTORS.items():
        el = page.locator(sel)
        if await el.count():
            found.append(f"{name}: {(await el.first.inner_text())[:160]!r}")
    if await page.get_by_text("Traceback").count():
        found.append("traceback")
    return "; ".join(found)


async def run_session(browser, url: str, n: int, tools: list[str], timeout_s: float) -> tuple[list[Interaction], bool]:
    """One user: a fresh context, each tool once in order. Returns the interactions and whether the session
    reached its end (a crashed page ends it early)."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    ctx = await browser.new_context(viewport={"width": 1400, "height": 1000})
    out: list[Interaction] = []
    try:
        page = await ctx.new_page()
        page.set_default_timeout(timeout_s * 1000)
        for tool in tools:
            try:
                if not out:
                    await page.goto(url)
                seconds = await SCENARIOS[tool](page, n)
            except PlaywrightTimeout as exc:  # name the step that waited, from Playwright's call log
                waiting = [ln.strip() for ln in str(exc).splitlines() if "waiting for" in ln]
                out.append(Interaction(n, tool, None, f"timeout after {timeout_s:.0f} s"
                                       + (f" ({waiting[0]})" if waiting else "")))
                continue
            except PlaywrightError as exc:  # a crashed or closed page: the session cannot go on
                out.append(Interaction(n, tool, None, f"page error: {str(exc).splitlines()[0]}"))
                return out, False
            out.append(Interaction(n, tool, seconds, await visible_errors(page)))
        return out, True
    finally:
        await ctx.close()


def summarize_runs(tools, baseline: list[Interaction], concurrent: list[Interaction], sessions: int,
                   finished: int, wall_s: float) -> dict:
    single = {t: statistics.median(i.seconds for i in baseline if i.tool == t and i.seconds is not None)
              if any(i.tool == t and i.seconds is not None for i in baseline) else None for t in tools}
    per_tool = {}
    for t in tools:
        xs = [i.seconds for i in concurrent if i.tool == t and i.seconds is not None]
        p95 = percentile(xs, 0.95) if xs else None
        per_tool[t] = {"single_user_s": _r(single[t]), "done": len(xs),
                       "p50_s": _r(percentile(xs, 0.5) if xs else None), "p95_s": _r(p95),
                       "max_s": _r(max(xs) if xs else None),
                       "p95_over_single": _r(p95 / single[t] if p95 and single[t] else None, 2)}
    errors = [asdict(i) for i in baseline + concurrent if i.error]
    ratios = [v["p95_over_single"] for v in per_tool.values()]
    return {"sessions": sessions, "tools": list(tools), "per_tool": per_tool,
            "sessions_finished": finished, "errors": errors, "error_count": len(errors),
            "concurrent_wall_s": _r(wall_s),
            "target": {"zero_errors": not errors, "max_p95_over_single": TARGET_RATIO,
                       "ratio_met": all(r is not None and r <= TARGET_RATIO for r in ratios)}}


def _r(x, nd: int = 3):
    return None if x is None else round(x, nd)


async def run_load(url: str, sessions: int, tools: list[str], *, baseline_runs: int = 3,
                   timeout_s: float = 120.0) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            await run_session(browser, url, 0, tools, timeout_s)  # warm-up, not counted
            baseline: list[Interaction] = []
            for r in range(baseline_runs):
                baseline += (await run_session(browser, url, 1 + r, tools, timeout_s))[0]
            first = 1 + baseline_runs
            t0 = time.perf_counter()
            results = await asyncio.gather(*(run_session(browser, url, first + k, tools, timeout_s)
                                             for k in range(sessions)))
            wall = time.perf_counter() - t0
        finally:
            await browser.close()
    concurrent = [i for ints, _ in results for i in ints]
    return summarize_runs(tools, baseline, concurrent, sessions, sum(ok for _, ok in results), wall)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    ap.add_argument("--tools", default="chat,summarizer,planner", help="comma-separated: " + ",".join(SCENARIOS))
    ap.add_argument("--baseline-runs", type=int, default=3, help="single-user runs; the median is the baseline")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds one interaction may take")
    ap.add_argument("--url", help="a running server to load instead of starting one")
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in SCENARIOS]
    if unknown or not tools or args.sessions < 1 or args.baseline_runs < 1:
        ap.error(f"unknown tools {unknown}" if unknown else "need at least one tool, session and baseline run")
    if CHROMIUM is None:
        print(NO_CHROMIUM, file=sys.stderr)
        return 2
    kw = dict(baseline_runs=args.baseline_runs, timeout_s=args.timeout)
    if args.url:
        report = asyncio.run(run_load(args.url.rstrip("/"), args.sessions, tools, **kw))
    else:
        with tempfile.TemporaryDirectory(prefix="medcore-load-") as tmp, streamlit_server(Path(tmp)) as url:
            report = asyncio.run(run_load(url, args.sessions, tools, **kw))
    print(json.dumps(report, indent=1))
    return 0 if report["error_count"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
