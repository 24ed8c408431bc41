from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tfa_nc_status import TfaNcStatus
from ..models.tfa_sms_status import TfaSmsStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TfaStartAuthenticationResponse")


@_attrs_define
class TfaStartAuthenticationResponse:
    """Result of sending or resending a PIN over SMS or voice.

    Attributes:
        pin_id (str): ID of the PIN, used to verify or resend it.
        to (str | Unset): The destination phone number.
        nc_status (str | TfaNcStatus | Unset): Number Lookup status (SMS only, present when a lookup ran); unknown
            values are passed through as plain strings.
        sms_status (str | TfaSmsStatus | Unset): Whether the SMS was sent (SMS only); unknown values are passed through
            as plain strings.
        call_status (str | Unset): Status of the voice call (voice only), e.g. `PENDING_ACCEPTED`; legacy values include
            `BAD_REQUEST`, `PROCESSING`, `PROCESSED` and `ANSWERED_MACHINE`. Free string.
        external_message_id (str | Unset): ID of the sent message for delivery tracking; present only when
            `trackDelivery` was true.
    """

    pin_id: str
    to: str | Unset = UNSET
    nc_status: str | TfaNcStatus | Unset = UNSET
    sms_status: str | TfaSmsStatus | Unset = UNSET
    call_status: str | Unset = UNSET
    external_message_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pin_id = self.pin_id

        to = self.to

        nc_status: str | Unset
        if isinstance(self.nc_status, Unset):
            nc_status = UNSET
        elif isinstance(self.nc_status, TfaNcStatus):
            nc_status = self.nc_status.value
        else:
            nc_status = self.nc_status

        sms_status: str | Unset
        if isinstance(self.sms_status, Unset):
            sms_status = UNSET
        elif isinstance(self.sms_status, TfaSmsStatus):
            sms_status = self.sms_status.value
        else:
            sms_status = self.sms_status

        call_status = self.call_status

        external_message_id = self.external_message_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pinId": pin_id,
            }
        )
        if to is not UNSET:
            field_dict["to"] = to
        if nc_status is not UNSET:
            field_dict["ncStatus"] = nc_status
        if sms_status is not UNSET:
            field_dict["smsStatus"] = sms_status
        if call_status is not UNSET:
            field_dict["callStatus"] = call_status
        if external_message_id is not UNSET:
            field_dict["externalMessageId"] = external_message_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pin_id = d.pop("pinId")

        to = d.pop("to", UNSET)

        def _parse_nc_status(data: object) -> str | TfaNcStatus | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                nc_status_type_0 = TfaNcStatus(data)

                return nc_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaNcStatus | Unset, data)

        nc_status = _parse_nc_status(d.pop("ncStatus", UNSET))

        def _parse_sms_status(data: object) -> str | TfaSmsStatus | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sms_status_type_0 = TfaSmsStatus(data)

                return sms_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TfaSmsStatus | Unset, data)

        sms_status = _parse_sms_status(d.pop("smsStatus", UNSET))

        call_status = d.pop("callStatus", UNSET)

        external_message_id = d.pop("externalMessageId", UNSET)

        tfa_start_authentication_response = cls(
            pin_id=pin_id,
            to=to,
            nc_status=nc_status,
            sms_status=sms_status,
            call_status=call_status,
            external_message_id=external_message_id,
        )

        tfa_start_authentication_response.additional_properties = d
        return tfa_start_authentication_response

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
