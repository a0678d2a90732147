"""dragoman: multilingual news on international relations, turned into a searchable knowledge base."""

__version__ = "0.1.0"
