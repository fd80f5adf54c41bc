"""Demo data: a believable Hangzhou sales territory to try FieldCRM on and to benchmark it with."""

from fieldcrm.demo.build import DEMO_OWNER, DEMO_TODAY, build_demo, build_lived_in_demo

__all__ = ["DEMO_OWNER", "DEMO_TODAY", "build_demo", "build_lived_in_demo"]
