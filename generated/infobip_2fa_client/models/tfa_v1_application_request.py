from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_v1_application_configuration import TfaV1ApplicationConfiguration


T = TypeVar("T", bound="TfaV1ApplicationRequest")


@_attrs_define
class TfaV1ApplicationRequest:
    """Body of create and update application in `/2fa/1`.

    Attributes:
        name (str): Name of the 2FA application.
        enabled (bool | Unset): Whether the application can be used to send PINs; an application created without it is
            enabled.
        configuration (TfaV1ApplicationConfiguration | Unset): Security configuration of a `/2fa/1` application; same
            fields, formats and defaults as in `/2fa/2`.
    """

    name: str
    enabled: bool | Unset = UNSET
    configuration: TfaV1ApplicationConfiguration | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        enabled = self.enabled

        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if configuration is not UNSET:
            field_dict["configuration"] = configuration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_v1_application_configuration import TfaV1ApplicationConfiguration  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        enabled = d.pop("enabled", UNSET)

        _configuration = d.pop("configuration", UNSET)
        configuration: TfaV1ApplicationConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = TfaV1ApplicationConfiguration.from_dict(_configuration)

        tfa_v1_application_request = cls(
            name=name,
            enabled=enabled,
            configuration=configuration,
        )

        tfa_v1_application_request.additional_properties = d
        return tfa_v1_application_request

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
