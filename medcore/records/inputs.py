"""Turning an upload or a paste into note text, with a clear message for anything we cannot use.

Accepted: .txt, .md, .pdf (text layer), .docx, and FHIR R4 JSON (a DocumentReference or a Bundle
whose DocumentReference/Binary resources carry text attachments). Non-UTF-8 text is decoded with a
fallback and a warning. Empty, binary and over-limit inputs are refused with a message that says
what to do. Nothing here interprets the note: text that looks like instructions stays note text."""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from medcore.controls import strip_controls
from medcore.errors import DomainError
from medcore.kinds import kind_of

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown", "")
ALL_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".json")


class InputError(DomainError):
    """The input cannot be used; the message is meant for the user."""


@dataclass
class NoteInput:
    text: str
    source: str  # "paste", "txt", "pdf", "docx", "fhir"
    name: str = ""
    warnings: list[str] = field(default_factory=list)


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one. Word and Notepad save
# "Unicode" text as UTF-16 with a mark; its NUL bytes must not make it look binary.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def bom_encoding(data: bytes) -> str:
    """The encoding a byte-order mark at the start of the bytes names, or "" when there is none."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), "")


# UTF-16 saved without a mark (some exporters and Windows tools write bare "Unicode"): text of Latin letters, digits
# and punctuation has a NUL as the high byte of nearly every 2-byte unit, and almost never as the low byte. Binary
# data has NULs on both sides, so a clear one-sided pattern is asked for; the decoded text is checked for binary
# characters afterwards, as with a mark.
_UTF16_NUL_SIDE = 0.4  # at least this share of units have a NUL on the high side...
_UTF16_NUL_OTHER = 0.02  # ...and at most this share on the low side
_UTF16_SNIFF = 4096


def utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes read as UTF-16 saved without a byte-order mark, else ""."""
    head = data[:_UTF16_SNIFF]
    units = len(head) // 2
    if len(data) % 2 or units < 2 or bom_encoding(data):
        return ""
    low_first, high_first = head[0:2 * units:2].count(0), head[1:2 * units:2].count(0)
    for enc, high, low in (("utf-16-le", high_first, low_first), ("utf-16-be", low_first, high_first)):
        if high >= _UTF16_NUL_SIDE * units and low <= _UTF16_NUL_OTHER * units:
            return enc
    return ""


def text_encoding(data: bytes) -> str:
    """The Unicode encoding the bytes declare by a byte-order mark or show by their NUL pattern (UTF-16 without a
    mark), or "" (then UTF-8, with a legacy fallback)."""
    return bom_encoding(data) or utf16_without_bom(data)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    enc = text_encoding(data)
    if enc:
        mark = bom_encoding(data)
        body = data[next(len(b) for b, e in _BOMS if e == mark):] if mark else data
        try:
            return body.decode(enc), []
        except UnicodeDecodeError as exc:
            how = "starts with a {} byte-order mark" if mark else "looks like {} without a byte-order mark"
            return body.decode(enc, errors="replace"), [
                f"The file {how.format(enc.upper())} but is not valid {enc.upper()} (first bad byte at position "
                f"{exc.start}); unreadable characters were replaced by \ufffd."]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            return text, [f"The file is not valid UTF-8 (first bad byte at position {first_bad}); it was read as "
                          f"{enc}. Check accented characters and symbols."]
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), ["Some bytes could not be decoded and were replaced by \ufffd."]


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.05


def looks_binary_text(text: str) -> bool:
    """The text decoded from a file with a byte-order mark: binary data read as UTF-16 turns into code points no
    note holds (unassigned, private use, unpaired surrogates replaced by U+FFFD, control characters)."""
    head = text[:2048]
    odd = sum(1 for ch in head if ch == "\ufffd" or (ch not in "\t\n\r\f\v" and unicodedata.category(ch) in
                                                     ("Cc", "Cn", "Co", "Cs")))
    return bool(head) and odd / len(head) > 0.05


# Characters that show nothing: a note of only these is empty. str.strip() keeps zero-width spaces, joiners, word
# joiners, byte-order marks and soft hyphens (Unicode format characters, category Cf) and control characters.
_INVISIBLE_CATEGORIES = ("Cf", "Cc", "Zs", "Zl", "Zp")


def is_blank(text: str) -> bool:
    """True when the text holds nothing visible. Stops at the first visible character, so a real note costs
    nothing; only an all-invisible one is read to its end."""
    return not any(not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES for ch in text)


