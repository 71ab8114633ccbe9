"""The page's way to sample images: in the engine worker pool under its time budget, so a large batch with
many diffusion steps cannot stall the server for everyone (the CLI samples directly). Each worker loads a
checkpoint once and keeps it while the file is unchanged; a SampleError pickles back from the worker.
Inline (engine_workers 0) the server samples with the model the page already holds (its one cached copy,
under that copy's lock) instead of loading a second one here."""

from __future__ import annotations

import threading
from pathlib import Path

from medcore.auth import User, check_tool
from medcore.imaging.sample import LoadedModel, SampleBatch, SampleRequest, generate, load_model

_models: dict[tuple[str, int], LoadedModel] = {}
_lock = threading.Lock()


def _model(path: str) -> LoadedModel:
    stamp = Path(path).stat().st_mtime_ns if Path(path).exists() else 0
    model = _models.get((path, stamp))
    if model is None:
        _models.clear()  # one model per worker: a switch frees the previous one
        model = _models[(path, stamp)] = load_model(path)
    return model


def _sample_in_worker(settings, path: str, req: SampleRequest, progress=None) -> SampleBatch:
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    # A worker runs one task at a time; inline (engine_workers 0) the lock keeps sessions off one model at once.
    with _lock:
        return generate(_model(path), req, progress.report if progress is not None else None)


def sample_bounded(settings, path: str, req: SampleRequest, *, loaded: LoadedModel | None = None,
                   lock=None, user: User, progress=None) -> SampleBatch:
    """generate() in the pool; over the budget it raises workpool.EngineTimeout with a message for the person.

    `loaded` (with its `lock`) is the caller's copy of the model at `path`; when sampling runs in this process
    it is used as it is, so the server never holds two copies of one checkpoint. `user`: the page's signed-in user,
    who must be allowed the imaging tool (checked here too, not only by the page; required: the CLI passes auth.SYSTEM).
    `progress` (sample_progress.SampleProgress): the step after each denoising step, and the page's cancel."""
    from medcore import workpool

    check_tool(user, "imaging")
    req.validate()  # refuse a bad request before a worker is involved
    if loaded is not None and settings.engine_workers <= 0:
        from medcore.runtime import apply_thread_policy

        apply_thread_policy(settings.torch_threads)
        with lock or _lock:
            return generate(loaded, req, progress.report if progress is not None else None)
    return workpool.run(settings, _sample_in_worker, settings, path, req, progress)
