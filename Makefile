# Every target bootstraps .venv from pyproject.toml (with the dev extras) on first use,
# so `make test` works on a fresh machine with only Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install generate check-generated test contract mock lint format typecheck check clean soak bench drift decisions

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its dev extras

generate: $(STAMP) ## Regenerate generated/ from spec/ (openapi-python-client)
	$(BIN)/python -m scripts.generate

check-generated: $(STAMP) ## Fail, naming the files, if generated/ differs from what spec/ generates
	$(BIN)/python -m scripts.generate --check

test: $(STAMP) ## Run the unit and spec tests
	$(BIN)/python -m scripts.spec_gate
	$(BIN)/pytest -q -n 2 $(PYTEST_ARGS)

# VENDOR=infobip|bandwidth picks one vendor; TARGET=asgi|http|live the target (anything else stops the run);
# EXAMPLES and SEED tune hypothesis; PROFILE=thorough runs more examples. Reports go to reports/ (JUnit XML,
# coverage table), the previous ones removed first. Live runs read CONTRACT_* and vendor variables from the
# environment (README, "Against the live APIs"). The documents in spec/ are checked first (scripts/spec_gate.py).
VENDOR ?=
TARGET ?= asgi
contract: $(STAMP) ## The main job: the contract suite against the embedded mock (VENDOR, TARGET, EXAMPLES, SEED)
	@mkdir -p reports
	$(BIN)/python -m scripts.spec_gate
	CONTRACT_TARGET=$(TARGET) $(if $(EXAMPLES),CONTRACT_EXAMPLES=$(EXAMPLES)) $(if $(SEED),CONTRACT_SEED=$(SEED)) \
	$(if $(PROFILE),CONTRACT_PROFILE=$(PROFILE)) \
	$(BIN)/pytest contract_tests$(if $(VENDOR),/$(VENDOR)) -p no:cacheprovider -q \
	  --junitxml=reports/contract-junit.xml -o junit_suite_name=contract-$(TARGET)

# The reliability suite (tests/reliability) runs CI-sized inside `make test`; `make soak` runs it longer
# (not part of `make check`). SOAK_SECONDS: load time per vendor; SOAK_EXAMPLES: hypothesis examples per
# operation (fault campaigns and schemathesis fuzzing scale with it); SOAK_CLIENTS: concurrent clients.
# Figures go to reports/reliability.json.
SOAK_SECONDS  ?= 30
SOAK_EXAMPLES ?= 200
SOAK_CLIENTS  ?= 300
soak: $(STAMP) ## Run the reliability suite long: fuzzing, load, faults (SOAK_SECONDS, SOAK_EXAMPLES, SOAK_CLIENTS)
	@mkdir -p reports
	SOAK_SECONDS=$(SOAK_SECONDS) SOAK_EXAMPLES=$(SOAK_EXAMPLES) SOAK_CLIENTS=$(SOAK_CLIENTS) \
	$(BIN)/pytest tests/reliability -q -p no:cacheprovider $(PYTEST_ARGS)

# Benchmarks side by side with the official SDKs and the floors (not part of `make check`): prints a
# Markdown table, writes reports/bench.json and reports/bench.md. BENCH_ARGS: e.g. --quick, --only import,percall.
BENCH_ARGS ?=
bench: $(STAMP) ## Benchmarks: cold import, per-call cost, loopback calls/s, the mock under load, suite times (BENCH_ARGS)
	@mkdir -p reports
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# spec/ against the vendors' published OpenAPI documents (not part of `make check`: CI never calls
# vendors). INFOBIP_VENDOR_SPEC and BANDWIDTH_VENDOR_SPEC name each document, a file path or an https
# URL; VENDOR=infobip|bandwidth picks one. Reports go to reports/drift-<vendor>.md and .json.
drift: $(STAMP) ## Compare spec/ with the vendors' published documents (INFOBIP_VENDOR_SPEC, BANDWIDTH_VENDOR_SPEC, VENDOR)
	@mkdir -p reports
	$(BIN)/python -m scripts.drift $(if $(VENDOR),--vendor $(VENDOR))

decisions: $(STAMP) ## Rewrite the decision tables of spec/README.md from spec/decisions.yaml
	$(BIN)/python -m scripts.drift.readme

# `twofa-mock` (mock_server/twofa_mocks/_cli.py) with MOCK_ARGS, e.g. MOCK_ARGS="--infobip-port 0 --frozen-clock".
MOCK_ARGS ?=
mock: $(STAMP) ## Run both mocks on 127.0.0.1 (Infobip :8081, Bandwidth :8082), printing URLs and demo ids (MOCK_ARGS)
	$(BIN)/twofa-mock $(MOCK_ARGS)

lint: $(STAMP) ## ruff check and format check (generated/ is excluded)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## ruff format and autofix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP) ## mypy --strict on the hand-written and the generated code
	$(BIN)/mypy scripts tests contract_tests mock_server/twofa_mocks overrides/twofa_clients
	$(BIN)/mypy -p infobip_2fa_client -p bandwidth_mfa_client

check: lint typecheck check-generated test contract ## Everything CI runs

clean: ## Remove caches and the virtual environment
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis reports
