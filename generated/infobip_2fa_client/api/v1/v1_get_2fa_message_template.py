from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_v1_message import TfaV1Message
from ...types import Response


def _get_kwargs(
    application_id: str,
    message_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/2fa/1/applications/{application_id}/messages/{message_id}".format(
            application_id=quote(str(application_id), safe=""),
            message_id=quote(str(message_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaV1Message | None:
    if response.status_code == 200:
        response_200 = TfaV1Message.from_dict(response.json())

        return response_200

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
) -> Response[ApiException | TfaV1Message]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaV1Message]:
    """Get 2FA message template (v1)

     Legacy version of `get-2fa-message-template` (seed page "Message: Get"): returns one message
    template identified by `applicationId` and `messageId`.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        message_id (str): Requested message template ID (legacy name of `msgId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1Message]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        message_id=message_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaV1Message | None:
    """Get 2FA message template (v1)

     Legacy version of `get-2fa-message-template` (seed page "Message: Get"): returns one message
    template identified by `applicationId` and `messageId`.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        message_id (str): Requested message template ID (legacy name of `msgId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1Message
    """

    return sync_detailed(
        application_id=application_id,
        message_id=message_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaV1Message]:
    """Get 2FA message template (v1)

     Legacy version of `get-2fa-message-template` (seed page "Message: Get"): returns one message
    template identified by `applicationId` and `messageId`.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        message_id (str): Requested message template ID (legacy name of `msgId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1Message]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        message_id=message_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaV1Message | None:
    """Get 2FA message template (v1)

     Legacy version of `get-2fa-message-template` (seed page "Message: Get"): returns one message
    template identified by `applicationId` and `messageId`.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        message_id (str): Requested message template ID (legacy name of `msgId`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1Message
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            message_id=message_id,
            client=client,
        )
    ).parsed
