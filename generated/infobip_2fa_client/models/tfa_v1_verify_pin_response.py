from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_pin_error import TfaPinError
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaV1VerifyPinResponse")


@_attrs_define
class TfaV1VerifyPinResponse:
    """Outcome of a `/2fa/1` verification; failures have `verified` false and a `pinError`.

    Attributes:
        verified (bool): Whether the PIN was verified.
        pin_id (str | Unset): ID of the verified PIN.
        msisdn (str | Unset): The phone number the PIN was sent to.
        attempts_remaining (int | Unset): Number of wrong verification attempts the PIN still tolerates.
        pin_error (str | TfaPinError | Unset): Why the verification failed (`WRONG_PIN`, `TTL_EXPIRED`,
            `NO_MORE_PIN_ATTEMPTS`); absent on success. Unknown values are passed through as plain strings.
    """

    verified: bool
    pin_id: str | Unset = UNSET
    msisdn: str | Unset = UNSET
    attempts_remaining: int | Unset = UNSET
    pin_error: str | TfaPinError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified = self.verified

        pin_id = self.pin_id

        msisdn = self.msisdn

        attempts_remaining = self.attempts_remaining

        pin_error: str | Unset
        if isinstance(self.pin_error, Unset):
            pin_error = UNSET
        elif isinstance(self.pin_error, TfaPinError):
            pin_error = self.pin_error.value
        else:
            pin_error = self.pin_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified": verified,
            }
        )
        if pin_id is not UNSET:
            field_dict["pinId"] = pin_id
        if msisdn is not UNSET:
            field_dict["msisdn"] = msisdn
        if attempts_remaining is not UNSET:
            field_dict["attemptsRemaining"] = attempts_remaining
        if pin_error is not UNSET:
            field_dict["pinError"] = pin_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verified = d.pop("verified")

        pin_id = d.pop("pinId", UNSET)

        msisdn = d.pop("msisdn", UNSET)

        attempts_remaining = d.pop("attemptsRemaining", UNSET)

        def _parse_pin_error(data: object) -> str | TfaPinError | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pin_error_type_0 = TfaPinError(data)

                return pin_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaPinError | Unset, data)

        pin_error = _parse_pin_error(d.pop("pinError", UNSET))

        tfa_v1_verify_pin_response = cls(
            verified=verified,
            pin_id=pin_id,
            msisdn=msisdn,
            attempts_remaining=attempts_remaining,
            pin_error=pin_error,
        )

        tfa_v1_verify_pin_response.additional_properties = d
        return tfa_v1_verify_pin_response

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
