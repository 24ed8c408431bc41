"""`make drift`: vendor-like documents made from our own specs.

- Compared with itself, or with a rewrite that changes only notation, a spec shows no difference.
- Each real change a vendor might publish (a new language, a removed field, a changed status, a new
  operation, a changed constraint, a changed required list, a security scheme change, ...) is
  reported, exactly, and is unexplained.
- The register: the document made by applying the register's recorded vendor-side facts to our spec
  shows exactly the registered differences (none unexplained, no matcher stale); a change on top of
  it is still caught; a matcher that matches nothing is stale and fails the run.

Comparing a spec with itself leaves every register matcher stale, so the stale check belongs to a
run against a vendor document, never to a self-comparison; one test shows this on purpose.
"""

from __future__ import annotations

import copy
import http.server
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.drift import __main__ as cli
from scripts.drift import load, readme, register, report
from scripts.drift.compare import Difference, compare
from scripts.drift.normalise import DocumentError, ecma_pattern
from tests.scripts import drift_docs
from tests.scripts.drift_docs import NOTATION_VARIANTS, Doc, ours, vendor_like

VENDORS = ("infobip", "bandwidth")


def facts(diffs: list[Difference]) -> set[tuple[str, str, Any, Any]]:
    return {(d.kind, d.where, json.dumps(d.ours), json.dumps(d.theirs)) for d in diffs}


def fact(kind: str, where: str, ours_value: Any, theirs_value: Any) -> tuple[str, str, Any, Any]:
    return (kind, where, json.dumps(ours_value), json.dumps(theirs_value))


# --- no false positives ------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_spec_compared_with_itself_has_no_difference(vendor: str) -> None:
    assert compare(ours(vendor), ours(vendor)) == []


@pytest.mark.parametrize("variant", sorted(NOTATION_VARIANTS))
@pytest.mark.parametrize("vendor", VENDORS)
def test_notation_only_rewrites_are_not_reported(vendor: str, variant: str) -> None:
    rewritten = NOTATION_VARIANTS[variant](ours(vendor))
    assert rewritten != ours(vendor), "the rewrite changed nothing, so it tests nothing"
    assert compare(ours(vendor), rewritten) == []


@pytest.mark.parametrize("vendor", VENDORS)
def test_all_notation_rewrites_at_once_are_not_reported(vendor: str) -> None:
    rewritten = ours(vendor)
    for name in sorted(NOTATION_VARIANTS):
        rewritten = NOTATION_VARIANTS[name](rewritten)
    assert compare(ours(vendor), rewritten) == []


def test_openapi_30_nullable_and_boolean_exclusive_bounds_read_as_31() -> None:
    mine, theirs = ours("bandwidth"), ours("bandwidth")
    mine["components"]["schemas"]["verifyCodeRequest"]["properties"]["scope"]["type"] = ["string", "null"]
    theirs["components"]["schemas"]["verifyCodeRequest"]["properties"]["scope"]["nullable"] = True
    minutes = "expirationTimeInMinutes"
    mine["components"]["schemas"]["verifyCodeRequest"]["properties"][minutes].update(exclusiveMinimum=0)
    del mine["components"]["schemas"]["verifyCodeRequest"]["properties"][minutes]["minimum"]
    theirs["components"]["schemas"]["verifyCodeRequest"]["properties"][minutes].update(minimum=0, exclusiveMinimum=True)
    assert compare(mine, theirs) == []


def test_an_open_enum_written_as_anyof_or_oneof_with_null_is_the_same() -> None:
    mine, theirs = ours("infobip"), ours("infobip")
    field = theirs["components"]["schemas"]["TfaStartAuthenticationResponse"]["properties"]["ncStatus"]
    field["oneOf"] = field.pop("anyOf")
    assert compare(mine, theirs) == []


@pytest.mark.parametrize(
    ("pattern", "ecma"),
    [
        (r"^\+[1-9]\d{1,14}$", "^\\+[1-9][0-9]{1,14}$"),
        (r"[\d-]", "[0-9-]"),
        (r"\\d", r"\\d"),  # an escaped backslash followed by d is not a digit class
        (r"\{\{pin\}\}", r"\{\{pin\}\}"),
    ],
)
def test_patterns_are_read_with_ecma_262_digits(pattern: str, ecma: str) -> None:
    assert ecma_pattern(pattern) == ecma


