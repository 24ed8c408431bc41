from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tfa_v1_verification import TfaV1Verification


T = TypeVar("T", bound="TfaV1VerificationResponse")


@_attrs_define
class TfaV1VerificationResponse:
    """Verification records of a phone number in `/2fa/1`.

    Attributes:
        verifications (list[TfaV1Verification]): The verification records, newest first.
    """

    verifications: list[TfaV1Verification]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verifications = []
        for verifications_item_data in self.verifications:
            verifications_item = verifications_item_data.to_dict()
            verifications.append(verifications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verifications": verifications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_v1_verification import TfaV1Verification  # noqa: PLC0415

        d = dict(src_dict)
        verifications = []
        _verifications = d.pop("verifications")
        for verifications_item_data in _verifications:
            verifications_item = TfaV1Verification.from_dict(verifications_item_data)

            verifications.append(verifications_item)

        tfa_v1_verification_response = cls(
            verifications=verifications,
        )

        tfa_v1_verification_response.additional_properties = d
        return tfa_v1_verification_response

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
