"""Audit detail keeps short identifiers under known keys and hashes any other text (no PHI in the audit log).
A value with a line break is not a short identifier: `$` once let "ok\\n" through, `\\Z` does not."""

from medcore.audit_scrub import scrub_detail


def test_short_identifiers_under_known_keys_are_kept():
    assert scrub_detail({"status": "ok", "steps": 20, "model": "ddpm-v2"}) == {"status": "ok", "steps": 20,
                                                                            "model": "ddpm-v2"}


def test_other_text_and_values_with_a_line_break_are_hashed():
    out = scrub_detail({"status": "ok\n", "note": "Jane Doe, MRN 123"})
    for key in ("status", "note"):
        assert set(out[key]) == {"chars", "sha256"}
    assert "Jane" not in str(out)
