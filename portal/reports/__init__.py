"""Writers: one per format, each serving every report (events.exporters)."""
