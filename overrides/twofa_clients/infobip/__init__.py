"""Infobip 2FA through the generated ``infobip_2fa_client``, with auth, errors and retries handled."""

from ._client import DEFAULT_BASE_URL, AsyncInfobipClient, InfobipClient, infobip_auth

__all__ = ["DEFAULT_BASE_URL", "AsyncInfobipClient", "InfobipClient", "infobip_auth"]
