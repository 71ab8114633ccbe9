"""A real Streamlit server of the app on a free local port, and the headless Chromium that drives it.

Shared by the browser tests (tests/test_browser.py), the load test (tests/test_load.py) and the load bench
(bench/load_sessions.py), so that all three start the app the same way."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE_CACHE = REPO / ".data" / "test-knowledge-cache"  # tests/conftest.py's, shared by every test
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "Chromium not installed (scripts/setup.sh --test installs it)"

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


class ServerError(RuntimeError):
    """The server did not answer its health check in time; the message ends with its log."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The server's base URL (a str, so callers use it as one) that also knows its process."""

    proc: subprocess.Popen

    def kill9(self) -> None:
        """SIGKILL the server's whole process group (the server and any engine workers it forked): a crash,
        not a shutdown. Training jobs run in their own session and are not touched."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)


@contextmanager
def streamlit_server(data: Path, *, start_timeout: float = 120.0, env: dict | None = None,
                     args: tuple[str, ...] = (), module: tuple[str, ...] = ("ui.launch",),
                     repo: Path = REPO) -> Iterator[Server]:
    """Run `streamlit run app.py` with its own data dir and SQLite database under `data` and the template
    text backend; yield its base URL once /_stcore/health answers, and stop it afterwards. `args` go to
    `streamlit run` (e.g. `--secrets.files PATH`); `module` is what `python -m` starts (a bench may wrap ui.launch),
    `repo` the checkout it runs (a bench may compare two).
    The server's log is data/server.log (appended to, so a restarted server keeps the first one's log)."""
    data = Path(data)
    data.mkdir(parents=True, exist_ok=True)
    port = free_port()
    # Engine workers are not warmed at start unless asked for (the load benches do): in tests each server would
    # spend ~25 s of CPU loading both tools in two workers, which most tests never use. The built terminology
    # (ICD-10-CM and HPO lexicon, about 20 s of CPU in a new folder) is the test suite's shared one, as in every
    # other test (tests/conftest.py): its folder is named by the digest of its inputs, so it is never stale.
    run_env = {"MEDCORE_ENGINE_WARM": "0", "MEDCORE_KNOWLEDGE_CACHE_DIR": str(KNOWLEDGE_CACHE), **os.environ,
               "MEDCORE_DATA_DIR": str(data),
               "MEDCORE_LLM_BACKEND": "template", "MEDCORE_DATABASE_URL": f"sqlite:///{data / 'app.db'}", **(env or {})}
    with open(data / "server.log", "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", *module, "app.py", "--server.port", str(port),
                                 "--server.headless", "true", "--server.fileWatcherType", "none",
                                 "--browser.gatherUsageStats", "false", *args],
                                cwd=repo, env=run_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = Server(f"http://127.0.0.1:{port}")
    url.proc = proc
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise ServerError("streamlit did not start:\n"
                                      + (data / "server.log").read_text(errors="replace")[-3000:]) from None
                time.sleep(0.5)
        yield url
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


@contextmanager
def chromium_browser():
    """Headless Chromium from the machine's install (CHROMIUM), with the flags every browser test uses."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def start_demo_job(page, url: str, steps: int, pause_s: float = 0.05) -> None:
    """Start the Model lab's demonstration job through the page, as a user does, and wait until it is listed."""
    page.goto(f"{url}/model_lab")
    demo = page.get_by_test_id("stExpander").filter(has_text="Start the demonstration job")
    demo.wait_for()
    box = demo.get_by_label("Steps")
    box.fill(str(steps))
    box.press("Enter")
    delay = demo.get_by_label("Pause per step (s), to watch it")
    delay.fill(f"{pause_s:g}")
    delay.press("Enter")
    demo.get_by_role("button", name="Start demonstration job").click()
    page.get_by_text("Job 1: Demonstration").first.wait_for()
