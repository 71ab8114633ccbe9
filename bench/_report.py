"""The JSON report glue the bench scripts share: an `--out FILE` option, and printing the report (and writing it
to FILE when asked) the same way."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_out_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--out", help="also write the JSON report to this file")


def emit(report: dict, out: str | None) -> None:
    """Print the report as indented JSON; with `out`, write the same text there."""
    text = json.dumps(report, indent=1)
    print(text)
    if out:
        Path(out).write_text(text + "\n")
