from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VerifyCodeRequest")


@_attrs_define
class VerifyCodeRequest:
    """A request to check a code the user entered.

    Attributes:
        to (str): The phone number the code was sent to, in E.164 format.
        expiration_time_in_minutes (float): The validity window, chosen at verify time: only a code generated within the
            last this many
            minutes can match. 1 to 15; fractions are allowed.
        code (str): The code the user entered, as a string of 4 to 8 characters.
        scope (str | Unset): The scope used when the code was generated. Defaults to `2FA`. Default: '2FA'.
        application_id (str | Unset): Legacy field: required by the 2020-2022 API and still sent by the Errors page
            examples, removed
            from the specification in June 2022. Accepted and ignored.
    """

    to: str
    expiration_time_in_minutes: float
    code: str
    scope: str | Unset = "2FA"
    application_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        expiration_time_in_minutes = self.expiration_time_in_minutes

        code = self.code

        scope = self.scope

        application_id = self.application_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "expirationTimeInMinutes": expiration_time_in_minutes,
                "code": code,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = d.pop("to")

        expiration_time_in_minutes = d.pop("expirationTimeInMinutes")

        code = d.pop("code")

        scope = d.pop("scope", UNSET)

        application_id = d.pop("applicationId", UNSET)

        verify_code_request = cls(
            to=to,
            expiration_time_in_minutes=expiration_time_in_minutes,
            code=code,
            scope=scope,
            application_id=application_id,
        )

        verify_code_request.additional_properties = d
        return verify_code_request

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
