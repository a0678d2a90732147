"""The watcher's default settings, in a module that imports nothing, so the command line can
show them in its help without loading the HTTP client."""
from __future__ import annotations

# Seconds between polls of a feed that does not declare how often it changes.
DEFAULT_INTERVAL_SECONDS = 15 * 60
# Seconds between two requests to one host (robots.txt Crawl-delay may ask for more).
DEFAULT_HOST_DELAY_SECONDS = 1.0
CONNECT_TIMEOUT_SECONDS = 10.0
READ_TIMEOUT_SECONDS = 20.0
# Largest feed or page body accepted.
MAX_BYTES = 10 * 1024 * 1024
