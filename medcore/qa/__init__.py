"""Health questions and education: education pages generated from the knowledge graph (pages),
curated plain-language text (curated), handouts (handout); question understanding, retrieval and answers
with sources and safe routing (understand, retrieve, answer, service)."""
