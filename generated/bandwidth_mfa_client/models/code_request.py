from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeRequest")


@_attrs_define
class CodeRequest:
    """A request to generate a code and deliver it by SMS or voice call.

    Attributes:
        to (str): The phone number to send the code to, in E.164 format.
        from_ (str): The Bandwidth number the SMS or call comes from, in E.164 format. It must belong to the
            application in `applicationId`.
        application_id (str): The Bandwidth application ID: a messaging application for `/code/messaging`, a voice
            application for `/code/voice`.
        message (str): The message template. `{CODE}` is replaced by the generated code and should be present (the
            vendor does not enforce it); `{NAME}` by the application name configured at MFA provisioning;
            `{SCOPE}` by `scope`.
        digits (int): The number of digits of the generated code, 4 to 8.
        scope (str | Unset): A free-form label for the action the code protects (`2FA`, `login`, ...). Codes are
            partitioned
            by scope: verify must use the same value. Defaults to `2FA`; available in the message as `{SCOPE}`.
             Default: '2FA'.
    """

    to: str
    from_: str
    application_id: str
    message: str
    digits: int
    scope: str | Unset = "2FA"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        from_ = self.from_

        application_id = self.application_id

        message = self.message

        digits = self.digits

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "from": from_,
                "applicationId": application_id,
                "message": message,
                "digits": digits,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = d.pop("to")

        from_ = d.pop("from")

        application_id = d.pop("applicationId")

        message = d.pop("message")

        digits = d.pop("digits")

        scope = d.pop("scope", UNSET)

        code_request = cls(
            to=to,
            from_=from_,
            application_id=application_id,
            message=message,
            digits=digits,
            scope=scope,
        )

        code_request.additional_properties = d
        return code_request

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
