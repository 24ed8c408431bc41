"""Which vendors a start tries, in which order: a default order, optionally one per country prefix.

    Routing(order=("infobip", "bandwidth"), by_prefix={"+1": ("bandwidth", "infobip")})

The longest prefix matching an E.164 destination wins; e-mail addresses use ``order``. A listed order
is the whole list: a vendor left out of a prefix's order never sends to those numbers. An empty
``order`` means the order the providers were given in. Vendors lacking the channel are left out; if
none is left, the start is refused (``ChannelUnavailableError``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .._errors import InvalidArgumentError
from ._vendor import Vendor

_PREFIX = re.compile(r"\+[1-9][0-9]{0,6}")
_VENDORS = ("infobip", "bandwidth")


def _order(value: object, name: str) -> tuple[Vendor, ...]:
    if isinstance(value, str) or not isinstance(value, tuple | list):
        raise InvalidArgumentError(f"{name} must be a tuple of vendor names")
    if any(v not in _VENDORS for v in value) or len(set(value)) != len(value):
        raise InvalidArgumentError(f"{name} must list distinct vendors among {', '.join(_VENDORS)}")
    return tuple(value)


@dataclass(frozen=True)
class Routing:
    order: tuple[Vendor, ...] = ()
    by_prefix: Mapping[str, tuple[Vendor, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "order", _order(self.order, "Routing.order"))
        if not isinstance(self.by_prefix, Mapping):
            raise InvalidArgumentError("Routing.by_prefix must map '+<country code>' to a tuple of vendors")
        prefixes: dict[str, tuple[Vendor, ...]] = {}
        for prefix, vendors in self.by_prefix.items():
            if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
                raise InvalidArgumentError("Routing.by_prefix keys must be '+' and 1 to 7 digits, like '+1' or '+44'")
            prefixes[prefix] = _order(vendors, f"Routing.by_prefix[{prefix!r}]")
        object.__setattr__(self, "by_prefix", MappingProxyType(prefixes))

    def vendors_for(self, to: str, default: tuple[Vendor, ...]) -> tuple[Vendor, ...]:
        """The order for a normalised destination: the longest matching prefix's, else ``order``."""
        if to.startswith("+"):
            for length in range(min(len(to), 8), 1, -1):
                chosen = self.by_prefix.get(to[:length])
                if chosen is not None:
                    return chosen
        return self.order or default
