from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_v1_language import TfaV1Language
from ..models.tfa_v1_pin_type import TfaV1PinType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaV1Message")


@_attrs_define
class TfaV1Message:
    """A `/2fa/1` message template (seed page "Message: Get"); fields never set are omitted.

    Attributes:
        message_id (str): 2FA message ID.
        application_id (str | Unset): 2FA application ID for which the message was created.
        pin_placeholder (str | Unset): PIN code placeholder; right before sending it is replaced with the generated PIN.
        message_text (str | Unset): Text of the message that will be sent.
        pin_length (int | Unset): PIN code length.
        pin_type (str | TfaV1PinType | Unset): Type of PIN code generated and sent with this message; unknown values are
            passed through as plain strings.
        repeat_dtmf (str | Unset): DTMF code which repeats the message if the subscriber enters it.
        speech_rate (float | Unset): Speed of speech for the voice message, from 0.5 to 2.
        sender_id (str | Unset): Name that appears as the sender of the 2FA message, e.g. `CompanyName`.
        language (str | TfaV1Language | Unset): Language code of the message text, used for reading it in voice calls
            (English when unset); unknown values are passed through as plain strings.
    """

    message_id: str
    application_id: str | Unset = UNSET
    pin_placeholder: str | Unset = UNSET
    message_text: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: str | TfaV1PinType | Unset = UNSET
    repeat_dtmf: str | Unset = UNSET
    speech_rate: float | Unset = UNSET
    sender_id: str | Unset = UNSET
    language: str | TfaV1Language | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        application_id = self.application_id

        pin_placeholder = self.pin_placeholder

        message_text = self.message_text

        pin_length = self.pin_length

        pin_type: str | Unset
        if isinstance(self.pin_type, Unset):
            pin_type = UNSET
        elif isinstance(self.pin_type, TfaV1PinType):
            pin_type = self.pin_type.value
        else:
            pin_type = self.pin_type

        repeat_dtmf = self.repeat_dtmf

        speech_rate = self.speech_rate

        sender_id = self.sender_id

        language: str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, TfaV1Language):
            language = self.language.value
        else:
            language = self.language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if pin_placeholder is not UNSET:
            field_dict["pinPlaceholder"] = pin_placeholder
        if message_text is not UNSET:
            field_dict["messageText"] = message_text
        if pin_length is not UNSET:
            field_dict["pinLength"] = pin_length
        if pin_type is not UNSET:
            field_dict["pinType"] = pin_type
        if repeat_dtmf is not UNSET:
            field_dict["repeatDTMF"] = repeat_dtmf
        if speech_rate is not UNSET:
            field_dict["speechRate"] = speech_rate
        if sender_id is not UNSET:
            field_dict["senderId"] = sender_id
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_id = d.pop("messageId")

        application_id = d.pop("applicationId", UNSET)

        pin_placeholder = d.pop("pinPlaceholder", UNSET)

        message_text = d.pop("messageText", UNSET)

        pin_length = d.pop("pinLength", UNSET)

        def _parse_pin_type(data: object) -> str | TfaV1PinType | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pin_type_type_0 = TfaV1PinType(data)

                return pin_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaV1PinType | Unset, data)

        pin_type = _parse_pin_type(d.pop("pinType", UNSET))

        repeat_dtmf = d.pop("repeatDTMF", UNSET)

        speech_rate = d.pop("speechRate", UNSET)

        sender_id = d.pop("senderId", UNSET)

        def _parse_language(data: object) -> str | TfaV1Language | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = TfaV1Language(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaV1Language | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        tfa_v1_message = cls(
            message_id=message_id,
            application_id=application_id,
            pin_placeholder=pin_placeholder,
            message_text=message_text,
            pin_length=pin_length,
            pin_type=pin_type,
            repeat_dtmf=repeat_dtmf,
            speech_rate=speech_rate,
            sender_id=sender_id,
            language=language,
        )

        tfa_v1_message.additional_properties = d
        return tfa_v1_message

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
