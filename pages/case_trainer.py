"""Case trainer: synthetic patients for students (engine not built yet)."""

import streamlit as st

from ui.frame import not_available, page_setup

status = page_setup("cases")
if not status.ready:
    not_available(status)
    st.stop()