EMPTY_NOTE = "The note is empty. Paste a note or upload a file with text in it."
INVISIBLE_NOTE = ("The note is empty: it holds only spaces or invisible characters (zero-width spaces, joiners or "
                  "byte-order marks). Paste a note or upload a file with text in it.")


def check_text(text: str, max_chars: int, source: str, name: str = "", warnings=None) -> NoteInput:
    warnings = list(warnings or [])
    if text is not None and not isinstance(text, str):
        raise InputError(f"The note must be text; this is {kind_of(text)}.")
    if text is None or not text.strip():
        raise InputError(EMPTY_NOTE)
    # escape sequences, control characters and bidi overrides go before any engine reads the note (and before the
    # invisible check: "\x1b[0m" alone is an empty note): a left-over "\x9b31m" was read as an age, and an override
    # shows a reader other text than the engines see
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    if is_blank(text):
        raise InputError(INVISIBLE_NOTE)
    if len(text) > max_chars:
        raise InputError(f"The note has {len(text):,} characters, more than the limit of {max_chars:,} "
                         f"(MEDCORE_MAX_NOTE_CHARS). Split the record into separate notes.")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > 5000:
        warnings.append(f"The note has a line of {longest:,} characters; it was split into sentences of at most "
                        "600 characters.")
    return NoteInput(text, source, name, warnings)


def from_paste(text: str, settings) -> NoteInput:
    return check_text(text, settings.max_note_chars, "paste")


def from_upload(name: str, data: bytes, settings) -> NoteInput:
    if name is not None and not isinstance(name, str):
        raise InputError(f"The file name must be text; this is {kind_of(name)}.")
    if not isinstance(data, (bytes, bytearray)):
        raise InputError(f"{name or 'The file'}: the upload must be the file's bytes; this is {kind_of(data)}.")
    suffix = Path(name or "").suffix.lower()
    limit = settings.max_upload_mb * 1024 * 1024
    if len(data) > limit:
        raise InputError(f"{name} is {len(data) / 1e6:.1f} MB, over the upload limit of {settings.max_upload_mb} MB.")
    if not data:
        raise InputError(f"{name or 'The file'} is empty.")
    if suffix == ".pdf":
        return check_text(_pdf_text(data, name, settings), settings.max_note_chars, "pdf", name)
    if suffix == ".docx":
        return check_text(_docx_text(data, name, settings), settings.max_note_chars, "docx", name)
    if suffix == ".json":
        text, warnings = _fhir_text(data, name, settings)
        return check_text(text, settings.max_note_chars, "fhir", name, warnings)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{name}: unsupported file type '{suffix}'. Use {', '.join(ALL_SUFFIXES)}.")
    has_bom = bool(bom_encoding(data))
    unicode_text = bool(text_encoding(data))
    if not unicode_text and looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not text. Upload a .txt, .md, .pdf or .docx note (or "
                         "save it as UTF-8).")
    text, warnings = decode_text(data)
    if unicode_text and looks_binary_text(text):
        raise InputError(f"{name} " + ("starts with a text byte-order mark but holds binary data" if has_bom else
                                       "looks like a binary file, not text") + ". Upload a .txt, .md, .pdf or .docx note.")
    return check_text(text, settings.max_note_chars, "txt", name, warnings)


def from_path(path: str | Path, settings) -> NoteInput:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return from_upload(path.name, path.read_bytes(), settings)


def _pdf_text(data: bytes, name: str, settings) -> str:
    from medcore.uploads import UploadError, pdf_pages_text

    try:
        return "\n".join(pdf_pages_text(data, max_file_bytes=settings.max_file_mb * 2**20,
                                         max_chars=settings.max_note_chars, what=name))
    except UploadError as exc:
        raise InputError(str(exc)) from None


