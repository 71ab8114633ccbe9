"""HTML for the note views (redaction and provenance highlights). Plain strings, no Streamlit;
every piece of note text is escaped, so a note cannot inject markup into the page."""

from __future__ import annotations

import html

PHI_COLOURS = {"NAME": "#ffd6d6", "DATE": "#d6e4ff", "AGE": "#ffe9c7", "MRN": "#e6d6ff", "ID": "#e6d6ff",
               "SSN": "#e6d6ff", "PHONE": "#d6fff0", "FAX": "#d6fff0", "EMAIL": "#d6fff0", "URL": "#d6fff0",
               "ADDRESS": "#fff3b0", "ZIP": "#fff3b0"}
_BOX = ("<div style='white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:0.82rem;line-height:1.45;"
        "max-height:{h}px;overflow-y:auto;border:1px solid rgba(128,128,128,.35);border-radius:6px;padding:10px'>"
        "{body}</div>")


def highlight(text: str, spans: list[tuple[int, int, str, str]], *, height: int = 480) -> str:
    """spans: (start, end, css colour, tooltip); non-overlapping spans win in order of start."""
    out, last = [], 0
    for start, end, colour, tip in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < last or end <= start:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f"<mark style='background:{colour};color:inherit;border-radius:3px;padding:0 1px' "
                   f"title='{html.escape(tip, quote=True)}'>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return _BOX.format(h=height, body="".join(out))


def redaction_views(text: str, deid) -> tuple[str, str]:
    """(original with PHI highlighted, de-identified text with replacements highlighted)."""
    left = highlight(text, [(s.start, s.end, PHI_COLOURS.get(s.type, "#eee"), s.type) for s in deid.spans])
    spans, pos, delta = [], 0, 0
    for s in deid.spans:
        start = s.start + delta
        spans.append((start, start + len(s.replacement), PHI_COLOURS.get(s.type, "#eee"), f"{s.type} replaced"))
        delta += len(s.replacement) - (s.end - s.start)
    right = highlight(deid.text, spans)
    return left, right


def source_view(text: str, sentence=None, mention: tuple[int, int] | None = None, *, context_lines: int = 6) -> str:
    """The note with one sentence highlighted (and the exact mention inside it, darker). With a
    sentence chosen, the view starts a few lines above it, so the highlight is visible without
    scrolling (HTML here cannot run a script to scroll)."""
    spans = []
    if mention:
        spans.append((mention[0], mention[1], "#ffb347", "extracted mention"))
    if sentence is not None:
        if mention and sentence.start <= mention[0] and mention[1] <= sentence.end:
            spans = [(sentence.start, mention[0], "#fff2a8", "source sentence"), spans[0],
                     (mention[1], sentence.end, "#fff2a8", "source sentence")]
        else:
            spans.append((sentence.start, sentence.end, "#fff2a8", "source sentence"))
    if sentence is None:
        return highlight(text, spans)
    start = sentence.start
    for _ in range(context_lines + 1):
        k = text.rfind("\n", 0, max(0, start - 1))
        if k < 0:
            start = 0
            break
        start = k + 1
    shifted = [(a - start, b - start, c, t) for a, b, c, t in spans]
    box = highlight(text[start:], shifted)
    if start > 0:
        box = box.replace("'>", f"'><span style='opacity:.6'>… {start:,} characters above …</span>\n", 1)
    return box
