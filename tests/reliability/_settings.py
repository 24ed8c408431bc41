"""How hard the reliability suite pushes: CI-sized by default, longer under ``make soak``.

SOAK_EXAMPLES  hypothesis examples per operation and client flavour (client fuzzing), and the size of
               the randomised fault campaigns; schemathesis fuzzing examples per operation are a quarter
SOAK_SECONDS   how long each vendor's load test runs
SOAK_CLIENTS   concurrent clients in the load test

CI runs are derandomised (the same cases every time); soak runs draw new ones (pytest's
``--hypothesis-seed`` fixes them).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SOAK = any(name in os.environ for name in ("SOAK_EXAMPLES", "SOAK_SECONDS", "SOAK_CLIENTS"))
EXAMPLES = int(os.environ.get("SOAK_EXAMPLES", "12"))
LOAD_SECONDS = float(os.environ.get("SOAK_SECONDS", "1.5"))
LOAD_CLIENTS = int(os.environ.get("SOAK_CLIENTS", "200"))
# Each client stops after this many rounds even if time is left, so a CI run stays bounded on a fast box.
LOAD_MAX_ROUNDS = 10**9 if SOAK else 40
FAULT_CAMPAIGN = max(40, EXAMPLES * 2)
MOCK_FUZZ_EXAMPLES = max(3, EXAMPLES // 4)


def fuzz_settings(max_examples: int = EXAMPLES) -> settings:
    """Hypothesis settings for the client fuzzers: no deadline, no database, derandomised in CI."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=not SOAK,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )
