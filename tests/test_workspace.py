from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from ui.workspace import load_work, new_work, save_work, workspace_id

    st.caption(f"ws={workspace_id()}")
    rec = load_work("chat")
    turns = list(rec.data["turns"]) if rec else []
    msg = st.text_input("Message")
    if st.button("Send") and msg:
        turns.append(msg)
        save_work("chat", {"turns": turns}, title="test chat")
    if st.button("Restart"):
        new_work("chat")
        turns = []
    st.write(f"turns={turns}")


def _turns(at):
    return next(m.value for m in at.markdown if m.value.startswith("turns="))


def test_work_survives_a_reload_through_the_url(settings):
    at = AppTest.from_function(_page, default_timeout=60).run()
    ws = at.query_params["ws"]
    ws = ws[0] if isinstance(ws, list) else ws
    at.text_input[0].input("chest pain").run()
    at.button[0].click().run()
    at.text_input[0].input("since this morning").run()
    at.button[0].click().run()
    assert _turns(at) == "turns=['chest pain', 'since this morning']"

    reloaded = AppTest.from_function(_page, default_timeout=60)
    reloaded.query_params["ws"] = ws
    reloaded.run()
    assert _turns(reloaded) == "turns=['chest pain', 'since this morning']"

    stranger = AppTest.from_function(_page, default_timeout=60).run()  # another workspace sees nothing
    assert _turns(stranger) == "turns=[]"


def test_restart_keeps_the_old_item_and_starts_a_new_one(settings, store):
    at = AppTest.from_function(_page, default_timeout=60).run()
    at.text_input[0].input("headache").run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert _turns(at) == "turns=[]"
    at.text_input[0].input("cough").run()
    at.button[0].click().run()
    items = store.list_work(kind="chat")
    assert sorted(i.data["turns"][0] for i in items) == ["cough", "headache"]
