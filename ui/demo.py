"""The stakeholder demo: Home loads sample inputs for every tool; each page takes its own once."""

from __future__ import annotations

import streamlit as st

from medcore.status import demo_payloads
from ui.loaders import get_settings


def load_all() -> list[str]:
    payloads = demo_payloads(get_settings())
    st.session_state["demo"] = payloads
    return sorted(payloads)


def take_demo(key: str) -> dict | None:
    demo = st.session_state.get("demo") or {}
    return demo.pop(key, None)
