from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_request_error_details import ApiRequestErrorDetails


T = TypeVar("T", bound="ApiRequestError")


@_attrs_define
class ApiRequestError:
    """Wrapper around the error details.

    Attributes:
        service_exception (ApiRequestErrorDetails): Error identifier, text and, for validation failures, the offending
            fields.
    """

    service_exception: ApiRequestErrorDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_exception = self.service_exception.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serviceException": service_exception,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_request_error_details import ApiRequestErrorDetails  # noqa: PLC0415

        d = dict(src_dict)
        service_exception = ApiRequestErrorDetails.from_dict(d.pop("serviceException"))

        api_request_error = cls(
            service_exception=service_exception,
        )

        api_request_error.additional_properties = d
        return api_request_error

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
