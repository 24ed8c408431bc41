from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_request_error import ApiRequestError


T = TypeVar("T", bound="ApiException")


@_attrs_define
class ApiException:
    """Error body of every non-2xx response, in both versions.

    Attributes:
        request_error (ApiRequestError): Wrapper around the error details.
    """

    request_error: ApiRequestError
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_error = self.request_error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestError": request_error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_request_error import ApiRequestError  # noqa: PLC0415

        d = dict(src_dict)
        request_error = ApiRequestError.from_dict(d.pop("requestError"))

        api_exception = cls(
            request_error=request_error,
        )

        api_exception.additional_properties = d
        return api_exception

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
