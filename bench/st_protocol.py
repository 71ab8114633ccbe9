"""A minimal client of Streamlit's own browser protocol, for load tests: one websocket per session to
/_stcore/stream, BackMsg protobufs up (rerun requests carrying widget values, as the browser sends them) and
ForwardMsg protobufs down (the page's elements, the page list, script start and finish).

It does what a browser tab does for the server, without rendering: the server cannot tell the difference,
so N sessions cost the client a few protobuf parses instead of N Chromium renderers. What it leaves out:
static files, media and component iframes, the browser's own widget-state bookkeeping (it sends the values
of the widgets it sets, with any trigger; the server keeps every other widget's last value, which is what a
browser would send back unchanged)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "/_stcore/stream"
ERROR_ALERT = 1  # streamlit.proto.Alert_pb2.Alert.ERROR
# the element types whose `label` names a widget a scenario may set or press
WIDGETS = {"button", "chat_input", "text_area", "text_input", "number_input", "selectbox", "radio", "checkbox",
           "download_button", "file_uploader", "toggle", "multiselect", "slider"}


class ProtocolError(RuntimeError):
    """The server closed the stream, did not finish a run in time, or the page lacks what the scenario needs."""


@dataclass
class Page:
    """What one finished script run put on the screen (the browser drops elements a run did not send)."""

    elements: dict[tuple, object] = field(default_factory=dict)  # delta path -> Element
    blocks: dict[tuple, object] = field(default_factory=dict)  # delta path -> Block

    def texts(self) -> list[str]:
        out = []
        for el in self.elements.values():
            kind = el.WhichOneof("type")
            if kind in ("markdown", "text", "alert", "heading", "exception"):
                body = getattr(el, kind)
                out.append(getattr(body, "body", "") or getattr(body, "message", ""))
        return out

    def has_text(self, needle: str) -> bool:
        return any(needle in t for t in self.texts())

    def errors(self) -> list[str]:
        """What a user would see as a failure: an exception element or an st.error alert."""
        found = []
        for el in self.elements.values():
            kind = el.WhichOneof("type")
            if kind == "exception":
                found.append(f"exception: {el.exception.type}: {el.exception.message[:160]!r}")
            elif kind == "alert" and el.alert.format == ERROR_ALERT:
                found.append(f"st.error: {el.alert.body[:160]!r}")
        return found

    def count_blocks(self, kind: str) -> int:
        return sum(b.WhichOneof("type") == kind for b in self.blocks.values())

    def widget_id(self, kind: str, label: str | None = None) -> str:
        """The id of the widget of this element type (and label); ProtocolError when the page has none."""
        for el in self.elements.values():
            if el.WhichOneof("type") == kind:
                w = getattr(el, kind)
                if label is None or getattr(w, "label", None) == label:
                    return w.id
        raise ProtocolError(f"no {kind} widget labelled {label!r} on the page")


@dataclass
class Run:
    page: Page
    seconds: float  # from the request to the script_finished message of its last run
    runs: int  # script runs it took (a st.rerun() in the page makes two)


class Session:
    """One browser-less session: `async with Session(url) as s:` then `await s.rerun(...)`."""

    def __init__(self, url: str, *, timeout_s: float = 120.0) -> None:
        parts = urlsplit(url)
        self.ws_url = f"ws://{parts.netloc}{parts.path.rstrip('/')}{STREAM_PATH}"
        self.timeout_s = timeout_s
        self.query_string = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # page title -> page_script_hash (from the navigation message)
        self.page = Page()
        self._ws = None

    async def __aenter__(self) -> Session:
        import websockets

        # the browser offers the "streamlit" subprotocol; max_size=None: a page's message can be large (tables)
        self._ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                            open_timeout=self.timeout_s)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._ws.close()

    async def open(self, path: str = "") -> Run:
        """The first request of a tab: run the app at the URL path ("" is Home)."""
        return await self._request(page_name=path)

    async def goto(self, title: str) -> Run:
        """Open another page of the app by its title, as the sidebar's link does."""
        if title not in self.pages:
            raise ProtocolError(f"no page {title!r} in the navigation ({sorted(self.pages)})")
        return await self._request(page_hash=self.pages[title])

    async def rerun(self, *states: WidgetState) -> Run:
        """A rerun of the current page with these widget values (a button press is a trigger_value)."""
        return await self._request(page_hash=self.page_hash, states=states)

    async def press(self, label: str, kind: str = "button", **values: WidgetState) -> Run:
        return await self.rerun(*values.values(), WidgetState(id=self.page.widget_id(kind, label), trigger_value=True))

    async def _request(self, *, page_hash: str = "", page_name: str = "", states=()) -> Run:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query_string
        cs.page_script_hash = page_hash
        cs.page_name = page_name
        cs.widget_states.widgets.extend(states)
        t0 = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        page, runs = await asyncio.wait_for(self._until_finished(), self.timeout_s)
        self.page = page
        return Run(page, time.perf_counter() - t0, runs)

    async def _until_finished(self) -> tuple[Page, int]:
        page, runs = Page(), 0
        while True:
            raw = await self._ws.recv()
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session":  # a script run starts: the screen is rebuilt from here
                page, runs = Page(), runs + 1
                self.page_hash = fm.new_session.page_script_hash
            elif kind == "delta":
                path = tuple(fm.metadata.delta_path)
                d = fm.delta.WhichOneof("type")
                if d == "new_element":
                    page.elements[path] = fm.delta.new_element
                elif d == "add_block":
                    page.blocks[path] = fm.delta.add_block
            elif kind == "navigation":
                self.pages = {p.page_name: p.page_script_hash for p in fm.navigation.app_pages}
                self.page_hash = fm.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":  # e.g. the workspace id the app puts in the URL
                self.query_string = fm.page_info_changed.query_string
            elif kind == "ref_hash":  # only sent for hashes the client said it caches; this one caches none
                raise ProtocolError("the server sent a cached-message reference this client never asked for")
            elif kind == "session_event" and fm.session_event.WhichOneof("type") == "script_compilation_exception":
                raise ProtocolError(f"script error: {fm.session_event.script_compilation_exception.message}")
            elif kind == "script_finished":
                status = fm.script_finished
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return page, runs
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise ProtocolError("the page did not compile")
                # FINISHED_EARLY_FOR_RERUN: st.rerun() or a newer request; the next run follows
