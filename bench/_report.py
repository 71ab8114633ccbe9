"""The glue the bench scripts share: an `--out FILE` option, printing the report (and writing it to FILE when asked)
the same way, running a measurement in a fresh child process, and the machine's load beside the figures."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def add_out_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--out", help="also write the JSON report to this file")


def emit(report: dict, out: str | None) -> None:
    """Print the report as indented JSON; with `out`, write the same text there."""
    text = json.dumps(report, indent=1)
    print(text)
    if out:
        Path(out).write_text(text + "\n")


def run_child(script: str | Path, args: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run `python script args...` in a fresh process (in `cwd`, with `env` or this environment) and return the
    JSON object its last stdout line holds; a failed child raises with the end of its stderr."""
    cmd = [sys.executable, str(Path(script).resolve()), *args]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env)
    if res.returncode:
        raise RuntimeError(f"{' '.join(args)} at {cwd} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages ([] where the OS has none): wall times on a shared machine mean little
    without them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return []
