"""LoRA on the narrative model: a tiny random Llama and tokenizer built in code."""

from __future__ import annotations

import pytest

pytest.importorskip("peft")

from medcore import checkpoints  # noqa: E402
from medcore.jobs import JobCancelled  # noqa: E402
from medcore.llm.base import Prompt  # noqa: E402
from medcore.records import lora, lora_serving  # noqa: E402

NOTE = ("HPI: 67 year old man with community acquired pneumonia. He was started on amoxicillin 500 mg three times "
        "daily. Plan: follow up in clinic in two weeks with a repeat chest x-ray.")


class Rep:
    def __init__(self, cancel_at=None):
        self.rows, self.cancel_at = [], cancel_at

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None):
        self.rows.append((step, loss))

    def should_cancel(self):
        return self.cancel_at is not None and len(self.rows) >= self.cancel_at

    def log(self, message):
        pass


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    d = tmp_path_factory.mktemp("tiny-lora-base")
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    corpus = ["the patient has pneumonia and takes amoxicillin", "summarize the facts plainly",
              "follow up in clinic in two weeks"] * 20
    tok.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=160, special_tokens=["<unk>", "<s>", "</s>"]))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", bos_token="<s>", eos_token="</s>")
    fast.save_pretrained(d)
    cfg = LlamaConfig(vocab_size=fast.vocab_size, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=2048,
                      bos_token_id=fast.bos_token_id, eos_token_id=fast.eos_token_id,
                      initializer_range=0.3)  # the default 0.02 output head caps how far logits can move
    torch.manual_seed(0)
    LlamaForCausalLM(cfg).save_pretrained(d)
    return d


def _examples(n=1):
    p = Prompt(task="summary.narrative", instruction="Summarize.", facts={"one_liner": "pneumonia"},
               template_text="The patient has pneumonia.")
    return [lora.Example(p, "the patient has pneumonia and takes amoxicillin", f"reference:n{i}") for i in range(n)]


def _train(settings, tiny_dir, out, rep=None, **kw):
    kw = {"steps": 12, "rank": 4, "lr": 2e-2, "examples": _examples(), "heldout": [], "max_len": 256, **kw}
    return lora.train(settings, rep or Rep(), out_dir=out, base=tiny_dir, **kw)


def test_loss_goes_down_on_a_repeated_example(settings, tiny_dir, tmp_path):
    rep = Rep()
    res = _train(settings, tiny_dir, tmp_path, rep, steps=15)
    losses = [loss for _, loss in rep.rows]
    assert len(losses) == 15
    assert losses[-1] < 0.5 * losses[0], losses
    ck = res["checkpoint"]
    assert (tmp_path / "ckpt-00000015").samefile(ck)
    assert {"adapter_config.json", "adapter_model.safetensors", "state.json"} <= {p.name for p in
                                                                                   (tmp_path / "ckpt-00000015").iterdir()}
    assert 0 < res["trainable_params"] < 10_000 and res["base_model"] == str(tiny_dir.resolve())


def test_cancel_saves_and_resume_continues(settings, tiny_dir, tmp_path):
    with pytest.raises(JobCancelled):
        _train(settings, tiny_dir, tmp_path, Rep(cancel_at=3), steps=6)
    assert checkpoints.latest(tmp_path).name == "ckpt-00000003"
    rep = Rep()
    res = _train(settings, tiny_dir, tmp_path, rep, steps=6, resume=True)
    assert [s for s, _ in rep.rows] == [4, 5, 6]
    assert res["checkpoint"].endswith("ckpt-00000006")


def test_loading_the_adapter_changes_the_logits(settings, tiny_dir, tmp_path):
    import torch

    res = _train(settings, tiny_dir, tmp_path, steps=5)
    tok, base = lora.load_base(tiny_dir)
    ids = torch.tensor([tok("the patient has pneumonia")["input_ids"]])
    with torch.no_grad():
        before = base(input_ids=ids).logits.clone()
        adapted = lora_serving.apply_adapter(base, res["checkpoint"])
        after = adapted(input_ids=ids).logits
    assert (after - before).abs().max() > 1e-3


def test_build_examples_uses_references_and_corrections_not_heldout(settings, store):
    store.add_feedback("records", "correction", data={"note": NOTE, "summary": "Pneumonia on amoxicillin."})
    ex = lora.build_examples(settings, store)
    origins = {e.origin.split(":")[0] for e in ex}
    assert origins == {"reference", "correction"}
    from medcore.records.corpus import annotated_notes

    held = {n.id for n in annotated_notes(settings, "heldout")}
    assert not any(e.origin.split(":")[1] in held for e in ex)
    corr = [e for e in ex if e.origin.startswith("correction")][0]
    assert corr.target == "Pneumonia on amoxicillin." and corr.prompt.task == "summary.narrative"
    assert "pneumonia" in corr.prompt.template_text.lower()


def test_cli_job_registers_and_activates(settings, store, tiny_dir, monkeypatch):
    from medcore import jobs
    from medcore.cli import main

    monkeypatch.setattr(lora, "build_examples", lambda s, st=None, split="dev": _examples(1 if split == "dev" else 0))
    out = settings.data_dir / "lora-run"
    job_id = jobs.create_job(store, lora.MODEL_KIND, "test", ["train", "records-lora"])
    assert main(["train", "records-lora", "--base", str(tiny_dir), "--steps", "3", "--rank", "2", "--out", str(out),
                 "--job-id", str(job_id)]) == 0
    job = jobs.get_job(store, job_id)
    assert job.status == "done", job.error
    assert [p.step for p in jobs.progress(store, job_id)][-1] == 3
    active = store.active_model(lora.MODEL_KIND)
    assert active.id == job.result["model_id"] and active.config["base_model"] == str(tiny_dir.resolve())
    assert lora_serving.active_adapter(store, tiny_dir).id == active.id
    assert lora_serving.active_adapter(store, out) is None  # trained on another base: not used


