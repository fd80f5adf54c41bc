"""The classifications the sales department files customers by.

Stored values are the stable English codes (they travel through sync and the
CLI); labels are English source strings translated by the UI.
"""

from __future__ import annotations

from enum import Enum

from fieldcrm.i18n import QT_TRANSLATE_NOOP


class Choice(str, Enum):
    """An enum whose members carry a translatable label."""

    label: str

    def __new__(cls, code: str, label: str) -> "Choice":
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]


class Nature(Choice):
    GOVERNMENT = "government", QT_TRANSLATE_NOOP("Choice", "Government body")
    PARTNER = "partner", QT_TRANSLATE_NOOP("Choice", "Special/partner company")
    COMPANY = "company", QT_TRANSLATE_NOOP("Choice", "Ordinary company")
    INDIVIDUAL = "individual", QT_TRANSLATE_NOOP("Choice", "Individual")
    TRADING_PARTNER = "trading_partner", QT_TRANSLATE_NOOP("Choice", "Trading partner")


class Ownership(Choice):
    STATE = "state", QT_TRANSLATE_NOOP("Choice", "State-owned")
    COLLECTIVE = "collective", QT_TRANSLATE_NOOP("Choice", "Collective")
    PRIVATE = "private", QT_TRANSLATE_NOOP("Choice", "Private")
    JOINT_STOCK = "joint_stock", QT_TRANSLATE_NOOP("Choice", "Joint-stock")
    JOINT_VENTURE = "joint_venture", QT_TRANSLATE_NOOP("Choice", "Joint venture")


class Channel(Choice):
    WHOLESALE = "wholesale", QT_TRANSLATE_NOOP("Choice", "Wholesale")
    RETAIL = "retail", QT_TRANSLATE_NOOP("Choice", "Retail")
    AGENT = "agent", QT_TRANSLATE_NOOP("Choice", "Agent")
    FRANCHISE = "franchise", QT_TRANSLATE_NOOP("Choice", "Franchise")
    CHAIN = "chain", QT_TRANSLATE_NOOP("Choice", "Chain")
    SPECIALTY = "specialty", QT_TRANSLATE_NOOP("Choice", "Specialty store")


class LocationType(Choice):
    BUSINESS_CENTRE = "business_centre", QT_TRANSLATE_NOOP("Choice", "Business centre")
    TRANSPORT_HUB = "transport_hub", QT_TRANSLATE_NOOP("Choice", "Transport hub")
    RESIDENTIAL = "residential", QT_TRANSLATE_NOOP("Choice", "Residential")
    OTHER = "other", QT_TRANSLATE_NOOP("Choice", "Other")


class Grade(Choice):
    KEY = "key", QT_TRANSLATE_NOOP("Choice", "Key")
    GENERAL = "general", QT_TRANSLATE_NOOP("Choice", "General")
    SCATTERED = "scattered", QT_TRANSLATE_NOOP("Choice", "Scattered")


class CreditGrade(Choice):
    AAA = "AAA", QT_TRANSLATE_NOOP("Choice", "AAA (excellent)")
    AA = "AA", QT_TRANSLATE_NOOP("Choice", "AA (good)")
    A = "A", QT_TRANSLATE_NOOP("Choice", "A (fair)")
    B = "B", QT_TRANSLATE_NOOP("Choice", "B (watch)")
    C = "C", QT_TRANSLATE_NOOP("Choice", "C (cash only)")


class Lifecycle(Choice):
    PROSPECT = "prospect", QT_TRANSLATE_NOOP("Choice", "Prospect")
    NEW = "new", QT_TRANSLATE_NOOP("Choice", "New")
    ACTIVE = "active", QT_TRANSLATE_NOOP("Choice", "Active")
    DORMANT = "dormant", QT_TRANSLATE_NOOP("Choice", "Dormant")
    LOST = "lost", QT_TRANSLATE_NOOP("Choice", "Lost")


class OrganisationForm(Choice):
    SOLE_PROPRIETOR = "sole_proprietor", QT_TRANSLATE_NOOP("Choice", "Sole proprietorship")
    PARTNERSHIP = "partnership", QT_TRANSLATE_NOOP("Choice", "Partnership")
    LIMITED = "limited", QT_TRANSLATE_NOOP("Choice", "Limited company")
    LISTED = "listed", QT_TRANSLATE_NOOP("Choice", "Listed company")
    INSTITUTION = "institution", QT_TRANSLATE_NOOP("Choice", "Public institution")


class Attitude(Choice):
    EAGER = "eager", QT_TRANSLATE_NOOP("Choice", "Eager to cooperate")
    COOPERATIVE = "cooperative", QT_TRANSLATE_NOOP("Choice", "Cooperative")
    NEUTRAL = "neutral", QT_TRANSLATE_NOOP("Choice", "Neutral")
    RELUCTANT = "reluctant", QT_TRANSLATE_NOOP("Choice", "Reluctant")
    HOSTILE = "hostile", QT_TRANSLATE_NOOP("Choice", "Hostile")


class Role(Choice):
    REP = "rep", QT_TRANSLATE_NOOP("Choice", "Sales rep")
    DELIVERY = "delivery", QT_TRANSLATE_NOOP("Choice", "Delivery staff")
    SUPERVISOR = "supervisor", QT_TRANSLATE_NOOP("Choice", "Supervisor")
    ADMIN = "admin", QT_TRANSLATE_NOOP("Choice", "Administrator")
