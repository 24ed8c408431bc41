from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaV1ApplicationConfiguration")


@_attrs_define
class TfaV1ApplicationConfiguration:
    """Security configuration of a `/2fa/1` application; same fields, formats and defaults as in `/2fa/2`.

    Attributes:
        pin_attempts (int | Unset): Number of wrong verification attempts one PIN tolerates. Default: 10.
        allow_multiple_pin_verifications (bool | Unset): Whether an already verified PIN can be verified again while it
            is still live. Default: True.
        pin_time_to_live (str | Unset): How long a PIN stays verifiable, e.g. `15m`; at most one year. Default: '15m'.
        verify_pin_limit (str | Unset): Maximum verify requests for one phone number per time window; the window is at
            most one day. Default: '1/3s'.
        send_pin_per_application_limit (str | Unset): Maximum PIN sends for the whole application per time window; at
            most one year. Default: '10000/1d'.
        send_pin_per_phone_number_limit (str | Unset): Maximum PIN sends to one phone number per time window; at most
            one year. Default: '3/1d'.
    """

    pin_attempts: int | Unset = 10
    allow_multiple_pin_verifications: bool | Unset = True
    pin_time_to_live: str | Unset = "15m"
    verify_pin_limit: str | Unset = "1/3s"
    send_pin_per_application_limit: str | Unset = "10000/1d"
    send_pin_per_phone_number_limit: str | Unset = "3/1d"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pin_attempts = self.pin_attempts

        allow_multiple_pin_verifications = self.allow_multiple_pin_verifications

        pin_time_to_live = self.pin_time_to_live

        verify_pin_limit = self.verify_pin_limit

        send_pin_per_application_limit = self.send_pin_per_application_limit

        send_pin_per_phone_number_limit = self.send_pin_per_phone_number_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pin_attempts is not UNSET:
            field_dict["pinAttempts"] = pin_attempts
        if allow_multiple_pin_verifications is not UNSET:
            field_dict["allowMultiplePinVerifications"] = allow_multiple_pin_verifications
        if pin_time_to_live is not UNSET:
            field_dict["pinTimeToLive"] = pin_time_to_live
        if verify_pin_limit is not UNSET:
            field_dict["verifyPinLimit"] = verify_pin_limit
        if send_pin_per_application_limit is not UNSET:
            field_dict["sendPinPerApplicationLimit"] = send_pin_per_application_limit
        if send_pin_per_phone_number_limit is not UNSET:
            field_dict["sendPinPerPhoneNumberLimit"] = send_pin_per_phone_number_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pin_attempts = d.pop("pinAttempts", UNSET)

        allow_multiple_pin_verifications = d.pop("allowMultiplePinVerifications", UNSET)

        pin_time_to_live = d.pop("pinTimeToLive", UNSET)

        verify_pin_limit = d.pop("verifyPinLimit", UNSET)

        send_pin_per_application_limit = d.pop("sendPinPerApplicationLimit", UNSET)

        send_pin_per_phone_number_limit = d.pop("sendPinPerPhoneNumberLimit", UNSET)

        tfa_v1_application_configuration = cls(
            pin_attempts=pin_attempts,
            allow_multiple_pin_verifications=allow_multiple_pin_verifications,
            pin_time_to_live=pin_time_to_live,
            verify_pin_limit=verify_pin_limit,
            send_pin_per_application_limit=send_pin_per_application_limit,
            send_pin_per_phone_number_limit=send_pin_per_phone_number_limit,
        )

        tfa_v1_application_configuration.additional_properties = d
        return tfa_v1_application_configuration

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
