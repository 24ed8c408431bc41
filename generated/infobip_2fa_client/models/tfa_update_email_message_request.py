from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_pin_type import TfaPinType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaUpdateEmailMessageRequest")


@_attrs_define
class TfaUpdateEmailMessageRequest:
    """Body of update e-mail message template; every field is optional (partial update).

    Attributes:
        email_template_id (int | Unset): ID of the e-mail template to use instead.
        from_ (str | Unset): New sender address.
        landing_page_id (str | Unset): New opt-out landing page ID.
        pin_length (int | Unset): New length of the generated PIN.
        pin_type (TfaPinType | Unset): Type of the generated PIN: `NUMERIC` (digits), `ALPHA` (letters), `HEX`
            (`0-9A-F`) or `ALPHANUMERIC` (letters and digits).
    """

    email_template_id: int | Unset = UNSET
    from_: str | Unset = UNSET
    landing_page_id: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: TfaPinType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_template_id = self.email_template_id

        from_ = self.from_

        landing_page_id = self.landing_page_id

        pin_length = self.pin_length

        pin_type: str | Unset = UNSET
        if not isinstance(self.pin_type, Unset):
            pin_type = self.pin_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_template_id is not UNSET:
            field_dict["emailTemplateId"] = email_template_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if landing_page_id is not UNSET:
            field_dict["landingPageId"] = landing_page_id
        if pin_length is not UNSET:
            field_dict["pinLength"] = pin_length
        if pin_type is not UNSET:
            field_dict["pinType"] = pin_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_template_id = d.pop("emailTemplateId", UNSET)

        from_ = d.pop("from", UNSET)

        landing_page_id = d.pop("landingPageId", UNSET)

        pin_length = d.pop("pinLength", UNSET)

        _pin_type = d.pop("pinType", UNSET)
        pin_type: TfaPinType | Unset
        if isinstance(_pin_type, Unset):
            pin_type = UNSET
        else:
            pin_type = TfaPinType(_pin_type)

        tfa_update_email_message_request = cls(
            email_template_id=email_template_id,
            from_=from_,
            landing_page_id=landing_page_id,
            pin_length=pin_length,
            pin_type=pin_type,
        )

        tfa_update_email_message_request.additional_properties = d
        return tfa_update_email_message_request

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
