"""Reading a paper from the page: the reader in medcore.literature, each paper saved to the user's library
with a progress bar; unreadable input becomes one clear st.error (the reader's message), never a traceback."""

from __future__ import annotations

import logging

import streamlit as st

from medcore.literature import library, service
from medcore.literature.bounded import read_bounded
from ui.frame import md_escape
from ui.workspace import workspace_id

log = logging.getLogger("medcore.ui")


def read_and_save(settings, store, data, filename: str | None) -> list[int] | None:
    """The library ids of the papers read, or None after showing why the input could not be read."""
    if isinstance(data, str) and not data.strip():
        st.error("Paste an abstract or a full text first: the box is empty.", icon=":material/block:")
        return None
    try:
        with st.status("Reading the paper…", expanded=False) as status:
            results = read_bounded(settings, data, filename)
            if not results:
                raise service.LiteratureInputError("No paper was found in this input.")
            status.update(label=f"Read {len(results)} paper(s); saving to your library…")
            bar = st.progress(0.0)
            ids = []
            for k, r in enumerate(results, start=1):
                ids.append(library.save_paper(store, r, workspace=workspace_id()).id)
                bar.progress(k / len(results), text=f"{k} of {len(results)} saved")
            status.update(label=f"Read and saved {len(results)} paper(s).", state="complete")
    except service.LiteratureInputError as exc:  # the reader's messages (empty, corrupt, encrypted, unknown format) are for people
        log.info("input refused (%s): %s", filename or "paste", exc)
        st.error(md_escape(str(exc)), icon=":material/block:")  # it may quote a file name
        return None
    kind = (filename or "paste.paste").rsplit(".", 1)[-1][:16]
    store.audit("read_paper", tool="literature", count=len(ids), format=kind)
    return ids
