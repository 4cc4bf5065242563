/**
 * Reference files a user imports in the Settings pane, made in the test: an RMI facility list export as XLSX (read
 * in the browser by src/xlsx/read.ts) for the smelters of the buyer fixture.
 */
import ExcelJS from 'exceljs';

/** Facility ID -> assessment status, for the buyer fixture's smelters. */
export const FACILITY_STATUSES: readonly [id: string, metal: string, name: string, country: string, status: string][] = [
  ['CID002550', 'Tantalum', 'TANIOBIS Smelting GmbH & Co. KG', 'GERMANY', 'Conformant'],
  ['CID000402', 'Tin', 'Dowa', 'JAPAN', 'Active'],
  ['CID000035', 'Gold', 'Agosi AG', 'GERMANY', 'Conformant'],
  ['CID000004', 'Tungsten', 'A.L.M.T. Corp.', 'JAPAN', 'Conformant'],
  ['CID000927', 'Gold', 'JSC Ekaterinburg Non-Ferrous Metal Processing Plant', 'RUSSIAN FEDERATION', 'Non-Conformant'],
];

export async function facilityListXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Facilities');
  ws.addRow(['RMI Facility List export, 15 June 2026']);
  ws.addRow([]);
  ws.addRow(['Facility ID', 'Metal', 'Standard Facility Name', 'Country Location', 'Assessment Status']);
  for (const row of FACILITY_STATUSES) ws.addRow([...row]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
