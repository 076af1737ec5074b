"""Reports: the exporters' base (exporter.py) and the writers, one per format (csv_writer,
xlsx_writer, pdf_writer; formats names them), each serving every report (events.exporters)."""
