import type { Environment } from '@marcbachmann/cel-js';

/**
 * The API server's bounds on CEL (k8s.io/apiserver/pkg/apis/cel/config.go): each evaluation of
 * a rule may cost up to PER_CALL_LIMIT, and all the rules run for one object together up to
 * RUNTIME_CEL_COST_BUDGET. A rule that loops over large lists (nested `all()`, `map()`) stops
 * with the API server's error instead of running for minutes.
 */
export const PER_CALL_LIMIT = 1_000_000;
export const RUNTIME_CEL_COST_BUDGET = 10_000_000;

/** cel-go's cost of traversing a string or list: a tenth of a unit per character or item (`common.StringTraversalCostFactor`). */
const TRAVERSAL_COST_FACTOR = 0.1;

/** Thrown inside an evaluation whose cost passed PER_CALL_LIMIT; cel-go's text is `ERROR_TEXT`. */
export class CostLimitExceeded extends Error {
  constructor() {
    super('operation cancelled: actual cost limit exceeded');
  }
}

/** The cost so far of the evaluation running now (CEL evaluation here is synchronous: one at a time). */
const meter = { cost: 0, limit: PER_CALL_LIMIT };

/** Operations whose result was built by the call (a concatenation, a function's string or list), costing its size. */
const BUILDS_RESULT = new Set(['call', 'rcall', '+']);

function sizeCost(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return Math.ceil(value.length * TRAVERSAL_COST_FACTOR);
  return 0;
}

interface AstNode {
  op: string;
  evaluate(ev: Evaluator, ast: AstNode, ctx: unknown): unknown;
}

interface Evaluator {
  run(ast: AstNode, ctx: unknown): unknown;
}

/**
 * Counts the cost of every evaluation of `env`, approximately as cel-go does: one unit for each
 * step (each node evaluated: a field, an operator, a call, each round of a comprehension), and
 * for calls and concatenations the size of what they build. cel-js has no cost tracking of its
 * own, but evaluates every node below the root through its evaluator's `run`: that method is
 * wrapped, on the one evaluator of the environment (reached through the root of a program).
 * Throws when cel-js no longer works this way, so that rules are never run unbounded.
 */
export function meterCost(env: Environment): void {
  const program = env.parse('true');
  const root = program.ast as unknown as AstNode;
  let evaluator: Evaluator | undefined;
  root.evaluate = (ev) => {
    evaluator = ev;
    return true;
  };
  program({});
  if (!evaluator || typeof evaluator.run !== 'function') throw new Error('cannot bound the cost of CEL evaluation');
  const ev = evaluator;
  ev.run = (ast: AstNode, ctx: unknown): unknown => {
    const value = ast.evaluate(ev, ast, ctx);
    meter.cost += 1 + (BUILDS_RESULT.has(ast.op) ? sizeCost(value) : 0);
    if (meter.cost > meter.limit) throw new CostLimitExceeded();
    return value;
  };
}

/** The result of an evaluation, or what it threw, and what it cost. */
export type Metered = { cost: number } & ({ value: unknown } | { error: unknown });

/** Runs one evaluation of a metered environment's program, stopped when it costs more than PER_CALL_LIMIT. */
export function metered(evaluate: () => unknown): Metered {
  meter.cost = 0;
  try {
    const value = evaluate();
    return { value, cost: meter.cost };
  } catch (error) {
    return { error, cost: meter.cost };
  }
}
