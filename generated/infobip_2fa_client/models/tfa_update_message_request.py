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


T = TypeVar("T", bound="TfaUpdateMessageRequest")


@_attrs_define
class TfaUpdateMessageRequest:
    """Body of update SMS/voice message template; every field is optional (partial update).

    Attributes:
        message_text (str | Unset): New text of the message; must contain `{{pin}}`.
        pin_length (int | Unset): New length of the generated PIN.
        pin_type (TfaPinType | Unset): Type of the generated PIN: `NUMERIC` (digits), `ALPHA` (letters), `HEX`
            (`0-9A-F`) or `ALPHANUMERIC` (letters and digits).
        language (TfaLanguage | Unset): Language of the message text, used to read it out in voice calls (English when
            unset): `en` English, `es` Spanish, `ca` Catalan, `da` Danish, `nl` Dutch, `fr` French, `de` German, `it`
            Italian, `ja` Japanese, `ko` Korean, `no` Norwegian, `pl` Polish, `ru` Russian, `sv` Swedish, `fi` Finnish, `hr`
            Croatian, `sl` Slovenian, `ro` Romanian, `pt_pt` Portuguese (Portugal), `pt_br` Portuguese (Brazil), `zh_cn`
            Chinese (simplified), `zh_tw` Chinese (traditional).
        voice_name (str | Unset): New voice for voice calls, e.g. `Joanna`.
        repeat_dtmf (str | Unset): New DTMF sequence that replays the message during the call.
        sender_id (str | Unset): New SMS sender name.
        speech_rate (float | Unset): New speed of speech, from 0.5 to 2.
        regional (TfaRegionalOptions | Unset): Region-specific SMS options.
    """

    message_text: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: TfaPinType | Unset = UNSET
    language: TfaLanguage | Unset = UNSET
    voice_name: str | Unset = UNSET
    repeat_dtmf: str | Unset = UNSET
    sender_id: str | Unset = UNSET
    speech_rate: float | Unset = UNSET
    regional: TfaRegionalOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_text = self.message_text

        pin_length = self.pin_length

        pin_type: str | Unset = UNSET
        if not isinstance(self.pin_type, Unset):
            pin_type = self.pin_type.value

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
        field_dict.update({})
        if message_text is not UNSET:
            field_dict["messageText"] = message_text
        if pin_length is not UNSET:
            field_dict["pinLength"] = pin_length
        if pin_type is not UNSET:
            field_dict["pinType"] = pin_type
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
        message_text = d.pop("messageText", UNSET)

        pin_length = d.pop("pinLength", UNSET)

        _pin_type = d.pop("pinType", UNSET)
        pin_type: TfaPinType | Unset
        if isinstance(_pin_type, Unset):
            pin_type = UNSET
        else:
            pin_type = TfaPinType(_pin_type)

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

        tfa_update_message_request = cls(
            message_text=message_text,
            pin_length=pin_length,
            pin_type=pin_type,
            language=language,
            voice_name=voice_name,
            repeat_dtmf=repeat_dtmf,
            sender_id=sender_id,
            speech_rate=speech_rate,
            regional=regional,
        )

        tfa_update_message_request.additional_properties = d
        return tfa_update_message_request

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
