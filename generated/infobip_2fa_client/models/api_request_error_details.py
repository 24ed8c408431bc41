from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_request_error_details_validation_errors import ApiRequestErrorDetailsValidationErrors


T = TypeVar("T", bound="ApiRequestErrorDetails")


@_attrs_define
class ApiRequestErrorDetails:
    """Error identifier, text and, for validation failures, the offending fields.

    Attributes:
        message_id (str): Identifier of the error, e.g. `BAD_REQUEST`, `UNAUTHORIZED`, `NOT_FOUND`, `TOO_MANY_REQUESTS`.
        text (str): Short human-readable description of the error.
        validation_errors (ApiRequestErrorDetailsValidationErrors | Unset): Validation messages keyed by field name;
            present only on validation failures (`/2fa/2` documents it, `/2fa/1` does not).
    """

    message_id: str
    text: str
    validation_errors: ApiRequestErrorDetailsValidationErrors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        text = self.text

        validation_errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation_errors, Unset):
            validation_errors = self.validation_errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
                "text": text,
            }
        )
        if validation_errors is not UNSET:
            field_dict["validationErrors"] = validation_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_request_error_details_validation_errors import ApiRequestErrorDetailsValidationErrors  # noqa: PLC0415

        d = dict(src_dict)
        message_id = d.pop("messageId")

        text = d.pop("text")

        _validation_errors = d.pop("validationErrors", UNSET)
        validation_errors: ApiRequestErrorDetailsValidationErrors | Unset
        if isinstance(_validation_errors, Unset):
            validation_errors = UNSET
        else:
            validation_errors = ApiRequestErrorDetailsValidationErrors.from_dict(_validation_errors)

        api_request_error_details = cls(
            message_id=message_id,
            text=text,
            validation_errors=validation_errors,
        )

        api_request_error_details.additional_properties = d
        return api_request_error_details

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
