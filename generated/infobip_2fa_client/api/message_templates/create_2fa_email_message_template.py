from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_create_email_message_request import TfaCreateEmailMessageRequest
from ...models.tfa_email_message import TfaEmailMessage
from ...types import Response


def _get_kwargs(
    app_id: str,
    *,
    body: TfaCreateEmailMessageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/2/applications/{app_id}/email/messages".format(
            app_id=quote(str(app_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaEmailMessage | None:
    if response.status_code == 200:
        response_200 = TfaEmailMessage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiException.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiException.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiException.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiException.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiException.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiException.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ApiException.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiException | TfaEmailMessage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaCreateEmailMessageRequest,
) -> Response[ApiException | TfaEmailMessage]:
    """Create 2FA Email message template

     Creates an e-mail message template that points at an e-mail template managed in Infobip's e-mail
    templates (`emailTemplateId`), which contains the PIN. Published per-account rate limit: 20 requests
    per 10 minutes.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        body (TfaCreateEmailMessageRequest): Body of create e-mail message template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaEmailMessage]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaCreateEmailMessageRequest,
) -> ApiException | TfaEmailMessage | None:
    """Create 2FA Email message template

     Creates an e-mail message template that points at an e-mail template managed in Infobip's e-mail
    templates (`emailTemplateId`), which contains the PIN. Published per-account rate limit: 20 requests
    per 10 minutes.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        body (TfaCreateEmailMessageRequest): Body of create e-mail message template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaEmailMessage
    """

    return sync_detailed(
        app_id=app_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaCreateEmailMessageRequest,
) -> Response[ApiException | TfaEmailMessage]:
    """Create 2FA Email message template

     Creates an e-mail message template that points at an e-mail template managed in Infobip's e-mail
    templates (`emailTemplateId`), which contains the PIN. Published per-account rate limit: 20 requests
    per 10 minutes.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        body (TfaCreateEmailMessageRequest): Body of create e-mail message template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaEmailMessage]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaCreateEmailMessageRequest,
) -> ApiException | TfaEmailMessage | None:
    """Create 2FA Email message template

     Creates an e-mail message template that points at an e-mail template managed in Infobip's e-mail
    templates (`emailTemplateId`), which contains the PIN. Published per-account rate limit: 20 requests
    per 10 minutes.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        body (TfaCreateEmailMessageRequest): Body of create e-mail message template.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaEmailMessage
    """

    return (
        await asyncio_detailed(
            app_id=app_id,
            client=client,
            body=body,
        )
    ).parsed
