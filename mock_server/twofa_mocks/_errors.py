"""One vocabulary for both vendor mocks: how a handler says "answer with this error".

- ``VendorError(answer)``: stop here and send ``answer``, a complete error in the vendor's shape.
  Each vendor builds its own bodies (infobip/_errors.py, bandwidth/_errors.py).
- ``InvalidRequest(errors)``: the request fails validation; ``errors`` holds the problems by field.
  The vendor's ``ErrorAnswers.invalid`` makes its 400 of them: Infobip lists every problem under
  ``validationErrors``, Bandwidth states the first in one sentence.
- ``ErrorAnswers``: the answers a vendor gives to what the mock finds itself (an injected fault's
  status, an invalid request, a bug); _operation.py asks for them.
"""

from __future__ import annotations

from typing import Protocol

from ._http import Answer


class VendorError(Exception):
    """Raised anywhere in a handler: ``answer`` is the answer."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.status_code)
        self.answer = answer


class InvalidRequest(Exception):
    """The request fails validation: a 400 in the vendor's shape. ``errors``: field -> problems, never empty
    (``body`` names the body as a whole)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        if not errors or not all(errors.values()):
            raise ValueError("an invalid request names at least one problem")
        super().__init__(errors)
        self.errors = errors

    @classmethod
    def of(cls, field: str, message: str) -> InvalidRequest:
        """One problem with one field."""
        return cls({field: [message]})

    @property
    def first(self) -> str:
        """The first problem found."""
        return next(iter(self.errors.values()))[0]


class ErrorAnswers(Protocol):
    """What a vendor answers to what the mock finds itself, in the vendor's shape."""

    def fault(self, status: int) -> Answer:
        """An injected fault's status (429 or 5xx)."""
        ...

    def invalid(self, error: InvalidRequest) -> Answer:
        """A request that fails validation."""
        ...

    def internal_error(self) -> Answer | None:
        """A bug in the mock; None lets the exception go on (a plain 500, and the server logs it)."""
        ...
