"""Work in progress survives a reload: it lives in the store under a workspace id kept in the URL."""

from __future__ import annotations

import uuid

import streamlit as st

from medcore.store import WorkRecord
from ui.loaders import get_settings, get_store

PARAM = "ws"


def workspace_id() -> str:
    ws = st.query_params.get(PARAM)
    if not ws or not str(ws).isalnum() or len(str(ws)) > 32:
        ws = st.session_state.get("_workspace") or uuid.uuid4().hex[:12]
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
                             reason=reason, user=get_settings().user)
    st.session_state[_key(kind)] = new_id
    st.session_state.pop(_key(kind) + ":new", None)
    return new_id


def new_work(kind: str) -> None:
    """Start afresh: the next save creates a new item (the old one stays in the store)."""
    st.session_state.pop(_key(kind), None)
    st.session_state[_key(kind) + ":new"] = True
