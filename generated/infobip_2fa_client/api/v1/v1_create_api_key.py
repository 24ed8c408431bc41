from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/1/api-key",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiException | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.json())
        return response_200

    if response.status_code == 401:
        response_401 = ApiException.from_dict(response.json())

        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiException | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | str]:
    """Create API key (v1)

     Creates a new API key for the account, to be sent afterwards as `Authorization: App <key>`. Only
    HTTP Basic authentication is accepted and there is no request body. Whether the reply is raw text or
    a JSON string is undocumented; this document declares a JSON string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ApiException | str | None:
    """Create API key (v1)

     Creates a new API key for the account, to be sent afterwards as `Authorization: App <key>`. Only
    HTTP Basic authentication is accepted and there is no request body. Whether the reply is raw text or
    a JSON string is undocumented; this document declares a JSON string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | str]:
    """Create API key (v1)

     Creates a new API key for the account, to be sent afterwards as `Authorization: App <key>`. Only
    HTTP Basic authentication is accepted and there is no request body. Whether the reply is raw text or
    a JSON string is undocumented; this document declares a JSON string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ApiException | str | None:
    """Create API key (v1)

     Creates a new API key for the account, to be sent afterwards as `Authorization: App <key>`. Only
    HTTP Basic authentication is accepted and there is no request body. Whether the reply is raw text or
    a JSON string is undocumented; this document declares a JSON string.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
