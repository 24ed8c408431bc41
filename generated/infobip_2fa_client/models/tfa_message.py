from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_language import TfaLanguage
from ..models.tfa_pin_type import TfaPinType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_regional_options import TfaRegionalOptions


T = TypeVar("T", bound="TfaMessage")


@_attrs_define
class TfaMessage:
    """Any message template, as returned by the GET template operations: the union of the SMS/voice and the e-mail template
    fields. Only the fields of the template's kind that were set are present.

        Attributes:
            message_id (str): ID of the message template.
            application_id (str | Unset): ID of the application the template belongs to.
            pin_placeholder (str | Unset): PIN placeholder inside `messageText` (`{{pin}}`); SMS/voice templates only.
            message_text (str | Unset): Text of the message; SMS/voice templates only.
            pin_length (int | Unset): Length of the generated PIN.
            pin_type (str | TfaPinType | Unset): Type of the generated PIN; unknown values are passed through as plain
                strings.
            language (str | TfaLanguage | Unset): Language of the message text (SMS/voice templates only); unknown values
                are passed through as plain strings.
            voice_name (str | Unset): Voice used in voice calls; SMS/voice templates only.
            sender_id (str | Unset): SMS sender name; SMS/voice templates only.
            repeat_dtmf (str | Unset): DTMF sequence that replays the message; SMS/voice templates only.
            speech_rate (float | Unset): Speed of speech, from 0.5 to 2; SMS/voice templates only.
            regional (TfaRegionalOptions | Unset): Region-specific SMS options.
            email_template_id (int | Unset): ID of the Infobip e-mail template; e-mail templates only.
            from_ (str | Unset): Sender address; e-mail templates only.
            landing_page_id (str | Unset): ID of the opt-out landing page; e-mail templates only.
    """

    message_id: str
    application_id: str | Unset = UNSET
    pin_placeholder: str | Unset = UNSET
    message_text: str | Unset = UNSET
    pin_length: int | Unset = UNSET
    pin_type: str | TfaPinType | Unset = UNSET
    language: str | TfaLanguage | Unset = UNSET
    voice_name: str | Unset = UNSET
    sender_id: str | Unset = UNSET
    repeat_dtmf: str | Unset = UNSET
    speech_rate: float | Unset = UNSET
    regional: TfaRegionalOptions | Unset = UNSET
    email_template_id: int | Unset = UNSET
    from_: str | Unset = UNSET
    landing_page_id: str | Unset = UNSET
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
        elif isinstance(self.pin_type, TfaPinType):
            pin_type = self.pin_type.value
        else:
            pin_type = self.pin_type

        language: str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, TfaLanguage):
            language = self.language.value
        else:
            language = self.language

        voice_name = self.voice_name

        sender_id = self.sender_id

        repeat_dtmf = self.repeat_dtmf

        speech_rate = self.speech_rate

        regional: dict[str, Any] | Unset = UNSET
        if not isinstance(self.regional, Unset):
            regional = self.regional.to_dict()

        email_template_id = self.email_template_id

        from_ = self.from_

        landing_page_id = self.landing_page_id

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
        if language is not UNSET:
            field_dict["language"] = language
        if voice_name is not UNSET:
            field_dict["voiceName"] = voice_name
        if sender_id is not UNSET:
            field_dict["senderId"] = sender_id
        if repeat_dtmf is not UNSET:
            field_dict["repeatDTMF"] = repeat_dtmf
        if speech_rate is not UNSET:
            field_dict["speechRate"] = speech_rate
        if regional is not UNSET:
            field_dict["regional"] = regional
        if email_template_id is not UNSET:
            field_dict["emailTemplateId"] = email_template_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if landing_page_id is not UNSET:
            field_dict["landingPageId"] = landing_page_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_regional_options import TfaRegionalOptions  # noqa: PLC0415

        d = dict(src_dict)
        message_id = d.pop("messageId")

        application_id = d.pop("applicationId", UNSET)

        pin_placeholder = d.pop("pinPlaceholder", UNSET)

        message_text = d.pop("messageText", UNSET)

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

        def _parse_language(data: object) -> str | TfaLanguage | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = TfaLanguage(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaLanguage | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        voice_name = d.pop("voiceName", UNSET)

        sender_id = d.pop("senderId", UNSET)

        repeat_dtmf = d.pop("repeatDTMF", UNSET)

        speech_rate = d.pop("speechRate", UNSET)

        _regional = d.pop("regional", UNSET)
        regional: TfaRegionalOptions | Unset
        if isinstance(_regional, Unset):
            regional = UNSET
        else:
            regional = TfaRegionalOptions.from_dict(_regional)

        email_template_id = d.pop("emailTemplateId", UNSET)

        from_ = d.pop("from", UNSET)

        landing_page_id = d.pop("landingPageId", UNSET)

        tfa_message = cls(
            message_id=message_id,
            application_id=application_id,
            pin_placeholder=pin_placeholder,
            message_text=message_text,
            pin_length=pin_length,
            pin_type=pin_type,
            language=language,
            voice_name=voice_name,
            sender_id=sender_id,
            repeat_dtmf=repeat_dtmf,
            speech_rate=speech_rate,
            regional=regional,
            email_template_id=email_template_id,
            from_=from_,
            landing_page_id=landing_page_id,
        )

        tfa_message.additional_properties = d
        return tfa_message

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