# --- real changes are caught ---------------------------------------------------------------------------


def _infobip(change: Callable[[Doc], None]) -> Doc:
    doc = ours("infobip")
    change(doc)
    return doc


def _schema(doc: Doc, name: str) -> dict[str, Any]:
    schema: dict[str, Any] = doc["components"]["schemas"][name]
    return schema


def new_language(doc: Doc) -> None:
    _schema(doc, "TfaLanguage")["enum"].append("hu")


def removed_field(doc: Doc) -> None:
    del _schema(doc, "TfaStartAuthenticationResponse")["properties"]["externalMessageId"]


def changed_status(doc: Doc) -> None:
    responses = doc["paths"]["/2fa/2/applications/{appId}/messages"]["post"]["responses"]
    responses["201"] = responses.pop("200")


def new_operation(doc: Doc) -> None:
    item = doc["paths"]["/2fa/2/applications/{appId}"]
    item["delete"] = {"operationId": "delete-2fa-application", "responses": {"204": {"description": "Deleted."}}}


def changed_constraint(doc: Doc) -> None:
    _schema(doc, "TfaIndiaDltOptions")["properties"]["principalEntityId"]["maxLength"] = 40


def changed_required_list(doc: Doc) -> None:
    _schema(doc, "TfaStartAuthenticationRequest")["required"].append("from")


def changed_security_scheme(doc: Doc) -> None:
    doc["components"]["securitySchemes"]["IBSSO"]["name"] = "X-Session"


