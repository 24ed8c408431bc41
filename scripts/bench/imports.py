"""Cold import in a fresh process, and the cold first call, for ours, httpx+attrs and the SDKs.

Each sample is one new interpreter timing, in-process with ``time.perf_counter``, only the statement
under test (interpreter start-up is the same for all and left out). Bytecode is cached as after a
``pip install``: the children share a private ``PYTHONPYCACHEPREFIX``, filled by a discarded
warm-up round, so no side compiles source while another reads ``.pyc`` files. Rounds interleave the
statements, so a burst of noise on the machine lands on all of them.

``first_call`` times import + client construction + one verify on a canned transport (the SDKs:
their urllib3 pool faked): the cold start a program sees, including what our layer imports lazily.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ._clients import KINDS, VENDORS, demo_params
from ._util import PYTHON, ROOT, Settings, child_env, median

IMPORTS = {
    "httpx+attrs": "import httpx, attrs",
    "ours.infobip": "from twofa_clients import InfobipClient",
    "ours.bandwidth": "from twofa_clients import BandwidthClient",
    "sdk.infobip": "from infobip_api_client import ApiClient, Configuration, TfaApi",
    "sdk.bandwidth": "from bandwidth import ApiClient, Configuration, MFAApi",
}
FIRST_CALLS = {f"{kind}.{vendor}": (kind, vendor) for kind in KINDS for vendor in VENDORS}
PYCACHE = Path(tempfile.gettempdir()) / "twofa-bench-pycache"


def _env() -> dict[str, str]:
    env = child_env()
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _timed(statement: str) -> str:
    # Only `time` is imported before the clock starts: it is built in, so nothing is preloaded.
    return f"import time\n_t0 = time.perf_counter()\n{statement}\nprint(time.perf_counter() - _t0)\n"


def _first_call(kind: str, vendor: str, params: dict[str, str]) -> str:
    return _timed(
        "from scripts.bench._clients import FACTORIES, verified\n"
        f"_call, _close = FACTORIES[{kind!r}]({vendor!r}, {params!r}, None)\n"
        f"assert verified({vendor!r}, {kind!r}, _call()) is True\n"
    )


def sample(code: str, *, timeout: float = 120) -> float:
    proc = subprocess.run(  # noqa: S603 - our own interpreter and code
        [PYTHON, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"child failed (exit {proc.returncode}):\n{code}\n{proc.stderr[-2000:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def measure(codes: dict[str, str], repetitions: int) -> dict[str, list[float]]:
    """``repetitions`` samples of each code, interleaved; one discarded warm-up round first."""
    PYCACHE.mkdir(parents=True, exist_ok=True)
    for code in codes.values():
        sample(code)
    samples: dict[str, list[float]] = {name: [] for name in codes}
    names = list(codes)
    for r in range(repetitions):
        for name in names if r % 2 == 0 else reversed(names):
            samples[name].append(sample(codes[name]))
    return samples


def run(settings: Settings, *, only: tuple[str, ...] | None = None) -> dict[str, Any]:
    repetitions = settings.pick(11, 2)
    imports = {name: _timed(stmt) for name, stmt in IMPORTS.items() if only is None or name in only}
    result: dict[str, Any] = {
        "repetitions": repetitions,
        "unit": "seconds",
        "statements": {name: IMPORTS[name] for name in imports},
    }
    samples = measure(imports, repetitions)
    result["import"] = {name: round(median(values), 4) for name, values in samples.items()}
    result["import_samples"] = {name: [round(v, 4) for v in values] for name, values in samples.items()}
    if only is None:
        params = demo_params()
        firsts = {name: _first_call(kind, vendor, params) for name, (kind, vendor) in FIRST_CALLS.items()}
        first_samples = measure(firsts, settings.pick(5, 1))
        result["first_call"] = {name: round(median(values), 4) for name, values in first_samples.items()}
    return result
