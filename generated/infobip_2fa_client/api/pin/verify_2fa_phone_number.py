from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_verify_pin_request import TfaVerifyPinRequest
from ...models.tfa_verify_pin_response import TfaVerifyPinResponse
from ...types import Response


def _get_kwargs(
    pin_id: str,
    *,
    body: TfaVerifyPinRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/2/pin/{pin_id}/verify".format(
            pin_id=quote(str(pin_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaVerifyPinResponse | None:
    if response.status_code == 200:
        response_200 = TfaVerifyPinResponse.from_dict(response.json())

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
) -> Response[ApiException | TfaVerifyPinResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaVerifyPinRequest,
) -> Response[ApiException | TfaVerifyPinResponse]:
    """Verify a PIN

     Checks the PIN entered by the end user against the PIN `pinId` to confirm the phone number or e-mail
    address. A wrong, expired or exhausted PIN is still HTTP 200 with `verified: false` and `pinError`
    `WRONG_PIN`, `TTL_EXPIRED` or `NO_MORE_PIN_ATTEMPTS`; an unknown `pinId` gives 404, and exceeding
    the application's `verifyPinLimit` for the destination gives 429.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaVerifyPinRequest): Body of verify PIN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaVerifyPinResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaVerifyPinRequest,
) -> ApiException | TfaVerifyPinResponse | None:
    """Verify a PIN

     Checks the PIN entered by the end user against the PIN `pinId` to confirm the phone number or e-mail
    address. A wrong, expired or exhausted PIN is still HTTP 200 with `verified: false` and `pinError`
    `WRONG_PIN`, `TTL_EXPIRED` or `NO_MORE_PIN_ATTEMPTS`; an unknown `pinId` gives 404, and exceeding
    the application's `verifyPinLimit` for the destination gives 429.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaVerifyPinRequest): Body of verify PIN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaVerifyPinResponse
    """

    return sync_detailed(
        pin_id=pin_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaVerifyPinRequest,
) -> Response[ApiException | TfaVerifyPinResponse]:
    """Verify a PIN

     Checks the PIN entered by the end user against the PIN `pinId` to confirm the phone number or e-mail
    address. A wrong, expired or exhausted PIN is still HTTP 200 with `verified: false` and `pinError`
    `WRONG_PIN`, `TTL_EXPIRED` or `NO_MORE_PIN_ATTEMPTS`; an unknown `pinId` gives 404, and exceeding
    the application's `verifyPinLimit` for the destination gives 429.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaVerifyPinRequest): Body of verify PIN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaVerifyPinResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaVerifyPinRequest,
) -> ApiException | TfaVerifyPinResponse | None:
    """Verify a PIN

     Checks the PIN entered by the end user against the PIN `pinId` to confirm the phone number or e-mail
    address. A wrong, expired or exhausted PIN is still HTTP 200 with `verified: false` and `pinError`
    `WRONG_PIN`, `TTL_EXPIRED` or `NO_MORE_PIN_ATTEMPTS`; an unknown `pinId` gives 404, and exceeding
    the application's `verifyPinLimit` for the destination gives 429.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaVerifyPinRequest): Body of verify PIN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaVerifyPinResponse
    """

    return (
        await asyncio_detailed(
            pin_id=pin_id,
            client=client,
            body=body,
        )
    ).parsed
