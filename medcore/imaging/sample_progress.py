"""Progress and cancel for one sampling run, across the process boundary of the engine worker pool.

Sampling runs in a worker process (or, with engine_workers 0, a thread of the server), so the page cannot read its
loop's variables. As a training job writes progress rows and polls a cancel flag (medcore.job_worker), a sampling
run writes its step to a small file after every denoising step and looks for a cancel file first; the page reads
the one and writes the other. A file, not a store row: a batch is a few seconds to minutes and is not a job anyone
else watches or resumes.

The folder lies in its owner's folder (sampling/<owner>/<run>, as imports do) and holds the request (run.json), so a
reload of the page, which starts a new page session with nothing in it, finds the user's running batch here
(`latest`) and re-attaches to it: its bar, its Cancel and its result (session 27). Before, the run lived only in the
page session's state, and a reload lost the bar and the images while the batch ran on unseen.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from medcore.atomic import tmp_sibling
from medcore.auth import User
from medcore.imaging.images import DatasetError
from medcore.imaging.imports import owner_folder
from medcore.imaging.sample import SampleError

log = logging.getLogger(__name__)
STALE_S = 24 * 3600  # a run's folder this old is left over (nobody came back for its batch): removed at the next run
SYSTEM_FOLDER = "_system"  # runs started with no user (the CLI, tests): nobody's page re-attaches to them


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
    def new(cls, settings, user: User | None = None, run: dict | None = None) -> "SampleProgress":
        """A new run's folder in `user`'s folder; `run` (JSON) is what a page needs to re-attach after a reload."""
        _sweep(settings.path("imaging", "sampling"))
        folder = settings.path("imaging", "sampling", _owner(user), uuid.uuid4().hex)
        if run is not None:  # before "started": a run that `latest` can see always has its request
            _write_json(folder / "run.json", {**run, "server_pid": os.getpid()})
        (folder / "started").write_text(repr(time.time()), encoding="utf-8")
        return cls(str(folder))

    @classmethod
    def latest(cls, settings, user: User) -> "SampleProgress | None":
        """`user`'s newest run that no page has collected yet (None when there is none): what a reloaded page
        re-attaches to. Only the owner's own folder is read, so nobody sees another person's batch."""
        root = settings.data_dir / "imaging" / "sampling" / _owner(user)
        runs = []
        for d in root.iterdir() if root.is_dir() else ():
            try:
                if (d / "run.json").is_file() and (d / "started").is_file() and not (d / "collected").exists():
                    runs.append((float((d / "started").read_text(encoding="utf-8")), d))
            except (OSError, ValueError) as exc:  # removed meanwhile by its own page, or half written
                log.debug("sampling run %s skipped: %s", d, exc)
        return cls(str(max(runs)[1])) if runs else None

    def run(self) -> dict:
        """The request saved with the run ({} when it is gone or unreadable)."""
        try:
            return json.loads((self._dir / "run.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.debug("no request in %s: %s", self._dir, exc)
            return {}

    def started_here(self) -> bool:
        """Whether this server process started the run (only it holds the batch's result)."""
        return self.run().get("server_pid") == os.getpid()

    def orphaned(self) -> bool:
        """Whether the server process that started the run is gone (restarted): the batch died with it. A run of
        another live server process (several app servers on one machine) is not orphaned, only not ours."""
        pid = self.run().get("server_pid")
        if not isinstance(pid, int):
            return True
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return True
        except PermissionError:  # it exists, under another account
            return False
        return False

    def claim(self) -> bool:
        """True for the one page that collects the finished batch first (it saves and audits it); False for a
        second tab that re-attached to the same run, so the batch is saved once."""
        try:
            fd = os.open(self._dir / "collected", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except (FileExistsError, FileNotFoundError):  # collected already (the folder may be gone by now)
            return False
        os.close(fd)
        return True

    @property
    def _dir(self) -> Path:
        return Path(self.folder)

    def report(self, done: int, total: int) -> None:
        """The sampling loop's callback: stop here if cancelled, else record the step."""
        if self.cancelled():
            raise SampleCancelled(f"Cancelled at step {done} of {total}: no images were made, and nothing was "
                                  "saved.")
        try:
            _write_json(self._dir / "step.json", {"done": done, "total": total})
        except OSError as exc:  # the bar stalls; the images still come: not worth stopping the batch for
            log.warning("sampling progress not written to %s: %s", self._dir, exc)

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


def _owner(user: User | None) -> str:
    if user is None:
        return SYSTEM_FOLDER
    try:
        return owner_folder(user)
    except DatasetError:  # a name no folder may carry (an over-long sign-in e-mail): its digest, so sampling still runs
        return "u-" + hashlib.sha256(user.name.encode("utf-8")).hexdigest()[:24]


def _write_json(target: Path, data: dict) -> None:
    tmp = tmp_sibling(target)
    tmp.write_text(json.dumps(data), encoding="utf-8")
    tmp.replace(target)


def _sweep(root: Path) -> None:
    """Remove run folders older than STALE_S: sampling/<owner>/<run>, and sampling/<run> from before owners."""
    for entry in list(root.iterdir()):
        runs = [entry] if (entry / "started").exists() else (list(entry.iterdir()) if entry.is_dir() else [])
        for old in runs:
            try:
                if old.is_dir() and time.time() - old.stat().st_mtime > STALE_S:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError as exc:  # another server removed it first
                log.debug("left-over sampling folder %s: %s", old, exc)
