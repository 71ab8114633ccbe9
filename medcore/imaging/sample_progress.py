"""Progress and cancel for one sampling run, across the process boundary of the engine worker pool.

Sampling runs in a worker process (or, with engine_workers 0, a thread of the server), so the page cannot read its
loop's variables. As a training job writes progress rows and polls a cancel flag (medcore.job_worker), a sampling
run writes its step to a small file after every denoising step and looks for a cancel file first; the page reads
the one and writes the other. A file, not a store row: a batch is a few seconds to minutes, belongs to one page
session, and is not a job anyone else watches or resumes.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from medcore.atomic import tmp_sibling
from medcore.imaging.sample import SampleError

log = logging.getLogger(__name__)
STALE_S = 24 * 3600  # a run's folder this old is left over (a reload left its batch unseen): removed at the next run


class SampleCancelled(SampleError):
    """The person cancelled the batch; the message says that nothing was made."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    elapsed_s: float

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the pace so far (None before the first step: no pace yet)."""
        return self.elapsed_s / self.done * (self.total - self.done) if self.done else None


@dataclass(frozen=True)
class SampleProgress:
    """One run's folder (a plain string, so it crosses to a worker process as it is)."""

    folder: str

    @classmethod
    def new(cls, settings) -> "SampleProgress":
        root = settings.path("imaging", "sampling")
        for old in root.iterdir():
            try:
                if old.is_dir() and time.time() - old.stat().st_mtime > STALE_S:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError as exc:  # another server removed it first
                log.debug("left-over sampling folder %s: %s", old, exc)
        folder = settings.path("imaging", "sampling", uuid.uuid4().hex)
        (folder / "started").write_text(repr(time.time()), encoding="utf-8")
        return cls(str(folder))

    @property
    def _dir(self) -> Path:
        return Path(self.folder)

    def report(self, done: int, total: int) -> None:
        """The sampling loop's callback: stop here if cancelled, else record the step."""
        if self.cancelled():
            raise SampleCancelled(f"Cancelled at step {done} of {total}: no images were made, and nothing was "
                                  "saved.")
        target = self._dir / "step.json"
        tmp = tmp_sibling(target)
        try:
            tmp.write_text(json.dumps({"done": done, "total": total}), encoding="utf-8")
            tmp.replace(target)
        except OSError as exc:  # the bar stalls; the images still come: not worth stopping the batch for
            log.warning("sampling progress not written to %s: %s", target, exc)

    def read(self) -> Progress:
        try:
            started = float((self._dir / "started").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            started = time.time()
        try:
            step = json.loads((self._dir / "step.json").read_text(encoding="utf-8"))
            done, total = int(step["done"]), int(step["total"])
        except (OSError, ValueError, KeyError, TypeError):  # no step yet (loading the model): 0 of unknown
            done, total = 0, 0
        return Progress(done, total, max(0.0, time.time() - started))

    def cancel(self) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        (self._dir / "cancel").touch()

    def cancelled(self) -> bool:
        return (self._dir / "cancel").exists()

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)
