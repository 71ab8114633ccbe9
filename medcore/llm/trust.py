"""An admin's choice to send an endpoint the text as it is (MEDCORE_LLM_TRUSTED) is kept in the audit log.

The app writes the row when it opens its store (ui/loaders.py). Every other process that builds a backend (the
CLI, job workers, the engine workers) writes it when it builds the trusted backend (factory.py), before any text
is sent; when the row cannot be written there, the endpoint is treated as untrusted and gets de-identified text.
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

log = logging.getLogger(__name__)

ACTION = "llm_endpoint_trusted"


def audit_trust(store, settings, *, via: str) -> str | None:
    """Write the row; None when written, the reason when the database refused it (read-only, full)."""
    return store.audit_unless_refused(
        ACTION, tool="llm", user=settings.user, object_type="llm_endpoint",
        object_id=urlparse(settings.llm_base_url).netloc or settings.llm_base_url, backend=settings.llm_backend,
        model=settings.llm_model[:64], page=via)


def trust_recorded(settings, *, via: str = "engine") -> bool:
    """True when the endpoint may get text as it is: trusted in the settings and that choice now in the audit log."""
    if not (settings.llm_backend == "openai" and settings.llm_trusted):
        return False
    from medcore.store import Store, StoreError

    try:
        store = Store.open(settings)
    except StoreError as exc:
        log.warning("endpoint trust not recorded (%s): text will be de-identified", exc)
        return False
    try:
        refused = audit_trust(store, settings, via=via)
    finally:
        store.engine.dispose()
    if refused:
        log.warning("endpoint trust not recorded (%s): text will be de-identified", refused)
    return refused is None
