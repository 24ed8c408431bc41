"""The one seam for what differs between the vendors: error bodies and verify answers.

Everything else in the layer is shared. Each vendor package defines one ``VendorProfile``
(``infobip/_vendor.py``, ``bandwidth/_vendor.py``) and its clients pass it to every call, so no
shared module asks which vendor it is talking to (the Stainless SDKs' ``_make_status_error``
plays the same part).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ._constants import Vendor
from ._verify import VerifyResult


@dataclass(frozen=True)
class ErrorFields:
    """What a vendor's error body says, whatever its shape: all optional, never raising."""

    code: str | None = None
    message: str | None = None
    validation_errors: dict[str, list[str]] = field(default_factory=dict)
    request_id: str | None = None


class VendorProfile(Protocol):
    """A vendor's reading of its own answers."""

    @property
    def name(self) -> Vendor: ...

    def error_fields(self, data: Any) -> ErrorFields:
        """The fields of a decoded error body (``None`` when the body was not JSON)."""
        ...

    def verify_result(self, parsed: Any, operation: str) -> VerifyResult:
        """A verify operation's parsed 200 body as a ``VerifyResult``."""
        ...


def text(value: Any) -> str | None:
    """A non-empty string, or None: for reading fields of bodies whose shape is not guaranteed."""
    return value if isinstance(value, str) and value else None
