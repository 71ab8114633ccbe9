"""Symptom chat: knowledge base, NLU, Bayesian engine, triage rules, interview, evaluation.

Nothing here imports streamlit; the page calls `session` and `export`.
"""
