from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_request import CodeRequest
from ...models.mfa_forbidden_request_error_capitalized import MfaForbiddenRequestErrorCapitalized
from ...models.mfa_forbidden_request_error_lower_case import MfaForbiddenRequestErrorLowerCase
from ...models.mfa_request_error import MfaRequestError
from ...models.mfa_unauthorized_request_error import MfaUnauthorizedRequestError
from ...models.voice_code_response import VoiceCodeResponse
from ...types import Response


def _get_kwargs(
    account_id: str,
    *,
    body: CodeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/accounts/{account_id}/code/voice".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
    | None
):
    if response.status_code == 200:
        response_200 = VoiceCodeResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = MfaRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = MfaUnauthorizedRequestError.from_dict(response.json())

        return response_401

    if response.status_code == 403:

        def _parse_response_403(
            data: object,
        ) -> MfaForbiddenRequestErrorCapitalized | MfaForbiddenRequestErrorLowerCase:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemasmfa_forbidden_request_error_type_0 = MfaForbiddenRequestErrorLowerCase.from_dict(data)

                return componentsschemasmfa_forbidden_request_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemasmfa_forbidden_request_error_type_1 = MfaForbiddenRequestErrorCapitalized.from_dict(data)

            return componentsschemasmfa_forbidden_request_error_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = MfaRequestError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CodeRequest,
) -> Response[
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
]:
    """Voice Authentication Code

     Send an MFA code via a phone call. Bandwidth generates a code of `digits` digits, renders `message`
    (`{CODE}`, `{NAME}`, `{SCOPE}`) and speaks it through the Voice API from the number `from`, which
    must belong to the voice application `applicationId`. The code itself is never returned.

    Args:
        account_id (str):
        body (CodeRequest): A request to generate a code and deliver it by SMS or voice call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MfaForbiddenRequestErrorCapitalized | MfaForbiddenRequestErrorLowerCase | MfaRequestError | MfaUnauthorizedRequestError | VoiceCodeResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CodeRequest,
) -> (
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
    | None
):
    """Voice Authentication Code

     Send an MFA code via a phone call. Bandwidth generates a code of `digits` digits, renders `message`
    (`{CODE}`, `{NAME}`, `{SCOPE}`) and speaks it through the Voice API from the number `from`, which
    must belong to the voice application `applicationId`. The code itself is never returned.

    Args:
        account_id (str):
        body (CodeRequest): A request to generate a code and deliver it by SMS or voice call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MfaForbiddenRequestErrorCapitalized | MfaForbiddenRequestErrorLowerCase | MfaRequestError | MfaUnauthorizedRequestError | VoiceCodeResponse
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CodeRequest,
) -> Response[
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
]:
    """Voice Authentication Code

     Send an MFA code via a phone call. Bandwidth generates a code of `digits` digits, renders `message`
    (`{CODE}`, `{NAME}`, `{SCOPE}`) and speaks it through the Voice API from the number `from`, which
    must belong to the voice application `applicationId`. The code itself is never returned.

    Args:
        account_id (str):
        body (CodeRequest): A request to generate a code and deliver it by SMS or voice call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MfaForbiddenRequestErrorCapitalized | MfaForbiddenRequestErrorLowerCase | MfaRequestError | MfaUnauthorizedRequestError | VoiceCodeResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CodeRequest,
) -> (
    MfaForbiddenRequestErrorCapitalized
    | MfaForbiddenRequestErrorLowerCase
    | MfaRequestError
    | MfaUnauthorizedRequestError
    | VoiceCodeResponse
    | None
):
    """Voice Authentication Code

     Send an MFA code via a phone call. Bandwidth generates a code of `digits` digits, renders `message`
    (`{CODE}`, `{NAME}`, `{SCOPE}`) and speaks it through the Voice API from the number `from`, which
    must belong to the voice application `applicationId`. The code itself is never returned.

    Args:
        account_id (str):
        body (CodeRequest): A request to generate a code and deliver it by SMS or voice call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MfaForbiddenRequestErrorCapitalized | MfaForbiddenRequestErrorLowerCase | MfaRequestError | MfaUnauthorizedRequestError | VoiceCodeResponse
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
        )
    ).parsed
