"""Case trainer: synthetic patients built from the triage knowledge base, a simulated patient that
answers free-text questions, orders, and a transparent scoring rubric. Never imports streamlit."""
