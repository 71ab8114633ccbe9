"""Start Streamlit on the app with its old pages-folder mode off from the very first run.

Streamlit treats a folder named `pages/` beside the entry script as a version-1 multipage app until the
first `st.navigation` call turns that off, process-wide. So the first run after the server starts looks a
deep link such as /triage up among the version-1 pages, finds nothing and shows a "Page not found" dialog
over the right page (streamlit#9992, #8860). Turning the flag off before the server starts removes it.
`python -m medcore serve` and the browser tests start the app through here. It also starts and warms the engine
worker pool in the background (warm_engines); under a bare `streamlit run app.py` the app's first script run asks
for the same (once per process; not under AppTest, which has no Streamlit runtime).
"""

from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger(__name__)

# Run in each engine worker at start (medcore.workpool.warm), by name: the server process imports neither tool
# for this. The planner's first (its knowledge base, about 1 s), the knowledge graph's (built into the data folder
# on a new install, seconds; then read from there), then the summarizer's (about 10 s), then the symptom chat's
# (its embedding matrix, computed into the knowledge cache on a new install: the chat itself runs in the server).
WARMERS = ["medcore.therapy.bounded:warm_worker", "medcore.knowledge.service:warm_worker",
           "medcore.records.service:warm_worker", "medcore.triage.service:warm_worker"]

_warm_lock = threading.Lock()
_warm_asked = False  # once per process: app.py asks on every script run, the launcher before the server starts


def warm_engines() -> None:
    """Start the engine workers in the background while the server starts, so that neither the first summary or
    plan nor the first one that finds a worker busy under load waits seconds for a new worker (issue 14). Only the
    first call in a process does anything (and workpool warms a pool once), so a script run pays one flag check;
    MEDCORE_ENGINE_WARM=0 (engine_warm) turns it off."""
    global _warm_asked
    with _warm_lock:
        if _warm_asked:
            return
        _warm_asked = True
    from medcore import workpool
    from medcore.config import Settings, SettingsError

    try:
        settings = Settings.load()
    except SettingsError:  # the app shows the reason on every page; nothing to warm
        return
    if workpool.warm_in_background(settings, WARMERS) is not None:
        log.info("warming %d engine worker(s) in the background", settings.engine_workers)


def main(argv: list[str]) -> int:
    from streamlit.runtime import pages_manager
    from streamlit.web import cli

    if hasattr(pages_manager.PagesManager, "uses_pages_directory"):
        pages_manager.PagesManager.uses_pages_directory = False
    else:  # a Streamlit release without the flag: the app still runs, deep links may show the dialog
        log.warning("streamlit.runtime.pages_manager.PagesManager has no uses_pages_directory flag")
    sys.argv = ["streamlit", "run", *argv]
    warm_engines()
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
