import os


def discover_reports() -> list[str]:
    return sorted(name[:-3] for name in os.listdir("reports") if name.endswith(".py"))
