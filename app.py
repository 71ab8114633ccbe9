"""Medcore Studio: the router and the frame around every page."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from medcore.status import TOOLS
from ui.errors import error_boundary
from ui.frame import DISCLAIMER, not_available_page
from ui.loaders import device_label, get_settings, get_store

ROOT = Path(__file__).resolve().parent
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

st.set_page_config(page_title="Medcore Studio", page_icon=":material/health_and_safety:", layout="wide")


def tool_page(tool) -> st.Page:
    if (ROOT / tool.page).exists():
        return st.Page(tool.page, title=tool.title, icon=tool.icon, url_path=tool.key)
    return st.Page(not_available_page(tool.key), title=tool.title, icon=tool.icon, url_path=tool.key)


by_section: dict[str, list[st.Page]] = {"": [st.Page("pages/home.py", title="Home", icon=":material/home:",
                                                     default=True)]}
for tool in TOOLS:
    by_section.setdefault(tool.section, []).append(tool_page(tool))
by_section["Admin"] = [st.Page("pages/model_lab.py", title="Model lab", icon=":material/science:",
                               url_path="model_lab")]

nav = st.navigation(by_section)

settings = get_settings()
get_store()  # opens (and migrates) the database once; reconciles jobs left by a crashed run
with st.sidebar:
    st.caption(f"Compute: {device_label(settings)}")
    st.caption(f"Text backend: {settings.llm_backend}")
    st.caption(DISCLAIMER)

# Pages guard their own actions; this catches anything they missed, so no traceback reaches the browser.
with error_boundary(f"showing {nav.title}"):
    nav.run()
