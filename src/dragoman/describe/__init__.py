"""Describe: language, publication date, outlet or agency, byline, and machine-rewrite flag.

Components live in :mod:`dragoman.describe.component`; the finders they use are plain
functions (:func:`~dragoman.describe.published.find_published`,
:func:`~dragoman.describe.source.find_source`, :func:`~dragoman.describe.author.find_author`,
:func:`~dragoman.describe.rewrite.rewrite_reasons`) and :mod:`dragoman.describe.dates` finds
dates in any supported language.
"""
