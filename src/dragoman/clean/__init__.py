"""Clean: an article's main text without site furniture, and its title.

:class:`~dragoman.clean.furniture.FurnitureRemover` does the work; the ``clean`` pipeline
component lives in :mod:`dragoman.clean.component`.
"""
