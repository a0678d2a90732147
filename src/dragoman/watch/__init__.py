"""Watching feeds: poll RSS/Atom feeds on their own schedules and hand each new entry's page on.

- :mod:`.feedlist`: the feed URLs, from arguments or list files;
- :mod:`.fetch`: one bounded HTTP GET (timeouts, size, redirects, conditional GET);
- :mod:`.robots`, :mod:`.ratelimit`, :mod:`.client`: robots.txt and a per-host rate limit;
- :mod:`.schedule`: poll intervals and back-off;
- :mod:`.pages`: an entry's page as a document, the feed's text standing in when need be;
- :mod:`.poller`: passes over the feeds, with the ledger in the store (``store/feeds.py``).

The service (:mod:`dragoman.service.watch`) ingests what the poller hands on. This file imports
nothing, so the command line can read the defaults (:mod:`.schedule`, :mod:`.ratelimit`,
:mod:`.fetch`) without loading the poller and the store.
"""
