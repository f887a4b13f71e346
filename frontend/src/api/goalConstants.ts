/**
 * The choices the goals editor offers (绩效目标). The contract types category and direction as enums;
 * the lists below give the editor their order, and the checks at the end fail the typecheck when the
 * contract and a list part ways.
 */
import type { GoalCategory, GoalDirection } from './types';

export const GOAL_CATEGORIES = ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'BENEFIT', 'SATISFACTION'] as const satisfies readonly GoalCategory[];

export const GOAL_DIRECTIONS = ['GE', 'LE', 'EQ'] as const satisfies readonly GoalDirection[];

/** Units the service accepts for a target (GoalService.UNITS); the contract types unit as a plain string. */
export const GOAL_UNITS = ['%', '个', '件', '次', '人', '人次', '户', '天', '项', '场', '万元', '元', '分', '所', '平方米'] as const;

/** true only when every value of the contract's enum is in the list; Complete<false> fails the typecheck. */
type Covers<List extends readonly string[], Enum extends string> = [Exclude<Enum, List[number]>] extends [never] ? true : false;
type Complete<T extends true> = T;
export type GoalListsComplete = Complete<Covers<typeof GOAL_CATEGORIES, GoalCategory> | Covers<typeof GOAL_DIRECTIONS, GoalDirection>>;
