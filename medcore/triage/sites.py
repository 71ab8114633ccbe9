"""A body part joined by 'and' to a place named from it: 'my scrotum and the area behind it towards my bum', 'my
knee and the skin around it'. The coordinated subject is one site, so a pain word after the whole phrase ('... started
to get sore') is the part's pain, its distance counted from the phrase's end; before session 16 the part was more than
the pain rule's 8 words from 'sore' and the site was lost (a Fournier's gangrene told this way read as flu). A place
*behind* some parts is a site of its own (findings.yaml body_pain `behind`: behind the scrotum is the perineum)."""

from __future__ import annotations

_PLACES = {"area", "skin", "bit", "part", "region", "patch", "space"}
_PREPOSITIONS = {"behind", "around", "round", "under", "below", "beneath", "near", "beside", "above"}
_TOWARDS = {"toward", "towards", "to", "down", "up", "into", "by"}
_DETERMINERS = {"the", "my", "his", "her", "their", "our", "your"}


def coordinated_site(lex, keys: list[str], b: int) -> tuple[int, str | None]:
    """(index of the last word of the site phrase that starts at part word b, its preposition), or (b, None) when the
    part is not followed by 'and/or the <place> <preposition> it/them' ('... towards my bum' may close it).
    `keys`: the matcher's word keys (Lexicon.word_keys); pronouns and other words are compared as keys too."""
    key = lex.key
    j = b + 1
    if j >= len(keys) or keys[j] not in {"and", "or"}:
        return b, None
    j += 1
    if j < len(keys) and keys[j] in {key(w) for w in _DETERMINERS}:
        j += 1
    if j + 2 >= len(keys) or keys[j] not in {key(w) for w in _PLACES} or keys[j + 1] not in {key(w) for w in _PREPOSITIONS}:
        return b, None
    prep = keys[j + 1]
    if keys[j + 2] not in {key("it"), key("them")}:
        return b, None
    end = j + 2
    # 'towards my bum', 'down to the back passage': where the place reaches, still the subject
    k = end + 1
    while k < len(keys) and k <= end + 2 and keys[k] in {key(w) for w in _TOWARDS}:
        k += 1
    if k > end + 1:
        if k < len(keys) and keys[k] in {key(w) for w in _DETERMINERS}:
            k += 1
        if k < len(keys) and k <= end + 5:
            end = k
    return end, prep
