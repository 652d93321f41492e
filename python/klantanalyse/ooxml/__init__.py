"""Office Open XML package helpers shared by the file writer and the workbook builder."""
