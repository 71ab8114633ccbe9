"""Health questions and education: pages generated from the knowledge graph, retrieval, answers with sources."""
