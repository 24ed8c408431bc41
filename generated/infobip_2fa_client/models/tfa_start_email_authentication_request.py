from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_start_email_authentication_request_landing_page_placeholders import (
        TfaStartEmailAuthenticationRequestLandingPagePlaceholders,
    )
    from ..models.tfa_start_email_authentication_request_placeholders import (
        TfaStartEmailAuthenticationRequestPlaceholders,
    )


T = TypeVar("T", bound="TfaStartEmailAuthenticationRequest")


@_attrs_define
class TfaStartEmailAuthenticationRequest:
    """Body of send PIN over e-mail.

    Attributes:
        application_id (str): ID of the 2FA application.
        message_id (str): ID of the e-mail message template to send.
        to (str): Destination e-mail address, e.g. `john.smith@example.com`.
        from_ (str | Unset): Sender address; overrides the template's `from`.
        placeholders (TfaStartEmailAuthenticationRequestPlaceholders | Unset): Values of the e-mail template's custom
            placeholders, keyed by name without curly brackets. The key `pin` is not allowed.
        landing_page_placeholders (TfaStartEmailAuthenticationRequestLandingPagePlaceholders | Unset): Values of the
            landing page's custom placeholders, keyed by name without curly brackets. The key `pin` is not allowed.
    """

    application_id: str
    message_id: str
    to: str
    from_: str | Unset = UNSET
    placeholders: TfaStartEmailAuthenticationRequestPlaceholders | Unset = UNSET
    landing_page_placeholders: TfaStartEmailAuthenticationRequestLandingPagePlaceholders | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        message_id = self.message_id

        to = self.to

        from_ = self.from_

        placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = self.placeholders.to_dict()

        landing_page_placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.landing_page_placeholders, Unset):
            landing_page_placeholders = self.landing_page_placeholders.to_dict()

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
        if landing_page_placeholders is not UNSET:
            field_dict["landingPagePlaceholders"] = landing_page_placeholders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_start_email_authentication_request_landing_page_placeholders import (
            TfaStartEmailAuthenticationRequestLandingPagePlaceholders,  # noqa: PLC0415
        )
        from ..models.tfa_start_email_authentication_request_placeholders import (
            TfaStartEmailAuthenticationRequestPlaceholders,  # noqa: PLC0415
        )

        d = dict(src_dict)
        application_id = d.pop("applicationId")

        message_id = d.pop("messageId")

        to = d.pop("to")

        from_ = d.pop("from", UNSET)

        _placeholders = d.pop("placeholders", UNSET)
        placeholders: TfaStartEmailAuthenticationRequestPlaceholders | Unset
        if isinstance(_placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = TfaStartEmailAuthenticationRequestPlaceholders.from_dict(_placeholders)

        _landing_page_placeholders = d.pop("landingPagePlaceholders", UNSET)
        landing_page_placeholders: TfaStartEmailAuthenticationRequestLandingPagePlaceholders | Unset
        if isinstance(_landing_page_placeholders, Unset):
            landing_page_placeholders = UNSET
        else:
            landing_page_placeholders = TfaStartEmailAuthenticationRequestLandingPagePlaceholders.from_dict(
                _landing_page_placeholders
            )

        tfa_start_email_authentication_request = cls(
            application_id=application_id,
            message_id=message_id,
            to=to,
            from_=from_,
            placeholders=placeholders,
            landing_page_placeholders=landing_page_placeholders,
        )

        tfa_start_email_authentication_request.additional_properties = d
        return tfa_start_email_authentication_request

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
