from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaVerification")


@_attrs_define
class TfaVerification:
    """Verification record of one PIN sent to a destination.

    Attributes:
        msisdn (str): The phone number (or e-mail address) the PIN was sent to.
        verified (bool): Whether the destination was verified with this PIN.
        sent_at (int): UNIX timestamp in milliseconds when the PIN was sent.
        verified_at (int | Unset): UNIX timestamp in milliseconds of the verification; present when verified. (The
            vendor example shows 10-digit second values.)
    """

    msisdn: str
    verified: bool
    sent_at: int
    verified_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msisdn = self.msisdn

        verified = self.verified

        sent_at = self.sent_at

        verified_at = self.verified_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msisdn": msisdn,
                "verified": verified,
                "sentAt": sent_at,
            }
        )
        if verified_at is not UNSET:
            field_dict["verifiedAt"] = verified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        msisdn = d.pop("msisdn")

        verified = d.pop("verified")

        sent_at = d.pop("sentAt")

        verified_at = d.pop("verifiedAt", UNSET)

        tfa_verification = cls(
            msisdn=msisdn,
            verified=verified,
            sent_at=sent_at,
            verified_at=verified_at,
        )

        tfa_verification.additional_properties = d
        return tfa_verification

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
