"""CLI JSON contract, evaluation command, exports (JSON, PDF, FHIR R4B)."""

from __future__ import annotations

import json
import subprocess
import sys

from medcore.triage import chat, export

REPO = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_cli_json_contract_in_process(settings, capsys):
    from medcore.cli import main

    rc = main(["triage", "I'm a 60 year old man with crushing chest pain and sweating for an hour, no fever",
               "--json"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert {"findings", "differential", "triage", "red_flags", "next_question"} <= set(out)
    assert "message" not in out
    assert out["triage"] == "emergency"
    f = {x["id"]: x for x in out["findings"]}
    assert f["chest_pain_crushing"]["present"] is True and f["fever"]["present"] is False
    assert set(out["findings"][0]) == {"id", "name", "present"}
    d = out["differential"][0]
    assert set(d) == {"id", "name", "icd10", "probability", "triage", "evidence_for", "evidence_against"}
    assert d["id"] == "myocardial_infarction" and d["icd10"] == "I21.9" and 0 < d["probability"] <= 1
    assert len(out["differential"]) == 5
    assert out["next_question"] is None or {"id", "text", "information_gain"} <= set(out["next_question"])


def test_cli_subprocess_and_bad_input(settings):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "MEDCORE_DATA_DIR": str(settings.data_dir),
           "MEDCORE_LLM_BACKEND": "template", "HF_HUB_OFFLINE": "1"}
    p = subprocess.run([sys.executable, "-m", "medcore", "triage", "", "--json", "--no-embeddings"], cwd=REPO,
                       env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    # nothing recognised: no triage level, a message saying why, and the emergency line
    assert out["findings"] == [] and out["triage"] is None and out["differential"] == []
    assert "describe" in out["message"].lower() and "emergency" in out["message"].lower()


def test_exports(lexical_engine):
    s = chat.user_message(lexical_engine, chat.new_state(), "30 year old woman, burning when I pee for 2 days")
    s = chat.finish_now(lexical_engine, s)
    j = export.to_json(s)
    assert j["result"]["differential"] and j["transcript"][0]["role"] == "assistant" and "disclaimer" in j
    pdf = export.to_pdf(s)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    bundle = export.to_fhir(s)
    export.validate_fhir(bundle)
    conds = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Condition"]
    assert len(conds) == 5
    for c in conds:
        assert c["verificationStatus"]["coding"][0]["code"] == "differential"
        assert c["meta"]["security"][0]["code"] == "AIAST"
    assert any(e["resource"]["resourceType"] == "Provenance" for e in bundle["entry"])
    assert conds[0]["code"]["coding"][0]["code"] == "N30.0"
