"""The public surface is exactly what __all__ says, and the packages ship typed."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import twofa_clients


def test_all_lists_exactly_the_public_names() -> None:
    public = {name for name in vars(twofa_clients) if not name.startswith("_")} | {"__version__"}
    modules = {name for name in public if type(getattr(twofa_clients, name)).__name__ == "module"}
    assert set(twofa_clients.__all__) == public - modules


@pytest.mark.parametrize("package", ["twofa_clients", "infobip_2fa_client", "bandwidth_mfa_client"])
def test_packages_are_marked_typed(package: str) -> None:
    module = importlib.import_module(package)
    assert (Path(module.__file__ or "").parent / "py.typed").is_file()
