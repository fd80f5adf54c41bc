"""FieldCRM: an offline-first CRM for field sales forces."""

__version__ = "0.1.0"
