"""Bad input to the interview is one domain error with a message (issue 14): a quick reply that is not yes, no or
unknown, and a damaged state (as a corrupted saved chat would give), never a bare KeyError or AttributeError."""

from __future__ import annotations

import pytest

from medcore.triage import chat
from medcore.triage.chat_state import ChatStateError, check_state
from medcore.triage.input_checks import InputError


@pytest.fixture(scope="module")
def asking(engine):
    state = chat.user_message(engine, chat.new_state(), "I have had a bad headache since yesterday, I am 35")
    assert state["pending"], "the interview should be asking a question"
    return state


@pytest.mark.parametrize("value", ["maybe", "", None, "YES"])
def test_an_answer_other_than_yes_no_unknown_is_an_input_error(engine, asking, value):
    with pytest.raises(InputError, match="not a quick-reply answer"):
        chat.answer(engine, asking, value)


def test_the_three_answers_still_work(engine, asking):
    for value in ("yes", "no", "unknown"):
        assert chat.answer(engine, asking, value)["questions_asked"] == asking["questions_asked"] + 1


@pytest.mark.parametrize("damage,why", [
    ({"pending": "garbage"}, "'pending' is not a question"),
    ({"answers": ["x"]}, "'answers' is not a mapping"),
    ({"answers": {"fever": "perhaps"}}, "'answers' holds something other"),
    ({"turns": "hello"}, "'turns' is not a list of messages"),
    ({"turns": [{"role": "user"}]}, "'turns' is not a list of messages"),
    ({"age": "old"}, "'age' is not a number"),
    ({"questions_asked": None}, "'questions_asked' is not a count"),
    ({"result": "done"}, "'result' is not a result"),
])
def test_a_damaged_state_is_a_chat_state_error_in_every_entry_point(engine, asking, damage, why):
    bad = {**asking, **damage}
    for call in (lambda: chat.answer(engine, bad, "yes"), lambda: chat.user_message(engine, bad, "no"),
                 lambda: chat.finish_now(engine, bad), lambda: chat.set_demographics(engine, bad, 30, "female"),
                 lambda: chat.restore(engine, bad)):
        with pytest.raises(ChatStateError, match=why):
            call()


@pytest.mark.parametrize("data", [["a", "list"], "a string", None, 3])
def test_a_saved_chat_that_is_not_a_mapping_is_refused(engine, data):
    with pytest.raises(ChatStateError, match="not a chat"):
        chat.restore(engine, data)


def test_restore_gives_back_a_sound_state_with_its_result(engine, asking):
    fresh = chat.new_state()
    assert check_state(fresh) is fresh
    back = chat.restore(engine, asking)
    assert back["turns"] == asking["turns"] and back["result"] == asking["result"]


def test_a_correction_of_an_unknown_finding_is_an_input_error(engine, asking):
    with pytest.raises(InputError, match="not a finding"):
        chat.correct(engine, asking, "no_such_finding", "yes")
    fid = next(iter(asking["answers"]))
    with pytest.raises(InputError, match="not a correction"):
        chat.correct(engine, asking, fid, "sometimes")
