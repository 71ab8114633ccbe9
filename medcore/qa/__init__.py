"""Health questions and education: education pages generated from the knowledge graph (pages),
curated plain-language text (curated), handouts (handout); question answering builds on these."""
