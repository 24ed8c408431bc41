from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_language import TfaLanguage
from ..models.tfa_pin_type import TfaPinType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_regional_options import TfaRegionalOptions


T = TypeVar("T", bound="TfaCreateMessageRequest")


@_attrs_define
class TfaCreateMessageRequest:
    """Body of create SMS/voice message template.

    Attributes:
        message_text (str): Text of the message. Must contain the `{{pin}}` placeholder; other `{{name}}` placeholders
            are filled from `placeholders` at send time.
        pin_type (TfaPinType): Type of the generated PIN: `NUMERIC` (digits), `ALPHA` (letters), `HEX` (`0-9A-F`) or
            `ALPHANUMERIC` (letters and digits).
        pin_length (int | Unset): Length of the generated PIN (undocumented default; 4 in this project's mock).
        language (TfaLanguage | Unset): Language of the message text, used to read it out in voice calls (English when
            unset): `en` English, `es` Spanish, `ca` Catalan, `da` Danish, `nl` Dutch, `fr` French, `de` German, `it`
            Italian, `ja` Japanese, `ko` Korean, `no` Norwegian, `pl` Polish, `ru` Russian, `sv` Swedish, `fi` Finnish, `hr`
            Croatian, `sl` Slovenian, `ro` Romanian, `pt_pt` Portuguese (Portugal), `pt_br` Portuguese (Brazil), `zh_cn`
            Chinese (simplified), `zh_tw` Chinese (traditional).
        voice_name (str | Unset): Voice used to read the message in voice calls, e.g. `Joanna`; defaults to the
            language's standard voice. An unknown voice makes the request fail.
        repeat_dtmf (str | Unset): DTMF sequence (e.g. `1#`) that replays the message when pressed during the call.
        sender_id (str | Unset): Sender name shown to the SMS recipient, e.g. `Infobip 2FA`; `from` at send time
            overrides it.
        speech_rate (float | Unset): Speed of speech in voice calls, from 0.5 to 2.
        regional (TfaRegionalOptions | Unset): Region-specific SMS options.
    """

    message_text: str
    pin_type: TfaPinType
    pin_length: int | Unset = UNSET
    language: TfaLanguage | Unset = UNSET
    voice_name: str | Unset = UNSET
    repeat_dtmf: str | Unset = UNSET
    sender_id: str | Unset = UNSET
    speech_rate: float | Unset = UNSET
    regional: TfaRegionalOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_text = self.message_text

        pin_type = self.pin_type.value

        pin_length = self.pin_length

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        voice_name = self.voice_name

        repeat_dtmf = self.repeat_dtmf

        sender_id = self.sender_id

        speech_rate = self.speech_rate

        regional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.regional, Unset):
            regional = self.regional.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageText": message_text,
                "pinType": pin_type,
            }
        )
        if pin_length is not UNSET:
            field_dict["pinLength"] = pin_length
        if language is not UNSET:
            field_dict["language"] = language
        if voice_name is not UNSET:
            field_dict["voiceName"] = voice_name
        if repeat_dtmf is not UNSET:
            field_dict["repeatDTMF"] = repeat_dtmf
        if sender_id is not UNSET:
            field_dict["senderId"] = sender_id
        if speech_rate is not UNSET:
            field_dict["speechRate"] = speech_rate
        if regional is not UNSET:
            field_dict["regional"] = regional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_regional_options import TfaRegionalOptions  # noqa: PLC0415

        d = dict(src_dict)
        message_text = d.pop("messageText")

        pin_type = TfaPinType(d.pop("pinType"))

        pin_length = d.pop("pinLength", UNSET)

        _language = d.pop("language", UNSET)
        language: TfaLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = TfaLanguage(_language)

        voice_name = d.pop("voiceName", UNSET)

        repeat_dtmf = d.pop("repeatDTMF", UNSET)

        sender_id = d.pop("senderId", UNSET)

        speech_rate = d.pop("speechRate", UNSET)

        _regional = d.pop("regional", UNSET)
        regional: TfaRegionalOptions | Unset
        if isinstance(_regional, Unset):
            regional = UNSET
        else:
            regional = TfaRegionalOptions.from_dict(_regional)

        tfa_create_message_request = cls(
            message_text=message_text,
            pin_type=pin_type,
            pin_length=pin_length,
            language=language,
            voice_name=voice_name,
            repeat_dtmf=repeat_dtmf,
            sender_id=sender_id,
            speech_rate=speech_rate,
            regional=regional,
        )

        tfa_create_message_request.additional_properties = d
        return tfa_create_message_request

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
