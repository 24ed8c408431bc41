"""`pip install .` gives the clients, the layer and the mock, importable and typed; `[mock]` runs a user's suite.

One wheel is built for the module. The end-to-end test installs it with ``[mock]`` into a fresh virtualenv
offline: the virtualenv sees, besides the wheel, only the distributions the wheel's own requirements (with
the ``mock`` extra) and pytest reach, linked from this environment. A requirement missing from
pyproject.toml is missing there too, and the user-style suite (tests/mock/user_suite) fails to import it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import httpx
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("infobip_2fa_client", "bandwidth_mfa_client", "twofa_clients", "twofa_mocks")
USER_SUITE = ROOT / "tests" / "mock" / "user_suite" / "test_app_against_the_mock.py"
URL = re.compile(r"^(Infobip 2FA|Bandwidth MFA) mock +(http://127\.0\.0\.1:\d+)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(dist)],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("*.whl")
    return built


def _metadata(wheel: Path) -> tuple[list[str], str, str]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n.rsplit("/", 1)[0] for n in names if n.endswith(".dist-info/METADATA"))
        return names, archive.read(f"{info}/METADATA").decode(), archive.read(f"{info}/entry_points.txt").decode()


def test_the_wheel_ships_the_clients_the_layer_and_the_mock_typed(wheel: Path, tmp_path: Path) -> None:
    names, meta, entry_points = _metadata(wheel)
    for package in PACKAGES:
        assert f"{package}/py.typed" in names
        assert f"{package}/__init__.py" in names
    # The mock serves its spec from the package when installed: both specs travel with it.
    assert {"twofa_mocks/spec/infobip-2fa.yaml", "twofa_mocks/spec/bandwidth-mfa.yaml"} <= set(names)
    assert not [n for n in names if n.startswith(("tests/", "scripts/", "contract_tests/"))]
    requires = Parser().parsestr(meta).get_all("Requires-Dist") or []
    base = {canonicalize_name(Requirement(r).name) for r in requires if Requirement(r).marker is None}
    mock = {
        canonicalize_name(req.name)
        for req in map(Requirement, requires)
        if req.marker is not None and req.marker.evaluate({"extra": "mock"})
    }
    assert base == {"httpx", "attrs", "aiohttp", "sniffio"}  # the base install stays as light as it was
    assert mock == {"starlette", "uvicorn", "pyyaml"}
    assert "twofa-mock = twofa_mocks._cli:main" in entry_points
    assert "twofa_mocks = twofa_mocks.pytest_plugin" in entry_points

    target = tmp_path / "site"
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import twofa_clients, infobip_2fa_client, bandwidth_mfa_client, twofa_mocks, pathlib;"
        "print(pathlib.Path(twofa_clients.__file__).parent.parent);"
        "print(pathlib.Path(twofa_mocks.__file__).parent.parent)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    # -I would drop site-packages (httpx, attrs); -P keeps the repository's folders off sys.path.
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-P", "-c", code], check=True, capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert [Path(line) for line in out.stdout.split()] == [target, target]


# --- the end-to-end install ----------------------------------------------------------------------


def _closure(requirements: list[str], extras: frozenset[str]) -> dict[str, metadata.Distribution]:
    """The distributions of this environment that ``requirements`` reach (markers evaluated, extras followed)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(Requirement(text), extras) for text in requirements]
    while todo:
        requirement, wanted = todo.pop()
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({"extra": extra}) for extra in (wanted or frozenset({""}))
        ):
            continue
        name = canonicalize_name(requirement.name)
        key = f"{name}[{','.join(sorted(requirement.extras))}]"
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{requirement} is required but not installed here, so it cannot be linked offline")
        found[key] = dist
        todo += [(Requirement(text), frozenset(requirement.extras)) for text in dist.requires or []]
    return found


def _link_dependencies(wheel: Path, into: Path) -> None:
    """Link into ``into`` the files of every distribution the wheel (with [mock]) and pytest need."""
    _, meta, _ = _metadata(wheel)
    requires = Parser().parsestr(meta).get_all("Requires-Dist") or []
    into.mkdir()
    for dist in _closure([*requires, "pytest"], frozenset({"mock"})).values():
        site = Path(str(dist.locate_file("")))
        tops = {Path(str(file)).parts[0] for file in dist.files or [] if not str(file).startswith("..")}
        for top in tops - {"__pycache__"}:
            if (site / top).exists() and not (into / top).exists():
                (into / top).symlink_to(site / top)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed with [mock], offline (``--no-index``); its bin/ folder."""
    home = tmp_path_factory.mktemp("venv")
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # noqa: S603
    python = venv / "bin" / "python"
    purelib = subprocess.run(  # noqa: S603
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    _link_dependencies(wheel, home / "dependencies")
    (Path(purelib) / "dependencies.pth").write_text(f"{home / 'dependencies'}\n")
    # pip resolves "[mock]" against what the virtualenv sees and, offline, installs only the wheel.
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", "--quiet", f"{wheel}[mock]"],
        check=True,
        capture_output=True,
        env=_clean_env(),
    )
    return venv / "bin"


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_FIND", "VIRTUAL_ENV"))}
    env["PIP_NO_INDEX"] = "1"
    return env


def test_an_install_with_the_mock_extra_runs_a_user_suite_of_the_plugins_fixtures(
    installed: Path, tmp_path: Path
) -> None:
    suite = tmp_path / "user_tests"
    suite.mkdir()
    shutil.copy(USER_SUITE, suite / "test_app.py")
    where = subprocess.run(  # noqa: S603
        [str(installed / "python"), "-c", "import twofa_mocks, twofa_clients; print(twofa_mocks.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=suite,
        env=_clean_env(),
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)  # the installed copy, not the repository
    run = subprocess.run(  # noqa: S603
        [str(installed / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(suite)],
        capture_output=True,
        text=True,
        cwd=suite,
        env=_clean_env(),
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"^10 passed", run.stdout, re.MULTILINE), run.stdout[-2000:]


def _banner_urls(process: subprocess.Popen[str]) -> Iterator[tuple[str, str]]:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Demo credentials"):
            return
        found = URL.match(line)
        if found:
            yield found.group(1), found.group(2)


def test_the_installed_command_serves_the_spec_from_the_package_and_stops_on_sigterm(
    installed: Path, tmp_path: Path
) -> None:
    process = subprocess.Popen(  # noqa: S603
        [str(installed / "twofa-mock"), "--infobip-port", "0", "--bandwidth-port", "0", "--frozen-clock"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_clean_env(),
    )
    try:
        urls = dict(_banner_urls(process))
        assert set(urls) == {"Infobip 2FA", "Bandwidth MFA"}
        spec = httpx.get(f"{urls['Infobip 2FA']}/_mock/openapi.yaml", timeout=10)
        assert (spec.status_code, spec.text[:14]) == (200, "openapi: 3.1.0")
        clock = httpx.get(f"{urls['Bandwidth MFA']}/_mock/clock", timeout=10).json()
        assert clock["frozen"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_the_venv_sees_no_repository_folder(installed: Path) -> None:
    """The end-to-end run proves the install only if the repository is not on the virtualenv's path."""
    paths = subprocess.run(  # noqa: S603
        [str(installed / "python"), "-c", "import sys; print('\\n'.join(sys.path))"],
        check=True,
        capture_output=True,
        text=True,
        cwd="/",
        env=_clean_env(),
    ).stdout.split()
    assert not [p for p in paths if p and Path(p).resolve().is_relative_to(ROOT)]
    assert sysconfig.get_paths()["purelib"] not in paths  # this environment's own site-packages is not linked whole
