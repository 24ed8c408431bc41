from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_application_request import TfaApplicationRequest
from ...models.tfa_application_response import TfaApplicationResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TfaApplicationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/2/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaApplicationResponse | None:
    if response.status_code == 200:
        response_200 = TfaApplicationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TfaApplicationResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ApiException.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiException.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiException.from_dict(response.json())

        return response_403

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
) -> Response[ApiException | TfaApplicationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TfaApplicationRequest,
) -> Response[ApiException | TfaApplicationResponse]:
    """Create 2FA application

     Creates a 2FA application. Only `name` is required; omitted configuration fields get their
    documented defaults, and the response always carries the full configuration. Published per-account
    rate limit: 20 requests per 10 minutes.

    Args:
        body (TfaApplicationRequest): Body of create and update application. `name` is required on
            both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaApplicationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TfaApplicationRequest,
) -> ApiException | TfaApplicationResponse | None:
    """Create 2FA application

     Creates a 2FA application. Only `name` is required; omitted configuration fields get their
    documented defaults, and the response always carries the full configuration. Published per-account
    rate limit: 20 requests per 10 minutes.

    Args:
        body (TfaApplicationRequest): Body of create and update application. `name` is required on
            both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaApplicationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TfaApplicationRequest,
) -> Response[ApiException | TfaApplicationResponse]:
    """Create 2FA application

     Creates a 2FA application. Only `name` is required; omitted configuration fields get their
    documented defaults, and the response always carries the full configuration. Published per-account
    rate limit: 20 requests per 10 minutes.

    Args:
        body (TfaApplicationRequest): Body of create and update application. `name` is required on
            both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaApplicationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TfaApplicationRequest,
) -> ApiException | TfaApplicationResponse | None:
    """Create 2FA application

     Creates a 2FA application. Only `name` is required; omitted configuration fields get their
    documented defaults, and the response always carries the full configuration. Published per-account
    rate limit: 20 requests per 10 minutes.

    Args:
        body (TfaApplicationRequest): Body of create and update application. `name` is required on
            both.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaApplicationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
