from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_v1_language import TfaV1Language
from ..models.tfa_v1_pin_type import TfaV1PinType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaV1UpdateMessageRequest")


@_attrs_define
class TfaV1UpdateMessageRequest:
    """Body of update message template in `/2fa/1`; every field is optional (partial update).

    Attributes:
        pin_placeholder (str | Unset): New PIN placeholder; the (new) `messageText` must contain it.
        message_text (str | Unset): New text of the message, containing the PIN placeholder.
        pin_length (int | Unset): New length of the generated PIN.
        pin_type (TfaV1PinType | Unset): Type of the generated PIN in `/2fa/1`: `NUMERIC`, `ALPHA`, `HEXA` (`0-9A-F`;
            `HEX` in `/2fa/2`) or `ALPHANUMERIC`.
        language (TfaV1Language | Unset): Language code of `/2fa/1` (hyphenated, seed page "Message: Get"): `en`
            English, `es` Spanish, `ca` Catalan, `zh-cn` Chinese (simplified), `zh-tw` Chinese (traditional), `da` Danish,
            `nl` Dutch, `fr` French, `de` German, `it` Italian, `ja` Japanese, `ko` Korean, `no` Norwegian, `pl` Polish,
            `pt-pt` Portuguese, `ru` Russian, `sv` Swedish, `fi` Finnish.
        repeat_dtmf (str | Unset): New DTMF code that repeats the message.
        speech_rate (float | Unset): New speed of speech, from 0.5 to 2.
        sender_id (str | Unset): New SMS sender name.
    """

    pin_placeholder: str | Unset = UNSET
    message_text: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: TfaV1PinType | Unset = UNSET
    language: TfaV1Language | Unset = UNSET
    repeat_dtmf: str | Unset = UNSET
    speech_rate: float | Unset = UNSET
    sender_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pin_placeholder = self.pin_placeholder

        message_text = self.message_text

        pin_length = self.pin_length

        pin_type: str | Unset = UNSET
        if not isinstance(self.pin_type, Unset):
            pin_type = self.pin_type.value

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        repeat_dtmf = self.repeat_dtmf

        speech_rate = self.speech_rate

        sender_id = self.sender_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pin_placeholder is not UNSET:
            field_dict["pinPlaceholder"] = pin_placeholder
        if message_text is not UNSET:
            field_dict["messageText"] = message_text
        if pin_length is not UNSET:
            field_dict["pinLength"] = pin_length
        if pin_type is not UNSET:
            field_dict["pinType"] = pin_type
        if language is not UNSET:
            field_dict["language"] = language
        if repeat_dtmf is not UNSET:
            field_dict["repeatDTMF"] = repeat_dtmf
        if speech_rate is not UNSET:
            field_dict["speechRate"] = speech_rate
        if sender_id is not UNSET:
            field_dict["senderId"] = sender_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pin_placeholder = d.pop("pinPlaceholder", UNSET)

        message_text = d.pop("messageText", UNSET)

        pin_length = d.pop("pinLength", UNSET)

        _pin_type = d.pop("pinType", UNSET)
        pin_type: TfaV1PinType | Unset
        if isinstance(_pin_type, Unset):
            pin_type = UNSET
        else:
            pin_type = TfaV1PinType(_pin_type)

        _language = d.pop("language", UNSET)
        language: TfaV1Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = TfaV1Language(_language)

        repeat_dtmf = d.pop("repeatDTMF", UNSET)

        speech_rate = d.pop("speechRate", UNSET)

        sender_id = d.pop("senderId", UNSET)

        tfa_v1_update_message_request = cls(
            pin_placeholder=pin_placeholder,
            message_text=message_text,
            pin_length=pin_length,
            pin_type=pin_type,
            language=language,
            repeat_dtmf=repeat_dtmf,
            speech_rate=speech_rate,
            sender_id=sender_id,
        )

        tfa_v1_update_message_request.additional_properties = d
        return tfa_v1_update_message_request

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
