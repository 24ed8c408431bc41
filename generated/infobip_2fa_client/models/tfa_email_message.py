from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_pin_type import TfaPinType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaEmailMessage")


@_attrs_define
class TfaEmailMessage:
    """An e-mail message template, as returned by create and update.

    Attributes:
        message_id (str): ID of the message template.
        application_id (str | Unset): ID of the application the template belongs to.
        email_template_id (int | Unset): ID of the Infobip e-mail template used.
        from_ (str | Unset): Sender address.
        landing_page_id (str | Unset): ID of the opt-out landing page.
        pin_length (int | Unset): Length of the generated PIN.
        pin_type (str | TfaPinType | Unset): Type of the generated PIN; unknown values are passed through as plain
            strings.
    """

    message_id: str
    application_id: str | Unset = UNSET
    email_template_id: int | Unset = UNSET
    from_: str | Unset = UNSET
    landing_page_id: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: str | TfaPinType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        application_id = self.application_id

        email_template_id = self.email_template_id

        from_ = self.from_

        landing_page_id = self.landing_page_id

        pin_length = self.pin_length

        pin_type: str | Unset
        if isinstance(self.pin_type, Unset):
            pin_type = UNSET
        elif isinstance(self.pin_type, TfaPinType):
            pin_type = self.pin_type.value
        else:
            pin_type = self.pin_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
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
        message_id = d.pop("messageId")

        application_id = d.pop("applicationId", UNSET)

        email_template_id = d.pop("emailTemplateId", UNSET)

        from_ = d.pop("from", UNSET)

        landing_page_id = d.pop("landingPageId", UNSET)

        pin_length = d.pop("pinLength", UNSET)

        def _parse_pin_type(data: object) -> str | TfaPinType | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pin_type_type_0 = TfaPinType(data)

                return pin_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaPinType | Unset, data)

        pin_type = _parse_pin_type(d.pop("pinType", UNSET))

        tfa_email_message = cls(
            message_id=message_id,
            application_id=application_id,
            email_template_id=email_template_id,
            from_=from_,
            landing_page_id=landing_page_id,
            pin_length=pin_length,
            pin_type=pin_type,
        )

        tfa_email_message.additional_properties = d
        return tfa_email_message

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
