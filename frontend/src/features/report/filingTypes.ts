export type { Filing } from '../../api/types';
export type { FieldError as FieldErrorLike } from '../../api/problem';
