"""Medcore Studio: the clinical AI workbench's engines. Never imports streamlit."""

__version__ = "0.1.0"