def _docx_text(data: bytes, name: str, settings) -> str:
    import zipfile

    from medcore.uploads import UploadError, check_zip

    try:  # python-docx reads each part whole, so a ZIP bomb is refused before it sees the file
        check_zip(data, settings.max_file_mb * 2**20, settings.max_upload_mb * 2**20 * 20, name)
    except UploadError as exc:
        raise InputError(f"{exc}. It is not a plain Word document.") from exc
    import docx
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:  # python-docx reads parts lazily: a damaged part can fail while the paragraphs are read, not only on open
        doc = docx.Document(io.BytesIO(data))
        lines = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                lines.append(" | ".join(c.text for c in row.cells))
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError, LxmlError) as exc:
        log.info("docx refused: %s: %s", type(exc).__name__, exc)
        raise InputError(f"{name} could not be read as a Word document: a part of it is missing or its XML is "
                         "damaged. Open it in a word processor and save it again, or upload the note as .txt or "
                         ".pdf.") from exc
    except (AttributeError, TypeError, IndexError) as exc:
        # python-docx assumes the parts are shaped as Word writes them: a part with the wrong root element (well
        # formed XML, not a Word part) fails deep inside it with these, never with its own error
        log.info("docx refused (unexpected part shape): %s: %s", type(exc).__name__, exc)
        raise InputError(f"{name} could not be read as a Word document: its parts are not shaped as a Word file's. "
                         "Open it in a word processor and save it again, or upload the note as .txt or .pdf.") from exc
    return "\n".join(lines)


def _fhir_text(data: bytes, name: str, settings) -> tuple[str, list[str]]:
    try:
        doc = json.loads(decode_text(data)[0])
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    except ValueError as exc:  # a number past Python's 4,300-digit limit: valid JSON, but no note holds one
        raise InputError(f"{name} holds a number too long to read ({exc}).") from exc
    except RecursionError as exc:  # the parser recurses per level; a FHIR document is a few levels deep
        raise InputError(f"{name} is JSON nested too deeply to be a FHIR document (about a thousand levels or more). "
                         "Upload the DocumentReference or Bundle as exported.") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("resourceType"), str):
        raise InputError(f"{name} is JSON but not a FHIR resource (no resourceType).")
    rtype = doc["resourceType"]
    if rtype == "DocumentReference":
        resources = [doc]
    elif rtype == "Bundle":
        resources = [e.get("resource") for e in _objects(doc.get("entry"))]
        resources = [r for r in _objects(resources) if r.get("resourceType") in ("DocumentReference", "Binary")]
    else:
        raise InputError(f"{name} is a FHIR {rtype}; upload a DocumentReference or a Bundle containing one.")
    texts, warnings = [], []
    for r in resources:
        attachments = _objects([c.get("attachment") for c in _objects(r.get("content"))]) \
            if r["resourceType"] == "DocumentReference" else [{"contentType": r.get("contentType"), "data": r.get("data")}]
        for att in attachments:
            ctype = att.get("contentType")
            ctype = (ctype if isinstance(ctype, str) and ctype else "text/plain").split(";")[0].strip().lower()
            if not isinstance(att.get("data"), str) or not att["data"]:
                if isinstance(att.get("url"), str) and att["url"]:
                    warnings.append(f"An attachment refers to {att['url']!r}; only inline (base64) attachments are read.")
                continue
            try:
                raw = base64.b64decode(att["data"], validate=False)
            except (ValueError, TypeError):
                warnings.append("An attachment is not valid base64 and was skipped.")
                continue
            if ctype == "application/pdf":
                texts.append(_pdf_text(raw, name, settings))
            elif ctype.startswith("text/") or ctype in ("application/json", ""):
                t, w = decode_text(raw)
                texts.append(t)
                warnings += w
            else:
                warnings.append(f"An attachment of type {ctype} was skipped (only text and PDF are read).")
    if not texts:
        raise InputError(f"{name}: the FHIR {rtype} has no inline text attachment.")
    if len(texts) > 1:
        warnings.append(f"{len(texts)} documents were found; they are summarized together, separated by a line.")
    return "\n\n----\n\n".join(texts), warnings


def _objects(value) -> list[dict]:
    """The JSON objects of a list that should hold only objects: anything else in a hand-made or damaged FHIR file
    (a string where a list belongs, a number where an object belongs) is skipped, not crashed on."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


INJECTION = re.compile(r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+"
                       r"(?:instructions?|prompts?|messages?)|\bsystem prompt\b|\byou are now\b|\bact as\b", re.I)


def injection_warning(text: str) -> str:
    """A note may contain text that looks like instructions to a model. It stays note text (the
    model never sees the raw note), but the user is told."""
    m = INJECTION.search(text)
    if not m:
        return ""
    return ("The note contains text that looks like instructions to an AI (\"" + m.group()[:60] + "\"). It is treated "
            "as note text only; the language model never receives the raw note.")
