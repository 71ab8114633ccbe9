"""What every page shows around its content: title, the disclaimer, and 'not available yet'."""

from __future__ import annotations

import re

import streamlit as st

from medcore.status import ToolStatus, tool, tool_ready
from ui.loaders import get_settings

DISCLAIMER = (
    "**Research and education use only.** Medcore Studio is not a medical device and must not be used for "
    "clinical decisions. Every output is machine-generated and can be wrong; generated images are synthetic."
)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 image', '6 images': a count with its noun agreeing."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def md_escape(text: str) -> str:
    """Untrusted text (a file, class or job name) inside a markdown string shows as typed: no links, no
    images (an image URL is fetched by every viewer's browser), no emphasis."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def disclaimer(where=st) -> None:
    where.warning(DISCLAIMER, icon=":material/health_and_safety:")


@st.cache_data(ttl=20, show_spinner=False)
def _status(key: str, _settings_key: str) -> ToolStatus:
    # readiness only: the full component check is Home's (pages/home.py), not every page's
    return tool_ready(tool(key), get_settings())


def page_setup(key: str) -> ToolStatus:
    from ui.auth import require_page

    require_page(key)  # the role check; the store checks again on every action
    info = tool(key)
    st.title(info.title)
    st.caption(info.summary)
    disclaimer()
    settings = get_settings()
    return _status(key, f"{settings.data_dir}|{settings.llm_backend}")


def not_available(status: ToolStatus) -> None:
    with st.container(border=True):
        st.subheader(":material/construction: Not available yet")
        st.write(f"The {status.tool.title.lower()} engine is not built or not installed on this server yet, "
                 "so there is nothing to show here. Nothing on this page is simulated.")
        if status.error:
            st.caption(status.error)
        for c in status.components:
            if not c.ok:
                st.write(f"- missing {c.kind}: **{c.name}** {c.detail}")


def require_tool(key: str) -> ToolStatus:
    """The page frame; a tool that is not ready gets the 'not available yet' panel and the page stops."""
    status = page_setup(key)
    if not status.ready:
        not_available(status)
        st.stop()
    return status


def not_available_page(key: str):
    """A page function for a tool whose page file does not exist yet."""

    def page() -> None:
        status = page_setup(key)
        not_available(status)

    page.__name__ = f"{key}_not_available"
    return page
