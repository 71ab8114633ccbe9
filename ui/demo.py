"""The stakeholder demo: Home loads sample inputs for every tool; each page takes its own once."""

from __future__ import annotations

import streamlit as st

from medcore.status import TOOLS, demo_payloads
from ui.auth import current_user
from ui.loaders import get_settings


def load_all() -> list[str]:
    """Loads the demo of each ready tool this user may open; returns those tools' titles, as the sidebar names
    them (not the internal keys "qa", "therapy")."""
    payloads = demo_payloads(get_settings(), current_user())
    st.session_state["demo"] = payloads
    return [t.title for t in TOOLS if t.key in payloads]


def take_demo(key: str) -> dict | None:
    demo = st.session_state.get("demo") or {}
    return demo.pop(key, None)
