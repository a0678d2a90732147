"""Entities: recognition against the knowledge base, unknown-name finders, coreference."""
