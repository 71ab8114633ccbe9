import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from medcore.llm import Prompt, get_backend
from medcore.llm.base import LLMError
from medcore.llm.grounding import check, doses_in
from medcore.llm.openai_backend import OpenAIBackend, is_local_url
from medcore.llm.phrasing import phrase
from medcore.llm.template import TemplateBackend

PROMPT = Prompt("summary.narrative", "Summarize.", {"problems": ["pneumonia"], "meds": ["amoxicillin 500 mg"]},
                "Pneumonia, treated with amoxicillin 500 mg three times daily.")


# ---- template ---------------------------------------------------------------------------------
def test_template_backend_is_deterministic_and_streams_the_same_text(settings):
    b = get_backend(settings)
    assert b.name == "template" and b.local
    assert b.generate(PROMPT) == PROMPT.template_text == b.generate(PROMPT)
    assert "".join(b.stream(PROMPT)) == PROMPT.template_text
    assert len(list(b.stream(PROMPT))) > 3


def test_template_without_template_text_renders_the_facts():
    text = TemplateBackend().generate(Prompt("x", "y", {"triage_level": "urgent", "red_flags": ["fever", "rash"]}))
    assert "Triage level: urgent" in text and "fever; rash" in text


# ---- OpenAI-compatible endpoint, faked locally -------------------------------------------------
class FakeOpenAI(BaseHTTPRequestHandler):
    received: list = []

    def log_message(self, *a):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.received.append({"body": body, "auth": self.headers.get("Authorization")})
        if body["model"] == "broken":
            self.send_response(500)
            self.end_headers()
            return
        words = ["Community-acquired ", "pneumonia, ", "on amoxicillin."]
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for w in words:
                chunk = {"choices": [{"delta": {"content": w}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
        else:
            out = json.dumps({"choices": [{"message": {"role": "assistant", "content": "".join(words)}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)


@pytest.fixture
def fake_server():
    FakeOpenAI.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_openai_generate_and_stream(fake_server, settings):
    b = get_backend(settings.replace(llm_backend="openai", llm_base_url=fake_server, llm_model="m",
                                     llm_api_key="secret"))
    assert b.name == "openai" and b.local
    assert b.generate(PROMPT) == "Community-acquired pneumonia, on amoxicillin."
    chunks = list(b.stream(PROMPT))
    assert chunks == ["Community-acquired ", "pneumonia, ", "on amoxicillin."]
    first = FakeOpenAI.received[0]
    assert first["auth"] == "Bearer secret" and first["body"]["model"] == "m"
    assert FakeOpenAI.received[1]["body"]["stream"] is True


def test_openai_errors_become_llm_errors(fake_server):
    b = OpenAIBackend(fake_server, "broken")
    with pytest.raises(LLMError):
        b.generate(PROMPT)
    with pytest.raises(LLMError):
        list(b.stream(PROMPT))
    with pytest.raises(LLMError):
        OpenAIBackend("http://127.0.0.1:9/v1", "m", timeout_s=1).generate(PROMPT)


def test_text_for_a_remote_endpoint_is_deidentified_first():
    phi = Prompt("x", "Summarize.", {"note": "Seen by Dr. Alvarez. MRN: 88231907. Call 617-555-0199 or "
                                             "jane.doe@example.org on 04/02/2025."})
    remote = OpenAIBackend("https://llm.example.org/v1", "m")
    assert not remote.local and not is_local_url("https://llm.example.org/v1")
    sent = json.dumps(remote.outgoing_messages(phi))
    for secret in ("Alvarez", "88231907", "617-555-0199", "jane.doe@example.org", "04/02/2025"):
        assert secret not in sent
    local = OpenAIBackend("http://localhost:8000/v1", "m")
    assert local.local and "88231907" not in json.dumps(local.outgoing_messages(phi))  # on this machine: still
    trusted = OpenAIBackend("http://localhost:8000/v1", "m", trusted=True)  # an admin's audited choice
    assert "88231907" in json.dumps(trusted.outgoing_messages(phi))


# ---- local HF model: a tiny random Llama with a tokenizer built in code -------------------------
@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    d = tmp_path_factory.mktemp("tiny-llm")
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    corpus = ["the patient has pneumonia and takes amoxicillin", "summarize the facts plainly"] * 20
    tok.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=120, special_tokens=["<unk>", "<s>", "</s>"]))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", bos_token="<s>", eos_token="</s>")
    fast.save_pretrained(d)
    cfg = LlamaConfig(vocab_size=fast.vocab_size, hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                      num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=512,
                      bos_token_id=fast.bos_token_id, eos_token_id=fast.eos_token_id)
    import torch

    torch.manual_seed(0)
    LlamaForCausalLM(cfg).save_pretrained(d)
    return d


def test_hf_backend_generates_and_streams_from_a_local_dir(tiny_model_dir, settings):
    b = get_backend(settings.replace(llm_backend="hf", llm_model=str(tiny_model_dir), llm_max_new_tokens=8))
    assert b.name == "hf" and b.local
    text = b.generate("the patient")
    assert isinstance(text, str)
    assert b.generate("the patient") == text  # greedy: deterministic
    assert "".join(b.stream("the patient")).strip() == text


def test_hf_backend_missing_path_is_a_clear_error(tmp_path):
    from medcore.llm.hf_backend import HFBackend

    with pytest.raises(LLMError, match="does not exist"):
        HFBackend(tmp_path / "nope").generate("x")


# ---- grounding ------------------------------------------------------------------------------------
VOCAB = ["amoxicillin", "doxycycline", "pneumonia", "pulmonary embolism", "warfarin"]


def test_grounding_accepts_a_faithful_rephrase():
    r = check("You have pneumonia. Take amoxicillin 500 mg three times a day.", ["pneumonia", "amoxicillin"],
              VOCAB, allowed_text=PROMPT.template_text)
    assert r.ok, r.unsupported


def test_grounding_rejects_added_drugs_diagnoses_and_doses():
    r = check("Pneumonia or pulmonary embolism; take doxycycline 100 mg, or amoxicillin 1000 mg.",
              ["pneumonia", "amoxicillin"], VOCAB, allowed_text=PROMPT.template_text)
    assert not r.ok
    assert {"pulmonary embolism", "doxycycline", "100 mg", "1000 mg"} <= set(r.unsupported)


def test_dose_normalisation():
    assert doses_in("0.50 mg and 5 MCG, 2 units") == {"0.5 mg", "5 mcg", "2 units"}


class _Stub:
    name, label, local = "stub", "stub model", True

    def __init__(self, text=None, error=False):
        self.text, self.error = text, error

    def generate(self, prompt, **kw):
        if self.error:
            raise LLMError("down")
        return self.text


def test_phrase_falls_back_to_template_and_says_why():
    ok = phrase(_Stub("Pneumonia; amoxicillin 500 mg."), PROMPT, allowed_terms=["pneumonia", "amoxicillin"],
                vocabulary=VOCAB)
    assert ok.source == "model" and ok.backend == "stub model"
    bad = phrase(_Stub("Start warfarin 5 mg."), PROMPT, allowed_terms=["pneumonia", "amoxicillin"], vocabulary=VOCAB)
    assert bad.source == "template" and bad.text == PROMPT.template_text and "warfarin" in bad.note
    down = phrase(_Stub(error=True), PROMPT)
    assert down.source == "template" and "failed" in down.note
    assert phrase(TemplateBackend(), PROMPT).source == "template"


def test_grounding_catches_drug_like_words_outside_the_vocabulary():
    r = check("Pneumonia: start oxycathine or zantrozole, and amoxicillin.", ["pneumonia", "amoxicillin"], VOCAB,
              allowed_text=PROMPT.template_text)
    assert not r.ok and "zantrozole" in r.unsupported
    ok = check("Pneumonia, treated with amoxicillin; rest and fluids.", ["pneumonia", "amoxicillin"], VOCAB,
               allowed_text=PROMPT.template_text)
    assert ok.ok, ok.unsupported


def test_a_prompt_is_deidentified_as_one_document():
    from medcore.llm.openai_backend import deidentify_messages

    facts = "Patient: Maria Gonzalez\nDOB: 03/14/1961\nSeen 04/02/2024 for cough."
    draft = "Maria was seen on 04/02/2024. Gonzalez reports cough since 03/30/2024."
    out = deidentify_messages([{"role": "system", "content": facts}, {"role": "user", "content": draft}])
    sent = json.dumps(out)
    for secret in ("Maria", "Gonzalez", "04/02/2024", "03/14/1961"):
        assert secret not in sent
    seen_facts = out[0]["content"].split("Seen ")[1].split()[0]
    seen_draft = out[1]["content"].split("seen on ")[1].split(".")[0]
    assert seen_facts == seen_draft  # one date shift for the whole prompt
    assert [m["role"] for m in out] == ["system", "user"]