def test_cli_rejects_a_backend_without_a_local_model(settings, capsys):
    from medcore.cli import main

    assert main(["train", "records-lora", "--steps", "2"]) == 2  # template backend
    assert "local model" in capsys.readouterr().err


def _activate(settings, store, tiny_dir):
    res = _train(settings, tiny_dir, settings.data_dir / "act", steps=3)
    return store.register_model(lora.MODEL_KIND, "tiny", res["checkpoint"], config={"base_model": res["base_model"]},
                                activate=True)


def test_narrative_uses_the_adapter_and_keeps_the_grounding_check(settings, store, tiny_dir, kb, fast_embed,
                                                                  monkeypatch):
    from peft import PeftModel

    from medcore.llm.hf_backend import HFBackend
    from medcore.records.narrative import narrative
    from medcore.records.pipeline import analyze
    from medcore.records.service import vocabulary

    model_id = _activate(settings, store, tiny_dir)
    hf = settings.replace(llm_backend="hf", llm_model=str(tiny_dir), llm_max_new_tokens=4)
    a = analyze(NOTE, kb)
    seen = []
    reply = {"text": ""}
    real_generate = HFBackend.generate

    def fake_generate(self, prompt, **kw):
        # the real adapted model runs, then the reply is replaced to steer the grounding check
        real_generate(self, prompt, **kw)
        seen.append((self.label, isinstance(self._model, PeftModel)))
        return reply["text"]

    monkeypatch.setattr(HFBackend, "generate", fake_generate)
    reply["text"] = a.summary.one_liner  # faithful: passes the check
    n = narrative(a, hf, store=store, vocabulary=vocabulary(kb))
    assert seen[-1] == (f"local model {tiny_dir.name} + LoRA adapter {model_id}", True)
    assert n.method == "language model" and n.backend.endswith(f"+ LoRA adapter {model_id}")
    n = narrative(a, hf, vocabulary=vocabulary(kb))  # no store given: the settings' database is asked
    assert n.backend.endswith(f"+ LoRA adapter {model_id}")

    reply["text"] = a.summary.one_liner + " Start warfarin 5 mg daily."  # adds a drug and a dose
    n = narrative(a, hf, store=store, vocabulary=vocabulary(kb))
    assert seen[-1][1] is True
    assert n.method == "extractive" and "warfarin" not in n.text.lower()
    assert "did not pass" in n.note or "mentioned something" in n.note

    store.set_active_model(store.register_model(lora.MODEL_KIND, "other base", str(settings.data_dir),
                                                config={"base_model": "/elsewhere"}))
    reply["text"] = a.summary.one_liner
    n = narrative(a, hf, store=store, vocabulary=vocabulary(kb))
    assert seen[-1] == (f"local model {tiny_dir.name}", False)  # base model alone, no adapter
    assert "LoRA" not in n.backend


_LAB = ("from ui.loaders import get_settings, get_store\n"
        "import ui.lab_records as lab\n"
        "lab._lora_section(get_settings(), get_store(), 0)\n")


def test_lab_explains_when_the_backend_has_no_weights(settings):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(_LAB, default_timeout=120)
    at.run()
    assert not at.exception
    assert not any(b.label == "Fine-tune with LoRA" for b in at.button)
    assert any("no local weights" in i.value for i in at.info)


def test_lab_starts_the_lora_job(settings, store, tiny_dir, monkeypatch):
    """The Model lab path end to end: the button starts a worker process that trains, registers and activates."""
    from streamlit.testing.v1 import AppTest

    from medcore import jobs

    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "hf")
    monkeypatch.setenv("MEDCORE_LLM_MODEL", str(tiny_dir))
    at = AppTest.from_string(_LAB, default_timeout=120)
    at.run()
    assert not at.exception
    at.number_input(key="lab_rec_lora_steps").set_value(5)
    at.selectbox(key="lab_rec_lora_rank").set_value(4)
    next(b for b in at.button if b.label == "Fine-tune with LoRA").click()
    at.run()
    assert not at.exception
    job = jobs.list_jobs(store, kind=lora.MODEL_KIND)[0]
    assert "--base" in job.argv and str(tiny_dir.resolve()) in job.argv
    job = jobs.wait(store, job.id, timeout_s=90)
    assert job.status == "done", job.error
    active = store.active_model(lora.MODEL_KIND)
    assert active.id == job.result["model_id"] and job.result["pairs"] >= 5  # the shipped references
    at.run()
    assert not at.exception
    assert any(f"Active adapter: #{active.id}" in c.value for c in at.caption)


def test_generation_eval_measures_grounding_and_rouge(settings, tiny_dir, tmp_path):
    res = _train(settings, tiny_dir, tmp_path, steps=2)
    for adapter in (None, res["checkpoint"]):
        ev = lora_serving.generation_eval(settings, tiny_dir, adapter, max_new_tokens=4, limit=2)
        assert ev["notes"] == 2 and 0 <= ev["grounded_rate"] <= 1 and 0 <= ev["rouge_l_shown"] <= 1
        row = ev["per_note"][0]
        assert row["grounded"] or row["rouge_l_shown"] > 0  # a rejected text is replaced by the template
