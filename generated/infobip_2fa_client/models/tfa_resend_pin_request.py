from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_resend_pin_request_placeholders import TfaResendPinRequestPlaceholders


T = TypeVar("T", bound="TfaResendPinRequest")


@_attrs_define
class TfaResendPinRequest:
    """Optional body of resend PIN over SMS or voice.

    Attributes:
        placeholders (TfaResendPinRequestPlaceholders | Unset): Values of the template's custom placeholders, keyed by
            name without curly brackets. The key `pin` is not allowed.
        track_delivery (bool | Unset): When true, delivery reports are published and the response carries
            `externalMessageId`. Default: False.
    """

    placeholders: TfaResendPinRequestPlaceholders | Unset = UNSET
    track_delivery: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = self.placeholders.to_dict()

        track_delivery = self.track_delivery

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if track_delivery is not UNSET:
            field_dict["trackDelivery"] = track_delivery

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_resend_pin_request_placeholders import TfaResendPinRequestPlaceholders  # noqa: PLC0415

        d = dict(src_dict)
        _placeholders = d.pop("placeholders", UNSET)
        placeholders: TfaResendPinRequestPlaceholders | Unset
        if isinstance(_placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = TfaResendPinRequestPlaceholders.from_dict(_placeholders)

        track_delivery = d.pop("trackDelivery", UNSET)

        tfa_resend_pin_request = cls(
            placeholders=placeholders,
            track_delivery=track_delivery,
        )

        tfa_resend_pin_request.additional_properties = d
        return tfa_resend_pin_request

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