def new_required_parameter(doc: Doc) -> None:
    doc["paths"]["/2fa/2/pin"]["post"]["parameters"].append(
        {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def required_body(doc: Doc) -> None:
    doc["paths"]["/2fa/2/pin/{pinId}/resend"]["post"]["requestBody"]["required"] = True


def changed_type(doc: Doc) -> None:
    _schema(doc, "TfaCreateMessageRequest")["properties"]["pinLength"]["type"] = "string"


def deprecated_operation(doc: Doc) -> None:
    doc["paths"]["/2fa/2/pin/voice"]["post"]["deprecated"] = True


def renamed_operation(doc: Doc) -> None:
    doc["paths"]["/2fa/2/pin/voice"]["post"]["operationId"] = "send-pin-by-call"


def new_token_url(doc: Doc) -> None:
    flow = doc["components"]["securitySchemes"]["OAuth2"]["flows"]["clientCredentials"]
    flow["tokenUrl"] = "https://auth.example/token"


def new_scope(doc: Doc) -> None:
    doc["paths"]["/2fa/2/pin/{pinId}/verify"]["post"]["security"].append({"OAuth2": ["2fa:verify"]})


def new_response_header(doc: Doc) -> None:
    responses = doc["paths"]["/2fa/2/pin"]["post"]["responses"]
    responses["429"] = {
        **copy.deepcopy(doc["components"]["responses"]["TooManyRequests"]),
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    }


def drift_docs_operations(vendor: str, exclude: str) -> Iterator[str]:
    for label, _, _, _ in drift_docs._operations(ours(vendor)):
        if label != exclude:
            yield label


VERIFY = "POST /2fa/2/pin/{pinId}/verify"
MUTATIONS: dict[str, tuple[Callable[[Doc], None], set[tuple[str, str, Any, Any]]]] = {
    "a new language": (  # the request enum, and the open enums of the two template responses
        new_language,
        {
            fact("enum", f"#/components/schemas/{where}/enum/hu", False, True)
            for where in ("TfaLanguage", "TfaMessage/language", "TfaSmsOrVoiceMessage/language")
        },
    ),
    "a removed field": (
        removed_field,
        {fact("property", "#/components/schemas/TfaStartAuthenticationResponse/externalMessageId", True, False)},
    ),
    "a changed status": (
        changed_status,
        {
            fact("status", "POST /2fa/2/applications/{appId}/messages#/responses/200", True, False),
            fact("status", "POST /2fa/2/applications/{appId}/messages#/responses/201", False, True),
        },
    ),
    "a new operation": (new_operation, {fact("operation", "DELETE /2fa/2/applications/{appId}", False, True)}),
    "a changed constraint": (
        changed_constraint,
        {fact("maxLength", "#/components/schemas/TfaIndiaDltOptions/principalEntityId", 30, 40)},
    ),
    "a changed required list": (
        changed_required_list,
        {fact("required", "#/components/schemas/TfaStartAuthenticationRequest/from", False, True)},
    ),
    "a security scheme change": (
        changed_security_scheme,
        {
            fact("security-scheme", "#/components/securitySchemes/apiKey header authorization", 2, 1),
            fact("security-scheme", "#/components/securitySchemes/apiKey header x-session", 0, 1),
        }
        | {
            fact("security", f"{op}#/security/apiKey header {name}", count, 1)
            for op in drift_docs_operations("infobip", exclude="POST /2fa/1/api-key")
            for name, count in (("authorization", 2), ("x-session", 0))
        },
    ),
    "a new required query parameter": (
        new_required_parameter,
        {fact("parameter", "POST /2fa/2/pin#/parameters/query/region", False, True)},
    ),
    "a request body made required": (
        required_body,
        {fact("required", "POST /2fa/2/pin/{pinId}/resend#/requestBody", False, True)},
    ),
    "a changed type": (
        changed_type,
        {fact("type", "#/components/schemas/TfaCreateMessageRequest/pinLength", ["integer"], ["string"])},
    ),
    "a new token URL": (
        new_token_url,
        {
            fact(
                "oauth-url",
                "#/components/securitySchemes/oauth2 clientCredentials/clientCredentials/tokenUrl",
                "https://api.infobip.com/auth/1/oauth2/token",
                "https://auth.example/token",
            )
        },
    ),
    "an operation deprecated": (
        deprecated_operation,
        {fact("deprecated", "POST /2fa/2/pin/voice", False, True)},
    ),
    "an operation renamed": (
        renamed_operation,
        {fact("operation-id", "POST /2fa/2/pin/voice", "send-2fa-pin-code-over-voice", "send-pin-by-call")},
    ),
    "a new scope": (new_scope, {fact("scope", f"{VERIFY}#/security/scopes/2fa:verify", False, True)}),
    "a new response header": (
        new_response_header,
        {fact("header", "POST /2fa/2/pin#/responses/429/headers/Retry-After", False, True)},
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_real_change_is_reported_exactly(name: str) -> None:
    change, expected = MUTATIONS[name]
    diffs = compare(ours("infobip"), _infobip(change))
    assert facts(diffs) == expected


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_real_change_is_caught_on_top_of_the_registered_differences(name: str) -> None:
    change, expected = MUTATIONS[name]
    decisions = register.load()
    published = vendor_like("infobip", decisions)
    change(published)
    outcome = register.explain(compare(ours("infobip"), published), decisions, "infobip")
    assert not outcome.clean
    caught = facts(outcome.unexplained) | {fact(m.what, m.where, m.ours, m.theirs) for m in outcome.stale}
    assert caught, name
    # What is unexplained is the change itself (a registered difference it touches may go stale).
    assert facts(outcome.unexplained) <= expected


def test_a_bandwidth_change_of_constraint_and_of_a_default_is_caught() -> None:
    doc = ours("bandwidth")
    doc["components"]["schemas"]["codeRequest"]["properties"]["digits"]["maximum"] = 10
    doc["components"]["schemas"]["verifyCodeRequest"]["properties"]["scope"]["default"] = "MFA"
    assert facts(compare(ours("bandwidth"), doc)) == {
        fact("maximum", "#/components/schemas/codeRequest/digits", 8, 10),
        fact("default", "#/components/schemas/verifyCodeRequest/scope", "2FA", "MFA"),
    }


# --- the register --------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_register_applied_to_our_spec_is_exactly_explained(vendor: str) -> None:
    decisions = register.load()
    published = vendor_like(vendor, decisions)
    diffs = compare(ours(vendor), published)
    outcome = register.explain(diffs, decisions, vendor)
    assert outcome.unexplained == []
    assert outcome.stale == []
    assert len(outcome.explained) == len(diffs) > 0


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_self_comparison_leaves_every_matcher_stale(vendor: str) -> None:
    decisions = register.load()
    outcome = register.explain(compare(ours(vendor), ours(vendor)), decisions, vendor)
    assert outcome.unexplained == []
    assert outcome.explained == []
    assert len(outcome.stale) == len(register.matchers_for(decisions, vendor)) > 0
    assert not outcome.clean  # so comparing spec/ with itself can never pass for a vendor check


def test_a_matcher_that_matches_nothing_is_stale() -> None:
    data = {
        "decisions": [
            {
                "id": "T1",
                "section": "infobip",
                "vendor": "infobip",
                "topic": "a new language",
                "choice": "not yet supported",
                "drift": [{"what": "enum", "where": "#/components/schemas/*/enum/hu", "ours": False, "theirs": True}],
            },
            {
                "id": "T2",
                "section": "infobip",
                "vendor": "infobip",
                "topic": "an old decision",
                "choice": "about a field the vendor no longer has",
                "drift": [{"what": "property", "where": "#/components/schemas/Gone/x", "ours": True, "theirs": False}],
            },
        ]
    }
    decisions = register.parse(data)
    outcome = register.explain(compare(ours("infobip"), _infobip(new_language)), decisions, "infobip")
    assert outcome.unexplained == []
    assert sorted((d.where, decision.id) for d, decision in outcome.explained) == [
        (f"#/components/schemas/{where}/enum/hu", "T1")
        for where in ("TfaLanguage", "TfaMessage/language", "TfaSmsOrVoiceMessage/language")
    ]
    assert [m.decision for m in outcome.stale] == ["T2"]
    assert not outcome.clean


def test_a_matcher_with_other_recorded_values_does_not_explain() -> None:
    entry = {
        "id": "T1",
        "section": "infobip",
        "vendor": "infobip",
        "topic": "t",
        "choice": "c",
        "drift": [{"what": "maxLength", "where": "*/principalEntityId", "ours": 30, "theirs": 35}],
    }
    outcome = register.explain(
        compare(ours("infobip"), _infobip(changed_constraint)), register.parse({"decisions": [entry]}), "infobip"
    )
    assert len(outcome.unexplained) == 1
    assert len(outcome.stale) == 1


def test_globs_treat_brackets_and_braces_literally() -> None:
    pattern = register.glob("POST /x/{id}#/requestBody/schema/[]/*")
    assert pattern.match("POST /x/{id}#/requestBody/schema/[]/name")
    assert not pattern.match("POST /x/i#/requestBody/schema/]/name")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "c8"}, "`id` must look like"),
        ({"section": "elsewhere"}, "`section` must be one of"),
        ({"vendor": "twilio"}, "`vendor` must be"),
        ({"drift": []}, "`drift` must list"),
        ({"drift": [{"what": "colour", "where": "x", "ours": 1, "theirs": 2}]}, "unknown difference kind"),
        ({"drift": [{"what": "status", "where": "x", "ours": True}]}, "missing ['theirs']"),
        ({"vendor": "both", "drift": [{"what": "status", "where": "x", "ours": 1, "theirs": 2}]}, "names each matcher"),
        ({"topic": " "}, "`topic` must be a non-empty text"),
        ({"why": "extra"}, "unknown key(s) ['why']"),
    ],
)
def test_a_malformed_register_entry_is_refused_with_its_place(entry: dict[str, Any], message: str) -> None:
    base = {"id": "T1", "section": "infobip", "vendor": "infobip", "topic": "t", "choice": "c", "drift": "agrees"}
    with pytest.raises(register.RegisterError, match=re.escape(message)):
        register.parse({"decisions": [{**base, **entry}]})


