from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tfa_v1_application_configuration import TfaV1ApplicationConfiguration


T = TypeVar("T", bound="TfaV1ApplicationResponse")


@_attrs_define
class TfaV1ApplicationResponse:
    """A `/2fa/1` 2FA application.

    Attributes:
        application_id (str): Server-generated ID of the 2FA application.
        name (str | Unset): Name of the 2FA application.
        configuration (TfaV1ApplicationConfiguration | Unset): Security configuration of a `/2fa/1` application; same
            fields, formats and defaults as in `/2fa/2`.
        enabled (bool | Unset): Whether the application can be used to send PINs.
        process_id (str | Unset): Process tracking ID (legacy documentation only; may be absent).
    """

    application_id: str
    name: str | Unset = UNSET
    configuration: TfaV1ApplicationConfiguration | Unset = UNSET
    enabled: bool | Unset = UNSET
    process_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        name = self.name

        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        enabled = self.enabled

        process_id = self.process_id

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
        if process_id is not UNSET:
            field_dict["processId"] = process_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tfa_v1_application_configuration import TfaV1ApplicationConfiguration  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("applicationId")

        name = d.pop("name", UNSET)

        _configuration = d.pop("configuration", UNSET)
        configuration: TfaV1ApplicationConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = TfaV1ApplicationConfiguration.from_dict(_configuration)

        enabled = d.pop("enabled", UNSET)

        process_id = d.pop("processId", UNSET)

        tfa_v1_application_response = cls(
            application_id=application_id,
            name=name,
            configuration=configuration,
            enabled=enabled,
            process_id=process_id,
        )

        tfa_v1_application_response.additional_properties = d
        return tfa_v1_application_response

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
