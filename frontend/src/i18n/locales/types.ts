/** A dictionary's type with its string literals widened to string (the English one must have the same keys). */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