def test_duplicate_ids_are_refused() -> None:
    entry = {"id": "T1", "section": "infobip", "vendor": "infobip", "topic": "t", "choice": "c", "drift": "agrees"}
    with pytest.raises(register.RegisterError, match="T1: duplicate id"):
        register.parse({"decisions": [entry, entry]})


def test_the_register_keeps_the_historical_ids() -> None:
    ids = {d.id for d in register.load()}
    historical = {"C1", "C2", "C3", "C4", "C5", "C8", "C9", "C10", "C11", "C12", "C14", "C15", "C16", "C17"}
    historical |= {"C18", "C19", "C20", "C21", "C22", "U6", "U9", "U10", "U24", "U31"}
    historical |= {"D1", "D3", "D4", "D5", "D6", "D7", "D8", "D10", "D12", "D13", "D14", "D17", "D19"}
    assert historical <= ids


def test_spec_readme_tables_are_generated_from_the_register() -> None:
    current = readme.README.read_text(encoding="utf-8")
    assert readme.render(current, register.load()) == current, "run `make decisions`"


# --- the command ----------------------------------------------------------------------------------------


@pytest.fixture
def published(tmp_path: Path) -> Callable[[str, Doc], Path]:
    def write(vendor: str, doc: Doc) -> Path:
        path = tmp_path / f"{vendor}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        return path

    return write


