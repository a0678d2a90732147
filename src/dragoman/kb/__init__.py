"""Knowledge base of canonical entities with names in many languages and scripts.

    from dragoman.kb import load_kb
    kb = load_kb()
    kb.lookup("Tokajew")[0].name      # 'Kassym-Jomart Tokayev'
    kb.lookup("Moszkvában", "hu")     # [Entity(name='Moscow', ...)]
"""
from .model import Entity, KnowledgeBase, load_kb
from .normalize import fold, phonetic_key

__all__ = ["Entity", "KnowledgeBase", "load_kb", "fold", "phonetic_key"]
