"""The vendors by name (the layer's ``Vendor``, restated so this package uses only the public API)."""

from typing import Literal

Vendor = Literal["infobip", "bandwidth"]
