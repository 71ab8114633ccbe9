"""Streamlit-side helpers only: cached loaders, page frame, error boundary, workspace, job panel."""
