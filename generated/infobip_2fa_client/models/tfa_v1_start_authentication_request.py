from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaV1StartAuthenticationRequest")


@_attrs_define
class TfaV1StartAuthenticationRequest:
    """Body of send PIN over SMS or voice in `/2fa/1`.

    Attributes:
        application_id (str): 2FA application ID.
        message_id (str): ID of the message template to send.
        to (str): Destination phone number in international format, digits only and without a leading `+`, e.g.
            `41793026727`.
        from_ (str | Unset): Sender ID in numeric or alphanumeric format; defaults to the template's `senderId`.
    """

    application_id: str
    message_id: str
    to: str
    from_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        message_id = self.message_id

        to = self.to

        from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicationId": application_id,
                "messageId": message_id,
                "to": to,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("applicationId")

        message_id = d.pop("messageId")

        to = d.pop("to")

        from_ = d.pop("from", UNSET)

        tfa_v1_start_authentication_request = cls(
            application_id=application_id,
            message_id=message_id,
            to=to,
            from_=from_,
        )

        tfa_v1_start_authentication_request.additional_properties = d
        return tfa_v1_start_authentication_request

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
