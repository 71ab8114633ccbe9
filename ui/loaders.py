"""Process-wide resources. Models are shared by every browser session, so each comes with a lock."""

from __future__ import annotations

import os
from typing import Any, Callable

import streamlit as st

from medcore.config import REPO_ROOT, Settings
from medcore.model_cache import ModelCache, Shared  # noqa: F401 - Shared re-exported for pages
from medcore.store import Store


_SECRETS = REPO_ROOT / ".streamlit" / "secrets.toml"  # where Settings.load() reads them
_settings: tuple[tuple, Settings] | None = None


def _settings_inputs() -> tuple:
    """What Settings.load() reads: the MEDCORE_* variables and the secrets file (its stamp, not its text)."""
    try:
        st_ = _SECRETS.stat()
        stamp = (st_.st_mtime_ns, st_.st_size)
    except OSError:
        stamp = None
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("MEDCORE_"))), stamp


def get_settings() -> Settings:
    # Loaded again only when its inputs change (tests change env vars between runs in one process): a planner run
    # asked for them 18 times, and each load tried to open the secrets file (about 5 ms a run; issue 14).
    # Settings is frozen, so one object can serve every session.
    global _settings
    key = _settings_inputs()
    hit = _settings
    if hit is not None and hit[0] == key:
        return hit[1]
    settings = Settings.load()
    _settings = (key, settings)
    return settings


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    from medcore import jobs

    store = Store(url)
    # Jobs left 'running' by a previous app process that crashed are failed now, with the reason (a read-only
    # database cannot be changed: the Model lab says so, ui.jobs_panel.reconcile).
    jobs.reconcile_for_reading(store)
    settings = get_settings()
    if settings.llm_backend == "openai" and settings.llm_trusted:
        # Sending PHI as it is to an endpoint is a decision someone made; the audit log keeps it (medcore.llm.trust;
        # a backend the app builds writes its own row before any text goes out, or de-identifies).
        from medcore.llm.trust import audit_trust

        audit_trust(store, settings, via="app")
    return store


def base_store() -> Store:
    """The store acting as the system itself (sign-in uses it); pages use get_store()."""
    return _store(get_settings().resolved_database_url)


def get_store() -> Store:
    """The store acting for this session's user: their own work only, and their role's actions only."""
    from ui.auth import current_user

    return base_store().as_user(current_user())


@st.cache_resource(show_spinner=False)
def _model_cache(max_items: int, max_mb: float) -> ModelCache:
    return ModelCache.from_limits(max_items, max_mb)


def model_cache() -> ModelCache:
    """The server's one model cache, bounded by the settings (MEDCORE_MODEL_CACHE_MAX_ITEMS / _MAX_MB)."""
    settings = get_settings()
    return _model_cache(settings.model_cache_max_items, settings.model_cache_max_mb)


def shared(key: str, factory: Callable[[], Any]) -> Shared:
    """One object per key for the whole server (e.g. a model); use `with s.lock:` around calls. The least
    recently used object leaves the cache when it is over its limits (medcore.model_cache)."""
    return model_cache().get(key, factory)


@st.cache_resource(show_spinner=False, ttl=30)
def _device_label(override: str) -> str:
    from medcore.runtime import device_label as label  # imports torch only where it could find a GPU

    return label(override)


def device_label(settings: Settings) -> str:
    return _device_label(settings.device)
