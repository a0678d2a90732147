"""One HTTP GET, bounded every way a remote server can misbehave (standard library only).

- separate connect and read timeouts, plus a deadline for the whole body (a server that
  trickles one byte a second never trips a per-read timeout);
- a maximum body size, checked against Content-Length and again while reading;
- redirects followed up to a bound, a loop named as one;
- conditional GET: ``If-None-Match`` / ``If-Modified-Since`` sent when known, 304 returned as
  a result, not an error.

Every failure is a :class:`FetchError` whose message names the URL's problem in a few words and
says whether trying again later may help (``transient``).
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, quote, urlsplit, urlunsplit

from .. import __version__
from .defaults import CONNECT_TIMEOUT_SECONDS, MAX_BYTES, READ_TIMEOUT_SECONDS

USER_AGENT = f"dragoman/{__version__} (news feed watcher)"
# The token robots.txt rules name us by.
ROBOTS_AGENT = "dragoman"
# A whole response body must arrive within this many read timeouts.
BODY_DEADLINE_READS = 3
MAX_REDIRECTS = 5
READ_CHUNK = 64 * 1024
# Statuses after which the same request later may well succeed.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
PERMANENT_REDIRECTS = frozenset({301, 308})
NOT_MODIFIED = 304
WEB_SCHEMES = ("http", "https")
# Characters left as they are when a URL with non-ASCII characters is percent-encoded: the
# URL's own delimiters and escapes.
_URL_SAFE = "/?#[]@!$&'()*+,;=:%~"


class FetchError(Exception):
    """A GET that gave no usable response; ``status`` is the HTTP status when there was one."""

    def __init__(self, url: str, reason: str, *, transient: bool, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(reason)
        self.url = url
        self.reason = reason
        self.transient = transient
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchOptions:
    connect_timeout: float = CONNECT_TIMEOUT_SECONDS
    read_timeout: float = READ_TIMEOUT_SECONDS
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int  # 200-range, or 304
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None  # media type, lower case, without parameters
    charset: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, target) per hop

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED

    @property
    def moved_permanently_to(self) -> str | None:
        """Where the URL now lives when every hop was a permanent redirect."""
        if self.redirects and all(code in PERMANENT_REDIRECTS for code, _ in self.redirects):
            return self.final_url
        return None


class _Timed:
    """Connect within one timeout, then read with another."""

    def __init__(self, *args, read_timeout: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._read_timeout = read_timeout

    def connect(self):
        super().connect()
        self.sock.settimeout(self._read_timeout)


class _TimedHTTPConnection(_Timed, http.client.HTTPConnection):
    pass


class _TimedHTTPSConnection(_Timed, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float):
        super().__init__()
        self._read_timeout = read_timeout

    def http_open(self, req):
        return self.do_open(_TimedHTTPConnection, req, read_timeout=self._read_timeout)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float):
        super().__init__()
        self._read_timeout = read_timeout

    def https_open(self, req):
        return self.do_open(_TimedHTTPSConnection, req, context=self._context, read_timeout=self._read_timeout)


class _RedirectTooFar(Exception):
    pass


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects up to a bound, and keeps the chain (one handler per fetch)."""

    def __init__(self, start: str, limit: int):
        super().__init__()
        self.visited = [start]
        self.hops: list[tuple[int, str]] = []
        self.limit = limit

    def http_error_302(self, req, fp, code, msg, headers):
        # urllib refuses some schemes itself, with a bare HTTPError, before redirect_request runs.
        location = headers.get("location") or headers.get("uri")
        if location and urlsplit(urljoin(req.full_url, location)).scheme.lower() not in WEB_SCHEMES:
            fp.close()
            raise _RedirectTooFar(f"redirect to a non-web address ({location})")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in WEB_SCHEMES:
            fp.close()
            raise _RedirectTooFar(f"redirect to a non-web address ({newurl})")
        newurl = ascii_url(newurl)
        if newurl in self.visited:
            fp.close()
            raise _RedirectTooFar("redirect loop: " + " -> ".join(self.visited + [newurl]))
        if len(self.hops) >= self.limit:
            fp.close()
            raise _RedirectTooFar(f"more than {self.limit} redirects (last to {newurl})")
        self.visited.append(newurl)
        self.hops.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def ascii_url(url: str) -> str:
    """The URL as HTTP sends it: a non-ASCII host in IDNA, other non-ASCII characters
    percent-encoded (feeds link to pages with Cyrillic or Chinese paths as they are)."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, _, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        netloc = (userinfo + "@" if userinfo else "") + host.encode("idna").decode("ascii") + colon + port
    path, query, fragment = (quote(part, safe=_URL_SAFE) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _retry_after(headers: Message | None) -> float | None:
    """Seconds a 429/503 asks us to wait (``Retry-After``: seconds or an HTTP date)."""
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def _read_body(response, url: str, options: FetchOptions) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > options.max_bytes:
        raise FetchError(url, f"response of {int(length)} bytes is over the {options.max_bytes} bytes allowed",
                         transient=False)
    deadline = time.monotonic() + options.read_timeout * BODY_DEADLINE_READS
    chunks, size = [], 0
    while True:
        chunk = response.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(url, f"response is over the {options.max_bytes} bytes allowed", transient=False)
        if time.monotonic() > deadline:
            raise FetchError(url, f"response body still arriving after {options.read_timeout * BODY_DEADLINE_READS:g} s",
                             transient=True)
        chunks.append(chunk)


def _network_reason(error: BaseException, options: FetchOptions) -> str:
    if isinstance(error, (socket.timeout, TimeoutError)):
        return f"no answer within {options.read_timeout:g} s (timed out)"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "host name not found"
    if isinstance(error, http.client.HTTPException):
        return f"broken HTTP response ({error.__class__.__name__})"
    return f"network error: {getattr(error, 'strerror', None) or error}"


def fetch(url: str, options: FetchOptions = FetchOptions(), *, etag: str | None = None,
          last_modified: str | None = None) -> Response:
    """GET ``url``; a :class:`Response` (2xx or 304) or a :class:`FetchError`."""
    headers = {"User-Agent": options.user_agent, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
            raise ValueError("only http:// and https:// addresses are fetched")
        target = ascii_url(url)
        urlsplit(target).port  # a port out of range is a ValueError here, not a refused connection
        redirects = _Redirects(target, options.max_redirects)
        opener = urllib.request.build_opener(_HTTPHandler(options.read_timeout),
                                             _HTTPSHandler(options.read_timeout), redirects)
        request = urllib.request.Request(target, headers=headers)
        with opener.open(request, timeout=options.connect_timeout) as response:
            body = _read_body(response, url, options)
            return _response(url, response.status, response.geturl(), response.headers, body, redirects.hops)
    except urllib.error.HTTPError as error:
        headers = error.headers
        error.close()
        if error.code == NOT_MODIFIED:
            return _response(url, NOT_MODIFIED, error.geturl() or url, headers, b"", redirects.hops)
        raise FetchError(url, f"HTTP {error.code} {error.reason or ''}".strip(), status=error.code,
                         transient=error.code in TRANSIENT_STATUSES, retry_after=_retry_after(headers)) from None
    except _RedirectTooFar as error:
        raise FetchError(url, str(error), transient=False) from None
    except urllib.error.URLError as error:
        reason = error.reason if isinstance(error.reason, BaseException) else None
        text = _network_reason(reason, options) if reason else str(error.reason)
        raise FetchError(url, text, transient=True) from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(url, _network_reason(error, options), transient=True) from None
    except (ValueError, UnicodeError) as error:  # an unusable URL (no scheme, a bad port or host)
        raise FetchError(url, f"not a URL that can be fetched: {error}", transient=False) from None


def _response(url: str, status: int, final_url: str, headers: Message, body: bytes,
              hops: list[tuple[int, str]]) -> Response:
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    return Response(url=url, final_url=final_url, status=status, body=body, etag=headers.get("ETag"),
                    last_modified=headers.get("Last-Modified"), content_type=content_type,
                    charset=headers.get_content_charset(), redirects=list(hops))
