"""Teams: an admin defines teams and their members and picks which team sees each training job; every user sees
their own teams and the training jobs shared with them. medcore checks the admin role on every change."""

import streamlit as st

from ui.errors import error_boundary
from ui.frame import disclaimer
from ui.loaders import get_store
from ui.team_admin import flash, manage, team_jobs, team_list

st.title("Teams")
st.caption("Teams let colleagues see each other's hand-offs and the training jobs an admin shares with them.")
disclaimer()

store = get_store()
user = store.principal
if user is None or not user.name:
    st.error("Please sign in first.", icon=":material/lock:")
    st.stop()
flash()
with error_boundary("showing the teams"):
    if user.is_admin:
        manage(store)
    team_list(store, user)
    team_jobs(store, user)
