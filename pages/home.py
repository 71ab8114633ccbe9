"""Home: what each tool does, what is loaded, the device, and the stakeholder demo."""

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from medcore.auth import can_use_tool
from medcore.config import MODEL_TEXT_OFF
from medcore.status import all_status, shared_components
from ui.auth import current_user
from ui.demo import load_all
from ui.errors import error_boundary
from ui.frame import disclaimer
from ui.loaders import device_label, get_settings

st.title("Medcore Studio")
st.caption("An offline clinical AI workbench: synthetic images, note summaries, symptom interviews, "
           "treatment plans and practice cases, on your own machine.")
disclaimer()

settings = get_settings()


@st.cache_data(ttl=20, show_spinner=False)  # every visit opens Home; the tool pages' status has the same ttl
def _statuses(_settings_key: str):
    return all_status(get_settings())


CARDS_PER_ROW = 4


def _tool_card(col, s) -> None:
    with col.container(border=True, height="stretch"):
        st.markdown(f"#### {s.tool.icon} {s.tool.title}")
        st.write(s.tool.summary)
        if s.ready:
            st.success("Ready", icon=":material/check:")
        else:
            st.warning("Not available yet", icon=":material/construction:")


# only the tools this user's role may open: a card or link to any other leads to "Page not found"
user = current_user()
statuses = [s for s in _statuses(f"{settings.data_dir}|{settings.kb_dir}|{settings.llm_backend}")
            if can_use_tool(user, s.tool.key)]

c1, c2, c3 = st.columns(3)
c1.metric("Compute device", device_label(settings).split(":")[0])
c1.caption(device_label(settings))
c2.metric("Tools ready", f"{sum(s.ready for s in statuses)} of {len(statuses)}")
c3.metric("Text backend", settings.llm_backend)
if settings.llm_backend == "template":
    c3.caption(MODEL_TEXT_OFF)

st.subheader("Tools")
# At most four cards a row (eight tools: two rows of four): eight columns at a laptop's width (1300 px) left each
# card so narrow that titles broke inside words ("Imag e gener ator"). A short last row keeps the cards' width.
per_row = min(max(len(statuses), 1), CARDS_PER_ROW)
for start in range(0, len(statuses), per_row):
    for col, s in zip(st.columns(per_row), statuses[start:start + per_row]):
        _tool_card(col, s)

st.subheader("Models and knowledge bases")
rows = [{"tool": s.tool.title, "component": c.name, "kind": c.kind, "status": "loaded" if c.ok else "missing",
         "detail": c.detail} for s in statuses for c in s.components]
rows += [{"tool": "shared", "component": c.name, "kind": c.kind, "status": "installed" if c.ok else "missing",
          "detail": c.detail} for c in shared_components(settings)]
rows += [{"tool": s.tool.title, "component": "engine", "kind": "code", "status": "missing", "detail": s.error}
         for s in statuses if not s.components and s.error]
if rows:
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader("Demo walkthrough")
st.write("Loads sample data into every tool that is ready: a sample note, a patient profile, a symptom story, "
         "a trained image model, a practice case. Then open the tools from the sidebar.")
if st.button("Load demo data", icon=":material/play_circle:", type="primary"):
    with error_boundary("loading the demo data"):
        loaded = load_all()
        if loaded:
            st.success("Demo data loaded for: " + ", ".join(loaded))
        else:
            st.info("No tool is ready yet, so there is no demo data to load.")
for s in statuses:
    if s.ready:
        try:
            st.page_link(s.tool.page, label=f"Open {s.tool.title}", icon=s.tool.icon)
        except StreamlitAPIException:  # run outside app.py's navigation (e.g. alone): a plain link does
            st.markdown(f"[Open {s.tool.title}](/{s.tool.key})")
