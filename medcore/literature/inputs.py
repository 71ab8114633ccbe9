"""What the user gives the reader: pasted text, a PDF, or a PubMed export (MEDLINE, XML, RIS) -> `Paper`s.

Every refusal is a `LiteratureInputError` with a message for the user. Limits come from Settings: the upload
size (`max_upload_mb`), the text a paper may have (`max_note_chars`), and for a PDF a page cap and a time cap
so a hostile file cannot hang the reader."""

from __future__ import annotations

import io
import logging
import re
import time
import unicodedata

from medcore.literature.errors import LiteratureInputError
from medcore.literature.exports import (looks_like_medline, looks_like_ris, looks_like_xml, parse_medline,
                                        parse_pubmed_xml, parse_ris)
from medcore.literature.model import Paper

log = logging.getLogger(__name__)

MAX_PDF_PAGES = 300  # a long paper with supplements; past this it is a book or a bomb
PDF_TIME_S = 30.0  # text extraction stops here with a warning
# A page whose decoded content stream is larger than this is skipped: a page of text is tens of KB; a page
# drawing millions of operators (a bomb) would keep text extraction busy far beyond the time cap's checks
MAX_PAGE_STREAM_BYTES = 8 * 1024 * 1024
_MIN_CHARS_PER_PAGE = 25  # less than this on average: no text layer (a scan)

__all__ = ["LiteratureInputError", "read_input", "MAX_PDF_PAGES"]


def _limits(settings) -> tuple[int, int]:
    return int(settings.max_upload_mb) * 1024 * 1024, int(settings.max_note_chars)


def _blank(text: str) -> bool:
    """Only white space and invisible format characters (Unicode category Cf: zero-width space and joiners,
    byte-order mark, direction marks), which show nothing and carry no words."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def read_input(settings, data: str | bytes, filename: str | None = None, known_heading=lambda h: False
               ) -> tuple[list[Paper], list[str]]:
    """Papers in `data` and warnings about what was not read. `known_heading`: the heading map's test, so an
    XML label we do not map falls back to NLM's category."""
    max_bytes, max_chars = _limits(settings)
    if data is not None and not isinstance(data, (str, bytes, bytearray)):
        from medcore.kinds import kind_of

        raise LiteratureInputError(f"Nothing to read: the input must be text or a file's bytes; this is "
                                   f"{kind_of(data)}.")
    if filename is not None and not isinstance(filename, str):
        raise LiteratureInputError("The file name must be text.")
    if data is None or (isinstance(data, (bytes, bytearray)) and not data) or (isinstance(data, str) and not data.strip()):
        raise LiteratureInputError("Nothing to read: the input is empty. Paste an abstract or upload a PDF or a "
                                   "PubMed export (MEDLINE, XML or RIS).")
    size = len(data) if isinstance(data, (bytes, bytearray)) else len(data.encode("utf-8", "replace"))
    if size > max_bytes:
        raise LiteratureInputError(f"The input is {size / 1e6:.1f} MB; the limit is {settings.max_upload_mb} MB.")
    name = (filename or "").lower()
    if isinstance(data, (bytes, bytearray)):
        if bytes(data[:1024]).lstrip().startswith(b"%PDF") or name.endswith(".pdf"):
            return read_pdf(settings, bytes(data))
        text = _decode(bytes(data))
    else:
        text = data
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if _blank(text):
        raise LiteratureInputError("Nothing to read: the input holds only blank space or invisible characters "
                                   "(zero-width spaces, joiners, byte-order marks).")
    if looks_like_xml(text) or name.endswith(".xml"):
        papers, warnings = parse_pubmed_xml(text, known_heading)
    elif looks_like_medline(text) or name.endswith((".nbib", ".medline")):
        papers, warnings = parse_medline(text)
    elif looks_like_ris(text) or name.endswith(".ris"):
        papers, warnings = parse_ris(text)
    else:
        if name and not name.endswith((".txt", ".text", ".md")) and _binary(text):
            raise LiteratureInputError(f"'{filename}' is not a format the reader knows. Give a PDF, a PubMed "
                                       "export (MEDLINE .txt/.nbib, XML, RIS) or plain text.")
        return [_pasted(text, max_chars)], []
    papers = [p for p in papers if p.text or p.title]
    if not papers:
        raise LiteratureInputError("The export holds no record with a title or an abstract.")
    for p in papers:
        if len(p.text) > max_chars:
            p.text = p.text[:max_chars]
            warnings.append(f"'{p.title[:60]}': the text was cut at {max_chars:,} characters")
    return papers, warnings


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    if _binary(data[:4096].decode("latin-1")):
        raise LiteratureInputError("This file is not text, a PDF or a PubMed export; the reader cannot read it.")
    return data.decode("cp1252", errors="replace")


def _binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\r\f")
    return bool(sample) and bad / len(sample) > 0.05


