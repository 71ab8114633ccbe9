"""Work in progress survives a reload: it lives in the store under a workspace id kept in the URL."""

from __future__ import annotations

import re
import secrets

import streamlit as st

from medcore.store import WorkRecord
from ui.loaders import get_store

PARAM = "ws"
# Only ids this server minted (128 random bits): a typed id such as "test" could be shared by strangers.
# Even a valid id shows only its owner's work, because the store filters by the signed-in user.
_VALID = re.compile(r"^[A-Za-z0-9_-]{22}$")


def new_workspace_id() -> str:
    return secrets.token_urlsafe(16)


def workspace_id() -> str:
    ws = st.query_params.get(PARAM)
    if not ws or not _VALID.match(str(ws)):
        ws = st.session_state.get("_workspace") or new_workspace_id()
        st.query_params[PARAM] = ws
    st.session_state["_workspace"] = ws
    return str(ws)


def _key(kind: str) -> str:
    return f"_work_item:{kind}"


def load_work(kind: str) -> WorkRecord | None:
    """The item this session is working on, else the workspace's latest of that kind."""
    store = get_store()
    item_id = st.session_state.get(_key(kind))
    rec = store.get_work(item_id) if item_id else None
    if rec is None and not st.session_state.get(_key(kind) + ":new"):
        rec = store.latest_work(kind, workspace_id())
    if rec is not None:
        st.session_state[_key(kind)] = rec.id
    return rec


def save_work(kind: str, data: dict, *, title: str = "", reason: str = "", status: str | None = None) -> int:
    store = get_store()
    item_id = st.session_state.get(_key(kind))
    new_id = store.save_work(kind, data, item_id=item_id, title=title, workspace=workspace_id(), status=status,
                             reason=reason)
    st.session_state[_key(kind)] = new_id
    st.session_state.pop(_key(kind) + ":new", None)
    return new_id


def new_work(kind: str) -> None:
    """Start afresh: the next save creates a new item (the old one stays in the store)."""
    st.session_state.pop(_key(kind), None)
    st.session_state[_key(kind) + ":new"] = True
