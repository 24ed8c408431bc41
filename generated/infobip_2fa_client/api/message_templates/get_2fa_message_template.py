from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_message import TfaMessage
from ...types import Response


def _get_kwargs(
    app_id: str,
    msg_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/2fa/2/applications/{app_id}/messages/{msg_id}".format(
            app_id=quote(str(app_id), safe=""),
            msg_id=quote(str(msg_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaMessage | None:
    if response.status_code == 200:
        response_200 = TfaMessage.from_dict(response.json())

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
) -> Response[ApiException | TfaMessage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    app_id: str,
    msg_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaMessage]:
    """Get 2FA message template

     Returns one message template of the application, whether SMS/voice or e-mail. An unknown application
    or template gives 404.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msg_id (str): ID of the message template (the `messageId` returned on creation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaMessage]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        msg_id=msg_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    app_id: str,
    msg_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaMessage | None:
    """Get 2FA message template

     Returns one message template of the application, whether SMS/voice or e-mail. An unknown application
    or template gives 404.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msg_id (str): ID of the message template (the `messageId` returned on creation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaMessage
    """

    return sync_detailed(
        app_id=app_id,
        msg_id=msg_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    app_id: str,
    msg_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaMessage]:
    """Get 2FA message template

     Returns one message template of the application, whether SMS/voice or e-mail. An unknown application
    or template gives 404.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msg_id (str): ID of the message template (the `messageId` returned on creation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaMessage]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        msg_id=msg_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    app_id: str,
    msg_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaMessage | None:
    """Get 2FA message template

     Returns one message template of the application, whether SMS/voice or e-mail. An unknown application
    or template gives 404.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msg_id (str): ID of the message template (the `messageId` returned on creation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaMessage
    """

    return (
        await asyncio_detailed(
            app_id=app_id,
            msg_id=msg_id,
            client=client,
        )
    ).parsed