def _pasted(text: str, max_chars: int) -> Paper:
    text = text.strip()
    if len(text) > max_chars:
        raise LiteratureInputError(f"The text has {len(text):,} characters; the limit is {max_chars:,}. "
                                   "Paste the abstract or one paper at a time.")
    title = ""
    first, _, rest = text.partition("\n")
    # a first line that is short and not a sentence is the title ("Metformin in ...: a randomised trial")
    if rest.strip() and len(first) < 300 and not first.rstrip().endswith((".", ":")) and not re.match(
            r"^\s*(?:background|introduction|objectives?|abstract)\b", first, re.I):
        title, text = first.strip(), rest.strip()
    text = re.sub(r"^\s*abstract\s*[:.]?\s*\n", "", text, flags=re.I)
    if not title and looks_like_title(text):
        # a title alone is a title: no abstract to read a question or a PICO from (session 18)
        return Paper(title=text.strip(), text="", source_format="text")
    return Paper(title=title, text=text, is_full_text=len(text) > 6000, source_format="text")


# a sentence break inside a line: ". " / "? " / "! " before a capital or a digit
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z0-9])")


def looks_like_title(text: str) -> bool:
    """One short line that is not a sentence: no full stop at its end and no sentence break inside (a title
    may ask a question, "Does X lower Y?"). A one-line sentence ending in a full stop is still read as text."""
    line = text.strip()
    return (bool(line) and "\n" not in line and len(line) < 300 and not line.endswith((".", ":", ";", ","))
            and not _SENTENCE_BREAK.search(line))


# a leading abstract label ("Background:", "OBJECTIVE -") is not part of the paper's first sentence
_LABEL = re.compile(r"^\s*(?:background|introduction|objectives?|aims?|purpose|abstract|context)\s*[:.\-]\s*", re.I)
SHOWN_TITLE_CHARS = 90


def shown_title(title: str, text: str) -> str:
    """The title to show and list a paper under: its own, else (a paste of one paragraph has none) its first
    sentence, cut at a word with an ellipsis; "" when there is no text. The paper's own title stays empty, so
    nothing reads this sentence twice as if it were a title."""
    if (title or "").strip():
        return title.strip()
    body = " ".join(_LABEL.sub("", (text or "").strip(), count=1).split())
    if not body:
        return ""
    brk = _SENTENCE_BREAK.search(body)
    first = (body[:brk.start() + 1] if brk else body).rstrip(".")
    if len(first) <= SHOWN_TITLE_CHARS:
        return first
    return first[:SHOWN_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def read_pdf(settings, data: bytes) -> tuple[list[Paper], list[str]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    max_bytes, max_chars = _limits(settings)
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")  # owner-password-only PDFs open without a password
            except (DependencyError, NotImplementedError) as exc:
                raise LiteratureInputError("This PDF is encrypted with a method the reader cannot open. "
                                           "Save an unprotected copy and upload that.") from exc
            if not ok:
                raise LiteratureInputError("This PDF is password-protected. Save an unprotected copy (or paste "
                                           "the text) and try again.")
        n_pages = len(reader.pages)
    except LiteratureInputError:
        raise
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LiteratureInputError(f"This PDF cannot be opened: it looks damaged or is not a PDF ({exc}).") from exc
    if n_pages == 0:
        raise LiteratureInputError("This PDF has no pages.")
    if n_pages > MAX_PDF_PAGES:
        raise LiteratureInputError(f"This PDF has {n_pages} pages; the reader takes papers of up to "
                                   f"{MAX_PDF_PAGES} pages.")
    parts, total, skipped = [], 0, 0
    deadline = time.monotonic() + PDF_TIME_S
    for i, page in enumerate(reader.pages):
        if time.monotonic() > deadline:
            warnings.append(f"text extraction stopped after {i} of {n_pages} pages ({PDF_TIME_S:.0f} s limit)")
            break
        try:
            contents = page.get_contents()
            size = len(contents.get_data()) if contents is not None else 0
            if size > MAX_PAGE_STREAM_BYTES:
                skipped += 1
                warnings.append(f"page {i + 1} was skipped: its content is {size / 1e6:.0f} MB, far more than a "
                                "page of text")
                continue
            t = page.extract_text() or ""
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            log.warning("PDF page %d unreadable: %s", i + 1, exc)
            warnings.append(f"page {i + 1} could not be read ({type(exc).__name__})")
            continue
        if total + len(t) > max_chars:
            parts.append(t[: max_chars - total])
            warnings.append(f"the text was cut at {max_chars:,} characters (page {i + 1} of {n_pages})")
            break
        parts.append(t)
        total += len(t)
    text = _clean_pdf_text("\n\n".join(parts))[:max_chars]
    if skipped and not text.strip():
        raise LiteratureInputError("This PDF's pages are far too large to be a paper's text; it was not read.")
    if len(text.strip()) < max(200, _MIN_CHARS_PER_PAGE * min(n_pages, 4)):
        raise LiteratureInputError("This PDF has no text layer (it is probably a scanned image), so there is "
                                   "nothing to read. Run OCR on it first, or paste the abstract.")
    title = ""
    try:
        title = (reader.metadata.title or "").strip() if reader.metadata else ""
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        log.info("PDF metadata unreadable: %s", exc)
    if not title:  # no metadata title: the first line of the first page, when it reads like a title
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        if 10 <= len(first) <= 250 and not first.endswith(".") and not re.match(r"^\d", first):
            title = first
    return [Paper(title=title, text=text, is_full_text=True, source_format="pdf")], warnings


def _clean_pdf_text(text: str) -> str:
    text = text.replace("\x00", "").replace("\ufb01", "fi").replace("\ufb02", "fl")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # words hyphenated at a line end
    text = re.sub(r"(?<![ \t])[ \t]+\n", "\n", text)
    return text
