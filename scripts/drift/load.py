"""Read an OpenAPI document from a local file or an https URL.

Bounded: at most ``MAX_BYTES`` are read and a download gives up after ``TIMEOUT_SECONDS``. Plain
http is refused except on the loopback interface (a test server, a local mirror). Whatever goes
wrong ends in a ``SourceError`` whose message says what was asked for and what happened; the
source is always shown without credentials or query string, so a signed URL cannot leak into a
report or a log.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml

MAX_BYTES = 20 * 1024 * 1024  # the largest published document we know of is under 1 MB
TIMEOUT_SECONDS = 60.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class SourceError(Exception):
    """The vendor document could not be read or is not an OpenAPI document."""


def display(source: str) -> str:
    """``source`` as it may appear in reports: a URL loses its credentials, query and fragment."""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https"):
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    return source


def read_bytes(source: str) -> bytes:
    parts = urlsplit(source)
    if parts.scheme in ("http", "https"):
        return _download(source)
    if parts.scheme == "file":
        source = parts.path
    elif parts.scheme and len(parts.scheme) > 1:  # not a Windows drive letter
        raise SourceError(f"{display(source)}: only a file path or an https URL is supported")
    path = Path(source).expanduser()
    if not path.is_file():
        raise SourceError(f"{source}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{source}: {size} bytes, more than the {MAX_BYTES} a vendor document may have")
    return path.read_bytes()


def _download(url: str) -> bytes:
    parts = urlsplit(url)
    shown = display(url)
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise SourceError(f"{shown}: plain http is refused (use https)")
    request = urllib.request.Request(url, headers={"Accept": "application/json, application/yaml, text/yaml, */*"})  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SourceError(f"{shown}: HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceError(f"{shown}: download failed: {reason}") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"{shown}: more than {MAX_BYTES} bytes")
    return data


def parse(data: bytes, source: str) -> dict[str, Any]:
    """JSON or YAML (YAML is a superset, but JSON first gives the better error for a JSON file)."""
    shown = display(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{shown}: not UTF-8 text") from None
    doc: Any
    try:
        doc = json.loads(text)
    except ValueError:
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SourceError(f"{shown}: neither JSON nor YAML: {exc}") from None
        except RecursionError:
            raise SourceError(f"{shown}: nested too deeply to read") from None
    except RecursionError:
        raise SourceError(f"{shown}: nested too deeply to read") from None
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise SourceError(f"{shown}: not an OpenAPI 3 document (no `openapi: 3.x` at the top)")
    if not isinstance(doc.get("paths"), dict):
        raise SourceError(f"{shown}: the document has no `paths` object")
    return doc


def load(source: str) -> dict[str, Any]:
    return parse(read_bytes(source), source)
