import { z } from 'zod';
import { formDefSchema } from '../forms/formDef';
import { orgUnitSchema } from '../orgUnits/orgUnit';

/**
 * A definition as headquarters publishes it (the JSON twin of a definition workbook):
 * a form, or an agency's org-unit tree. Published for a fiscal year (or from one onwards);
 * the built-in ones (`forms/*.json`) apply to every year nothing is published for.
 */
export const formDocumentSchema = z.strictObject({ kind: z.literal('form'), form: formDefSchema });
export type FormDocument = z.infer<typeof formDocumentSchema>;

/** An agency's org units: one tree, rooted at its headquarters (its id is the root's code). */
export const unitsDocumentSchema = z.strictObject({ kind: z.literal('orgUnits'), units: z.array(orgUnitSchema).min(1).max(5000) });
export type UnitsDocument = z.infer<typeof unitsDocumentSchema>;

export const definitionDocumentSchema = z.discriminatedUnion('kind', [formDocumentSchema, unitsDocumentSchema]);
export type DefinitionDocument = z.infer<typeof definitionDocumentSchema>;

/** A definition's JSON is at most this long (it travels in one request and is kept in one entity). */
export const MAX_DEFINITION_CHARS = 400_000;

export { documentId } from './documentId';
