/**
 * Compile-time check that the fake's members have the names and types of the real Office.js ones (from
 * @types/office-js): scalar properties must have the same type, methods the same parameters. Proxies returned by
 * methods are the fake's own classes, so return types are not compared. Type-only: nothing here runs.
 */
import type {
  FakeApplication,
  FakeCommentCollection,
  FakeCommentObject,
  FakeCustomXmlPart,
  FakeCustomXmlPartCollection,
  FakeCustomXmlPartScopedCollection,
  FakeNote,
  FakeNoteCollection,
  FakeRange,
  FakeRangeAreas,
  FakeRangeFill,
  FakeRangeFont,
  FakeWorkbookProtection,
  FakeWorkbookProxy,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetProtection,
} from './objects';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fn = (...args: never[]) => unknown;
/** For each member K: scalars of the same type, or methods whose real parameters the fake accepts. */
type Matches<F, R, K extends keyof F & keyof R> = {
  [P in K]: R[P] extends Fn ? (F[P] extends Fn ? (Parameters<R[P]> extends Parameters<F[P]> ? true : false) : false) : Same<F[P], R[P]>;
};
type AllTrue<T> = T[keyof T] extends true ? true : false;
type Assert<T extends true> = T;

export type Contract = [
  Assert<AllTrue<Matches<FakeRange, Excel.Range, 'address' | 'addressLocal' | 'cellCount' | 'rowCount' | 'columnCount' | 'rowIndex' | 'columnIndex' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'getIntersectionOrNullObject' | 'select' | 'clear'>>>,
  Assert<AllTrue<Matches<FakeRangeAreas, Excel.RangeAreas, 'address' | 'areaCount' | 'cellCount'>>>,
  Assert<AllTrue<Matches<FakeRangeFill, Excel.RangeFill, 'color' | 'clear'>>>,
  Assert<AllTrue<Matches<FakeRangeFont, Excel.RangeFont, 'color' | 'bold'>>>,
  Assert<AllTrue<Matches<FakeWorksheet, Excel.Worksheet, 'name' | 'id' | 'position' | 'getRange' | 'getRanges' | 'getRangeByIndexes' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'activate'>>>,
  Assert<AllTrue<Matches<FakeWorksheetCollection, Excel.WorksheetCollection, 'getItem' | 'getItemOrNullObject' | 'add' | 'getActiveWorksheet' | 'getCount'>>>,
  Assert<AllTrue<Matches<FakeWorksheetProtection, Excel.WorksheetProtection, 'protected' | 'isPasswordProtected' | 'unprotect'>>>,
  Assert<AllTrue<Matches<FakeWorkbookProtection, Excel.WorkbookProtection, 'protected' | 'protect' | 'unprotect'>>>,
  Assert<AllTrue<Matches<FakeWorkbookProxy, Excel.Workbook, 'name' | 'getSelectedRange'>>>,
  Assert<AllTrue<Matches<FakeApplication, Excel.Application, 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync'>>>,
  Assert<AllTrue<Matches<FakeNote, Excel.Note, 'content' | 'authorName' | 'delete' | 'getLocation'>>>,
  Assert<AllTrue<Matches<FakeNoteCollection, Excel.NoteCollection, 'getItem' | 'getItemOrNullObject' | 'getItemAt' | 'getCount'>>>,
  Assert<AllTrue<Matches<FakeCommentObject, Excel.Comment, 'id' | 'content' | 'authorName' | 'delete' | 'getLocation'>>>,
  Assert<AllTrue<Matches<FakeCommentCollection, Excel.CommentCollection, 'getItem' | 'getItemByCell' | 'getCount'>>>,
  Assert<AllTrue<Matches<FakeCustomXmlPart, Excel.CustomXmlPart, 'id' | 'namespaceUri' | 'getXml' | 'setXml' | 'delete'>>>,
  Assert<AllTrue<Matches<FakeCustomXmlPartCollection, Excel.CustomXmlPartCollection, 'add' | 'getByNamespace' | 'getItem' | 'getItemOrNullObject' | 'getCount'>>>,
  Assert<AllTrue<Matches<FakeCustomXmlPartScopedCollection, Excel.CustomXmlPartScopedCollection, 'getItem' | 'getItemOrNullObject' | 'getOnlyItem' | 'getOnlyItemOrNullObject' | 'getCount'>>>,
];
