"""Benchmarks: our clients and mock side by side with the official SDKs and with the floors.

    python -m scripts.bench                    # every group (what `make bench` runs)
    python -m scripts.bench --quick            # a short smoke run: few repetitions, small loads
    python -m scripts.bench --only import,percall

Groups (one module each): ``import`` (cold import in fresh processes), ``percall`` (client CPU per
call, canned response at the transport), ``loopback`` (calls/s against the mock over uvicorn),
``mock`` (the mock under concurrent load against a canned-JSON ASGI floor), ``memory`` (resident
memory after 100,000 PINs and after they expire), ``suites`` (`make contract`, generation).

Every ratio compares two numbers measured in the same run, interleaved where they share a machine.
The result goes to ``reports/bench.json`` and a Markdown table to stdout (and ``reports/bench.md``).
This package imports nothing heavy at module level: the import group times imports in child
processes, and the first-call probe reuses the factories of ``percall`` there.
"""
