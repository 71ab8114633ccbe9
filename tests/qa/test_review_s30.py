"""Session 30 review (helper qarev30) of qa30's emergencies-told-now and general words: own wordings, each fix with its
opposite case. (1) "not breathing properly" is a cardiac arrest only in someone who does not respond; (2) a yes/no
question about a sign, a "symptoms of" question and a prevention question ask, they do not tell; (3) a denial inside
the words ("his face is not drooping"); (4) typos and a class of tablets; (5) a baby's own first aid, in the answer and
under the chat's emergency block; (6) general words: a longer named condition, a child's UTI, "hypo" in another
word; (7) "... what do I do" at the end of a told situation reads as what to do now."""

from __future__ import annotations

import pytest

from medcore.qa import act_now, service

EMERG = ("999", "ambulance")


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _shown(ans) -> list[str]:
    return [s.text for s in ans.sentences if s.origin != "routing"]


@pytest.mark.parametrize("q,page", [
    # (1) opposite of the awake cases below: someone who does not respond
    ("my husband collapsed and is not breathing properly", "condition:cardiac_arrest"),
    ("she is unconscious and not breathing normally", "condition:cardiac_arrest"),
    ("my wife isnt breathing", "condition:cardiac_arrest"),
    # (2) opposites of the asking questions: a question that still tells
    ("can you help, my dad is choking", "condition:choking"),
    ("is there anything I can do, my son is choking", "condition:choking"),
    ("is my baby choking?", "condition:choking"),
    # (3) opposite of the denial: the sign told
    ("my dad is fine but his face is drooping", "condition:stroke"),
    ("he's been fitting for more than 5 minutes", "condition:seizure_emergency"),
    # (4) typos, non-native English, a class of tablets
    ("my dad is chokin and cant breath", "condition:choking"),
    ("baby chokng on grape what do i do", "condition:choking"),
    ("my grandmother is choke on food, she cannot speak", "condition:choking"),
    ("my husband took too many of his sleeping tablets", "condition:overdose"),
    ("she won't wake up after taking an overdose", "condition:overdose"),
    ("he cut his arm on glass and its bleeding alot and wont stop", "condition:severe_bleeding"),
])
def test_told_now(q, page):
    assert act_now.happening_now(q) == page


@pytest.mark.parametrize("q", [
    # (1) awake, a breathing difficulty: never CPR
    "my son isn't breathing properly when he has a cold, he sounds wheezy",
    "my grandad is not breathing properly through his nose",
    "my baby stops breathing for a few seconds when asleep, is that normal?",
    # (2) asking, not telling
    "is slurred speech a sign of a stroke?",
    "can epilepsy fits last more than 5 minutes?",
    "is choking a sign of reflux in babies?",
    "symptoms of overdosing on vitamin D",
    "can a child choke on popcorn?",
    # (3) a denial inside the words
    "my dad is fine and his face is not drooping",
    "her smile isn't lopsided",
    "his fit did not last more than 5 minutes",
])
def test_not_told_now(q):
    assert act_now.happening_now(q) is None


@pytest.mark.parametrize("q,lead", [
    ("how to prevent choking when weaning", False),  # prevention: the page's prevention passage
    ("how can I avoid my toddler choking on grapes?", False),
    ("my toddler is choking on a grape", True),  # its opposite: told now
    ("my dad has heat stroke what do i do", True),  # (7) the ambulance line leads
    ("my mum has heatstroke, what should I do?", True),
    ("what is heat stroke?", False),  # its opposite: a definition keeps its lead
])
def test_lead(qa, q, lead):
    ans = _ask(qa, q)
    first = (_shown(ans) or [""])[0].lower()
    assert (ans.emergency is not None or any(w in first for w in EMERG)) is lead, ans.answer


@pytest.mark.parametrize("q,baby", [
    ("my baby is choking and cant breathe", True),
    ("my little girl is choking on a sweet", False),
])
def test_choking_answer_for_whom(qa, q, baby):
    text = " ".join(_shown(_ask(qa, q))).lower()
    adult, infant = text.find("abdominal thrusts: stand behind"), text.find("chest thrusts with two fingers")
    if baby:  # the baby's own first aid alone
        assert infant >= 0 and adult < 0, text
    else:  # the adult's first, the baby's (if shown) after it
        assert adult >= 0 and (infant < 0 or infant > adult), text


def test_baby_first_aid_alone_and_last_otherwise(pages):
    page = pages["condition:cardiac_arrest"]
    docs = page.section("self_care").passages
    baby = act_now.for_whom("my baby stopped breathing", docs)
    assert baby and all("baby" in p.text.lower() for p in baby)
    adult = act_now.for_whom("my dad stopped breathing", docs)
    assert adult[0].text.startswith("Start CPR") and "baby" in adult[-1].text.lower()


@pytest.mark.parametrize("q,baby", [("my baby stopped breathing", True), ("my baby is not breathing and is floppy", True)])
def test_chat_waiting_lines_are_the_babys(qa, q, baby):
    ans = _ask(qa, q)
    assert ans.emergency is not None
    lines = " ".join(w["text"] for w in ans.emergency["while_waiting"]).lower()
    assert ("rescue breaths" in lines) is baby and "push hard and fast" not in lines


@pytest.mark.parametrize("q,page,note", [
    ("what is chronic bronchitis?", None, False),  # another condition: refused as on the base, no acute page
    ("what is sickle cell anaemia?", None, False),
    ("what is bronchitis?", "condition:acute_bronchitis", True),  # its opposite: the general word
    ("what is anaemia?", "condition:iron_deficiency_anaemia", True),
    ("my child has a UTI, what are the symptoms?", "condition:uti_child", False),
    ("my 3 year old has a urinary tract infection", "condition:uti_child", False),
    ("how do you treat a UTI?", "condition:cystitis", True),  # its opposite: no child named
    ("what is hypo thyroid?", None, False),
    ("is hypo allergenic formula good for babies?", None, False),
    ("what are the signs of a hypo?", "condition:hypoglycaemia", False),  # its opposite: the lay name
])
def test_general_words_neighbours(qa, q, page, note):
    ans = _ask(qa, q)
    got = None if ans.refused else ans.page
    assert got == page, (ans.page, ans.answer)
    said = any(s.origin == "routing" and "most common form" in s.text for s in ans.sentences)
    assert said is note


def test_severe_bleeding_a_and_e_line_is_for_a_smaller_cut(pages):
    lines = [p.text for p in pages["condition:severe_bleeding"].section("when_to_get_help").passages]
    assert lines[0].startswith("Emergency: call 999")
    assert all("10 minutes" not in t or t.startswith("For a smaller cut") for t in lines)
