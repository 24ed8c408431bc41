from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_start_authentication_request_placeholders import TfaStartAuthenticationRequestPlaceholders


T = TypeVar("T", bound="TfaStartAuthenticationRequest")


@_attrs_define
class TfaStartAuthenticationRequest:
    """Body of send PIN over SMS or voice.

    Attributes:
        application_id (str): ID of the 2FA application.
        message_id (str): ID of the SMS/voice message template to send.
        to (str): Destination phone number in international format, digits only and without a leading `+`, e.g.
            `41793026727`.
        from_ (str | Unset): Sender ID (numeric or alphanumeric); overrides the template's `senderId`.
        placeholders (TfaStartAuthenticationRequestPlaceholders | Unset): Values of the template's custom placeholders,
            keyed by placeholder name without curly brackets, e.g. `{"firstName": "John"}`. The key `pin` is not allowed.
        track_delivery (bool | Unset): When true, delivery reports are published through Infobip Subscriptions and the
            response carries `externalMessageId`. Default: False.
    """

    application_id: str
    message_id: str
    to: str
    from_: str | Unset = UNSET
    placeholders: TfaStartAuthenticationRequestPlaceholders | Unset = UNSET
    track_delivery: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        message_id = self.message_id

        to = self.to

        from_ = self.from_

        placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = self.placeholders.to_dict()

        track_delivery = self.track_delivery

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
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if track_delivery is not UNSET:
            field_dict["trackDelivery"] = track_delivery

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_start_authentication_request_placeholders import TfaStartAuthenticationRequestPlaceholders  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("applicationId")

        message_id = d.pop("messageId")

        to = d.pop("to")

        from_ = d.pop("from", UNSET)

        _placeholders = d.pop("placeholders", UNSET)
        placeholders: TfaStartAuthenticationRequestPlaceholders | Unset
        if isinstance(_placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = TfaStartAuthenticationRequestPlaceholders.from_dict(_placeholders)

        track_delivery = d.pop("trackDelivery", UNSET)

        tfa_start_authentication_request = cls(
            application_id=application_id,
            message_id=message_id,
            to=to,
            from_=from_,
            placeholders=placeholders,
            track_delivery=track_delivery,
        )

        tfa_start_authentication_request.additional_properties = d
        return tfa_start_authentication_request

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
