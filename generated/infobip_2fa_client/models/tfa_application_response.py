from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_application_configuration import TfaApplicationConfiguration


T = TypeVar("T", bound="TfaApplicationResponse")


@_attrs_define
class TfaApplicationResponse:
    """A 2FA application.

    Attributes:
        application_id (str): Server-generated ID of the 2FA application.
        name (str | Unset): Name of the 2FA application.
        configuration (TfaApplicationConfiguration | Unset): Security configuration of a 2FA application. Time values
            use `{timeLength}{timeUnit}` and limits `{attempts}/{timeLength}{timeUnit}`, with `timeLength` optional (default
            1) and `timeUnit` one of `ms`, `s`, `m`, `h`, `d`.
        enabled (bool | Unset): Whether the application can be used to send PINs.
    """

    application_id: str
    name: str | Unset = UNSET
    configuration: TfaApplicationConfiguration | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        name = self.name

        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicationId": application_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_application_configuration import TfaApplicationConfiguration  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("applicationId")

        name = d.pop("name", UNSET)

        _configuration = d.pop("configuration", UNSET)
        configuration: TfaApplicationConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = TfaApplicationConfiguration.from_dict(_configuration)

        enabled = d.pop("enabled", UNSET)

        tfa_application_response = cls(
            application_id=application_id,
            name=name,
            configuration=configuration,
            enabled=enabled,
        )

        tfa_application_response.additional_properties = d
        return tfa_application_response

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
