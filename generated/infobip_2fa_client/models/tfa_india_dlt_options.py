from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaIndiaDltOptions")


@_attrs_define
class TfaIndiaDltOptions:
    """India DLT registration identifiers.

    Attributes:
        principal_entity_id (str): ID of the principal entity (the sender's business) registered on the DLT platform.
        content_template_id (str | Unset): ID of the registered DLT content template matching the message.
        tele_marketer_id (str | Unset): ID of the telemarketer registered on the DLT platform.
    """

    principal_entity_id: str
    content_template_id: str | Unset = UNSET
    tele_marketer_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal_entity_id = self.principal_entity_id

        content_template_id = self.content_template_id

        tele_marketer_id = self.tele_marketer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principalEntityId": principal_entity_id,
            }
        )
        if content_template_id is not UNSET:
            field_dict["contentTemplateId"] = content_template_id
        if tele_marketer_id is not UNSET:
            field_dict["teleMarketerId"] = tele_marketer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal_entity_id = d.pop("principalEntityId")

        content_template_id = d.pop("contentTemplateId", UNSET)

        tele_marketer_id = d.pop("teleMarketerId", UNSET)

        tfa_india_dlt_options = cls(
            principal_entity_id=principal_entity_id,
            content_template_id=content_template_id,
            tele_marketer_id=tele_marketer_id,
        )

        tfa_india_dlt_options.additional_properties = d
        return tfa_india_dlt_options

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
