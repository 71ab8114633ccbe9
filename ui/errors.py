"""The error boundary: people see a friendly message and an error id; the traceback goes to the log."""

from __future__ import annotations

import logging
import uuid
from contextlib import contextmanager
from typing import Iterator

import streamlit as st

log = logging.getLogger("medcore.ui")

_CONTROL_FLOW = {"StopException", "RerunException", "ScriptControlException"}


def _is_control_flow(exc: BaseException) -> bool:
    # st.stop()/st.rerun() work by raising; they must pass through untouched.
    return any(cls.__name__ in _CONTROL_FLOW for cls in type(exc).__mro__)


@contextmanager
def error_boundary(doing: str = "doing that") -> Iterator[None]:
    try:
        yield
    except Exception as exc:  # noqa: BLE001
        if _is_control_flow(exc):
            raise
        from medcore.auth import AccessDenied
        from medcore.store import StoreError

        if isinstance(exc, StoreError):  # honest: a failed save is not "nothing lost"
            error_id = uuid.uuid4().hex[:8]
            log.warning("store error %s while %s: %s", error_id, doing, exc)
            st.error(f"{exc}. What you entered is still on this page; copy it somewhere safe before you leave. "
                     f"(error id `{error_id}`)", icon=":material/database:")
            return
        from medcore.workpool import WorkLimitError

        if isinstance(exc, (AccessDenied, WorkLimitError)):  # not a fault: a limit, said plainly
            log.info("refused while %s: %s", doing, exc)
            st.error(str(exc), icon=":material/lock:" if isinstance(exc, AccessDenied) else ":material/timer:")
            return
        from medcore.errors import DomainError

        if isinstance(exc, DomainError):  # the person's input refused, in the tool's own words: not a fault
            from ui.frame import md_escape

            log.info("input refused while %s: %s", doing, exc)
            st.error(md_escape(str(exc)), icon=":material/edit_note:")
            return
        error_id = uuid.uuid4().hex[:8]
        log.exception("error %s while %s", error_id, doing)
        st.error(
            f"Something went wrong while {doing}. Nothing you entered was lost. "
            f"If it happens again, quote error id `{error_id}`.",
            icon=":material/error:",
        )
        if _tests_see_errors():  # the person sees the same message; a page test also gets the exception
            raise


def _tests_see_errors() -> bool:
    from medcore.config import SettingsError
    from ui.loaders import get_settings

    try:
        return get_settings().raise_ui_errors
    except SettingsError:  # a bad setting is reported by the page that loads them, not here
        return False
