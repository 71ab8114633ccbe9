"""The protocol load client's reading of a page (bench/st_protocol.py): what it counts as an error and how it
finds widgets. No server: the pages are built from Streamlit's own protobufs."""

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.Element_pb2 import Element

from bench.st_protocol import Page, ProtocolError


def page(*elements, blocks=()) -> Page:
    p = Page()
    for i, el in enumerate(elements):
        p.elements[(0, i)] = el
    for i, b in enumerate(blocks):
        p.blocks[(1, i)] = b
    return p


def alert(body: str, fmt: int) -> Element:
    el = Element()
    el.alert.body, el.alert.format = body, fmt
    return el


def test_errors_are_exception_elements_and_error_alerts_only():
    exc = Element()
    exc.exception.type, exc.exception.message = "ValueError", "bad input"
    md = Element()
    md.markdown.body = "Narrative summary"
    p = page(md, alert("Research use only", Alert.WARNING), alert("Something went wrong", Alert.ERROR), exc)
    assert p.errors() == ["st.error: 'Something went wrong'", "exception: ValueError: 'bad input'"]
    assert page(md, alert("note", Alert.INFO)).errors() == []
    assert p.has_text("Narrative summary") and not p.has_text("Plan")


def test_widgets_are_found_by_type_and_label():
    a, b = Element(), Element()
    a.button.id, a.button.label = "id-a", "Summarize pasted note"
    b.button.id, b.button.label = "id-b", "Make plan"
    chat = Element()
    chat.chat_input.id = "id-chat"
    p = page(a, b, chat, blocks=[Block(chat_message=Block.ChatMessage(name="user"))])
    assert p.widget_id("button", "Make plan") == "id-b"
    assert p.widget_id("chat_input") == "id-chat"
    assert p.count_blocks("chat_message") == 1
    with pytest.raises(ProtocolError):
        p.widget_id("button", "Load example bundle")


def test_the_baseline_waits_while_the_server_works_and_not_once_it_is_idle():
    """bench/load_protocol.py measures the single-user baseline only once the server and its engine workers are
    idle (they warm up in the background after a start): a busy process is waited for, an idle one is not."""
    import asyncio
    import subprocess
    import sys

    from bench.load_protocol import wait_until_quiet

    assert asyncio.run(wait_until_quiet(None)) == 0.0
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        assert asyncio.run(wait_until_quiet(busy.pid, timeout_s=4)) >= 4  # never quiet: gives up at the limit
    finally:
        busy.kill()
        busy.wait()
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert asyncio.run(wait_until_quiet(idle.pid, timeout_s=30)) < 10
    finally:
        idle.kill()
        idle.wait()
