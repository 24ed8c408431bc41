from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_resend_pin_request_via_email_landing_page_placeholders import (
        TfaResendPinRequestViaEmailLandingPagePlaceholders,
    )
    from ..models.tfa_resend_pin_request_via_email_placeholders import TfaResendPinRequestViaEmailPlaceholders


T = TypeVar("T", bound="TfaResendPinRequestViaEmail")


@_attrs_define
class TfaResendPinRequestViaEmail:
    """Optional body of resend PIN over e-mail.

    Attributes:
        placeholders (TfaResendPinRequestViaEmailPlaceholders | Unset): Values of the e-mail template's custom
            placeholders, keyed by name without curly brackets. The key `pin` is not allowed.
        landing_page_placeholders (TfaResendPinRequestViaEmailLandingPagePlaceholders | Unset): Values of the landing
            page's custom placeholders, keyed by name without curly brackets. The key `pin` is not allowed.
    """

    placeholders: TfaResendPinRequestViaEmailPlaceholders | Unset = UNSET
    landing_page_placeholders: TfaResendPinRequestViaEmailLandingPagePlaceholders | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = self.placeholders.to_dict()

        landing_page_placeholders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.landing_page_placeholders, Unset):
            landing_page_placeholders = self.landing_page_placeholders.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if landing_page_placeholders is not UNSET:
            field_dict["landingPagePlaceholders"] = landing_page_placeholders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_resend_pin_request_via_email_landing_page_placeholders import (
            TfaResendPinRequestViaEmailLandingPagePlaceholders,  # noqa: PLC0415
        )
        from ..models.tfa_resend_pin_request_via_email_placeholders import TfaResendPinRequestViaEmailPlaceholders  # noqa: PLC0415

        d = dict(src_dict)
        _placeholders = d.pop("placeholders", UNSET)
        placeholders: TfaResendPinRequestViaEmailPlaceholders | Unset
        if isinstance(_placeholders, Unset):
            placeholders = UNSET
        else:
            placeholders = TfaResendPinRequestViaEmailPlaceholders.from_dict(_placeholders)

        _landing_page_placeholders = d.pop("landingPagePlaceholders", UNSET)
        landing_page_placeholders: TfaResendPinRequestViaEmailLandingPagePlaceholders | Unset
        if isinstance(_landing_page_placeholders, Unset):
            landing_page_placeholders = UNSET
        else:
            landing_page_placeholders = TfaResendPinRequestViaEmailLandingPagePlaceholders.from_dict(
                _landing_page_placeholders
            )

        tfa_resend_pin_request_via_email = cls(
            placeholders=placeholders,
            landing_page_placeholders=landing_page_placeholders,
        )

        tfa_resend_pin_request_via_email.additional_properties = d
        return tfa_resend_pin_request_via_email

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
