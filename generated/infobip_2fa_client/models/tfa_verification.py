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
        verified (bool): Whether the destination was verified with this PIN.
        msisdn (str | Unset): The phone number (or e-mail address) the PIN was sent to.
        verified_at (int | Unset): UNIX timestamp in milliseconds of the verification; present when verified. (The
            vendor example shows 10-digit second values.)
        sent_at (int | Unset): UNIX timestamp in milliseconds when the PIN was sent. Optional: the vendor describes it
            as present only when the destination is verified (this project's mock always sends it).
    """

    verified: bool
    msisdn: str | Unset = UNSET
    verified_at: int | Unset = UNSET
    sent_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified = self.verified

        msisdn = self.msisdn

        verified_at = self.verified_at

        sent_at = self.sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified": verified,
            }
        )
        if msisdn is not UNSET:
            field_dict["msisdn"] = msisdn
        if verified_at is not UNSET:
            field_dict["verifiedAt"] = verified_at
        if sent_at is not UNSET:
            field_dict["sentAt"] = sent_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verified = d.pop("verified")

        msisdn = d.pop("msisdn", UNSET)

        verified_at = d.pop("verifiedAt", UNSET)

        sent_at = d.pop("sentAt", UNSET)

        tfa_verification = cls(
            verified=verified,
            msisdn=msisdn,
            verified_at=verified_at,
            sent_at=sent_at,
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
