from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_india_dlt_options import TfaIndiaDltOptions


T = TypeVar("T", bound="TfaRegionalOptions")


@_attrs_define
class TfaRegionalOptions:
    """Region-specific SMS options.

    Attributes:
        india_dlt (TfaIndiaDltOptions | Unset): India DLT registration identifiers.
    """

    india_dlt: TfaIndiaDltOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        india_dlt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.india_dlt, Unset):
            india_dlt = self.india_dlt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if india_dlt is not UNSET:
            field_dict["indiaDlt"] = india_dlt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_india_dlt_options import TfaIndiaDltOptions  # noqa: PLC0415

        d = dict(src_dict)
        _india_dlt = d.pop("indiaDlt", UNSET)
        india_dlt: TfaIndiaDltOptions | Unset
        if isinstance(_india_dlt, Unset):
            india_dlt = UNSET
        else:
            india_dlt = TfaIndiaDltOptions.from_dict(_india_dlt)

        tfa_regional_options = cls(
            india_dlt=india_dlt,
        )

        tfa_regional_options.additional_properties = d
        return tfa_regional_options

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