def _env(monkeypatch: pytest.MonkeyPatch, **values: str | Path) -> None:
    for variable in ("INFOBIP_VENDOR_SPEC", "BANDWIDTH_VENDOR_SPEC"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in values.items():
        monkeypatch.setenv(variable, str(value))


def test_a_clean_run_writes_both_reports_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: Callable[[str, Doc], Path]
) -> None:
    _env(
        monkeypatch,
        INFOBIP_VENDOR_SPEC=published("infobip", vendor_like("infobip")),
        BANDWIDTH_VENDOR_SPEC=published("bandwidth", vendor_like("bandwidth")),
    )
    assert cli.main(["--reports", str(tmp_path / "reports")]) == 0
    for vendor in VENDORS:
        data = json.loads((tmp_path / "reports" / f"drift-{vendor}.json").read_text())
        assert data["result"] == "ok"
        assert data["counts"]["unexplained"] == 0
        assert data["counts"]["explained"] == data["counts"]["differences"] > 0
        md = (tmp_path / "reports" / f"drift-{vendor}.md").read_text()
        assert "## Unexplained differences (0)" in md


def test_an_unexplained_difference_fails_and_is_listed_first(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    published: Callable[[str, Doc], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = vendor_like("infobip")
    new_language(doc)
    _env(monkeypatch, INFOBIP_VENDOR_SPEC=published("infobip", doc))
    assert cli.main(["--vendor", "infobip", "--reports", str(tmp_path)]) == 1
    md = (tmp_path / "drift-infobip.md").read_text()
    assert md.index("## Unexplained differences (3)") < md.index("## Explained differences")
    assert "`#/components/schemas/TfaLanguage/enum/hu`" in md.split("## Stale")[0]
    assert "unexplained: #/components/schemas/TfaLanguage/enum/hu: enum value only in theirs" in capsys.readouterr().out
    data = json.loads((tmp_path / "drift-infobip.json").read_text())
    assert data["unexplained"] == [
        {"kind": "enum", "where": f"#/components/schemas/{where}/enum/hu", "ours": False, "theirs": True}
        for where in ("TfaLanguage", "TfaMessage/language", "TfaSmsOrVoiceMessage/language")
    ]


def test_a_stale_decision_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: Callable[[str, Doc], Path]
) -> None:
    doc = vendor_like("bandwidth")
    doc["components"]["schemas"]["verifyCodeRequest"]["properties"]["applicationId"] = {
        "type": "string"
    }  # D6 no longer differs
    _env(monkeypatch, BANDWIDTH_VENDOR_SPEC=published("bandwidth", doc))
    assert cli.main(["--vendor", "bandwidth", "--reports", str(tmp_path)]) == 1
    data = json.loads((tmp_path / "drift-bandwidth.json").read_text())
    assert [s["decision"] for s in data["stale"]] == ["D6"]
    assert data["unexplained"] == [
        {
            "kind": "deprecated",
            "where": "#/components/schemas/verifyCodeRequest/applicationId",
            "ours": True,
            "theirs": False,
        }
    ]


@pytest.mark.parametrize("variable_set", [False, True])
def test_a_missing_vendor_document_is_an_error_never_green(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable_set: bool
) -> None:
    if variable_set:
        _env(monkeypatch, BANDWIDTH_VENDOR_SPEC=tmp_path / "nowhere.yml")
    else:
        _env(monkeypatch)
    assert cli.main(["--vendor", "bandwidth", "--reports", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert ("no such file" in err) if variable_set else ("BANDWIDTH_VENDOR_SPEC is not set" in err)
    assert not (tmp_path / "drift-bandwidth.json").exists()


def test_both_vendors_are_required_without_vendor(
    monkeypatch: pytest.MonkeyPatch,
    published: Callable[[str, Doc], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _env(monkeypatch, INFOBIP_VENDOR_SPEC=published("infobip", vendor_like("infobip")))
    assert cli.main(["--reports", str(tmp_path)]) == 2
    assert "BANDWIDTH_VENDOR_SPEC is not set" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html>not found</html>", "not an OpenAPI 3 document"),
        (b"swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3 document"),
        (b"openapi: 3.0.3\n", "no `paths` object"),
        (b"\xff\xfe", "not UTF-8"),
        (b"{openapi: [", "neither JSON nor YAML"),
    ],
)
def test_an_unreadable_document_is_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(content)
    with pytest.raises(load.SourceError, match=message):
        load.load(str(path))


def test_a_broken_reference_is_a_clear_error() -> None:
    doc = ours("bandwidth")
    doc["components"]["schemas"]["codeRequest"]["properties"]["to"] = {"$ref": "#/components/schemas/Nowhere"}
    with pytest.raises(DocumentError, match="points at nothing"):
        compare(ours("bandwidth"), doc)
    doc["components"]["schemas"]["codeRequest"]["properties"]["to"] = {"$ref": "other.yaml#/X"}
    with pytest.raises(DocumentError, match="only references inside the document"):
        compare(ours("bandwidth"), doc)


def test_schemas_nested_without_end_are_refused_not_followed() -> None:
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(200):
        deep = {"type": "object", "properties": {"x": deep}}
    doc = ours("bandwidth")
    doc["components"]["schemas"]["codeRequest"]["properties"]["to"] = deep
    with pytest.raises(DocumentError, match="nested deeper than"):
        compare(doc, copy.deepcopy(doc))


def test_plain_http_is_refused_off_loopback() -> None:
    with pytest.raises(load.SourceError, match="plain http is refused"):
        load.read_bytes("http://vendor.example/openapi.json")


def test_credentials_and_query_never_reach_a_report() -> None:
    assert (
        load.display("https://user:secret@vendor.example/spec.json?token=abc#x") == "https://vendor.example/spec.json"
    )


@pytest.fixture
def loopback_server() -> Iterator[str]:
    body = yaml.safe_dump(vendor_like("bandwidth")).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/mfa.yml" else 404)
            self.end_headers()
            self.wfile.write(body if self.path == "/mfa.yml" else b"")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_is_downloaded_and_an_http_error_is_reported(
    loopback_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, BANDWIDTH_VENDOR_SPEC=f"{loopback_server}/mfa.yml")
    assert cli.main(["--vendor", "bandwidth", "--reports", str(tmp_path)]) == 0
    with pytest.raises(load.SourceError, match="HTTP 404"):
        load.load(f"{loopback_server}/missing.yml")


def test_describe_reads_as_a_sentence() -> None:
    assert report.describe(Difference("status", "X#/responses/200", True, False, "operationId op")) == (
        "status only in ours (operationId op)"
    )
    assert report.describe(Difference("maximum", "X", 8, None)) == "maximum: ours 8, theirs not said"
    assert report.describe(Difference("security-scheme", "X", 1, 0)) == "security-scheme: ours has 1, theirs 0"
