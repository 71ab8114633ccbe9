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
