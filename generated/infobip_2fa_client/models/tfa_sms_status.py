from enum import StrEnum


class TfaSmsStatus(StrEnum):
    MESSAGE_NOT_SENT = "MESSAGE_NOT_SENT"
    MESSAGE_SENT = "MESSAGE_SENT"

    def __str__(self) -> str:
        return str(self.value)
