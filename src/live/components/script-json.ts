/** JSON for a `<script type="application/json">` element: `<` escaped, so no text can close it. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
