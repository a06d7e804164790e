import { FlowbaseError } from '../errors.js';

/** The key under which a seed's fields that the API takes no field for are kept (see README). */
export const KEPT = '_seed';

/**
 * Splits a seed's snake_case object by its mapping: `api` fields go to the API under their
 * camelCase name, `kept` fields are kept in a JSON column under KEPT, and any other field is
 * refused with an error that names it, so nothing is dropped in silence.
 */
export function mapFields(
    what: string,
    data: Record<string, unknown>,
    api: Record<string, string>,
    kept: string[],
): { api: Record<string, unknown>; kept: Record<string, unknown> } {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
        throw FlowbaseError.invalid(what, `is ${JSON.stringify(data)}: it takes an object of fields`);
    }
    const out = { api: {} as Record<string, unknown>, kept: {} as Record<string, unknown> };
    for (const [field, value] of Object.entries(data)) {
        if (value === undefined) {
            continue;
        }
        if (field in api) {
            out.api[api[field]] = value;
        } else if (kept.includes(field)) {
            out.kept[field] = value;
        } else {
            throw FlowbaseError.invalid(
                `${what}.${field}`,
                `Flowbase has no column for it and the seed mapping keeps no place for it; the fields taken are ${[...Object.keys(api), ...kept].join(', ')}`,
            );
        }
    }
    return out;
}

/** A JSON column's value with the kept fields added under KEPT (refused when the column holds no object). */
export function keepIn(what: string, column: unknown, kept: Record<string, unknown>): unknown {
    if (Object.keys(kept).length === 0) {
        return column;
    }
    if (column !== undefined && column !== null && (typeof column !== 'object' || Array.isArray(column))) {
        throw FlowbaseError.invalid(what, `must be an object to keep ${Object.keys(kept).join(', ')} in it (under ${KEPT}); it is ${JSON.stringify(column)}`);
    }
    return { ...(column as object | undefined), [KEPT]: kept };
}

/** A row as the seed reads it: snake_case keys, the kept fields lifted back out of `column`. */
export function seedRow(row: object, column: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
        out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
    }
    const json = out[column] as Record<string, unknown> | null | undefined;
    if (json && typeof json === 'object' && KEPT in json) {
        const { [KEPT]: kept, ...rest } = json;
        Object.assign(out, kept as object);
        out[column] = rest;
    }
    return out;
}
