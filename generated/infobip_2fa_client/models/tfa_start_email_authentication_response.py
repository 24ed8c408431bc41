from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_email_status import TfaEmailStatus


T = TypeVar("T", bound="TfaStartEmailAuthenticationResponse")


@_attrs_define
class TfaStartEmailAuthenticationResponse:
    """Result of sending or resending a PIN over e-mail.

    Attributes:
        pin_id (str): ID of the PIN, used to verify or resend it.
        to (str | Unset): The destination e-mail address.
        email_status (TfaEmailStatus | Unset): Status of the PIN e-mail.
    """

    pin_id: str
    to: str | Unset = UNSET
    email_status: TfaEmailStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pin_id = self.pin_id

        to = self.to

        email_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email_status, Unset):
            email_status = self.email_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pinId": pin_id,
            }
        )
        if to is not UNSET:
            field_dict["to"] = to
        if email_status is not UNSET:
            field_dict["emailStatus"] = email_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_email_status import TfaEmailStatus  # noqa: PLC0415

        d = dict(src_dict)
        pin_id = d.pop("pinId")

        to = d.pop("to", UNSET)

        _email_status = d.pop("emailStatus", UNSET)
        email_status: TfaEmailStatus | Unset
        if isinstance(_email_status, Unset):
            email_status = UNSET
        else:
            email_status = TfaEmailStatus.from_dict(_email_status)

        tfa_start_email_authentication_response = cls(
            pin_id=pin_id,
            to=to,
            email_status=email_status,
        )

        tfa_start_email_authentication_response.additional_properties = d
        return tfa_start_email_authentication_response

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
