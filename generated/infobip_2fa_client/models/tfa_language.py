from enum import StrEnum


class TfaLanguage(StrEnum):
    CA = "ca"
    DA = "da"
    DE = "de"
    EN = "en"
    ES = "es"
    FI = "fi"
    FR = "fr"
    HR = "hr"
    IT = "it"
    JA = "ja"
    KO = "ko"
    NL = "nl"
    NO = "no"
    PL = "pl"
    PT_BR = "pt_br"
    PT_PT = "pt_pt"
    RO = "ro"
    RU = "ru"
    SL = "sl"
    SV = "sv"
    ZH_CN = "zh_cn"
    ZH_TW = "zh_tw"

    def __str__(self) -> str:
        return str(self.value)
