import { useCallback } from "react";
import { downloadCSV, useTranslate, type Exporter, type RaRecord } from "react-admin";
import { csvOf, type CsvColumn } from "../data/csv";

/** A list's exporter: the rows react-admin read with the list's filter and sort, as the columns given. */
export function useCsvExporter(resource: string, columns: readonly CsvColumn[]): Exporter {
  const translate = useTranslate();
  return useCallback(
    (records: RaRecord[]) =>
      downloadCSV(csvOf(records, columns, translate), translate(`resources.${resource}.name`, { smart_count: 2 })),
    [resource, columns, translate],
  );
}
