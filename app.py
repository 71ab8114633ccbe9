"""Medcore Studio: the router and the frame around every page."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st
from streamlit.runtime import Runtime

from medcore.auth import AuthError, can_use_tool
from medcore.heap import SERVER_HEAP
from medcore.status import TOOLS
from medcore.store import StoreError
from ui.auth import access_mode, current_user, sign_in_form, sign_out
from ui.errors import error_boundary
from ui.frame import DISCLAIMER, md_escape, not_available_page
from ui.launch import warm_engines
from ui.loaders import base_store, device_label, get_settings

ROOT = Path(__file__).resolve().parent
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

st.set_page_config(page_title="Medcore Studio", page_icon=":material/health_and_safety:", layout="wide")


def tool_page(tool) -> st.Page:
    if (ROOT / tool.page).exists():
        return st.Page(tool.page, title=tool.title, icon=tool.icon, url_path=tool.key)
    return st.Page(not_available_page(tool.key), title=tool.title, icon=tool.icon, url_path=tool.key)


LAB_PATH, TEAMS_PATH = "model_lab", "teams"


def only(page_fn, title: str) -> None:
    """Serve this one page and nothing else: without st.navigation, Streamlit would fall back to listing
    every file in pages/. It answers at every page's URL path as well: a bookmarked tool or workspace URL opened
    before sign-in would otherwise get a "Page not found" dialog over the sign-in form (which leaves the form
    unusable until it is closed) and lose its path, so the page it named would not open once signed in."""
    paths = [t.key for t in TOOLS] + [LAB_PATH, TEAMS_PATH]
    st.navigation([st.Page(page_fn, title=title, default=True)]
                  + [st.Page(page_fn, title=title, url_path=p) for p in paths], position="hidden").run()
    st.stop()


settings = get_settings()
# Served (`streamlit run app.py` too): start and warm the engine workers, once per process. Not under AppTest, whose
# Runtime is a mock: a page test would start worker processes it never uses.
if Runtime.exists() and type(Runtime.instance()) is Runtime:
    warm_engines()
try:
    mode = access_mode()
except AuthError as exc:
    # Reachable from other machines with no sign-in: serve nothing but the reason.
    def refused(msg: str = str(exc)) -> None:
        st.error(msg, icon=":material/lock:")

    only(refused, "Not available")
try:
    base_store()  # opens (checks, migrates) the database once; reconciles jobs left by a crashed run
except StoreError as exc:
    def no_database(msg: str = str(exc)) -> None:
        st.error(f"The database cannot be opened: {msg}", icon=":material/database:")

    only(no_database, "Database error")
user = current_user()
if not user.name:
    only(sign_in_form, "Sign in")

# The page list is built from the user's role; every action is checked again in medcore.
by_section: dict[str, list[st.Page]] = {"": [st.Page("pages/home.py", title="Home", icon=":material/home:",
                                                     default=True)]}
for tool in TOOLS:
    if can_use_tool(user, tool.key):
        by_section.setdefault(tool.section, []).append(tool_page(tool))
if can_use_tool(user, "lab"):
    by_section["Admin"] = [st.Page("pages/model_lab.py", title="Model lab", icon=":material/science:",
                                   url_path=LAB_PATH)]
# Everyone sees their teams and the jobs shared with them; an admin also manages them there.
by_section.setdefault("Admin" if user.is_admin else "Account", []).append(
    st.Page("pages/teams.py", title="Teams", icon=":material/groups:", url_path=TEAMS_PATH))

nav = st.navigation(by_section)

with st.sidebar:
    if mode == "local":
        st.caption(":material/computer: Local mode: only this computer can connect, so there is no sign-in.")
    else:
        # an OIDC user's name is the provider's e-mail claim: shown as typed, never as markdown
        st.caption(f":material/person: Signed in as **{md_escape(user.name)}** ({user.role})")
        st.button("Sign out", on_click=sign_out, key="sign_out")
    st.caption(f"Compute: {device_label(settings)}")
    st.caption(f"Text backend: {settings.llm_backend}")
    st.caption(DISCLAIMER)

# Pages guard their own actions; this catches anything they missed, so no traceback reaches the browser.
with error_boundary(f"showing {nav.title}"):
    nav.run()
# After a tool's first use has loaded its knowledge base: keep those objects out of later full collections.
SERVER_HEAP.after_run()
