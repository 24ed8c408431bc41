"""`pip install .` gives the two generated packages and the layer, importable and typed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("infobip_2fa_client", "bandwidth_mfa_client", "twofa_clients")


def test_the_wheel_ships_the_clients_and_the_layer_typed(tmp_path: Path) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(tmp_path / "dist")],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for package in PACKAGES:
        assert f"{package}/py.typed" in names
        assert f"{package}/__init__.py" in names
    assert not [n for n in names if n.startswith(("twofa_mocks/", "tests/", "scripts/"))]

    target = tmp_path / "site"
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import twofa_clients, infobip_2fa_client, bandwidth_mfa_client, pathlib;"
        "print(pathlib.Path(twofa_clients.__file__).parent.parent)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    # -I would drop site-packages (httpx, attrs); -P keeps the repository's folders off sys.path.
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-P", "-c", code], check=True, capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert Path(out.stdout.strip()) == target
