"""The public surface is exactly what __all__ says, the packages ship typed, and vendors load apart."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import twofa_clients
from twofa_clients._call import Operation
from twofa_clients.bandwidth import _operations as bandwidth_ops
from twofa_clients.infobip import _operations as infobip_ops


def test_all_lists_exactly_the_public_names() -> None:
    for name in twofa_clients.__all__:  # the clients load on first access: resolve every name first
        assert getattr(twofa_clients, name) is not None
    public = {name for name in vars(twofa_clients) if not name.startswith("_")} | {"__version__"}
    modules = {name for name in public if type(getattr(twofa_clients, name)).__name__ == "module"}
    assert set(twofa_clients.__all__) == public - modules
    assert set(twofa_clients.__all__) <= set(dir(twofa_clients))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchClient"):
        _ = twofa_clients.NoSuchClient


@pytest.mark.parametrize(
    ("name", "credentials", "loaded", "not_loaded"),
    [
        ("InfobipClient", {"api_key": "k"}, "infobip_2fa_client", "bandwidth_mfa_client"),
        ("BandwidthClient", {"username": "u", "password": "p"}, "bandwidth_mfa_client", "infobip_2fa_client"),
    ],
)
def test_a_client_imports_only_its_own_vendor_and_no_operation_before_a_call(
    name: str, credentials: dict[str, str], loaded: str, not_loaded: str
) -> None:
    """A sync client, built: its vendor's client module, not the other vendor, no operation, no aiohttp."""
    code = (
        f"import json, sys; from twofa_clients import {name}; {name}('https://h', **{credentials!r}); "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0].endswith(('_client', 'aiohttp')))))"
    )
    run = [sys.executable, "-c", code]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout  # noqa: S603 - our own code
    modules = json.loads(out)
    assert f"{loaded}.client" in modules
    assert not [m for m in modules if m.startswith(not_loaded)]
    assert not [m for m in modules if ".api." in m or m.endswith(".models")]
    assert not [m for m in modules if "aiohttp" in m]


@pytest.mark.parametrize("ops", [infobip_ops, bandwidth_ops], ids=["infobip", "bandwidth"])
def test_every_operation_names_a_generated_module_and_success_type(ops: object) -> None:
    operations = [op for op in vars(ops).values() if isinstance(op, Operation)]
    assert operations
    for op in operations:
        generated = op.generated
        assert generated.sync.__name__ == "sync_detailed"
        assert generated.asyncio.__name__ == "asyncio_detailed"
        assert op.ok is generated.ok
        # the success type is one of what the generated ``sync`` declares it returns
        module = importlib.import_module(op.module)
        assert op.ok in typing.get_args(typing.get_type_hints(module.sync)["return"])
        assert generated.unexpected_status.__name__ == "UnexpectedStatus"


@pytest.mark.parametrize("package", ["twofa_clients", "infobip_2fa_client", "bandwidth_mfa_client"])
def test_packages_are_marked_typed(package: str) -> None:
    module = importlib.import_module(package)
    assert (Path(module.__file__ or "").parent / "py.typed").is_file()


def test_every_public_class_has_a_docstring_of_its_own() -> None:
    """help() on an error subclass or RetryPolicy says what it is, not its base class's text or a signature."""
    for name in twofa_clients.__all__:
        value = getattr(twofa_clients, name)
        if not isinstance(value, type):
            continue
        doc = value.__dict__.get("__doc__") or ""
        assert doc.strip(), name
        assert not doc.startswith(f"{name}("), f"{name} has only the dataclass signature as its docstring"
        for base in value.__mro__[1:]:
            assert doc != (base.__doc__ or ""), f"{name} repeats the docstring of {base.__name__}"
